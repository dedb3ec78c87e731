"""Shared report fixtures: one full English and one full French report per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from reporting_testkit import FIXED, SENTINEL, sentinel_results  # noqa: F401

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.settings import Settings


@pytest.fixture(scope="session")
def report_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("reports")


@pytest.fixture(scope="session")
def en_report(report_dir) -> Path:
    return build_report(
        sentinel_results(), report_dir / "en.pdf",
        ReportOptions(
            language="en", fixed_timestamp=FIXED, annex_paths=(report_dir / "en.xlsx",), hxl=True,
            docx_path=report_dir / "en.docx",
            briefing_paths=(report_dir / "en-brief.pdf", report_dir / "en-brief.docx"),
        ),
        settings=Settings(office_name="Freedonia Statistics Office"), audit=AuditList(),
    )  # fmt: skip


@pytest.fixture(scope="session")
def fr_report(report_dir) -> Path:
    return build_report(
        sentinel_results(), report_dir / "fr.pdf",
        ReportOptions(
            language="fr", fixed_timestamp=FIXED, page_size="Letter",
            docx_path=report_dir / "fr.docx", briefing_paths=(report_dir / "fr-brief.pdf",),
        ),
        settings=Settings(office_name="Institut de statistique de Freedonia"), audit=AuditList(),
    )  # fmt: skip
