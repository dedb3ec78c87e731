"""The report's story: the cover and the contents, then each chosen section of the registry
(``workbench/reporting/sections.py``) in its order. The section functions of the built-in
sections are here; each takes the one ``StoryPart`` of the report being written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.progress import CancelToken, Progress, check_cancel
from workbench.reporting.pdf_annexes import methodology as _methodology
from workbench.reporting.pdf_annexes import validation_annex
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.sections import REPORT_SECTIONS
from workbench.reporting.validation import Validation
from workbench.reporting.views import IndicatorView

if TYPE_CHECKING:
    from workbench.stats.rounds import RoundsResults


@dataclass
class StoryPart:
    """What every section may draw on while one report is laid out."""

    builder: Builder
    views: dict[str, IndicatorView]
    validation: Validation
    results_hash: str
    progress: Progress
    cancel: CancelToken | None
    #: indicators laid out so far (progress of the indicator sections)
    done: int = 0
    #: the publishable rounds analysis whose last round this run is (None: one round)
    rounds: RoundsResults | None = None


def story(part: StoryPart, when: str) -> list[Any]:
    b = part.builder
    out: list[Any] = b.cover(when) + b.contents()
    for section in REPORT_SECTIONS:
        if section.code in b.options.sections:
            out += section.builder()(part)
    return out


def _criteria(part: StoryPart, criteria: tuple[str, ...]) -> list[Any]:
    out: list[Any] = []
    total = len(part.views) or 1
    for c in criteria:
        check_cancel(part.cancel)
        out += part.builder.criterion_sections(part.views, (c,))
        part.done += sum(1 for v in part.views.values() if v.info.criterion == c)
        part.progress.update(part.done, total * 1.25, f"charts {part.done}/{total}")
    return out


def summary(part: StoryPart) -> list[Any]:
    return part.builder.summary()


def progress(part: StoryPart) -> list[Any]:
    """Progress since the baseline (a rounds analysis only: workbench/reporting/progress.py)."""
    if part.rounds is None:
        return []
    from workbench.reporting.progress import progress as _progress

    return _progress(part)


#: the criteria whose indicators (each with its chart) each indicator section lays out
SECTION_CRITERIA: dict[str, tuple[str, ...]] = {
    "profile": ("A",),
    "criteria": tuple("12345678"),
    "intentions": ("B",),
}


def charted_criteria(sections: tuple[str, ...]) -> set[str]:
    """The criteria whose indicator charts the chosen sections show (no other chart is drawn)."""
    return {c for s in sections for c in SECTION_CRITERIA.get(s, ())}


def profile(part: StoryPart) -> list[Any]:
    return _criteria(part, SECTION_CRITERIA["profile"])


def criteria(part: StoryPart) -> list[Any]:
    return _criteria(part, SECTION_CRITERIA["criteria"])


def intentions(part: StoryPart) -> list[Any]:
    return _criteria(part, SECTION_CRITERIA["intentions"])


def solutions(part: StoryPart) -> list[Any]:
    return [] if part.builder.results.solutions.empty else part.builder.solutions()


def methodology(part: StoryPart) -> list[Any]:
    return _methodology(part.builder, len(part.validation.warnings))


def validation(part: StoryPart) -> list[Any]:
    return validation_annex(part.builder, part.validation, part.results_hash)
