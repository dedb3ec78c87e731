"""The report's "Progress since the baseline" section and the rounds annex, on a real rounds
analysis (the golden panel data): laid out in English and Arabic, read back from the PDF."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from reporting_testkit import sheets_by_id

from tests.stats.rounds_synth import round_frames
from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.stats.rounds import RoundInfo, RoundsResults, analyze_rounds

ROUNDS = [RoundInfo("Baseline 2024", "2024-03-01"), RoundInfo("Follow-up 2026", "2026-03-01")]


def golden_rounds() -> RoundsResults:
    """The rounds analysis of the golden panel data (also the briefing's test of rounds)."""
    frames = round_frames("panel")
    for k, f in enumerate(frames):
        f.provenance.update(
            {"plan_name": "golden_rounds", "plan_version": "1", "plan_hash": "ab" * 32,
             "dataset_fingerprints": {f"round{k}": "cd" * 32}, "library_version": "test"}
        )  # fmt: skip
    return analyze_rounds(frames, ROUNDS, panel=True)


@pytest.fixture(scope="module")
def rr() -> RoundsResults:
    return golden_rounds()


def _text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


def test_progress_section_and_rounds_annex(rr: RoundsResults, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    opts = ReportOptions(language="en", annex_paths=(tmp_path / "annex.xlsx",))
    audit = AuditList()
    build_report(rr.results[-1], out, opts, audit=audit, rounds=rr)
    text = _text(out)
    assert "Progress since the baseline" in text
    assert "compares Follow-up 2026 (2026-03-01) with the baseline, Baseline 2024" in text
    assert "Changes in the gaps, by group" in text and "re-interviewed" in text
    # every displaced group has its counts; the pooled group too
    for label in ("Camps:", "Outside camps:", "All displaced:"):
        assert label in text
    # the table shows the engine's CLOSING/WIDENING words only where the engine decided so
    moved = rr.gap_changes[rr.gap_changes["disaggregation"] == "total"]["assessment"]
    assert ("CLOSING" in text) == ("closing" in set(moved))
    # each tested change shows its adjusted p, and the section states how it was judged
    assert "(adj. " in text and "The p-values of the changes are adjusted" in text
    assert "Benjamini" in text
    # the rounds annex beside the annex, labelled as it is (tests/reporting/
    # test_reporting_rounds_annex.py): sheets named in the language, the ids defined names
    book = openpyxl.load_workbook(tmp_path / "annex-rounds.xlsx")
    ids = sheets_by_id(book)
    assert {"gap_changes", "changes", "stock_change", "indicators_round_1"} <= set(ids)
    assert ids["gap_changes"] == "Changes in the gaps" and "gap_changes" not in book.sheetnames


@pytest.mark.slow
def test_progress_section_in_arabic(rr: RoundsResults, tmp_path: Path) -> None:
    out = tmp_path / "ar.pdf"
    build_report(rr.results[-1], out, ReportOptions(language="ar"), audit=AuditList(), rounds=rr)
    assert out.stat().st_size > 0 and len(PdfReader(str(out)).pages) > 2


def test_three_rounds_show_only_the_baseline_against_the_latest(
    rr: RoundsResults, tmp_path: Path
) -> None:
    """With three rounds the solutions table, headed "<baseline> | <latest>", listed the change
    to the middle round too, under the latest round's header: only the baseline → latest
    changes are shown, as in the stock and gap tables beside it."""
    import dataclasses

    import pandas as pd

    base, last = rr.rounds[0].label, rr.rounds[-1].label
    mid = RoundInfo("Mid-term 2025", "2025-03-01")

    def sol(to: str, share_to: float) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "method": "iris_layered", "group": ["1", "all_displaced"],
                "disaggregation": "total", "disaggregation_value": "total",
                "share_from": [0.2, 0.25], "share_to": share_to, "change": share_to - 0.2,
                "se_change": 0.03, "ci_low": 0.0, "ci_high": 0.2, "p_value": 0.01,
                "assessment": "improved", "flag": "", "round_from": base, "round_to": to,
            }
        )  # fmt: skip

    three = dataclasses.replace(
        rr,
        rounds=[rr.rounds[0], mid, rr.rounds[-1]],
        solutions=pd.concat([sol(mid.label, 0.777), sol(last, 0.333)], ignore_index=True),
    )
    out = tmp_path / "report.pdf"
    build_report(rr.results[-1], out, ReportOptions(language="en"), audit=AuditList(), rounds=three)
    text = _text(out)
    assert "33.3%" in text
    assert "77.7%" not in text  # the middle round's share is not under the latest's header
