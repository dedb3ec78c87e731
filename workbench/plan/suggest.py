"""Auto-suggest a plan from datasets: a column for each library input, with a confidence in
[0, 1] and the reason; the design, link, groups and disaggregations; the indicators they cover.

A match below ``threshold`` is never accepted silently: the input stays unmapped and the match is
reported with status ``review``. Everything suggested is an ordinary, editable plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from workbench.dataset_model import Dataset
from workbench.errors import PlanError
from workbench.findings import Finding
from workbench.plan import suggest_frame as frame
from workbench.plan.model import DatasetLinks, IndicatorUse, InputMapping, Plan
from workbench.plan.suggest_assign import Candidate, assign, rank
from workbench.plan.suggest_codes import categories, missing_codes, yes_codes
from workbench.plan.suggest_columns import ColumnProfile, InputText, profile_columns
from workbench.plan.suggest_text import Idf

if TYPE_CHECKING:
    from workbench.library.model import Library

DEFAULT_THRESHOLD = 0.5
Status = Literal["accepted", "review", "none"]
#: core inputs that describe the design / groups / disaggregations rather than an answer
FRAME_ROLES = ("weight", "stratum", "psu", "fpc", "household_id", "population_group", "location",
               "area_type", "origin_location", "displacement_year")  # fmt: skip


@dataclass(frozen=True)
class Match:
    input: str
    unit: str | None
    column: str | None
    confidence: float
    reason: str
    status: Status
    alternatives: tuple[tuple[str, float], ...] = ()


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
                out.append(
                    Finding.of(
                        "plan.suggest_review", "warning", where=where, confidence=m.confidence
                    )
                )
        return out


def suggest_plan(library: Library, datasets: Mapping[str, Dataset], name: str = "plan") -> Plan:
    return suggest(library, datasets, name).plan


def suggest(
    library: Library,
    datasets: Mapping[str, Dataset],
    name: str = "plan",
    threshold: float = DEFAULT_THRESHOLD,
) -> Suggestion:
    if not datasets:
        raise PlanError.of("plan.suggest_needs_dataset")
    hh, ind = frame.dataset_roles(datasets)
    profiles = profile_columns(hh, "household") + (
        profile_columns(ind, "individual") if ind else []
    )
    idf = Idf(p.text_toks + p.name_toks for p in profiles)
    wg = frame.wg_columns(profiles)
    wg_names = {p.name for p in wg}
    texts = {n: InputText.of(i) for n, i in library.inputs.items() if i.role not in ("parameter",)}
    ranked = {
        n: rank(t, [p for p in profiles if p.name not in wg_names], idf) for n, t in texts.items()
    }
    chosen = assign(ranked)
    accepted = {n: c for n, c in chosen.items() if c is not None and c.confidence >= threshold}
    matches = [_match(n, chosen[n], ranked[n], threshold) for n in texts]

    hh_key, ind_key = frame.link_keys(hh, ind, accepted.get("household_id"))
    head_col, head_codes = frame.head_of(ind, accepted.get("is_household_head"))
    links = DatasetLinks(
        hh.name, hh_key, ind.name if ind else None, ind_key, "any", head_col, head_codes
    )
    grp = frame.groups(hh, accepted.get("population_group"))
    dis = frame.disaggregations(accepted, wg, grp)
    inputs = _inputs(library, datasets, accepted, wg)
    if wg and "disability" in library.inputs:
        matches = [m for m in matches if m.input != "disability"]
        matches.append(Match("disability", "individual", ",".join(p.name for p in wg), 0.9,
                             "Washington Group answer labels", "accepted"))  # fmt: skip
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


def _match(name: str, chosen: Candidate | None, cands: list[Candidate], threshold: float) -> Match:
    key = (chosen.column.dataset, chosen.column.name) if chosen else None
    alts = tuple(
        (c.column.name, round(c.confidence, 3))
        for c in cands
        if (c.column.dataset, c.column.name) != key
    )[:3]
    if chosen is None:
        return Match(name, None, None, 0.0, "no candidate column", "none", alts)
    status: Status = "accepted" if chosen.confidence >= threshold else "review"
    if chosen.confidence < 0.2:
        status = "none"
    col = chosen.column
    return Match(name, col.unit, col.name, round(chosen.confidence, 3), chosen.reason, status, alts)


def _inputs(
    library: Library,
    datasets: Mapping[str, Dataset],
    accepted: dict[str, Candidate],
    wg: list[ColumnProfile],
) -> tuple[InputMapping, ...]:
    used: set[str] = set()
    for ind in library.indicators:
        used |= ind.inputs
    out = []
    for name, cand in accepted.items():
        inp = library.inputs[name]
        if name in FRAME_ROLES or (inp.core and name not in used):
            continue
        col = cand.column
        var = col.var
        values = datasets[col.dataset].frame[col.name]
        kw: dict[str, object] = {"missing": missing_codes(var, values)}
        note = f"suggested ({cand.confidence:.2f}): {cand.reason}"
        if inp.kind == "condition":
            codes = (1,) if col.option_of else yes_codes(var)
            if name == "is_household_head":
                codes = frame.head_of(datasets[col.dataset], cand)[1]
            if not codes and var.kind != "boolean":
                note += "; answers are not yes/no: choose the codes that count"
            kw["true_codes"] = codes
        elif inp.kind == "category" and inp.values:
            kw["categories"] = categories(var, inp.values)
        out.append(InputMapping(name, col.unit, col.name, note=note, **kw))  # type: ignore[arg-type]
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
