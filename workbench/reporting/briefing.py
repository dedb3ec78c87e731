"""The briefing's view model: what a decision-maker reads in two to four pages, built from the
same publishable results, context and indicator views as the full report.

Nothing is decided here: the ratings, the "worse" assessments (significant and at least the
indicator's minimum important difference), the intervals and the changes since the baseline are
the engine's; this module chooses which of the gaps the engine judged substantive a
decision-maker sees (:func:`chosen_gaps`: the largest, one per indicator) and words the method
in five lines.
Rendered to PDF and Word by ``workbench/reporting/briefing_story.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.languages import join_list
from workbench.reporting.context import ReportContext, _in_sentence
from workbench.reporting.fmt import fmt_count
from workbench.reporting.i18n import Translator
from workbench.reporting.judging import (
    ci_sentence,
    grid_intro,
    judging_paragraphs,
    rating_rule,
)
from workbench.reporting.summary import (
    KEY_GAPS,
    KEY_STRENGTHS,
    Gap,
    Grid,
    chosen_gaps,
    grid_totals,
    other_methods_lines,
    ranked_gaps,
    solutions_headline,
    tests_made,
    traffic_light,
)
from workbench.reporting.summary_stock import idp_stock
from workbench.reporting.views import ChartData, IndicatorView
from workbench.stats.rating_rules import RATING_RULES
from workbench.stats.results import AnalysisResults

if TYPE_CHECKING:
    from workbench.stats.rounds import RoundsResults

#: how many gaps a briefing shows, one chart each: the summary's key gaps, the same ones
GAPS = KEY_GAPS
#: how many better results it names: the summary's
STRENGTHS = KEY_STRENGTHS


@dataclass
class BriefGap:
    gap: Gap
    title: str
    #: how much worse, as a size in words ("12.3 pp"), with the tables' precision
    difference: str
    #: the indicator's overall chart (every group and the comparator), from its view
    chart: ChartData


@dataclass
class BriefingView:
    title: str
    subtitle: str
    grid: Grid
    #: the rating rule of the traffic light, in words
    rule: str
    stock: str | None
    gaps: list[BriefGap]
    #: gaps the engine judged substantive beyond the ones shown
    more_gaps: int
    solutions: str | None
    #: the lines under the solutions headline: a lead, then the headline's group under each
    #: other documented method (summary.other_methods_lines, as the report's summary gives them)
    other_methods: list[str]
    tests: str | None
    #: the significant differences in the displaced groups' favour, in words (the summary's
    #: rule: each group's largest first), up to the summary's count
    better: list[str] = field(default_factory=list)
    #: every significantly better result the traffic light counts (means and medians too, and
    #: those beyond the ones named): "the only" is said only when it is the only one
    better_count: int = 0
    #: what changed since the baseline (rounds only): the section's intro and counts
    change: list[str] = field(default_factory=list)
    method: list[str] = field(default_factory=list)

    @property
    def total_gaps(self) -> int:
        """Every substantive gap the engine found: the ones shown and the others."""
        return len(self.gaps) + self.more_gaps


def _sample(ctx: ReportContext, tr: Translator, unit: str, design: dict, unit_name: str) -> str:
    """The sample line: households and people, PSUs, strata and degrees of freedom, and the
    households in no group, so the groups' numbers add up (issue 20: the briefing gave "2,999
    records (households)" where the report gives 14,539 people and 137 degrees of freedom, and
    its groups' 552 + 923 + 681 + 833 households came to 2,989)."""
    lang = ctx.language
    people = ctx.designs.get("individual")
    count = fmt_count(float(design.get("rows") or 0), lang)
    psus = fmt_count(float(design.get("psus") or 0), lang)
    strata = fmt_count(float(design.get("strata") or 0), lang)
    df = design.get("df")
    if unit != "household" or not people or df is None or df != df:
        return tr("brief_method_sample", records=count, unit=unit_name, psus=psus, strata=strata)
    text = tr(
        "brief_method_sample_units",
        households=count,
        people=fmt_count(float(people.get("rows") or 0), lang),
        psus=psus,
        strata=strata,
        df=fmt_count(float(df), lang),
    )
    ex = ctx.exclusions
    outside = int(ex.get("households_no_group", 0) or 0)
    if outside:  # the engine's households in no group (engine.no_group), named as the report does
        names = [
            _in_sentence(ctx.group(str(c)).label.shown()) for c in ex.get("no_group_codes") or ()
        ]
        if int(ex.get("households_no_group_code", 0) or 0):
            names.append(tr("stock_not_stated"))
        text += " " + tr(
            "brief_method_no_group",
            households=fmt_count(float(outside), lang),
            groups=join_list(names, lang, conjunction=True),
            rest=fmt_count(float(int(design.get("rows") or 0) - outside), lang),
        )
    return text


def _method(results: AnalysisResults, ctx: ReportContext, tr: Translator, rhash: str) -> list[str]:
    """The method in five lines: sample and design, intervals, rating rule, disclosure, source."""
    lang = ctx.language
    unit, design = next(iter(ctx.designs.items()), ("household", {}))
    if "household" in ctx.designs:
        unit, design = "household", ctx.designs["household"]
    # the unit as running text words it ("2,999 records (households)"), as the methodology's
    # units of analysis do — not the table label "Households" (the French read "(Ménages)")
    key = f"universe_unit_{unit}"
    unit_name = tr(key).split(":")[-1].strip() if tr.has(key) else unit
    sample = _sample(ctx, tr, unit, design, unit_name)
    ci = ci_sentence(results, ctx, tr)  # per kind of estimate, as the engine computed them
    # the rating rule (which gaps the briefing shows, and in what order, the gaps' own note
    # says at their head: said here too, it took the briefing to a 4th page)
    if traffic_light(results, ctx).criteria:
        # the rule is worded in full under the grid: named here, not said a second time (the
        # two wordings contradicted each other, issue 20; the French briefing ran to a 4th page)
        name = RATING_RULES.label(rating_rule(results)[0], lang)
        rule = tr("brief_method_rule", rule=name)
        # how the grid's words are decided, the (1 − 2·alpha) interval named (rd18: the
        # briefing used "Inconclusive" and never said what test decides it)
        conf = ctx.confidence_level
        rule += " " + tr("brief_method_judging", alpha=100 - conf, conf=conf, level=2 * conf - 100)
    else:
        rule = judging_paragraphs(results, tr)[0]
    disclosure = tr("disclosure_text", preset=ctx.preset_name)
    source = tr(
        "brief_method_source",
        indicators=fmt_count(float(len(ctx.indicators)), lang),
        plan=f"{ctx.plan_name} v{ctx.plan_version}",
        hash=rhash[:12],
    )
    return [sample, ci, rule, disclosure, source]


def _change(ctx: ReportContext, rounds: RoundsResults | None) -> list[str]:
    if rounds is None or rounds.gap_changes.empty:
        return []
    from workbench.reporting.progress_data import ProgressText

    text = ProgressText(ctx, rounds)
    return [text.intro(), *text.counts()]


def build_briefing(
    results: AnalysisResults,
    ctx: ReportContext,
    views: dict[str, IndicatorView],
    rhash: str,
    rounds: RoundsResults | None = None,
) -> BriefingView:
    """The briefing of a run, from its *publishable* results (and rounds) and the report's
    context and views."""
    tr = Translator(ctx.language)
    comp = ctx.comparator.label.shown() if ctx.comparator else ""
    worse = ranked_gaps(results, ctx, "worse")
    totals = grid_totals(results, ctx)
    gaps = []
    chosen = chosen_gaps(worse, GAPS)
    for g in chosen:  # one per indicator, each the indicator's largest (chosen_gaps)
        v = views[g.indicator_id]
        # how much worse, as a size (the summary's key gaps give the same)
        gaps.append(BriefGap(g, v.info.title.shown(), g.size, v.chart))
    return BriefingView(
        title=tr("briefing_title"),
        subtitle=ctx.title,
        # the report's grid, "k inconclusive" lines and all (one source: rd18 read "Mixed 1/4" in
        # the briefing beside the report's "Mixed 1/4 / 2 inconclusive")
        grid=traffic_light(results, ctx),
        rule=grid_intro(results, tr, comp),
        stock=idp_stock(results, ctx, briefing=True),
        gaps=gaps,
        # the traffic light's "worse" count (its cells added up) less the gaps shown
        # (ranked_gaps leaves out means, medians and suppressed cells, which it cannot chart)
        more_gaps=max((totals.worse if totals else len(worse)) - len(gaps), 0),
        solutions=solutions_headline(results, ctx, short=True),
        other_methods=other_methods_lines(results, ctx),
        tests=tests_made(results, ctx, briefing=True),
        # the better results named, not only counted ("1 significantly better" and no word on
        # which: IDPs in camps' improved drinking water, 92.8% vs 75.8%)
        better=(
            better := [
                g.sentence for g in chosen_gaps(ranked_gaps(results, ctx, "better"), STRENGTHS)
            ]
        ),
        better_count=max(totals.better if totals else 0, len(better)),
        change=_change(ctx, rounds),
        method=_method(results, ctx, tr, rhash),
    )
