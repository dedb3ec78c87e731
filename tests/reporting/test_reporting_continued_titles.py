"""A long table's "(continued)" title breaks as its heading does (issue 20, page flow): the
stock's continued titles, greedily wrapped, broke inside their parenthesis — "… (IDPs and
returnees, IRIS / definition) (continued)" (rd19 en pp. 78, 80; ar pp. 80, 82) — while their
first-page headings broke before it. Measured: the lines the continued title is laid out in,
at the width of the report's frame, for the demo's stock titles."""

from __future__ import annotations

import io

import pytest

from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import make_styles

#: the demo plan's stock tables (resources/sample/freedonia-plan.toml)
PLAN_TITLES = (
    "Displaced population by sex and age group",
    "Displaced population by current district and district of origin",
    "Displaced population by cause and year of displacement",
    "Displaced population by years since displacement and sex",
    "Displaced population by location type and urban / rural",
)
#: the breakdowns the French and Arabic reports name them by (rows, columns)
NAMES = {
    "fr": (("district actuel", "district d’origine"), ("cause du déplacement", "année")),
    "ar": (("المنطقة الحالية", "المنطقة الأصلية"), ("سبب النزوح", "سنة النزوح")),
}


def _laid_lines(flowable, width: float) -> list[str]:
    """The lines a paragraph-like flowable is laid out in at ``width`` (logical order)."""
    flowable.wrap(width, 1000.0)
    inner = getattr(flowable, "_inner", flowable)
    if hasattr(inner, "_lines"):  # right-to-left
        return [str(ln).strip() for ln in inner._lines]
    out = []
    for ln in inner.blPara.lines:
        words = ln[1] if isinstance(ln, tuple) else [getattr(w, "text", "") for w in ln.words]
        out.append(" ".join(str(w) for w in words).strip())
    return out


def _titles(lang: str) -> list[str]:
    tr = Translator(lang)
    if lang == "en":
        return [tr("stock_title_plan", title=t) for t in PLAN_TITLES]
    return [tr("stock_title_2", rows=r, cols=c) for r, c in NAMES[lang]]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_continued_stock_title_breaks_before_its_parenthesis(lang):
    styles = make_styles(lang)
    width = ReportDoc(io.BytesIO(), "A4", lang).width
    for title in _titles(lang):
        line = make_table(["a"], [["1"]], [100.0], styles, lang, continued=title).line
        lines = _laid_lines(line, width)
        assert len(lines) == 2, (lang, lines)  # too long for one line at this width
        # the second line holds the whole parenthesis and "(continued)", balanced
        assert lines[1].startswith("("), (lang, lines)
        for ln in lines:
            assert ln.count("(") == ln.count(")"), (lang, lines)
