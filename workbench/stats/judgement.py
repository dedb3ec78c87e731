"""The assessment of one comparison: the one place a p-value meets alpha (docs/statistics.md,
"Judging a gap").

For a comparison with difference ``d`` (displaced − comparator), SE ``s``, degrees of freedom
``df``, the p-value that decides (``p_adjusted`` when ``use_adjusted_p``, else the raw one) and
the indicator's minimum important difference ``m`` (NaN: none, or ``substantive = False``):

* ``worse`` / ``better`` (direction-aware; ``different`` for a neutral indicator): significant
  (p < alpha) **and** ``|d| ≥ m``;
* ``small_difference``: significant but ``|d| < m`` — real, but too small to matter;
* ``equivalent`` (with ``equivalence``): not significant and the two one-sided tests (TOST) of
  ``d ≤ −m`` and ``d ≥ m`` both reject at alpha, i.e. the (1 − 2·alpha) interval lies inside
  ``(−m, m)``: "no gap" is shown, not only "no significant difference". ``equivalence_p`` =
  ``max(P(T > (d + m)/s), P(T < (d − m)/s))``;
* ``inconclusive``: not significant, the indicator has a minimum important difference, and the
  gap is not shown within it: its (1 − 2·alpha) interval reaches ``−m`` or ``m`` (TOST p ≥
  alpha) — a gap that matters can neither be shown nor ruled out. The complement of
  ``equivalent``, decided by the same TOST p; where the equivalence option is off (``equivalence
  = False``) a gap whose interval lies inside ``(−m, m)`` is not claimed ``equivalent`` and stays
  ``no_significant_difference``, one whose interval reaches the margin is still inconclusive;
* ``no_significant_difference``: not significant and nothing to judge the gap against — no
  minimum important difference (a mean, median or total without one, or ``substantive =
  False``) or no TOST p (no SE) — or, with the equivalence option off, inside the margin;
* ``insufficient_data`` and ``not_compared`` are decided before (comparisons.py).

The four-way reading: significant and ≥ m → worse / better; significant and < m → small
difference; not significant and inside ±m → equivalent (no gap); not significant and reaching
±m → inconclusive.
"""

from __future__ import annotations

import numpy as np

from workbench.stats.tdist import pt


def equivalence_p(diff: np.ndarray, se: np.ndarray, mid: np.ndarray, df: np.ndarray) -> np.ndarray:
    """TOST p-value (NaN without a margin or an SE)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ok = np.isfinite(mid) & (mid > 0) & (se > 0)
        lower = 1.0 - pt((diff + mid) / se, df)  # H0: d ≤ −m
        upper = pt((diff - mid) / se, df)  # H0: d ≥ m
    return np.where(ok, np.maximum(lower, upper), np.nan)


def assess(
    diff: np.ndarray,
    p: np.ndarray,
    p_equiv: np.ndarray,
    mid: np.ndarray,
    direction: np.ndarray,
    alpha: float,
    equivalence: bool = True,
) -> np.ndarray:
    """The assessment of tested comparisons (object array of codes). ``p_equiv``: the TOST
    p-value (:func:`equivalence_p`), computed whether or not ``equivalence`` claims ``equivalent``
    from it — it also decides ``inconclusive``."""
    sign = np.where(direction == "higher_is_better", -1.0, 1.0)
    sig = p < alpha
    big = ~np.isfinite(mid) | (np.abs(diff) >= mid)
    judged = np.where(sign * diff > 0, "worse", "better")
    judged = np.where(direction == "neutral", "different", judged)
    quiet = np.where(sig, "small_difference", "no_significant_difference")
    out = np.where(sig & big, judged, quiet)
    inside = p_equiv < alpha  # the (1 − 2·alpha) interval lies within (−m, m)
    reaches = np.isfinite(mid) & (mid > 0) & np.isfinite(p_equiv) & ~inside
    out = np.where(~sig & reaches, "inconclusive", out)
    if equivalence:
        out = np.where(~sig & inside, "equivalent", out)
    return out.astype(object)
