"""Plans (versioned), results runs (exact round trip), report records."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbench.errors import NotFound, VaultError
from workbench.stats.results import (
    COMPARISON_COLUMNS,
    CRITERIA_SUMMARY_COLUMNS,
    ESTIMATE_COLUMNS,
    SOLUTIONS_COLUMNS,
    STOCK_COLUMNS,
)

SNAPSHOT = {"schema_version": 1, "plan_name": "main", "texts": {"indicators": [{"id": "x"}]}}


def test_plan_versions(vault):
    r1 = vault.save_plan("main", "a = 1", note="first")
    r2 = vault.save_plan("main", "a = 2")
    vault.save_plan("other", "b = 1")
    assert (r1.version, r2.version) == (1, 2)
    assert vault.load_plan("main").toml_text == "a = 2"
    assert vault.load_plan("main", 1).note == "first"
    assert [p.version for p in vault.plan_versions("main")] == [1, 2]
    assert [(p.name, p.version) for p in vault.list_plans()] == [("main", 2), ("other", 1)]
    assert len(r1.sha256) == 64 and r1.sha256 != r2.sha256
    with pytest.raises(NotFound, match="known plans: main, other"):
        vault.load_plan("nope")
    with pytest.raises(NotFound, match="version 9"):
        vault.load_plan("main", 9)
    with pytest.raises(VaultError):
        vault.save_plan("  ", "x")


def _frame(cols: list[str], n: int, rng: np.random.Generator) -> pd.DataFrame:
    out = {}
    for c in cols:
        if c in ("estimate", "se", "ci_low", "ci_high", "n_weighted", "cv", "difference",
                 "se_difference", "p_value", "share", "number", "number_se"):  # fmt: skip
            v = rng.normal(size=n)
            v[0] = np.nan
            out[c] = v
        elif c in ("n", "worse", "better", "no_significant_difference", "insufficient_data",
                   "n_assessable"):  # fmt: skip
            out[c] = rng.integers(0, 500, n)
        else:
            out[c] = pd.Series([f"{c}-{i % 4}" for i in range(n)], dtype="str")
    return pd.DataFrame(out)


def test_results_round_trip_exactly(vault):
    rng = np.random.default_rng(5)
    est = _frame(ESTIMATE_COLUMNS, 40, rng)
    est["flag"] = pd.Series(["", "caution", "suppressed", ""] * 10, dtype="str")
    est["deff"] = rng.random(40)
    tables = {
        "estimates": est,
        "comparisons": _frame(COMPARISON_COLUMNS, 30, rng),
        "criteria_summary": _frame(CRITERIA_SUMMARY_COLUMNS, 8, rng),
        "solutions": _frame(SOLUTIONS_COLUMNS, 6, rng),
        "stock": _frame(STOCK_COLUMNS, 12, rng),
    }
    meta = {"plan_name": "main", "plan_version": "2", "alpha": 0.05, "nested": {"a": [1, 2]}}
    run = vault.save_run(tables, meta, SNAPSHOT, plan_name="main", plan_version=2)
    run2 = vault.save_run(tables, meta, SNAPSHOT, plan_name="main", plan_version=2)
    assert run.id != run2.id and run.results_sha256 == run2.results_sha256
    back = vault.load_run(run.id)
    for name, table in tables.items():
        pd.testing.assert_frame_equal(back.tables[name], table, check_exact=True)
    assert back.meta == meta and back.snapshot == SNAPSHOT and back.record.id == run.id
    assert [r.id for r in vault.list_results()] == [run.id, run2.id]
    assert vault.list_results()[0].meta["alpha"] == 0.05
    with pytest.raises(NotFound, match="runs: 1, 2"):
        vault.load_run(99)


def test_empty_optional_tables_round_trip(vault):
    tables = {"estimates": pd.DataFrame({"a": [1.0]}), "solutions": pd.DataFrame()}
    back = vault.load_run(vault.save_run(tables, {}, SNAPSHOT, plan_name="p", plan_version=1).id)
    assert back.tables["solutions"].empty and set(back.tables) == {"estimates", "solutions"}
    pd.testing.assert_frame_equal(back.tables["estimates"], tables["estimates"])


def test_snapshot_is_written_once(vault):
    run = vault.save_run({"estimates": pd.DataFrame()}, {}, SNAPSHOT, plan_name="p", plan_version=1)
    assert vault.store_snapshot(run.id, {"schema_version": 1, "other": True}, "test") is False
    assert vault.load_run(run.id).snapshot == SNAPSHOT
    assert not vault.audit_log("results.snapshot_reconstructed")
    with pytest.raises(NotFound):
        vault.store_snapshot(42, SNAPSHOT, "test")


def test_report_records(vault):
    run = vault.save_run({"estimates": pd.DataFrame()}, {}, SNAPSHOT, plan_name="p", plan_version=1)
    rid = vault.record_report(run.id, "/tmp/r.pdf", {"language": "fr", "pdfa": True})
    reps = vault.list_reports()
    assert reps[0].id == rid and reps[0].options == {"language": "fr", "pdfa": True}
    with pytest.raises(NotFound):
        vault.record_report(42, "x.pdf", {})
