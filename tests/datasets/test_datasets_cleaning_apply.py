"""Replaying a cleaning log on a frame: order, last edit wins, recodes see earlier edits, undo
switches an entry off (and an undo of an undo on again), dtypes are kept or widened."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.cleaning_model import CleaningEntry, active_entries
from workbench.dataset_model import Dataset
from workbench.datasets.cleaning_apply import apply_log, record_ids, same_value, value_json


def entry(i, kind, row=None, q="x", old=None, new=None, undoes=None):  # type: ignore[no-untyped-def]
    return CleaningEntry(i, "d", kind, None if row is None else str(row + 1), row, q, old, new,
                         "why", None, "me", "now", undoes)  # fmt: skip


def ds(**cols) -> Dataset:  # type: ignore[no-untyped-def]
    return Dataset("d", pd.DataFrame(cols), {})


def test_replay_order_last_edit_wins_and_recode_sees_earlier_edits() -> None:
    d = ds(x=[1.0, 2.0, 3.0, 1.0])
    log = [
        entry(1, "change", 1, new=5),
        entry(2, "change", 1, new=1),  # the last edit of a cell wins
        entry(3, "recode", old=1, new=9),  # sees rows 0, 1 (after entry 2) and 3
        entry(4, "change", 3, new=7),  # after the recode
        entry(5, "missing", 2),
    ]
    out, kept = apply_log(d, log)
    assert out.frame["x"].tolist()[:2] == [9.0, 9.0] and out.frame["x"].tolist()[3] == 7.0
    assert np.isnan(out.frame["x"].iloc[2]) and kept.tolist() == [0, 1, 2, 3]
    assert d.frame["x"].tolist() == [1.0, 2.0, 3.0, 1.0]  # the input is not changed


def test_undo_and_undo_of_undo() -> None:
    d = ds(x=[1.0, 2.0])
    log = [entry(1, "change", 0, new=5), entry(2, "drop", 1), entry(3, "undo", undoes=1)]
    assert [e.id for e in active_entries(log)] == [2]
    out, kept = apply_log(d, log)
    assert out.frame["x"].tolist() == [1.0] and kept.tolist() == [0]
    log.append(entry(4, "undo", undoes=3))
    out, _ = apply_log(d, log)
    assert out.frame["x"].tolist() == [5.0]


def test_dtypes_are_kept_or_widened_only_when_needed() -> None:
    d = ds(
        i=np.array([1, 2, 3], dtype=np.int64),
        b=np.array([True, False, True]),
        c=pd.Categorical(["a", "b", "a"]),
        t=pd.Series(["x", "y", "z"], dtype="str"),
    )
    out, _ = apply_log(d, [entry(1, "change", 0, q="i", new=7), entry(2, "change", 1, q="c",
                                                                         new="new")])  # fmt: skip
    assert out.frame["i"].dtype == np.int64 and out.frame["i"].tolist() == [7, 2, 3]
    assert out.frame["c"].tolist() == ["a", "new", "a"]
    out, _ = apply_log(d, [entry(1, "missing", 0, q="i"), entry(2, "missing", 0, q="b"),
                           entry(3, "missing", 0, q="t")])  # fmt: skip
    assert out.frame["i"].dtype == np.float64 and np.isnan(out.frame["i"].iloc[0])
    assert out.frame["b"].isna().tolist() == [True, False, False]
    assert out.frame["t"].isna().tolist() == [True, False, False]


def test_values_and_record_names() -> None:
    assert [value_json(v) for v in (np.float64(3.0), 2.5, np.nan, pd.Timestamp("2024-01-02"))] == [
        3, 2.5, None, "2024-01-02",
    ]  # fmt: skip
    assert same_value("120", 120.0) and same_value("", None) and not same_value("a", "b")
    keyed = Dataset("d", pd.DataFrame({"k": [100101.0, 7.0], "x": [1, 2]}), {}, key="k")
    assert record_ids(keyed).tolist() == ["100101", "7"]
    assert record_ids(ds(x=[1, 2, 3])).tolist() == ["1", "2", "3"]


def test_a_partial_load_skips_edits_of_other_columns() -> None:
    d = ds(x=[1.0, 2.0])
    out, _ = apply_log(d, [entry(1, "change", 0, q="y", new=3), entry(2, "change", 0, new=4)])
    assert out.frame["x"].tolist() == [4.0, 2.0] and list(out.frame.columns) == ["x"]
