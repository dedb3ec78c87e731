"""The cleaning log through the façade, on a real vault: edits applied, undone and re-applied give
the expected frames; the imported data and their fingerprint never change; every change is
audited; the exchange XLSX round-trips; a log that does not match the data is refused with the
first mismatch named and the vault unchanged."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from cleaning_testkit import household_frame, make_vault, open_wb

from workbench.cleaning_model import NewChange
from workbench.errors import CleaningError, WorkbenchError
from workbench.vault.fingerprint import fingerprint_frame


@pytest.fixture
def wb(tmp_path, passphrase):
    w = open_wb(make_vault(tmp_path / "v.dsv", passphrase), passphrase)
    yield w
    w.lock()


def change(record, question, value, issue="checked with the enumerator", **kw):
    return NewChange("hh", "change", record=record, question=question, new=value, issue=issue, **kw)


def fingerprints(wb) -> dict[str, str]:
    return {d.name: d.fingerprint for d in wb.datasets()}


def test_edits_applied_undone_and_reapplied_give_the_expected_frames(wb) -> None:
    raw = household_frame()
    before = fingerprints(wb)
    age, gone, _blank = wb.clean(
        [
            change("u01", "age", "12", check="check.age_range"),
            NewChange("hh", "drop", record="u04", issue="duplicate interview"),
            NewChange("hh", "missing", record="u02", question="age", issue="child head"),
        ]
    )
    (recode,) = wb.clean(
        [NewChange("hh", "recode", question="sex", old="99", new="", issue="refusals")]
    )
    assert (age.old, age.new, age.row, gone.row, recode.rows) == (120, 12, 1, 4, 2)

    expected = raw.copy()
    expected.loc[1, "age"] = 12.0
    expected.loc[2, "age"] = np.nan
    expected.loc[[8, 10], "sex"] = np.nan
    expected = expected.drop(index=4).reset_index(drop=True)
    pd.testing.assert_frame_equal(wb.load_dataset("hh").frame, expected)

    undo = wb.undo_cleaning(age.id, "the enumerator confirmed 120")
    undone = expected.copy()
    undone.loc[1, "age"] = 120.0
    pd.testing.assert_frame_equal(wb.load_dataset("hh").frame, undone)
    with pytest.raises(CleaningError) as exc:
        wb.undo_cleaning(age.id, "twice")
    assert exc.value.code == "clean.already_undone"

    wb.undo_cleaning(undo.id, "it was a typo after all")  # an undo of the undo re-applies it
    pd.testing.assert_frame_equal(wb.load_dataset("hh").frame, expected)

    wb.undo_cleaning(gone.id, "not a duplicate")
    back = raw.copy()
    back.loc[1, "age"] = 12.0
    back.loc[2, "age"] = np.nan
    back.loc[[8, 10], "sex"] = np.nan
    pd.testing.assert_frame_equal(wb.load_dataset("hh").frame, back)

    # the imported data are untouched: same stored frame, same fingerprint
    stored = wb.vault.load_dataset("hh").frame
    pd.testing.assert_frame_equal(stored, raw)
    assert fingerprints(wb) == before
    assert fingerprint_frame(stored) == before["hh"]


def test_every_type_of_column_takes_its_kind_of_value(wb) -> None:
    wb.clean(
        [
            change("u00", "sex", "Female"),  # a value label is taken as its code
            change("u00", "visit", "2024-02-29"),
            change("u00", "code", "0042"),  # text stays text
            change("u00", "members", "3"),
            change("u00", "owner", "false"),
            NewChange("hh", "missing", record="u01", question="members", issue="unknown"),
        ]
    )
    f = wb.load_dataset("hh").frame
    assert f.loc[0, "sex"] == 2.0
    assert f.loc[0, "visit"] == pd.Timestamp("2024-02-29")
    assert f["visit"].dtype == household_frame()["visit"].dtype
    assert f.loc[0, "code"] == "0042"
    assert f.loc[0, "members"] == 3 and np.isnan(f.loc[1, "members"])  # widened to hold missing
    assert not bool(f.loc[0, "owner"])


MISSING_AGAIN = NewChange("hh", "missing", record="u11", question="age", issue="x")
RECODE_NOTHING = NewChange("hh", "recode", question="sex", old="7", new="1", issue="x")


@pytest.mark.parametrize(
    ("req", "code"),
    [
        (change("u99", "age", "30"), "clean.record_unknown"),
        (change("u01", "agee", "30"), "clean.question_unknown"),
        (change("u01", "age", "thirty"), "clean.value_not_number"),
        (change("u01", "visit", "yesterday"), "clean.value_not_date"),
        (change("u01", "age", "120"), "clean.value_unchanged"),
        (change("u01", "age", "30", issue="  "), "clean.reason_needed"),
        (MISSING_AGAIN, "clean.already_missing"),
        (RECODE_NOTHING, "clean.recode_nothing"),
    ],
)
def test_a_wrong_change_is_refused_and_nothing_is_written(wb, req, code) -> None:
    wb.clean([change("u03", "age", "46")])
    with pytest.raises(CleaningError) as exc:
        wb.clean([change("u05", "age", "30"), req])  # the good one is not kept either
    assert exc.value.code == code
    assert [e.record for e in wb.cleaning_log("hh")] == ["u03"]


def test_a_dataset_without_key_names_records_by_row_number(wb) -> None:
    (e,) = wb.clean(
        [NewChange("members", "change", record="3", question="age", new="20", issue="typo")]
    )
    assert e.row == 2
    view = wb.view_dataset("members")
    assert view.dataset.frame["age"].tolist() == [30.0, 5.0, 20.0, 41.0]
    wb.clean([NewChange("members", "drop", record="2", issue="not a member")])
    view = wb.view_dataset("members")
    assert view.rows.tolist() == [0, 2, 3] and view.records.tolist() == ["1", "3", "4"]
    with pytest.raises(CleaningError) as exc:
        wb.clean([NewChange("members", "missing", record="2", question="age", issue="x")])
    assert exc.value.code == "clean.record_dropped"
    with pytest.raises(CleaningError) as exc:
        wb.clean([NewChange("members", "drop", record="9", issue="x")])
    assert "1 to 4" in exc.value.render("en")


def test_every_change_is_audited_without_values(wb) -> None:
    (e,) = wb.clean([change("u01", "age", "12", check="check.age_range")])
    wb.undo_cleaning(e.id, "wrong")
    entries = wb.audit_log(action="clean")
    assert [a.action for a in entries] == ["clean.change", "clean.undo"]
    assert entries[0].params["entry"] == e.id and entries[0].params["check"] == "check.age_range"
    assert "12" not in str(entries[0].params) and "120" not in str(entries[0].params)


def test_the_log_summary_counts_by_kind_and_hashes_the_log(wb) -> None:
    empty = wb.cleaning_summary("hh")
    assert empty.entries == 0
    a, _b, _c = wb.clean(
        [
            change("u01", "age", "12"),
            NewChange("hh", "missing", record="u02", question="age", issue="x"),
            NewChange("hh", "drop", record="u04", issue="x", check="check.duplicate"),
        ]
    )
    wb.clean([NewChange("hh", "recode", question="sex", old="99", new="2", issue="x")])
    s = wb.cleaning_summary("hh")
    assert (s.entries, s.changed, s.set_missing, s.dropped, s.recodes, s.recoded_values) == (
        4, 1, 1, 1, 1, 2,
    )  # fmt: skip
    assert s.by_check == {"check.duplicate": 1}
    wb.clean([change("u02", "age", "9")])  # the answer set missing is given a value after all
    s1 = wb.cleaning_summary("hh")
    assert (s1.changed, s1.set_missing) == (2, 0)  # each answer counts once, by its last edit
    wb.undo_cleaning(a.id, "x")
    s2 = wb.cleaning_summary("hh")
    assert (s2.entries, s2.changed, s2.undone) == (6, 1, 1) and s2.sha256 != s.sha256


# ------------------------------------------------------------------ exchange format
def test_the_exchange_xlsx_round_trips_into_another_vault(wb, tmp_path, passphrase) -> None:
    from openpyxl import load_workbook

    first = wb.clean([change("u01", "age", "12", check="check.age_range")])[0]
    wb.clean(
        [
            change("u00", "remark", "=2+2"),  # would be a formula in a careless writer
            change("u02", "code", "007"),
            NewChange("hh", "missing", record="u03", question="age", issue="x"),
            NewChange("hh", "drop", record="u04", issue="duplicate"),
            NewChange("hh", "recode", question="sex", old="99", new="", issue="refusals"),
            NewChange("members", "change", record="3", question="age", new="20", issue="typo"),
        ]
    )
    wb.undo_cleaning(first.id, "confirmed")
    out = tmp_path / "log.xlsx"
    assert wb.export_cleaning_log(out) == 6  # undone edits are left out
    sheet = load_workbook(out)["cleaning_log"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == ("uuid", "question", "old_value", "new_value", "issue",
                           "change_type", "changed_by", "changed_at")  # fmt: skip
    assert all(c.data_type == "s" for row in sheet.iter_rows(min_row=2) for c in row if c.value)
    by_q = {(r[0], r[1]): r for r in rows[1:]}
    assert by_q[("u00", "remark")][3] == "=2+2"
    assert by_q[("u02", "code")][2:4] == ("+12", "007")
    assert by_q[("u04", None)][5] == "remove_survey"
    assert by_q[(None, "sex")][2:6] == ("99", None, "refusals", "recode_category")
    (done,) = wb.audit_log(action="export.completed")  # through the one export writer
    assert (done.params["kind"], done.params["rows"]) == ("cleaning_log", 6)

    other = open_wb(make_vault(tmp_path / "other.dsv", passphrase), passphrase)
    try:
        added, skipped = other.import_cleaning_log(out)
        assert (len(added), skipped) == (6, 0)
        for name in ("hh", "members"):
            pd.testing.assert_frame_equal(
                other.load_dataset(name).frame, wb.load_dataset(name).frame
            )
        mine = [e for e in wb.cleaning_log() if e.kind != "undo" and e.id != first.id]
        fields = ("dataset", "kind", "record", "question", "old", "new", "issue", "check",
                  "user", "time")  # fmt: skip
        assert [[getattr(e, f) for f in fields] for e in other.cleaning_log()] == [
            [getattr(e, f) for f in fields] for e in mine
        ]
        # and out again: the same file content
        again = tmp_path / "again.xlsx"
        other.export_cleaning_log(again)
        assert list(load_workbook(again)["cleaning_log"].iter_rows(values_only=True)) == rows
    finally:
        other.lock()


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    header = ["uuid", "question", "old_value", "new_value", "issue", "change_type",
              "changed_by", "changed_at"]  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    return path


def test_a_log_whose_old_value_does_not_match_is_refused_naming_the_first(wb, tmp_path) -> None:
    wb.clean([change("u03", "age", "46")])
    audit_before = len(wb.audit_log())
    log = _write_csv(tmp_path / "log.csv", [
        ["u01", "age", "120", "12", "typo", "change_response", "ana", "2024-05-01"],
        ["u01", "age", "12", "13", "second look", "change_response", "ana", "2024-05-02"],
        ["u02", "age", "9", "19", "typo", "change_response", "ana", "2024-05-01"],
        ["u05", "age", "1", "2", "typo", "change_response", "ana", "2024-05-01"],
    ])  # fmt: skip
    with pytest.raises(CleaningError) as exc:
        wb.import_cleaning_log(log, "hh")
    text = exc.value.render("en")
    assert "row 4" in text and "u02" in text and "age" in text
    assert "“9”" in text and "“8”" in text and "Nothing was imported" in text
    assert "ligne 4" in exc.value.render("fr")
    assert [e.record for e in wb.cleaning_log("hh")] == ["u03"]
    assert len(wb.audit_log()) == audit_before
    assert wb.load_dataset("hh").frame.loc[1, "age"] == 120.0


@pytest.mark.parametrize(
    ("row", "needle"),
    [
        (["u77", "age", "1", "2", "typo", "change_response", "", ""], "no record u77"),
        (["u01", "weight", "1", "2", "typo", "change_response", "", ""], "no question"),
        (["u01", "age", "120", "2", "typo", "fix_it", "", ""], "fix_it"),
        (["u01", "age", "120", "2", "", "change_response", "", ""], "Say why"),
    ],
)
def test_unknown_records_questions_and_types_are_refused(wb, tmp_path, row, needle) -> None:
    log = _write_csv(tmp_path / "log.csv", [row])
    with pytest.raises(WorkbenchError) as exc:
        wb.import_cleaning_log(log, "hh")
    assert needle in exc.value.render("en")
    assert wb.cleaning_log() == []


def test_no_action_rows_are_skipped_and_a_log_needs_its_columns(wb, tmp_path) -> None:
    log = _write_csv(tmp_path / "log.csv", [
        ["u01", "age", "120", "", "confirmed", "no_action", "", ""],
        ["u01", "age", "120", "", "impossible", "blank_response", "", ""],
        ["u04", "", "", "", "duplicate", "remove_survey", "", ""],
    ])  # fmt: skip
    added, skipped = wb.import_cleaning_log(log, "hh")
    assert [e.kind for e in added] == ["missing", "drop"] and skipped == 1
    assert added[0].user == wb.audit_log(action="clean.missing")[0].user  # no changed_by given
    bad = tmp_path / "bad.csv"
    bad.write_text("uuid,question,new_value\nu01,age,3\n", encoding="utf-8")
    with pytest.raises(CleaningError) as exc:
        wb.import_cleaning_log(bad, "hh")
    assert exc.value.code == "clean.import_columns" and "old_value" in exc.value.render("en")


def test_the_log_is_checked_against_what_a_stale_session_read(wb) -> None:
    session, last = wb._edit_session("hh")
    planned = session.plan(change("u01", "age", "12"))
    wb.clean([change("u03", "age", "46")])  # meanwhile, elsewhere
    with pytest.raises(WorkbenchError) as exc:
        wb.vault.append_cleaning([("hh", [planned], last)])
    assert exc.value.code == "clean.log_moved"
