"""The validation and methodology annexes a reader can act on (issue 20, finding 8 and the
validation annex): every table with a † is listed, by section, with its count, under one
justification; the checks by their names, without internal ids; the bound check as a sentence; the
solutions options each with what it does to the figures, the methods named alike; the
disclosure rule by its full name, with what n is; one body style; "(R survey)" kept whole in
Arabic; "×", not the letter x, in the demo's stratum description."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pdfplumber
import pytest
from docx import Document
from pypdf import PdfReader
from reporting_testkit import FIXED, sentinel_results
from reportlab.platypus import Table

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report, validation
from workbench.reporting.context import after_colon, build_context
from workbench.reporting.docx_cells import plain_text
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.rtl import wrap_logical
from workbench.stats.results import ALL_DISPLACED

JUSTIFIED = {
    "en": "Synthetic fixture: kept and marked.",
    "fr": "Données de test : conservées et signalées.",
    "es": "Datos de prueba: conservados y señalados.",
    "ar": "بيانات اختبار: أُبقيت ومُيّزت.",
}
SECTIONS = ("solutions", "methodology", "validation")
OPTIONS = {
    "solutions_methods": ["iris_layered"],
    "solutions_benchmark": "comparator",
    "use_ci_bound": False,
    "missing_by_design": "no_vulnerability",
    "household_aggregation": "any",
    "benchmark_fixed": None,
    "dominance_quantile": 0.5,
    "homogeneous_cells": ["district", "sex"],
}


def _results():
    r = sentinel_results()
    counts = {"primary": 6, "complementary": 4, "empty": 3, "exposed": 0, "protection_ratio": 0.2}
    logs = {"freedonia_individual": {"entries": 0, "sha256": "e3" * 32}}
    r.snapshot = replace(
        r.snapshot, options={**r.snapshot.options, **OPTIONS}, suppression=counts,
        cleaning_logs=logs,
    )  # fmt: skip
    return r


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, tuple[Path, Path | None]]:
    """One report per language of the solutions, methodology and validation sections (the
    Word report too in English and French), the caution warnings justified."""
    out: dict[str, tuple[Path, Path | None]] = {}
    folder = tmp_path_factory.mktemp("valid")
    for lang in ("en", "fr", "ar"):
        docx = folder / f"{lang}.docx" if lang != "ar" else None
        opts = ReportOptions(
            language=lang, fixed_timestamp=FIXED, sections=SECTIONS, docx_path=docx,
            justifications={"report.caution_estimates": JUSTIFIED[lang]},
        )  # fmt: skip
        pdf = build_report(_results(), folder / f"{lang}.pdf", opts, audit=AuditList())
        out[lang] = (pdf, docx)
    return out


def _pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


def _lines(path: Path) -> list[str]:
    """The lines of a right-to-left report in logical order, as poppler reads their text
    layer (the /ActualText spans, laid out for its reordering)."""
    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed")
    out = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return re.sub("[\u200e\u200f\u202a-\u202e]", "", out).splitlines()


def _docx_text(path: Path) -> str:
    """Every paragraph of a Word file, those in its tables too, in document order."""
    body = Document(str(path)).element.body
    paras = body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
    return "\n".join("".join(t.text or "" for t in p.iter(T_TAG)) for p in paras)


T_TAG = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _tables(flowables) -> list[Table]:
    out: list[Table] = []
    for f in flowables:
        if isinstance(f, Table):
            out.append(f)
        for attr in ("_content", "_flowables"):
            inner = getattr(f, attr, None)
            if isinstance(inner, list):
                out += _tables(inner)
    return out


def test_the_caution_count_of_each_table_is_what_the_table_shows():
    """Each solutions and stock table's † counted by the gate equals the † its cells print
    (the fixture's stock and IRIS breakdowns have caution cells; the annex named none)."""
    r = _results()
    opts = ReportOptions(language="en", sections=SECTIONS)
    ctx = build_context(r, opts)
    pub = r.publishable()
    counted = validation.caution_tables(pub, ctx, SECTIONS)
    assert {s for s, *_ in counted} == {"solutions", "stock"}
    b = Builder(ctx, opts, make_styles("en"), 480.0, pub)
    shown = [
        sum(plain_text(cell).count("†") for row in t._cellvalues[1:] for cell in row)
        for t in _tables(b.solutions())
    ]
    assert [n for n in shown if n] == [n for *_, n in counted]
    stock = pub.stock[pub.stock["group"] == ALL_DISPLACED]
    assert sum(n for s, *_, n in counted if s == "stock") == (stock["flag"] == "caution").sum()


def test_a_breakdown_said_in_one_sentence_counts_no_caution_mark():
    """rd20 (en p. 89–90, fr p. 92–93, ar p. 88): "56 values of this report are marked †"
    counted 21 in the solutions breakdown tables the report no longer prints — every displaced
    group only a bound there, said in one sentence, the tables in the annex workbook. The
    count follows what the report prints."""
    r = _results()
    opts = ReportOptions(language="en", sections=SECTIONS)
    ctx = build_context(r, opts)
    pub = r.publishable()
    sol = pub.solutions
    comp = ctx.comparator.code if ctx.comparator else ""
    part = (sol["disaggregation"] != "total") & (sol["group"].astype(str) != comp)
    dims = set(sol.loc[part, "disaggregation"].astype(str))
    assert dims, "the fixture has breakdowns"
    sol["share_below"] = float("nan")
    sol["below_flag"] = ""
    sol.loc[part, "share_below"] = 0.005
    sol.loc[part, "below_flag"] = "caution"  # "< 0.5%†", were it printed
    counted = validation.caution_tables(pub, ctx, SECTIONS)
    assert not [tid for _s, tid, *_ in counted if tid.count(":") == 2], counted
    b = Builder(ctx, opts, make_styles("en"), 480.0, pub)
    shown = [
        sum(plain_text(cell).count("†") for row in t._cellvalues[1:] for cell in row)
        for t in _tables(b.solutions())
    ]
    assert [n for n in shown if n] == [n for *_, n in counted]


def test_every_table_with_a_caution_mark_is_a_warning_of_the_gate():
    opts = ReportOptions(language="fr", sections=SECTIONS)
    findings = validation.validate_report(_results(), opts)
    tables = [f for f in findings if f.code == "report.caution_estimates" and "table" in f.where]
    assert {f.where["section"] for f in tables} == {"solutions", "stock"}
    assert all(f.params["count"] > 0 for f in tables)
    assert "Tableau « " in tables[0].render("fr") and "†" in tables[0].render("fr")
    assert "الجدول" in tables[0].render("ar")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_warnings_list_every_caution_table_by_section_under_one_justification(reports, lang):
    pdf, docx = reports[lang]
    tr = Translator(lang)
    r = _results()
    ctx = build_context(r, ReportOptions(language=lang))
    texts = [_pdf_text(pdf)] if lang != "ar" else ["\n".join(_lines(pdf))]
    if docx is not None:
        texts.append(_docx_text(docx))
    for text in texts:
        annex = _flat(text[text.rindex(tr("checks_run")) :])
        # once, for every entry it covers; after a French colon without its capital (70cf2ae)
        assert annex.count(_flat(after_colon(JUSTIFIED[lang], lang))) == 1
        assert _flat(tr("solutions")) in annex and _flat(tr("stock_section")) in annex
        for _s, _tid, title, _n in validation.caution_tables(r.publishable(), ctx, SECTIONS):
            if _s == "stock":
                assert _flat(title) in annex
        # fr_B 11: "18 warnings" beside "48 values †" read as a disagreement — the list says
        # its entries are the warnings the checks table counts
        warnings = validation.validate_report(r, ReportOptions(language=lang, sections=SECTIONS))
        entries = sum(1 for f in warnings if f.code == "report.caution_estimates")
        said = tr("caution_list_entries", entries=entries,
                  check=tr("check_report.caution_estimates"), checks=tr("checks_run"))  # fmt: skip
        assert _flat(said) in _flat(text), said


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_checks_are_named_without_their_ids_and_the_bound_is_a_sentence(reports, lang):
    pdf, docx = reports[lang]
    tr = Translator(lang)
    with pdfplumber.open(str(pdf)) as doc:  # a table row is one line of the page
        lines = [ln["text"] for page in doc.pages for ln in page.extract_text_lines()]
    row = next(ln for ln in lines if tr("check_report.sections_have_data") in ln)
    assert row.index(tr("check_report.sections_have_data")) < row.index(tr("check_passed"))
    # no internal id ("report.labels_translated") beside the name: readers took it for a fault
    assert not [c for c in validation.CHECKS if c in _pdf_text(pdf)]
    text = _flat(_pdf_text(pdf))
    bound = tr("suppression_exposed", ratio="20")
    assert f"{_flat(bound)} {tr('val_None')}" in text  # "…: none", not "0" after a riddle
    assert "an attack" not in text and "attaque" not in text
    doc = Document(str(docx))
    last = tr("check_report.provenance")
    checks = next(t for t in doc.tables if last in t.rows[-1].cells[0].text)
    assert checks.rows[1].cells[0].text == tr("check_report.sections_have_data")
    cells = " ".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert len(checks.columns) == 2 and not [c for c in validation.CHECKS if c in cells]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_each_solutions_option_says_what_it_does(reports, lang):
    pdf, docx = reports[lang]
    tr = Translator(lang)
    text = _flat(_pdf_text(pdf) if lang != "ar" else " ".join(_lines(pdf)))
    words = [text]
    if docx is not None:
        words.append(_flat(_docx_text(docx)))
    for shown in words:
        for key in (
            "optnote_dominance_quantile",
            "optnote_benchmark_fixed_None",
            "optnote_use_ci_bound_False",
            "optnote_household_aggregation_any",
            "optnote_missing_by_design_no_vulnerability",
            "optnote_homogeneous_cells",
        ):
            assert _flat(tr(key)) in shown, key
        # "Fixed benchmark value: none. Not used: …" read as two stacked fragments (fr_B 12)
        assert _flat(FIXED_NONE[lang]) in shown or lang == "ar"
        assert not any(w in shown for w in ("Not used:", "Sans objet :", "غير مستخدمة"))


FIXED_NONE = {
    "en": "Fixed benchmark value: none. Each indicator is compared with the chosen benchmark,",
    "fr": "Valeur de référence fixe : aucune. Chaque indicateur est comparé à la référence",
    "ar": "يُقارَن كل مؤشر بالمرجع المختار",
}


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_every_option_has_a_note_and_the_cells_method_is_named_as_its_option(lang):
    r = _results()
    sol = r.solutions.copy()
    cells = sol[sol["method"] == "iris_layered"].assign(method="homogeneous_cells")
    r.solutions = pd.concat([sol, cells], ignore_index=True)
    methods = {**OPTIONS, "solutions_methods": ["iris_layered", "homogeneous_cells"]}
    r.snapshot = replace(r.snapshot, options={**r.snapshot.options, **methods})
    ctx = build_context(r, ReportOptions(language=lang))
    assert set(ctx.solutions_option_notes) == set(ctx.solutions_options)
    tr = Translator(lang)
    value = ctx.solutions_options[tr("opt_homogeneous_cells")]
    assert " × " in value
    name = ctx.solutions_methods["homogeneous_cells"]
    assert value in name  # the method table names the cells the options name
    assert name in ctx.solutions_options[tr("opt_solutions_methods")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "full"),
    [
        ("en", "Demographic and Health Surveys (DHS)"),
        ("fr", "Enquêtes démographiques et de santé (EDS"),
        ("ar", "المسوح الديموغرافية والصحية (DHS)"),
    ],
)
def test_the_disclosure_rule_is_named_in_full_and_n_is_explained(reports, lang, full):
    pdf, _docx = reports[lang]
    tr = Translator(lang)
    text = _flat(_pdf_text(pdf) if lang != "ar" else " ".join(_lines(pdf)))
    assert full in text
    assert _flat(tr("disclosure_n")) in text


@pytest.mark.slow
def test_the_methodology_prose_has_one_body_size(reports):
    """The degrees-of-freedom paragraph was a 7.5 pt note above 9.5 pt paragraphs."""
    pdf, _docx = reports["en"]
    sizes: dict[str, set[float]] = {}
    with pdfplumber.open(str(pdf)) as doc:
        for page in doc.pages:
            for line in page.extract_text_lines(return_chars=True):
                for start in ("An estimate's confidence interval", "Variances are estimated"):
                    if line["text"].startswith(start):
                        sizes.setdefault(start, set()).update(
                            round(c["size"], 1) for c in line["chars"] if c["text"].strip()
                        )
    assert len(sizes) == 2
    assert len(set.union(*sizes.values())) == 1, sizes


def test_a_latin_run_in_brackets_is_not_broken_in_arabic():
    text = "تُقدَّر التباينات بطريقة معروفة (R survey) ثم تُحسب"
    for width in range(30, 60):
        for line in wrap_logical(text, width, len):
            assert not line.endswith("(R") and not line.startswith("survey)"), (width, line)
    # a bracketed run wider than the line still wraps at its spaces
    assert wrap_logical("كلمة (R survey package)", 10, len)[-1] == "package)"


def test_the_demo_stratum_is_described_with_a_times_sign():
    from workbench.paths import resource
    from workbench.sample.questions_household import QUESTIONS

    stratum = next(q for q in QUESTIONS if q.name == "stratum")
    for label in (stratum.en, stratum.fr):
        assert " x " not in label and "×" in label
    plan = resource("plan_templates", "durable-solutions-profiling.toml").read_text("utf-8")
    assert "district x " not in plan
    for lang in ("en", "fr", "es", "ar"):
        assert Translator(lang).has(f"term:{stratum.en}")


@pytest.mark.slow
def test_the_validation_annex_starts_its_page_and_a_log_label_keeps_its_count(reports):
    """The annex's heading stood under the versions table, its introduction alone at the page
    foot; "(entries: 0)" broke after its colon (ar_B 18, en demo p71): an empty log has none."""
    pdf, _docx = reports["en"]
    tr = Translator("en")
    with pdfplumber.open(str(pdf)) as doc:
        pages = [[ln["text"] for ln in page.extract_text_lines()] for page in doc.pages]
    start = next(i for i, lines in enumerate(pages) if lines and lines[0] == tr("validation"))
    assert tr("checks_run") in pages[start]
    # an empty log reads "empty" beside its label, with no "(entries: 0)" left to break
    empty = tr("cleaning_log_empty")
    assert any(line.startswith("Cleaning log") and _flat(line).endswith(f" {empty}")
               for lines in pages for line in lines)  # fmt: skip
    assert not any("(entries:" in line for lines in pages for line in lines)
