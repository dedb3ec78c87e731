"""``analyze(frame, options) -> AnalysisResults``: the engine's one entry point."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.progress import NULL_PROGRESS, CancelToken, Progress, check_cancel
from workbench.stats.blas import one_blas_thread
from workbench.stats.comparisons import compare
from workbench.stats.context import UnitContext, build_context
from workbench.stats.count_intervals import withhold_count_intervals
from workbench.stats.disclosure import thresholds
from workbench.stats.estimates import ZSink, linear_estimates, median_estimates
from workbench.stats.frame import GROUP, AnalysisFrame, IndicatorSpec
from workbench.stats.intervals import add_flags, add_intervals
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import (
    COMPARISON_COLUMNS,
    COMPARISON_EXTRA,
    ESTIMATE_COLUMNS,
    ESTIMATE_EXTRA,
    AnalysisResults,
)
from workbench.stats.snapshot_build import build_snapshot
from workbench.stats.solutions import solutions_measure
from workbench.stats.stock import idp_totals, stock_tables
from workbench.stats.summary import criteria_summary
from workbench.stats.suppression import complementary_suppression


def _check_columns(frame: AnalysisFrame, unit: str, inds: list[IndicatorSpec]) -> None:
    if unit not in frame.units:
        raise StatsError.of("stats.indicator_unit_missing", id=inds[0].id, unit=unit)
    cols = frame.units[unit].frame.columns
    for ind in inds:
        need = [ind.id] + ([f"{ind.id}__den"] if ind.statistic == "ratio" else [])
        for c in need:
            if c not in cols:
                raise StatsError.of("stats.indicator_column_missing", c=c, id=ind.id, unit=unit)


def unit_estimates(
    frame: AnalysisFrame,
    unit: str,
    inds: list[IndicatorSpec],
    alpha: float,
    cancel: CancelToken | None = None,
    z_sink: ZSink | None = None,
    likelihood: bool = False,
) -> tuple[pd.DataFrame, UnitContext]:
    """``likelihood``: also the sums the likelihood interval of proportions needs."""
    order = [d.id for d in frame.disaggregations]
    wanted = {d for i in inds for d in i.disaggregations}
    disaggs = [d for d in order if d in wanted] + sorted(wanted - set(order))
    ctx = build_context(frame, frame.units[unit], disaggs)
    lin = [i for i in inds if i.statistic != "median"]
    med = [i for i in inds if i.statistic == "median"]
    if z_sink is not None:
        z_sink.record(ctx)
    parts = linear_estimates(ctx, lin, cancel, z_sink, likelihood=likelihood)
    parts += median_estimates(ctx, med, alpha, cancel, z_sink)
    est = pd.concat(parts, ignore_index=True)
    est["_design_df"] = float(ctx.design.df)
    return est, ctx


def analyze(
    frame: AnalysisFrame,
    options: AnalysisOptions | None = None,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
    z_sink: ZSink | None = None,
) -> AnalysisResults:
    """``z_sink``: collects the linearised PSU totals of the linear estimates (rounds)."""
    with one_blas_thread():  # small products: no waiting on busy cores (stats/blas.py)
        return _analyze(frame, options, progress, cancel, z_sink)


def _analyze(
    frame: AnalysisFrame,
    options: AnalysisOptions | None,
    progress: Progress,
    cancel: CancelToken | None,
    z_sink: ZSink | None,
) -> AnalysisResults:
    opts = options or AnalysisOptions()
    rules = thresholds(opts)
    if not frame.indicators:
        raise StatsError.of("stats.no_indicators")
    units = list(dict.fromkeys(i.unit for i in frame.indicators))
    steps = len(units) + 3
    parts, designs = [], {}
    for k, unit in enumerate(units):
        progress.update(k, steps, f"Estimating {unit} indicators")
        inds = [i for i in frame.indicators if i.unit == unit]
        _check_columns(frame, unit, inds)
        est_u, ctx = unit_estimates(
            frame, unit, inds, opts.alpha, cancel, z_sink, opts.proportion_ci == "likelihood"
        )
        parts.append(est_u)
        designs[unit] = _design_meta(ctx)
    check_cancel(cancel)
    est = add_flags(
        add_intervals(
            pd.concat(parts, ignore_index=True), opts.alpha, opts.proportion_ci, opts.total_ci
        ),
        rules,
    )
    progress.update(len(units), steps, "Solutions measure")
    check_cancel(cancel)
    sol = solutions_measure(frame, opts, rules)
    skipped = dict(sol.attrs.get("skipped", {}))
    sol_weighted = sol.attrs.get("weighted")
    sol.attrs = {}
    progress.update(len(units) + 1, steps, "Stock tables")
    stock = stock_tables(frame, opts, rules)
    progress.update(len(units) + 2, steps, "Complementary suppression")
    est, sol, stock, suppression = complementary_suppression(
        est, sol, stock, frame, rules, sol_weighted
    )
    # counts marked † or without degrees of freedom are published without an interval
    est = withhold_count_intervals(est, (est["statistic"] == "total").to_numpy())
    stock = withhold_count_intervals(stock, np.ones(len(stock), dtype=bool))
    cmp_ = compare(est, frame, opts)
    summary = criteria_summary(cmp_, opts.rating_rule, opts.red_share)
    meta = _meta(frame, opts, rules, designs)
    meta["solutions_skipped"] = skipped
    meta["suppression"] = suppression
    # each stock table's total of the IDPs alone (the stock counts returnees too)
    meta["stock_idps"] = idp_totals(frame, opts, rules, stock)
    progress.update(steps, steps, "Done")
    est_cols = ESTIMATE_COLUMNS + ESTIMATE_EXTRA
    cmp_cols = COMPARISON_COLUMNS + COMPARISON_EXTRA + ["df"]
    return AnalysisResults(
        estimates=est[est_cols].reset_index(drop=True),
        comparisons=cmp_[cmp_cols].reset_index(drop=True),
        criteria_summary=summary,
        solutions=sol,
        stock=stock,
        meta=meta,
        snapshot=build_snapshot(frame, meta),
    )


def _design_meta(ctx: UnitContext) -> dict[str, Any]:
    return {"rows": len(ctx.df), **ctx.design.meta()}


def _meta(frame: AnalysisFrame, opts: AnalysisOptions, rules: Any, designs: dict) -> dict:
    from workbench import __version__

    meta: dict[str, Any] = dict(frame.provenance)
    meta["exclusions"] = {**dict(meta.get("exclusions") or {}), **no_group(frame)}
    meta.update(
        {
            "software": f"ds-workbench {__version__}",
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "alpha": opts.alpha,
            "disclosure_preset": opts.disclosure_preset,
            "disclosure_thresholds": rules.as_meta(),
            "options": opts.as_meta(),
            "household_aggregation": opts.household_aggregation or frame.household_aggregation,
            "solutions_subcriteria": sorted(
                {
                    str(i.iris_subcriterion)
                    for i in frame.indicators
                    if i.iris_subcriterion and i.direction != "neutral"
                }
            ),
            "designs": designs,
            "methods": {
                "variance": _variance_method(designs),
                "domains": "subset() semantics: zero contributions outside the domain",
                "deff": "replace (vs SRS with replacement, svymean(deff='replace'))",
                "proportion_ci": opts.proportion_ci,
                "proportion_ci_edges": "Korn-Graubard, effective sample size = cases (NCHS)",
                "total_ci": opts.total_ci,
                "p_adjust": f"{opts.p_adjust} within each {opts.p_adjust_scope}",
                "rating_rule": opts.rating_rule,
                "quantile": "qrule=math, Woodruff interval.type=mean (survey 4.x defaults)",
                "comparison_df": "degf(design) of the full design",
            },
        }
    )
    return meta


def _variance_method(designs: dict[str, dict[str, Any]]) -> str:
    out = []
    for d in designs.values():
        if d.get("variance") == "replicate":
            how = "generated from the design" if d.get("generated") else "supplied"
            out.append(f"{d['replicates']} {d['replicate_type']} replicate weights ({how}; R "
                       f"svrepdesign, scale {d['scale']:.6g}, mse={d['mse']})")  # fmt: skip
        elif int(d.get("stages", 1)) > 1:
            out.append(f"Taylor linearisation, {d['stages']} stages with their FPCs (R survey "
                       "multistage)")  # fmt: skip
        elif d.get("fpc"):
            out.append("Taylor linearisation, first stage without replacement with its FPC, "
                       "later stages not estimated apart (R survey)")  # fmt: skip
        else:
            out.append("Taylor linearisation, with-replacement first stage (R survey)")
    return "; ".join(dict.fromkeys(out)) or "Taylor linearisation (R survey)"


def no_group(frame: AnalysisFrame) -> dict[str, Any]:
    """The analysed units in no reported group: a group code the plan excludes (role
    ``exclude``: "Unknown status") or no code at all. They stay in the design (every estimate
    is a domain estimate over the full sample) but are in no group's estimates, not in "all
    displaced" and not in the stock — issue 20: the demo's 2,999 households include 10 of
    "Unknown status" (49 people) that the report never accounted for."""
    reported = {g.code for g in frame.groups if g.role != "exclude"}
    out: dict[str, Any] = {}
    codes: set[str] = set()
    for unit, key in (("household", "households_no_group"), ("individual", "individuals_no_group")):
        if unit not in frame.units:
            continue
        grp = frame.units[unit].frame[GROUP]
        outside = grp.isna() | ~grp.astype(str).isin(reported)
        out[key] = int(outside.sum())
        codes |= {str(c) for c in grp[outside].dropna().unique()}
    out["no_group_codes"] = sorted(codes)
    # of the households, those with no code at all (the rest carry an excluded code)
    hh = frame.units["household"].frame[GROUP] if "household" in frame.units else None
    out["households_no_group_code"] = int(hh.isna().sum()) if hh is not None else 0
    return out
