"""Registry of the solutions-measure methods (see ``docs/statistics.md`` and
``workbench/stats/solutions.py`` for what each one computes).

``workbench analyze --solutions`` (choices, help, default) and the app's analysis options (one
check box per method, its tooltip, which are ticked) are built from ``SOLUTIONS_METHODS``; the
default of ``AnalysisOptions.solutions_methods`` is every entry with ``default=True``.

To add a method:

1. add a ``SolutionsMethod`` entry below (the order is the order shown everywhere);
2. compute it in ``workbench/stats/solutions.py`` (``pass_indicator``: which households pass);
3. give it a name and a one-sentence help in ``workbench/i18n/messages_<lang>.json``
   (``vocab.solutions_method.<code>`` and ``vocab.solutions_method.<code>.help``) and the report's
   longer name ``method_<code>`` in ``workbench/reporting/i18n/<lang>.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workbench.registry import Registry

SolutionsMethodCode = Literal[
    "iris_layered", "composite_score", "composite_per_criterion", "homogeneous_cells", "dominance"
]


@dataclass(frozen=True)
class SolutionsMethod:
    code: str
    #: computed when the user does not choose (every documented method is, see ARCHITECTURE.md)
    default: bool = True
    #: the headline of the report and the app (exactly one)
    headline: bool = False


SOLUTIONS_METHODS: Registry[SolutionsMethod] = Registry(
    "solutions_method",
    (
        SolutionsMethod("iris_layered", headline=True),
        SolutionsMethod("composite_score"),
        SolutionsMethod("composite_per_criterion"),
        SolutionsMethod("homogeneous_cells"),
        SolutionsMethod("dominance"),
    ),
    has_help=True,
)

#: the methods computed when none are chosen
DEFAULT_SOLUTIONS_METHODS: tuple[str, ...] = tuple(m.code for m in SOLUTIONS_METHODS if m.default)
#: the method reported first
HEADLINE_METHOD: str = next(m.code for m in SOLUTIONS_METHODS if m.headline)
