"""XLSX import: plain sheets, Kobo exports with repeat sheets, XLSForm labels, DART workbooks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from datasets_files import kobo_rows, write_xlsx

from workbench.datasets.importing import ImportOptions, preview, read_datasets
from workbench.datasets.linking import check_link
from workbench.errors import ImportError_


def test_plain_sheet_types_and_sheet_choice(tmp_path: Path) -> None:
    f = write_xlsx(
        tmp_path / "plain.xlsx",
        {
            "first": [["a", "b"], [1, "x"]],
            "second": [
                ["n", "when", "code", "mixed"],
                [1, dt.datetime(2024, 1, 2), "007", 5],
                [2.5, dt.datetime(2024, 2, 3), "010", "five"],
                [None, None, None, None],
            ],
        },
    )
    (ds,) = read_datasets(f, ImportOptions(sheet="second"))
    assert ds.name == "plain_second" and ds.source["sheet"] == "second"
    assert ds.frame["n"].dtype == np.float64 and ds.frame["n"].tolist() == [1.0, 2.5]
    assert str(ds.frame["when"].dtype) == "datetime64[ns]"
    assert ds.frame["code"].tolist() == ["007", "010"]
    assert ds.frame["mixed"].tolist() == ["5", "five"]
    assert ds.variables["when"].kind == "datetime"
    with pytest.raises(ImportError_, match="no sheet 'nope'"):
        read_datasets(f, ImportOptions(sheet="nope"))


def test_kobo_export_groups_select_multiple_and_repeats(kobo_xlsx: Path) -> None:
    hh, member = read_datasets(kobo_xlsx, ImportOptions())
    assert (hh.name, hh.unit, hh.key) == ("hh_survey", "household", "_index")
    assert (member.name, member.unit, member.key) == ("hh_survey_member", "individual", "_index")
    assert (member.parent, member.parent_key) == ("hh_survey", "_parent_index")
    assert hh.variables["hh_size"].extra["group"] == "grp_hh"
    assert hh.variables["needs"].question_type == "select_multiple"
    opt = hh.variables["needs/food"]
    assert (opt.question_type, opt.parent_question, opt.extra["option"]) == (
        "select_multiple",
        "needs",
        "food",
    )
    assert set(hh.frame["needs/water"].unique()) <= {0.0, 1.0}
    # direct identifiers dropped by default, interview times kept (quasi), all audited; the
    # key is kept
    flagged = {d["column"]: (d["reason"], d["action"]) for d in hh.source["identifiers"]}
    assert flagged == {
        "start": ("interview_date", "keep"),
        "end": ("interview_date", "keep"),
        "resp_name": ("name", "drop"),
        "phone": ("phone", "drop"),
        "_geolocation": ("gps", "drop"),
        "_id": ("submission_id", "drop"),
        "_uuid": ("submission_id", "drop"),
        "_submission_time": ("interview_date", "keep"),
        "_submitted_by": ("account", "drop"),
    }
    dropped = {c for c, (_, act) in flagged.items() if act == "drop"}
    assert not dropped & set(hh.frame.columns)
    assert {"_index", "start", "_submission_time"} <= set(hh.frame.columns)
    kinds = {f.code for f in check_link(hh, member)}
    assert kinds == {"link.ok"}


def test_kobo_duplicate_question_names_in_groups(tmp_path: Path) -> None:
    rows = [["g1/q", "g2/q", "_uuid", "_index"], [1, 2, "u1", 1], [3, 4, "u2", 2]]
    opts = ImportOptions(default_identifier_action="keep")
    (ds,) = read_datasets(write_xlsx(tmp_path / "k.xlsx", {"s": rows}), opts)
    assert list(ds.frame.columns) == ["g1_q", "g2_q", "_uuid", "_index"]
    assert ds.variables["g2_q"].extra["group"] == "g2"


def test_identifier_actions_keep_and_hash(kobo_xlsx: Path) -> None:
    opts = ImportOptions(identifier_actions={"phone": "keep", "resp_name": "hash"})
    hh, _ = read_datasets(kobo_xlsx, opts)
    assert hh.variables["phone"].identifier == "phone"
    assert hh.variables["phone"].identifier_action == "keep"
    hashed = hh.frame["resp_name"]
    assert hashed.str.fullmatch(r"[0-9a-f]{16}").all()
    assert hashed.nunique() == 10  # ten different names, ten different hashes
    hh2, _ = read_datasets(kobo_xlsx, opts)
    assert hh2.frame["resp_name"].iloc[0] != hashed.iloc[0]  # salt is random per import
    audit = {d["column"]: d["action"] for d in hh.source["identifiers"]}
    assert audit["phone"] == "keep" and audit["resp_name"] == "hash" and audit["start"] == "keep"
    with pytest.raises(ImportError_, match="no column 'phon' to keep"):
        read_datasets(kobo_xlsx, ImportOptions(identifier_actions={"phon": "keep"}))


def test_hashing_a_key_keeps_the_link(kobo_xlsx: Path) -> None:
    hh, member = read_datasets(
        kobo_xlsx, ImportOptions(identifier_actions={"_parent_index": "hash", "_index": "hash"})
    )
    assert {f.code for f in check_link(hh, member)} == {"link.ok"}


def test_xlsform_labels_languages_and_choices(kobo_xlsx: Path, xlsform_path: Path) -> None:
    hh, member = read_datasets(kobo_xlsx, ImportOptions(xlsform=xlsform_path))
    assert hh.languages == ["en", "fr"]
    status = hh.variables["displaced"]
    assert status.label == "Displacement status"
    assert status.labels == {"en": "Displacement status", "fr": "Statut de déplacement"}
    assert status.value_labels == {1.0: "IDP", 2.0: "Host"}
    assert status.value_labels_i18n["fr"] == {1.0: "PDI", 2.0: "Hôte"}
    assert (status.question_type, status.measure) == ("select_one", "nominal")
    assert hh.variables["hh_size"].measure == "scale"
    assert hh.variables["needs"].value_labels == {
        "food": "Food",
        "water": "Water",
        "shelter": "Shelter",
    }
    assert hh.variables["needs/water"].labels["fr"] == "Besoins prioritaires: Eau"
    assert member.variables["sex"].value_labels_i18n["fr"] == {1.0: "Homme", 2.0: "Femme"}


def test_label_headers_are_matched_to_questions(tmp_path: Path, xlsform_path: Path) -> None:
    rows = [["Household size", "Displacement status"], [3, 1], [5, 2]]
    f = write_xlsx(tmp_path / "labels.xlsx", {"data": rows})
    (ds,) = read_datasets(f, ImportOptions(xlsform=xlsform_path))
    assert list(ds.frame.columns) == ["hh_size", "displaced"]
    assert ds.variables["displaced"].value_labels[2.0] == "Host"


def test_dart_workbook_gives_linked_household_and_individuals(dart_xlsx: Path) -> None:
    hh, ind = read_datasets(dart_xlsx, ImportOptions())
    assert (hh.name, hh.unit, hh.key) == ("dart_households", "household", "hh_id")
    assert list(hh.frame.columns) == ["hh_id", "district", "hh_weight"]
    assert hh.n_rows == 6 and hh.frame["hh_id"].is_unique
    assert (ind.unit, ind.parent, ind.parent_key, ind.key) == (
        "individual",
        hh.name,
        "hh_id",
        "ind_id",
    )
    assert ind.n_rows == sum(1 + h % 3 for h in range(1, 7))
    assert hh.variables["district"].label == "District"
    assert [f.code for f in check_link(hh, ind)] == ["link.ok"]


def test_dart_inconsistent_house_variable_is_reported(tmp_path: Path) -> None:
    data = [
        ["hh_id", "district", "age"],
        ["H1", "North", 3],
        ["H1", "South", 30],
        ["H2", "East", 4],
    ]
    meta = [["Name", "HouseInd"], ["hh_id", "house"], ["district", "house"], ["age", "ind"]]
    hh, _ = read_datasets(
        write_xlsx(tmp_path / "d.xlsx", {"Data": data, "Metadata": meta}), ImportOptions()
    )
    codes = [w["code"] for w in hh.source["warnings"]]
    assert "dart.house_variable_varies" in codes
    assert hh.frame["district"].tolist() == ["North", "East"]


def test_corrupt_and_truncated_workbooks(tmp_path: Path, kobo_xlsx: Path) -> None:
    data = kobo_xlsx.read_bytes()
    bad = tmp_path / "cut.xlsx"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportError_, match=r"cut\.xlsx: not a readable spreadsheet"):
        read_datasets(bad, ImportOptions())
    dup = write_xlsx(tmp_path / "dup.xlsx", {"s": [["a", "a"], [1, 2]]})
    with pytest.raises(ImportError_, match=r"dup\.xlsx: sheet 's': the column name 'a'"):
        read_datasets(dup, ImportOptions())


def test_preview_lists_sheets(kobo_xlsx: Path) -> None:
    pv = preview(kobo_xlsx, ImportOptions(), n_rows=3)
    assert pv.format == "kobo" and pv.sheets == ["hh_survey", "member"] and len(pv.frame) == 3
    assert pv.identifiers["phone"] == "phone" and pv.identifiers["_uuid"] == "submission_id"
    assert "_index" not in pv.identifiers  # the key


def test_kobo_rows_helper_is_consistent() -> None:
    main, roster = kobo_rows(3)
    assert len(main) == 4 and len(roster) == 1 + sum((i % 4) + 1 for i in range(1, 4))


def test_plain_label_xlsform_on_a_csv(tmp_path: Path) -> None:
    form = write_xlsx(
        tmp_path / "f.xlsx",
        {
            "survey": [
                ["type", "name", "label"],
                ["select_one yn", "q1", "Any problem?"],
                ["text", "q2", "Notes"],
            ],
            "choices": [["list_name", "name", "label"], ["yn", "1", "Yes"], ["yn", "0", "No"]],
        },
    )
    data = tmp_path / "d.csv"
    data.write_text("q1,q2,extra\n1,a,3\n0,b,4\n", encoding="utf-8")
    (ds,) = read_datasets(data, ImportOptions(xlsform=form, default_identifier_action="keep"))
    assert ds.languages == [] and ds.variables["q1"].label == "Any problem?"
    assert ds.variables["q1"].labels == {} and ds.variables["q1"].value_labels == {
        1.0: "Yes",
        0.0: "No",
    }
    assert ds.variables["q2"].question_type == "text" and ds.variables["extra"].label == ""
    bad = write_xlsx(tmp_path / "notaform.xlsx", {"s": [["a"], [1]]})
    with pytest.raises(ImportError_, match=r"notaform\.xlsx: not an XLSForm"):
        read_datasets(data, ImportOptions(xlsform=bad))


def test_user_drop_of_an_ordinary_column(tmp_path: Path) -> None:
    data = tmp_path / "d.csv"
    data.write_text("a,b\n1,2\n", encoding="utf-8")
    (ds,) = read_datasets(data, ImportOptions(identifier_actions={"b": "drop"}))
    assert list(ds.frame.columns) == ["a"]
    assert ds.source["identifiers"] == [{"column": "b", "reason": "user", "action": "drop"}]


def test_kobo_label_headers_with_select_multiple(tmp_path: Path, xlsform_path: Path) -> None:
    rows = [
        [
            "Household/Household size",
            "Household/Priority needs",
            "Household/Priority needs/Food",
            "Household/Priority needs/Water",
            "_uuid",
            "_index",
        ],
        [3, "food water", 1, 1, "u1", 1],
        [4, "water", 0, 1, "u2", 2],
    ]
    f = write_xlsx(tmp_path / "labels_export.xlsx", {"data": rows})
    opts = ImportOptions(xlsform=xlsform_path, default_identifier_action="keep")
    (ds,) = read_datasets(f, opts)
    assert list(ds.frame.columns) == [
        "hh_size",
        "needs",
        "needs/food",
        "needs/water",
        "_uuid",
        "_index",
    ]
    water = ds.variables["needs/water"]
    assert (water.parent_question, water.extra["option"], water.label) == (
        "needs",
        "water",
        "Priority needs: Water",
    )
    assert ds.variables["needs"].question_type == "select_multiple"


def test_hash_values_is_stable_within_one_salt() -> None:
    import pandas as pd

    from workbench.datasets.protect import hash_values

    s = pd.Series(["Amina Yusuf", None, "Omar Haddad", "Amina Yusuf"], dtype="str")
    h = hash_values(s, b"salt-1")
    assert h.iloc[0] == h.iloc[3] and h.iloc[0] != h.iloc[2] and pd.isna(h.iloc[1])
    assert (
        hash_values(pd.Series([12.0]), b"s").iloc[0] == hash_values(pd.Series(["12"]), b"s").iloc[0]
    )
    assert hash_values(s, b"salt-2").iloc[0] != h.iloc[0]


def test_dart_preview_shows_the_data_sheet(dart_xlsx: Path) -> None:
    pv = preview(dart_xlsx, ImportOptions(), n_rows=4)
    assert pv.format == "dart" and pv.columns == [
        "hh_id",
        "district",
        "hh_weight",
        "ind_id",
        "age",
        "sex",
    ]
    assert len(pv.frame) == 4 and pv.sheets == ["Data", "Metadata"]
