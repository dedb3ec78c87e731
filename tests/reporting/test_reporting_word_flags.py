"""A number's flag in the Arabic Word report (issue 20, ar_B 3): in "أقل من 0.5%†" the "†" sat
inside the left-to-right isolate around the number ("أقل من ‏‪0.5%†‬‏"), so LibreOffice drew
the dagger between "من" and the number ("أقل من †0.5%", as if part of it), where the PDF draws it
after the number. The flag now follows the isolate, a run of its own."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from test_reporting_docx_table import _meta

from workbench.reporting.docx_render import DocxRenderer
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.rtl import ISOLATE, word_runs

BOUND = "أقل من 0.5%"


def test_an_arabic_cells_flag_follows_the_numbers_isolate_in_word() -> None:
    styles = make_styles("ar")
    rows = [["ذكور", BOUND + "†", "1.2%†"], ["إناث", BOUND, "34,863†‡"]]
    table = make_table(["الجنس", "النازحون", "العائدون"], rows, [150, 100, 100], styles, "ar")
    r = DocxRenderer(_meta("ar"))
    r.add([table])
    doc = Document(io.BytesIO(r.finish()))
    cells = {}
    for row in doc.tables[0].rows:
        for c in row.cells:
            runs = [
                "".join(t.text or "" for t in run.iter(qn("w:t"))) for run in c._tc.iter(qn("w:r"))
            ]
            cells["".join(runs)] = runs
    isolated = ISOLATE[0] + "0.5%" + ISOLATE[1]
    flagged = "أقل من " + isolated + "†"
    assert flagged in cells, list(cells)
    # the dagger a run of its own, after the number's isolate (read back in that order)
    assert cells[flagged][-2:] == [isolated, "†"], cells[flagged]
    assert "أقل من " + isolated in cells  # no flag: as before
    # a number alone in its cell stays one left-to-right run, its flag with it
    assert "1.2%†" in cells and cells["1.2%†"] == ["1.2%†"]


def test_word_runs_put_a_flag_outside_the_isolate_only_in_arabic_text() -> None:
    pieces = [p for p, _ltr in word_runs("القيمة 41.2† هنا")]
    assert pieces[1:3] == [ISOLATE[0] + "41.2" + ISOLATE[1], "†"], pieces
    assert [p for p, _ in word_runs("41.2†")] == [ISOLATE[0] + "41.2†" + ISOLATE[1]]
