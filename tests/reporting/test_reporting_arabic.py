"""Arabic: shaped presentation forms, right-to-left order with mirrored brackets, RTL layout."""

from __future__ import annotations

import re
import shutil
import subprocess

import arabic_reshaper
import pikepdf
import pytest
from pypdf import PdfReader
from reporting_testkit import FIXED, sentinel_results

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.rtl import visual, wrap_logical


def test_visual_shapes_reorders_and_mirrors():
    out = visual("مقياس الحلول (iris_layered): «نص»")
    assert all(not ("\u0600" <= ch <= "\u06ff") for ch in out)  # only presentation forms remain
    assert any("\ufe70" <= ch <= "\ufeff" for ch in out)
    assert out.startswith("«") and "(iris_layered)" in out  # visual order, brackets mirrored
    assert visual("abc") == "abc"


def test_wrap_breaks_in_logical_order():
    lines = wrap_logical("واحد اثنان ثلاثة أربعة", 12, len)
    assert lines == ["واحد اثنان", "ثلاثة أربعة"]


@pytest.fixture(scope="module")
def arabic_report(tmp_path_factory):
    """One Arabic report (summary, criteria, validation) of two indicators, built once."""
    r = sentinel_results()
    keep = ["has_id", "hh_size"]
    r.estimates = r.estimates[r.estimates["indicator_id"].isin(keep)]
    r.comparisons = r.comparisons[r.comparisons["indicator_id"].isin(keep)]
    opts = ReportOptions(
        language="ar", fixed_timestamp=FIXED, sections=("summary", "criteria", "validation")
    )
    out = tmp_path_factory.mktemp("ar") / "ar.pdf"
    return build_report(r, out, opts, audit=AuditList())


@pytest.mark.slow
def test_arabic_report_text_is_shaped_and_right_aligned(arabic_report):
    out = arabic_report
    reader = PdfReader(str(out))
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    text = " ".join(p.extract_text() for p in reader.pages)
    assert re.search("[\ufe70-\ufeff]", text)
    # pypdf gives right-to-left runs back in logical order: the shaped forms must be there
    assert arabic_reshaper.reshape("الملخص التنفيذي") in text
    assert arabic_reshaper.reshape("يحملون بطاقة هوية وطنية") in text
    assert "7777" not in text
    # right alignment: the heading of the summary ends at the right margin
    page = reader.pages[2]
    xs: list[float] = []
    page.extract_text(
        visitor_text=lambda t, cm, tm, fd, fs: xs.append(tm[4]) if t.strip() else None
    )
    width = float(page.mediabox[2])
    assert max(xs) > width / 2


@pytest.mark.slow
def test_arabic_contents_give_each_entry_its_page_number(arabic_report):
    """reportlab's contents drew page numbers past the right margin in a right-to-left report."""
    out = arabic_report
    reader = PdfReader(str(out))
    page = reader.pages[1]  # cover, then the contents
    width = float(page.mediabox[2])
    numbers: list[tuple[float, int]] = []
    entries: list[float] = []

    def visit(t, cm, tm, fd, fs):  # type: ignore[no-untyped-def]
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        if y < 60:  # the page footer
            return
        if t.strip().isdigit():
            numbers.append((x, int(t)))
        elif re.search("[\ufe70-\ufeff]", t):
            entries.append(x)

    page.extract_text(visitor_text=visit)
    summary_page = next(
        i + 1
        for i, p in enumerate(reader.pages)
        if arabic_reshaper.reshape("الملخص التنفيذي") in (p.extract_text() or "") and i > 1
    )
    assert len(numbers) >= 3 and all(0 < x < width / 2 for x, _ in numbers)  # left column
    assert summary_page in {n for _, n in numbers}
    assert entries and min(entries) > width / 3  # entries right-aligned


def _actual_texts(path) -> list[str]:
    """The logical texts of every /ActualText span in the PDF's page content."""
    out = []
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for operands, op in pikepdf.parse_content_stream(page):
                if str(op) == "BDC" and len(operands) == 2:
                    props = operands[1]
                    if isinstance(props, pikepdf.Dictionary) and "/ActualText" in props:
                        out.append(str(props["/ActualText"]))
    return out


@pytest.mark.slow
def test_arabic_text_layer_is_searchable(arabic_report):
    """pdftotext (poppler: Evince, Okular) gives the report's Arabic back in logical order, in
    base letters: it printed every word reversed ('يذيفنتلا صخلملا') while the test accepted
    either order. The spans hold the letters, never presentation forms."""
    assert not re.search("[\ufe70-\ufeff]", " ".join(_actual_texts(arabic_report)))
    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed")
    out = subprocess.run(
        ["pdftotext", str(arabic_report), "-"], capture_output=True, check=True, text=True
    ).stdout
    out = re.sub("[\u200e\u200f\u202a-\u202e]", "", out)  # poppler's and our bidi marks
    for phrase in (
        "الملخص التنفيذي",
        "يحملون بطاقة هوية وطنية",
        "المعيار 5: Access to documentation [en]",
        "46.2% مقابل 59.8%",
    ):
        assert phrase in out
    assert "الملخص التنفيذي"[::-1] not in out
    assert not re.search("[\ufe70-\ufeff]", out)  # no presentation form left anywhere


@pytest.mark.slow
def test_arabic_report_writes_one_percent_sign(arabic_report):
    """Read page by page, the Arabic summary mixed "فترة ثقة 95٪" with "0.0%": the numbers are
    written with Western digits and "%", and so is every catalogue string (one sign throughout)."""
    from workbench.reporting.i18n import catalog

    assert not [k for k, v in catalog("ar").items() if "\u066a" in v]
    joined = " ".join(_actual_texts(arabic_report))
    assert "%" in joined and "\u066a" not in joined


def test_an_age_group_reads_the_same_in_a_label_and_alone():
    """The Arabic stock table printed "أنثى × 18–24" as "24–18 × أنثى" while the age group's own
    row (no Arabic in the cell) read "18–24": a range of numbers is kept left to right in both
    files (PDF: embedded run; Word: a left-to-right run)."""
    from workbench.reporting.rtl import ltr_runs, visual

    for label in ("18–24", "0–4", "25–59"):
        assert label in visual(f"أنثى × {label}", True) and visual(label) == label
        assert (label, True) in ltr_runs(f"ذكر × {label}")
    # a single number is kept left to right too, its percent sign after it
    assert visual("مقابل 60.3%", True).startswith("60.3%")


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_an_interval_with_no_break_spaces_reads_low_to_high_as_in_the_tables(space):
    """rd22 ar (briefing p.2–3, report p.5): a sentence's interval, its dash joined to the
    number after it by a no-break space, read "12.9 – 7.1" beside the tables' "7.1 – 12.9" —
    the range was not kept left to right when its spaces were no-break ones. In the PDF's
    visual order and in the Word file's left-to-right runs alike."""
    from workbench.reporting.rtl import ltr_runs, word_runs

    interval = f"7.1{space}–{space}12.9"
    text = f"9.6% (فترة ثقة 95%: {interval}) مقابل 81.8%"
    shown = visual(text, True).replace("\u00a0", " ").replace("\u202f", " ")
    assert "7.1 – 12.9" in shown, shown
    assert (interval, True) in ltr_runs(text)
    assert any(interval in run and latin for run, latin in word_runs(text)), word_runs(text)
