"""The sampling design of a unit frame: weights, variance units and the variance rule.

:func:`build_design` returns one of two designs with the same interface (what the estimators
in linear.py and quantiles.py use):

* :class:`Design` — Taylor linearisation, R ``svydesign(ids=~s1+s2+…, strata=~st1+st2+…,
  fpc=~f1+f2+…, weights=, nest=TRUE)`` with ``options(survey.lonely.psu=)``: the first stage's
  between-PSU variance plus, when an FPC is given for the later stages, each later stage's
  between-unit variance within the units of the stage above, weighted by the product of the
  earlier sampling fractions (R ``multistage``; stage.py holds one stage's formula). Without
  an FPC for a stage, the recursion stops there (R's ultimate-cluster approximation, the
  with-replacement variance of the first stage when no FPC is given at all).
* :class:`workbench.stats.replicates.ReplicateDesign` — replicate weights, supplied or
  generated from the stages above (replicates.py, replicate_gen.py).

Both expose ``weights`` (n,), ``psu`` (n,) — the finest *variance unit* of each row, the key
of the fine cells (cells.py) — and ``n_units``; estimators hand them per-unit sums ``a``
(numerator) and ``b`` (denominator) and get back :meth:`variance_rows`: arrays whose
crossproducts over axis 0 are the variances and covariances of the estimates (scaled,
centred unit totals of the linearised variables stacked over the stages, or scaled, centred
replicate estimates).

Calibration (calibration.py) is applied to the built design: a calibrated linearisation design
(any number of stages) is a :class:`Design` whose ``weights`` are the calibrated weights and
whose finest-unit totals are residualised before :meth:`Design.scaled_centred`; a calibrated
replicate design (calibration_replicates.py) is a
:class:`~workbench.stats.replicates.ReplicateDesign` whose full-sample and replicate weights
were each calibrated to the same totals.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.stats.calibration_variance import Residualiser
from workbench.stats.frame import (
    FPC,
    PSU,
    STRATUM,
    WEIGHT,
    DesignSpec,
    fpc_column,
    psu_column,
    stratum_column,
)
from workbench.stats.stage import Stage, build_stage
from workbench.stats.variance import VarianceTerms

#: sum a last stage of single rows by its strata (RowStage); False keys the cells by row (the
#: general path, which the tests compare it with)
ROW_STAGE = True


def _codes(values: pd.Series) -> np.ndarray:
    codes, _ = pd.factorize(values, sort=True, use_na_sentinel=True)
    return np.asarray(codes, dtype=np.int64)


@dataclass(frozen=True)
class Grouping:
    """Sums of per-unit rows into the units of a coarser stage (one ``reduceat``)."""

    order: np.ndarray  # fine units sorted by their coarse unit
    starts: np.ndarray  # first position of each coarse unit in ``order``

    @staticmethod
    def of(coarse_of_fine: np.ndarray) -> Grouping:
        order = np.argsort(coarse_of_fine, kind="stable")
        sorted_ = coarse_of_fine[order]
        starts = np.flatnonzero(np.r_[True, sorted_[1:] != sorted_[:-1]])
        return Grouping(order, starts)

    def sum(self, flat: np.ndarray) -> np.ndarray:
        return np.add.reduceat(flat[self.order], self.starts, axis=0)

    def any(self, flat: np.ndarray) -> np.ndarray:
        return np.logical_or.reduceat(flat[self.order], self.starts, axis=0)


@dataclass
class LaterStage:
    stage: Stage
    group: Grouping  # finest unit → this stage's unit


@dataclass
class RowStage:
    """The last stage when it samples single rows (households within areas): its variance
    ``Σ_h scale_h (Σ_j z_j² − c_h (Σ_j z_j)²/n_h)`` from per-stratum sums of the rows'
    squares and of the rows (the cells are keyed by this stage's strata, not by row)."""

    scale: np.ndarray  # (K,) per stratum of the last stage
    centre: np.ndarray  # (K,)
    n: np.ndarray  # (K,) sampled rows per stratum


@dataclass
class Design:
    weights: np.ndarray  # (n,) float
    psu: np.ndarray  # (n,) variance key of each row: finest unit, or last-stage stratum
    first: Stage
    lonely: str
    later: tuple[LaterStage, ...] = ()
    to_first: Grouping | None = None  # key → first-stage PSU (None: the same)
    row_stage: RowStage | None = None
    kind: str = "linearisation"
    #: calibrated designs: what the estimators subtract from their PSU totals
    #: (workbench/stats/calibration.py sets it with the calibrated weights)
    calibration: Residualiser | None = None
    #: every counted stage has a finite population correction (its units drawn without
    #: replacement); False: the first stage's units are treated as drawn with replacement
    fpc: bool = False

    @property
    def n_extra(self) -> int:
        """Extra per-cell sums the estimators make: Σw²y², Σw²xy, Σw²x² for a row stage."""
        return 3 if self.row_stage is not None else 0

    @property
    def n_units(self) -> int:
        return int(self.psu.max(initial=-1)) + 1 if self.to_first is not None else self.n_psu

    @property
    def n_psu(self) -> int:
        return self.first.n_psu

    @property
    def n_strata(self) -> int:
        return self.first.n_strata

    @property
    def n_h(self) -> np.ndarray:
        return self.first.n_h

    @property
    def df(self) -> int:
        """R ``degf()``: #PSUs - #strata of the first stage."""
        return self.first.df

    @property
    def stages(self) -> int:
        """Stages whose variance is counted."""
        return 1 + len(self.later) + (self.row_stage is not None)

    def _first(self, flat: np.ndarray) -> np.ndarray:
        return flat if self.to_first is None else self.to_first.sum(flat)

    def scaled_centred(self, z: np.ndarray) -> np.ndarray:
        """``z``: (U, ...) finest-unit totals → (Σ units of each stage, ...) rows whose
        crossproducts are the multistage variance."""
        flat = z.reshape(z.shape[0], -1)
        parts = [self.first.scaled_centred(self._first(flat))]
        parts += [s.stage.scaled_centred(s.group.sum(flat)) for s in self.later]
        out = parts[0] if len(parts) == 1 else np.concatenate(parts, axis=0)
        return out.reshape((out.shape[0], *z.shape[1:]))

    @staticmethod
    def linearised(
        a: np.ndarray, b: np.ndarray, is_total: np.ndarray | bool
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per-key totals of the linearised variable ``(a − R b)/B`` (``a`` for totals), the
        ratio ``R`` and ``B``."""
        a_t, b_t = a.sum(axis=0), b.sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.nan_to_num(a_t / b_t)
            z = np.where(is_total, a, (a - ratio * b) / b_t)
        return np.where(np.isfinite(z), z, 0.0), ratio, b_t

    def variance_terms(
        self,
        a: np.ndarray,
        b: np.ndarray,
        is_total: np.ndarray | bool,
        sq: list[np.ndarray] | tuple[np.ndarray, ...] | None = None,
        adjust: np.ndarray | None = None,
    ) -> VarianceTerms:
        """Per-key sums ``a`` (Σwy) and ``b`` (Σwx), shape (U, ...), and for a row stage
        ``sq`` = (Σw²y², Σw²xy, Σw²x²) → the variance terms (variance.py)."""
        z, ratio, b_t = self.linearised(a, b, is_total)
        if adjust is not None:  # calibration: the residualised finest-unit totals
            z = z - adjust
            z = np.where(np.isfinite(z), z, 0.0)
        plus = self.scaled_centred(z)
        rs = self.row_stage
        if rs is None:
            return VarianceTerms(plus)
        assert sq is not None
        a2, ab, b2 = sq[0], sq[1], sq[2]
        with np.errstate(divide="ignore", invalid="ignore"):
            own = np.where(is_total, a2, (a2 - 2 * ratio * ab + ratio**2 * b2) / b_t**2)
        own = np.where(np.isfinite(own), own, 0.0)
        diag = np.einsum("p,p...->...", rs.scale, own)
        with np.errstate(divide="ignore", invalid="ignore"):
            f = np.sqrt(rs.scale * rs.centre / rs.n)
        minus = z * f.reshape((-1,) + (1,) * (z.ndim - 1))
        return VarianceTerms(plus, minus, diag)

    def average_factor(self, present: np.ndarray) -> np.ndarray:
        flat = present.reshape(present.shape[0], -1)
        first = flat if self.to_first is None else self.to_first.any(flat)
        return self.first.average_factor(first).reshape(present.shape[1:])

    def domain_df(self, count: np.ndarray) -> np.ndarray:
        """``count`` (U, ...): rows of each domain per key → degf of the subset design."""
        flat = count.reshape(count.shape[0], -1) > 0
        first = flat if self.to_first is None else self.to_first.any(flat)
        return self.first.domain_df(first).reshape(count.shape[1:])

    def meta(self) -> dict[str, object]:
        return {
            "variance": "linearisation",
            "psus": self.n_psu,
            "strata": self.n_strata,
            "df": self.df,
            "lonely_psu": self.lonely,
            "lonely_strata": int((self.n_h == 1).sum()),
            "stages": self.stages,
            "fpc": self.fpc,
            **({"calibration": self.calibration.meta} if self.calibration is not None else {}),
        }


def design_weights(df: pd.DataFrame, spec: DesignSpec, where: str) -> np.ndarray:
    if not spec.weighted:
        return np.ones(len(df))
    w = pd.to_numeric(df[WEIGHT], errors="coerce").to_numpy(dtype=np.float64)
    if np.isnan(w).any() or (w < 0).any() or not np.isfinite(w).all():
        raise StatsError.of("stats.weights_invalid", where=where)
    return w


def build_design(df: pd.DataFrame, spec: DesignSpec, *, unit: str = "") -> Design:
    """The design of one unit frame (a :class:`ReplicateDesign` when the spec has replicate
    weights; it has the same interface)."""
    n = len(df)
    where = f" ({unit} data)" if unit else ""
    if n == 0:
        raise StatsError.of("stats.no_rows", where=where)
    w = design_weights(df, spec, where)
    if spec.replicates is not None and not spec.replicates.generated:
        from workbench.stats.replicates import supplied_design

        return supplied_design(df, spec, w, where)  # type: ignore[return-value]
    # a calibrated design residualises every row's estimating function (calibration.py): a
    # last stage of single rows keeps its rows as variance units instead of per-stratum sums
    row_stage = spec.calibration is None or spec.replicates is not None
    design = linearisation_design(df, spec, w, where, row_stage=row_stage)
    if spec.replicates is not None:
        from workbench.stats.replicate_gen import generated_design

        return generated_design(design, df, spec, where)  # type: ignore[return-value]
    return design


def _stage_codes(df: pd.DataFrame, col: str, where: str, code: str) -> np.ndarray:
    codes = _codes(df[col])
    if (codes < 0).any():
        raise StatsError.of(code, where=where)
    return codes


def stage_fpcs(df: pd.DataFrame, spec: DesignSpec, where: str) -> list[np.ndarray]:
    """The FPC columns of the stages that have one, in stage order (the first missing one
    ends the list: R's recursion needs an FPC at every stage it descends to)."""
    if not spec.has_fpc or FPC not in df:
        return []
    out = []
    for s in range(1, spec.stages + 1):
        col = fpc_column(s)
        if col not in df:
            break
        fpc = pd.to_numeric(df[col], errors="coerce").to_numpy(dtype=np.float64)
        if np.isnan(fpc).any() or (fpc <= 0).any():
            raise StatsError.of("stats.fpc_invalid", where=where)
        out.append(fpc)
    every = np.concatenate(out)
    if (every > 1).any() != (every >= 1).all():
        raise StatsError.of("stats.fpc_mixed", where=where)
    return out


def linearisation_design(
    df: pd.DataFrame, spec: DesignSpec, w: np.ndarray, where: str, *, row_stage: bool = True
) -> Design:
    n = len(df)
    fpcs = stage_fpcs(df, spec, where)
    is_size = bool(fpcs) and bool((np.concatenate(fpcs) > 1).any())
    parent = (
        _stage_codes(df, STRATUM, where, "stats.stratum_missing")
        if spec.has_strata and STRATUM in df
        else np.zeros(n, np.int64)
    )
    prior = np.ones(n)
    built = []
    n_stages = max(1, len(fpcs)) if spec.stages > 1 else 1
    for s in range(1, n_stages + 1):
        col = psu_column(s)
        if s == 1 and not (spec.has_psu and PSU in df):
            ids = np.arange(n, dtype=np.int64)
        else:
            ids = _stage_codes(df, col, where, "stats.psu_missing")
        strat = parent
        st_col = stratum_column(s)
        if s > 1:
            own = _stage_codes(df, st_col, where, "stats.stratum_missing") if st_col in df else 0
            strat = parent * (int(np.max(own, initial=0)) + 1) + own
        stage = build_stage(
            strat,
            ids,
            fpcs[s - 1] if s <= len(fpcs) else None,
            prior,
            spec.lonely_psu,
            fpc_is_size=is_size,
            where=where,
            stage=s,
            parent=parent if s > 1 else None,
        )
        built.append(stage)
        prior = prior * stage.fraction
        parent = stage.unit
        if not prior.any():
            break
    finest = built[-1].unit
    rows = None
    if ROW_STAGE and row_stage and len(built) > 1 and np.bincount(finest).max(initial=0) == 1:
        last = built.pop()
        finest = last.stratum
        rows = RowStage(
            scale=last.per_stratum(last.stage.scale_psu),
            centre=last.per_stratum(last.stage.centre_psu),
            n=last.stage.n_h,
        )
    later = tuple(
        LaterStage(b.stage, Grouping.of(_coarse_of_fine(b.unit, finest))) for b in built[1:]
    )
    several = bool(later) or rows is not None
    return Design(
        weights=w,
        psu=finest,
        first=built[0].stage,
        lonely=spec.lonely_psu,
        later=later,
        to_first=Grouping.of(_coarse_of_fine(built[0].unit, finest)) if several else None,
        row_stage=rows,
        # R's recursion descends only to stages with an FPC: each counted stage has one
        fpc=bool(fpcs),
    )


def _coarse_of_fine(coarse: np.ndarray, fine: np.ndarray) -> np.ndarray:
    """(U,) the coarse unit of each fine unit (units are nested)."""
    out = np.empty(int(fine.max(initial=-1)) + 1, dtype=np.int64)
    out[fine] = coarse
    return out
