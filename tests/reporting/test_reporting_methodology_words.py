"""The methodology speaks the report's language (issue 20 finding d): the design variables'
labels come from the data or the report catalogue, never as English with an "[en]" marker in an
Arabic report; a variable labelled only in another language has no label ("—"), its name in the
file's column; the translation check reads them; the solutions options name breakdowns by
their labels, not their ids."""

from __future__ import annotations

from dataclasses import replace

from reporting_fixture import make_results

from workbench.reporting import ReportOptions
from workbench.reporting.context import FALLBACK_MARK, build_context
from workbench.reporting.language_check import check_languages, visible_strings
from workbench.stats.snapshot import DesignVariables

WEIGHT_EN = "Household sampling weight (non-response adjusted)"


def _results(labels: dict, options: dict | None = None):
    r = make_results()
    snap = r.snapshot
    design = DesignVariables(weight="weight", strata="stratum", psu="ea_id", labels=labels)
    snap = replace(snap, texts=replace(snap.texts, design=design))
    if options:
        snap = replace(snap, options={**snap.options, **options})
    r.snapshot = snap
    return r


def test_arabic_design_labels_from_the_catalogue_or_none():
    labels = {
        "weight": {"en": WEIGHT_EN},
        "stratum": {"en": "District by frame group, as drawn"},  # no catalogue knows it
        "ea_id": {"en": "Enumeration area", "ar": "منطقة العدّ"},
    }
    ctx = build_context(_results(labels), ReportOptions(language="ar"))
    shown = list(ctx.design.values())
    assert "وزن المعاينة للأسرة (معدَّل لعدم الاستجابة)" in shown
    assert "—" in shown  # its English label is not printed in an Arabic report
    assert "منطقة العدّ" in shown
    assert not any(FALLBACK_MARK.strip() in v for v in shown)
    assert not any("District by frame" in v for v in shown)
    # the variables' names stand in their own column, never in the labels
    assert set(ctx.design_variables.values()) == {"weight", "stratum", "ea_id"}
    assert not any(f"({n})" in v for v in shown for n in ("weight", "stratum", "ea_id"))
    en = build_context(_results(labels), ReportOptions(language="en"))
    assert WEIGHT_EN in en.design.values()


def test_the_translation_check_reads_the_design_labels():
    labels = {"weight": {"en": WEIGHT_EN, "fr": "Poids du ménage"}}
    r = _results(labels)
    ctx = build_context(r, ReportOptions(language="fr"))
    assert "Poids du ménage" in set(visible_strings(ctx, {}))
    # an English label shown although the data translate it is an error of the gate
    ctx.design["Pondérations"] = WEIGHT_EN
    errors = [f for f in check_languages(ctx, {}, r.snapshot) if f.severity == "error"]
    assert errors and WEIGHT_EN in str(errors[0].params["examples"])


def test_homogeneous_cells_are_named_by_their_breakdown_labels():
    r = _results({}, {"homogeneous_cells": ["district", "sex"]})
    ctx = build_context(r, ReportOptions(language="fr"))
    values = " ".join(ctx.solutions_options.values())
    assert "District" in values and "Sexe" in values
    assert "district, sex" not in values
