"""``workbench analyze`` end to end on a small Freedonia sample (vault → plan → results)."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.cli import main
from workbench.cli.analyze import disclosure_line, format_summary
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
    line = next(ln for ln in printed.splitlines() if ln.startswith("disclosure control:"))
    assert "linear-programming audit" in line and line.endswith("still exposed: 0")
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
        [("1", "a", "worse"), ("1", "b", "better"), ("2", "a", "no_significant_difference"),
         ("3", "a", "inconclusive")],
        columns=["criterion", "group", "assessment"],
    ).assign(disaggregation="total")  # fmt: skip
    text = format_summary(criteria_summary(cmp_), {"a": "IDPs", "b": "Returnees"})
    lines = text.splitlines()
    assert lines[0].split() == ["criterion", "IDPs", "Returnees"]
    assert "W1/1 B0 ~0 =0 I0 ?0 -0 RED" in lines[1] and "W0/1 B1 ~0 =0 I0 ?0 -0 GREEN" in lines[1]
    assert lines[2].rstrip().endswith("-")
    # an inconclusive indicator: assessed, not worse, the cell inconclusive (not "no gap")
    assert "W0/1 B0 ~0 =0 I1 ?0 -0 INCONCLUSIVE" in lines[3]
    stored = criteria_summary(cmp_).drop(columns=["inconclusive"])  # a run before the code
    assert " I0 " not in format_summary(stored).splitlines()[1]
    assert lines[-1] == "Rating rule: Share of indicators worse"
    old = criteria_summary(cmp_).drop(columns=["assessed", "rule"])  # a run before the rules
    assert "W1 B0" in format_summary(old).splitlines()[1]


def test_stats_cli_disclosure_line_in_every_language() -> None:
    sup = {"primary": 311, "complementary": 126, "complementary_lp": 2, "exposed": 0}
    lines = {lang: disclosure_line(sup, lang) for lang in ("en", "fr", "es", "ar")}
    assert lines["en"] == (
        "disclosure control: 311 values suppressed by the thresholds, 126 more withheld to "
        "protect them (2 of these after the linear-programming audit); withheld values still "
        "exposed: 0"
    )
    assert "programmation linéaire" in lines["fr"] and "البرمجة الخطية" in lines["ar"]
    for text in lines.values():
        assert all(str(v) in text for v in (311, 126, 2))
    # a run stored before the LP audit has no such count: 0, not an error
    assert "(0 of these" in disclosure_line({"primary": 3, "complementary": 1}, "en")
