"""Disclosure control and reliability flags: named presets from published practice.

The named presets and the published rules they follow are the registry
``workbench/stats/disclosure_presets.py``; ``custom`` takes the thresholds of
``AnalysisOptions`` (``suppress_below_n``, ``caution_below_n``, ``suppress_cv``, ``caution_cv``).

CV of proportions: the CV of a proportion near 0 explodes while the one of its complement stays
small, though both carry the same information. For the *flag* of a proportion the engine uses the
CV of the smaller of p and 1 − p (``se / min(p, 1−p)``, the symmetric convention); a proportion of
exactly 0 or 1 has SE 0 and is judged by its n alone. The ``cv`` column itself is ``se / estimate``.

Counts (an indicator estimated as a total, every stock-table cell): a count the thresholds would
mark caution (†) is suppressed instead — a primary suppression like one with too few cases. A †
proportion or mean is published with its interval, so the reader sees how uncertain it is; a
count on so few cases or clusters gets no interval worth printing (in the Freedonia demo a
27-case count with 1 degree of freedom got 5 – 1,306,063, past the whole IDP stock), so it would
be published as a bare figure that looks precise: the host community's 34,863 separated family
members from 37 households, larger than every displaced group's total. Issue 20: readers in
every language took such figures for facts. Its estimate and SE stay in the run's internal
results; complementary suppression (suppression.py) protects it like any primary cell.
"""

from __future__ import annotations

import numpy as np

from workbench.errors import StatsError
from workbench.stats.disclosure_presets import CUSTOM, DISCLOSURE_PRESETS, Thresholds
from workbench.stats.options import AnalysisOptions

#: the presets' thresholds by code (the registry is stats/disclosure_presets.py)
PRESETS: dict[str, Thresholds] = {p.code: p.thresholds for p in DISCLOSURE_PRESETS}


def thresholds(options: AnalysisOptions) -> Thresholds:
    name = options.disclosure_preset
    if name == CUSTOM:
        return Thresholds(
            suppress_below_n=options.suppress_below_n or 0,
            caution_below_n=options.caution_below_n or 0,
            caution_cv=options.caution_cv if options.caution_cv is not None else np.inf,
            suppress_cv=options.suppress_cv if options.suppress_cv is not None else np.inf,
            protection_ratio=options.caution_cv if options.caution_cv else 0.20,
        )
    if name not in PRESETS:
        raise StatsError.of(
            "stats.disclosure_preset_unknown", name=name, presets=", ".join(PRESETS)
        )
    return PRESETS[name]


def reliability_cv(estimate: np.ndarray, se: np.ndarray, is_proportion: np.ndarray) -> np.ndarray:
    est = np.asarray(estimate, dtype=np.float64)
    base = np.where(is_proportion, np.minimum(est, 1.0 - est), np.abs(est))
    with np.errstate(divide="ignore", invalid="ignore"):
        cv = np.where(base > 0, np.asarray(se, dtype=np.float64) / base, np.nan)
    return cv


def flags(
    n: np.ndarray,
    cv: np.ndarray,
    rules: Thresholds,
    missing: np.ndarray | None = None,
    count: np.ndarray | bool = False,
) -> np.ndarray:
    """``""``, ``"caution"`` or ``"suppressed"`` per row (``missing``: no estimate at all;
    ``count``: the rows that are counts, whose caution is a suppression — module docstring)."""
    n = np.asarray(n, dtype=np.float64)
    cv = np.asarray(cv, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        if rules.cv_inclusive:
            cv_caution, cv_sup = cv >= rules.caution_cv, cv >= rules.suppress_cv
        else:
            cv_caution, cv_sup = cv > rules.caution_cv, cv > rules.suppress_cv
    sup = (n < rules.suppress_below_n) | cv_sup | (n == 0)
    if missing is not None:
        sup |= missing
    caution = (n < rules.caution_below_n) | cv_caution
    sup |= caution & np.asarray(count, dtype=bool)
    return np.where(sup, "suppressed", np.where(caution, "caution", "")).astype(object)
