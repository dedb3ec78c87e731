"""Registry of the confidence-interval methods for proportions (computed in
``workbench/stats/intervals.py``).

``workbench analyze --proportion-ci`` builds its choices and help from ``PROPORTION_CI_METHODS``;
the default is ``AnalysisOptions.proportion_ci``.

To add a method: add an entry below, compute it in ``workbench/stats/intervals.py`` and give it a
name and a help sentence in ``workbench/i18n/messages_<lang>.json``
(``vocab.proportion_ci.<code>``, ``vocab.proportion_ci.<code>.help``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workbench.registry import Registry

ProportionCI = Literal["logit", "wald"]


@dataclass(frozen=True)
class CIMethod:
    code: str
    #: the R call giving the same interval (golden tests compare against it)
    r_equivalent: str


PROPORTION_CI_METHODS: Registry[CIMethod] = Registry(
    "proportion_ci",
    (
        CIMethod("logit", 'svyciprop(method = "logit")'),
        CIMethod("wald", "confint(svymean(...), df = degf(design))"),
    ),
    has_help=True,
)
