"""Plan + library + datasets → :class:`~workbench.stats.frame.AnalysisFrame` (the engine's input).

One unit frame per unit (household, individual when the plan links one). Every surveyed row is
kept: indicator columns are NaN outside the universe, for missing answers and for rows not asked
(``skip = "outside"``). Individuals inherit design, group and household disaggregations via the
link key; household indicators read individual answers aggregated per the plan (any / all / head).
Everything is vectorised: no Python loop runs over rows. Households without consent or outside the
plan's eligibility filter, and their members, are removed first (:mod:`workbench.plan.consent`);
the counts go into the run's provenance (``exclusions``) and the report's methodology.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.errors import LibraryError, PlanError
from workbench.plan.aggregate import to_households, to_individuals
from workbench.plan.calibration import calibrated_spec, calibration_columns
from workbench.plan.consent import Respondents, respondents
from workbench.plan.design import design_columns, group_column, individual_design
from workbench.plan.disagg import disagg_column
from workbench.plan.indicators import resolve_indicator, spec_for
from workbench.plan.link import Link, build_link
from workbench.plan.model import InputMapping, Plan
from workbench.plan.snapshot import run_texts
from workbench.plan.values import InputValues, read_input
from workbench.stats.frame import (
    GROUP,
    AnalysisFrame,
    DisaggregationSpec,
    StockTableSpec,
    UnitFrame,
)

if TYPE_CHECKING:
    from workbench.library.model import Library


def input_kind(mapping: InputMapping, library: Library) -> str:
    """The library's kind of an input; for inputs the library does not declare (custom
    indicators), guessed from the mapping."""
    if mapping.name in library.inputs:
        return library.inputs[mapping.name].kind
    if mapping.true_codes or mapping.true_labels:
        return "condition"
    return "category" if mapping.categories else "number"


def default_aggregate(kind: str, plan: Plan) -> str:
    if kind == "condition":
        return plan.datasets.aggregation
    return "sum" if kind == "number" else "head"


class InputReader:
    """Mapped inputs read once per unit and cached."""

    def __init__(self, plan: Plan, library: Library, hh: Dataset, ind: Dataset | None, link: Link):
        self.plan, self.library, self.hh, self.ind, self.link = plan, library, hh, ind, link
        self.cache: dict[tuple[str, str], InputValues] = {}

    def get(self, name: str, unit: str, indicator: str) -> InputValues:
        key = (name, unit)
        if key in self.cache:
            return self.cache[key]
        m = self.plan.input(name)
        where = f"plan {self.plan.name}: [inputs.{name}]"
        if m is None or not m.is_mapped:
            raise PlanError.of(
                "plan.input_not_mapped", plan=self.plan.name, indicator=indicator, input=name
            )
        kind = input_kind(m, self.library)
        if m.unit == "individual":
            if self.ind is None:
                raise PlanError.of("plan.mapped_to_missing_individuals", where=where)
            own = self.cache.get((name, "individual")) or read_input(
                m, kind, self.ind, self.link.rows, where
            )
        else:
            own = self.cache.get((name, "household")) or read_input(m, kind, self.hh, None, where)
        self.cache[(name, m.unit)] = own
        if unit != m.unit:
            if unit == "individual":
                own = to_individuals(own, self.link)
            else:
                own = to_households(
                    own, m.aggregate or default_aggregate(kind, self.plan), self.link
                )
            self.cache[key] = own
        return own


def evaluate(plan: Plan, library: Library, datasets: Mapping[str, Dataset]) -> AnalysisFrame:
    hh = _dataset(plan, datasets, plan.datasets.household, "household")
    ind = (
        _dataset(plan, datasets, plan.datasets.individual, "individual")
        if plan.datasets.individual
        else None
    )
    # households without consent or not eligible (and their members) are left out of everything
    kept = respondents(plan, hh, ind)
    hh, ind = kept.household, kept.individual
    lang = plan.language
    link = build_link(plan, hh, ind)
    hh_design, hh_spec = design_columns(plan, hh, link)
    groups_col, group_specs = group_column(plan, hh, lang)
    hh_design[GROUP] = groups_col
    cols: dict[str, dict[str, object]] = {"household": {}}
    frames: dict[str, pd.DataFrame] = {"household": hh_design}
    specs = {"household": hh_spec}
    if ind is not None:
        frames["individual"], specs["individual"] = individual_design(hh_design, hh_spec, link)
        cols["individual"] = {}
    cal = plan.design.calibration
    if (
        cal is not None
    ):  # the engine calibrates this unit's weights (workbench/stats/calibration.py)
        if cal.unit not in frames:
            raise PlanError.of("plan.calibration_needs_individuals")
        cols[cal.unit].update(calibration_columns(cal, hh, ind, link))
        specs[cal.unit] = calibrated_spec(specs[cal.unit], cal, cal.unit)

    dis_specs = []
    for d in plan.disaggregations:
        src = hh if d.unit == "household" else ind
        if src is None:
            raise PlanError.of("plan.disaggregation_needs_individuals", plan=plan.name, id=d.id)
        _check_columns(plan, d.id, src, (d.column, *d.columns))
        values, levels = disagg_column(d, src, link.rows if d.unit == "individual" else None, lang)
        if d.unit == "household":
            cols["household"][d.id] = values.to_numpy()
            if ind is not None:
                assert link.parent is not None
                cols["individual"][d.id] = values.to_numpy()[link.parent]
        else:
            cols["individual"][d.id] = values.to_numpy()
            if d.head:
                head = to_households(InputValues(values, np.zeros(len(values), bool)), "head", link)
                cols["household"][d.id] = head.values.to_numpy()
        dis_specs.append(DisaggregationSpec(d.id, d.label(lang), levels))

    inputs = InputReader(plan, library, hh, ind, link)
    ind_specs = []
    for use in plan.indicators:
        indicator = resolve_indicator(use, library, plan)
        unit = indicator.unit
        if unit not in frames:
            raise PlanError.of("plan.indicator_needs_individuals", plan=plan.name, id=use.id)
        for dis_id in use.disaggregations:
            if dis_id not in cols[unit] and dis_id in {d.id for d in plan.disaggregations}:
                raise PlanError.of(
                    "plan.disaggregation_individual_level", plan=plan.name, id=use.id, dis_id=dis_id
                )
        env = {name: inputs.get(name, unit, use.id) for name in sorted(indicator.inputs)}
        try:
            out = indicator.evaluate(
                {k: v.values for k, v in env.items()}, pd.RangeIndex(len(frames[unit]))
            )
        except LibraryError as exc:
            raise PlanError.of(
                "plan.indicator_error", plan=plan.name, id=use.id, message=exc.message
            ) from None
        # A question not asked (skip pattern) is an unknown answer to the expression, which
        # reads it as Kleene logic does: the row is outside the indicator only when that answer
        # would decide its value. "applied_for_restitution and hlp_claim_resolved" is false for a
        # household that did not apply (its claim status not asked), as the library means: the
        # row used to be dropped whenever any input was skipped, so the HLP-claims indicators'
        # base silently became the claimants (91 of 411 households in the demo, 31.5% vs 6.5%)
        for col, series in out.items():
            cols[unit][col] = series.to_numpy(dtype="float64", na_value=np.nan).copy()
        ind_specs.append(spec_for(indicator, use, lang, library))

    units = {}
    for unit, base in frames.items():
        extra = pd.DataFrame(cols[unit], index=base.index)
        units[unit] = UnitFrame(unit, pd.concat([base, extra], axis=1), specs[unit])  # type: ignore[arg-type]
    stock = [
        StockTableSpec(t.id, t.title or t.id, t.unit, t.rows, t.cols)
        for t in plan.stock_tables
        if t.unit in units
    ]
    for t in stock:
        for c in (t.rows, t.cols):
            if c is not None and c not in units[t.unit].frame.columns:
                raise PlanError.of(
                    "plan.stock_column_unavailable", plan=plan.name, id=t.id, c=c, unit=t.unit
                )
    return AnalysisFrame(
        units=units,
        groups=group_specs,
        disaggregations=dis_specs,
        indicators=ind_specs,
        stock_tables=stock,
        provenance=_provenance(plan, hh, ind, link) | {"exclusions": _exclusions(kept)},
        household_aggregation=plan.datasets.aggregation,
        texts=run_texts(plan, library, hh.variables, ind.variables if ind is not None else None),
    )


def _dataset(plan: Plan, datasets: Mapping[str, Dataset], name: str | None, role: str) -> Dataset:
    if not name:
        raise PlanError.of("plan.dataset_role_not_set", plan=plan.name, role=role)
    if name not in datasets:
        raise PlanError.of("plan.dataset_not_available", plan=plan.name, role=role, name=name)
    return datasets[name]


def _check_columns(plan: Plan, dis_id: str, ds: Dataset, names: tuple[str | None, ...]) -> None:
    for n in names:
        if n and n not in ds.frame.columns:
            raise PlanError.of(
                "plan.disaggregation_column_missing", plan=plan.name, dis_id=dis_id, n=n, ds=ds.name
            )


def _exclusions(kept: Respondents) -> dict[str, object]:
    var = kept.household.variables.get(kept.consent_column) if kept.consent_column else None
    # the consent question as the questionnaire asks it, in every language the data have: the
    # report names it by its words, not by its column alone (issue 20: "(column consent)")
    texts = (dict(var.labels) or ({"en": var.label} if var.label else {})) if var else {}
    return {
        **kept.counts(),
        "consent_column": kept.consent_column,
        "consent_labels": {k: v for k, v in texts.items() if v},
        "eligibility": kept.eligibility,
    }


def _provenance(plan: Plan, hh: Dataset, ind: Dataset | None, link: Link) -> dict[str, str]:
    out = {
        "plan_name": plan.name,
        "household_dataset": hh.name,
        "households": str(hh.n_rows),
    }
    if ind is not None:
        out.update(
            individual_dataset=ind.name,
            individuals=str(link.n_individuals),
            individuals_unlinked=str(link.orphans),
        )
    return out
