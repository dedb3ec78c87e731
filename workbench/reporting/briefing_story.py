"""The briefing laid out once, as flowables, from its view model (``briefing.py``); the PDF is
built from them by reportlab and the Word file by ``docx_render.py``."""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure
from reportlab.platypus import KeepTogether, Spacer

from workbench.reporting.briefing import BriefGap, BriefingView
from workbench.reporting.charts import chart_alt, chart_figure
from workbench.reporting.context import _in_sentence
from workbench.reporting.judging import grid_heading
from workbench.reporting.pdf_flow import OverviewBreak
from workbench.reporting.pdf_grid import grid_legend
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import BalancedLine, facts_line, title_para
from workbench.reporting.rtl import is_rtl
from workbench.reporting.summary import more_gaps_note


def gap_figure(gap: BriefGap, width_in: float, lang: str) -> Figure:
    """A gap's chart: the indicator's overall panel alone, titled by its indicator (every
    briefing chart was titled by its axis, "Population group"), each bar named beside it."""
    fig = chart_figure(gap.chart, [], width_in, gap.title, is_rtl(lang), lang, True)
    return _trimmed(fig)


#: the margin a briefing chart keeps around what it draws (inches)
TRIM_PAD_IN = 0.04


def _trimmed(fig: Figure) -> Figure:
    """The chart less the empty band above its title and below its axis label: the room the
    layout keeps for a legend and panel titles a chart alone does not draw (about 0.3 inch a
    chart — five of them took the briefing to a 4th page once its grid kept its "k
    inconclusive" lines and its method said how a gap is judged: rd18). Laid out as drawn: each
    panel keeps its size in inches; a figure with figure-level text (a key) is left whole."""
    if fig.legends or fig.texts:
        return fig
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    box = fig.get_tightbbox(FigureCanvasAgg(fig).get_renderer())
    width, height = fig.get_size_inches()
    below = max(0.0, box.y0 - TRIM_PAD_IN)
    above = max(0.0, height - box.y1 - TRIM_PAD_IN)
    new = height - below - above
    if new <= 0 or below + above < 0.02:
        return fig
    for ax in fig.axes:
        pos = ax.get_position()
        y0, h = (pos.y0 * height - below) / new, pos.height * height / new
        ax.set_position((float(pos.x0), float(y0), float(pos.width), float(h)))
    fig.set_size_inches(width, new)
    return fig


def gap_heading(b: Builder, rank: int, title: str, group: str, difference: str) -> BalancedLine:
    """A gap's heading, "3. <indicator> — <group>: worse by 51.1 pp", its lines balanced as a
    heading's (``pdf_text.balanced_lines``): on two lines it breaks before its dash, between
    the indicator and the group's verdict — it broke after its colon, "worse by 51.1 pp" alone
    on the Arabic heading's second line, "moins / favorable de 59,3 pts" in the French one
    (rd21 ar, fr p. 2). Word balances it itself, from the same unbroken text."""
    text = b.tr("brief_gap_title", rank=rank, title=title, group=group, difference=difference)
    return BalancedLine(text, b.styles.h3, b.lang)


def briefing_story(b: Builder, view: BriefingView, when: str) -> list[Any]:
    tr, ctx, lang = b.tr, b.ctx, b.lang
    facts = [
        ctx.area.shown() or "",
        ctx.reference_period.shown() or "",
        ctx.office.shown() or "",
        when,
    ]
    out: list[Any] = [
        title_para(view.title, b.styles.title, b.width, lang),  # one line, or two balanced
        b.p(view.subtitle, "subtitle"),
        facts_line([f for f in facts if f], b.styles.small, b.width, lang),  # office unbroken
        Spacer(1, 6),
    ]
    comp = ctx.comparator.label.shown() if ctx.comparator else ""
    if view.grid.criteria:
        legend = grid_legend(tr, view.grid)
        out += [
            b.h(grid_heading(tr), 0, "brief-grid"),
            *b.comparator_line(comp),
            b.p(view.rule, "small"),
            b._grid(view.grid),
            *([b.p(legend, "small")] if legend else []),
        ]
    # each paragraph whole on one page: its last line alone atop page 2 (fr_A rd15 3:
    # « comparaison : 16,6 % des ménages (IC …). » above the gaps, cut from its method's name)
    if view.stock:  # the figure, its interval, what it counts (the report says the rest)
        out.append(KeepTogether([b.p(view.stock)]))
    # the headline first, then the other methods one line each, as the report's summary
    out += b.solutions_block(view.solutions, view.other_methods)
    # the heading and its notes are kept with the first gap's chart: alone at a page foot they
    # announce a chart that starts the next page (the French briefing's page 1 ended so)
    head: list[Any] = [
        # "5 substantive gaps" read as all there are (the demo had 82)
        b.h(
            tr("brief_gaps_of", shown=len(view.gaps), count=view.total_gaps)
            if view.total_gaps > len(view.gaps)
            else tr("brief_gaps", count=len(view.gaps)),
            0,
            "brief-gaps",
        ),
        # which gaps, and that their numbers rank them by size (summary.chosen_gaps)
        b.p(tr("brief_gaps_note", comparator=_in_sentence(comp)), "small"),
        # the gaps are in points: say so, and why one may differ by 0.1 from the figures shown
        b.p(tr("chart_ci_note") + " " + tr("brief_points"), "small")
        if view.gaps
        else b.p(tr("no_gaps")),
    ]
    if not view.gaps:
        out += head
    elif view.grid.criteria:
        # page 1 is the overview (the traffic light, the stock, the solutions headline) and the
        # gaps start page 2: under the grid their block left its heading and notes at the foot of
        # page 1 in the Word briefing — LibreOffice 7 breaks the block's keep-with-next chain
        # before its chart (en/fr/ar demo) — while the PDF, keeping it together, began page 2
        # … and a page break there left the French PDF's page 2 with the overview's last line
        # alone (rd14): the gaps follow an overview that ran over (OverviewBreak)
        out.append(OverviewBreak())
    width_in = b.width / 72
    drawn: dict[str, int] = {}  # indicator → the gap whose chart shows it
    for i, g in enumerate(view.gaps, 1):
        group = ctx.group(g.gap.group).label.shown()
        first = drawn.setdefault(g.gap.indicator_id, i)
        if first == i:
            alt = chart_alt(lang, g.title, [])
            chart: Any = b.figure_image(gap_figure(g, width_in, lang), b.width, alt)
        else:
            # the indicator's chart shows every group: drawn once, referred to after
            chart = b.p(tr("brief_chart_above", rank=first), "small")
        out.append(
            KeepTogether(
                [
                    *(head if i == 1 else []),
                    gap_heading(b, i, g.title, group, g.difference),
                    # the figures with their intervals: the heading names the indicator, the
                    # group and the gap, said once (rd21: "worse by 72.2 pp" over "…, 72.2 pp
                    # lower")
                    b.p(g.gap.figures, "body"),
                    chart,
                ]
            )
        )
    if any("†" in g.gap.sentence for g in view.gaps):
        out.append(b.p(ctx.caution_note or tr("fn_caution"), "small"))
    if view.more_gaps:
        said = more_gaps_note(tr, "brief_more_gaps", view.more_gaps, len(view.gaps))
        out.append(b.p(said, "small"))
    if view.better:  # named, not only counted in the tests sentence below
        # a lead line, not a heading (its space took the French briefing to a 4th page); one
        # result is said on the lead line itself
        lead = tr("brief_better", count=len(view.better))
        if view.better_count > len(view.better):  # more than it names: never "the only"
            lead = tr("brief_better_of", count=view.better_count)
        if len(view.better) == 1:
            out.append(b.p(f"{lead} {view.better[0]}"))
        else:
            out += [b.p(lead)] + [b.p("• " + s) for s in view.better]
    if view.tests:
        out.append(b.p(view.tests, "small"))
    if view.change:
        out.append(b.h(tr("progress"), 0, "brief-change"))
        out += [b.p(line) for line in view.change]
    out.append(b.h(tr("brief_method"), 0, "brief-method"))
    out += [b.p(line, "small") for line in view.method]
    return out
