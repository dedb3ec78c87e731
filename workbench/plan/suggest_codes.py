"""Suggested codes: answers that count as the condition, missing codes, group roles, categories."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from workbench.dataset_model import Variable
from workbench.plan.codes import Code, norm_code
from workbench.plan.suggest_columns import YES_LABELS, is_missing_label
from workbench.plan.suggest_text import Vocab, fold, tokens, word_match
from workbench.plan.suggest_values import ValueProfile
from workbench.plan.suggest_words import answer_words, condition_words, generic

#: survey sentinels for "don't know" / "refused" in numbers without value labels
SENTINELS = (98.0, 99.0, 998.0, 999.0, 9998.0, 9999.0, 99998.0, 99999.0, 999998.0, 999999.0)

#: words that put a population-group value into a role (folded; order matters: "non-displaced"
#: and "host" are checked before "displaced")
COMPARATOR_WORDS = (
    "non-displaced", "non displaced", "not displaced", "non deplace", "host", "hote", "accueil",
    "resident", "local population", "national", "communaute",
)  # fmt: skip
EXCLUDE_WORDS = (
    "unknown",
    "inconnu",
    "refus",
    "don't know",
    "ne sait",
    "missing",
    "other",
    "autre",
)
DISPLACED_WORDS = ("idp", "pdi", "displaced", "deplace", "camp", "returnee", "retourne", "rapatrie",
                   "refugee", "refugie", "evacue", "evacuee")  # fmt: skip

#: library category values → words that name them in value labels (any language, folded)
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "female": ("female", "femme", "feminin", "woman", "girl", "mujer", "f"),
    "male": ("male", "homme", "masculin", "man", "boy", "hombre", "m"),
    "urban": ("urban", "urbain", "urbano", "city", "ville"),
    "rural": ("rural", "village", "campagne"),
    "stay": ("stay", "rester", "local integration", "integration locale", "quedarse"),
    "return": ("return", "retour", "retourner", "regresar"),
    "elsewhere": (
        "elsewhere",
        "ailleurs",
        "relocat",
        "otro lugar",
        "settle",
        "move",
        "another place",
    ),
    "conflict": ("conflict", "conflit", "violence", "war", "guerre"),
    "disaster": ("disaster", "catastrophe", "flood", "drought", "inondation", "secheresse"),
    "other": ("other", "autre", "otro"),
}


def missing_codes(var: Variable, values: pd.Series | None = None) -> tuple[Code, ...] | None:
    """Codes labelled don't know / refused; else sentinels (98, 99, 9999 …) that stand out from
    the other values of an unlabelled number. None when the Variable's own codes should be used."""
    if var.missing_codes:
        return None
    labelled = tuple(norm_code(k) for k, v in var.value_labels.items() if is_missing_label(str(v)))
    if labelled:
        return labelled
    if values is None or not pd.api.types.is_numeric_dtype(values.dtype):
        return None
    uniq = pd.unique(values.dropna().to_numpy(dtype=float))
    found = [s for s in SENTINELS if s in set(uniq.tolist())]
    if not found:
        return None
    rest = np.asarray([u for u in uniq if u not in found], dtype=float)
    if rest.size and np.nanmax(rest) * 1.5 >= min(found):
        return None  # the sentinel sits among ordinary values (e.g. ages up to 99)
    return tuple(norm_code(s) for s in found)


def yes_codes(var: Variable, choices: Mapping[Any, str] | None = None) -> tuple[Code, ...]:
    """Codes whose label is "Yes" in any language (or starts with it: "Yes, seen by
    enumerator", "Oui", "Sí", "نعم"); ``choices``: text answers read as their own labels."""
    yes, _no = answer_words()
    out = []
    for labels in (var.value_labels, *var.value_labels_i18n.values(), choices or {}):
        for k, v in labels.items():
            first = fold(str(v)).strip().replace(",", " ").split(" ")[0] if str(v).strip() else ""
            if (first in YES_LABELS or first in yes) and norm_code(k) not in out:
                out.append(norm_code(k))
    return tuple(out)


def condition_codes(
    input_name: str, var: Variable, values: ValueProfile, words: frozenset[str] = frozenset()
) -> tuple[Code, ...]:
    """The answers that count as the condition ``input_name``: "yes" in any language; for an
    input whose answers are choices (water source, toilet, walls …) the choices whose label has
    one of its words and none of the words that undo it (``suggest_data/words.toml``); for an
    unlabelled 0/1 or 1/2 answer, 1; else the choices whose label says one of the input's own
    ``words`` (its name and keywords, e.g. "satisfied", "aware", "certificate") not negated
    ("Very satisfied" and "Aware, not used" count for satisfied / aware; "Dissatisfied",
    "Not aware" do not)."""
    labels: dict[Any, str] = dict(var.value_labels) or dict(values.choices)
    specific = condition_words(input_name)
    if specific is not None and labels:
        found = _labelled(var, values, specific)
        if found:
            return found
    codes = yes_codes(var, values.choices)
    if codes:
        return codes
    if labels and "complet" in {w[:7] for w in words}:
        ladder = _at_least(labels, words)
        if ladder:
            return ladder
    if not labels and values.zero_one and values.low in (0.0, 1.0) and values.high in (1.0, 2.0):
        return (1,)
    if words and len(labels) >= 2:
        return _saying(labels, words)
    return ()


#: words that negate the word after them, in the languages of the library
NEGATIONS = frozenset({
    "not", "no", "never", "neither", "nor", "without", "non", "ne", "pas", "jamais", "sans",
    "ni", "nunca", "sin", "ningun", "ninguna", "لا", "لم", "غير",
})  # fmt: skip


def _at_least(labels: Mapping[Any, str], words: frozenset[str]) -> tuple[Code, ...]:
    """For a "completed …" input read from a ladder of levels (numeric codes in order): the
    first level whose label says every word of the input that is not generic ("Primary
    completed", "Complete primary") and every higher level ("Lower secondary completed",
    "Higher"); none when no label says them all or the codes are not numbers."""
    gen = generic()
    need = [Vocab([w]) for w in words if w not in gen]
    levels = []
    for k, v in labels.items():
        if is_missing_label(str(v)):
            continue
        try:
            levels.append((float(k), k, tokens(str(v))))
        except (TypeError, ValueError):
            return ()
    levels.sort(key=lambda x: x[0])
    for i, (_, _k, toks) in enumerate(levels):
        if need and all(any(t in vocab for t in toks) for vocab in need):
            return tuple(norm_code(k) for _, k, _t in levels[i:])
    return ()


def _saying(labels: Mapping[Any, str], words: frozenset[str]) -> tuple[Code, ...]:
    out: list[Code] = []
    vocab = Vocab(words)
    for k, v in labels.items():
        if is_missing_label(str(v)):
            continue
        raw = [t for t in fold(str(v)).replace("_", " ").replace(",", " ").split() if t]
        for i, t in enumerate(raw):
            tok = tokens(t)
            if tok and tok[0] in vocab:
                # "Not aware of tracing services": a negation before the word undoes it
                if not NEGATIONS & set(raw[:i]):
                    out.append(norm_code(k))
                break
    return tuple(out) if len(out) < len(labels) else ()


def _labelled(
    var: Variable, values: ValueProfile, words: tuple[tuple[str, ...], tuple[str, ...]]
) -> tuple[Code, ...]:
    yes, no = words
    out: list[Code] = []
    all_labels = (var.value_labels, *var.value_labels_i18n.values()) if var.value_labels else ()
    # a word that undoes the condition in any language's label, or in the code itself
    # (``flush_unimproved``), rules the answer out in every language
    vetoed: set[Code] = set()
    for labels in (*all_labels, values.choices):
        for k, v in labels.items():
            if is_missing_label(str(v)) or any(_has(_padded(t), w) for t in (v, k) for w in no):
                vetoed.add(norm_code(k))
    for labels in (*all_labels, values.choices):
        for k, v in labels.items():
            code = norm_code(k)
            if code not in vetoed and code not in out and any(_has(_padded(v), w) for w in yes):
                out.append(code)
    return tuple(out)


def _padded(text: object) -> str:
    return " " + " ".join(fold(str(text)).replace("_", " ").split()) + " "


def _has(text: str, phrase: str) -> bool:
    """Whether ``phrase`` starts a word of ``text`` (padded with spaces)."""
    return f" {phrase}" in text


def group_role(label: str) -> str | None:
    text = fold(label)
    if any(w in text for w in EXCLUDE_WORDS):
        return "exclude"
    if any(w in text for w in COMPARATOR_WORDS):
        return "comparator"
    if any(w in text for w in DISPLACED_WORDS):
        return "displaced"
    return None


def is_camp_label(label: str) -> bool:
    text = fold(label)
    return "camp" in text and not any(
        w in text for w in ("outside", "hors", "out of", "non-camp", "non camp")
    )


def categories(
    var: Variable, values: tuple[str, ...], choices: Mapping[Any, str] | None = None
) -> dict[str, tuple[Code, ...]]:
    """Library category value → the codes whose label names it (a label naming two values, like
    "Both conflict and disaster", is left out for review); ``choices``: text answers read as
    their own labels."""
    out: dict[str, list[Code]] = {v: [] for v in values}
    for labels in (var.value_labels, *var.value_labels_i18n.values(), choices or {}):
        for code, label in labels.items():
            if is_missing_label(str(label)):
                continue
            hits = [v for v in values if _names(label, v)]
            if len(hits) == 1 and norm_code(code) not in out[hits[0]]:
                out[hits[0]].append(norm_code(code))
    return {k: tuple(v) for k, v in out.items() if v}


def category_fit(var: Variable, values: tuple[str, ...], choices: Mapping[Any, str]) -> float:
    """How well a coded column's answers fit a category input's values: more than 1 when they
    name every value (urban / rural), 1 when two or more, less when one, little when none (a
    list of villages is not "stay / return / elsewhere"); 1 for a column without answer labels
    (nothing to judge)."""
    n_labels = len(var.value_labels) or len(choices)
    if not values or n_labels < 2:
        return 1.0
    named = len(categories(var, values, choices))
    if named == len(values) >= 2:
        return 1.25  # every value named: the answers are this very category
    if named >= min(2, len(values)):
        return 1.0
    return 0.75 if named == 1 else 0.45


def _names(label: Any, value: str) -> bool:
    toks = tokens(str(label), keep_stopwords=True)
    words = CATEGORY_WORDS.get(value, (value,))
    for w in words:
        wt = tokens(w, keep_stopwords=True)
        if len(wt) == 1 and len(wt[0]) <= 1:
            if wt[0] in toks:
                return True
        elif wt and any(all(word_match(toks[i + j], wt[j]) for j in range(len(wt)))
                        for i in range(len(toks) - len(wt) + 1)):  # fmt: skip
            return True
    return False


def difficulty_codes(var: Variable) -> tuple[Code, ...]:
    """Washington Group answers "a lot of difficulty" / "cannot do at all" (and translations)."""
    out = []
    for k, v in var.value_labels.items():
        text = fold(str(v))
        if any(
            w in text
            for w in ("a lot", "cannot", "can't", "beaucoup", "ne peut", "mucha", "no puede")
        ):
            out.append(norm_code(k))
    return tuple(out)
