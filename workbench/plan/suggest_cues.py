"""What a column's values alone say about a library input (value cues).

A column whose name and label say nothing (``hargeisa10``, ``v105``) still carries its answers:
two answers naming female and male are a sex; answers naming displaced people and a host
community are the population group; integers from 1950 to 2030 are a year; many small integers
in the member file an age; a household count equal to the number of member rows of each
household its size; water sources, toilets, birth attendants read from their answer labels with
the condition's word list (``suggest_data/words.toml``). Each cue is a strength in [0, 1] and a
reason; auto-suggest offers a column on its cue alone (weaker evidence than words) and counts a
cue that agrees with the words as more evidence. Units in a name or label tell a number apart:
square metres, money, minutes or kilometres are not a count of people (:func:`unit_of`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbench.messages import Message
from workbench.plan.codes import canon_series
from workbench.plan.suggest_codes import categories, group_role
from workbench.plan.suggest_columns import is_missing_label, label_texts
from workbench.plan.suggest_text import fold
from workbench.plan.suggest_words import condition_words, number_kinds

if TYPE_CHECKING:
    from workbench.dataset_model import Dataset
    from workbench.plan.suggest_columns import ColumnProfile, InputText

#: what a column's values say (a registered ``plan.cue_*`` message, shown in the user's
#: language), None when they say nothing
Cue = Message | None

#: units written in names and labels (folded text, word-start patterns) → what the number is
UNITS: dict[str, tuple[str, ...]] = {
    "area": (r"m2\b", r"m²", r"sq ?m\b", r"sqm\b", r"square met", r"square feet", r"sq ?ft\b",
             r"metres? carres?", r"metros? cuadrados?", r"متر مربع", r"hectare", r"\bha\b",
             r"\bacres?\b"),
    "money": (r"\busd\b", r"\$\s?\d", r"\d\s?\$", r"\(\$\)", r"\bus\$", r"€", r"\beur\b",
              r"currency", r"\bprice", r"\bcost",
              r"shilling", r"francs?\b", r"\bfcfa\b", r"\bcfa\b", r"\bxaf\b", r"\bxof\b",
              r"dollars?\b", r"\bbirr\b", r"\bnaira\b", r"\bngn\b", r"\bsos\b", r"\buah\b",
              r"hryvnia", r"\bpesos?\b", r"\bmonnaie", r"\bprix\b", r"\bcout\b", r"\bprecio",
              r"\bcosto", r"\bmoneda", r"\bدولار", r"\bسعر", r"\bتكلفة"),
    "time": (r"\bminutes?\b", r"\bmins?\b", r"\bhours?\b", r"\bheures?\b", r"\bhoras?\b",
             r"\bدقيقة", r"\bساعة"),
    "distance": (r"\bkm\b", r"kilomet", r"\bmeters? away", r"\bmiles?\b", r"\bكم\b"),
}  # fmt: skip
#: what a number input must not be measured in
FOREIGN_UNITS: dict[str, frozenset[str]] = {
    "count": frozenset({"area", "money", "time", "distance"}),
    "amount": frozenset({"area", "time", "distance"}),
    "age": frozenset({"area", "money", "distance"}),
    "year": frozenset({"area", "money", "distance"}),
}
#: the strength of a cue taken as evidence when the column shares no word with the input
CUE_EVIDENCE = 0.5
#: how much a cue that agrees with the words adds (of what the evidence lacks)
CUE_AGREE = 0.5
#: roster counts equal to a household column on this share of households: it is their size
SIZE_SHARE = 0.8
#: the cue of a column whose list of answers says something else than the input
CONTRA = -1.0


#: words saying a column describes the respondent (not every member): folded, word starts
RESPONDENT = re.compile(r"\b(resp|respondent|repondant|enquete|encuestad|entrevistad|المستجيب)")


def about_respondent(col: ColumnProfile) -> bool:
    """The column's name or label says it is the respondent's (``resp_gender``)."""
    text = " ".join(fold(t) for t in (col.name.replace("_", " "), *label_texts(col.var)))
    return bool(RESPONDENT.search(text))


@cache
def _unit_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((u, re.compile("|".join(p))) for u, p in UNITS.items())


def unit_of(col: ColumnProfile) -> str | None:
    """The unit a column's name or label states (area, money, time, distance), if any."""
    text = " ".join(fold(t) for t in (col.name.replace("_", " "), *label_texts(col.var)))
    for unit, pattern in _unit_patterns():
        if pattern.search(text):
            return unit
    return None


#: a label asking for a number ("number of jobs", "how many …"): a count, not a yes/no fact
COUNT_QUESTION = re.compile(
    r"^[\s¿¡\"'(]*(#|n°|nº|number of|no\.? of|how many|nombre de|nombre d'|combien|numero de|"
    r"cantidad de|cuantos|cuantas|عدد|كم)(\s|\b)"
)


def says_count(col: ColumnProfile) -> bool:
    """The column's label asks for a number and its answers are not yes/no."""
    return not col.yes_no and any(COUNT_QUESTION.search(fold(t)) for t in label_texts(col.var))


def unit_penalty(input_name: str, col: ColumnProfile, kind: str = "") -> float:
    """1, or a small factor when the column is measured in a unit the input cannot be in (a
    shelter's size in m² is not the number of household members) or, for a condition, when
    its label asks for a number ("Número de empleos" is not self-employment)."""
    if kind == "condition":
        return 0.5 if says_count(col) else 1.0
    how = number_kinds().get(input_name)
    if how is None:
        return 1.0
    unit = unit_of(col)
    return 0.2 if unit is not None and unit in FOREIGN_UNITS.get(how, frozenset()) else 1.0


@dataclass(frozen=True)
class CueContext:
    """What cues need beyond a column: the household file's values and the number of member
    rows of each household, aligned with its rows (None without a member file or a link)."""

    household: pd.DataFrame | None = None
    roster_sizes: pd.Series | None = None


def cue_context(hh: Dataset, ind: Dataset | None, link: tuple[str, str | None]) -> CueContext:
    key, ind_key = link
    if ind is None or not key or not ind_key or key not in hh.frame or ind_key not in ind.frame:
        return CueContext(hh.frame)
    counts = canon_series(ind.frame[ind_key]).value_counts()
    sizes = canon_series(hh.frame[key]).map(counts)
    return CueContext(hh.frame, sizes if sizes.notna().mean() > 0.5 else None)


def _answers(col: ColumnProfile) -> dict[Any, str]:
    labels = dict(col.var.value_labels) or dict(col.values.choices)
    return {k: str(v) for k, v in labels.items() if not is_missing_label(str(v))}


def has_cue(inp: InputText) -> bool:
    """Whether the input can be recognised from values alone."""
    return bool(
        inp.values
        or inp.role == "group"
        or condition_words(inp.name) is not None
        or number_kinds().get(inp.name) in ("year", "age")
        or inp.name == "household_size"
    )


def value_cue(inp: InputText, col: ColumnProfile, ctx: CueContext) -> tuple[float, Cue]:
    """(strength in [0, 1], reason): what the column's values alone say about the input;
    ``CONTRA`` when its answers are a list that says something else (a yes/no question for a
    population group, villages for urban / rural, toilets for a water source)."""
    prof = col.values
    if prof.n == 0 or col.option_of:
        return 0.0, None
    if inp.values:
        return _category_cue(inp, col)
    if inp.role == "group":
        answers = _answers(col)
        roles = {group_role(v) for v in answers.values()}
        if {"displaced", "comparator"} <= roles:
            return 0.9, Message.of("plan.cue_group")
        return (CONTRA, None) if len(answers) >= 2 else (0.0, None)
    words = condition_words(inp.name)
    if words is not None:
        return _answer_words_cue(col, words)
    if col.yes_no or not prof.numeric or not prof.integer:
        return 0.0, None
    how = number_kinds().get(inp.name)
    if how == "year" and prof.low >= 1940 and prof.high <= 2035 and prof.distinct >= 3:
        return 0.8, Message.of("plan.cue_years", low=int(prof.low), high=int(prof.high))
    # in the member file only: on household rows, cluster and code numbers look the same
    member = col.unit == "individual" and prof.distinct > 15
    if how == "age" and member and prof.low >= 0 and 30 <= prof.high <= 120:
        return 0.7, Message.of("plan.cue_age", low=int(prof.low), high=int(prof.high))
    if inp.name == "household_size":
        return _size_cue(col, ctx)
    return 0.0, None


def _category_cue(inp: InputText, col: ColumnProfile) -> tuple[float, Cue]:
    answers = _answers(col)
    if len(answers) < 2:
        return 0.0, None
    named = {k: v for k, v in categories(col.var, inp.values, col.values.choices).items() if v}
    if not named:
        return CONTRA, None
    if len(named) != len(inp.values) or len(answers) > 12:
        return 0.0, None
    covered = {c for codes in named.values() for c in codes}
    share = len(covered) / len(answers)
    if share < 0.5:
        return 0.0, None
    return 0.5 + 0.4 * share, Message.of("plan.cue_categories", answers=" / ".join(inp.values))


def _answer_words_cue(
    col: ColumnProfile, words: tuple[tuple[str, ...], tuple[str, ...]]
) -> tuple[float, Cue]:
    """Answers that the condition's word list knows (improved or not): a water source list."""
    if col.yes_no:
        return 0.0, None
    answers = [v for v in _answers(col).values() if fold(v).strip() not in ("other", "autre")]
    if len(answers) < 2:
        return 0.0, None
    known = [v for v in answers if _says_any(v, words[0] + words[1])]
    if not known and len(answers) >= 3:
        return CONTRA, None
    if len(known) < 2 or len(known) / len(answers) < 0.5:
        return 0.0, None
    if not any(_says_any(v, words[0]) for v in known):
        return 0.0, None  # only answers that undo it: a list of something else
    return 0.4 + 0.5 * len(known) / len(answers), Message.of("plan.cue_answer", answer=known[0])


def _says_any(label: str, words: tuple[str, ...]) -> bool:
    text = " " + " ".join(fold(label).replace("_", " ").replace("/", " ").split()) + " "
    return any(f" {w}" in text for w in words if w not in ("yes", "no", "oui", "non", "لا"))


def _size_cue(col: ColumnProfile, ctx: CueContext) -> tuple[float, Cue]:
    prof = col.values
    if col.unit != "household" or prof.low < 0 or prof.high > 60:
        return 0.0, None
    sizes, frame = ctx.roster_sizes, ctx.household
    if sizes is None or frame is None or col.name not in frame:
        return 0.0, None
    values = pd.to_numeric(frame[col.name], errors="coerce")
    both = values.notna() & sizes.notna()
    if both.any() and (values[both] == sizes[both]).mean() >= SIZE_SHARE:
        return 0.95, Message.of("plan.cue_size")
    return 0.0, None
