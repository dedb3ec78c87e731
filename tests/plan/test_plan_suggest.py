"""Auto-suggest: quality on the Freedonia sample read the way the importer reads it, weak matches
left for review, design / groups / codes, and French-only labels."""

from __future__ import annotations

from pathlib import Path

import plan_testdata as td
import pytest
from mapping_corpus_score import freedonia as freedonia_sample

from workbench.dataset_model import Dataset
from workbench.datasets.importing import ImportOptions, read_datasets
from workbench.findings import errors
from workbench.library import load_library
from workbench.paths import sample_dir
from workbench.plan.checks import check_plan
from workbench.plan.model import Plan
from workbench.plan.suggest import Suggestion, suggest, suggest_plan
from workbench.sample.generate import generate
from workbench.sample.xlsform import write_xlsform

BUNDLED = sample_dir() / "freedonia-plan.toml"


@pytest.fixture(scope="module")
def freedonia(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Dataset]:
    """The sample as CSV files labelled by its XLSForm, imported by the importer.

    Identifier columns are kept (the importer's default would drop flagged columns, and some
    Washington Group questions are flagged as names because their labels say "[name]")."""
    return freedonia_sample(tmp_path_factory.mktemp("freedonia"))


@pytest.fixture(scope="module")
def suggestion(freedonia: dict[str, Dataset]) -> Suggestion:
    return suggest(load_library(), freedonia, "freedonia")


def quality(plan: Plan, bundled: Plan) -> float:
    same = sum(
        1
        for m in bundled.inputs
        if (plan.input(m.name) or m.__class__(m.name)).source_columns == m.source_columns
    )
    return same / len(bundled.inputs)


@pytest.mark.slow
def test_plan_suggest_quality_on_freedonia(
    freedonia: dict[str, Dataset], suggestion: Suggestion
) -> None:
    """The suggested column equals the bundled plan's column for at least 80% of its inputs."""
    library = load_library()
    bundled = Plan.from_toml(BUNDLED.read_text(encoding="utf-8"))
    sug = suggestion
    score = quality(sug.plan, bundled)
    print(f"suggestion quality on Freedonia: {score:.1%} of {len(bundled.inputs)} inputs")
    assert score >= 0.8
    p = sug.plan
    assert p.dataset_names() == ["freedonia_household", "freedonia_individual"]
    assert (p.datasets.household_key, p.datasets.individual_key) == ("hh_id", "hh_id")
    assert (p.datasets.head_column, p.datasets.head_codes) == ("relation", (1,))
    assert (p.design.weight, p.design.strata, p.design.psu) == ("weight", "stratum", "ea_id")
    # the FPC is the best candidate; its calibrated confidence sits at the threshold (0.69 with
    # the shipped coefficients), so it may be left for review rather than mapped
    fpc = sug.match("fpc")
    assert fpc is not None and fpc.column == "fpc_ea" and p.design.fpc in ("fpc_ea", None)
    assert p.groups.column == "pop_group"
    assert [(v.code, v.role) for v in p.groups.values] == [
        (1, "displaced"), (2, "displaced"), (3, "displaced"), (4, "comparator"), (99, "exclude"),
    ]  # fmt: skip
    dis = {d.id: d for d in p.disaggregations}
    assert (
        dis["location"].column == "district" and dis["origin_location"].column == "origin_district"
    )
    assert dis["disability"].codes == (3, 4) and len(dis["disability"].columns) == 6
    assert [lv.codes for lv in dis["location_type"].levels] == [(1,), (2, 3, 4)]
    # yes codes and missing codes come from the value labels (CSV carries no user-missing codes)
    fies = p.input("fies_worried")
    assert fies is not None and fies.true_codes == (1,) and fies.missing == (98, 99)
    assert p.input("sex").categories == {"female": (2,), "male": (1,)}  # type: ignore[union-attr]
    assert len(p.indicators) >= 30
    assert errors(check_plan(p, library, freedonia)) == []


@pytest.mark.slow
def test_plan_suggest_quality_on_freedonia_kobo_export(tmp_path: Path) -> None:
    """The same figure on the Kobo XLSX export (+ XLSForm): main sheet and roster repeat."""
    from workbench.sample.kobo_export import write_kobo_xlsx

    sample = generate(households=300, seed=3)
    write_kobo_xlsx(sample, tmp_path / "freedonia_kobo.xlsx")
    form = write_xlsform(tmp_path / "form.xlsx")
    opts = ImportOptions(xlsform=Path(form), default_identifier_action="keep")
    datasets = {d.name: d for d in read_datasets(tmp_path / "freedonia_kobo.xlsx", opts)}
    sug = suggest(load_library(), datasets, "kobo")
    bundled = Plan.from_toml(BUNDLED.read_text(encoding="utf-8"))
    same = 0
    for m in bundled.inputs:
        got = sug.plan.input(m.name)
        cols = tuple(c.rsplit("/", 1)[-1] for c in (got.source_columns if got else ()))
        same += cols == m.source_columns
    print(f"suggestion quality on the Freedonia Kobo export: {same / len(bundled.inputs):.1%}")
    assert same / len(bundled.inputs) >= 0.8
    assert (sug.plan.datasets.household_key, sug.plan.datasets.individual_key) == (
        "_index",
        "_parent_index",
    )


def test_plan_suggest_never_accepts_a_weak_match(suggestion: Suggestion) -> None:
    sug = suggestion
    for m in sug.matches:
        mapped = sug.plan.input(m.input)
        if m.status != "accepted":
            assert mapped is None or not mapped.is_mapped, m
        else:
            assert m.confidence >= 0.5
    review = [m for m in sug.matches if m.status == "review"]
    assert review and {f.where["input"] for f in sug.findings()} == {m.input for m in review}
    assert all(0.0 <= m.confidence <= 1.0 and str(m.reason) for m in sug.matches)


def test_plan_suggest_on_tiny_french_dataset() -> None:
    """French-only labels and other column names still find the inputs."""
    hh, ind = td.households(), td.individuals()
    for ds in (hh, ind):
        for var in ds.variables.values():
            if var.labels.get("fr"):
                var.labels = {"fr": var.labels["fr"]}
                var.label = var.labels["fr"]
    hh.frame = hh.frame.rename(columns={"food_worry": "q7"})
    hh.variables = {("q7" if k == "food_worry" else k): v for k, v in hh.variables.items()}
    hh.variables["q7"].name = "q7"
    sug = suggest(td.library(), {"hh": hh, "ind": ind}, "tiny")
    assert sug.plan.input("food_worry").column == "q7"  # type: ignore[union-attr]
    assert sug.plan.input("food_worry").true_codes == (1,)  # "Oui" / "Yes"  # type: ignore[union-attr]
    assert sug.plan.input("has_birth_cert").column == "birth_cert"  # type: ignore[union-attr]
    assert sug.plan.groups.column == "pop_group"
    roles = {v.code: v.role for v in sug.plan.groups.values}
    assert roles == {1: "displaced", 2: "displaced", 3: "comparator", 99: "exclude"}


def test_plan_suggest_plan_facade_and_bad_input() -> None:
    plan = suggest_plan(td.library(), td.datasets(), name="x")
    assert plan.name == "x" and Plan.from_toml(plan.to_toml()) == plan
    from workbench.errors import PlanError

    with pytest.raises(PlanError):
        suggest_plan(td.library(), {}, name="x")
