"""The plan's free text in the report's language (issue 20 finding 2): the producing office and
each indicator's adaptation note are given by language as the plan's labels are; a text with no
version in the report's language is printed in the plan's language, marked, and the translation
check names its field (the French demo printed "Produit par : Freedonia National Statistics
Office" and "National poverty line of Freedonia: 1,250 FRD" while the check said "passed").
And the methodology says that the plan check's warnings and the report's own are not the same
count ("no warning" beside "16 warning(s)")."""

from __future__ import annotations

import dataclasses
import io
import tomllib

import pytest
from reporting_fixture import make_plan, make_results, make_snapshot
from reporting_testkit import FIXED

from workbench.paths import sample_dir
from workbench.plan.model import Plan, ReportInfo
from workbench.reporting import ReportOptions
from workbench.reporting.build import gate
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_annexes import finding_text, plan_warnings
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles

NOTE = {
    "en": "Poverty line: 1,250 FRD a month.",
    "fr": "Seuil de pauvreté : 1\u00a0250 FRD par mois.",
}
OFFICE = {"en": "Statistics Office", "fr": "Office de la statistique"}


def _results(office: dict[str, str], note: dict[str, str]):
    """The test results, their snapshot made from a plan with this office and a note on the
    first indicator."""
    plan = make_plan()
    first = dataclasses.replace(plan.indicators[0], note=note)
    plan = dataclasses.replace(
        plan, indicators=(first, *plan.indicators[1:]), report=ReportInfo(office=office)
    )
    r = make_results()
    r.snapshot = make_snapshot(r.meta, plan)
    return r, first.id


def _plan_text_findings(validation):
    return [f for f in validation.findings if f.params.get("wording") == "plan_text"]


def test_office_and_note_are_texts_by_language_that_round_trip():
    text = (Plan("p").to_toml() + '\n[report]\noffice = { en = "NSO", fr = "INS" }\n'
            '\n[[indicators]]\nid = "x"\nnote = { en = "1,250 FRD", fr = "1 250 FRD" }\n'
            '\n[[indicators]]\nid = "y"\nnote = "Plain"\n')  # fmt: skip
    plan = Plan.from_toml(text)
    assert plan.report.office == {"en": "NSO", "fr": "INS"}
    assert plan.indicators[0].note == {"en": "1,250 FRD", "fr": "1 250 FRD"}
    assert plan.indicators[0].note_in("fr") == "1 250 FRD"
    assert plan.indicators[1].note == {"en": "Plain"}
    again = plan.to_toml()
    assert Plan.from_toml(again) == plan
    assert 'note = "Plain"' in again  # a plain note stays plain


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_plan_text_without_the_reports_language_is_marked_and_named(lang):
    r, ind = _results({"en": OFFICE["en"]}, {"en": NOTE["en"]})
    ctx, _views, validation = gate(r, ReportOptions(language=lang, fixed_timestamp=FIXED))
    assert ctx.office.shown() == "Statistics Office [en]"
    assert ctx.indicators[ind].contextualised == NOTE["en"] + " [en]"
    found = _plan_text_findings(validation)
    assert len(found) == 1 and found[0].severity == "warning"
    fields = found[0].params["fields"].split(", ")
    # the fixture's plan gives no subtitle, area or period by language either
    assert fields[-2:] == ["report.office", f"indicators.{ind}.note"]
    assert "report.subtitle" in fields and found[0].params["count"] == len(fields)
    assert validation.count("report.labels_translated")[1] >= 1  # not "passed"
    doc = ReportDoc(io.BytesIO(), "A4", lang)
    b = Builder(ctx, ReportOptions(language=lang), make_styles(lang), doc.width, r.publishable())
    shown = finding_text(b, found[0])
    assert f"indicators.{ind}.note" in shown and "[en]" not in shown.split(":")[0]
    assert shown == Translator(lang)(
        "finding_report.labels_translated/plan_text", count=len(fields), fields=", ".join(fields)
    )


def test_plan_text_given_in_the_reports_language_is_printed_and_passes():
    r, ind = _results(OFFICE, NOTE)
    ctx, _views, validation = gate(r, ReportOptions(language="fr", fixed_timestamp=FIXED))
    assert ctx.office.shown() == "Office de la statistique"
    assert ctx.indicators[ind].contextualised == NOTE["fr"]
    named = [f.params["fields"] for f in _plan_text_findings(validation)]
    assert "office" not in str(named) and ".note" not in str(named)
    ctx, _views, validation = gate(r, ReportOptions(language="en", fixed_timestamp=FIXED))
    assert (ctx.office.shown(), ctx.indicators[ind].contextualised) == (OFFICE["en"], NOTE["en"])


def test_an_older_runs_plain_office_is_the_plans_language():
    r = make_results()
    info = {"office": "Institut national", "language": "fr"}
    r.snapshot = dataclasses.replace(
        r.snapshot, texts=dataclasses.replace(r.snapshot.texts, report_info=info)
    )
    ctx, _v, _val = gate(r, ReportOptions(language="fr", fixed_timestamp=FIXED))
    assert ctx.office.shown() == "Institut national"
    ctx, _v, _val = gate(r, ReportOptions(language="en", fixed_timestamp=FIXED))
    assert ctx.office.shown() == "Institut national [en]"


def test_the_bundled_plan_gives_its_free_text_in_every_language():
    raw = tomllib.loads((sample_dir() / "freedonia-plan.toml").read_text(encoding="utf-8"))
    langs = {"en", "fr", "es", "ar"}
    for key in ("area", "reference_period", "subtitle", "office"):
        assert set(raw["report"][key]) == langs, key
    notes = [i["note"] for i in raw["indicators"] if "note" in i]
    assert notes and all(set(n) == langs for n in notes)
    poverty = next(i["note"] for i in raw["indicators"] if i["id"] == "c3_below_poverty_line")
    # numbers as the report writes them in each language
    assert "1\u00a0250 FRD" in poverty["fr"] and "1\u00a0250 FRD" in poverty["es"]
    assert "1,250 FRD" in poverty["en"] and "1,250 FRD" in poverty["ar"]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_plan_warnings_paragraph_names_the_reports_own_warnings(lang):
    r = make_results()
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
    ctx, _views, _validation = gate(r, opts)
    tr = Translator(lang)
    doc = ReportDoc(io.BytesIO(), opts.page_size, lang)
    b = Builder(ctx, opts, make_styles(lang), doc.width, r.publishable())
    texts = [getattr(f, "text", "") for f in plan_warnings(b, 16)]
    texts = [t for t in texts if t]
    assert any(tr("plan_warnings_none") in t for t in texts)
    assert any(tr("plan_warnings_report", count=16) in t for t in texts)
    assert not any(tr("plan_warnings_report", count=16) in t for t in
                   (getattr(f, "text", "") for f in plan_warnings(b, 0)))  # fmt: skip
