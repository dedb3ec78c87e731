"""Labels for flat exports, the XLSForm found beside the data, unit/link defaults from the data,
whole-file checks and the parent check of ``workbench import --parent``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from datasets_files import write_xlsx

from workbench.cli import main
from workbench.dataset_model import Dataset
from workbench.datasets.form_match import find_forms, load_form
from workbench.datasets.importing import ImportOptions, preview, read_datasets
from workbench.datasets.structure import Structure, check_key, suggest_structure
from workbench.errors import ImportError_
from workbench.paths import sample_dir
from workbench.vault.records import DatasetInfo

SAMPLE = sample_dir()


def _info(name: str, unit: str, key: str | None) -> DatasetInfo:
    return DatasetInfo(name, unit, 1, 1, "", "", key)


@pytest.mark.parametrize("sep", ["_", "/"])
def test_flat_option_columns_get_their_option_labels(
    tmp_path: Path, xlsform_path: Path, sep: str
) -> None:
    data = tmp_path / "flat.csv"
    data.write_text(
        f"hh_size,needs,needs{sep}food,needs{sep}water,needs_other\n3,food water,1,1,0\n",
        encoding="utf-8",
    )
    opts = ImportOptions(xlsform=xlsform_path, label_language="fr")
    (ds,) = read_datasets(data, opts)
    water = ds.variables[f"needs{sep}water"]
    assert (water.question_type, water.parent_question) == ("select_multiple", "needs")
    assert water.label == "Besoins prioritaires: Eau"  # the chosen language
    assert water.labels == {"en": "Priority needs: Water", "fr": "Besoins prioritaires: Eau"}
    assert ds.variables["needs"].value_labels["water"] == "Eau"
    assert ds.variables["needs_other"].label == ""  # not an option of the form: left alone


def test_sample_csv_with_xlsform_labels_every_option_like_the_kobo_export() -> None:
    form = SAMPLE / "freedonia_xlsform.xlsx"
    (flat,) = read_datasets(SAMPLE / "freedonia_household.csv", ImportOptions(xlsform=form))
    kobo = read_datasets(SAMPLE / "freedonia_kobo_export.xlsx", ImportOptions(xlsform=form))[0]
    for name, var in kobo.variables.items():
        if var.parent_question:
            flat_var = flat.variables[name.replace("/", "_")]
            assert (flat_var.label, flat_var.labels) == (var.label, var.labels)
    unlabelled = [n for n, v in flat.variables.items() if not v.label]
    metadata = {"interview_start", "interview_end", "kobo_id", "kobo_uuid", "submission_time"}
    assert unlabelled and set(unlabelled) <= metadata  # Kobo metadata only: not in the form


def test_the_form_beside_the_data_is_found_and_scored(tmp_path: Path, xlsform_path: Path) -> None:
    data = tmp_path / "survey_2024.csv"
    data.write_text("hh_size,displaced,age,needs/food\n3,1,20,1\n", encoding="utf-8")
    write_xlsx(tmp_path / "report.xlsx", {"s": [["a"], [1]]})  # not a form: skipped
    (match,) = find_forms(data, ["hh_size", "displaced", "age", "needs/food"])
    assert match.path == xlsform_path and (match.matched, match.columns) == (4, 4) and match.good
    assert match.form.languages == ["en", "fr"]
    assert match.form.language_names == {"en": "English (en)", "fr": "Français (fr)"}
    assert find_forms(data, ["x", "y"]) == []
    with pytest.raises(ImportError_, match="not an XLSForm"):
        load_form(tmp_path / "report.xlsx", ["x"])


def test_sample_forms_found_for_every_export_of_the_sample() -> None:
    for name in ("freedonia_kobo_export.xlsx", "freedonia_individual.csv"):
        p = preview(SAMPLE / name, ImportOptions())
        best = find_forms(SAMPLE / name, p.columns)[0]
        assert best.path.name == "freedonia_xlsform.xlsx" and best.good


def _ds(frame: pd.DataFrame, **kw) -> Dataset:
    from workbench.dataset_model import Variable, infer_kind

    variables = {c: Variable(c, kind=infer_kind(frame[c])) for c in frame.columns}
    return Dataset("d", frame, variables, **kw)


def test_structure_from_the_data() -> None:
    hh = _ds(pd.DataFrame({"hhid": [1.0, 2.0, 3.0], "x": [1.0, 1.0, 2.0]}))
    assert suggest_structure(hh) == Structure("household", "hhid", reason="household_key_unique")
    members = _ds(pd.DataFrame({"hh_id": [1.0, 1.0, 2.0], "member_id": ["a", "b", "c"]}))
    assert suggest_structure(members) == Structure(
        "individual", "member_id", None, "hh_id", "household_key_repeats"
    )
    # the shared key of a household dataset in the vault is the link, whatever its name
    infos = [_info("roster", "individual", "pid"), _info("hh", "household", "code_men")]
    roster = _ds(pd.DataFrame({"code_men": ["A", "A", "B"], "age": [3.0, 40.0, 9.0]}))
    assert suggest_structure(roster, infos) == Structure(
        "individual", None, "hh", "code_men", "household_key_repeats"
    )
    assert suggest_structure(_ds(pd.DataFrame({"a": [1.0]}))) == Structure("other", None)
    # a Kobo repeat sheet: what the reader set
    (main, rep) = read_datasets(SAMPLE / "freedonia_kobo_export.xlsx", ImportOptions())
    assert suggest_structure(rep).unit == "individual"
    assert suggest_structure(rep).parent_key == "_parent_index"
    assert suggest_structure(main) == Structure("household", "_index", None, None, "kobo_main")


def test_key_checked_over_the_whole_frame() -> None:
    ds = _ds(pd.DataFrame({"k": [1.0, 2.0, 2.0, None]}))
    assert {f.code for f in check_key(ds, "k")} == {
        "dataset.duplicate_keys",
        "dataset.missing_keys",
    }
    assert check_key(ds, None) == []


def test_checks_over_the_whole_file_not_the_preview(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    rows = ["id,flag"] + [f"{i},{0 if i < 120 else 1}" for i in range(200)]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    first = preview(data, ImportOptions(), n_rows=50)
    whole = preview(data, ImportOptions(), n_rows=None)
    assert not first.whole_file and whole.whole_file
    assert "dataset.constant_column" in {f.code for f in first.warnings}
    assert "dataset.constant_column" not in {f.code for f in whole.warnings}
    assert len(whole.frame) == whole.main.n_rows == 200


def test_cli_parent_must_exist_and_hold_households(vault: Path, capsys) -> None:
    hh, ind = SAMPLE / "freedonia_household.csv", SAMPLE / "freedonia_individual.csv"
    v = ["--vault", str(vault)]
    assert main(["import", *v, str(hh), "--unit", "household", "--key", "hh_id"]) == 0
    capsys.readouterr()
    rc = main(["import", *v, str(ind), "--parent", "households", "--parent-key", "hh_id"])
    err = capsys.readouterr().err
    assert rc == 1 and len(err.strip().splitlines()) == 1
    assert "“households”" in err and "freedonia_household" in err
    link = ["--parent", "freedonia_household", "--parent-key", "hh_id"]
    assert main(["import", *v, str(ind), "--unit", "individual", *link]) == 0
    rc = main(["import", *v, str(ind), "--name", "again", "--parent", "freedonia_individual",
               "--parent-key", "hh_id"])  # fmt: skip
    err = capsys.readouterr().err
    assert rc == 1 and "holds individuals" in err
    wb_listed = main(["datasets", "list", *v, "--json"])
    assert wb_listed == 0 and '"again"' not in capsys.readouterr().out


def test_cli_label_language(vault: Path, capsys) -> None:
    form = SAMPLE / "freedonia_xlsform.xlsx"
    v = ["--vault", str(vault)]
    hh = str(SAMPLE / "freedonia_household.csv")
    assert main(["import", *v, hh, "--xlsform", str(form), "--label-language", "fr"]) == 0
    capsys.readouterr()
    assert main(["datasets", "show", *v, "freedonia_household", "--json"]) == 0
    out = capsys.readouterr().out
    assert "Que faudrait-il pour réaliser cette option ?: Sûreté et sécurité" in out
