"""A money table's difference header on two lines at most (issue 20, fr_A 4): the French
demo's mean income table wrapped "Écart (réf. : / Communauté / d'accueil)" onto three lines —
the fault the issue names — while "< 0,001 (< 0,001)" kept its line beside it. Where the
columns cannot all keep their lines, a raw and adjusted p value goes onto two lines first.
Measured on the PDF table (reportlab's own line breaking), in English, French and Arabic."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4

from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_doc import MARGIN
from workbench.reporting.pdf_tables import indicator_table
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.views import TableData

N = "\u00a0"
#: the demo's rows (report p.36), in each language's number style
ROWS = {
    "en": ["1,196", "1,096 – 1,295", "−654", "< 0.001 (< 0.001)", "0.007 (0.009)"],
    "fr": [f"1{N}196", f"1{N}096 – 1{N}295", "−654", f"<{N}0,001 (<{N}0,001)", "0,007 (0,009)"],
    "ar": ["1,196", "1,096 – 1,295", "−654", "< 0.001 (< 0.001)", "0.007 (0.009)"],
}
GROUPS = {
    "en": ["IDPs in camps", "IDPs outside camps", "Returnees", "Host community"],
    "fr": [
        "PDI dans les camps",
        "PDI hors des camps",
        "Personnes retournées",
        "Communauté d'accueil",
    ],
    "ar": [
        "النازحون داخليًا في المخيمات",
        "النازحون داخليًا خارج المخيمات",
        "العائدون",
        "المجتمع المضيف",
    ],
}
#: the frame's width on an A4 page (the page's margins and the frame's padding of 6 pt)
WIDTH = A4[0] - 2 * MARGIN - 12


def _table(lang: str) -> TableData:
    tr = Translator(lang)
    *groups, host = GROUPS[lang]
    est, ci, diff, p1, p2 = ROWS[lang]
    header = [tr("col_group"), tr("col_estimate"), tr("col_ci"), "n",
              tr("col_difference", comparator=host), tr("col_assessment"), tr("col_p")]  # fmt: skip
    worse = tr("assessment_worse")
    rows = [[g, f"{est}{N}FRD", f"{ci}{N}FRD", "513", f"{diff}{N}FRD", worse, p]
            for g, p in zip(groups, [p1, p2, p2], strict=True)]  # fmt: skip
    label = f"{host} ({tr('comparator_tag')})"
    rows.append([label, f"{est}{N}FRD", f"{ci}{N}FRD", "773", "", "", ""])
    return TableData(header, rows, comparator_row=3)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_difference_header_of_a_money_table_takes_two_lines_at_most(lang):
    t = _table(lang)
    table = indicator_table(t, WIDTH, make_styles(lang), lang)
    header, widths = table._cellvalues[0], table._colWidths
    if lang == "ar":
        header, widths = header[::-1], widths[::-1]
    assert abs(sum(widths) - WIDTH) < 1.0
    for j, (cell, w) in enumerate(zip(header, widths, strict=True)):
        _w, height = cell.wrap(w - 6, 1e6)  # the cell's padding: 3 pt each side
        lines = round(height / cell.style.leading)
        assert lines <= 2, (lang, t.header[j], round(w, 1), lines)


def test_a_money_table_wraps_the_comparators_tag_not_every_p_value():
    """rd18 en p.45/47 (Word p.43/45): "< 0.001 / (< 0.001)" wrapped on every row of the
    income tables so that "Host community (comparator)" kept one line; where the other columns
    fit whole beside the groups' names, only the comparator's tag goes onto a second line."""
    lang = "en"
    t = _table(lang)
    table = indicator_table(t, WIDTH, make_styles(lang), lang)
    table.wrap(WIDTH, 1e6)
    heights = table._rowHeights[1:]  # the body rows, the header left out
    one_line = min(heights)
    tall = [i for i, h in enumerate(heights) if h > one_line + 1.0]
    assert tall == [t.comparator_row], (tall, [round(h, 1) for h in heights])
    assert abs(sum(table._colWidths) - WIDTH) < 1.0
