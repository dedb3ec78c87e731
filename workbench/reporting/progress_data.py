"""What the "Progress since the baseline" views show, in words, for the PDF and the app alike.

:class:`ProgressText` turns the publishable rounds results and the run's report context into
the texts both faces print: the counts per group, the slope-chart lines per criterion, and the
table of changes in the gaps by group (each cell with its engine-decided assessment, kept
beside the text so the app can colour it). :func:`progress_data` packs them for the app's
progress view (:class:`ProgressData`), charts drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.figure import Figure

from workbench.languages import join_list
from workbench.reporting.charts import encode
from workbench.reporting.context import ReportContext, _in_sentence
from workbench.reporting.fmt import SUPPRESSED, fmt_diff, fmt_p, with_flag
from workbench.reporting.i18n import Translator
from workbench.reporting.judging import run_options
from workbench.reporting.progress_chart import SlopeLine, slope_figure
from workbench.reporting.rtl import is_rtl
from workbench.reporting.typography import typeset
from workbench.stats.results import ALL_DISPLACED

if TYPE_CHECKING:
    from workbench.stats.rounds import RoundsResults

GAP_WORDS = ("closing", "widening", "small_change", "stable", "no_significant_change",
             "insufficient_data", "not_comparable")  # fmt: skip


def criterion_order(c: str) -> tuple[bool, str]:
    return (not c.isdigit(), c)


class ProgressText:
    def __init__(self, ctx: ReportContext, rr: RoundsResults) -> None:
        self.ctx, self.rr, self.tr = ctx, rr, Translator(ctx.language)
        last = rr.rounds[-1].label
        g = rr.gap_changes
        self.gaps = g[(g["round_to"] == last) & (g["disaggregation"] == "total")]
        present = set(self.gaps["group"].astype(str))
        codes = [x.code for x in ctx.displaced] + [ALL_DISPLACED]
        self.codes = [c for c in codes if c in present]
        #: the run adjusted p-values for multiple comparisons (the cells show both)
        self.adjusted = str(run_options(rr.results[-1]).get("p_adjust", "none")) != "none"

    def intro(self) -> str:
        tr, rr = self.tr, self.rr
        base, last = rr.rounds[0], rr.rounds[-1]
        comp = self.ctx.comparator
        design = tr("progress_design_panel" if rr.meta.get("panel") else "progress_design_indep")
        return tr(
            "progress_intro", baseline=base.label, date_from=base.date or "—",
            latest=last.label, date_to=last.date or "—",
            comparator=_in_sentence(comp.label.shown()) if comp else "—", design=design,
        )  # fmt: skip

    def label(self, code: str) -> str:
        if code == ALL_DISPLACED:
            return self.tr("all_displaced")
        return self.ctx.group(code).label.shown()

    def title(self, ind_id: str) -> str:
        info = self.ctx.indicators.get(ind_id)
        return info.title.shown() if info else ind_id

    def statistic(self, ind_id: str) -> str:
        info = self.ctx.indicators.get(ind_id)
        return info.statistic if info else "mean"

    def rule(self) -> list[str]:
        """How the changes in the gaps were judged — the multiple-comparison adjustment, the
        minimum important difference, equivalence — from the options the last round's run
        recorded (the engine judged the changes with them)."""
        tr = self.tr
        opts = run_options(self.rr.results[-1])
        out = []
        g = self.rr.gap_changes
        margins = pd.to_numeric(g.get("min_important_difference"), errors="coerce")
        if opts.get("substantive", False) and margins is not None and margins.notna().any():
            out.append(tr("progress_rule_mid"))
            if opts.get("equivalence", False):
                out.append(tr("progress_rule_equivalence"))
        method = str(opts.get("p_adjust", "none"))
        if method != "none" and "p_adjusted" in g:
            scope = tr(f"judging_scope_{opts.get('p_adjust_scope', 'criterion')}")
            key = "progress_p_adjust_used" if opts.get("use_adjusted_p") else "progress_p_adjust"
            out.append(tr(key, method=tr(f"p_adjust_{method}"), scope=scope))
        return out

    def counts(self) -> list[str]:
        out = []
        for code in self.codes:
            n = self.gaps[self.gaps["group"].astype(str) == code]["assessment"].value_counts()
            out.append(self.tr("progress_counts", group=self.label(code),
                               **{w: int(n.get(w, 0)) for w in GAP_WORDS}))  # fmt: skip
        return out

    def chart_lines(self) -> list[tuple[str, list[SlopeLine]]]:
        """(chart title, lines) per criterion: the pooled displaced gap of each share."""
        pooled = self.gaps[self.gaps["group"] == ALL_DISPLACED]
        pooled = pooled[pooled["gap_from"].notna() & pooled["gap_to"].notna()]
        out = []
        for crit in sorted(set(pooled["criterion"].astype(str)), key=criterion_order):
            rows = pooled[pooled["criterion"].astype(str) == crit]
            lines = [
                SlopeLine(
                    self.title(r.indicator_id), 100 * r.gap_from, 100 * r.gap_to, str(r.assessment)
                )
                for r in rows.itertuples()
                if self.statistic(r.indicator_id) == "proportion"
            ]
            if lines:
                name = self.ctx.criteria.get(crit)
                title = self.tr("progress_chart_title", criterion=name.shown() if name else crit)
                out.append((title, lines))
        return out

    def chart(self, title: str, lines: list[SlopeLine], width_in: float) -> bytes:
        return encode(self.figure(title, lines, width_in))

    def figure(self, title: str, lines: list[SlopeLine], width_in: float) -> Figure:
        """The criterion's slope chart as a figure (laid out, not yet drawn)."""
        tr = self.tr
        legend = {"closing": tr("gap_closing"), "widening": tr("gap_widening"),
                  "other": tr("progress_other")}  # fmt: skip
        rounds = (self.rr.rounds[0].label, self.rr.rounds[-1].label)
        lang = self.ctx.language  # the labels in the text's typography
        lines = [replace(ln, label=typeset(ln.label, lang)) for ln in lines]
        title = typeset(title, lang)
        return slope_figure(lines, rounds, title, tr("progress_chart_y"), legend,
                            is_rtl(self.ctx.language), width_in)  # fmt: skip

    def table(self) -> tuple[list[str], list[list[str]], list[list[str]]]:
        """(header, rows of texts, rows of assessment codes) — indicators by criterion."""
        order = sorted(
            dict.fromkeys(zip(self.gaps["criterion"].astype(str), self.gaps["indicator_id"],
                              strict=True)),
            key=lambda ci: criterion_order(ci[0]),
        )  # fmt: skip
        rows, codes_ = [], []
        for _crit, ind_id in order:
            cells = self.gaps[self.gaps["indicator_id"] == ind_id]
            row, marks = [self.title(ind_id)], [""]
            for code in self.codes:
                hit = cells[cells["group"].astype(str) == code]
                row.append(self.cell(hit.iloc[0], ind_id) if not hit.empty else "")
                marks.append(str(hit.iloc[0]["assessment"]) if not hit.empty else "")
            rows.append(row)
            codes_.append(marks)
        header = [self.tr("col_indicator")] + [self.label(c) for c in self.codes]
        return header, rows, codes_

    def cell(self, rec: pd.Series, ind_id: str) -> str:
        """Change, interval and — when the gap moved or cannot be judged — the assessment (a
        cell without a word has no significant change, as the note says)."""
        tr, lang = self.tr, self.ctx.language
        assessment = str(rec["assessment"])
        word = "" if assessment == "no_significant_change" else tr(f"gap_{assessment}")
        p_adj = rec.get("p_adjusted")
        if assessment == "not_comparable":
            return word
        stat = self.statistic(ind_id)
        flag = str(rec["flag"] or "")
        change = with_flag(fmt_diff(rec["change"], stat, lang, tr("unit_pp")), flag)
        if flag == "suppressed" or pd.isna(rec["change"]):
            return change or word
        lo = fmt_diff(rec["ci_low"], stat, lang, "").strip()
        hi = fmt_diff(rec["ci_high"], stat, lang, "").strip()
        p_text = self.p_text(rec.get("p_value"), p_adj)
        return "\n".join(x for x in (change, f"[{lo}; {hi}]", p_text, word.upper()) if x)

    def p_text(self, p: object, p_adj: object) -> str:
        """``p 0.012 (adj. 0.154)``: the raw p and, when adjusted, the adjusted one."""
        lang = self.ctx.language
        if p is None or pd.isna(p):
            return ""
        raw = fmt_p(float(p), lang)  # type: ignore[arg-type]
        if not self.adjusted or p_adj is None or pd.isna(p_adj):  # type: ignore[call-overload]
            return f"p {raw}"
        return self.tr("progress_p_adj", p=raw, p_adj=fmt_p(float(p_adj), lang))  # type: ignore[arg-type]

    def note(self, text: str, rows: list[list[str]]) -> str:
        """A progress table's note ``text``, and what "*" means when a cell shows it: a change
        is withheld when a round's value is, for too few cases or to protect another value
        (a complement) — "* suppressed" said neither, and the report's "*" note says only the
        first."""
        if any(cell.split("\n")[0].strip() == SUPPRESSED for row in rows for cell in row):
            return f"{text} {self.tr('fn_progress_suppressed')}"
        return text

    def not_compared(self) -> str:
        ids = self.rr.meta.get("not_comparable") or []
        if not ids:
            return ""
        names = join_list((self.title(i) for i in ids), self.tr.lang, conjunction=True)
        return self.tr("progress_not_comparable", names=names)


@dataclass
class ProgressData:
    """The app's progress view of one rounds analysis, in one language."""

    title: str
    intro: str
    counts: list[str]
    header: list[str]
    rows: list[list[str]]
    assessments: list[list[str]]
    note: str
    not_compared: str
    #: how the changes were judged (adjustment, minimum important difference, equivalence)
    rule: list[str] = field(default_factory=list)
    #: (round label, date, run id) in round order
    rounds: list[tuple[str, str, int]] = field(default_factory=list)
    #: (criterion chart title, image bytes)
    charts: list[tuple[str, bytes]] = field(default_factory=list)


def progress_data(
    ctx: ReportContext, rr: RoundsResults, run_ids: list[int], width_in: float = 7.0
) -> ProgressData:
    text = ProgressText(ctx, rr)
    header, rows, marks = text.table()
    return ProgressData(
        title=text.tr("progress"),
        intro=text.intro(),
        counts=text.counts(),
        header=header,
        rows=rows,
        assessments=marks,
        note=text.note(text.tr("progress_table_note", unit=text.tr("unit_pp")), rows),
        not_compared=text.not_compared(),
        rule=text.rule(),
        rounds=[(r.label, r.date, i) for r, i in zip(rr.rounds, run_ids, strict=True)],
        charts=[(t, text.chart(t, lines, width_in)) for t, lines in text.chart_lines()],
    )
