"""Report options: what the user chose for one export (language, page size, PDF/A, sections …)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from workbench.errors import ReportError
from workbench.languages import DEFAULT_LANGUAGE, with_catalogue
from workbench.reporting.sections import REPORT_SECTIONS

PAGE_SIZES = ("A4", "Letter")
#: the languages with a report catalogue (workbench/languages.py)
REPORT_LANGUAGES = with_catalogue("report")
#: the report's sections, in reading order (the registry: workbench/reporting/sections.py)
SECTIONS: tuple[str, ...] = REPORT_SECTIONS.codes


@dataclass
class ReportOptions:
    language: str = DEFAULT_LANGUAGE
    page_size: str = "A4"
    pdfa: bool = True
    sections: tuple[str, ...] = SECTIONS
    #: accepted warnings: {finding code or "code@where-value": written justification}
    justifications: dict[str, str] = field(default_factory=dict)
    #: annex files written next to the report (".xlsx" → workbook, ".csv" or a folder → CSV files)
    annex_paths: tuple[Path, ...] = ()
    hxl: bool = False
    #: the editable Word report written beside the PDF (same story, same gate), if any
    docx_path: Path | None = None
    #: the briefing for decision-makers: one file per path, ".pdf" or ".docx"
    briefing_paths: tuple[Path, ...] = ()
    #: ISO timestamp used instead of "now" (tests, reproducible builds)
    fixed_timestamp: str | None = None
    title: str | None = None
    area: str | None = None
    reference_period: str | None = None
    #: override the plan's ``[report]`` currency, producing office and contact for this report
    currency: str | None = None
    office: str | None = None
    contact: str | None = None
    #: draw small-multiple charts of the disaggregations of each indicator
    disaggregation_charts: bool = True

    def __post_init__(self) -> None:
        if self.language not in REPORT_LANGUAGES:
            raise ReportError.of(
                "report.language_unknown", language=self.language, languages=REPORT_LANGUAGES
            )
        if self.page_size not in PAGE_SIZES:
            raise ReportError.of("report.page_size_unknown", page_size=self.page_size)
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise ReportError.of(
                "report.sections_unknown", sections=", ".join(unknown), count=len(unknown)
            )
        self.sections = tuple(self.sections)
        self.annex_paths = tuple(Path(p) for p in self.annex_paths)
        self.docx_path = Path(self.docx_path) if self.docx_path else None
        self.briefing_paths = tuple(Path(p) for p in self.briefing_paths)
        if self.docx_path is not None and self.docx_path.suffix.lower() != ".docx":
            raise ReportError.of("report.docx_suffix", path=self.docx_path)
        for path in self.briefing_paths:
            if path.suffix.lower() not in (".pdf", ".docx"):
                raise ReportError.of("report.briefing_suffix", path=path)
        if self.fixed_timestamp is not None:
            try:
                datetime.fromisoformat(self.fixed_timestamp)
            except ValueError as exc:
                raise ReportError.of("report.timestamp_invalid", detail=str(exc)) from None

    def timestamp(self) -> datetime:
        if self.fixed_timestamp:
            return datetime.fromisoformat(self.fixed_timestamp)
        return datetime.now().astimezone().replace(microsecond=0)

    def justification_for(self, code: str, where: dict[str, str]) -> str | None:
        """The justification of a warning: ``code@value`` for any where-value, then ``code``."""
        for value in where.values():
            text = self.justifications.get(f"{code}@{value}")
            if text:
                return text
        return self.justifications.get(code) or None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["sections"] = list(self.sections)
        d["annex_paths"] = [str(p) for p in self.annex_paths]
        d["docx_path"] = str(self.docx_path) if self.docx_path else None
        d["briefing_paths"] = [str(p) for p in self.briefing_paths]
        return d

    @classmethod
    def coerce(cls, options: Any, settings: Any = None) -> ReportOptions:
        """Accept a ReportOptions, a dict, or None (defaults taken from the user's settings)."""
        if isinstance(options, ReportOptions):
            return options
        base: dict[str, Any] = {}
        if settings is not None:
            base["language"] = getattr(settings, "language", DEFAULT_LANGUAGE)
            base["page_size"] = getattr(settings, "page_size", "A4")
            base["pdfa"] = bool(getattr(settings, "report_pdfa", True))
        if isinstance(options, dict):
            base.update(options)
        elif options is not None:
            raise ReportError(
                f"Report options of type {type(options).__name__} are not understood."
            )
        return cls(**base)
