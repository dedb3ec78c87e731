"""Assign columns to inputs from the evidence matrix, then give each a calibrated confidence.

The strongest (input, column) pairs are taken first, one column per input; an input taken lowers
the other inputs' claim on its column (a column is shared only when the input's best free column
is clearly worse, and sharing lowers the confidence). Every input keeps its ranked candidates,
each with its own confidence, for the user to choose from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from workbench.messages import Message
from workbench.plan.suggest_codes import category_fit
from workbench.plan.suggest_columns import (
    ColumnProfile,
    InputText,
    input_cover,
    name_cover,
    score,
    specific_share,
    type_factor,
)
from workbench.plan.suggest_confidence import Features, confidence
from workbench.plan.suggest_cues import (
    CUE_AGREE,
    CUE_EVIDENCE,
    CueContext,
    about_respondent,
    has_cue,
    unit_penalty,
    value_cue,
)
from workbench.plan.suggest_held import Held
from workbench.plan.suggest_text import Idf
from workbench.plan.suggest_why import more, part, reason
from workbench.plan.suggest_words import generic

#: a column already taken is shared only if the input's next free column scores this much less
SHARE_MARGIN = 0.15
#: candidates kept per input (the chosen one and the runners-up offered to the user)
KEEP = 6
#: evidence kept by a column whose name has a more specific input's word
CONTRAST = 0.6


#: why a chosen column is never accepted without review, however confident (``Match.blocked``):
#: offered on its values alone, held by a rule (``suggest_held``), answers that contradict the
#: input, the respondent's answer for a member-level input, too little evidence, a condition
#: whose codes that count were not found
Blocked = Literal["values_only", "held", "contradicted", "respondent", "weak_evidence", "no_codes"]


@dataclass(frozen=True)
class Candidate:
    column: ColumnProfile
    evidence: float
    #: why, as a message rendered in the user's language (``suggest_why``; str(): English)
    reason: Message
    confidence: float = 0.0
    features: Features | None = None
    #: how much of what the column says the input accounts for (see ``score``)
    explained: float = 1.0
    #: how well the values fit the input (``type_factor``)
    fit: float = 1.0
    #: the share of the words shared with the input that are not generic
    specific: float = 1.0
    #: the column is in the input's unit (household / individual)
    same_unit: bool = True
    #: how fully the column says the input's name or a keyword phrase (``input_cover``)
    cover: float = 1.0
    #: the share of the input's own name words the column says (``name_cover``)
    named: float = 1.0
    #: what the column's values alone say about the input (``suggest_cues.value_cue``;
    #: negative when its answers say something else)
    cue: float = 0.0
    #: the column shares words with the input (False: offered on its values alone)
    words: bool = True
    #: the column describes another unit than the input's: the respondent for a member-level
    #: disaggregation (``resp_gender`` for the members' sex)
    elsewhere: bool = False
    #: what the values say, as a message the faces render in the user's language
    cue_message: Message | None = None
    #: why the column is held for review however confident (``suggest_held``): a smaller
    #: place, every room, exactly one level, another part, a household's answer, a column
    #: another input of the same indicator claims
    held: Message | None = None

    @property
    def never_ok(self) -> bool:
        """Offered on values alone, contradicted by its answers, about the respondent for a
        member-level disaggregation, or held by a rule: never accepted without review, however
        confident (no survey in the fit tells how far such a column can be trusted)."""
        return self.blocked is not None

    @property
    def blocked(self) -> Blocked | None:
        """Which of those rules keeps it from ``ok`` (None: none does)."""
        if not self.words:
            return "values_only"
        if self.held is not None:
            return "held"
        if self.cue < 0:
            return "contradicted"
        return "respondent" if self.elsewhere else None


def rank(
    inp: InputText,
    columns: list[ColumnProfile],
    idf: Idf,
    keep: int = KEEP,
    contrast: frozenset[str] = frozenset(),
    cues: CueContext | None = None,
    held: Held | None = None,
) -> list[Candidate]:
    """``contrast``: words of more specific inputs (see :func:`contrast_words`); a column whose
    name has one is theirs more than this input's. ``cues``: weigh what the values alone say
    (``suggest_cues``): a column sharing no word with the input is offered on a value cue.
    ``held``: the rules that hold a column for review (``suggest_held``)."""
    cued = cues is not None and has_cue(inp)
    scored = []
    for col in columns:
        worded = bool(inp.keys & col.keys) or bool(col.var.hxl and inp.hxl)
        cue, cue_msg = value_cue(inp, col, cues) if cued and cues is not None else (0.0, None)
        if not worded and cue <= 0:
            continue  # no word in common and nothing in the values: the evidence would be 0
        if worded:
            ev, why, explained = score(inp, col, idf)
            fit = type_factor(inp, col)
            if inp.values and not col.yes_no:  # a yes/no question says its category in words
                cat = category_fit(col.var, inp.values, col.values.choices)
                ev, fit = min(1.0, ev * cat), fit * cat
            if contrast and contrast & set(col.name_toks) and not inp.vocab.words & contrast:
                ev *= CONTRAST  # "area of origin" is the origin's location, not the location
            if cue > 0 and ev > 0:  # the values agree with the words
                ev = ev + CUE_AGREE * cue * (1 - ev)
                why = more(why, part("plan.why_values", cue=cue_msg or ""))
            elif cue < 0:  # its answers say something else (yes/no for a population group)
                ev *= CONTRAST
        else:
            unit = 1.0 if col.unit == inp.unit else (0.85 if inp.unit == "individual" else 0.6)
            ev, explained = CUE_EVIDENCE * cue * unit, 0.0
            why = reason(part("plan.why_values", cue=cue_msg or ""))
            fit = type_factor(inp, col)
        # m², money, minutes: not a count of people; "number of jobs": not a yes/no fact
        penalty = unit_penalty(inp.name, col, inp.kind)
        ev, fit = ev * penalty, fit * penalty
        if ev > 0.05:
            spec = specific_share(inp, col) if worded else 0.0
            scored.append(Candidate(col, ev, why, explained=explained, fit=fit, specific=spec,
                                    same_unit=col.unit == inp.unit,
                                    cover=input_cover(inp, col) if worded else 0.0,
                                    named=name_cover(inp, col) if worded else 0.0,
                                    cue=cue, words=worded, cue_message=cue_msg,
                                    elsewhere=_elsewhere(inp, col),
                                    held=held.why(inp, col) if held else None))  # fmt: skip
    scored.sort(key=lambda c: (-c.evidence, c.column.name))
    return scored[:keep]


def _elsewhere(inp: InputText, col: ColumnProfile) -> bool:
    """A member-level disaggregation (sex, age) read from the respondent's answer on the
    household row: the respondent is not every member."""
    return (
        col.unit != inp.unit
        and inp.role == "disaggregation"
        and inp.unit == "individual"
        and about_respondent(col)
    )


def contrast_words(texts: dict[str, InputText]) -> dict[str, frozenset[str]]:
    """Input → the words that more specific inputs add to its name (``origin`` of
    origin_location for location): generic words left out."""
    gen = generic()
    names = {n: set(t.name_toks) for n, t in texts.items()}
    out: dict[str, frozenset[str]] = {}
    for n, toks in names.items():
        extra = {w for m, other in names.items() if m != n and toks < other for w in other - toks}
        out[n] = frozenset(w for w in extra if w not in gen and not w.isdigit())
    return out


def assign(
    ranked: dict[str, list[Candidate]],
    fixed: dict[str, Candidate] | None = None,
    together: Mapping[str, frozenset[str]] | None = None,
) -> dict[str, Candidate | None]:
    """The chosen candidate of each input (None: no candidate), with confidences; the ranked
    lists in ``ranked`` get their confidences too (in place). ``fixed``: inputs whose column is
    already known (confirmed by a template) — their columns are taken first. ``together``:
    input → the inputs it shares an indicator with; of two that chose one column (not a list
    several conditions read), the less confident is held for review."""
    fixed = fixed or {}
    # an input whose answers a column names in full (urban / rural) chooses first
    order = sorted(ranked, key=lambda n: _priority(ranked[n][0]) if ranked[n] else (0.0, 0.0))
    taken: set[tuple[str, str]] = {_key(c) for c in fixed.values()}
    chosen: dict[str, Candidate | None] = dict(fixed)
    shared: set[str] = set()
    for name in order:
        if name in fixed:
            continue
        cands = ranked[name]
        if not cands:
            chosen[name] = None
            continue
        best = cands[0]
        free = next((c for c in cands if _key(c) not in taken), None)
        if _key(best) in taken and (free is None or best.evidence - free.evidence > SHARE_MARGIN):
            why = more(best.reason, part("plan.why_shares"))
            pick: Candidate | None = replace(best, reason=why)
            shared.add(name)
        else:
            pick = free
        chosen[name] = pick
        if pick is not None:
            taken.add(_key(pick))
    # a rival is another input whose own best column is this one
    claims: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    for name, cands in ranked.items():
        if cands:
            claims[_key(cands[0])].append((cands[0].evidence, name))
    owner = {_key(c): n for n, c in chosen.items() if c is not None and n not in shared}
    for name, cands in ranked.items():
        pick = chosen[name]
        if name in fixed:
            ranked[name] = [fixed[name]] + [c for c in cands if _key(c) != _key(fixed[name])]
            continue
        out = []
        for c in cands:
            others = [c2.evidence for c2 in cands if _key(c2) != _key(c)]
            # two conditions read from one multiple-choice answer (different codes) may share
            # it: another input's claim on it is no rival, its taking it no loss
            multi = c.column.n_labels >= 3 and not c.column.yes_no
            rival = 0.0 if multi else max((e for e, n in claims[_key(c)] if n != name), default=0.0)
            taken_by_other = owner.get(_key(c), name) != name and not multi
            f = Features(
                evidence=c.evidence,
                margin=c.evidence - max(others, default=0.0),
                rival=rival,
                text=1.0 if c.column.has_text else 0.0,
                shared=1.0 if taken_by_other else 0.0,
                explained=c.explained,
                fit=c.fit,
                specific=c.specific,
                option=1.0 if c.column.option_of else 0.0,
                unit=1.0 if c.same_unit else 0.0,
                cover=c.cover,
                named=c.named,
                values=max(c.cue, 0.0),
                contra=1.0 if c.cue < 0 else 0.0,
            )
            out.append(replace(c, confidence=confidence(f), features=f))
        ranked[name] = out
        if pick is not None:
            chosen[name] = next(
                (replace(pick, confidence=c.confidence, features=c.features) for c in out
                 if _key(c) == _key(pick)),
                None,
            )  # fmt: skip
    return _hold_shared(chosen, together or {}, fixed)


def _hold_shared(
    chosen: dict[str, Candidate | None],
    together: Mapping[str, frozenset[str]],
    fixed: Mapping[str, Candidate],
) -> dict[str, Candidate | None]:
    """One column chosen by two inputs of the same indicator (not a list of three or more
    answers): the indicator would read one answer twice; the less confident keeps it only
    after review (a column neither could be accepted on is no conflict)."""
    out = dict(chosen)
    for name, pick in chosen.items():
        if pick is None or name in fixed or pick.never_ok:
            continue
        if pick.column.n_labels >= 3 and not pick.column.yes_no:
            continue
        for other in together.get(name, frozenset()):
            theirs = chosen.get(other)
            if theirs is None or theirs.never_ok or _key(theirs) != _key(pick):
                continue
            if (theirs.confidence, other) > (pick.confidence, name):
                why = Message.of("plan.held_shared", column=pick.column.name, other=other)
                out[name] = replace(pick, held=why)
                break
    return out


def _priority(c: Candidate) -> tuple[float, float]:
    """Sort key, first chooses first: evidence (a column naming every value of a category
    first); of equal evidence, the input the column says more fully (``cover``: "number of
    household members" says household size fully, the number of separated members by half)."""
    return (-(c.evidence + (1.0 if c.fit > 1.0 else 0.0)), -c.cover)


def _key(c: Candidate) -> tuple[str, str]:
    return (c.column.dataset, c.column.name)
