"""How the run judged gaps, in the report's words: the rating rule of the traffic light (named in
the summary and the methodology), the multiple-comparison adjustment, the minimum important
differences and equivalence test, comparisons not made, and the intervals at the edges.

Everything here reads what the engine recorded (the run's options and criteria summary); nothing
is decided here. A run stored before these options existed used the "any worse" rule, no
adjustment and no margins, and is described so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from workbench.languages import join_list
from workbench.reporting.fmt import fmt_diff, fmt_threshold
from workbench.reporting.i18n import Translator
from workbench.reporting.typography import unbroken
from workbench.reporting.views import COMPARATOR_WITHHELD
from workbench.stats.ci_methods import PROPORTION_CI_METHODS
from workbench.stats.results import GROUP_TOTAL, AnalysisResults

if TYPE_CHECKING:
    from workbench.reporting.context import ReportContext


def gap_rule(tr: Translator, conf: int, mid: str) -> str:
    """The whole rule a gap is judged by, stated once — in the executive summary, where a reader
    meets the verdicts, and in the methodology — with the cells' own words: the p-value decides
    significance; a significant gap is judged by its size; only a gap that is not significant
    by its (1 − 2·alpha) interval, which can exclude zero though the gap is not significant at
    alpha. The notes under the tables only list the gaps with that interval (rd19: a 3-line
    preamble under ~20 tables, read in French as significance results; "equivalent" was never
    said to require "not significant"; the precedence puzzled readers, fr p. 23, en p. 21).
    ``mid``: the shares' minimum as the tables print it ("5.0 pp"), so the rule quotes the label
    the tables print ("Significant, below 5.0 pp minimum"; rd20: it named another), and the
    label an undirected indicator's significant gap gets ("Significant difference")."""

    def cell(code: str) -> str:
        return tr("quoted", text=tr(f"assessment_{code}"))

    return tr(
        "judging_interval",
        alpha=100 - conf,
        conf=conf,
        level=2 * conf - 100,
        worse=cell("worse"),
        better=cell("better"),
        different=cell("different"),
        small=tr("quoted", text=tr("assessment_small_difference_mid", mid=mid)),
        equivalent=cell("equivalent"),
        inconclusive=cell("inconclusive"),
        nsd=cell("no_significant_difference"),
        zero=fmt_diff(0.0, "proportion", tr.lang, ""),
    )


def _options(results: AnalysisResults) -> dict[str, Any]:
    snap = results.snapshot
    return dict(snap.options) if snap is not None else dict(results.meta.get("options") or {})


def run_options(results: AnalysisResults) -> dict[str, Any]:
    """The options the run recorded (its snapshot's, or an old run's meta)."""
    return _options(results)


def rating_rule(results: AnalysisResults) -> tuple[str, float]:
    """(rule, red share) the run used."""
    opts = _options(results)
    cs = results.criteria_summary
    rule = str(cs["rule"].iloc[0]) if "rule" in cs and not cs.empty else "any_worse"
    return rule, float(opts.get("red_share", 0.5))


def _pct(share: float, lang: str) -> str:
    """The red share as a rule's threshold ("50%", not "50.0%")."""
    return fmt_threshold(share, lang)


def grid_intro(results: AnalysisResults, tr: Translator, comparator: str) -> str:
    rule, red = rating_rule(results)
    return tr(f"summary_grid_intro_{rule}", comparator=comparator, share=_pct(red, tr.lang))


def grid_heading(tr: Translator) -> str:
    """The traffic light's heading; the comparison group goes on its own line under it
    (:func:`grid_comparator`): "Criteria by displaced group / — comparison group: Host
    community" broke before the dash, its second line read as a line of its own (rd17 en). Kept
    whole: the Arabic one broke after its preposition ("المعايير حسب" / "الفئة النازحة")."""
    return unbroken(tr("summary_grid"))


def grid_comparator(tr: Translator, comparator: str) -> str:
    """The line under the traffic light's heading: "Comparison group: Host community"."""
    return tr("summary_grid_comparator", comparator=comparator)


def grid_counts(results: AnalysisResults) -> dict[tuple[str, str], tuple[int, int]]:
    """(criterion, group) → (indicators worse, indicators assessed); empty for old runs."""
    cs = results.criteria_summary
    if cs.empty or "assessed" not in cs:
        return {}
    return {
        (str(r.criterion), str(r.group)): (int(r.worse), int(r.assessed))
        for r in cs.itertuples(index=False)
    }


def margins(cmp_: pd.DataFrame, tr: Translator, ctx: ReportContext | None) -> tuple[str, str]:
    """The shares' minimum important difference as the tables print it ("5.0 pp": the margin
    most shares carry) and the indicators whose margin differs from their statistic's default,
    each with its margin in its unit ("Monthly income (100 FRD)"); means, medians, totals and
    ratios have none by default (indicator_library/criteria.toml). Issue 20: income, household
    size and dependency ratio were judged "Worse" with no threshold stated."""
    lang, pp = tr.lang, tr("unit_pp")
    tot = cmp_[cmp_["disaggregation"] == GROUP_TOTAL]
    margin = pd.to_numeric(tot["min_important_difference"], errors="coerce")
    by_ind = margin.groupby(tot["indicator_id"].astype(str)).first()
    info = ctx.indicators if ctx is not None else {}
    shares = by_ind[
        [info[i].statistic == "proportion" if i in info else True for i in by_ind.index]
    ]
    common = shares.dropna().mode()
    share = float(common.iloc[0]) if not common.empty else float(by_ind.dropna().iloc[0])
    own = []
    for ind, m in by_ind.items():
        if ind not in info or pd.isna(m):
            continue
        i = info[ind]
        if i.statistic != "proportion" or abs(float(m) - share) > 1e-12:
            money = ctx.currency if ctx is not None else ""
            size = fmt_diff(float(m), i.shown_as, lang, pp, signed=False, currency=money)
            unit = i.value_unit.shown() if i.shown_as not in ("proportion", "money") else ""
            size = f"{size} {unit}" if unit else size  # "0.50 people per household"
            own.append(f"{i.title.shown()} ({size})")
    return fmt_diff(share, "proportion", lang, pp, signed=False), join_list(own, lang)


def judging_paragraphs(
    results: AnalysisResults, tr: Translator, ctx: ReportContext | None = None
) -> list[str]:
    """The methodology's sentences on judging gaps, in the order a reader needs them (with
    ``ctx``, the indicators that set their own minimum important difference are named)."""
    opts = _options(results)
    rule, red = rating_rule(results)
    out = [tr(f"judging_rule_{rule}", share=_pct(red, tr.lang))]
    method = str(opts.get("p_adjust", "none"))
    if method != "none":
        scope = tr(f"judging_scope_{opts.get('p_adjust_scope', 'criterion')}")
        key = "judging_p_adjust_used" if opts.get("use_adjusted_p") else "judging_p_adjust"
        out.append(tr(key, method=tr(f"p_adjust_{method}"), scope=scope))
    cmp_ = results.comparisons
    if opts.get("substantive", False) and "min_important_difference" in cmp_:
        given = pd.to_numeric(cmp_["min_important_difference"], errors="coerce")
        if given.notna().any():
            share, own = margins(cmp_, tr, ctx)
            inconclusive = "assessment" in cmp_ and (cmp_["assessment"] == "inconclusive").any()
            # which interval decides which verdict: the 95% one of the annex reached the minimum
            # of a gap called equivalent by its 90% one (rd18 en p. 25)
            said = (
                cmp_["assessment"].isin(["equivalent", "inconclusive"])
                if "assessment" in cmp_
                else None
            )
            tost = "tost_low" in cmp_ and pd.to_numeric(cmp_["tost_low"], errors="coerce").notna()
            ruled = (said is not None and said.any()) or (tost is not False and tost.any())
            if ruled:
                # the rule just below says what the verdicts mean, the label under the minimum
                # and the tables' thresholds: here only the minimums themselves and what a
                # substantive gap is (rd21 fr p. 86, ar p. 85–86, en p. 84: each said twice)
                out.append(tr("judging_mid_size", share=share))
            else:
                label = tr("assessment_small_difference_mid", mid=share)
                out.append(tr("judging_mid", share=share, label=label))
            if own:
                out.append(tr("judging_mid_own", indicators=own))
            if ruled:
                # the rule stated once, in full: the older paragraphs on equivalence and
                # "inconclusive" said it again just above it (rd20 en p. 85, fr p. 87, ar p. 85);
                # what only they said — how "inconclusive" counts — follows it
                alpha = float(opts.get("alpha", 0.05))
                out.append(gap_rule(tr, round(100 * (1 - alpha)), share))
                if inconclusive:
                    label = tr("assessment_inconclusive")
                    out.append(tr("judging_inconclusive_counts", inconclusive=label))
            else:
                if opts.get("equivalence", False):
                    out.append(tr("judging_equivalence"))
                # the complement, decided whether or not "equivalent" is claimed; said where
                # the run has it (a run stored before the code called those "no significant
                # difference")
                if inconclusive:
                    out.append(tr("judging_inconclusive"))
    if "assessment" in cmp_:
        tot = cmp_[(cmp_["disaggregation"] == GROUP_TOTAL) & (cmp_["assessment"] == "not_compared")]
        totals = (
            tot["not_compared_reason"] == "population_total"
            if "not_compared_reason" in tot
            else pd.Series(False, index=tot.index)
        )
        # totals (the engine's ``population_total``) are worded apart from the other reasons
        parts = (("judging_not_compared", ~totals), ("judging_not_compared_total", totals))
        for key, which in parts:
            if which.any():
                out.append(tr(key, count=tot.loc[which, "indicator_id"].nunique()))
        # not compared because the comparator's estimate is withheld (a complement): counted
        # like too little data (en_B 1: p.5's "2 not compared" could not be reconciled here)
        if "insufficient_reason" in cmp_:
            why = cmp_["insufficient_reason"].fillna("").astype(str)
            held = cmp_[(cmp_["disaggregation"] == GROUP_TOTAL) & (why == COMPARATOR_WITHHELD)]
            if not held.empty:
                label = tr("assessment_comparator_withheld")
                count = held["indicator_id"].nunique()
                out.append(tr("judging_not_compared_withheld", count=count, label=label))
    out.append(tr("ci_edges"))
    if opts.get("total_ci") == "log":
        out.append(tr("total_ci_log"))
    if _counts_without_interval(results):  # "‡" is printed: say what it is (else no such mark)
        out.append(tr("total_ci_no_interval"))
    return out


def _counts_without_interval(results: AnalysisResults) -> bool:
    """Whether a published count has no interval (``no_interval``, stats/count_intervals.py):
    the report prints "‡" for it. Issue 20: since a † count is withheld the demo has none, and
    the methodology still sent readers to "counts marked ‡"."""
    for table in (results.estimates, results.stock):
        if table.empty or "no_interval" not in table:
            continue
        reason = table["no_interval"].fillna("").astype(str)
        if ((reason != "") & (table["flag"].astype(str) != "suppressed")).any():
            return True
    return False


def ci_sentence(results: AnalysisResults, ctx: ReportContext, tr: Translator) -> str:
    """How the intervals were computed, for each kind of estimate the report shows, as the
    engine computes them (stats/intervals.py): shares by the run's method, means and ratios
    estimate ± t·SE, medians Woodruff's, counts (totals, the IDP stock) by the run's total
    method. Issue 20: "(method: logit)" was said of every interval, means and stock too."""
    lang = tr.lang
    stats = {i.statistic for i in ctx.indicators.values()}
    kinds = []
    if "proportion" in stats:
        code = ctx.ci_method
        # the method as words inside the sentence ("parts : intervalle logit"), not the
        # registry's label, which starts with a capital ("parts : Intervalle logit")
        key = f"ci_method_{code}"
        method = tr(key) if tr.has(key) else PROPORTION_CI_METHODS.label(code, lang)
        method = method if code else tr("not_recorded")
        kinds.append(tr("ci_kind_proportion", method=method))
    linear = [tr(f"ci_stat_{s}") for s in ("mean", "ratio") if s in stats]
    if linear:
        kinds.append(tr("ci_kind_linear", kinds=join_list(linear, lang, conjunction=True)))
    if "median" in stats:
        kinds.append(tr("ci_kind_median"))
    if "total" in stats or not results.stock.empty:
        total = "log" if _options(results).get("total_ci") == "log" else "wald"
        kinds.append(tr(f"ci_kind_total_{total}"))
    return tr(
        "ci_methods",
        level=ctx.confidence_level,
        kinds=join_list(kinds, lang, clauses=True),
    )
