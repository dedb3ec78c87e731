"""The executive summary's content: the traffic-light grid and the key gaps in plain words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from workbench.languages import join_list
from workbench.reporting.context import CRITERIA, ReportContext, _in_sentence
from workbench.reporting.fmt import (
    CAUTION,
    cell_flag,
    fmt_ci,
    fmt_count,
    fmt_diff,
    fmt_value,
    with_flag,
)
from workbench.reporting.i18n import Translator
from workbench.reporting.judging import gap_rule, margins, run_options
from workbench.reporting.typography import unbroken
from workbench.stats.multiplicity import family_sizes
from workbench.stats.results import (
    ALL_DISPLACED,
    GROUP_TOTAL,
    AnalysisResults,
)
from workbench.stats.solutions import UNIT as SOLUTIONS_UNIT
from workbench.stats.summary import ASSESSED, indicator_counts, limited_evidence, ratings

RATINGS = ("red", "amber", "inconclusive", "green", "grey")


@dataclass
class Grid:
    criteria: list[str]  # criterion ids with a row in criteria_summary
    groups: list[str]  # displaced group codes
    #: (criterion, group) → the engine's rating (stats.summary.ratings): "green" ("No gap") only
    #: when every assessed indicator was shown not worse, "inconclusive" when none is worse but
    #: some were not shown either way
    ratings: dict[tuple[str, str], str]
    #: (criterion, group) → the criterion's indicators not compared for the group (not compared,
    #: or too little data): a cell "Worse 1/1" rests on 1 of its 5 indicators
    not_compared: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (criterion, group) → the indicators the engine judged substantively better: "Worse
    #: 11/13" hid that one of the 13 was better (issue 20)
    better: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (criterion, group) → the criterion's indicators compared for the group, for the cells
    #: whose rating the engine marked as resting on limited evidence (stats.summary
    #: .limited_evidence: fewer than half of them assessed)
    limited: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (criterion, group) → the assessed indicators the engine found inconclusive (not
    #: significant, the interval reaching the minimum important difference): "Worse 3/4" hid
    #: that the fourth was no "no gap" either (rd17 p.23)
    inconclusive: dict[tuple[str, str], int] = field(default_factory=dict)


def traffic_light(results: AnalysisResults, ctx: ReportContext) -> Grid:
    cs = results.criteria_summary
    groups = [g.code for g in ctx.displaced]
    rated: dict[tuple[str, str], str] = {}
    left: dict[tuple[str, str], int] = {}
    better: dict[tuple[str, str], int] = {}
    limited: dict[tuple[str, str], int] = {}
    unsure: dict[tuple[str, str], int] = {}
    if not cs.empty:
        counted = {"not_compared", "insufficient_data"} <= set(cs.columns)
        cells = zip(
            cs.itertuples(index=False),
            ratings(cs),
            limited_evidence(cs),
            indicator_counts(cs),
            strict=True,
        )
        for rec, rating, few, total in cells:
            key = (str(rec.criterion), str(rec.group))
            rated[key] = str(rating)
            if counted:
                left[key] = int(rec.not_compared or 0) + int(rec.insufficient_data or 0)
            if int(getattr(rec, "better", 0) or 0):
                better[key] = int(rec.better)
            if int(getattr(rec, "inconclusive", 0) or 0):  # a run stored before: none
                unsure[key] = int(getattr(rec, "inconclusive", 0))
            if few:
                limited[key] = int(total)
    crits = [c for c in CRITERIA if any((c, g) in rated for g in groups)]
    return Grid(crits, groups, rated, left, better, limited, unsure)


@dataclass(frozen=True)
class GridTotals:
    """The traffic light's counts summed over its cells (criteria × displaced groups shown)."""

    assessed: int
    worse: int
    better: int
    #: the others by the engine's assessment, in :data:`REST` order (empty: a run stored
    #: before the summary kept its counts by assessment)
    rest: tuple[tuple[str, int], ...] = ()


#: the assessed comparisons neither worse nor better, as the summary lists them (rd18 p.6: "105
#: comparisons … 82 worse and 1 better" left the other 22 unplaced)
REST = ("inconclusive", "equivalent", "small_difference", "no_significant_difference")


def grid_totals(results: AnalysisResults, ctx: ReportContext) -> GridTotals | None:
    """What the traffic light counts, summed over its cells: the comparisons it assessed (its
    denominators), how many the engine judged worse (its numerators) and better. A run stored
    before the summary kept its counts is counted from its comparisons as the engine counts
    them (stats.summary.ASSESSED). None when nothing was compared."""
    crit = CRITERIA
    groups = [g.code for g in ctx.displaced]
    cs = results.criteria_summary
    if not cs.empty and "assessed" in cs:
        cells = cs[cs["criterion"].astype(str).isin(crit) & cs["group"].astype(str).isin(groups)]
        assessed, worse, better = (int(cells[c].sum()) for c in ("assessed", "worse", "better"))
        rest = tuple((c, int(cells[c].sum())) for c in REST if c in cells)
    else:
        cmp_ = results.comparisons
        if cmp_.empty:
            return None
        made = cmp_[
            (cmp_["disaggregation"] == GROUP_TOTAL)
            & cmp_["criterion"].astype(str).isin(crit)
            & cmp_["group"].astype(str).isin(groups)
            & cmp_["assessment"].isin(ASSESSED)
        ]["assessment"]
        assessed, worse, better = (
            len(made),
            int((made == "worse").sum()),
            int((made == "better").sum()),
        )
        rest = tuple((c, int((made == c).sum())) for c in REST)
    return GridTotals(assessed, worse, better, rest) if assessed else None


@dataclass(frozen=True)
class Gap:
    """One significant difference the engine judged (``worse`` or ``better``), in words."""

    indicator_id: str
    group: str
    #: the engine's difference (displaced minus comparator), on the indicator's scale
    difference: float
    sentence: str
    #: the difference as a size, with the tables' precision and its † ("29.0 pp", "16.8 pp†")
    size: str = ""
    #: the figures alone, for under a heading that names the indicator, the group and the gap:
    #: the two estimates with their intervals, not the gap again ("9.6% (95% CI 7.9 – 11.6) vs
    #: 81.8% (79.3 – 84.0) in the comparison group."): the briefing's gaps said the heading's
    #: words again (rd17 ar), then its "72.2 pp" twice, "worse by 72.2 pp" over "…, 72.2 pp
    #: lower" (rd21 ar, en)
    figures: str = ""


def ranked_gaps(results: AnalysisResults, ctx: ReportContext, assessment: str) -> list[Gap]:
    """Every published overall comparison of a displaced group the engine assessed as
    ``assessment`` on a criterion's share, largest difference first (the summary's key gaps and
    the briefing's gaps; "worse" already means significant and at least the indicator's minimum
    important difference when the run judged substantive gaps)."""
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
    ranked: list[Gap] = []
    for rec in sel.itertuples(index=False):
        info = ctx.indicators[str(rec.indicator_id)]
        if info.statistic != "proportion" or info.criterion not in CRITERIA:
            continue
        try:
            ra = tot.loc[(rec.indicator_id, rec.group)]
            rb = tot.loc[(rec.indicator_id, comp.code)]
        except KeyError:
            continue
        a, b = float(ra["estimate"]), float(rb["estimate"])
        if pd.isna(a) or pd.isna(b):
            continue
        lang = ctx.language
        # how large, as a size: the sign of a difference depends on whether higher is better
        # ("−72.2 pp" and "+49.4 pp" were both worse); its † as the table's difference cell
        size = fmt_diff(
            float(rec.difference), info.shown_as, lang, tr("unit_pp"), False, ctx.currency
        )
        size = with_flag(size, cell_flag(getattr(rec, "flag", "")))
        # the direction in words, as the tables' signed difference (group minus comparison):
        # "a gap of 72.2 pp" did not say which way, beside the tables' "−72.2 pp"
        diff = tr("gap_lower" if float(rec.difference) < 0 else "gap_higher", size=size)
        # the figures carry their † as in the tables: a summary is no place to drop it
        figures = {
            "a": with_flag(fmt_value(a, info.shown_as, lang), cell_flag(ra["flag"])),
            "b": with_flag(fmt_value(b, info.shown_as, lang), cell_flag(rb["flag"])),
            "diff": diff,
        }
        text = tr(
            f"gap_{assessment}",
            group=ctx.group(str(rec.group)).label.shown(),
            comparator=comp.label.shown(),
            title=info.title.shown(),
            **figures,
        )
        gap = Gap(
            str(rec.indicator_id),
            str(rec.group),
            float(rec.difference),
            text,
            size,
            tr(
                "gap_figures",
                a=figures["a"],
                b=figures["b"],
                a_ci=_figure_ci(ra, info.shown_as, tr, lang, "gap_figure_ci_first"),
                b_ci=_figure_ci(rb, info.shown_as, tr, lang, "gap_figure_ci"),
            ),
        )
        ranked.append(gap)
    ranked.sort(key=lambda g: (-abs(g.difference), g.sentence))
    return ranked


def _figure_ci(row: Any, shown_as: str, tr: Translator, lang: str, key: str) -> str:
    """An estimate's interval after its figure, " (95% CI 7.9 – 11.6)" (``key``: the first
    names the interval, the second is bare), "" for an estimate published without one (or
    not published: its "*" alone, as in the tables)."""
    if cell_flag(row.get("flag")) not in ("", "caution"):
        return ""
    ci = fmt_ci(row.get("ci_low"), row.get("ci_high"), shown_as, lang)
    return tr(key, ci=ci) if ci else ""


def chosen_gaps(ranked: list[Gap], count: int) -> list[Gap]:
    """The gaps a summary or briefing shows, from :func:`ranked_gaps` (largest first): the
    largest gap of each indicator, up to ``count``, listed largest first — "the 5 largest gaps,
    one per indicator", as their headings say. Each is shown with the indicator's chart or table
    of every group, so no larger gap sits unlisted beside a listed one. (The rule took each
    displaced group's largest first: a list "numbered from the largest down" then left out IDPs
    in camps' 49.9 pp, shown on gap 4's chart above its 39.2 pp, rd17 en.)"""
    seen: set[str] = set()
    chosen: list[Gap] = []
    for g in ranked:
        if g.indicator_id not in seen and len(chosen) < count:
            seen.add(g.indicator_id)
            chosen.append(g)
    return chosen


#: how many key gaps the summary gives; the briefing shows the same gaps
KEY_GAPS = 5
#: how many differences in the displaced groups' favour it gives (the same rule: each group's
#: largest first) — with every gap's size, six of each no longer kept the summary to its page
KEY_STRENGTHS = 3


def key_gaps(
    results: AnalysisResults, ctx: ReportContext, assessment: str, limit: int = KEY_GAPS
) -> list[str]:
    """Sentences for the significant differences of one kind ('worse' or 'better') the summary
    shows: the largest of each indicator (:func:`chosen_gaps`, the briefing's rule), each with
    its size."""
    ranked = ranked_gaps(results, ctx, assessment)
    return [_with_others(g, ranked, ctx, assessment) for g in chosen_gaps(ranked, limit)]


def named_gaps(
    results: AnalysisResults, ctx: ReportContext, assessment: str, limit: int = KEY_GAPS
) -> int:
    """How many gaps the summary's key gaps name: each listed gap and the other groups named
    beside it (:func:`_with_others`) — "the other 77" counted the ten named beside the five
    listed among the gaps left to the criterion sections (rd19)."""
    ranked = ranked_gaps(results, ctx, assessment)
    chosen = {g.indicator_id for g in chosen_gaps(ranked, limit)}
    return sum(1 for g in ranked if g.indicator_id in chosen)


def _with_others(gap: Gap, ranked: list[Gap], ctx: ReportContext, assessment: str) -> str:
    """A key gap's sentence, then the other displaced groups the engine judged the same way on
    the same indicator ("Also worse there: IDPs outside camps (30.1 pp lower) and returnees
    (12.0 pp lower).") — one gap per indicator, the largest first, named only IDPs in camps in
    the demo: the summary said nothing of the other groups (rd18)."""
    others = [g for g in ranked if g.indicator_id == gap.indicator_id and g.group != gap.group]
    if not others:
        return gap.sentence
    tr = Translator(ctx.language)
    named = [
        tr(
            "gap_other_lower" if g.difference < 0 else "gap_other_higher",
            group=_in_sentence(ctx.group(g.group).label.shown()),  # "and returnees (…)"
            size=g.size,
        )
        for g in others
    ]
    listed = join_list(named, ctx.language, conjunction=True)
    return gap.sentence + " " + tr(f"gap_also_{assessment}", groups=listed)


def more_gaps_note(tr: Translator, key: str, more: int, shown: int, named: int = 0) -> str:
    """Where the substantive gaps a summary or briefing does not show are: the criterion
    sections' tables, rated "Worse" in their "Assessment" column (the briefing sent readers to
    the summary, which lists the same five) — and which gaps "the other" leaves out: the
    ``shown`` largest, and the ``named`` beside them (the summary's "Also worse there"). The
    report's "other 67" and the briefing's "77 other" of the same 82 disagreed with nothing to
    say why (rd20 report p. 6, briefing p. 3)."""
    besides = (
        tr("gaps_besides_named", shown=shown, named=named)
        if named
        else tr("gaps_besides", shown=shown)
    )
    return tr(
        key,
        count=more,
        worse=tr("assessment_worse"),
        column=tr("col_assessment"),
        besides=besides,
    )


def below(rec: Any) -> float | None:
    """The bound a withheld solutions share is published as (``share_below``: the engine's
    stats.suppression.headline_bounds), or None."""
    b = rec.get("share_below") if hasattr(rec, "get") else None
    return float(b) if b is not None and pd.notna(b) else None


def below_caution(rec: Any) -> bool:
    """Whether the bound a withheld solutions share is published as rests on few cases (the
    engine's ``below_flag``: "< 0.5%†", ar_B 2)."""
    flag = rec.get("below_flag") if hasattr(rec, "get") else None
    return below(rec) is not None and str(flag or "") == "caution"


def below_shown(rec: Any, tr: Translator, lang: str) -> str | None:
    """A withheld share the engine publishes as a bound, as the report prints it: "< 0.5%",
    "< 0.5%†" when the bound rests on few cases; None when it is not published as a bound."""
    bound = below(rec)
    if bound is None:
        return None
    shown = tr("value_below", value=fmt_value(bound, "proportion", lang))
    return shown + CAUTION if below_caution(rec) else shown


def solutions_headline(
    results: AnalysisResults, ctx: ReportContext, short: bool = False
) -> str | None:
    """The headline solutions share of all displaced groups (or the first group), under the
    plan's first method, in words: its unit, and which method is the headline and why; when the
    engine did not publish it, why, and the same group under every other method.

    ``short``: one sentence with the comparison group's share under the same method, the other
    methods left to the lines under it (:func:`other_methods_lines`) — the briefing's and the
    report summary's; the long paragraph is the solutions chapter's where its table has no
    bound to show (:func:`solutions_withheld`)."""
    sol = results.solutions
    row = _headline_row(sol)
    if row is None:
        return None
    tr = Translator(ctx.language)
    group = (
        tr("all_displaced_groups")  # mid-sentence: "Solutions measure, all displaced groups: …"
        if row["group"] == ALL_DISPLACED
        else ctx.group(str(row["group"])).label.shown()
    )
    # which measure is the headline, and why (issue 20: four methods from 0.3% to 16.6% and no
    # word on which one counts invited readers to pick)
    several = sol["method"].nunique() > 1 and not short
    chosen = " " + tr("solutions_headline_chosen") if several else ""
    method = ctx.solutions_methods.get(str(row["method"]), str(row["method"]))
    if ctx.language in ("fr", "es"):  # mid-sentence after a colon: "Méthode : règle IRIS…"
        method = _in_sentence(method)
    of_unit = tr(f"solutions_of_{SOLUTIONS_UNIT}")
    # the comparison group under the same method: how strict the rule is (issue 20: "fewer than
    # 0.5%" read as "almost no displaced household has a solution" beside a host community,
    # never displaced, at 0.6% under the same rule, given only in the solutions table)
    benchmark = _benchmark(sol, ctx, str(row["method"]))
    bound = below(row)
    if bound is not None:  # withheld, published as the bound the engine found safe
        return (
            tr(
                # the short one leaves out that each method is checked on its own (the
                # solutions chapter says it): the French briefing's overview ran two lines onto
                # a page of its own in Word (rd17)
                "solutions_headline_below_brief" if short else "solutions_headline_below",
                method=method,
                group=group,
                bound=fmt_value(bound, "proportion", ctx.language),
                of_unit=of_unit,
                benchmark=benchmark,
            )
            + chosen
            + ("" if short else _other_methods(sol, ctx, str(row["group"])))
        )
    if row["flag"] == "suppressed" or pd.isna(row["share"]):
        # a complement (stats/suppression.py) is hidden to protect others, not for itself
        withheld = str(row.get("suppression", "") or "") == "complementary"
        key = "solutions_headline_withheld" if withheld else "solutions_headline_suppressed"
        text = tr(key, method=method, group=group)
        others = "" if short else _other_methods(sol, ctx, str(row["group"]))
        return text + benchmark + chosen + others
    lang = ctx.language
    return (
        tr(
            "solutions_headline",
            method=method,
            share=fmt_value(float(row["share"]), "proportion", lang),
            of_unit=of_unit,
            group=group,
            # as the method lines under it and the tables print an interval: "3.2 – 5.7" (rd22
            # en/ar p.5: "(95% CI 0.2% to 1.7%)" a few lines above "4.3% (3.2 – 5.7)")
            # unbroken: "(95% CI 0.2 –" / "1.7)." (rd23 en p.5)
            ci=unbroken(fmt_ci(float(row["ci_low"]), float(row["ci_high"]), "proportion", lang)),
            benchmark=benchmark,
        )
        + chosen
    )


def _headline_row(sol: pd.DataFrame) -> Any:
    """The headline solutions row: all displaced groups (or the first group) under the plan's
    first method, overall; None when there is none."""
    if sol.empty:
        return None
    method = str(sol["method"].iloc[0])
    rows = sol[(sol["method"] == method) & (sol["disaggregation"] == GROUP_TOTAL)]
    pooled = rows[rows["group"] == ALL_DISPLACED]
    return pooled.iloc[0] if not pooled.empty else (rows.iloc[0] if not rows.empty else None)


def solutions_withheld(results: AnalysisResults, ctx: ReportContext) -> str | None:
    """Under the solutions chapter's headline table, when its headline share is withheld: what
    the table does not say — why the share is a bound, and that each method is checked on its
    own — not the summary's paragraph again under the same figures (rd17 fr p. 74); the
    summary's paragraph where the share has no bound to show."""
    row = _headline_row(results.solutions)
    if row is None:
        return None
    tr = Translator(ctx.language)
    bound = below_shown(row, tr, ctx.language)
    if bound is None:
        return solutions_headline(results, ctx)
    group = (
        tr("all_displaced_groups")
        if row["group"] == ALL_DISPLACED
        else ctx.group(str(row["group"])).label.shown()
    )
    # "< 0,5 %" whole: the French note broke "borne (<" / "0,5 %)"
    return tr("solutions_chapter_below", group=group, bound=unbroken(bound))


def other_methods(results: AnalysisResults, ctx: ReportContext) -> list[str]:
    """The headline's group under every other documented method, one line each (the
    briefing's short list: the summary's paragraph ran five methods into 12 lines, rd17)."""
    row = _headline_row(results.solutions)
    if row is None:
        return []
    return _method_shares(results.solutions, ctx, str(row["group"]), compact=True)


def other_methods_lines(results: AnalysisResults, ctx: ReportContext) -> list[str]:
    """The lines under the short solutions headline (``solutions_headline(short=True)``): a
    lead, then "• <method>: <share> (<interval>)" for each other documented method; [] when
    there is none. The briefing's list, and the report summary's: its paragraph ran the four
    other methods into one 9-line run after the headline (rd21 ar p. 5, fr p. 6). Which method
    leads the headline names ("under the headline method"); why, the solutions chapter's
    options say ("the first method is the headline")."""
    others = other_methods(results, ctx)
    if not others:
        return []
    tr = Translator(ctx.language)
    return [tr("brief_solutions_others"), *("• " + m for m in others)]


def _benchmark(sol: pd.DataFrame, ctx: ReportContext, method: str) -> str:
    """“Under the same method, the comparison group (Host community, never displaced)
    reaches 0.6% (95% CI 0.2 to 1.7).” — the comparison group's overall share under
    ``method`` as the engine published it (with its †; without an interval, saying so; as a
    bound), "" where there is no comparator or its share is not published."""
    comp = ctx.comparator
    if comp is None:
        return ""
    rows = sol[
        (sol["method"].astype(str) == method)
        & (sol["disaggregation"] == GROUP_TOTAL)
        & (sol["group"].astype(str) == comp.code)
    ]
    if rows.empty:
        return ""
    r = rows.iloc[0]
    tr, lang = Translator(ctx.language), ctx.language
    name = comp.label.shown()
    name = _in_sentence(name) if lang in ("fr", "es") else name  # mid-sentence, in brackets
    bound = below(r)
    if bound is not None:
        text = tr(
            "solutions_headline_benchmark_below",
            comparator=name,
            bound=fmt_value(bound, "proportion", lang),
        )
        return " " + text
    if r["flag"] == "suppressed" or pd.isna(r["share"]):
        return ""
    share = with_flag(fmt_value(float(r["share"]), "proportion", lang), cell_flag(r["flag"]))
    if pd.isna(r["ci_low"]) or pd.isna(r["ci_high"]):
        return " " + tr("solutions_headline_benchmark_no_ci", comparator=name, share=share)
    text = tr(
        "solutions_headline_benchmark",
        comparator=name,
        share=share,
        ci=unbroken(fmt_ci(float(r["ci_low"]), float(r["ci_high"]), "proportion", lang)),
    )
    return " " + text


def _method_share(
    r: dict[str, Any], ctx: ReportContext, tr: Translator, compact: bool = False
) -> str:
    """One other method's share of the group as the engine published it: with its interval,
    without one (saying so), as the bound of a withheld share, or why it is not published.
    ``compact``: a share and its interval as the tables give them, "4.3% (3.2 – 5.7)", under a
    lead that names the interval (the briefing's list, one line a method)."""
    lang = ctx.language
    method = ctx.solutions_methods.get(str(r["method"]), str(r["method"]))
    of_unit = tr(f"solutions_of_{SOLUTIONS_UNIT}")
    bound = below(r)
    if bound is not None:
        bound_text = fmt_value(bound, "proportion", lang)
        if compact:  # "< 0.5%", as the tables give a withheld share
            shown = tr("value_below", value=bound_text)
            return tr("brief_method_below", method=method, bound=shown)
        return tr("solutions_method_below", method=method, bound=bound_text, of_unit=of_unit)
    if r["flag"] == "suppressed" or pd.isna(r["share"]):
        withheld = str(r.get("suppression", "") or "") == "complementary"
        key = "solutions_method_withheld" if withheld else "solutions_method_suppressed"
        return tr(key, method=method)
    share = with_flag(fmt_value(float(r["share"]), "proportion", lang), cell_flag(r["flag"]))
    if pd.isna(r["ci_low"]) or pd.isna(r["ci_high"]):
        return tr("solutions_method_share_no_ci", method=method, share=share, of_unit=of_unit)
    if compact:
        ci = fmt_ci(float(r["ci_low"]), float(r["ci_high"]), "proportion", lang)
        return tr("brief_method_share", method=method, share=share, ci=ci)
    return tr(
        "solutions_method_share",
        method=method,
        share=share,
        of_unit=of_unit,
        low=fmt_value(float(r["ci_low"]), "proportion", lang),
        high=fmt_value(float(r["ci_high"]), "proportion", lang),
    )


def _other_methods(sol: pd.DataFrame, ctx: ReportContext, group: str) -> str:
    """When the headline method's share is not published: the same group under every other
    documented method — its share and interval, "(no interval)", the bound of a withheld share,
    or why it is not published (readers of the demo's briefing got no solutions figure at all
    while the report published the composite score's 4.3%, 3.2–5.7; then a list that kept only
    the methods with an interval left out "Homogeneous cells" without a word), else ""."""
    tr = Translator(ctx.language)
    shown = _method_shares(sol, ctx, group)
    others = join_list(shown, ctx.language, clauses=True)
    return " " + tr("solutions_headline_others", methods=others) if shown else ""


def _method_shares(
    sol: pd.DataFrame, ctx: ReportContext, group: str, compact: bool = False
) -> list[str]:
    """``group``'s overall share under every method but the first, as :func:`_method_share`."""
    tr = Translator(ctx.language)
    first = str(sol["method"].iloc[0])
    rows = sol[
        (sol["method"] != first)
        & (sol["disaggregation"] == GROUP_TOTAL)
        & (sol["group"].astype(str) == group)
    ]
    return [_method_share(r, ctx, tr, compact) for r in rows.to_dict("records")]


def tests_made(results: AnalysisResults, ctx: ReportContext, briefing: bool = False) -> str | None:
    """How many comparisons the traffic light assessed (the sum of its denominators: the
    criteria's indicators × the displaced groups it shows), how many the engine judged worse
    (the sum of its numerators) or better, and how many the confidence level lets through by
    chance alone. ``briefing``: its p note sends readers to the full report's tables (the
    briefing, which has none, sent them to "the tables' p column")."""
    comp, totals = ctx.comparator, grid_totals(results, ctx)
    if comp is None or totals is None or not totals.assessed:
        return None
    tr, lang = Translator(ctx.language), ctx.language
    chance = totals.assessed * (100 - ctx.confidence_level) / 100
    return tr(
        "summary_tests",
        tests=fmt_count(totals.assessed, lang),
        comparator=comp.label.shown(),
        worse=fmt_count(totals.worse, lang),
        better=fmt_count(totals.better, lang),
        level=ctx.confidence_level,
        alpha=100 - ctx.confidence_level,  # fr_A 10: « au seuil de 5 % »
        chance=fmt_count(chance, lang) if chance >= 1 else "0",
        rest=_rest(totals, tr, lang),
    ) + _p_note(results, tr, briefing)


def gap_rule_text(results: AnalysisResults, ctx: ReportContext) -> str | None:
    """How a gap is judged, in full, under the summary's count of verdicts (where a reader meets
    them first) when the run judged a gap by the interval of the two one-sided tests: the notes
    under the tables send readers here and only list each gap with that interval."""
    cmp_ = results.comparisons
    if ctx.comparator is None or "tost_low" not in cmp_:
        return None
    if not pd.to_numeric(cmp_["tost_low"], errors="coerce").notna().any():
        return None
    tr = Translator(ctx.language)
    return gap_rule(tr, ctx.confidence_level, margins(cmp_, tr, ctx)[0])


def _rest(totals: GridTotals, tr: Translator, lang: str) -> str:
    """ "The other 22: 19 inconclusive, 2 with no gap (equivalent) and 1 significant but below
    the minimum. " — every assessed comparison neither worse nor better, by the engine's
    counts, so the numbers add up to the total; "" when they do not (a stored run whose summary
    lacks a column) or none is left."""
    others = totals.assessed - totals.worse - totals.better
    parts = [(c, k) for c, k in totals.rest if k > 0]
    if others <= 0 or sum(k for _, k in parts) != others:
        return ""
    said = [tr(f"summary_rest_{c}", count=fmt_count(k, lang)) for c, k in parts]
    return tr(
        "summary_tests_rest",
        count=fmt_count(others, lang),
        parts=join_list(said, lang, conjunction=True),
    )


def _p_note(results: AnalysisResults, tr: Translator, briefing: bool = False) -> str:
    """Which p-value the assessments use — the raw one (the first number of the tables' p
    column) or the one adjusted for multiple comparisons (in brackets) — and how many tests the
    adjustment's families of the rated cells hold (readers took the first number of "p
    (adjusted)" for the adjusted one); "" when the run adjusted nothing."""
    opts = run_options(results)
    method = str(opts.get("p_adjust", "none"))
    scope = str(opts.get("p_adjust_scope", "criterion"))
    sizes = family_sizes(results.comparisons, scope, GROUP_TOTAL)
    if method == "none" or not sizes:
        return ""
    low, high = min(sizes), max(sizes)
    family = (
        tr("family_tests", count=low)
        if low == high
        else tr(  # the noun agrees with the upper number ("13 اختبارًا")
            "family_tests_range",
            count=high,
            low=fmt_count(low, tr.lang),
            high=fmt_count(high, tr.lang),
        )
    )
    key = "p_adjusted" if opts.get("use_adjusted_p") else "p_raw"
    key = f"brief_{key}" if briefing else f"summary_{key}"
    return " " + tr(
        key, method=tr(f"p_adjust_{method}"), scope=tr(f"judging_scope_{scope}"), family=family
    )
