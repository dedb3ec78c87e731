"""Templates: a plan exported without dataset names is re-matched to a differently-named
dataset (same questions, other column names, French labels only, other codes)."""

from __future__ import annotations

import tomllib

import plan_testdata as td

from workbench.dataset_model import Dataset
from workbench.plan.checks import check_plan
from workbench.plan.evaluate import evaluate
from workbench.plan.templates import export_template, import_template

RENAMES = {"food_worry": "q12_nourriture", "left_land": "q20_terre", "hlp_doc": "q21_docs",
           "pop_group": "statut", "weight": "poids", "cluster": "grappe"}  # fmt: skip


def _french_households() -> Dataset:
    """Same questions under other names; labels in French only; "Oui" is coded 2, "Non" 1."""
    hh = td.households("menages")
    frame = hh.frame.rename(columns=RENAMES)
    for col in ("q12_nourriture", "q20_terre", "q21_docs"):
        frame[col] = frame[col].replace({1.0: 2.0, 0.0: 1.0})
    variables = {}
    fr = {"stratum": "Strate", "cluster": "Grappe (UPE)", "weight": "Poids de sondage",
          "district": "District", "hh_id": "Identifiant du ménage",
          "left_land": "A laissé des terres ou des biens",
          "hlp_doc": "A des documents pour les terres ou les biens"}  # fmt: skip
    for old, var in hh.variables.items():
        var.name = RENAMES.get(old, old)
        label = var.labels.get("fr") or fr.get(old, var.label)
        var.labels, var.label = {"fr": label}, label
        if old in ("food_worry", "left_land", "hlp_doc"):
            var.value_labels = {2.0: "Oui", 1.0: "Non", 98.0: "Ne sait pas", 99.0: "Refus"}
            var.value_labels_i18n = {}
        variables[var.name] = var
    return Dataset("menages", frame, variables, unit="household")


def test_plan_template_has_no_dataset_names_and_describes_questions() -> None:
    text = export_template(td.plan(), td.datasets())
    doc = tomllib.loads(text)
    assert doc["datasets"].get("household", "") == "" and doc["datasets"]["individual"] == ""
    cols = doc["template"]["columns"]
    assert cols["household:food_worry"]["label"]["fr"] == "Inquiet de manquer de nourriture"
    assert cols["household:left_land"]["value_labels"] == {"1": {"": "Yes"}}
    assert cols["individual:birth_cert"]["value_labels"] == {"1": {"": "Yes", "fr": "Oui"}}
    assert '= "hh"' not in text and '= "ind"' not in text


def _bilingual_source() -> dict[str, Dataset]:
    ds = td.datasets()
    ds["hh"].variables["left_land"].labels["fr"] = "A laissé des terres ou des biens"
    ds["hh"].variables["hlp_doc"].labels["fr"] = "A des documents pour les terres ou les biens"
    ds["hh"].variables["weight"].labels["fr"] = "Poids de sondage"
    ds["hh"].variables["cluster"].labels["fr"] = "Grappe (UPE)"
    return ds


def test_plan_template_imports_into_renamed_french_dataset() -> None:
    text = export_template(td.plan(), _bilingual_source())
    library = td.library()
    datasets = {"menages": _french_households(), "membres": td.individuals("membres")}
    plan, findings = import_template(text, library, datasets)
    assert plan.dataset_names() == ["menages", "membres"]
    assert plan.input("food_worry").column == "q12_nourriture"  # type: ignore[union-attr]
    assert plan.input("left_land").column == "q20_terre"  # type: ignore[union-attr]
    assert plan.input("left_land").true_codes == (2,)  # "Yes" is now code 2 ("Oui")  # type: ignore[union-attr]
    assert (
        plan.groups.column == "statut"
        and plan.design.weight == "poids"
        and plan.design.psu == "grappe"
    )
    codes = {f.code for f in findings}
    assert "plan.template_rematched" in codes and "plan.template_recoded" in codes
    assert plan.input("food_worry").true_labels == ("Oui",)  # type: ignore[union-attr]
    assert [f for f in check_plan(plan, library, datasets) if f.severity == "error"] == []
    frame = evaluate(plan, library, datasets).units["household"].frame
    assert list(frame["food_insecurity"].fillna(-1)) == [1, 0, 1, -1, 0, 0, 1, -1]


def test_plan_template_reports_what_no_longer_matches() -> None:
    text = export_template(td.plan(), td.datasets())
    hh = td.households("other")
    hh.frame = hh.frame.drop(columns=["hlp_doc"])
    del hh.variables["hlp_doc"]
    plan, findings = import_template(
        text, td.library(), {"other": hh, "ind2": td.individuals("ind2")}
    )
    lost = [f for f in findings if f.code == "plan.template_unmatched"]
    assert [f.where["column"] for f in lost] == ["hlp_doc"]
    assert not plan.input("hlp_documents").is_mapped  # type: ignore[union-attr]
    found = {
        f.code
        for f in check_plan(plan, td.library(), {"other": hh, "ind2": td.individuals("ind2")})
    }
    assert "plan.indicator_inputs_partial" in found


def test_plan_template_round_trip_on_same_data_evaluates_the_same() -> None:
    text = export_template(td.plan(), td.datasets())
    plan, _ = import_template(text, td.library(), td.datasets())
    a = evaluate(td.plan(), td.library(), td.datasets())
    b = evaluate(plan, td.library(), td.datasets())
    assert a.units["individual"].frame.equals(b.units["individual"].frame)
    assert a.units["household"].frame.equals(b.units["household"].frame)


def test_plan_import_accepts_an_ordinary_plan_file() -> None:
    plan, findings = import_template(td.plan().to_toml(), td.library(), td.datasets())
    assert plan == td.plan() and findings == []
