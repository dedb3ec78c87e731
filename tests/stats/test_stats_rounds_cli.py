"""``workbench rounds`` end to end on a real vault holding both Freedonia rounds."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.stats.rounds_vault import PASS, make_rounds_vault
from workbench.cli import main
from workbench.service import Workbench


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_rounds_vault(tmp_path_factory.mktemp("rounds") / "v.wbv")


@pytest.fixture(scope="module")
def analysed(vault: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, Path]:
    """``workbench rounds`` run once: (exit code, what it printed, the workbook)."""
    import contextlib
    import io
    import os

    out = tmp_path_factory.mktemp("out") / "changes.xlsx"
    os.environ["WORKBENCH_PASSPHRASE"] = PASS
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            code = main(
                ["rounds", "--vault", str(vault), "--plan", "freedonia_rounds", "--out", str(out)]
            )
    finally:
        del os.environ["WORKBENCH_PASSPHRASE"]
    return code, buf.getvalue(), out


def test_cli_rounds_prints_the_gaps_and_writes_the_workbook(
    analysed: tuple[int, str, Path],
) -> None:
    code, text, out = analysed
    assert code == 0, text
    assert "Baseline 2024 → Follow-up 2026" in text and "panel" in text
    assert "ds_5_1_1_personal_id" in text and "closing" in text
    assert "not comparable between rounds" in text  # the water indicator's choice was added
    # the adjusted p of each change and the rule it was judged by
    assert "(adj. " in text and "minimum important difference" in text
    assert "Closing / widening: change in the gap significant (p < 0.05)" in text
    book = openpyxl.load_workbook(out, read_only=True)
    assert {"gap_changes", "changes", "estimates_1", "estimates_2", "stock_change"} <= set(
        book.sheetnames
    )
    rows = list(book["gap_changes"].iter_rows(values_only=True))
    head = rows[0]
    i_id, i_a = head.index("indicator_id"), head.index("assessment")
    ids = {r[i_id] for r in rows[1:] if r[i_a] == "closing"}
    assert "ds_5_1_1_personal_id" in ids


def test_gap_lines_in_french() -> None:
    """The printed lines in another language: the engine's assessment in French words."""
    from tests.stats.rounds_synth import round_frames
    from workbench.cli.rounds import format_gaps
    from workbench.stats.rounds import RoundInfo, analyze_rounds

    rounds = [RoundInfo("Base", "2024"), RoundInfo("Suivi", "2026")]
    rr = analyze_rounds(round_frames("independent"), rounds).publishable()
    text = format_gaps(rr.gap_changes, {"1": "Camps"}, "fr", every_cell=True)
    words = {"se réduit", "se creuse", "pas d’évolution significative", "données insuffisantes"}
    assert any(w in text for w in words) and "Camps" in text and "[sex=F]" in text
    assert "closing" not in text and "widening" not in text


def test_a_plan_without_rounds_is_refused(
    vault: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = Workbench()
    wb.open_vault(vault, PASS)
    plan = wb.load_plan("freedonia_rounds")
    import dataclasses

    from workbench.plan.model import Rounds

    wb.save_plan(dataclasses.replace(plan, name="one_round", rounds=Rounds()))
    wb.lock()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", PASS)
    code = main(["rounds", "--vault", str(vault), "--plan", "one_round", "--out",
                 str(tmp_path / "x.xlsx")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "has no rounds" in err and "Traceback" not in err


def test_service_stores_each_round_and_reloads_the_changes(
    vault: Path, analysed: tuple[int, str, Path]
) -> None:
    """What the CLI stored: one run per round, the last holding the changes."""
    wb = Workbench()
    wb.open_vault(vault, PASS)
    try:
        last = wb.rounds_runs()[0]
        rr = wb.load_rounds(last.id)
        first = rr.meta and wb.runs()[0]
        assert first.meta["round"] == "Baseline 2024" and last.meta["round"] == "Follow-up 2026"
        assert [r.label for r in rr.rounds] == ["Baseline 2024", "Follow-up 2026"]
        assert len(rr.results) == 2 and not rr.results[0].estimates.empty
        assert set(rr.gap_changes["round_to"]) == {"Follow-up 2026"}
        # an indicator never compared with the comparator ("since displacement") has no gap to
        # change, but its own change is estimated
        assert "c5_lost_documents" not in set(rr.gap_changes["indicator_id"])
        assert "c5_lost_documents" in set(rr.changes["indicator_id"])
        nc = rr.changes[rr.changes["indicator_id"] == "c2_basic_drinking_water"]
        assert (nc["assessment"] == "not_comparable").all()
        stock = rr.stock.set_index("group")
        assert stock.loc["1", "change"] < 0 < stock.loc["3", "change"]
    finally:
        wb.lock()
