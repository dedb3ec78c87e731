"""Publishable by default (issue 15, finding 2 and item 3): ``workbench analyze --out`` writes
the publishable copy; the full copy only with ``--internal``, marked and audited as such."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from suppression_synth import camps_frame

from workbench.cli import main
from workbench.export_writer import AuditList
from workbench.stats import analyze
from workbench.stats.export import CLASSIFICATION, INTERNAL_MARK, write_results
from workbench.stats.options import AnalysisOptions

PASS = "correct horse battery staple"  # the sample_vault fixture's (tests/stats/conftest.py)


@pytest.fixture
def vault_with_plan(sample_vault):
    return sample_vault(250, 11)[0]


def _analyze(vault, out, *extra: str) -> int:
    args = ["analyze", "--vault", str(vault), "--plan", "freedonia", "--out", str(out)]
    return main([*args, "--preset", "dhs", *extra])


def _audit(vault):
    from workbench.service import Workbench

    wb = Workbench()
    wb.open_vault(vault, PASS)
    try:
        done = wb.audit_log("export.completed")  # the one export writer's completions
        return [e for e in done if e.params["kind"] == "results"]
    finally:
        wb.lock()


@pytest.mark.slow
def test_stats_analyze_out_writes_the_publishable_copy(vault_with_plan, tmp_path, capsys) -> None:
    vault = vault_with_plan
    out = tmp_path / "results.xlsx"
    assert _analyze(vault, out) == 0, capsys.readouterr().err
    assert "publishable copy" in capsys.readouterr().out
    sheets = pd.read_excel(out, sheet_name=None, engine="openpyxl", dtype={"group": str})
    est = sheets["estimates"]
    sup = est["flag"] == "suppressed"
    assert sup.sum() > 10, "the sample should have suppressed cells"
    hidden = ["estimate", "se", "ci_low", "ci_high", "cv", "n_weighted", "deff"]
    assert est.loc[sup, hidden].isna().all().all(), "a suppressed value was published"
    assert set(est.loc[sup, "suppression"]) <= {"primary", "complementary", "empty"}
    for name in ("solutions", "stock"):
        t = sheets[name]
        col = "share" if name == "solutions" else "estimate"
        assert t.loc[t["flag"] == "suppressed", col].isna().all()
    cmp_ = sheets["comparisons"]
    assert cmp_.loc[cmp_["flag"] == "suppressed", "difference"].isna().all()
    assert CLASSIFICATION not in est
    meta = sheets["meta"].set_index("key")["value"]
    assert meta["copy"].startswith("publishable")
    # --internal: the full copy, under a marked name, every sheet marked, audited as internal
    assert _analyze(vault, out, "--internal") == 0
    assert "INTERNAL" in capsys.readouterr().out
    marked = tmp_path / f"results-{INTERNAL_MARK}.xlsx"
    assert marked.is_file()
    full = pd.read_excel(marked, sheet_name=None, engine="openpyxl", dtype={"group": str})
    for name, sheet in full.items():
        assert sheet.columns[0] == CLASSIFICATION, name
        assert sheet[CLASSIFICATION].str.startswith("INTERNAL").all(), name
    fest = full["estimates"]
    assert np.isfinite(fest.loc[fest["flag"] == "suppressed", "estimate"]).any()
    entries = _audit(vault)
    assert [e.params.get("copy") for e in entries][-2:] == ["publishable", "internal"]
    assert entries[-1].params["files"][0]["path"] == str(marked)


@pytest.mark.slow
def test_stats_analyze_internal_csv_names_every_file(vault_with_plan, tmp_path) -> None:
    assert _analyze(vault_with_plan, tmp_path / "r.csv", "--internal") == 0
    names = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert len(names) == 6 and all(INTERNAL_MARK in n for n in names), names
    for p in tmp_path.glob("*.csv"):
        assert pd.read_csv(p).columns[0] == CLASSIFICATION


def test_stats_write_results_is_publishable_unless_internal(tmp_path) -> None:
    """The writer itself cannot write raw values unmarked: the default is the publishable copy."""
    res = analyze(camps_frame(), AnalysisOptions(disclosure_preset="dhs"))
    st = res.stock
    raw = float(st.loc[(st["group"] == "1") & (st["row_value"] == "Disaster"), "estimate"].iloc[0])
    out = write_results(res, tmp_path / "r.xlsx", audit=AuditList())
    assert out == tmp_path / "r.xlsx"
    pub = pd.read_excel(out, sheet_name=None, engine="openpyxl", dtype={"group": str})
    stock = pub["stock"]
    assert stock.loc[stock["flag"] == "suppressed", "estimate"].isna().all()
    assert not np.isclose(stock["estimate"].astype(float), raw).any()
    full = write_results(res, tmp_path / "r.xlsx", internal=True, audit=AuditList())
    assert full.name == f"r-{INTERNAL_MARK}.xlsx"
    sheets = pd.read_excel(full, sheet_name=None, engine="openpyxl", dtype={"group": str})
    assert all(t.columns[0] == CLASSIFICATION for t in sheets.values())
    assert np.isclose(sheets["stock"]["estimate"].astype(float), raw).any()
    assert (
        write_results(res, full, internal=True, audit=AuditList()) == full
    )  # an already marked name stays
