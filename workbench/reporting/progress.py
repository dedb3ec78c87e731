"""The report's "Progress since the baseline" section (a rounds analysis, issue 19).

Reads only the publishable rounds results the engine computed (``RoundsResults.publishable()``)
and the run's context: which gaps closed or widened is the engine's assessment
(``stats/change_table.py``); this module lays it out — counts per group, one slope chart per
criterion (the gap of all displaced groups at the baseline and now), the table of changes in
the gaps by group, the indicators not compared, and the solutions measure and IDP stock per
round. A report of a one-round run has no such section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from workbench.reporting.charts import chart_alt
from workbench.reporting.fmt import fmt_count, fmt_diff, fmt_value, with_flag
from workbench.reporting.pdf_flow import SectionBreak
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.progress_data import ProgressText

if TYPE_CHECKING:
    from workbench.reporting.pdf_sections import Builder
    from workbench.reporting.story import StoryPart
    from workbench.stats.rounds import RoundsResults


def progress(part: StoryPart) -> list[Any]:
    rr = part.rounds
    if rr is None or rr.gap_changes.empty:
        return []
    return ProgressSection(part.builder, rr).flowables()


class ProgressSection:
    def __init__(self, b: Builder, rr: RoundsResults) -> None:
        self.b, self.rr, self.tr = b, rr, b.tr
        self.text = ProgressText(b.ctx, rr)
        self.codes = self.text.codes

    def flowables(self) -> list[Flowable]:
        b, text = self.b, self.text
        out: list[Flowable] = [b.h(self.tr("progress"), 0, "progress"), b.p(text.intro())]
        out += [b.p(line) for line in text.rule()]
        out += [b.p(line, "small") for line in text.counts()]
        for title, lines in text.chart_lines():
            alt = chart_alt(b.lang, title)
            out += [b.figure_image(text.figure(title, lines, b.width / 72), b.width, alt)]
            out.append(Spacer(1, 6))
        header, rows, _marks = text.table()
        first = 0.3
        rest = (1 - first) / max(len(header) - 1, 1)
        widths = [first * b.width] + [rest * b.width] * (len(header) - 1)
        table = make_table(header, rows, widths, b.styles, b.lang)
        # the heading and its note start on the page of the table (a long table splits)
        out.append(KeepTogether([
            b.h(self.tr("progress_table"), 1, "progress-gaps"),
            b.p(text.note(self.tr("progress_table_note", unit=self.tr("unit_pp")), rows), "small"),
            table,
        ]))  # fmt: skip
        if text.not_compared():
            out += [Spacer(1, 4), b.p(text.not_compared(), "small")]
        out += self._solutions_and_stock()
        return [*out, SectionBreak()]

    def _label(self, code: str) -> str:
        return self.text.label(code)

    # ------------------------------------------------------------ solutions and stock
    def _solutions_and_stock(self) -> list[Flowable]:
        b, tr, lang = self.b, self.tr, self.b.lang
        rr = self.rr
        base, last = rr.rounds[0].label, rr.rounds[-1].label
        out: list[Flowable] = [b.h(tr("progress_solutions"), 1, "progress-solutions")]
        sol = rr.solutions
        if not sol.empty:
            method = str(sol["method"].iloc[0])
            part = sol[(sol["method"] == method) & (sol["disaggregation"] == "total")]
            if "round_to" in part:  # three rounds or more: the baseline against the latest
                part = part[part["round_to"] == last]
            rows = [
                [self._label(str(r.group)),
                 with_flag(fmt_value(r.share_from, "proportion", lang), r.flag),
                 with_flag(fmt_value(r.share_to, "proportion", lang), r.flag),
                 with_flag(fmt_diff(r.change, "proportion", lang, tr("unit_pp")), r.flag),
                 tr(f"change_{r.assessment}")]
                for r in part.itertuples()
                if str(r.group) in self.codes
            ]  # fmt: skip
            name = b.ctx.solutions_methods.get(method, method)
            note = self.text.note(tr("progress_solutions_note", method=name), rows)
            out.append(b.p(note, "small"))
            header = [tr("col_group"), base, last, tr("col_change"), tr("col_assessment")]
            widths = [f * b.width for f in (0.3, 0.15, 0.15, 0.17, 0.23)]
            out.append(make_table(header, rows, widths, b.styles, lang))
            out.append(Spacer(1, 6))
        st = rr.stock
        if not st.empty:
            rows = [
                [self._label(str(r.group)), fmt_count(r.estimate_from, lang),
                 fmt_count(r.estimate_to, lang),
                 ("+" if r.change > 0 else "") + fmt_count(r.change, lang),
                 f"{fmt_count(r.ci_low, lang)} – {fmt_count(r.ci_high, lang)}"]
                for r in st[st["round_to"] == last].itertuples()
            ]  # fmt: skip
            out.append(b.p(tr("progress_stock_note"), "small"))
            header = [tr("col_group"), base, last, tr("col_change"), tr("col_ci")]
            widths = [f * b.width for f in (0.3, 0.17, 0.17, 0.14, 0.22)]
            out.append(make_table(header, rows, widths, b.styles, lang))
        return out
