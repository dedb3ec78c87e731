"""Issue 20: money tables carry their currency in their cells, read back from the PDF and the
Word report. Readers saw "1,196" and "1,096 – 1,295" under "Estimate" and "95% CI" with FRD
only in a line above the table ("Amounts in FRD, whole units.") and in the difference
column ("−654 FRD"): a table copied alone, or edited in Word, lost its unit. An amount now
reads "1,196 FRD" and its interval "1,096 – 1,295 FRD", as a share reads "35.6%"."""

from __future__ import annotations

import dataclasses
import re

import docx
import pytest
from reporting_fixture import make_results
from reporting_testkit import FIXED
from test_reporting_pdf import page_texts

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.build import gate
from workbench.reporting.i18n import Translator

LANGS = ["en", "fr", "es", "ar"]
NBSP = "\u00a0"


def money_results():
    """The fixture with "Average household size" turned into an amount of money, in FRD."""
    r = make_results()
    est = r.estimates
    est.loc[est["indicator_id"] == "hh_size", ["estimate", "ci_low", "ci_high"]] *= 1000
    texts = r.snapshot.texts
    inds = tuple(
        dataclasses.replace(i, measure="money") if i.id == "hh_size" else i
        for i in texts.indicators
    )
    info = dict(texts.report_info) | {"currency": "FRD"}
    r.snapshot = dataclasses.replace(
        r.snapshot, texts=dataclasses.replace(texts, indicators=inds, report_info=info)
    )
    return r


@pytest.mark.parametrize("lang", LANGS)
def test_money_cells_carry_the_currency(lang) -> None:
    """Every estimate, interval and breakdown cell of a money table ends with " FRD" (a
    no-break space: the unit never wraps away from its number); shares keep theirs bare."""
    _ctx, views, validation = gate(
        money_results(), ReportOptions(language=lang, fixed_timestamp=FIXED)
    )
    v = views["hh_size"]
    money = NBSP + "FRD"
    published = [row for row in v.table.rows if row[1].strip("*–")]
    assert published, v.table.rows
    for row in published:
        assert row[1].rstrip("†\u202f").endswith(money), row  # the estimate
        assert row[2].endswith(money) or row[2] == "‡", row  # its interval
        assert re.search(r"\d", row[1]) and " – " in row[2], row
    cells = [c for _d, _l, t, _c in v.disaggregations for row in t.rows for c in row[1:]]
    assert any(c.rstrip("†\u202f").endswith(money) for c in cells)
    assert all(c.rstrip("†\u202f").endswith(money) for c in cells if c not in ("*", "–", "")), cells
    # a share is not money: its cells have no currency
    share = views["female_head"]
    assert not any("FRD" in c for row in share.table.rows for c in row)
    assert not any(f.code == "report.chart_equals_table" for f in validation.findings)


def test_the_amounts_line_reads_naturally() -> None:
    """« Montants en FRD, en unités entières. » is not French; every language says the amounts
    are rounded to the unit."""
    expected = {
        "en": "Amounts in FRD, whole units.",
        "fr": "Montants en FRD, arrondis à l’unité.",
        "es": "Importes en FRD, redondeados a la unidad.",
        "ar": "المبالغ بعملة FRD، مقرّبة إلى أقرب وحدة.",
    }
    for lang, text in expected.items():
        assert Translator(lang)("amounts_in", currency="FRD") == text


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_pdf_and_word_money_tables_show_the_currency_in_the_cells(tmp_path, lang) -> None:
    """The module A part of a report, in the PDF's text and the Word file's table: the money
    table's estimate and interval cells carry FRD."""
    r = money_results()
    pdf, word = tmp_path / "r.pdf", tmp_path / "r.docx"
    opts = ReportOptions(
        language=lang, fixed_timestamp=FIXED, sections=("profile",), docx_path=word, pdfa=False
    )
    build_report(r, pdf, opts, audit=AuditList())
    _ctx, views, _v = gate(money_results(), ReportOptions(language=lang, fixed_timestamp=FIXED))
    table = views["hh_size"].table
    estimate, interval = table.rows[0][1], table.rows[0][2]
    text = re.sub(r"\s+", " ", " ".join(page_texts(pdf)).replace(NBSP, " "))
    number = re.sub(r"\s+", " ", estimate.replace(NBSP, " ").rstrip("†FRD ").strip())
    low = interval.split(" – ")[0].replace(NBSP, " ")
    # (the Arabic text layer keeps each left-to-right run in reading order too)
    assert f"{number} FRD" in text, (number, text[:2000])
    assert re.search(re.escape(low) + r" – [\d ,.]+ FRD", text), low
    word_cells = [
        c.text for t in docx.Document(str(word)).tables for row in t.rows for c in row.cells
    ]
    assert estimate in word_cells and interval in word_cells


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_money_interval_is_not_broken_after_its_dash(lang) -> None:
    """Measured: the interval column of a money table is as wide as its widest interval with
    its currency ("5 346 – 5 599 FRD" broke after the dash while the group names had room);
    the currency counts as part of the number."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from workbench.reporting.pdf_tables import PAD, indicator_table
    from workbench.reporting.pdf_text import make_styles

    _ctx, views, _v = gate(money_results(), ReportOptions(language=lang, fixed_timestamp=FIXED))
    t = views["hh_size"].table
    styles = make_styles(lang)
    table = indicator_table(t, 480.0, styles, lang)
    widths = list(reversed(table._colWidths)) if lang == "ar" else table._colWidths
    font, size = styles.cell.fontName, styles.cell.fontSize
    widest = max(stringWidth(row[2], font, size) for row in t.rows)
    assert widths[2] >= widest + PAD, (widths, widest)
