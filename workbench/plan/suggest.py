"""Auto-suggest a plan from datasets: a column for each library input, with a confidence in
[0, 1] and the reason; the design, link, groups and disaggregations; the indicators they cover.

The confidence is calibrated (``suggest_confidence``): a match at or above ``threshold`` is
accepted (``ok``); one below is never accepted silently: the input stays unmapped, the match is
reported with status ``review`` and its ranked candidates (each with a ready mapping: column,
codes that count, missing codes) are offered for one-click acceptance in the CLI and the app.
Mappings a team confirmed before (saved plans, templates) are matched first
(``template_match.from_templates``). Everything suggested is an ordinary, editable plan.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Literal

from workbench.dataset_model import Dataset
from workbench.errors import PlanError
from workbench.findings import Finding
from workbench.messages import CATALOG_LANGUAGES, Message
from workbench.plan import suggest_frame as frame
from workbench.plan.model import DatasetLinks, IndicatorUse, InputMapping, Plan
from workbench.plan.suggest_assign import Blocked, Candidate, assign, contrast_words, rank
from workbench.plan.suggest_codes import categories, condition_codes, missing_codes
from workbench.plan.suggest_columns import ColumnProfile, InputText, profile_columns
from workbench.plan.suggest_confidence import OK_THRESHOLD, confidence
from workbench.plan.suggest_cues import cue_context
from workbench.plan.suggest_held import Held, same_indicator
from workbench.plan.suggest_link import Link, link_keys
from workbench.plan.suggest_text import Idf
from workbench.plan.suggest_why import key_reason, note_of, part, reason, values_cue
from workbench.plan.suggest_words import generic
from workbench.plan.template_match import CONFIRMED, from_templates

if TYPE_CHECKING:
    from workbench.library.model import Library

DEFAULT_THRESHOLD = OK_THRESHOLD
#: below this evidence the best column is never accepted without review
MIN_EVIDENCE = 0.2
#: below this confidence the best column is not worth a review (status ``none``; its
#: candidates are still offered in the app and in ``--json``)
MIN_REVIEW = 0.1
#: candidates offered per input (the chosen one first)
OFFERED = 5
Status = Literal["accepted", "review", "none"]
#: core inputs that describe the design / groups / disaggregations rather than an answer
FRAME_ROLES = ("weight", "stratum", "psu", "fpc", "household_id", "population_group", "location",
               "area_type", "origin_location", "displacement_year")  # fmt: skip


@dataclass(frozen=True)
class Offer:
    """One candidate column for an input, with the mapping that accepting it would apply."""

    column: str
    unit: str
    confidence: float
    #: why it is offered (``suggest_why``: rendered in the user's language; str(): English)
    reason: Message
    mapping: InputMapping | None = None
    #: a text column's answers (value → itself), for the user to confirm the codes that count
    choices: dict[str, str] = field(default_factory=dict)
    #: offered on its values alone (no word shared with the input): its confidence is not
    #: calibrated (no survey in the fit has unnamed columns), so it is shown as "from its
    #: values only", never as a percentage
    values_only: bool = False
    #: what its values say, in any language (None: they said nothing)
    cue_message: Message | None = None
    #: why it is not accepted without review however confident (``suggest_held``)
    held: Message | None = None

    @property
    def cue(self) -> Message:
        """What the values say: the message (rendered in the user's language where it is
        shown), else the reason's ``values:`` part."""
        return self.cue_message or values_cue(self.reason)


@dataclass(frozen=True)
class Match:
    input: str
    unit: str | None
    column: str | None
    confidence: float
    reason: Message
    status: Status
    #: ranked candidates, best first (the chosen column among them)
    candidates: tuple[Offer, ...] = ()
    #: the chosen column is offered on its values alone (see ``Offer.values_only``)
    values_only: bool = False
    cue_message: Message | None = None
    #: why the chosen column is held for review (``suggest_held``), None when it is not
    held: Message | None = None
    #: nothing but its confidence keeps it from ``accepted`` (not held, not values only,
    #: evidence enough, codes that count found): accepted at any threshold up to its
    #: confidence (the benchmark's precision / share frontier reads it)
    ready: bool = False
    #: when not ready, the rule that keeps it from ``accepted`` (the benchmark's breakdown)
    blocked: Blocked | None = None

    @property
    def cue(self) -> Message:
        return self.cue_message or values_cue(self.reason)

    @property
    def said(self) -> Message:
        """Why it was suggested and how confident, for the mapping editor (the plan's note
        keeps it in English)."""
        if self.values_only:
            return note_of(self.confidence, self.reason, values_only=True)
        return Message.of("plan.suggest_said", why=self.reason, confidence=self.confidence)

    @property
    def alternatives(self) -> tuple[tuple[str, float], ...]:
        """The other candidates (column, confidence)."""
        return tuple((o.column, o.confidence) for o in self.candidates if o.column != self.column)


@dataclass
class Suggestion:
    plan: Plan
    matches: list[Match] = field(default_factory=list)

    def match(self, name: str) -> Match | None:
        return next((m for m in self.matches if m.input == name), None)

    def findings(self) -> list[Finding]:
        out = []
        for m in self.matches:
            if m.status == "review":
                where = {"input": m.input, "column": m.column or ""}
                if m.held is not None and not m.values_only:
                    f = Finding.of(
                        "plan.suggest_review_held", "warning", where=where, why=_texts(m.held)
                    )
                elif m.values_only:
                    f = Finding.of(
                        "plan.suggest_review_values", "warning", where=where, cue=_texts(m.cue)
                    )
                else:
                    f = Finding.of(
                        "plan.suggest_review", "warning", where=where, confidence=m.confidence
                    )
                out.append(f)
        return out


def _texts(cue: str | Message) -> str | dict[str, str]:
    """A cue as a finding keeps it (JSON): its text in every language with a catalogue."""
    if isinstance(cue, str):
        return cue
    return {lang: cue.render(lang) for lang in dict.fromkeys(("en", *CATALOG_LANGUAGES))}


def suggest_plan(library: Library, datasets: Mapping[str, Dataset], name: str = "plan") -> Plan:
    return suggest(library, datasets, name).plan


def suggest(
    library: Library,
    datasets: Mapping[str, Dataset],
    name: str = "plan",
    threshold: float = DEFAULT_THRESHOLD,
    accept: Mapping[str, str] | None = None,
    templates: Sequence[tuple[str, str]] = (),
) -> Suggestion:
    """``accept``: input → column the user chose (from the offered candidates or any column);
    those are mapped whatever their confidence. ``templates``: (name, template TOML) of plans a
    team confirmed (most trusted first): the inputs they map are matched first."""
    if not datasets:
        raise PlanError.of("plan.suggest_needs_dataset")
    hh, ind = frame.dataset_roles(datasets)
    forced = {n: _accepted(library, hh, ind, n, c) for n, c in (accept or {}).items()}
    wg, ranked, profiles = ranked_candidates(library, hh, ind)
    confirmed = from_templates(templates, library, hh, ind) if templates else {}
    fixed = {
        n: Candidate(
            profiles[(c.unit, c.column)],
            1.0,
            reason(part("plan.why_confirmed", source=c.source)),
            CONFIRMED,
        )
        for n, c in confirmed.items()
        if n not in forced and n in ranked and (c.unit, c.column) in profiles
    }
    chosen = choose(library, ranked, fixed) | forced
    accepted = {
        n: c
        for n, c in chosen.items()
        if c is not None and c.confidence >= threshold and (not c.never_ok or n in forced)
    }

    def mapping_of(name: str, cand: Candidate) -> InputMapping | None:
        known = confirmed.get(name)
        if name in fixed and cand is fixed[name] and known is not None and known.mapping:
            return dataclasses.replace(known.mapping, note=str(cand.reason))
        return _mapping(library, datasets, name, cand)

    matches = [_match(n, chosen[n], ranked[n], threshold, partial(mapping_of, n)) for n in ranked]
    matches = [_needs_codes(m, library) for m in matches]

    id_match = accepted.get("household_id")
    link = link_keys(hh, ind, id_match.column.name if id_match is not None else None)
    hh_key, ind_key = link.household_key, link.individual_key
    if "household_id" in ranked and "household_id" not in forced and "household_id" not in fixed:
        matches = [_key_match(m, link) if m.input == "household_id" else m for m in matches]
    head_col, head_codes = frame.head_of(ind, accepted.get("is_household_head"))
    links = DatasetLinks(
        hh.name, hh_key, ind.name if ind else None, ind_key, "any", head_col, head_codes
    )
    grp = frame.groups(hh, accepted.get("population_group"))
    dis = frame.disaggregations(accepted, wg, grp)
    inputs = _inputs(library, accepted, wg, mapping_of)
    if wg and "disability" in library.inputs:
        matches = [m for m in matches if m.input != "disability"]
        wg_why = reason(part("plan.why_washington"))
        matches.append(Match("disability", "individual", ",".join(p.name for p in wg), 0.9,
                             wg_why, "accepted", ready=True))  # fmt: skip
    plan = Plan(
        name=name,
        description="Suggested from " + ", ".join(datasets) + "; review every mapping before use.",
        datasets=links,
        design=frame.design(hh, accepted),
        groups=grp,
        disaggregations=dis,
        indicators=_indicators(library, inputs, dis),
        inputs=inputs,
        stock_tables=frame.stock_tables(dis, ind is not None),
    )
    return Suggestion(plan, matches)


def _accepted(
    library: Library, hh: Dataset, ind: Dataset | None, name: str, column: str
) -> Candidate:
    """The user's choice of ``column`` for input ``name``, as a sure candidate."""
    if name not in library.inputs:
        raise PlanError.of("plan.unknown_input", input=name)
    for ds, unit in ((hh, "household"), (ind, "individual")):
        if ds is not None and column in ds.variables:
            prof = next(p for p in profile_columns(ds, unit, keep=column) if p.name == column)
            return Candidate(prof, 1.0, reason(part("plan.why_user")), 1.0)
    raise PlanError.of("plan.suggest_unknown_column", input=name, column=column)


def choose(
    library: Library, ranked: dict[str, list[Candidate]], fixed: dict[str, Candidate] | None = None
) -> dict[str, Candidate | None]:
    """Each input's column (``suggest_assign.assign``), two inputs of one indicator not
    accepted on one column."""
    return assign(ranked, fixed, same_indicator(ind.inputs for ind in library.indicators))


def ranked_candidates(
    library: Library, hh: Dataset, ind: Dataset | None
) -> tuple[list[ColumnProfile], dict[str, list[Candidate]], dict[tuple[str, str], ColumnProfile]]:
    """The Washington Group columns, each input's candidate columns ranked by evidence (before
    assignment and confidences), and every profile by (unit, column)."""
    profiles = profile_columns(hh, "household") + (
        profile_columns(ind, "individual") if ind else []
    )
    idf = Idf(p.text_toks + p.name_toks for p in profiles)
    wg = frame.wg_columns(profiles)
    wg_names = {p.name for p in wg}
    rest = [p for p in profiles if p.name not in wg_names]
    texts = {n: InputText.of(i) for n, i in library.inputs.items() if i.role not in ("parameter",)}
    by_key = {(p.unit, p.name): p for p in profiles}
    contrast = contrast_words(texts)
    link = link_keys(hh, ind)  # a first link, from the data: the roster sizes it gives are a cue
    cues = cue_context(hh, ind, (link.household_key, link.individual_key))
    held = Held.of(rest)
    ranked = {
        n: rank(t, rest, idf, contrast=contrast[n], cues=cues, held=held) for n, t in texts.items()
    }
    return wg, ranked, by_key


def _unshared(c: Candidate) -> float:
    if c.features is None:
        return c.evidence
    return confidence(dataclasses.replace(c.features, shared=0.0))


def _match(
    name: str,
    chosen: Candidate | None,
    cands: list[Candidate],
    threshold: float,
    mapping: Callable[[Candidate], InputMapping | None],
) -> Match:
    # the runners-up by their confidence as if no other input had taken them: a column another
    # input took keeps its place in the list, and the list reads best first
    ordered = sorted(cands, key=lambda c: -_unshared(c))
    if chosen is not None:
        ordered = [chosen] + [c for c in ordered if c.column is not chosen.column]
    offers = tuple(
        Offer(
            c.column.name,
            c.column.unit,
            round(c.confidence, 3),
            c.reason,
            mapping(c),
            dict(c.column.values.choices),
            values_only=not c.words,
            cue_message=c.cue_message,
            held=c.held,
        )
        for c in ordered[:OFFERED]
    )
    if chosen is None:
        return Match(name, None, None, 0.0, reason(part("plan.why_none")), "none", offers)
    # weak evidence is never accepted, but a calibrated confidence worth a look is reviewed
    blocked = chosen.blocked or ("weak_evidence" if chosen.evidence < MIN_EVIDENCE else None)
    ready = blocked is None
    status: Status = "accepted" if ready and chosen.confidence >= threshold else "review"
    if chosen.confidence < MIN_REVIEW and chosen.words:
        # (a column offered on its values alone has no calibrated confidence to fall short:
        # what its values say is shown for review)
        status = "none"
    col = chosen.column
    return Match(
        name, col.unit, col.name, round(chosen.confidence, 3), chosen.reason, status, offers,
        values_only=not chosen.words, cue_message=chosen.cue_message, held=chosen.held,
        ready=ready, blocked=blocked,
    )  # fmt: skip


def _needs_codes(m: Match, library: Library) -> Match:
    """A condition accepted without codes that count is not ready: its answers are not yes/no
    and none says the condition, so the user chooses them (review)."""
    inp = library.inputs.get(m.input)
    offer = m.candidates[0] if m.candidates else None
    if not (m.ready or m.status == "accepted") or inp is None or inp.kind != "condition":
        return m
    if offer is None:
        return m
    mapping = offer.mapping
    if mapping is None or mapping.true_codes or mapping.true_labels or mapping.columns:
        return m
    status: Status = "review" if m.status == "accepted" else m.status
    return dataclasses.replace(m, status=status, ready=False, blocked="no_codes")


#: confidence in a household key found from the data, by how it was found (see suggest_link)
KEY_CONFIDENCE = {"roster": 0.97, "declared": 0.95, "matched": 0.9, "submission": 0.85,
                  "unique": 0.5}  # fmt: skip


def _key_match(m: Match, link: Link) -> Match:
    """The household-id match as the data say it: the household key the member file points to
    (or the key the importer declared, or the unique column the name matched), ahead of what
    the name alone suggested."""
    if not link.household_key or (link.household_key == m.column and m.status == "accepted"):
        return m
    conf = KEY_CONFIDENCE[link.how]
    why = key_reason(link.how, link.individual_key)
    status: Status = "accepted" if conf >= DEFAULT_THRESHOLD else "review"
    offer = Offer(link.household_key, "household", conf, why)
    rest = tuple(o for o in m.candidates if o.column != link.household_key)
    return Match("household_id", "household", link.household_key, conf, why, status,
                 (offer, *rest)[:OFFERED], ready=True)  # fmt: skip


def _mapping(
    library: Library, datasets: Mapping[str, Dataset], name: str, cand: Candidate
) -> InputMapping | None:
    """The mapping accepting ``cand`` for input ``name`` gives: column, codes that count (for a
    condition), categories, missing codes, and a note saying why."""
    inp = library.inputs[name]
    col = cand.column
    var = col.var
    values = datasets[col.dataset].frame[col.name]
    kw: dict[str, object] = {"missing": missing_codes(var, values)}
    note = str(note_of(cand.confidence, cand.reason, values_only=not cand.words))
    if inp.kind == "condition":
        text = InputText.of(inp)
        single = [t for p in text.phrases if len(p) == 1 for t in p]
        words = frozenset(w for w in text.name_toks + single if w not in generic())
        codes = (1,) if col.option_of else condition_codes(name, var, col.values, words)
        if name == "is_household_head":
            codes = frame.head_of(datasets[col.dataset], cand)[1] or codes
        if not codes and var.kind != "boolean":
            note += "; answers are not yes/no: choose the codes that count"
        kw["true_codes"] = codes
    elif inp.kind == "category" and inp.values:
        kw["categories"] = categories(var, inp.values, col.values.choices)
    return InputMapping(name, col.unit, col.name, note=note, **kw)  # type: ignore[arg-type]


def _inputs(
    library: Library,
    accepted: dict[str, Candidate],
    wg: list[ColumnProfile],
    mapping_of: Callable[[str, Candidate], InputMapping | None],
) -> tuple[InputMapping, ...]:
    used: set[str] = set()
    for ind in library.indicators:
        used |= ind.inputs
    out = []
    for name, cand in accepted.items():
        inp = library.inputs[name]
        if name in FRAME_ROLES or (inp.core and name not in used):
            continue
        m = mapping_of(name, cand)
        if m is not None:
            out.append(m)
    if wg and "disability" in library.inputs:
        from workbench.plan.suggest_codes import difficulty_codes

        domains = tuple(p.name for p in wg)
        codes, missing = difficulty_codes(wg[0].var), missing_codes(wg[0].var)
        note = "suggested: Washington Group domains"
        out.append(InputMapping("disability", "individual", columns=domains, combine="any",
                                true_codes=codes, missing=missing, note=note))  # fmt: skip
    order = list(library.inputs)
    return tuple(sorted(out, key=lambda m: order.index(m.name)))


def _usable(m: InputMapping, library: Library) -> bool:
    kind = library.inputs[m.name].kind if m.name in library.inputs else "number"
    if kind == "condition":
        return bool(m.true_codes or m.true_labels or m.columns)
    if kind == "category":
        return bool(m.categories) or not library.inputs[m.name].values
    return m.is_mapped


def _indicators(
    library: Library, inputs: tuple[InputMapping, ...], dis: tuple
) -> tuple[IndicatorUse, ...]:
    mapped = {m.name for m in inputs if _usable(m, library)}
    by_id = {d.id: d for d in dis}
    out = []
    for ind in library.indicators:
        if not ind.inputs <= mapped:
            continue
        ok = []
        for d in ind.disaggregations:
            spec = by_id.get(d)
            if spec is None or (
                ind.unit == "household" and spec.unit == "individual" and not spec.head
            ):
                continue
            ok.append(d)
        out.append(IndicatorUse(ind.id, tuple(ok)))
    return tuple(out)
