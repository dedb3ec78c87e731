"""Whose age (issue 20): the female-headed households broken down by "Age group" did not say it
is the household head's age — a share of household heads (an individual indicator that counts
households, one head a household) breaks down by its heads' own characteristics. Such a
breakdown is named as the head's ("Age group of household head", « Groupe d'âge du chef de
ménage », «الفئة العمرية لرب الأسرة»), as a household measure by the head's sex already is; a
household breakdown ("District") and the same breakdown of an indicator of people keep their
names. The run records each breakdown's unit for it."""

from __future__ import annotations

import io
import tomllib
import unicodedata
from dataclasses import replace

import pytest
from pypdf import PdfReader
from reporting_fixture import make_library, make_plan, make_results

from workbench.paths import resource, sample_dir
from workbench.plan.snapshot import run_texts
from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_tables import disaggregation_tables
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.views import build_views

AGE_HEAD = {"en": "Age group of household head", "fr": "Groupe d'âge du chef de ménage",
            "es": "Grupo de edad del jefe de hogar", "ar": "الفئة العمرية لرب الأسرة"}  # fmt: skip
HEADS = "feel_safe"  # stands for the female-headed households: a share of household heads
PEOPLE = "voted"


def _results():
    r = make_results()
    snap = r.snapshot
    dis = tuple(
        replace(d, unit="individual", head_labels=AGE_HEAD) if d.id == "age_group"
        else replace(d, unit="household") if d.id == "district" else d
        for d in snap.texts.disaggregations
    )  # fmt: skip
    inds = tuple(
        replace(i, counts="household") if i.id == HEADS else i for i in snap.texts.indicators
    )
    r.snapshot = replace(snap, texts=replace(snap.texts, disaggregations=dis, indicators=inds))
    return r


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_share_of_household_heads_names_its_breakdown_the_head_s(lang):
    r = _results()
    ctx = build_context(r, ReportOptions(language=lang))
    views = build_views(r.publishable(), ctx)
    labels = {dis: label for dis, label, _t, _c in views[HEADS].disaggregations}
    assert labels["age_group"] == AGE_HEAD[lang]
    assert labels["district"] == ctx.disaggregations["district"].shown()
    people = {dis: label for dis, label, _t, _c in views[PEOPLE].disaggregations}
    assert people["age_group"] == ctx.disaggregations["age_group"].shown() != AGE_HEAD[lang]
    # printed so: the breakdown table's header names it
    parts = [(d, lab, t) for d, lab, t, _c in views[HEADS].disaggregations]
    doc = ReportDoc(io.BytesIO(), "A4", lang)
    buf = io.BytesIO()
    doc.filename = buf
    doc.build(disaggregation_tables(parts, doc.width, make_styles(lang), lang))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    text = " ".join(unicodedata.normalize("NFKC", text).split()).replace("’", "'")
    words = AGE_HEAD[lang].split()
    assert all(w in text for w in words), text[:300]


def test_the_run_records_each_breakdown_s_unit():
    plan = make_plan()
    dis = tuple(
        replace(d, unit="individual") if d.id == "age_group" else d for d in plan.disaggregations
    )
    texts = run_texts(replace(plan, disaggregations=dis), make_library())
    units = {d.id: d.unit for d in texts.disaggregations}
    assert units["age_group"] == "individual" and units["district"] == "household"


def test_the_demo_plans_name_the_head_s_age_and_disability():
    for path in (
        resource("plan_templates", "durable-solutions-profiling.toml"),
        sample_dir() / "freedonia-plan.toml",
        sample_dir() / "freedonia-rounds-plan.toml",
    ):
        plan = tomllib.loads(path.read_text(encoding="utf-8"))
        found = {d["id"]: d.get("head_label", {}) for d in plan["disaggregations"]}
        assert found["age"]["en"] == "Age group of household head", path
        assert found["disability"]["fr"] == "Handicap du chef de ménage", path


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_annex_names_the_solutions_breakdown_as_the_head_s(lang):
    """The report's solutions breakdown read "Sex of household head" while the annex workbook's
    solutions sheet (and CSV) still said "Sex": the annex names a household table's breakdown
    the same way."""
    from workbench.reporting.annex_tables import solutions_table

    sex_head = {"en": "Sex of household head", "fr": "Sexe du chef de ménage",
                "es": "Sexo del jefe de hogar", "ar": "جنس رب الأسرة"}  # fmt: skip
    r = make_results()
    snap = r.snapshot
    dis = tuple(
        replace(d, unit="individual", head_labels=sex_head) if d.id == "sex" else d
        for d in snap.texts.disaggregations
    )
    r.snapshot = replace(snap, texts=replace(snap.texts, disaggregations=dis))
    ctx = build_context(r, ReportOptions(language=lang))
    t = solutions_table(r.publishable(), ctx)
    assert t is not None
    named = {str(row[2]) for row in t.rows}
    assert sex_head[lang] in named
    assert ctx.disaggregations["sex"].shown() not in named
