"""Household-level values of the IRIS indicators and their benchmarks (solutions measure).

* Individual indicators are aggregated to households via ``_hh``: ``any`` (a household is
  vulnerable if any member with an answer is), ``all`` (if all are) or ``head`` (the member with
  ``_head`` true). Members with NaN are outside the universe and ignored; a household with no
  member in the universe gets NaN. Non-binary individual values aggregate to the member mean.
* Values are oriented so that *higher is worse*; a household passes an indicator when its value is
  at most the benchmark (point estimate, or with ``use_ci_bound`` the lenient CI bound).
* NaN: with an ``<id>__universe`` column (1 in universe, 0 outside), NaN outside the universe is
  "missing by design" and NaN inside is missing. Without it every NaN is treated by the
  ``missing_by_design`` option (``no_vulnerability`` → passes, ``missing`` → not assessable).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.stats.derived import estimate_columns
from workbench.stats.frame import HH, AnalysisFrame, IndicatorSpec, Statistic, UnitFrame
from workbench.stats.options import AnalysisOptions

HEAD = "_head"


def member_rows(frame: AnalysisFrame, unit: str, hh: UnitFrame) -> np.ndarray:
    """For each row of ``unit``'s frame, the row of its household in ``hh`` (−1: none).
    Computed once per analysis and shared by every individual indicator."""
    ind_f = frame.units[unit].frame
    if HH not in ind_f or HH not in hh.frame:
        raise StatsError.of("stats.link_needs_hh", unit=unit, column=HH)
    return pd.Index(hh.frame[HH].to_numpy()).get_indexer(ind_f[HH].to_numpy())


def household_value(
    frame: AnalysisFrame,
    ind: IndicatorSpec,
    how: str,
    hh: UnitFrame,
    rows: np.ndarray | None = None,
) -> np.ndarray:
    """The indicator's value per household row of ``hh`` (oriented higher = worse).
    ``rows`` is :func:`member_rows` for the indicator's unit (computed here when not given)."""
    sign = -1.0 if ind.direction == "higher_is_better" else 1.0
    if ind.unit == "household":
        y = pd.to_numeric(hh.frame[ind.id], errors="coerce").to_numpy(float)
        return _orient(y, ind, sign)
    ind_f = frame.units[ind.unit].frame
    if HH not in ind_f or HH not in hh.frame:
        raise StatsError.of("stats.link_individuals_needs_hh", column=HH, id=ind.id)
    y = _orient(pd.to_numeric(ind_f[ind.id], errors="coerce").to_numpy(float), ind, sign)
    if rows is None:
        rows = member_rows(frame, ind.unit, hh)
    n_hh = len(hh.frame)
    ok = (rows >= 0) & ~np.isnan(y)
    if how == "head":
        if HEAD not in ind_f:
            raise StatsError.of("stats.head_column_missing")
        ok &= ind_f[HEAD].fillna(False).astype(bool).to_numpy()
        out = np.full(n_hh, np.nan)
        first = np.unique(rows[ok], return_index=True)[1]  # the first head of each household
        out[rows[ok][first]] = y[ok][first]
        return out
    r, v = rows[ok], y[ok]
    count = np.bincount(r, minlength=n_hh)
    with np.errstate(invalid="ignore", divide="ignore"):
        if ind.statistic == "proportion" and how in ("any", "all"):
            out = np.full(n_hh, np.nan)
            reduce = np.fmax if how == "any" else np.fmin
            reduce.at(out, r, v)
        else:
            out = np.bincount(r, weights=v, minlength=n_hh) / count
    return np.where(count > 0, out, np.nan)


def _orient(y: np.ndarray, ind: IndicatorSpec, sign: float) -> np.ndarray:
    if ind.statistic == "proportion":
        return 1.0 - y if sign < 0 else y
    return sign * y


def missing_by_design(
    hh: UnitFrame, ind: IndicatorSpec, value: np.ndarray, opts: AnalysisOptions
) -> np.ndarray:
    """Where a NaN counts as 'no vulnerability' (True) rather than missing."""
    nan = np.isnan(value)
    uni = f"{ind.id}__universe"
    if ind.unit == "household" and uni in hh.frame:
        outside = pd.to_numeric(hh.frame[uni], errors="coerce").to_numpy(float) == 0
        return nan & outside & (opts.missing_by_design == "no_vulnerability")
    return nan & (opts.missing_by_design == "no_vulnerability")


def benchmarks(
    frame: AnalysisFrame, hh: UnitFrame, values: dict[str, np.ndarray], opts: AnalysisOptions
) -> dict[str, float]:
    """Benchmark per indicator, on the oriented (higher = worse) scale."""
    inds = {i.id: i for i in frame.indicators}
    if opts.solutions_benchmark == "fixed":
        if opts.benchmark_fixed is None:
            raise StatsError.of("stats.benchmark_fixed_missing")
        return {k: float(opts.benchmark_fixed) for k in values}
    if opts.solutions_benchmark == "national":
        miss = [k for k in values if k not in opts.benchmark_values]
        if miss:
            raise StatsError.of("stats.no_national_benchmark", miss=miss[0])
        return {
            k: _orient(
                np.array([opts.benchmark_values[k]]),
                inds[k],
                -1.0 if inds[k].direction == "higher_is_better" else 1.0,
            )[0]
            for k in values
        }
    comp = frame.comparator
    if comp is None:
        raise StatsError.of("stats.benchmark_needs_comparator")
    stats: dict[str, Statistic] = {
        k: "proportion" if inds[k].statistic == "proportion" else "mean" for k in values
    }
    est = estimate_columns(frame, hh, values, stats, [], opts.alpha, opts.proportion_ci)
    est = est[est["group"] == comp.code].set_index("indicator_id")
    col = "ci_high" if opts.use_ci_bound else "estimate"
    return {k: float(est.loc[k, col]) for k in values}
