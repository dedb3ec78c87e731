"""Validated reports: the PDF, the NSO annex tables (XLSX/CSV) and the checks that gate them.

Public API: :func:`build_report`, :class:`ReportOptions`, :func:`validation.validate_report`,
:func:`annex.write_annex`, :func:`fingerprint.results_hash`.

``build_report`` is imported on first use: the CLI reads the section and language registries of
this package to build its ``--help``, which must not load reportlab and matplotlib.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.reporting.options import ReportOptions

if TYPE_CHECKING:
    from workbench.reporting.build import build_report


def __getattr__(name: str) -> Any:
    if name == "build_report":
        from workbench.reporting.build import build_report

        return build_report
    raise AttributeError(name)


__all__ = ["ReportOptions", "build_report"]
