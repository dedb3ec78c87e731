"""The Arabic PDF's text layer and bidi faults readers found (issue 20).

The text layer: pdftotext printed every Arabic word reversed ("يذيفنتلا صخلملا") because each
line's /ActualText held the logical text and poppler, taking those characters for glyphs laid
left to right, reversed its right-to-left runs. The spans now hold the letters as they lie on
the page, so poppler's own reordering gives the logical line back. Checked twice: against a
model of poppler's rule (runs everywhere) and with poppler itself on a real PDF.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from reportlab.lib.pagesizes import landscape
from reportlab.platypus import SimpleDocTemplate

from workbench.reporting.pdf_tables import _cell
from workbench.reporting.pdf_text import RTLParagraph, make_styles
from workbench.reporting.rtl import (
    ISOLATE,
    RLM,
    ltr_runs,
    text_layer,
    visual,
    without_marks,
    word_runs,
)

#: lines where a naive layer goes wrong: numbers and percent signs, a range, Latin runs with
#: brackets, a bracket closing after Latin, a line ending in neutrals, a bullet, lam-alef
LINES = [
    "الملخص التنفيذي",
    "مارس–أبريل 2026 (العمل الميداني)",
    "• العائدون: وضع أسوأ من المجتمع المضيف في «الوصول إلى الصرف الصحي»: 9.3% مقابل 60.3%.",
    "فترات الثقة هي فترات 95% قائمة على تصميم المسح (الطريقة: logit).",
    "• IDPs in camps [en]: وضع أسوأ (DS 5.1.1)",
    "● لا فجوة ذات دلالة 0/2",
    "p (المعدّلة)",
    "الفرق +21.4 نقطة، −4.1 نقطة",
    "أنثى × 18–24",
    "بصمة مجموعة البيانات: freedonia_household",
    "سجل تنظيف freedonia_household (الإدخالات: 0)",
    "2.1.12]",
    "الصفحة 3 من 67",
    "■ أسوأ 3/4 · 2026-12-06",
    "1,952†",
    "DHS (إخفاء n < 25، الحذر n < 50).",
]
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")


def _poppler_reads(page: str) -> str:
    """poppler's TextOutputDev ``reorderText`` for a line on a mostly right-to-left page (read
    from its right end: characters that are not left-to-right or numeric reversed, the others
    kept), character classes as pdftotext 22.12 showed them one by one; marks dropped."""

    def ltr(ch: str) -> bool:
        return unicodedata.bidirectional(ch) in ("L", "EN", "ES", "ET", "CS", "AN")

    def rtl(ch: str) -> bool:
        return unicodedata.bidirectional(ch) in ("R", "AL")

    out, i = [], len(page) - 1
    while i >= 0:
        j = i
        while j >= 0 and not ltr(page[j]):
            j -= 1
        out.append(page[j + 1 : i + 1][::-1])
        i = j
        while j >= 0 and not rtl(page[j]):
            j -= 1
        out.append(page[j + 1 : i + 1])
        i = j
    return _MARKS.sub("", "".join(out))


def test_the_text_layer_reads_back_in_logical_order_by_poppler_rule():
    for line in LINES:
        assert _poppler_reads(text_layer(line)) == line, line
    # the old layer (the logical text itself) came out reversed: the test can tell
    assert _poppler_reads("الملخص التنفيذي") == "يذيفنتلا صخلملا"
    # marks only where poppler would move neutrals: none in plain Arabic
    assert RLM not in text_layer("الملخص التنفيذي")
    assert not re.search("[\ufe70-\ufeff]", text_layer(LINES[2]))  # letters, not forms


def _pdftotext(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True)
    return _MARKS.sub("", out.stdout)


def test_pdftotext_gives_each_drawn_line_back(tmp_path):
    """Each line drawn as the report draws it (shaped, reordered, with its span): pdftotext
    prints the logical line, character for character."""
    styles = make_styles("ar")
    out = tmp_path / "lines.pdf"
    doc = SimpleDocTemplate(str(out), pagesize=landscape((842, 1190)))
    doc.build([RTLParagraph(line, styles.body) for line in LINES])
    got = [ln.strip() for ln in _pdftotext(out).splitlines() if ln.strip()]
    assert got == LINES


def test_brackets_and_numbers_around_latin_keep_their_places():
    """'(الطريقة: logit).' came out '(logit.': the Latin run took the closing bracket, whose
    partner is before the Arabic; a bracket belongs to a run only with its partner."""
    shown = visual("(الطريقة: logit).", True)
    assert shown.startswith(".(logit :") and shown.endswith(")")
    assert "logit)" not in shown
    assert ("(logit)", True) in ltr_runs("نموذج (logit) للاحتمال")
    assert "IDPs in camps [en]" in visual("• IDPs in camps [en]: وضع أسوأ (DS 5.1.1)")
    assert visual("الاتصال: profiling@stats.example").startswith("profiling@stats.example :")
    # a condition reads as written, not mirrored into "25 > n"
    shown = visual("(إخفاء n < 25، الحذر n < 50).", True)
    assert "n < 25" in shown and "n < 50" in shown and "25 > n" not in shown
    assert ("CV > 30%", True) in ltr_runs("معامل الاختلاف CV > 30% مرتفع")


def test_numbers_read_alike_in_sentences_cells_and_word():
    """The PDF's sentences wrote '%50.0' (a number after Arabic resolved as an Arabic number)
    while its table cells and the Word file wrote '50.0%'; signs went to the right ('21.4+')."""
    assert "50.0% " in visual("عندما تكون 50.0% على الأقل", True)
    assert visual("مقابل 60.3%", True).startswith("60.3%")
    assert "+21.4 " in visual("الفرق +21.4 نقطة", True)
    assert visual("−4.1 نقطة", True).endswith(" −4.1")
    assert "41.2† " in visual("القيمة 41.2† هنا", True)
    assert ("+21.4", True) in ltr_runs("الفرق +21.4 نقطة")  # a left-to-right run in Word
    # numbers joined without a space are one run: a count of cells, a date, a range
    assert visual("■ أسوأ 3/4", True).startswith("3/4 ")  # it read "4/3"
    assert visual("التاريخ 2026-12-06", True).startswith("2026-12-06 ")
    assert "18–24" in visual("بين 18–24 سنة", True)
    assert visual("1. يقيم", True).endswith(" .1")  # a list number as Word shows it in Arabic


def test_a_p_value_cell_reads_in_its_header_order():
    """Header 'p (المعدّلة)' reads right to left (p on the right) while its cells '<0.001
    (<0.001)' were drawn left to right: the adjusted value stood under 'p'."""
    styles = make_styles("ar")
    header = visual("p (المعدّلة)", True)
    assert header.endswith(" p")  # p on the right
    cell = _cell("<0.001 (0.012)", styles.cell, "ar", 200)
    assert isinstance(cell, RTLParagraph)
    cell.wrap(200, 100)
    assert visual(cell.text, cell.right_to_left) == "(0.012) <0.001"  # p on the right, too
    assert _cell("47.7%", styles.cell, "ar", 200) == "47.7%"  # one number: a plain string
    assert _cell("43.9 – 51.7", styles.cell, "ar", 200) == "43.9 – 51.7"  # poppler reads it
    assert isinstance(_cell("1,952†", styles.cell, "ar", 200), RTLParagraph)  # poppler: †1,952
    assert _cell("<0.001 (0.012)", styles.cell, "en", 200) == "<0.001 (0.012)"


def test_word_runs_isolate_numbers_and_symbols():
    """'● لا فجوة' in one right-to-left run lost its space in LibreOffice and the symbol was
    drawn over the lam-alef; LibreOffice orders a paragraph by its characters alone (w:rtl on
    runs does not count there) and showed '<0.001 (<0.001)' as ')0.001<(0.001<', '+21.4' as
    '21.4+', the cover's date '06-12-2026': each left-to-right run is isolated in the text."""
    runs = word_runs("● لا فجوة ذات دلالة 0/2")
    assert runs[0] == ("●", True) and runs[1] == (" لا فجوة ذات دلالة ", False)
    assert runs[2] == (ISOLATE[0] + "0/2" + ISOLATE[1], True)
    assert without_marks("".join(p for p, _ in runs)) == "● لا فجوة ذات دلالة 0/2"
    assert word_runs("– لا توجد حالات")[0] == ("–", True)  # the tables' footnote
    # no Arabic: one left-to-right run, as the PDF draws it (the footer's note)
    note = "freedonia v1 · f5e582a632ae"
    assert word_runs(note) == [(ISOLATE[0] + note + ISOLATE[1], True)]
    assert word_runs(note + "    ")[-1] == ("    ", False)  # the gap before the page number
    assert [p for p, ltr in word_runs("<0.001 (<0.001)") if ltr] == [
        ISOLATE[0] + "<0.001" + ISOLATE[1]
    ] * 2


def test_a_hash_is_one_left_to_right_run():
    """The Arabic briefing printed the results fingerprint 02f4a08ddf30 as 'f4a08ddf3002': the
    number '02' and the Latin 'f4a08ddf30' were two runs, which the right-to-left order swapped
    (PDF), and two isolates in Word. Runs that touch are one run."""
    line = "بصمة النتائج 02f4a08ddf30؛ انظر التقرير"
    assert ("02f4a08ddf30", True) in ltr_runs(line)
    assert "02f4a08ddf30" in visual(line, True)
    assert [p for p, ltr in word_runs(line) if ltr] == [ISOLATE[0] + "02f4a08ddf30" + ISOLATE[1]]
