"""``workbench analyze`` end to end on a small Freedonia sample (vault → plan → results)."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.cli import main
from workbench.cli.analyze import format_summary
from workbench.stats.summary import criteria_summary


@pytest.fixture
def vault_with_plan(sample_vault):
    return sample_vault(300, 5)


@pytest.mark.slow
def test_stats_cli_analyze_exports_and_prints_summary(vault_with_plan, tmp_path, capsys) -> None:
    vault, ds = vault_with_plan
    out = tmp_path / "results.xlsx"
    rc = main(
        [
            "analyze",
            "--vault",
            str(vault),
            "--plan",
            "freedonia",
            "--dataset",
            ds,
            "--out",
            str(out),
            "--alpha",
            "0.1",
            "--preset",
            "minimal",
        ]
    )
    printed = capsys.readouterr().out
    assert rc == 0, printed
    assert "criterion" in printed and "W worse" in printed and "saved in the vault" in printed
    sheets = pd.read_excel(out, sheet_name=None, engine="openpyxl")
    est = sheets["estimates"]
    assert len(est) > 100 and set(est["flag"].fillna("")) <= {"", "caution", "suppressed"}
    assert not sheets["comparisons"].empty and not sheets["stock"].empty
    rc = main(
        [
            "analyze",
            "--vault",
            str(vault),
            "--plan",
            "freedonia",
            "--dataset",
            "nope",
            "--out",
            str(out),
        ]
    )
    assert rc == 1 and "does not read dataset" in capsys.readouterr().err
    assert main(["analyze", "--vault", str(vault), "--plan", "x", "--out", "r.pdf"]) == 2


def test_stats_cli_summary_grid() -> None:
    cmp_ = pd.DataFrame(
        [("1", "a", "worse"), ("1", "b", "better"), ("2", "a", "no_significant_difference")],
        columns=["criterion", "group", "assessment"],
    ).assign(disaggregation="total")
    text = format_summary(criteria_summary(cmp_), {"a": "IDPs", "b": "Returnees"})
    lines = text.splitlines()
    assert lines[0].split() == ["criterion", "IDPs", "Returnees"]
    assert "W1 B0 =0 ?0 RED" in lines[1] and "W0 B1 =0 ?0 GREEN" in lines[1]
    assert lines[2].rstrip().endswith("-")
