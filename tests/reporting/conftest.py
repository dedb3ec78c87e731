"""Shared report fixtures: one full English and one full French report per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reporting_fixture import make_library, make_plan, make_results

from workbench.reporting import ReportOptions, build_report
from workbench.settings import Settings

FIXED = "2026-11-22T06:00:00+00:00"
#: every suppressed estimate is set to this impossible value (7777.8% or 77.78), found nowhere else
SENTINEL = 77.7777


def sentinel_results():
    """The fixture with every suppressed row carrying a distinctive, impossible value."""
    r = make_results()
    sup = r.estimates["flag"] == "suppressed"
    r.estimates.loc[sup, ["estimate", "ci_low", "ci_high"]] = [
        SENTINEL,
        SENTINEL - 0.001,
        SENTINEL + 0.001,
    ]
    csup = r.comparisons["flag"] == "suppressed"
    r.comparisons.loc[csup, "difference"] = SENTINEL
    return r


@pytest.fixture(scope="session")
def report_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="session")
def en_report(report_dir) -> Path:
    return build_report(
        sentinel_results(), make_plan(), make_library(), report_dir / "en.pdf",
        ReportOptions(
            language="en", fixed_timestamp=FIXED, annex_paths=(report_dir / "en.xlsx",), hxl=True
        ),
        settings=Settings(office_name="Freedonia Statistics Office"),
    )  # fmt: skip


@pytest.fixture(scope="session")
def fr_report(report_dir) -> Path:
    return build_report(
        sentinel_results(), make_plan(), make_library(), report_dir / "fr.pdf",
        ReportOptions(language="fr", fixed_timestamp=FIXED, page_size="Letter"),
        settings=Settings(office_name="Institut de statistique de Freedonia"),
    )  # fmt: skip
