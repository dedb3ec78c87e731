"""The report's sections as lists of flowables. Their :class:`Builder` has the executive
summary mixed in from :mod:`~workbench.reporting.pdf_summary` and the IDP stock from
:mod:`~workbench.reporting.pdf_stock`; the criteria grid's cells and hatching are in
:mod:`~workbench.reporting.pdf_grid`, the table of contents in
:mod:`~workbench.reporting.pdf_contents`."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Spacer, Table, TableStyle

from workbench.languages import join_list
from workbench.reporting.chart_pool import Job
from workbench.reporting.charts import (
    MAX_CATEGORIES,
    chart_alt,
    chart_figure,
    encode,
    encode_pair,
    panel_count,
)
from workbench.reporting.context import (
    CRITERIA,
    ReportContext,
    _in_sentence,
    after_by,
    labelled,
    with_code,
)
from workbench.reporting.fmt import (
    COMPLEMENTARY,
    EMPTY,
    cell_flag,
    fmt_ci,
    fmt_count,
    fmt_value,
    mark_flag,
    with_flag,
)
from workbench.reporting.fonts import REGULAR
from workbench.reporting.i18n import Translator, count_header
from workbench.reporting.judging import grid_comparator
from workbench.reporting.options import ReportOptions
from workbench.reporting.pdf_contents import KeptTableOfContents, RtlTableOfContents
from workbench.reporting.pdf_flow import (
    CHART_GAP,
    ChartThenTable,
    ContinuedTable,
    SectionBreak,
    TableBlock,
    lead,
    with_notes,
)
from workbench.reporting.pdf_leads import ChapterLeads
from workbench.reporting.pdf_stock import StockSection
from workbench.reporting.pdf_summary import SummarySection
from workbench.reporting.pdf_tables import (
    WRAPPED_GAP,
    disaggregation_tables,
    fit_widths,
    indicator_table,
    make_table,
)
from workbench.reporting.pdf_text import Heading, Styles, para
from workbench.reporting.rtl import is_rtl
from workbench.reporting.solutions_cells import not_applicable
from workbench.reporting.solutions_notes import (
    below_everywhere,
    below_everywhere_note,
    breakdown_empty_notes,
    comparator_note,
    headline_notes,
    host_without,
    methods_notes,
    uncovered_notes,
)
from workbench.reporting.summary import below_shown, gap_rule_text, solutions_withheld
from workbench.reporting.table_notes import (
    no_interval_note,
    not_compared_notes,
    uncovered_note,
    unpublished_note,
)
from workbench.reporting.views import (
    ASSESSMENT_NOTES,
    CAUTION_DIFFERENCE,
    COMPARATOR_TOTAL_WITHHELD,
    COMPARATOR_WITHHELD,
    COUNTS,
    DIFFERENT_MID,
    EDGE_BESIDE_COMPLEMENT,
    INCONCLUSIVE_MID,
    MEDIAN_INTERVAL,
    NO_CHART,
    NO_MID_ASSESSMENTS,
    NO_MID_LABEL,
    SMALL_LABEL,
    TOST_REACHES,
    TOST_ROW,
    TOST_SEP,
    WITHHELD_ELSEWHERE,
    IndicatorView,
    Withheld,
    n_header,
)
from workbench.stats.results import ALL_DISPLACED, AnalysisResults
from workbench.stats.solutions import UNIT as SOLUTIONS_UNIT

#: a chart's name and alternative text in the Word files (:func:`charts.chart_alt`), or None
Alt = tuple[str, str] | None


@dataclass
class Builder(SummarySection, StockSection, ChapterLeads):
    ctx: ReportContext
    options: ReportOptions
    styles: Styles
    width: float
    results: AnalysisResults  # publishable
    #: pre-rendered chart images by indicator id (see :meth:`chart_job`)
    charts: dict[str, bytes] = field(default_factory=dict)
    #: the same charts at print resolution for the Word files made from this story (PNG, see
    #: ``encode_pair``); None when no Word file is made: charts are then drawn for the PDF only
    print_charts: dict[str, bytes] | None = None
    #: the chapter that said the lead in full (its heading's key, its name, whether its head
    #: also says how a gap is judged): later chapters point to it (:meth:`_lead`)
    _lead_said: str | None = field(default=None, init=False, repr=False)
    _lead_chapter: str = field(default="", init=False, repr=False)
    _lead_rule: bool = field(default=False, init=False, repr=False)

    def chart_job(self, v: IndicatorView) -> Job:
        parts = (
            [(lbl, c) for _d, lbl, _t, c in v.disaggregations]
            if self.options.disaggregation_charts
            else []
        )
        return (v.chart, parts, self.width / 72, self.tr("total"), is_rtl(self.lang), self.lang)

    @property
    def tr(self) -> Translator:
        return Translator(self.ctx.language)

    @property
    def lang(self) -> str:
        return self.ctx.language

    def p(self, text: str, style: str = "body") -> Flowable:
        return para(text, getattr(self.styles, style), self.lang)

    def comparator_line(self, comparator: str) -> list[Flowable]:
        """The traffic light's comparison group, a line under its heading and kept with it."""
        if not comparator:
            return []
        line = self.p(grid_comparator(self.tr, comparator))
        line.keepWithNext = True  # type: ignore[attr-defined]
        return [line]

    def h(self, text: str, level: int, key: str, label: str = "") -> Heading:
        style = self.styles.h1 if level == 0 else self.styles.h2
        return Heading(text, level, key, style, self.lang, label)

    def image(
        self, png: bytes, width: float, print_png: bytes | None = None, alt: Alt = None
    ) -> Image:
        img = Image(io.BytesIO(png))
        img.alt = alt  # type: ignore[attr-defined]  # (name, description): charts.chart_alt
        ratio = img.imageHeight / img.imageWidth
        img.drawWidth, img.drawHeight = width, width * ratio
        img.hAlign = "RIGHT" if is_rtl(self.lang) else "LEFT"
        img.raw = png  # type: ignore[attr-defined]  # the chart's bytes, for the Word report
        # the same chart at print resolution: what the Word report embeds when there is one
        img.print_raw = print_png  # type: ignore[attr-defined]
        return img

    def figure_image(self, fig: Any, width: float, alt: Alt = None) -> Image:
        """A chart figure drawn for the PDF, and at print resolution as well when the story
        also makes a Word file (:attr:`print_charts`), from one layout."""
        if self.print_charts is None:
            return self.image(encode(fig), width, alt=alt)
        screen, printed = encode_pair(fig)
        return self.image(screen, width, printed, alt)

    # ------------------------------------------------------------------ cover + contents
    def cover(self, when: str) -> list[Flowable]:
        tr, ctx = self.tr, self.ctx
        rows = [
            (tr("cover_area"), ctx.area.shown() or tr("not_recorded")),
            (tr("cover_period"), ctx.reference_period.shown() or tr("not_recorded")),
            (tr("cover_office"), ctx.office.shown() or tr("cover_office_unset")),
            *([(tr("cover_contact"), ctx.contact)] if ctx.contact else []),
            (tr("cover_date"), when),
            (tr("cover_language"), tr("language_name")),
            (tr("cover_plan"), f"{ctx.plan_name} v{ctx.plan_version}"),
        ]
        heading = [self.p(ctx.title, "title")]
        if ctx.subtitle.text:
            heading.append(self.p(ctx.subtitle.shown(), "subtitle"))
        return [
            Spacer(1, 50 * mm),
            *heading,
            Spacer(1, 10 * mm),
            self._cover_rows(rows),
            Spacer(1, 20 * mm),
            self.p(tr("cover_confidential"), "small"),
            PageBreak(),
        ]

    def _cover_rows(self, rows: list[tuple[str, str]]) -> Table:
        cells = [[self.p(a, "cell_bold"), self.p(b, "cell")] for a, b in rows]
        widths = [0.3 * self.width, 0.55 * self.width]
        if is_rtl(self.lang):
            cells, widths = [r[::-1] for r in cells], widths[::-1]
        t = Table(cells, colWidths=widths)
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#b8c4d0")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return t

    def contents(self) -> list[Flowable]:
        toc = RtlTableOfContents() if is_rtl(self.lang) else KeptTableOfContents()
        toc.levelStyles = [self.styles.toc1, self.styles.toc2]
        toc.dotsMinLevel = 0
        toc.tableStyle = TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ])  # fmt: skip
        return [self.p(self.tr("contents"), "h1"), toc, PageBreak()]

    # ------------------------------------------------------------------ indicator sections
    def indicator(self, v: IndicatorView) -> list[Flowable]:
        tr, info = self.tr, v.info
        title = with_code(info.title.shown(), info.code, self.lang)
        out: list[Flowable] = [Heading(title, 1, f"ind-{info.id}", self.styles.h2, self.lang)]
        # the heading's lead notes (definition, adaptation, unit) keep with its chart: laid out
        # piece by piece (the block after a criterion's heading, longer than a page) they never
        # end a page
        if info.definition.text:
            text = labelled(tr, tr("definition"), info.definition.shown())
            out.append(lead(self.p(text, "small")))
        if info.contextualised:
            text = labelled(tr, tr("contextualised"), info.contextualised)
            out.append(lead(self.p(text, "small")))
        # what the estimate counts (a share of household heads counts households)
        unit = (
            tr(f"universe_unit_{info.counted}")
            if info.counted in ("household", "individual")
            else info.counted
        )
        # a total's values count what the "Unit:" says (people): "Unit: individuals. Values in
        # people." said it twice (en_B 19)
        counts_units = info.statistic == "total" and info.counted != info.unit
        if info.value_unit.text and info.shown_as != "money" and not counts_units:
            unit += ". " + tr("values_in", unit=info.value_unit.shown())
        if info.shown_as == "money":
            currency = self.ctx.currency
            unit += ". " + (
                tr("amounts_in", currency=currency) if currency else tr("amounts_in_unknown")
            )
        if n_header(info) == "col_n_household":  # n under "Unit: individuals" (en_B 5)
            unit += (" " if unit.endswith(".") else ". ") + tr("unit_n_households")
        out.append(lead(self.p(unit, "small")))
        # the chart under its heading, then the table: a long one goes on at the top of the
        # next page under "<indicator> (continued)", its header repeated; a total's tables
        # alone (no chart: :data:`~workbench.reporting.views.NO_CHART`)
        table = indicator_table(v.table, self.width, self.styles, self.lang, title)
        parts = [(d, lbl, t) for d, lbl, t, _c in v.disaggregations]
        if NO_CHART not in v.flags:
            out.append(self._chart_image(v, title))
        out = [ChartThenTable([*out, table], tail=1)]
        if parts and getattr(table, "label_wraps", False):  # its 2nd line off the next header
            out.append(Spacer(1, WRAPPED_GAP))
        for i in range(len(parts) + 1):  # a breakdown with no published cell: one line
            out += [self._withheld_line(w) for w in v.withheld if w.at == i]
            if i < len(parts):
                out += disaggregation_tables([parts[i]], self.width, self.styles, self.lang, title)
        notes = self.flag_notes(v.flags, charts=panel_count(*self.chart_job(v)[:2]))
        for dis, label, t, _c in v.disaggregations:
            clipped = list(t.clipped)  # "15–17" of "5–17": the ages 5–14 left out, said
            dropped = ""
            if t.dropped:  # levels outside the indicator's population: named, not rows of "–"
                levels = join_list(t.dropped, self.lang, conjunction=True)
                if len(clipped) == 1:  # one note per breakdown, not two "Age group:" (rd17)
                    shown, _level = clipped.pop()
                    key, more = "fn_levels_dropped_clipped", {"row": shown}
                else:
                    key, more = "fn_levels_dropped", {}
                dropped = tr(key, breakdown=label, levels=levels, **more)
            # and the rows that print no figure ("Alvora (*) (*) *"), in the same line (rd21)
            if left := unpublished_note(tr, label, t, dropped):
                notes.append(left)
            for shown, level in clipped:
                notes.append(tr("fn_level_clipped", breakdown=label, row=shown, level=level))
            # rows holding fewer cases than the total; why, where the library says (en_B 10)
            uncovered = uncovered_note(tr, label, t, self.ctx.from_ages.get(dis))
            if uncovered:
                notes.append(uncovered)
        if info.title.untranslated or info.definition.untranslated:
            notes.append(tr("fn_untranslated", lang="en"))
        return with_notes(out, [self.p(n, "small") for n in notes], self.notes_ahead)

    def _chart_image(self, v: IndicatorView, title: str) -> Flowable:
        """The indicator's chart as drawn (in the pool, else now), with its alternative text."""
        png = self.charts.get(v.info.id)
        panels = [lbl for lbl, d in self.chart_job(v)[1] if len(d.categories) <= MAX_CATEGORIES]
        alt = chart_alt(self.lang, title, panels)
        image = (
            self.image(png, self.width, (self.print_charts or {}).get(v.info.id), alt)
            if png
            else self.figure_image(chart_figure(*self.chart_job(v)), self.width, alt)
        )
        image.spaceAfter = CHART_GAP  # type: ignore[attr-defined]  # its key off the header
        return image

    def _withheld_line(self, w: Withheld) -> Flowable:
        """ "District: no value published (of its 12 cells, 9 withheld and 3 with no case).
        Withheld: … Disclosure rule: … No case: … It appears in no table or chart." — the
        counts first, each reason a sentence (fr_B 7: the reasons and the rule nested in the
        counts' parentheses ran over four lines). One wording whether or not the indicator has
        a chart (a total has none): true of both, where "No table is shown" and "No table or
        chart panel is shown" said the same thing two ways (rd21 en p. 64 vs p. 70)."""
        tr, lang = self.tr, self.lang
        reasons, why = [], []
        if w.suppressed:
            reasons.append(tr("withheld_suppressed", count=fmt_count(w.suppressed, lang)))
            why.append(tr("withheld_suppressed_why", preset=self.ctx.preset_name))
        if w.empty:
            reasons.append(tr("withheld_empty", count=fmt_count(w.empty, lang)))
            why.append(tr("withheld_empty_why"))
        text = tr(
            "breakdown_withheld",
            breakdown=w.label,
            cells=fmt_count(w.cells, lang),
            reasons=join_list(reasons, lang, conjunction=True),
        )
        shown = tr("breakdown_withheld_shown")
        return self.p(" ".join([text, *why, shown]), "small")

    def criterion_sections(
        self, views: dict[str, IndicatorView], which: tuple[str, ...]
    ) -> list[Flowable]:
        out: list[Flowable] = []
        # how a gap is judged, in full, at the head of the first chapter whose tables compare
        # groups — where a reader meets the verdicts in the tables (the summary's pages are
        # full in French) — and in the methodology; each table's interval line only lists
        said = getattr(self, "_gap_rule_said", False)  # called once per part of the report
        rule = None if said else gap_rule_text(self.results, self.ctx)
        for c in which:
            vs = [v for v in views.values() if v.info.criterion == c]
            if not vs:
                continue
            out += [self.chapter_heading(c), lead(self._lead_para(vs))]
            if rule and any(v.table.compared for v in vs):
                out.append(self.p(rule, "small"))
                rule, self._gap_rule_said = None, True
            for v in vs:
                out += self.indicator(v)
            # the next chapter starts a page (rd17: Criterion 8 and Module B began mid-page)
            out.append(SectionBreak())
        return out

    def chapter_heading(self, c: str) -> Heading:
        """A criterion's or module's heading, labelled "Criterion N:" or "Module A:" (a long
        one breaks after its label, :class:`Heading`)."""
        tr, name = self.tr, self.ctx.criteria[c].shown()
        if c in CRITERIA:
            title = tr("criterion_title", number=c, name=name)
            label = tr("criterion_title", number=c, name="")
        else:
            # the library's name of the module, as the annex and the contents name it
            default = tr("module_a") if c == "A" else tr("module_b")
            key = f"module_title_{c.lower()}"
            title = default if name == default else tr(key, name=name)
            label = "" if name == default else tr(key, name="")
        return self.h(title, 0, f"criterion-{c}", label)

    # ------------------------------------------------------------------ solutions + stock
    def solutions(self) -> list[Flowable]:
        """The headline method in detail, every method side by side, the headline by breakdown."""
        tr, ctx = self.tr, self.ctx
        sol = self.results.solutions
        out: list[Flowable] = [
            self.h(tr("solutions"), 0, "solutions"),
            self.p(tr("solutions_intro")),
        ]
        if not sol.empty:
            methods = list(dict.fromkeys(sol["method"].astype(str)))
            codes = [g.code for g in ctx.displaced] + [ALL_DISPLACED]
            codes += [ctx.comparator.code] if ctx.comparator else []
            codes = [c for c in codes if c in set(sol["group"].astype(str))]
            out += self._solutions_headline_table(sol, methods[0], codes)
            pooled = sol[(sol["method"] == methods[0]) & (sol["group"] == ALL_DISPLACED)]
            pooled = pooled[pooled["disaggregation"] == "total"]
            # a headline of "*": why, and the other methods' figures, as body text (a blank
            # headline left a statistician guessing; a grey note read as a footnote, en_B 4)
            withheld = not pooled.empty and pooled["flag"].iloc[0] == "suppressed"
            if withheld and (why := solutions_withheld(self.results, ctx)):
                out.append(self.p(why))
            if len(methods) > 1:
                out += self._solutions_methods_table(sol, methods, codes)
            for m, reason in (self.results.meta.get("solutions_skipped") or {}).items():
                name = tr(f"method_{m}") if tr.has(f"method_{m}") else m
                out.append(self.p(tr("solutions_skipped", method=name, reason=reason), "small"))
            parts, tabled = self._solutions_breakdowns(sol, methods[0], codes)
            # one footnote a line, as under every other table (French p. 65 ran them together);
            # each table's notes under it: these are the breakdowns' (fr_B 3, ar_B 4)
            caution = ctx.caution_note or tr("fn_caution")
            texts = [tr("fn_suppressed", preset=ctx.preset_name), caution]
            shown = sol[sol["group"].astype(str).isin(codes)]
            # the notes of the tables printed: a breakdown said in a sentence has none
            dis = shown["disaggregation"].astype(str)
            shown = shown[(dis == "total") | dis.isin(tabled)]
            if self._complements(shown, methods[0]):  # "(*)" printed: its own note (ar_A 3)
                texts.insert(1, tr("fn_complementary"))
            levels = shown[(shown["method"] == methods[0]) & (shown["disaggregation"] != "total")]
            texts += breakdown_empty_notes(tr, ctx, levels)  # what "–" means here (fr_B 5)
            head = shown[shown["method"] == methods[0]]  # "Not stated" in no row (fr_B 7)
            texts += uncovered_notes(tr, ctx, head, {c: self._group_label(c) for c in codes})
            if "share_below" in levels and levels["share_below"].notna().any():
                texts.append(tr("fn_breakdown_bounded"))  # why no level reads "0.0%" (issue 20)
            texts += comparator_note(tr, ctx, codes)  # what its column is (en_B 3)
            if parts and tabled:
                out += with_notes(parts, [self.p(t, "small") for t in texts], self.notes_ahead)
            else:
                out += parts
        if ctx.solutions_options:  # one block: its title never ends a page with a line or two
            options = [self.p(line, "small") for line in ctx.solutions_option_lines()]
            out.append(KeepTogether([self.p(tr("solutions_options"), "h3"), *options]))
        out.append(SectionBreak())
        stock = self.stock()  # a section of its own, in the contents too (en_B 11)
        return [*out, *stock, SectionBreak()] if stock else out

    def _group_label(self, code: str) -> str:
        if code == ALL_DISPLACED:
            return self.tr("all_displaced")
        return self.ctx.group(code).label.shown()

    def _below(self, rec: pd.Series) -> str | None:
        """A withheld share the engine publishes as a bound: '< 0.5%' ('< 0.5%†': few cases)."""
        return below_shown(rec, self.tr, self.lang)

    @staticmethod
    def _complements(shown: pd.DataFrame, method: str) -> bool:
        """Whether the solutions tables print "(*)": a complement not published as a bound, in
        a total row (every method's table) or the headline method's breakdowns."""
        if "suppression" not in shown:
            return False
        printed = (shown["disaggregation"] == "total") | (shown["method"] == method)
        unbound = shown["share_below"].isna() if "share_below" in shown else True
        return bool(((shown["suppression"] == COMPLEMENTARY) & printed & unbound).any())

    def _share(self, rec: pd.Series) -> str:
        bounded = self._below(rec)
        if bounded is not None:
            return bounded
        flag = cell_flag(rec["flag"], rec.get("suppression"))
        mark = mark_flag(flag, rec.get("suppression"))  # "(*)": a complement
        share = with_flag(fmt_value(rec["share"], "proportion", self.lang), mark)
        if flag in ("suppressed", EMPTY):
            return share
        ci = fmt_ci(rec["ci_low"], rec["ci_high"], "proportion", self.lang)
        return f"{share}\n({ci})" if ci else share

    def _solutions_headline_table(
        self, sol: pd.DataFrame, method: str, codes: list[str]
    ) -> list[Flowable]:
        tr, lang = self.tr, self.lang
        name = self.ctx.solutions_methods.get(method, method)
        total = sol[(sol["method"] == method) & (sol["disaggregation"] == "total")]
        rows = []
        bounded = False
        for code in codes:
            hit = total[total["group"].astype(str) == code]
            if hit.empty:
                continue
            rec = hit.iloc[0]
            flag = cell_flag(rec["flag"], rec.get("suppression"))
            mark = mark_flag(flag, rec.get("suppression"))  # "(*)": a complement
            ci = fmt_ci(rec["ci_low"], rec["ci_high"], "proportion", lang)
            bound = self._below(rec) is not None and flag == "suppressed"
            bounded |= bound
            if bound:  # no interval for a bound: in words ("–" is "nothing estimated", ar_B 3)
                ci = tr("ci_not_published")
            elif flag in ("suppressed", EMPTY):
                ci = ""
            rows.append([
                self._group_label(code),
                self._below(rec) or with_flag(fmt_value(rec["share"], "proportion", lang), mark),
                ci,
                with_flag(fmt_count(rec["number"], lang), mark),  # a bound's: "(*)"
                fmt_count(rec["n_assessable"], lang),
            ])  # fmt: skip
        header = [tr("col_group"), tr("col_share"), tr("col_ci"),
                  count_header(tr, SOLUTIONS_UNIT), tr("col_assessable")]  # fmt: skip
        fr = [0.36, 0.13, 0.19, 0.16, 0.16]
        out = [
            self.h(
                # « Méthode : règle IRIS… » — French and Spanish write no capital after the colon
                # (fr_A rd14 6, rd15: the heading and the contents read « Méthode : Règle »)
                labelled(tr, tr("solutions_method"), name),
                1,
                f"solutions-{method}",
            ),
            make_table(header, rows, [f * self.width for f in fr], self.styles, lang),
        ]
        notes = headline_notes(tr, self.ctx, total, codes, bounded)  # under it (fr_B 3)
        return with_notes(out, [self.p(t, "small") for t in notes], self.notes_ahead)

    def _solutions_methods_table(
        self, sol: pd.DataFrame, methods: list[str], codes: list[str]
    ) -> list[Flowable]:
        tr = self.tr
        total = sol[sol["disaggregation"] == "total"]
        names = self.ctx.solutions_methods
        rows = [(names.get(m, m), total[total["method"] == m]) for m in methods]
        out = [
            self.h(tr("solutions_all_methods"), 1, "solutions-methods"),
            # kept with the table: the Arabic heading and lead ended a page, the table on the next
            lead(self.p(tr("solutions_all_methods_note"), "small")),
            self._by_group_table(tr("solutions_method"), rows, codes, 0.28),
        ]
        # its "–", "<" and marks said under it, not two pages on (fr_B 3, ar_B 4)
        notes = methods_notes(tr, self.ctx, total[total["method"].isin(methods)], codes)
        return with_notes(out, [self.p(t, "small") for t in notes], self.notes_ahead)

    def _by_group_table(
        self,
        head: str,
        rows: list[tuple[str, pd.DataFrame]],
        codes: list[str],
        first: float,
        continued: str = "",
        fitted: list[float] | None = None,
    ) -> Table:
        """One row per (label, cells): the share (and interval) of each group in its column;
        ``fitted``: the column widths of every block of one table (:meth:`_shared_widths`)."""
        header, body = self._by_group_cells(head, rows, codes)
        return make_table(
            header,
            body,
            fitted or self._group_widths(first, codes),
            self.styles,
            self.lang,
            continued=continued,
            at_top=True,
            fit=fitted is None,
        )

    def _group_widths(self, first: float, codes: list[str]) -> list[float]:
        rest = (1 - first) / max(len(codes), 1)
        return [first * self.width] + [rest * self.width] * len(codes)

    def _by_group_cells(
        self, head: str, rows: list[tuple[str, pd.DataFrame]], codes: list[str]
    ) -> tuple[list[str], list[list[str]]]:
        body = []
        for label, cells in rows:
            row = [label]
            for code in codes:
                hit = cells[cells["group"].astype(str) == code]
                r = hit.iloc[0] if not hit.empty else None
                host_na: frozenset[str] = getattr(self, "_host_na", frozenset())
                na = r is not None and not_applicable(self.ctx, r.to_dict(), host_na)
                na_word = self.tr("assessment_not_applicable")  # not "–": no case (en_B 4)
                row.append("" if r is None else na_word if na else self._share(r))
            body.append(row)
        return [head] + [self._group_label(c) for c in codes], body

    def _shared_widths(
        self, blocks: list[tuple[str, list[tuple[str, pd.DataFrame]]]], codes: list[str]
    ) -> list[float]:
        """One set of column widths for the blocks of one table, fitted to all their rows: the
        "District of origin" block (a longer first column) had its group columns shifted right
        of those above and below it (en_B 6, fr_B 8)."""
        cells = [self._by_group_cells(head, rows, codes) for head, rows in blocks]
        body = [row for _h, rows in cells for row in rows]
        preferred = self._group_widths(0.22, codes)
        fits = [fit_widths(header, body, list(preferred), self.styles) for header, _r in cells]
        return max(fits, key=lambda w: w[0])

    def _solutions_breakdowns(
        self, sol: pd.DataFrame, method: str, codes: list[str]
    ) -> tuple[list[Flowable], list[str]]:
        """The headline method's breakdowns, and those printed as tables (the others: one
        sentence, :func:`below_everywhere`)."""
        tr, ctx = self.tr, self.ctx
        part = sol[(sol["method"] == method) & (sol["disaggregation"] != "total")]
        if part.empty:
            return [], []
        name = ctx.solutions_methods.get(method, method)
        heading = tr("solutions_by_breakdown", method=name)
        out: list[Flowable] = [self.h(heading, 1, "solutions-breakdowns")]
        self._host_na = frozenset(host_without(ctx, part))  # "Not applicable": never displaced
        folded = below_everywhere(ctx, part, codes)  # only bounds: a sentence, not a table
        if folded:
            out.append(self.p(below_everywhere_note(tr, ctx, part, folded)))
        blocks = []
        tabled = [d for d in dict.fromkeys(part["disaggregation"].astype(str)) if d not in folded]
        for dis in tabled:
            cells = part[part["disaggregation"] == dis]
            label = ctx.breakdown(dis, "household")  # the measure is households'
            values = cells["disaggregation_value"].astype(str)
            rows = [
                (ctx.level(dis, value).shown(), cells[values == value])
                for value in dict.fromkeys(values)
            ]
            blocks.append((label, rows))
        if not blocks:
            return out, []
        widths = self._shared_widths(blocks, codes)
        for label, rows in blocks:
            # kept whole, or started at a page's foot with 3 rows or more (English p. 58 ended
            # with "Years since displacement", its header and one row)
            table = self._by_group_table(label, rows, codes, 0.22, heading, widths)
            if isinstance(table, ContinuedTable):  # in Word, one title, "By <breakdown>" each
                table.word_line = tr("word_solutions_by", breakdown=after_by(label, tr))
                table.word_first = True
            out += [TableBlock([table]), Spacer(1, 6)]
        return out, tabled

    def notes_ahead(self, several: bool = False) -> Flowable:
        """The line under a part of a table whose footnotes are on a later page: under the
        table's last row, or (``several`` tables share them) under the last of its tables."""
        return self.p(self.tr("notes_after_tables" if several else "notes_at_end"), "small")

    def flag_notes(self, flags: set[str], stock_table: str = "", charts: int = 2) -> list[str]:
        """The footnotes of the symbols a table shows (*, †, –, ‡) and of its "no gap" words
        (``stock_table``: the stock table's id, whose annex sheet the ‡ note names; ``charts``:
        how many chart panels stand with the table)."""
        tr, notes = self.tr, []
        # a table of counts: its "*" note says that a count is withheld at the thresholds that
        # mark other estimates † (stats/disclosure.py) — not for a run stored before, whose
        # table still shows a † count
        counts = (bool(stock_table) or COUNTS in flags) and "caution" not in flags
        if "suppressed" in flags:
            count_note = self.ctx.suppressed_count_note if counts else ""
            notes.append(count_note or tr("fn_suppressed", preset=self.ctx.preset_name))
        if COMPLEMENTARY in flags:  # "(*)": withheld to protect another value (ar_A 3)
            notes.append(tr("fn_complementary"))
            # sibling tables withhold different cells: why, once under each such table (rd19)
            if WITHHELD_ELSEWHERE in flags:
                notes.append(tr("fn_withheld_elsewhere"))
            if EDGE_BESIDE_COMPLEMENT in flags:
                notes.append(tr("fn_edge_beside_complement"))
        if "caution" in flags:
            notes.append(self.ctx.caution_note or tr("fn_caution"))  # the thresholds applied
            if CAUTION_DIFFERENCE in flags:  # "+4.6 pp†": † on a difference, not an estimate
                notes.append(tr("fn_caution_difference"))
        if EMPTY in flags:
            notes.append(tr("fn_empty"))
        if self.ctx.comparator is not None:
            comparator = _in_sentence(self.ctx.comparator.label.shown())
            # withheld "(*)" with enough cases: not compared, and why (en_B 1); else too few
            if "assessment_comparator_withheld" in flags:
                notes.append(tr("fn_assessment_comparator_withheld", comparator=comparator))
            elif COMPARATOR_WITHHELD in flags:
                notes.append(tr("fn_comparator_withheld", comparator=comparator))
            if "assessment_group_withheld" in flags:
                notes.append(tr("fn_assessment_group_withheld", comparator=comparator))
        if NO_CHART in flags and self.ctx.comparator is not None:
            comparator = _in_sentence(self.ctx.comparator.label.shown())
            # not "given in the table" where its total is withheld ("*", a † count: issue 20)
            withheld = COMPARATOR_TOTAL_WITHHELD in flags
            key = "fn_no_chart_total_withheld" if withheld else "fn_no_chart_total"
            notes.append(tr(key, comparator=comparator))
        notes += not_compared_notes(tr, self.ctx, flags)
        if MEDIAN_INTERVAL in flags:
            notes.append(tr("fn_median_interval"))
        if "no_interval" in flags:  # ‡: a count without an interval, for either reason
            notes.append(no_interval_note(tr, self.ctx, self.results.stock, stock_table))
        # "No gap (equivalent)" beside "No significant difference": what each one says (issue
        # 20: readers took them for the same verdict); "Not applicable" was defined nowhere
        # the "under the threshold" note quotes its cells' words (ar_A 4)
        said = sorted(f.removeprefix(SMALL_LABEL) for f in flags if f.startswith(SMALL_LABEL))
        small = said[0] if len(said) == 1 else tr("assessment_small_difference")
        # the no-minimum note quotes the marks its table shows: Module A's "Significant
        # difference" is never rated (rd17 en p. 9, 14: "any significant gap is rated")
        shown = [a for a in NO_MID_ASSESSMENTS if NO_MID_LABEL + a in flags]
        labels = join_list(
            [tr("quoted", text=tr(f"assessment_{a}")) for a in shown], tr.lang, conjunction=True
        )
        # the minimum an "Inconclusive" cell's interval reaches (one indicator: one minimum)
        reach = sorted(
            f.removeprefix(INCONCLUSIVE_MID) for f in flags if f.startswith(INCONCLUSIVE_MID)
        )
        # "Significant difference": why this label, for this table's indicator — no better or
        # worse direction, and its minimum or none (rd21: one label, two reasons, some tables
        # with no note); the cells' own words, as the other verdict notes
        different = sorted(
            f.removeprefix(DIFFERENT_MID) for f in flags if f.startswith(DIFFERENT_MID)
        )
        sides = {a: tr("quoted", text=tr(f"assessment_{a}")) for a in ("worse", "better")}
        for mid in different:
            label = tr("quoted", text=tr("assessment_different"))
            key = "fn_assessment_different" if mid else "fn_assessment_different_no_mid"
            notes.append(tr(key, label=label, mid=mid, **sides))
        for key in ASSESSMENT_NOTES:
            if key not in flags:
                continue
            if key == "assessment_inconclusive":
                if reach:
                    notes.append(tr(f"fn_{key}", mid=join_list(reach, self.lang)))
            elif "small" in key:
                notes.append(tr(f"fn_{key}", label=small))
            elif key == "assessment_worse_no_mid":
                notes.append(tr(f"fn_{key}", labels=labels))
            else:
                notes.append(tr(f"fn_{key}"))
        notes += self.tost_notes(flags)
        return notes

    def tost_notes(self, flags: set[str]) -> list[str]:
        """Each judged row's gap with its (1 − 2·alpha) interval — the one the two one-sided
        tests use, 90% at alpha 5% — in one line, once a row's interval reaches inside ± the
        minimum: every judged row then, "Worse" ones too, so near gaps can be compared (rd19 fr
        p. 35, 69). The rule the interval decides by is stated once, in the executive summary
        and the methodology ("How a gap is judged"), not under each table (rd19: a 3-line
        preamble under ~20 tables, which hung the list on the p-value clause)."""
        rows = sorted(f.removeprefix(TOST_ROW) for f in flags if f.startswith(TOST_ROW))
        if not any(row.endswith(TOST_SEP + TOST_REACHES) for row in rows):
            return []
        tr, conf = self.tr, self.ctx.confidence_level
        level = 2 * conf - 100
        said = []
        for row in rows:
            _, group, diff, low, high, _reach = row.split(TOST_SEP)
            # after the note's colon, mid-sentence: "…: returnees +0.1 pp (…)" (rd19 fr)
            named = _in_sentence(group)
            said.append(tr("tost_row", group=named, diff=diff, low=low, high=high))
        text = join_list(said, self.lang, clauses=True)
        # the rule's section by its heading, which a reader finds in the contents (rd20 fr:
        # « Jugement d'un écart », dans la méthodologie — a run-in phrase, not a heading)
        return [tr("fn_tost_rows", level=level, rows=text, section=tr("judging"))]
