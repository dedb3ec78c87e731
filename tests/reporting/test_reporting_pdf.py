"""The PDF parsed back: numbers equal the results, nothing suppressed leaks, fonts embedded,
outline + metadata present, French fully translated, deterministic bytes."""

from __future__ import annotations

import json
import re

import pikepdf
import pytest
from pypdf import PdfReader
from reporting_testkit import FIXED, SENTINEL, sentinel_results

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.fmt import fmt_ci, fmt_count, fmt_value, mark_flag, with_flag
from workbench.reporting.i18n import CATALOG_DIR

pytestmark = pytest.mark.slow  # the module's fixtures write whole reports (en, fr)


def page_texts(path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def lines_of(texts: list[str]) -> list[str]:
    return [ln.strip() for t in texts for ln in t.splitlines()]


def test_every_table_number_equals_the_results(en_report):
    texts = page_texts(en_report)
    lines = lines_of(texts)
    r = sentinel_results().publishable()
    est = r.estimates
    labels = {
        "1": "IDPs in camps",
        "2": "IDPs outside camps",
        "3": "Returnees",
        "4": "Host community (comparator)",
    }
    checked = 0
    for rec in est[est["disaggregation"] == "total"].itertuples():
        stat = rec.statistic
        mark = mark_flag(rec.flag, getattr(rec, "suppression", ""))  # "(*)": a complement
        cells = [with_flag(fmt_value(rec.estimate, stat, "en"), mark)]
        if rec.flag != "suppressed":
            cells.append(fmt_ci(rec.ci_low, rec.ci_high, stat, "en"))
        if rec.flag != "suppressed":  # a suppressed cell's n is not published (blank cell)
            cells.append(fmt_count(rec.n, "en"))
        else:
            assert fmt_count(rec.n, "en") == ""
        expected = [labels[rec.group], *cells]  # one extracted line per table cell
        k = len(expected)
        assert any(lines[i : i + k] == expected for i in range(len(lines) - k)), expected
        checked += 1
    assert checked == 80


def test_no_suppressed_value_anywhere(en_report, fr_report):
    raw = en_report.read_bytes()
    for path in (en_report, fr_report):
        text = "\n".join(page_texts(path))
        assert "7777" not in text and "77.78" not in text and "77,78" not in text
        assert "*" in text
    # the sentinel is not hidden in any stream either (e.g. as chart data or metadata)
    with pikepdf.open(en_report) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") != "/Image":
                data = obj.read_bytes()
                assert b"7777.8" not in data and b"77.78" not in data
    assert str(SENTINEL).encode() not in raw


def test_small_cells_symbol_has_a_footnote(en_report):
    text = "\n".join(page_texts(en_report))
    assert "* Not published" in text and "† Interpret with caution" in text
    assert re.search(r"\d\.\d%†", text)


def test_fonts_are_all_embedded(en_report):
    with pikepdf.open(en_report) as pdf:
        seen = 0
        for page in pdf.pages:
            for _name, font in page.Resources.get("/Font", {}).items():
                seen += 1
                fonts = [font, *list(font.get("/DescendantFonts", []))]
                assert any(
                    "/FontDescriptor" in f
                    and ("/FontFile2" in f.FontDescriptor or "/FontFile3" in f.FontDescriptor)
                    for f in fonts
                ), font.get("/BaseFont")
        assert seen > 0


def test_outline_metadata_language_and_page_numbers(en_report, fr_report):
    reader = PdfReader(str(en_report))
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert (
        "Executive summary" in titles
        and "Validation annex" in titles
        and "Methodology annex" in titles
    )
    meta = reader.metadata
    assert meta.title == "Durable solutions analysis"
    assert meta.author == "Freedonia Statistics Office"
    assert "freedonia v3" in meta.subject and meta.creator.startswith("Durable Solutions Workbench")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    n = len(reader.pages)
    texts = page_texts(en_report)
    for i, t in enumerate(texts, start=1):
        assert f"Page {i} of {n}" in t
    fr = PdfReader(str(fr_report))
    assert fr.trailer["/Root"]["/Lang"] == "fr"
    assert [round(float(x)) for x in fr.pages[0].mediabox[2:]] == [612, 792]
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [595, 842]
    assert "Page 1 sur" in page_texts(fr_report)[0]


def test_validation_annex_traces_the_run(en_report):
    text = "\n".join(page_texts(en_report)[-3:])
    from workbench.reporting.fingerprint import results_hash

    assert results_hash(sentinel_results()) in text.replace("\n", "")
    assert "cd" * 32 in text.replace("\n", "") and "ab" * 32 in text.replace("\n", "")
    # the check by its name, not its internal code (fr_B rd13 9: the "Code" column is gone)
    flat = " ".join(text.split())
    assert "Estimates to interpret with caution" in flat and "No justification given." in flat
    assert "report.caution_estimates" not in text


def test_french_report_has_no_untranslated_english_label(fr_report):
    text = " ".join(page_texts(fr_report))
    text = re.sub(r"\s+", " ", text)
    en = json.loads((CATALOG_DIR / "en.json").read_text(encoding="utf-8"))
    fr = json.loads((CATALOG_DIR / "fr.json").read_text(encoding="utf-8"))
    leaks = []
    for key, value in en.items():
        for part in re.split(r"\{[a-z_]+\}", value):
            part = part.strip(" :.,()“”")
            if len(part) > 5 and part not in fr[key] and part in text:
                leaks.append((key, part))
    from reporting_fixture import GROUPS, INDICATORS

    for _code, _role, labels in GROUPS:
        if labels["en"] in text:
            leaks.append(("group", labels["en"]))
    for ind in INDICATORS:
        if ind[5] in text:
            leaks.append(("indicator", ind[5]))
    assert not leaks
    assert "Résumé analytique" in text and "Annexe de validation" in text


def test_untranslated_labels_are_marked(report_dir):
    """Spanish: two indicator titles have no translation; they are shown in English with [en]."""
    r = sentinel_results()
    keep = ["victim_violence", "has_id"]
    r.estimates = r.estimates[r.estimates["indicator_id"].isin(keep)]
    r.comparisons = r.comparisons[r.comparisons["indicator_id"].isin(keep)]
    out = build_report(
        r,
        report_dir / "es.pdf",
        ReportOptions(language="es", fixed_timestamp=FIXED, sections=("criteria",), pdfa=False),
        audit=AuditList(),
    )
    text = re.sub(r"\s+", " ", " ".join(page_texts(out)))
    assert "Victim of violence in the past 12 months [en]" in text
    assert "Tienen documento nacional de identidad" in text and "Identity" not in text


def _small(report_dir, name: str):
    r = sentinel_results()
    keep = ["has_id", "food_insecure", "hh_size"]
    r.estimates = r.estimates[r.estimates["indicator_id"].isin(keep)].reset_index(drop=True)
    r.comparisons = r.comparisons[r.comparisons["indicator_id"].isin(keep)].reset_index(drop=True)
    return build_report(
        r, report_dir / name, ReportOptions(fixed_timestamp=FIXED), audit=AuditList()
    )


def test_same_inputs_give_identical_bytes(report_dir):
    a = _small(report_dir, "a.pdf").read_bytes()
    b = _small(report_dir, "b.pdf").read_bytes()
    assert a == b


def test_pdfa_2b_passes_pikepdf_validator(en_report):
    import pikepdf.pdfa as pdfa  # a declared dependency (pikepdf[pdfa]): never skip this check

    with pikepdf.open(en_report) as pdf:
        report = pdfa.check(pdf, "2b")
        assert report.passed, report.summary()
        assert "/OutputIntents" in pdf.Root
        meta = pdf.open_metadata()
        assert meta.get("pdfaid:part") == "2"
        assert not any("/Trans" in p.obj and len(p.obj.Trans.keys()) == 0 for p in pdf.pages)
