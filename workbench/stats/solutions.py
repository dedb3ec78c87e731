"""The IRIS solutions measure and its documented alternatives (docs/statistics.md).

Every method yields a household pass indicator (1 overcame displacement-related
vulnerabilities, 0 not, NaN not assessable); the engine then estimates, per group and
disaggregation, the *share* (design-based proportion among assessable households) and the
*number* (weighted total of passing households; unassessable households stay in the stock).

* ``iris_layered`` (default): pass a sub-criterion if every one of its indicators is at most the
  benchmark; a criterion if all its sub-criteria pass; overall if all criteria pass.
* ``composite_score``: score = number of failed sub-criteria; pass if at most the comparator's mean.
* ``composite_per_criterion``: per criterion the same score; pass if every criterion's score is at
  most the comparator's mean for that criterion.
* ``homogeneous_cells``: households in cells (location × origin × arrival year) where the share
  passing each sub-criterion is at least the comparator's share.
* ``dominance``: pass if the score is at most the comparator's weighted ``dominance_quantile``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.stats.derived import estimate_columns
from workbench.stats.disclosure import Thresholds, flags, reliability_cv
from workbench.stats.frame import GROUP, WEIGHT, AnalysisFrame, UnitFrame
from workbench.stats.hh_values import benchmarks, household_value, member_rows, missing_by_design
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import SOLUTIONS_COLUMNS


def _subcriteria_pass(frame: AnalysisFrame, hh: UnitFrame, opts: AnalysisOptions) -> pd.DataFrame:
    """(households × sub-criteria) 1 pass / 0 fail / NaN not assessable."""
    how = opts.household_aggregation or frame.household_aggregation
    inds = [i for i in frame.indicators if i.iris_subcriterion and i.direction != "neutral"]
    units = {str(i.unit) for i in inds if i.unit != "household"}
    rows: dict[str, np.ndarray] = {u: member_rows(frame, u, hh) for u in units}
    values = {i.id: household_value(frame, i, how, hh, rows.get(i.unit)) for i in inds}
    bench = benchmarks(frame, hh, values, opts)
    passed: dict[str, list[np.ndarray]] = {}
    for ind in inds:
        v = values[ind.id]
        with np.errstate(invalid="ignore"):
            p = np.where(np.isnan(v), np.nan, (v <= bench[ind.id]).astype(float))
        p = np.where(missing_by_design(hh, ind, v, opts), 1.0, p)
        passed.setdefault(str(ind.iris_subcriterion), []).append(p)
    # a sub-criterion passes if all its indicators pass (min over indicators, NaN propagates)
    return pd.DataFrame({s: np.min(np.vstack(ps), axis=0) for s, ps in sorted(passed.items())})


def _criteria(sub: pd.DataFrame) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in sub.columns:
        out.setdefault(s.split(".")[0], []).append(s)
    return out


def _wmean(x: np.ndarray, w: np.ndarray, mask: np.ndarray) -> float:
    ok = mask & ~np.isnan(x)
    return float(np.sum(w[ok] * x[ok]) / np.sum(w[ok])) if ok.any() else np.nan


def _wquantile(x: np.ndarray, w: np.ndarray, mask: np.ndarray, p: float) -> float:
    ok = mask & ~np.isnan(x)
    if not ok.any():
        return np.nan
    order = np.argsort(x[ok], kind="stable")
    xs, cw = x[ok][order], np.cumsum(w[ok][order])
    return float(xs[np.searchsorted(cw, p * cw[-1])])


def pass_indicator(
    frame: AnalysisFrame,
    hh: UnitFrame,
    opts: AnalysisOptions,
    method: str,
    sub: pd.DataFrame | None = None,
) -> np.ndarray:
    """Per household: 1 has overcome displacement-related vulnerabilities, 0 not, NaN not
    assessable. ``sub`` (the sub-criteria table) is shared by every method of one analysis."""
    if sub is None:
        sub = _subcriteria_pass(frame, hh, opts)
    crit = _criteria(sub)
    comp = frame.comparator
    w = hh.frame[WEIGHT].to_numpy(float) if WEIGHT in hh.frame else np.ones(len(sub))
    is_comp = (hh.frame[GROUP].astype("string") == (comp.code if comp else None)).fillna(False)
    is_comp = is_comp.to_numpy(bool)
    fails = 1.0 - sub.to_numpy(float)  # NaN stays NaN
    if method == "iris_layered":
        return np.min(sub.to_numpy(float), axis=1)  # all criteria ⇔ all sub-criteria
    if method in ("composite_score", "dominance"):
        score = fails.sum(axis=1)  # NaN if any sub-criterion is unassessable
        if method == "composite_score":
            bench = _wmean(score, w, is_comp)
        else:
            bench = _wquantile(score, w, is_comp, opts.dominance_quantile)
        return np.where(np.isnan(score), np.nan, (score <= bench).astype(float))
    if method == "composite_per_criterion":
        ok = []
        for cols in crit.values():
            sc = (1.0 - sub[cols].to_numpy(float)).sum(axis=1)
            ok.append(np.where(np.isnan(sc), np.nan, (sc <= _wmean(sc, w, is_comp)).astype(float)))
        return np.min(np.vstack(ok), axis=0)
    if method == "homogeneous_cells":
        return _cells_pass(hh, sub, w, is_comp, opts)
    raise StatsError.of("stats.solutions_method_unknown", method=method)


def _cells_pass(
    hh: UnitFrame, sub: pd.DataFrame, w: np.ndarray, is_comp: np.ndarray, opts: AnalysisOptions
) -> np.ndarray:
    cols = [c for c in opts.homogeneous_cells if c in hh.frame]
    if not cols:
        raise MethodUnavailable.of(
            "stats.homogeneous_cells_columns", columns=list(opts.homogeneous_cells)
        )
    groups = hh.frame[cols].groupby(cols, dropna=True, sort=False).ngroup()
    cell = groups.fillna(-1).to_numpy(dtype=np.int64)  # −1: a key is unknown
    valid = (cell >= 0) & ~is_comp  # cells of displaced households with known keys
    s = sub.to_numpy(float)
    ok = ~np.isnan(s)
    n_cells = int(cell.max()) + 1 if valid.any() else 0
    passes = np.ones(n_cells, dtype=bool)
    for j in range(s.shape[1]):  # a handful of sub-criteria; rows and cells stay vectorised
        bench = _wmean(s[:, j], w, is_comp)
        sel = valid & ok[:, j]
        num = np.bincount(cell[sel], weights=(w * s[:, j])[sel], minlength=n_cells)
        den = np.bincount(cell[sel], weights=w[sel], minlength=n_cells)
        with np.errstate(invalid="ignore", divide="ignore"):
            passes &= num / den >= bench
    return np.where(valid, passes[np.maximum(cell, 0)].astype(float), np.nan)


class MethodUnavailable(StatsError):
    """A solutions method cannot run on this plan's data (e.g. homogeneous cells without the
    location / origin / arrival-year breakdowns). Other methods still run; the reason is kept."""


#: the unit the solutions measure classifies and counts (its shares are shares of households)
UNIT = "household"


def solutions_measure(
    frame: AnalysisFrame, opts: AnalysisOptions, rules: Thresholds
) -> pd.DataFrame:
    if not any(i.iris_subcriterion for i in frame.indicators) or UNIT not in frame.units:
        return pd.DataFrame(columns=SOLUTIONS_COLUMNS)
    hh = frame.units[UNIT]
    if not any(i.iris_subcriterion and i.direction != "neutral" for i in frame.indicators):
        return pd.DataFrame(columns=SOLUTIONS_COLUMNS)
    disaggs = [d for d in frame.disaggregations if d.id in hh.frame]
    parts = []
    skipped: dict[str, str] = {}
    sub = _subcriteria_pass(frame, hh, opts)
    reasons: list[MethodUnavailable] = []
    for method in opts.solutions_methods:
        try:
            passed = pass_indicator(frame, hh, opts, method, sub)
        except MethodUnavailable as exc:
            if len(opts.solutions_methods) == 1:
                raise
            skipped[method] = exc.message
            reasons.append(exc)
            continue
        est = estimate_columns(
            frame,
            hh,
            {"_pass": passed, "_pass0": np.nan_to_num(passed)},
            {"_pass": "proportion", "_pass0": "total"},
            disaggs,
            opts.alpha,
            opts.proportion_ci,
        )
        keys = ["group", "disaggregation", "disaggregation_value"]
        share = est[est["indicator_id"] == "_pass"]
        number = est.loc[est["indicator_id"] == "_pass0", [*keys, "estimate", "se", "n"]]
        t = share.merge(number, on=keys, suffixes=("", "_num"), how="left")
        parts.append(
            pd.DataFrame(
                {
                    "method": method,
                    "group": t["group"],
                    "disaggregation": t["disaggregation"],
                    "disaggregation_value": t["disaggregation_value"],
                    "share": t["estimate"],
                    "se": t["se"],
                    "ci_low": t["ci_low"],
                    "ci_high": t["ci_high"],
                    "number": t["estimate_num"],
                    "number_se": t["se_num"],
                    "n": t["n_num"],
                    "n_assessable": t["n"],
                    "_weighted": t["n_weighted"],
                }
            )
        )
    if not parts:
        raise StatsError.of("stats.no_solutions_method", reasons=reasons)
    out = pd.concat(parts, ignore_index=True)
    cv = reliability_cv(
        out["share"].to_numpy(float), out["se"].to_numpy(float), np.ones(len(out), dtype=bool)
    )
    out["flag"] = flags(
        out["n_assessable"].to_numpy(float), cv, rules, missing=out["share"].isna().to_numpy()
    )
    result = out[SOLUTIONS_COLUMNS].reset_index(drop=True)
    result.attrs["skipped"] = skipped  # read by the engine into meta["solutions_skipped"]
    # the weighted number of assessable households (the share's denominator), for the bound a
    # withheld headline is published as (suppression.headline_bounds); not published itself
    result.attrs["weighted"] = out["_weighted"].to_numpy(float)
    return result
