"""The analysis engine: design-based estimates, comparisons, solutions measure, stock tables.

``analyze(frame, options, progress=, cancel=) -> AnalysisResults`` (see engine.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.stats.results import AnalysisResults


def analyze(*args: Any, **kwargs: Any) -> AnalysisResults:
    from workbench.stats.engine import analyze as _analyze

    return _analyze(*args, **kwargs)


__all__ = ["analyze"]
