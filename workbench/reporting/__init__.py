"""Validated reports: the PDF, the NSO annex tables (XLSX/CSV) and the checks that gate them.

Public API: :func:`build_report`, :class:`ReportOptions`, :func:`validation.validate_report`,
:func:`annex.write_annex`, :func:`fingerprint.results_hash`.
"""

from __future__ import annotations

from workbench.reporting.build import build_report
from workbench.reporting.options import ReportOptions

__all__ = ["ReportOptions", "build_report"]
