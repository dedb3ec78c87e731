"""The sampling design: integer codes for strata and PSUs and the between-PSU variance.

Mirrors R ``svydesign(ids=~_psu, strata=~_stratum, weights=~_weight, fpc=~_fpc, nest=TRUE)``
(with-replacement approximation at the first stage) and ``options(survey.lonely.psu=)`` as
implemented by survey 4.x ``onestrat``/``onestage``:

* each stratum contributes ``f_h n_h/(n_h-1) Σ_j (Z_hj - Z̄_h)²`` with ``f_h = (N_h-n_h)/N_h``
  (1 without FPC; 0 when ``f_h < 1e-7``);
* a stratum with a single PSU: ``fail`` raises, ``remove`` and ``certainty`` contribute 0,
  ``adjust`` contributes ``f_h Z_h1²`` (centred on the population mean of the estimating
  function, which is 0), ``average`` drops the stratum and scales the variance by
  ``#strata / #strata with more than one PSU`` — counting, as R does after ``subset()`` drops
  the rows outside a domain, only the strata with rows in the domain (:meth:`average_factor`).

A variance is then ``Σ_p (sqrt(scale_p) · (Z_p - centre_p))²``; :meth:`Design.scaled_centred`
returns those scaled, centred PSU totals so variances and covariances are plain column products.

Sums per stratum (stratum means of PSU totals, strata with rows in a domain) take a few numpy
calls whatever the number of strata: strata are numbered by (number of PSUs, label) and PSUs
stratum by stratum, so the strata with ``L`` PSUs own one contiguous run of ``c·L`` PSU rows,
and their sums are ``flat[run].reshape(c, L, m).sum(axis=1)`` — one call per distinct stratum
size, no gather, all ``m`` columns at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.stats.calibration_variance import Residualiser
from workbench.stats.frame import FPC, PSU, STRATUM, WEIGHT, DesignSpec


def _codes(values: pd.Series) -> np.ndarray:
    codes, _ = pd.factorize(values, sort=True, use_na_sentinel=True)
    return np.asarray(codes, dtype=np.int64)


@dataclass
class Design:
    weights: np.ndarray  # (n,) float
    psu: np.ndarray  # (n,) PSU index 0..P-1 (nested within strata)
    stratum_of_psu: np.ndarray  # (P,)
    n_h: np.ndarray  # (H,) PSUs per stratum
    scale_psu: np.ndarray  # (P,) variance scale incl. the lonely-PSU factor
    centre_psu: np.ndarray  # (P,) 1.0 = centre on the stratum mean, 0.0 = do not centre
    # (L, first stratum, number of strata) per distinct stratum size L, in PSU order: strata are
    # numbered by (size, label) and PSUs stratum by stratum, so each run is contiguous
    size_runs: tuple[tuple[int, int, int], ...]
    lonely: str
    avg_lonely: np.ndarray  # (H,) lonely strata under the "average" rule (else all False)
    #: calibrated designs: what the estimators subtract from their PSU totals
    #: (workbench/stats/calibration.py sets it with the calibrated weights)
    calibration: Residualiser | None = None

    @property
    def n_psu(self) -> int:
        return int(self.stratum_of_psu.shape[0])

    @property
    def n_strata(self) -> int:
        return int(self.n_h.shape[0])

    @property
    def df(self) -> int:
        """R ``degf()``: #PSUs - #strata (rows with non-zero weight)."""
        return self.n_psu - self.n_strata

    def stratum_sums(self, flat: np.ndarray) -> np.ndarray:
        """(P, m) per PSU → (H, m) sums per stratum."""
        return self._per_stratum(flat, np.sum, np.result_type(flat, np.float64))

    def strata_with(self, flat: np.ndarray) -> np.ndarray:
        """(P, m) per PSU → (H, m) bool: does any PSU of the stratum have a non-zero value."""
        return self._per_stratum(flat, np.any, np.dtype(bool))

    def _per_stratum(self, flat: np.ndarray, reduce: Any, dtype: np.dtype[Any]) -> np.ndarray:
        """``reduce`` over each stratum's PSUs: strata of equal size are one contiguous run
        (see ``size_runs``), reduced at once as a (count, size, m) block."""
        out = np.empty((self.n_strata, flat.shape[1]), dtype=dtype)
        first_psu = 0
        for size, h0, count in self.size_runs:
            run = flat[first_psu : first_psu + size * count]
            out[h0 : h0 + count] = reduce(run.reshape(count, size, flat.shape[1]), axis=1)
            first_psu += size * count
        return out

    def scaled_centred(self, z: np.ndarray) -> np.ndarray:
        """``z``: (P, m) PSU totals of linearised variables → (P, m) ready for crossproducts."""
        flat = z.reshape(self.n_psu, -1)
        means = self.stratum_sums(flat) / self.n_h[:, None]
        centred = flat - means[self.stratum_of_psu] * self.centre_psu[:, None]
        out = centred * np.sqrt(self.scale_psu)[:, None]
        return out.reshape(z.shape)

    def average_factor(self, present: np.ndarray) -> np.ndarray:
        """``#strata / #non-lonely strata`` among strata with rows in each domain (``present``:
        (P, ...) bool); 1 unless the lonely-PSU rule is ``average``."""
        shape = present.shape[1:]
        if not self.avg_lonely.any():
            return np.ones(shape)
        has = self.strata_with(present.reshape(self.n_psu, -1))
        n_all = has.sum(axis=0)
        n_ok = (has & ~self.avg_lonely[:, None]).sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            return (n_all / n_ok).reshape(shape)

    def domain_df(self, present: np.ndarray) -> np.ndarray:
        """degf of a subset design: ``present`` (P, m) bool, PSUs with rows in the domain."""
        flat = present.reshape(self.n_psu, -1)
        n_psu = flat.sum(axis=0)
        n_str = self.strata_with(flat).sum(axis=0)
        return (n_psu - n_str).reshape(present.shape[1:])


def build_design(df: pd.DataFrame, spec: DesignSpec, *, unit: str = "") -> Design:
    n = len(df)
    where = f" ({unit} data)" if unit else ""
    if n == 0:
        raise StatsError.of("stats.no_rows", where=where)
    if spec.weighted:
        w = pd.to_numeric(df[WEIGHT], errors="coerce").to_numpy(dtype=np.float64)
        if np.isnan(w).any() or (w < 0).any() or not np.isfinite(w).all():
            raise StatsError.of("stats.weights_invalid", where=where)
    else:
        w = np.ones(n)
    strat = _codes(df[STRATUM]) if spec.has_strata and STRATUM in df else np.zeros(n, np.int64)
    if (strat < 0).any():
        raise StatsError.of("stats.stratum_missing", where=where)
    if spec.has_psu and PSU in df:
        psu_raw = _codes(df[PSU])
        if (psu_raw < 0).any():
            raise StatsError.of("stats.psu_missing", where=where)
    else:
        psu_raw = np.arange(n, dtype=np.int64)
    # nest=TRUE: a PSU is identified by (stratum, psu)
    radix = int(psu_raw.max()) + 1
    uniq, psu = np.unique(strat * radix + psu_raw, return_inverse=True)
    n_strata = int(strat.max()) + 1
    sizes = np.bincount(uniq // radix, minlength=n_strata)
    # renumber the strata by (number of PSUs, label) and the PSUs stratum by stratum (stable:
    # by psu within a stratum), so every stratum size owns one contiguous run (Design.size_runs)
    by_size = np.lexsort((np.arange(n_strata), sizes))
    rank = np.empty(n_strata, dtype=np.int64)
    rank[by_size] = np.arange(n_strata)
    strat = rank[strat]
    psu_order = np.argsort(rank[uniq // radix], kind="stable")
    new_index = np.empty(uniq.shape[0], dtype=np.int64)
    new_index[psu_order] = np.arange(uniq.shape[0])
    psu = new_index[psu.ravel()]
    stratum_of_psu = rank[uniq // radix][psu_order]
    n_h = sizes[by_size].astype(np.float64)
    run_sizes, run_first, run_count = np.unique(
        sizes[by_size], return_index=True, return_counts=True
    )
    size_runs = tuple(
        (int(size), int(h0), int(c))
        for size, h0, c in zip(run_sizes, run_first, run_count, strict=True)
    )
    f_h = np.ones(n_strata)
    if spec.has_fpc and FPC in df:
        f_h = _fpc_factor(df[FPC], strat, n_h, where)
    scale_h = np.where(n_h > 1, f_h * n_h / np.maximum(n_h - 1, 1), f_h)
    scale_h = np.where(f_h < 1e-7, 0.0, scale_h)
    centre_h = np.ones(n_strata)
    lonely = n_h == 1
    if lonely.any():
        scale_h, centre_h = _lonely(spec.lonely_psu, lonely, scale_h, centre_h, where)
    avg_lonely = lonely & (spec.lonely_psu == "average")
    return Design(
        weights=w,
        psu=psu.astype(np.int64),
        stratum_of_psu=stratum_of_psu,
        n_h=n_h,
        scale_psu=scale_h[stratum_of_psu],
        centre_psu=centre_h[stratum_of_psu],
        size_runs=size_runs,
        lonely=spec.lonely_psu,
        avg_lonely=avg_lonely,
    )


def _fpc_factor(col: pd.Series, strat: np.ndarray, n_h: np.ndarray, where: str) -> np.ndarray:
    fpc = pd.to_numeric(col, errors="coerce").to_numpy(dtype=np.float64)
    if np.isnan(fpc).any() or (fpc <= 0).any():
        raise StatsError.of("stats.fpc_invalid", where=where)
    is_size = (fpc > 1).any()
    if is_size != (fpc >= 1).all():
        raise StatsError.of("stats.fpc_mixed", where=where)
    per_h = np.full(n_h.shape[0], np.nan)
    per_h[strat] = fpc
    pop = per_h if is_size else n_h / per_h
    if (pop < n_h - 1e-9).any():
        raise StatsError.of("stats.fpc_over_100", where=where)
    return np.where(np.isinf(pop), 1.0, (pop - n_h) / pop)


def _lonely(
    rule: str, lonely: np.ndarray, scale_h: np.ndarray, centre_h: np.ndarray, where: str
) -> tuple[np.ndarray, np.ndarray]:
    if rule == "fail":
        raise StatsError.of("stats.lonely_psu", count=int(lonely.sum()), where=where)
    scale_h, centre_h = scale_h.copy(), centre_h.copy()
    if rule in ("remove", "certainty"):
        scale_h[lonely] = 0.0
    elif rule == "adjust":
        centre_h[lonely] = 0.0
    elif rule == "average":
        if lonely.all():
            raise StatsError.of("stats.all_lonely", where=where)
        scale_h[lonely] = 0.0
    else:
        raise StatsError.of("stats.lonely_psu_rule_unknown", rule=rule)
    return scale_h, centre_h
