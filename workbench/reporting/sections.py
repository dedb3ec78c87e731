"""Registry of the report's sections, in reading order (the cover and the contents always come
first). ``ReportOptions.sections``, ``workbench report --section`` and the app's section check
boxes are built from ``REPORT_SECTIONS``; ``build_report`` lays out each chosen section by calling
the function its entry names.

To add a section:

1. write its function, ``def my_section(part: StoryPart) -> list[Flowable]``, in its own module
   (or in ``workbench/reporting/story.py`` when it only calls the report's ``Builder``);
2. add a ``ReportSection`` entry below naming it (``"module:function"``, imported only when a
   report is written, so the CLI starts fast);
3. name the section in ``workbench/i18n/messages_<lang>.json`` (``vocab.report_section.<code>``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.registry import Registry

if TYPE_CHECKING:
    from workbench.reporting.story import StoryPart


@dataclass(frozen=True)
class ReportSection:
    code: str
    #: ``"module:function"`` laying out the section: ``function(part: StoryPart) -> list``
    build: str

    def builder(self) -> Callable[[StoryPart], list[Any]]:
        module, name = self.build.split(":")
        func: Callable[[StoryPart], list[Any]] = getattr(importlib.import_module(module), name)
        return func


_STORY = "workbench.reporting.story"

REPORT_SECTIONS: Registry[ReportSection] = Registry(
    "report_section",
    (
        ReportSection("summary", f"{_STORY}:summary"),
        # rounds only: the change since the baseline (empty for a one-round run)
        ReportSection("progress", f"{_STORY}:progress"),
        ReportSection("profile", f"{_STORY}:profile"),
        ReportSection("criteria", f"{_STORY}:criteria"),
        ReportSection("intentions", f"{_STORY}:intentions"),
        ReportSection("solutions", f"{_STORY}:solutions"),
        ReportSection("methodology", f"{_STORY}:methodology"),
        ReportSection("validation", f"{_STORY}:validation"),
    ),
)
