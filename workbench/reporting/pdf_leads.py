"""A chapter's lead, the first words under its heading on reading its charts and differences:
said in full at the head of the first chapter that compares groups, and short in each later
chapter, which points there by name and, in the PDF, by page (:class:`ChapterLeads`, mixed into
``pdf_sections.Builder``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from workbench.reporting.charts_axes import SHARE_FULL_PAST
from workbench.reporting.context import CRITERIA, _in_sentence
from workbench.reporting.fmt import fmt_number, is_share
from workbench.reporting.pdf_parts import BuilderPart
from workbench.reporting.pdf_xref import page_ref
from workbench.reporting.typography import unbroken
from workbench.reporting.views import NO_CHART, IndicatorView


class ChapterLeads(BuilderPart):
    if TYPE_CHECKING:  # the builder's fields (pdf_sections.Builder)
        _lead_said: str | None
        _lead_chapter: str
        _lead_rule: bool

    def _lead_para(self, views: list[IndicatorView]) -> Flowable:
        """A chapter's lead (:meth:`_lead`); a later chapter's points to the chapter that said it
        in full by name and, in the PDF, by page."""
        text, pointer = self._lead(views)
        if pointer is None:
            return self.p(text, "small")
        key, where = pointer
        tr, before = self.tr, text[: len(text) - len(where)]

        def paged(page: int) -> str:
            name = unbroken(self._lead_chapter)
            return before + where.replace(
                name, unbroken(tr("chapter_page", chapter=name, page=page))
            )

        return page_ref(text, paged, key, self.styles.small, self.lang)

    def _lead(self, views: list[IndicatorView]) -> tuple[str, tuple[str, str] | None]:
        """A criterion's or module's first words on its charts and differences (a module's: not
        in the criteria's ratings and gap count, en_A 1); a part whose tables compare nothing
        (Module B) is not told of a hatched comparator bar and of differences in points. The
        lead is said in full once, at the head of the first part that compares; a later part
        says where, and the second value names the heading's key and the pointer's words."""
        comp, tr = self.ctx.comparator, self.tr
        out = [tr("module_outside_criteria")] if views[0].info.criterion in ("A", "B") else []
        # where a share's axis ends, said once a part (rd18–19 fr p.31: "Severe food
        # insecurity" on 0–50 beside p.30's 0–100 slowed readers; one rule, charts_axes)
        charted = [v for v in views if NO_CHART not in v.flags]
        rule = (
            [tr("chart_axis_rule", half=fmt_number(SHARE_FULL_PAST, 0, self.lang))]
            if any(is_share(v.chart.statistic) for v in charted)
            else []
        )
        said = self._lead_said
        if comp is not None and not any(v.table.compared for v in views):
            alone = tr("chart_ci_note_alone", comparator=_in_sentence(comp.label.shown()))
            if said and rule:  # where the axes end was said in full before (rd21 en p.71)
                where = tr("lead_axes_before", chapter=unbroken(self._lead_chapter))
                return " ".join([*out, alone, where]), (said, where)
            return " ".join([*out, alone, *rule]), None
        if said:
            # said in full once, at the head of the first part that compares: each later
            # chapter repeated six lines, and its first chart and table no longer fitted
            # its first page (rd20 fr p.58–59, ar p.24–25); the pointer names that part and
            # its page — "the first chapter that compares groups" sent readers of Criterion 1
            # to look on its own page, Module A calling itself descriptive (rd21 en, fr, ar)
            key = "lead_said_before_rule" if self._lead_rule else "lead_said_before"
            where = tr(key, chapter=unbroken(self._lead_chapter))
            return " ".join([*out, tr("chart_ci_note"), where]), (said, where)
        c = views[0].info.criterion
        self._lead_said, self._lead_chapter = f"criterion-{c}", self._chapter_name(c)
        self._lead_rule = comp is not None
        return " ".join([*out, tr("chart_ci_note"), *rule, tr("fn_points")]), None

    def _chapter_name(self, c: str) -> str:
        """ "Criterion 1", "Module A": a chapter's label without its colon (a pointer prints it
        unbroken: "الجزء / أ" broke across lines, rd21 ar p.18)."""
        tr = self.tr
        if c in CRITERIA:
            label = tr("criterion_title", number=c, name="")
        else:
            label = tr(f"module_title_{c.lower()}", name="")
        return label.rstrip().rstrip(":").rstrip()
