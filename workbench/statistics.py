"""Registry of the statistics an indicator can estimate (``statistic`` of a library indicator or
a custom one). The library schema and checks, the plan file and the app's indicator details are
built from ``STATISTICS``. It is a base module, not part of ``workbench.stats``: the library (the
indicator spec) and the engine share this vocabulary and do not import each other.

To add a statistic: add an entry below (and its code to ``StatisticCode``), estimate it in
``workbench/stats/estimates.py`` (linearised) or ``workbench/stats/quantiles.py``, and name it in
``workbench/i18n/messages_<lang>.json`` (``vocab.statistic.<code>``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workbench.registry import Registry

StatisticCode = Literal["proportion", "mean", "median", "total", "ratio"]


@dataclass(frozen=True)
class Statistic:
    code: str
    #: a share between 0 and 1 (shown as a percentage; logit interval; CV of min(p, 1 − p))
    share: bool = False
    #: estimated through a quantile (Woodruff) rather than Taylor linearisation
    quantile: bool = False
    #: needs a denominator variable
    denominator: bool = False


STATISTICS: Registry[Statistic] = Registry(
    "statistic",
    (
        Statistic("proportion", share=True),
        Statistic("mean"),
        Statistic("median", quantile=True),
        Statistic("total"),
        Statistic("ratio", denominator=True),
    ),
)
