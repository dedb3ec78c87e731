"""Development surveys for auto-suggest (calibration and tests), each with its hand mapping.

- ``freedonia``: the bundled sample's CSV files labelled by its XLSForm (English + French);
- ``freedonia_names``: the same files with no XLSForm (column names and values only);
- ``freedonia_fr``: the same with French labels only;
- ``descriptive``: ``suggest_survey`` (another organisation's naming, names only);
- ``kobo_fr``: ``suggest_survey_kobo`` (a French NGO's Kobo form, English/French labels, with
  near misses).

The truth of the Freedonia sets is the bundled plan (inputs, design, link, groups and
breakdowns). None of these is a questionnaire of the corpus; the calibration fits on these and on
the corpus, and reports each survey held out (``benchmarks/suggest_calibrate.py``).
"""

from __future__ import annotations

import copy
from pathlib import Path

import suggest_survey
import suggest_survey_kobo

from workbench.dataset_model import Dataset
from workbench.datasets.importing import ImportOptions, read_datasets
from workbench.paths import sample_dir
from workbench.plan.model import Plan
from workbench.sample.generate import generate
from workbench.sample.write_flat import write_csv
from workbench.sample.xlsform import write_xlsform

DevSet = tuple[str, dict[str, Dataset], dict[str, tuple[str, ...]]]
BREAKDOWN_INPUTS = ("sex", "age", "location", "area_type", "origin_location",
                    "displacement_year", "displacement_cause")  # fmt: skip


def freedonia_truth() -> dict[str, tuple[str, ...]]:
    plan = Plan.from_toml((sample_dir() / "freedonia-plan.toml").read_text(encoding="utf-8"))
    truth = {m.name: m.source_columns for m in plan.inputs}
    d = plan.design
    for name, col in (("weight", d.weight), ("stratum", d.strata), ("psu", d.psu),
                      ("fpc", d.fpc), ("household_id", plan.datasets.household_key),
                      ("population_group", plan.groups.column)):  # fmt: skip
        if col:
            truth[name] = (col,)
    for x in plan.disaggregations:
        if x.id in BREAKDOWN_INPUTS and x.column:
            truth.setdefault(x.id, (x.column,))
    if plan.datasets.head_column:
        truth["is_household_head"] = (plan.datasets.head_column,)
    return truth


def _freedonia(folder: Path, xlsform: bool) -> dict[str, Dataset]:
    sample = generate(households=400, seed=11)
    write_csv(sample.household, folder / "freedonia_household.csv")
    write_csv(sample.individuals, folder / "freedonia_individual.csv")
    form = write_xlsform(folder / "freedonia_form.xlsx") if xlsform else None
    out: dict[str, Dataset] = {}
    for stem, unit in (("freedonia_household", "household"),
                       ("freedonia_individual", "individual")):  # fmt: skip
        opts = ImportOptions(
            unit=unit, xlsform=Path(form) if form else None, default_identifier_action="keep"
        )
        for ds in read_datasets(folder / f"{stem}.csv", opts):
            out[ds.name] = ds
    return out


def french_only(datasets: dict[str, Dataset]) -> dict[str, Dataset]:
    out = {}
    for name, ds in datasets.items():
        ds = copy.deepcopy(ds)
        for var in ds.variables.values():
            fr = var.labels.get("fr")
            var.labels = {"fr": fr} if fr else {}
            var.label = fr or ""
            if "fr" in var.value_labels_i18n:
                var.value_labels = dict(var.value_labels_i18n["fr"])
                var.value_labels_i18n = {}
        out[name] = ds
    return out


def devsets(folder: Path) -> list[DevSet]:
    labelled = _freedonia(folder / "labelled", True) if _mk(folder / "labelled") else {}
    names = _freedonia(folder / "names", False) if _mk(folder / "names") else {}
    _mk(folder / "descriptive")
    _mk(folder / "kobo")
    truth = freedonia_truth()
    survey = suggest_survey.datasets(folder / "descriptive")
    kobo = suggest_survey_kobo.datasets(folder / "kobo")
    return [
        ("freedonia", labelled, truth),
        ("freedonia_names", names, truth),
        ("freedonia_fr", french_only(labelled), truth),
        ("descriptive", survey, {k: (v,) for k, v in suggest_survey.TRUTH.items()}),
        ("kobo_fr", kobo, {k: (v,) for k, v in suggest_survey_kobo.TRUTH.items()}),
    ]


def _mk(path: Path) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    return True
