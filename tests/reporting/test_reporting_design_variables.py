"""The methodology's survey design names each variable by its label in the report's language and
gives the data file's variable names in a column of their own (issue 20: readers met "(weight)",
"(stratum)", "(ea_id)", "(fpc_ea)" and "(R survey)" inside the sentences — in the Arabic report
inside right-to-left ones); the translation check counts a file variable's name printed in a
label (the French check said "every label is in the report's language: passed" beside four)."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader
from reporting_fixture import make_results
from test_reporting_docx_table import _meta as _docx_meta

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.docx_render import DocxRenderer
from workbench.reporting.i18n import Translator
from workbench.reporting.language_check import check_languages
from workbench.reporting.pdf_annexes import methodology
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.stats.snapshot import DesignVariables

NAMES = ("weight", "stratum", "ea_id", "fpc_ea")
LABELS = {
    "weight": {"en": "Household sampling weight (non-response adjusted)",
               "fr": "Poids de sondage du ménage (corrigé de la non-réponse)"},
    "stratum": {"en": "Sampling stratum (district × frame population group)",
                "fr": "Strate d'échantillonnage (district × groupe de la base)"},
    "ea_id": {"en": "Enumeration area (PSU) id", "fr": "Identifiant de la zone de dénombrement"},
    "fpc_ea": {"en": "Number of EAs in the stratum (finite population correction)",
               "fr": "Nombre de ZD dans la strate (correction pour population finie)"},
}  # fmt: skip
HEADER = {"en": "Name in the data file", "fr": "Nom dans le fichier de données",
          "ar": "اسم المتغير في ملف البيانات"}  # fmt: skip


def _results():
    r = make_results()
    snap = r.snapshot
    design = DesignVariables(
        weight="weight", strata="stratum", psu="ea_id", fpc="fpc_ea", labels=LABELS
    )
    r.snapshot = replace(snap, texts=replace(snap.texts, design=design))
    return r


def _story(lang: str):
    r = _results()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    doc = ReportDoc(io.BytesIO(), opts.page_size, lang)
    b = Builder(ctx, opts, make_styles(lang), doc.width, r.publishable())
    return r, ctx, doc, [b.h(ctx.title, 0, "top"), *methodology(b)]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_design_names_file_variables_in_their_own_column(lang):
    _r, ctx, doc, flow = _story(lang)
    assert not any(f"({n})" in v for v in ctx.design.values() for n in NAMES)
    assert sorted(ctx.design_variables.values()) == sorted(NAMES)
    buf = io.BytesIO()
    doc.filename = buf
    doc.build(flow)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    for name in NAMES:
        assert name in text and f"({name})" not in text, (lang, name)
    assert "R survey" not in text
    words = {"en": "R's survey package", "fr": "paquet survey de R", "ar": "survey"}
    assert words[lang] in text
    if lang != "ar":  # an Arabic page's text layer is laid out right to left
        assert HEADER[lang] in " ".join(text.split())  # the header may wrap
    # the Word report gets the same table: the names in their column, none in a label
    w = DocxRenderer(_docx_meta(lang))
    w.add(_story(lang)[3])  # a story of its own: the PDF's layout consumed this one
    tables = [
        [["".join(t.text or "" for t in c.iter(qn("w:t"))) for c in row.iter(qn("w:tc"))]
         for row in tbl.iter(qn("w:tr"))]
        for tbl in w.doc.element.body.iter(qn("w:tbl"))
    ]  # fmt: skip
    design = next(t for t in tables if any(HEADER[lang] in c for c in t[0]))
    col = next(i for i, c in enumerate(design[0]) if HEADER[lang] in c)
    assert {row[col] for row in design[1:]} >= set(NAMES)
    cells = [c for row in design for j, c in enumerate(row) if j != col]
    assert not any(f"({n})" in c for c in cells for n in NAMES), cells


def test_arabic_labels_come_from_the_catalogue_and_never_the_english():
    ctx = build_context(_results(), ReportOptions(language="ar"))
    tr = Translator("ar")
    assert ctx.design[tr("design_weights")] == "وزن المعاينة للأسرة (معدَّل لعدم الاستجابة)"
    assert not any("Enumeration" in v or "[en]" in v for v in ctx.design.values())
    assert ctx.design_variables[tr("design_psu")] == "ea_id"


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_translation_check_counts_a_file_variable_name_in_a_label(lang):
    r = _results()
    ctx = build_context(r, ReportOptions(language=lang))
    assert not [f for f in check_languages(ctx, {}, r.snapshot) if f.params.get("wording")
                == "raw_names"]  # fmt: skip
    # the design table as it was printed: "Sampling stratum (…) (stratum)"
    key = Translator(lang)("design_strata")
    ctx.design[key] = f"{ctx.design[key]} (stratum)"
    found = [f for f in check_languages(ctx, {}, r.snapshot) if f.params.get("wording")
             == "raw_names"]  # fmt: skip
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].params["count"] == 1 and "(stratum)" in found[0].params["examples"]
    assert "(stratum)" in found[0].render(lang)


def _sample_labels() -> dict[str, dict[str, str]]:
    """The design variables' labels as the bundled Freedonia questionnaire gives them."""
    from workbench.sample.questions_household import QUESTIONS

    return {q.name: {"en": q.en, "fr": q.fr} for q in QUESTIONS if q.name in NAMES}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_enumeration_area_is_spelt_out_and_named_the_primary_unit(lang, monkeypatch):
    """« Identifiant de la zone de dénombrement (UPE) » called the EA the primary unit and the
    next line's "ZD" was never spelt out: the EA is named with its abbreviation at first use,
    then said to be the primary sampling unit, with its own abbreviation."""
    monkeypatch.setitem(LABELS, "ea_id", _sample_labels()["ea_id"])
    monkeypatch.setitem(LABELS, "fpc_ea", _sample_labels()["fpc_ea"])
    _r, ctx, doc, flow = _story(lang)
    psu = ctx.design[Translator(lang)("design_psu")]
    expected = {
        "en": "Enumeration area (EA) identifier, the primary sampling unit (PSU)",
        "fr": "Identifiant de la zone de dénombrement (ZD), unité primaire d'échantillonnage (UPE)",
        "ar": "معرّف منطقة العدّ، وهي وحدة المعاينة الأولية",
    }
    assert psu == expected[lang]
    buf = io.BytesIO()
    doc.filename = buf
    doc.build(flow)
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(buf.getvalue())).pages
    )
    short = {"en": "EA", "fr": "ZD"}.get(lang)
    if short:  # the abbreviation is spelt out where it first appears
        first = text.index(short)
        assert text[first - 1] == "(" and "(" + short + ")" in text, text[first - 40 : first + 5]
        assert text.index(expected[lang].split(",")[0].replace("'", "’")[:20]) < first
