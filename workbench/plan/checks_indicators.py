"""Checks of the indicators: known, fully mapped, computable, a non-empty universe per group and
an acceptable missing rate per group (evaluated on the data, vectorised)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.errors import LibraryError, PlanError
from workbench.findings import Finding
from workbench.library.entities import Text
from workbench.plan.checks_structure import finding
from workbench.plan.codes import canon, canon_series
from workbench.plan.evaluate import InputReader
from workbench.plan.indicators import judging, resolve_indicator
from workbench.plan.link import Link
from workbench.plan.model import GroupValue, IndicatorUse, Plan

if TYPE_CHECKING:
    from workbench.library.model import Indicator, Library


def check_indicators(
    plan: Plan,
    library: Library,
    hh: Dataset,
    ind: Dataset | None,
    link: Link | None,
    missing_threshold: float,
) -> list[Finding]:
    out: list[Finding] = []
    reader = InputReader(plan, library, hh, ind, link) if link is not None else None
    groups = _group_codes(plan, hh, link)
    for use in plan.indicators:
        where = {"section": "indicators", "indicator": use.id}
        try:
            indicator = resolve_indicator(use, library, plan)
        except PlanError as exc:
            unknown = "not in the indicator library" in exc.message
            code = "indicator_unknown" if unknown else "indicator_invalid"
            out.append(finding(code, "error", where, message=exc.message))
            continue
        needed = sorted(indicator.inputs)
        unmapped = [n for n in needed if not _mapped(plan, n)]
        if unmapped:
            some = len(unmapped) < len(needed)
            code = "indicator_inputs_partial" if some else "indicator_inputs_unmapped"
            out.append(finding(code, "error", where, unmapped=unmapped))
            continue
        out += _check_breakdowns(plan, use, indicator.unit)
        if indicator.unit == "individual" and ind is None:
            out.append(finding("indicator_unit", "error", where))
            continue
        if reader is None or groups is None:
            continue
        try:
            out += _data_checks(plan, use, indicator, reader, groups, missing_threshold)
        except (PlanError, LibraryError) as exc:
            out.append(finding("indicator_not_computable", "error", where, message=exc.message))
    return out


def _check_breakdowns(plan: Plan, use: IndicatorUse, unit: str) -> list[Finding]:
    """Individual breakdowns (sex, age …) apply to household indicators only via the head."""
    out = []
    for dis_id in use.disaggregations:
        d = plan.disaggregation(dis_id)
        if d is not None and unit == "household" and d.unit == "individual" and not d.head:
            where = {"section": "indicators", "indicator": use.id, "disaggregation": dis_id}
            out.append(finding("indicator_disaggregation_unit", "error", where))
    return out


def _mapped(plan: Plan, name: str) -> bool:
    m = plan.input(name)
    return m is not None and m.is_mapped


def _group_codes(plan: Plan, hh: Dataset, link: Link | None) -> dict[str, np.ndarray] | None:
    col = plan.groups.column
    if link is None or not col or col not in hh.frame.columns:
        return None
    codes = canon_series(hh.frame[col]).to_numpy(dtype=object)
    out = {"household": codes}
    if link.parent is not None:
        out["individual"] = codes[link.parent]
    return out


def _data_checks(
    plan: Plan,
    use: IndicatorUse,
    indicator: Indicator,
    reader: InputReader,
    groups: dict[str, np.ndarray],
    threshold: float,
) -> list[Finding]:
    unit = indicator.unit
    codes = groups[unit]
    env = {n: reader.get(n, unit, use.id) for n in sorted(indicator.inputs)}
    index = pd.RangeIndex(len(codes))
    values = {k: v.values for k, v in env.items()}
    skipped = np.zeros(len(codes), dtype=bool)
    for v in env.values():
        skipped |= v.skipped
    if indicator.universe_expr is not None:
        uni = indicator.universe_expr.evaluate(values, index).fillna(False).astype(bool).to_numpy()
    else:
        uni = np.ones(len(codes), dtype=bool)
    num = indicator.evaluate(values, index)[indicator.id].to_numpy(dtype=float, na_value=np.nan)
    uni = uni & ~(skipped & np.isnan(num))  # not asked, and the unasked answer decides (evaluate)
    out: list[Finding] = []
    where = {"section": "indicators", "indicator": use.id}
    title = indicator.title
    _mid, comparable = judging(indicator, use, None)
    roles = [(v, plan.groups.role_of(v.code)) for v in plan.groups.values]
    total_in = 0
    for gv, role in roles:
        if role not in ("displaced", "comparator"):
            continue
        in_group = codes == canon(gv.code)
        if not in_group.any():
            continue
        n_uni = int((uni & in_group).sum())
        total_in += n_uni
        gwhere = {**where, "group": str(gv.code)}
        named = {"title": title, "group_name": group_name(gv), "group": gv.code}
        if n_uni == 0:
            out += _empty_universe(role, comparable, gwhere, named)
            continue
        n_miss = int((uni & in_group & np.isnan(num)).sum())
        rate = n_miss / n_uni
        if rate > threshold:
            out.append(finding("missing_rate_high", "warning", gwhere, rate=round(rate, 4),
                               threshold=threshold, **named))  # fmt: skip
    if total_in == 0 and any(r in ("displaced", "comparator") for _, r in roles):
        out.append(finding("universe_empty_all", "error", where, title=title))
    return out


def group_name(gv: GroupValue) -> Text:
    """A population group as the user named it in the plan, in every language it has."""
    return Text({"en": gv.label("en"), **{k: v for k, v in gv.labels.items() if v}})


def _empty_universe(
    role: str | None, comparable: bool, where: dict[str, str], named: dict[str, Any]
) -> list[Finding]:
    """Nobody of one group in an indicator's universe. For the comparator it matters only when
    the indicator is to be compared (a warning the user acts on: fix the universe or mark the
    indicator not comparable); a displaced group without estimate is a fact to know (info) —
    the questionnaire often asks some questions of some groups only."""
    if role == "comparator":
        if not comparable:
            return []  # described for the displaced, never compared: as the plan says
        return [finding("universe_empty_comparator", "warning", where, **named)]
    return [finding("universe_empty", "info", where, **named)]
