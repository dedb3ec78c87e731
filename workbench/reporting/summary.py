"""The executive summary's content: the traffic-light grid and the key gaps in plain words."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.reporting.context import CRITERIA, ReportContext
from workbench.reporting.fmt import fmt_value
from workbench.reporting.i18n import Translator
from workbench.stats.results import ALL_DISPLACED, GROUP_TOTAL, AnalysisResults

RATINGS = ("red", "amber", "green", "grey")


@dataclass
class Grid:
    criteria: list[str]  # criterion ids with a row in criteria_summary
    groups: list[str]  # displaced group codes
    ratings: dict[tuple[str, str], str]  # (criterion, group) → rating


def traffic_light(results: AnalysisResults, ctx: ReportContext) -> Grid:
    cs = results.criteria_summary
    groups = [g.code for g in ctx.displaced]
    ratings: dict[tuple[str, str], str] = {}
    if not cs.empty:
        for rec in cs.itertuples(index=False):
            ratings[(str(rec.criterion), str(rec.group))] = str(rec.rating)
    crits = [c for c in CRITERIA if any((c, g) in ratings for g in groups)]
    return Grid(crits, groups, ratings)


def key_gaps(
    results: AnalysisResults, ctx: ReportContext, assessment: str, limit: int = 6
) -> list[str]:
    """Sentences for the largest significant differences of one kind ('worse' or 'better')."""
    tr = Translator(ctx.language)
    cmp_ = results.comparisons
    comp = ctx.comparator
    if cmp_.empty or comp is None:
        return []
    sel = cmp_[(cmp_["disaggregation"] == GROUP_TOTAL) & (cmp_["assessment"] == assessment)]
    if "flag" in sel:
        sel = sel[sel["flag"] != "suppressed"]
    sel = sel[sel["indicator_id"].isin(list(ctx.indicators))]
    sel = sel[sel["group"].astype(str).isin([g.code for g in ctx.displaced])]
    est = results.estimates
    tot = est[est["disaggregation"] == GROUP_TOTAL].set_index(["indicator_id", "group"])
    ranked: list[tuple[float, str]] = []
    for rec in sel.itertuples(index=False):
        info = ctx.indicators[str(rec.indicator_id)]
        if info.statistic != "proportion" or info.criterion not in CRITERIA:
            continue
        try:
            a = float(tot.loc[(rec.indicator_id, rec.group), "estimate"])
            b = float(tot.loc[(rec.indicator_id, comp.code), "estimate"])
        except KeyError:
            continue
        if pd.isna(a) or pd.isna(b):
            continue
        text = tr(
            f"gap_{assessment}",
            group=ctx.group(str(rec.group)).label.shown(),
            comparator=comp.label.shown(),
            title=info.title.shown(),
            a=fmt_value(a, info.shown_as, ctx.language),
            b=fmt_value(b, info.shown_as, ctx.language),
        )
        ranked.append((abs(float(rec.difference)), text))
    ranked.sort(key=lambda t: (-t[0], t[1]))
    return [t for _s, t in ranked[:limit]]


def solutions_headline(results: AnalysisResults, ctx: ReportContext) -> str | None:
    sol = results.solutions
    if sol.empty:
        return None
    tr = Translator(ctx.language)
    method = str(sol["method"].iloc[0])
    rows = sol[(sol["method"] == method) & (sol["disaggregation"] == GROUP_TOTAL)]
    pooled = rows[rows["group"] == ALL_DISPLACED]
    row = pooled.iloc[0] if not pooled.empty else (rows.iloc[0] if not rows.empty else None)
    if row is None:
        return None
    group = (
        tr("all_displaced")
        if row["group"] == ALL_DISPLACED
        else ctx.group(str(row["group"])).label.shown()
    )
    method = ctx.solutions_methods.get(method, method)
    if row["flag"] == "suppressed" or pd.isna(row["share"]):
        return tr("solutions_headline_suppressed", method=method, group=group)
    lang = ctx.language
    return tr(
        "solutions_headline",
        method=method,
        share=fmt_value(float(row["share"]), "proportion", lang),
        group=group,
        low=fmt_value(float(row["ci_low"]), "proportion", lang),
        high=fmt_value(float(row["ci_high"]), "proportion", lang),
    )
