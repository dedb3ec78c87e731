"""Registries of the confidence-interval methods of proportions and of totals (computed in
``workbench/stats/intervals.py``).

``workbench analyze --proportion-ci`` / ``--total-ci`` build their choices and help from these;
the defaults are ``AnalysisOptions.proportion_ci`` / ``total_ci``. Every proportion method gives
an estimate of 0 or 1 the Korn–Graubard interval (see intervals.py).

To add a method: add an entry below, compute it in ``workbench/stats/intervals.py`` and give it a
name and a help sentence in ``workbench/i18n/messages_<lang>.json``
(``vocab.proportion_ci.<code>``, ``vocab.proportion_ci.<code>.help``; ``vocab.total_ci.…``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workbench.registry import Registry

ProportionCI = Literal["logit", "xlogit", "beta", "asin", "wald", "likelihood"]
TotalCI = Literal["wald", "log"]


@dataclass(frozen=True)
class CIMethod:
    code: str
    #: the R call giving the same interval (golden tests compare against it)
    r_equivalent: str


PROPORTION_CI_METHODS: Registry[CIMethod] = Registry(
    "proportion_ci",
    (
        CIMethod("logit", 'svyciprop(method = "logit")'),
        CIMethod("xlogit", 'svyciprop(method = "xlogit")'),
        CIMethod("beta", 'svyciprop(method = "beta")'),
        CIMethod("asin", 'svyciprop(method = "asin")'),
        CIMethod("wald", 'svyciprop(method = "mean") = confint(svymean(...), df = degf(design))'),
        CIMethod("likelihood", 'svyciprop(method = "likelihood")'),
    ),
    has_help=True,
)

TOTAL_CI_METHODS: Registry[CIMethod] = Registry(
    "total_ci",
    (
        CIMethod("wald", "confint(svytotal(...), df = degf(design))"),
        CIMethod("log", "exp(confint(svycontrast(svytotal(...), quote(log(x))), df = ...))"),
    ),
    has_help=True,
)
