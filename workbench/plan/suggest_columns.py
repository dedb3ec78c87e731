"""Profiles of candidate columns and the score of a column for a library input.

Only what an imported file carries is used: the column name (split into words, question numbers
dropped, short forms expanded), its labels in every language (from the file or its XLSForm),
value labels (or the text answers themselves), the Kobo group, the HXL hashtag, the question
type and the values (a yes/no answer, a count, an amount, a year; for the design, unique keys,
few distinct strata, clusters). A select_multiple option column (``q_option`` or ``q/option``)
borrows its parent question's label and the option's label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.messages import Message
from workbench.plan.suggest_design import design_fit
from workbench.plan.suggest_schemes import Known, known_names
from workbench.plan.suggest_text import Idf, Vocab, contains_phrase, coverage, name_tokens, tokens
from workbench.plan.suggest_values import ValueProfile, kind_fit, profile_values, text_yes_no
from workbench.plan.suggest_why import part, reason
from workbench.plan.suggest_words import fold_plain, generic

if TYPE_CHECKING:
    from workbench.library.model import InputDef

#: value labels that mean "don't know" / "refused" / "not applicable" (folded, prefixes)
MISSING_LABELS = (
    "don't know", "dont know", "do not know", "refused", "refus", "ne sait pas", "nsp", "no sabe",
    "no responde", "not applicable", "n/a", "prefer not", "no answer", "sans reponse",
    "sans réponse",
    "unknown", "inconnu",
)  # fmt: skip
YES_LABELS = ("yes", "oui", "si", "sí", "true", "vrai", "نعم")
NO_LABELS = ("no", "non", "false", "faux", "لا")
SKIP_KINDS = ("date", "datetime")
META_NAMES = {
    "start", "end", "today", "deviceid", "_id", "_uuid", "_index", "_submission_time", "kobo_id",
    "kobo_uuid", "submitted_by", "submission_time", "interview_start", "interview_end",
}  # fmt: skip


#: option codes that answer nothing by themselves (other, don't know, none …), folded
RESIDUAL_OPTIONS = frozenset({
    "other", "others", "autre", "autres", "otro", "otra", "otros", "اخرى", "dont_know", "dk",
    "do_not_know", "none", "aucun", "aucune", "ninguno", "ninguna", "no_answer", "refuse",
    "prefer_not_to_answer", "decline_to_answer", "nsp",
})  # fmt: skip


def is_residual_option(code: str | None) -> bool:
    return code is not None and fold_plain(str(code)).strip(" _").replace(" ", "_") in (
        RESIDUAL_OPTIONS
    )


def label_texts(var: Variable) -> list[str]:
    texts = [t for t in (var.label, *var.labels.values()) if t]
    return list(dict.fromkeys(texts))


def value_label_texts(var: Variable) -> list[str]:
    out = [str(v) for v in var.value_labels.values()]
    for labels in var.value_labels_i18n.values():
        out += [str(v) for v in labels.values()]
    return list(dict.fromkeys(out))


def is_missing_label(text: str) -> bool:
    t = text.strip().casefold().replace("’", "'")
    return any(t.startswith(m) for m in MISSING_LABELS)


def substantive_labels(var: Variable) -> dict[object, str]:
    return {k: v for k, v in var.value_labels.items() if not is_missing_label(str(v))}


def is_yes_no(var: Variable) -> bool:
    labels = {str(v).strip().casefold().rstrip(".") for v in substantive_labels(var).values()}
    first = {lab.split(",")[0].split(" ")[0] for lab in labels}
    return bool(labels) and bool(first & set(YES_LABELS)) and bool(first & set(NO_LABELS))


@dataclass
class ColumnProfile:
    dataset: str
    unit: str  # household | individual
    name: str
    var: Variable
    numeric: bool
    name_toks: list[str]
    label_toks: list[str]
    value_toks: list[str]
    n_labels: int
    yes_no: bool
    option_of: str | None = None
    #: the option's code when the column is one option of a multiple choice (``other``)
    option_code: str | None = None
    extra_text: list[str] = field(default_factory=list)
    name_vocab: Vocab = field(default_factory=lambda: Vocab(()))
    values: ValueProfile = field(default_factory=ValueProfile)
    #: the label a naming scheme gave a bare name (``DHS recode: …``), or None
    known_as: Known | None = None

    @property
    def has_text(self) -> bool:
        return bool(self.label_toks) or self.option_of is not None

    @property
    def text_toks(self) -> list[str]:
        return self.label_toks + self.extra_text

    @property
    def text_vocab(self) -> Vocab:
        vocab = self.__dict__.get("_text_vocab")
        if vocab is None:
            vocab = self.__dict__["_text_vocab"] = Vocab(self.text_toks)
        return vocab

    @property
    def keys(self) -> frozenset[str]:
        """Its words as :func:`match_keys` (a cheap test of whether an input can match)."""
        keys = self.__dict__.get("_keys")
        if keys is None:
            words = [*self.name_toks, *self.text_toks, *self.value_toks]
            pairs = generic_pairs([self.name_toks, self.label_toks])
            keys = self.__dict__["_keys"] = match_keys(words) | pairs
        return keys

    def has_phrase(self, phrase: list[str]) -> bool:
        vocab = self.text_vocab
        return all(t in vocab for t in phrase) and contains_phrase(self.text_toks, phrase)


def profile_columns(ds: Dataset, unit: str, keep: str | None = None) -> list[ColumnProfile]:
    """Profiles of the columns that can answer an input (``keep``: profile that column even if
    it is a date, Kobo metadata or a dropped identifier)."""
    out = []
    known = known_names(ds.variables)
    for name, var in ds.variables.items():
        meta = var.kind in SKIP_KINDS or name.lower() in META_NAMES
        if (meta or var.identifier_action == "drop") and name != keep:
            continue
        s = ds.frame[name]
        numeric = pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype)
        label_toks = [t for text in label_texts(var) for t in tokens(text)]
        scheme = known.get(name) if not label_toks else None
        if scheme is not None:  # the label a naming scheme gives a bare name (DHS hv005)
            label_toks = tokens(scheme.meaning)
        group = str(var.extra.get("group") or "")
        values = profile_values(s, var)
        vals = value_label_texts(var) or list(values.choices.values())
        prof = ColumnProfile(
            dataset=ds.name,
            unit=unit,
            name=name,
            var=var,
            numeric=numeric,
            name_toks=name_tokens(name),
            label_toks=label_toks,
            value_toks=[t for text in vals for t in tokens(text)],
            n_labels=len(substantive_labels(var)) or len(values.choices),
            yes_no=is_yes_no(var) or (not var.value_labels and text_yes_no(values.choices)),
            values=values,
            known_as=scheme,
        )
        if group:
            prof.extra_text = [t for t in tokens(group) if t not in generic()]
        prof.name_vocab = Vocab(prof.name_toks)
        out.append(prof)
    _attach_options(out, ds)
    return out


def _attach_options(profiles: list[ColumnProfile], ds: Dataset) -> None:
    """``q_opt`` / ``q/opt`` columns of a select_multiple ``q``: parent label + option label."""
    by_name = {p.name: p for p in profiles}
    for p in profiles:
        parent_name = p.var.parent_question
        option = None
        if parent_name is None:
            for sep in ("/", "_"):
                head, _, tail = p.name.rpartition(sep)
                parent = by_name.get(head)
                if (
                    head
                    and parent is not None
                    and parent.var.value_labels
                    and _has_code(parent.var, tail)
                ):
                    parent_name, option = head, tail
                    break
        else:
            option = p.name[len(parent_name) + 1 :]
        parent = by_name.get(parent_name or "")
        if parent is None:
            continue
        p.option_of = parent.name
        p.option_code = option
        opt_label = [v for k, v in parent.var.value_labels.items() if str(k) == option]
        extra = [t for text in opt_label for t in tokens(text)]
        for labels in parent.var.value_labels_i18n.values():
            extra += [t for k, v in labels.items() if str(k) == option for t in tokens(str(v))]
        # the option's own words count double
        p.extra_text = p.extra_text + parent.label_toks + extra * 2
        p.yes_no = True


def _has_code(var: Variable, code: str) -> bool:
    return any(str(k) == code for k in var.value_labels)


@dataclass(frozen=True)
class InputText:
    name: str
    kind: str
    unit: str
    role: str
    name_toks: list[str]
    keyword_toks: set[str]
    phrases: list[list[str]]
    desc_toks: set[str]
    hxl: tuple[str, ...]
    name_vocab: Vocab
    vocab: Vocab  # name + keywords
    query: Vocab  # name + keywords + description
    keys: frozenset[str] = frozenset()
    #: a category input's values (``stay``, ``return``, ``elsewhere``)
    values: tuple[str, ...] = ()

    @classmethod
    def of(cls, inp: InputDef) -> InputText:
        phrases = [tokens(w) for words in inp.keywords.values() for w in words]
        phrases = [p for p in phrases if p]
        desc_lists = [tokens(text) for text in inp.description.values.values()]
        desc = {t for toks in desc_lists for t in toks}
        name_toks = name_tokens(inp.name)
        kw = {t for p in phrases for t in p}
        return cls(
            name=inp.name,
            kind=inp.kind,
            unit=inp.unit,
            role=inp.role or "",
            name_toks=name_toks,
            keyword_toks=kw,
            phrases=phrases,
            desc_toks=desc,
            hxl=tuple(h.casefold() for h in inp.hxl),
            name_vocab=Vocab(name_toks),
            vocab=Vocab({*name_toks, *kw}),
            query=Vocab({*name_toks, *kw, *desc}),
            keys=match_keys({*name_toks, *kw, *desc})
            | generic_pairs([name_toks, *phrases, *desc_lists]),
            values=tuple(inp.values) if inp.kind == "category" else (),
        )


def match_keys(words: list[str] | set[str]) -> frozenset[str]:
    """A word, or its first four letters when longer: two words that ``word_match`` share a key
    (a prefix match needs four letters), so a column sharing no key with an input scores 0, or
    little when generic words (household, number …), which have no key, are all they share."""
    gen = generic()
    return frozenset(w if len(w) < 4 else w[:4] for w in words if w and w not in gen)


def generic_pairs(texts: list[list[str]]) -> frozenset[str]:
    """Two generic words next to each other, in either order, as one key: "number of household
    members" says household size although each of its words alone says little."""
    gen = generic()
    out = set()
    for toks in texts:
        words = [t for t in toks if t]
        for a, b in pairwise(words):
            if a != b and a in gen and b in gen:
                out.add("+".join(sorted((a, b))))
    return frozenset(out)


def input_cover(inp: InputText, col: ColumnProfile) -> float:
    """How fully the column says the input: the best share, over the input's name and each of
    its keyword phrases, of the words the column's name or text holds ("number of separated
    members" is half said by "number of household members")."""
    vocab = col.__dict__.get("_all_vocab")
    if vocab is None:
        vocab = col.__dict__["_all_vocab"] = Vocab([*col.name_toks, *col.text_toks])
    best = 0.0
    for phrase in (inp.name_toks, *inp.phrases):
        if phrase:
            best = max(best, sum(1 for t in phrase if t in vocab) / len(phrase))
    return best


def name_cover(inp: InputText, col: ColumnProfile) -> float:
    """The share of the input's own name words (generic words and numbers left out) that the
    column's name or text says: "sleeping rooms" is half said by "sleep hungry", "satisfied with
    remedy" by "health satisfied" — one topic word is not the input's concept. 1 when the name
    has no such word."""
    gen = generic()
    words = [t for t in inp.name_toks if t not in gen and not t.isdigit()]
    if not words:
        return 1.0
    vocab = col.__dict__.get("_said_vocab")
    if vocab is None:
        vocab = col.__dict__["_said_vocab"] = Vocab(
            [*col.name_toks, *col.text_toks, *col.value_toks]
        )
    return sum(1 for t in words if t in vocab) / len(words)


def specific_share(inp: InputText, col: ColumnProfile) -> float:
    """Of the column's words (name and text) that the input's words match, the share that are
    not generic (0 when none match)."""
    gen = generic()
    matched = {w for w in (*col.name_toks, *col.text_toks) if w in inp.query}
    return sum(1 for w in matched if w not in gen) / len(matched) if matched else 0.0


def type_factor(inp: InputText, col: ColumnProfile) -> float:
    if col.var.question_type == "select_multiple" and not col.option_of:
        return 0.5 if inp.kind == "condition" else 0.3  # the summary text of a multiple choice
    free_text = not col.numeric and not col.n_labels
    fit = kind_fit(inp.name, inp.kind, col.values, col.n_labels, col.yes_no, free_text)
    if inp.role in DESIGN_ROLES:
        fit = design_fit(inp.role, col.values) if col.unit == "household" else 0.1
    return fit


#: input roles whose column is recognised by its values (see ``suggest_design``)
DESIGN_ROLES = ("weight", "stratum", "psu", "fpc", "household_key")


def _weighted_coverage(words: list[str], vocab: Vocab) -> float:
    """Share of ``words`` matched in ``vocab``, a generic word (household, number …) counting
    a third."""
    gen = generic()
    total = hit = 0.0
    for w in dict.fromkeys(words):
        wt = 0.3 if w in gen else 1.0
        total += wt
        hit += wt if w in vocab else 0.0
    return hit / total if total else 0.0


def name_similarity(inp: InputText, col: ColumnProfile) -> tuple[float, float]:
    """How much the column's name says the input: the share of the name's words that are the
    input's (name or keywords), against the share of the input's name (or of one of its keyword
    phrases) that the column's name holds (F-measure of the two); and the first share."""
    if not col.name_toks:
        return 0.0, 0.0
    precision = _weighted_coverage(col.name_toks, inp.vocab)
    recall = _weighted_coverage(inp.name_toks, col.name_vocab)
    gen = generic()
    for phrase in inp.phrases:
        if all(t in gen for t in phrase) or not all(t in col.name_vocab for t in phrase):
            continue
        if not contains_phrase(col.name_toks, phrase):
            continue
        # a keyword phrase counts a little less than the input's own name, so that of two inputs
        # naming the same column (free to move / movement restricted) its own name wins
        recall = max(recall, 0.9 if len(phrase) >= 2 else 0.8)
    if precision + recall == 0:
        return 0.0, 0.0
    return 2 * precision * recall / (precision + recall), precision


def score(inp: InputText, col: ColumnProfile, idf: Idf) -> tuple[float, Message, float]:
    """Evidence in [0, 1] that ``col`` holds ``inp`` (not yet a confidence), why, and how much
    of what the column says (its name's words, or its label's) the input accounts for."""
    name_sim, name_explained = name_similarity(inp, col)
    query = inp.query
    text = col.text_toks
    label_sim = idf.overlap(text, query) if text else 0.0
    phrase_hits = [p for p in inp.phrases if len(p) >= 2 and col.has_phrase(p)]
    phrase = min(0.25, 0.15 * len(phrase_hits))
    own_phrase = len(inp.name_toks) >= 2 and col.has_phrase(inp.name_toks)
    hxl = 1.0 if col.var.hxl and any(col.var.hxl.casefold().startswith(h) for h in inp.hxl) else 0.0
    text_sim = label_sim + phrase + (0.1 if own_phrase else 0.0)
    if inp.kind == "category" and col.value_toks:
        text_sim += 0.05 * coverage(inp.keyword_toks, col.value_toks)
    if inp.kind == "condition" and col.n_labels >= 3 and not col.yes_no:
        text_sim += 0.2 * idf.overlap(col.value_toks, query)  # "Resolved but not enforced" …
    # the stronger of name and label, plus a share of the other (both agreeing: more evidence)
    raw = (max(name_sim, text_sim) + 0.3 * min(name_sim, text_sim)) / 1.3
    if col.option_of:  # an option of a multiple choice is rarely the fact itself
        raw *= 0.3 if is_residual_option(col.option_code) else (0.7 if name_sim < 0.5 else 0.85)
    raw = max(min(raw, 1.0), hxl)
    unit = 1.0 if col.unit == inp.unit else (0.85 if inp.unit == "individual" else 0.6)
    conf = max(0.0, min(1.0, raw * type_factor(inp, col) * unit))
    why = []
    if hxl:
        why.append(part("plan.why_hxl", tag=col.var.hxl))
    if name_sim >= 0.5:
        why.append(part("plan.why_name", column=col.name))
    if col.known_as is not None:
        why.append(
            part("plan.why_scheme", scheme=col.known_as.scheme, meaning=col.known_as.meaning)
        )
    if phrase_hits:
        why.append(part("plan.why_label_phrase", words=" ".join(phrase_hits[0])))
    elif label_sim >= 0.3:
        why.append(part("plan.why_label_words", share=label_sim))
    if not why:
        why.append(part("plan.why_weak"))
    if inp.role in DESIGN_ROLES and type_factor(inp, col) >= 0.9:
        why.append(part("plan.why_values_fit"))
    return conf, reason(*why), max(name_explained, min(1.0, label_sim))
