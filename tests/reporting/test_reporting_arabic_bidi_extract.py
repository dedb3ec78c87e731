"""Mixed-direction values of the Arabic report as readers get them back (issue 20, ar 1).

The PDF draws a p-value cell "< 0.001 (< 0.001)" as "(< 0.001) < 0.001" (the first number on
the right, each "<" before its number), but poppler's extraction (pdftotext, a copy in Evince)
left the first "<" out of the number's left-to-right run: read back, the cell showed
"0.001 > (0.001 >)", its two halves built in opposite directions.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pdfplumber
import pytest
from reportlab.platypus import SimpleDocTemplate

from workbench.reporting.charts_text import LRI, PDI, _txt
from workbench.reporting.fmt import fmt_ci, fmt_diff, fmt_value
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_tables import _cell
from workbench.reporting.pdf_text import RTLParagraph, make_styles, para
from workbench.reporting.rtl import ISOLATE, word_runs

LRE, RLE, POP = "\u202a", "\u202b", "\u202c"
#: p-value cells of an Arabic indicator table, raw and adjusted
CELLS = ["<\u00a00.001 (<\u00a00.001)", "0.819 (0.819)", "0.168 (0.280)"]


def _extracted(tmp_path, texts: list[str]) -> list[str]:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed")
    styles = make_styles("ar")
    out = tmp_path / "cells.pdf"
    flow = []
    for text in texts:
        cell = _cell(text, styles.cell, "ar", 200)
        assert isinstance(cell, RTLParagraph)
        flow.append(cell)
    SimpleDocTemplate(str(out)).build(flow)
    got = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True, text=True)
    return [ln for ln in got.stdout.splitlines() if ln.strip()]


def _levels(line: str) -> list[tuple[str, str]]:
    """Each character of an extracted line with the embedding it sits in (LRE or RLE)."""
    stack, out = [RLE], []
    for ch in line:
        if ch in (LRE, RLE):
            stack.append(ch)
        elif ch == POP:
            stack.pop()
        else:
            out.append((ch, stack[-1]))
    return out


def test_a_p_value_cell_extracts_each_sign_with_its_number(tmp_path):
    """Each "<" and each number in one left-to-right embedding, the brackets between them on
    the Arabic side: then a reader (a bidi display of the copied text) sees the cell as the
    page shows it, "(< 0.001) < 0.001". Before, the first "<" sat in the right-to-left
    embedding and both numbers with the "(" between them in one left-to-right run."""
    lines = _extracted(tmp_path, CELLS)
    assert len(lines) == len(CELLS)
    for line in lines:
        levels = _levels(line)
        assert all(level == LRE for ch, level in levels if ch in "<0123456789."), line
        assert all(level == RLE for ch, level in levels if ch in "()"), line
        # two numbers, two runs
        assert line.count(LRE) == 2, line


def test_the_page_draws_the_p_value_cell_right_to_left(tmp_path):
    """What the extraction must agree with: the glyphs as they lie, left to right."""
    _extracted(tmp_path, CELLS[:1])
    with pdfplumber.open(str(tmp_path / "cells.pdf")) as pdf:
        chars = sorted(pdf.pages[0].chars, key=lambda c: c["x0"])
    assert "".join(c["text"] for c in chars).replace("\u00a0", " ") == "(< 0.001) < 0.001"


@pytest.mark.parametrize(
    "text, run",
    [
        ("<\u00a00.001 (<\u00a00.001)", "<\u00a00.001"),
        ("الفرق +21.4\u00a0نقطة", "+21.4"),
        ("الفرق −654\u00a0FRD", "−654\u00a0FRD"),  # an amount: its code with it
        ("10+ × ذكور", "10+"),
        ("فترة ثقة 95%", "95%"),
    ],
)
def test_word_isolates_each_sign_with_its_digits(text, run):
    """The Word report: each sign, percent and open group's "+" in its number's isolate (a
    ``w:rtl`` run would put it on the other side in Word and LibreOffice)."""
    isolated = [p for p, ltr in word_runs(text) if ltr and p.startswith(ISOLATE[0])]
    assert ISOLATE[0] + run + ISOLATE[1] in isolated


#: an amount as the report writes it: in a table cell (no Arabic), in a sentence of the report
#: (a difference in the catalogue's words) and in a plan's note (a plain space before the code)
_NOTE = "خط الفقر الوطني في فريدونيا: 1,250 FRD للفرد في الشهر."


def _drawn_lines(tmp_path, flow) -> list[str]:
    """Each drawn line's characters as they lie on the page, left to right."""
    out = tmp_path / "amounts.pdf"
    SimpleDocTemplate(str(out)).build(flow)
    with pdfplumber.open(str(out)) as pdf:
        rows: dict[int, list] = {}
        for c in pdf.pages[0].chars:
            rows.setdefault(round(c["top"]), []).append(c)
    return [
        "".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"])).replace("\u00a0", " ")
        for _, cs in sorted(rows.items())
    ]


def _code_sides(line: str) -> list[str]:
    """Where each "FRD" of a drawn line stands: "right" of its number, as the tables draw
    "1,196 FRD", or "left" ("FRD 1,250")."""
    sides = []
    for m in re.finditer("FRD", line):
        if re.search(r"\d ?$", line[: m.start()]):
            sides.append("right")
        elif re.match(r" ?[−+]?\d", line[m.end() :]):
            sides.append("left")
    return sides


def test_an_amount_is_drawn_alike_in_a_sentence_and_a_table(tmp_path):
    """The currency code on the right of its number wherever the Arabic report draws an
    amount: a table cell drew "1,196 FRD", a sentence "FRD 1,250" (the code and the number were
    two runs, reordered right to left)."""
    styles = make_styles("ar")
    tr = Translator("ar")
    size = fmt_diff(654.0, "money", "ar", tr("unit_pp"), signed=False, currency="FRD")
    sentence = tr("gap_higher", size=size)
    cells = [
        fmt_value(1196.0, "money", "ar", currency="FRD"),
        fmt_diff(-654.0, "money", "ar", tr("unit_pp"), currency="FRD"),
        fmt_ci(1096.0, 1295.0, "money", "ar", currency="FRD"),
    ]
    flow = [para(sentence, styles.body, "ar"), para(_NOTE, styles.body, "ar")]
    flow += [_cell(text, styles.cell, "ar", 200) for text in cells]
    lines = _drawn_lines(tmp_path, flow)
    sides = [_code_sides(line) for line in lines]
    assert sides == [["right"]] * 5, lines
    assert "−654 FRD" in lines[3] and "1,096 – 1,295 FRD" in lines[4]


def test_an_amount_is_one_isolate_in_word_and_charts():
    """The Word report and the charts hold an amount left to right as one run, its sign and
    code with it (two isolates put the code on the number's left, as the PDF did)."""
    amount = "−654\u00a0FRD"
    isolated = [p for p, ltr in word_runs(f"الفرق {amount} في") if ltr]
    assert isolated == [ISOLATE[0] + amount + ISOLATE[1]]
    assert _txt(_NOTE) == _NOTE.replace("1,250 FRD", LRI + "1,250 FRD" + PDI)
    # a flag after the code stays outside the isolate in Word, after the amount as drawn
    assert [p for p, _ in word_runs("أ 1,196\u00a0FRD† ب")][1:3] == [
        ISOLATE[0] + "1,196\u00a0FRD" + ISOLATE[1],
        "†",
    ]
