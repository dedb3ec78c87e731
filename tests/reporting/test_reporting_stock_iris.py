"""Issue 20 (ar_B B11): the Arabic stock titles wrapped before "IRIS" — "… وفق تعريف" on one
line, "IRIS)" (on a continued page "IRIS) (تابع)") alone on the next — and the first column's
header said "الجنس × الفئة العمرية (IRIS)" under a title that already names the IRIS
definition. "IRIS" stays with its word, "(تابع)" with the title's end, and the header drops the
repeated "(IRIS)"."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from reporting_fixture import make_results
from reporting_testkit import FIXED

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.context import Label, build_context
from workbench.reporting.docx_cells import plain_text
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import make_styles

IRIS_AGE = {"en": "Age group (IRIS)", "fr": "Groupe d’âge (IRIS)", "ar": "الفئة العمرية (IRIS)"}


def _tables(flowables) -> list:
    out = []
    for f in flowables:
        if hasattr(f, "_cellvalues"):
            out.append(f)
        for attr in ("_content", "_flowables"):
            out += _tables(getattr(f, attr, None) or [])
    return out


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_stock_header_does_not_repeat_the_titles_iris(lang):
    r = make_results()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    ctx.disaggregations["age_group"] = Label(IRIS_AGE[lang])
    pub = r.publishable()
    tables = _tables(Builder(ctx, opts, make_styles(lang), 480.0, pub).stock())
    heads = [" ".join(plain_text(c) for c in t._cellvalues[0]) for t in tables]
    age = [h for h in heads if IRIS_AGE[lang].removesuffix(" (IRIS)") in h]
    assert age, heads  # the sex × age table, its rows named by the age group
    assert not [h for h in heads if "(IRIS)" in h], heads
    assert all("IRIS" in v.text for v in ctx.stock_titles.values())  # the titles say it


def _lines(pdf) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [re.sub(r"[\u200e\u200f\u202a-\u202e]", "", ln).strip() for ln in out.splitlines()]


def test_arabic_iris_and_continued_stay_with_their_words(tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed")
    opts = ReportOptions(language="ar", fixed_timestamp=FIXED, sections=("solutions",))
    pdf = build_report(make_results(districts=24, scale=0.3), tmp_path / "ar.pdf", opts,
                       audit=AuditList())  # fmt: skip
    lines = _lines(pdf)
    # a title's last line: "… وفق تعريف IRIS)", on a continued page "… IRIS) (تابع)"
    ends = [ln for ln in lines if re.search(r"IRIS\)(\s*\(تابع\))?$", ln)]
    assert ends
    alone = [ln for ln in ends if "تعريف" not in ln]  # "IRIS)" never a line by itself
    assert not alone, alone
    # "(IRIS)" never begins a line (the solutions' introduction: "… داخليًا" / "(IRIS). …")
    assert not [ln for ln in lines if ln.startswith("(IRIS)")]
    assert not [ln for ln in lines if ln.startswith("(تابع)") or ln == "(تابع)"]
    continued = [ln for ln in lines if "(تابع)" in ln and "IRIS" in ln]
    assert all("تعريف" in ln for ln in continued), continued


def test_a_continued_line_keeps_its_last_word():
    """The continued line is the title and "(تابع)" joined by a no-break space."""
    styles = make_styles("ar")
    t = make_table(["أ", "ب"], [["1", "2"]], [100.0, 100.0], styles, "ar", continued="عنوان")
    assert "عنوان\u00a0(تابع)" in plain_text(t.line)


@pytest.mark.parametrize(
    ("rows", "cols"), [("المنطقة", "المنطقة الأصلية"), ("سبب النزوح", "سنة النزوح")]
)
def test_an_arabic_stock_title_never_wraps_before_iris(rows, cols):
    """Measured: the demo's titles as headings, and as continued lines, wrapped at every width
    from a narrow column to the page's: no line begins with "IRIS" or "(تابع)"."""
    r = make_results()
    opts = ReportOptions(language="ar")
    styles = make_styles("ar")
    builder = Builder(build_context(r, opts), opts, styles, 480.0, r.publishable())
    title = Translator("ar")("stock_title_2", rows=rows, cols=cols)
    line = make_table(["أ"], [["1"]], [100.0], styles, "ar", continued=title).line
    for flowable in (builder.h(title, 1, "stock-x"), line):
        for width in range(200, 484, 3):
            flowable.wrap(float(width), 1000.0)
            lines = [ln.strip() for ln in flowable._inner._lines]
            assert len(lines) > 1 or width > 400
            bad = [ln for ln in lines if ln.startswith(("IRIS", "(تابع)"))]
            assert not bad, (width, lines)
