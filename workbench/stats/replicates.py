"""Replicate-weight designs, R ``svrepdesign`` (survey 4.x).

A replicate estimate ``θ_r`` is the statistic recomputed with replicate weights ``w_ri``; its
variance is ``scale · Σ_r rscales_r (θ_r − c)²`` with ``c`` the mean of the replicates with
``rscales > 0`` (``mse=False``) or the full-sample estimate (``mse=True``), R ``svrVar``;
replicates giving no estimate (a domain with no weight in that replicate) are dropped, as R's
``na.omit`` does. Degrees of freedom are R's ``degf()``: the rank of the replicate analysis
weights (of the domain's rows for a domain, as ``subset()`` recomputes it) minus one.

Compression (R's ``repweights_compressed``): the replicate weights are stored as multipliers
of the full-sample weight, ``w_ri = w_i · m_ur``, one row ``m_u`` per *replicate unit* — the
rows with identical multipliers (a PSU for replicates made from PSUs; a PSU's rows in one
calibration cell for calibrated replicates; every row when a numeric variable is calibrated).
The engine's fine cells are keyed by that unit, so a replicate sum is ``Σ_u m_ur a_u`` from
the per-unit sums ``a_u`` the estimators already make: one small matrix product instead of a
pass over rows × replicates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.stats.frame import DesignSpec, ReplicateSpec, replicate_column
from workbench.stats.replicate_compress import compress
from workbench.stats.variance import VarianceTerms

RANK_TOL = 1e-5  # R degf.svyrep.design: qr(weights, tol = 1e-5)$rank - 1


#: more replicate units than this share of the rows, and more than ROW_MODE_UNITS: the
#: replicate sums are made from the rows in each fine cell (one matrix product per cell)
#: instead of from per-unit sums
ROW_MODE_SHARE = 0.25
ROW_MODE_UNITS = 5000


@dataclass
class ReplicateDesign:
    weights: np.ndarray  # (n,) full-sample weights
    unit: np.ndarray  # (n,) replicate unit of each row
    mult: np.ndarray  # (U, R) multiplier of the full-sample weight per unit and replicate
    scale: float
    rscales: np.ndarray  # (R,)
    mse: bool
    type: str
    generated: bool = False
    kind: str = "replicate"
    lonely: str = ""
    #: never a residualiser: a calibrated replicate design's replicates carry the calibration
    calibration: None = None
    #: calibrated designs (calibration_replicates.py): the run's record of the calibration
    calibration_meta: dict[str, Any] | None = None
    _ranks: dict[bytes, int] = field(default_factory=dict, repr=False)
    _w2: np.ndarray | None = field(default=None, repr=False)
    _mult_t: np.ndarray | None = field(default=None, repr=False)
    _last: tuple[Any, ...] | None = field(default=None, repr=False)

    @property
    def row_mode(self) -> bool:
        """Nearly every row is its own unit (replicates calibrated one by one): the fine
        cells are not keyed by unit and the replicate sums come with the cell sums."""
        u = self.n_mult_units
        return u > ROW_MODE_SHARE * max(self.unit.shape[0], 1) and u > ROW_MODE_UNITS

    @property
    def mult_t(self) -> np.ndarray:
        """(R, U) the multipliers transposed and contiguous: BLAS takes a C-ordered left
        operand directly (``mult.T``, a Fortran-ordered view, made the products 8× slower)."""
        if self._mult_t is None:
            self._mult_t = np.ascontiguousarray(self.mult.T)
        return self._mult_t

    @property
    def n_mult_units(self) -> int:
        return int(self.mult.shape[0])

    @property
    def psu(self) -> np.ndarray:
        """The key of the fine cells: the replicate unit, or one key in row mode."""
        return np.zeros_like(self.unit) if self.row_mode else self.unit

    @property
    def n_units(self) -> int:
        return 1 if self.row_mode else self.n_mult_units

    @property
    def n_replicates(self) -> int:
        return int(self.mult.shape[1])

    @property
    def n_extra(self) -> int:
        """Extra per-cell sums in row mode: Σ w_r y and Σ w_r x for every replicate r."""
        return 2 * self.n_replicates if self.row_mode else 0

    @property
    def df(self) -> int:
        return self._rank(np.ones(self.n_mult_units, dtype=bool)) - 1

    def replicate_sums(
        self, rows: np.ndarray, key: np.ndarray, n_keys: int, values: np.ndarray
    ) -> np.ndarray:
        """Σ over ``rows`` (indices) of ``m_r · values`` per key (``key``: (len(rows),) in
        0..n_keys-1) → (n_keys, R): the replicate versions of weighted sums (``values``
        already hold the full-sample weight)."""
        out = np.empty((n_keys, self.n_replicates))
        u = self.unit[rows]
        for r in range(self.n_replicates):
            out[:, r] = np.bincount(key, weights=values * self.mult[u, r], minlength=n_keys)
        return out

    def cell_extra(self, row_cell: np.ndarray, n_cells: int, wy: np.ndarray, wx: np.ndarray):
        """Row mode: (C, 2Rk) per-cell replicate sums [A_r for r | B_r for r], k-blocks in
        replicate order; one (rows × R)ᵀ(rows × 2k) product per fine cell."""
        k = wy.shape[1]
        out = np.zeros((n_cells, 2 * self.n_replicates * k))
        order = np.argsort(row_cell, kind="stable")
        bounds = np.searchsorted(row_cell[order], np.arange(n_cells + 1))
        vals = np.concatenate([wy, wx], axis=1)
        for c in range(n_cells):
            idx = order[bounds[c] : bounds[c + 1]]
            if idx.size == 0:
                continue
            prod = self.mult[self.unit[idx]].T @ vals[idx]  # (R, 2k)
            out[c] = np.concatenate([prod[:, :k].ravel(), prod[:, k:].ravel()])
        return out

    def variance_terms(
        self,
        a: np.ndarray,
        b: np.ndarray,
        is_total: np.ndarray | bool,
        extra: list[np.ndarray] | tuple[np.ndarray, ...] | None = None,
        adjust: np.ndarray | None = None,
    ) -> VarianceTerms:
        """Per-unit sums ``a`` (Σwy), ``b`` (Σwx), shape (U, ...) — or in row mode ``extra``,
        the 2R replicate sums — → (R, ...) rows ``sqrt(scale·rscale_r) (θ_r − c)`` whose
        crossproducts are the variances."""
        shape = a.shape[1:]
        theta, theta_r = self._thetas(a, b, is_total, extra)
        return VarianceTerms(self._rows(theta, theta_r).reshape((self.n_replicates, *shape)))

    def logit_var(
        self,
        a: np.ndarray,
        b: np.ndarray,
        extra: list[np.ndarray] | tuple[np.ndarray, ...] | None = None,
    ) -> np.ndarray:
        """The replicate variance of ``logit(p)`` of proportions (R ``svyciprop(method=
        "logit")`` fits the intercept-only ``svyglm`` to every replicate: its variance is that
        of the replicates' logits, not the delta method's); NaN where p is 0 or 1."""
        theta, theta_r = self._thetas(a, b, False, extra)
        with np.errstate(divide="ignore", invalid="ignore"):
            lt, lt_r = np.log(theta / (1 - theta)), np.log(theta_r / (1 - theta_r))
        rows = self._rows(np.where(np.isfinite(lt), lt, np.nan), lt_r)
        var = np.einsum("rd,rd->d", rows, rows)
        # a replicate at 0 or 1 has no finite logit (R's glm stops at an arbitrary large one
        # and its interval collapses): the delta method's interval is used there instead
        edge = ((theta_r == 0) | (theta_r == 1)) & (self.rscales > 0)[:, None]
        return np.where(np.isfinite(lt) & ~edge.any(axis=0), var, np.nan).reshape(a.shape[1:])

    def contrast_var(
        self,
        a: np.ndarray,
        b: np.ndarray,
        is_total: np.ndarray,
        extra: list[np.ndarray] | tuple[np.ndarray, ...] | None,
        n_t: np.ndarray,
        comparator: int,
    ) -> np.ndarray:
        """(G+1, L, k) variances of (domain − comparator) as R's ``svyby(covmat=TRUE)`` +
        ``svycontrast``: a replicate with no estimate in any non-empty domain of the ``svyby``
        (the groups × levels; the pooled group and the comparator × levels) is dropped for
        every domain of it (``na.omit`` on the replicate matrix)."""
        shape = a.shape[1:]
        n_g = shape[0] - 1
        theta, theta_r = self._thetas(a, b, is_total, extra)
        theta, theta_r = theta.reshape(shape), theta_r.reshape((-1, *shape))
        ok = np.isfinite(theta_r) | (n_t == 0)[None]
        by_groups = ok[:, :n_g].all(axis=(1, 2))  # (R, k)
        by_pooled = ok[:, [n_g, comparator]].all(axis=(1, 2))
        keep = np.concatenate(
            [np.repeat(by_groups[:, None], n_g, axis=1), by_pooled[:, None]], axis=1
        )[:, :, None, :]  # (R, G+1, 1, k)
        diff = theta - theta[comparator]
        diff_r = np.where(keep, theta_r - theta_r[:, comparator : comparator + 1], np.nan)
        rows = self._rows(diff.reshape(-1), diff_r.reshape(diff_r.shape[0], -1))
        return np.einsum("rd,rd->d", rows, rows).reshape(shape)

    def _thetas(
        self,
        a: np.ndarray,
        b: np.ndarray,
        is_total: np.ndarray | bool,
        extra: list[np.ndarray] | tuple[np.ndarray, ...] | None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Full-sample (m,) and replicate (R, m) estimates of every domain (flattened)."""
        a_t, b_t, a_r, b_r = self._sums(a, b, extra)
        tot = np.broadcast_to(is_total, a.shape[1:]).reshape(-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            theta = np.where(tot, a_t, a_t / b_t)
            theta_r = np.where(tot, a_r, a_r / b_r)
        return theta, theta_r

    def _sums(
        self,
        a: np.ndarray,
        b: np.ndarray,
        extra: list[np.ndarray] | tuple[np.ndarray, ...] | None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Full-sample (m,) and replicate (R, m) sums of ``a`` and ``b``: one product of the
        (R, U) multipliers with the (U, 2m) unit sums, kept for the next call with the same
        arrays (the variance, the logit variance and the contrasts of one domain grid)."""
        last = self._last
        if last is not None and last[0] is a and last[1] is b:
            return last[2]
        fa, fb = a.reshape(a.shape[0], -1), b.reshape(b.shape[0], -1)
        m = fa.shape[1]
        if self.row_mode:
            assert extra is not None
            n_rep = self.n_replicates
            a_r = np.stack([e.sum(axis=0).reshape(-1) for e in extra[:n_rep]])
            b_r = np.stack([e.sum(axis=0).reshape(-1) for e in extra[n_rep:]])
        else:
            prod = self.mult_t @ np.concatenate([fa, fb], axis=1)
            a_r, b_r = prod[:, :m], prod[:, m:]
        out = (fa.sum(axis=0), fb.sum(axis=0), a_r, b_r)
        self._last = (a, b, out)
        return out

    def _rows(self, theta: np.ndarray, theta_r: np.ndarray) -> np.ndarray:
        """(R, m) ``sqrt(scale·rscale_r) (θ_r − c)``; replicates without an estimate (a domain
        with no weight in the replicate) are dropped, as R's ``na.omit``."""
        ok = np.isfinite(theta_r)
        if self.mse:
            centre = theta
        else:
            use = ok & (self.rscales > 0)[:, None]
            with np.errstate(divide="ignore", invalid="ignore"):
                centre = np.where(use, theta_r, 0.0).sum(axis=0) / use.sum(axis=0)
        rows = np.sqrt(self.scale * self.rscales)[:, None] * (theta_r - centre)
        return np.where(ok, rows, 0.0)

    def average_factor(self, present: np.ndarray) -> np.ndarray:
        return np.ones(present.shape[1:])

    def domain_df(self, count: np.ndarray) -> np.ndarray:
        """``count`` (U, ...) rows per unit and domain → rank of the domain's replicate
        weights − 1 (in row mode, where units are not told apart: the smaller of the design's
        and the domain's rows − 1, the rank bound both jackknives and replicates calibrated
        one by one reach)."""
        if self.row_mode:
            rows = count.reshape(count.shape[0], -1).sum(axis=0).reshape(count.shape[1:])
            return np.minimum(float(self.df), np.maximum(rows - 1, 0))
        flat = count.reshape(self.n_units, -1) > 0
        # domains sharing their set of units share the rank: each distinct set is ranked once
        packed = np.ascontiguousarray(np.packbits(flat, axis=0).T)  # (m, ⌈U/8⌉)
        keys = packed.view(np.dtype((np.void, packed.shape[1]))).ravel()
        distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        ranks = np.array([self._rank(flat[:, j], distinct[i].tobytes())
                          for i, j in enumerate(first.tolist())], dtype=np.float64)  # fmt: skip
        return (ranks[inverse.reshape(-1)] - 1).reshape(count.shape[1:])

    def _rank(self, units: np.ndarray, key: bytes | None = None) -> int:
        key = np.packbits(units).tobytes() if key is None else key
        got = self._ranks.get(key)
        if got is None:
            rows = self.mult[units] * np.sqrt(self._unit_w2[units])[:, None]
            got = self._ranks[key] = _rank(rows) if units.any() else 0
        return got

    @property
    def _unit_w2(self) -> np.ndarray:
        """(U,) Σ w² of each unit's rows: the replicate analysis weights of a unit's rows are
        ``w_i m_u``, so a unit's multipliers scaled by this root have the same column norms and
        inner products as the rows' weights (R ranks the rows' weights)."""
        if self._w2 is None:
            self._w2 = np.bincount(self.unit, self.weights**2, self.n_mult_units)
        return self._w2

    def meta(self) -> dict[str, object]:
        return {
            "variance": "replicate",
            "replicate_type": self.type,
            "replicates": self.n_replicates,
            "generated": self.generated,
            "scale": self.scale,
            "mse": self.mse,
            "psus": self.n_mult_units,
            "strata": 0,
            "df": self.df,
            "lonely_psu": self.lonely,
            "lonely_strata": 0,
            **({"calibration": self.calibration_meta} if self.calibration_meta else {}),
        }


def _rank(m: np.ndarray) -> int:
    """Rank of the columns of ``m`` as R's ``qr(tol = 1e-5)`` (LINPACK ``dqrdc2``) decides it:
    columns taken left to right, a column is negligible when what is left of it after removing
    the columns already taken is below ``RANK_TOL`` times its own norm (classical Gram–Schmidt,
    twice, which keeps the basis orthogonal to rounding)."""
    norms = np.sqrt(np.einsum("ij,ij->j", m, m))
    basis = np.empty((m.shape[0], min(m.shape)))
    k = 0
    for j in range(m.shape[1]):
        if norms[j] == 0 or k == basis.shape[1]:
            continue
        v = m[:, j].copy()
        for _ in range(2):
            q = basis[:, :k]
            v -= q @ (q.T @ v)
        rest = float(np.sqrt(v @ v))
        if rest >= RANK_TOL * norms[j]:
            basis[:, k] = v / rest
            k += 1
    return k


def default_scales(
    spec: ReplicateSpec, n_rep: int, rep: np.ndarray | None = None
) -> tuple[float, np.ndarray]:
    """R ``svrepdesign``'s ``scale`` and ``rscales`` for the type (``rep``: the replicate
    columns, for the guesses R makes from uncombined weights)."""
    t = spec.type
    if t == "sdr":  # R ignores scale= and rscales= for successive-difference weights
        return 4.0 / n_rep, np.ones(n_rep)
    rscales = np.asarray(spec.rscales, dtype=np.float64) if spec.rscales else None
    scale = spec.scale
    if rscales is not None and rscales.shape[0] != n_rep:
        raise StatsError.of("stats.rscales_length", given=rscales.shape[0], replicates=n_rep)
    if t == "brr" and scale is None:
        scale = 1.0 / n_rep
    elif t == "fay" and scale is None:
        scale = 1.0 / (n_rep * (1.0 - spec.rho) ** 2)
    elif t == "bootstrap" and scale is None:
        scale = 1.0 / (n_rep - 1)
    elif t == "jk1" and scale is None:
        if not spec.combined and rep is not None:
            scale = 1.0 / float(rep[:, 0].max())
        else:
            scale = (n_rep - 1) / n_rep
    elif t == "jkn" and rscales is None:
        if spec.combined or rep is None:
            raise StatsError.of("stats.jkn_needs_rscales")
        rscales = 1.0 / rep.max(axis=0)
    return (1.0 if scale is None else float(scale)), (
        np.ones(n_rep) if rscales is None else rscales
    )


def supplied_design(
    df: pd.DataFrame, spec: DesignSpec, w: np.ndarray, where: str
) -> ReplicateDesign:
    """The replicate columns ``_rep1``… of the frame, compressed to one multiplier row per
    replicate unit (replicate_compress.py: each column read about once, never an (n, R) copy
    unless every row is its own unit)."""
    rs = spec.replicates
    assert rs is not None
    cols = [replicate_column(r) for r in range(1, rs.columns + 1)]
    if not cols or any(c not in df for c in cols):
        raise StatsError.of("stats.replicate_columns_missing", where=where, count=rs.columns)
    if rs.columns < 2:
        raise StatsError.of("stats.replicates_too_few", where=where, count=rs.columns)

    zero = w == 0
    zero_rows = np.flatnonzero(zero) if rs.combined else None
    inv_w = np.divide(1.0, w, out=np.zeros_like(w), where=~zero)
    frames = [df[c] for c in cols]

    def column(r: int) -> np.ndarray:
        col = frames[r].to_numpy()
        if col.dtype != np.float64:
            col = pd.to_numeric(frames[r], errors="coerce").to_numpy(dtype=np.float64)
        return col

    def validate(r: int, col: np.ndarray, scaled: np.ndarray, full: bool) -> None:
        """Non-negative and finite (NaN fails the minimum; an infinite weight is caught in
        the hashed columns here and in the others by the finite check of the multipliers);
        a combined replicate weight on a row without weight is refused."""
        lo = scaled.min(initial=0.0)
        hi = scaled.max(initial=0.0) if full else 0.0
        if not (lo >= 0 and np.isfinite(hi)):
            raise StatsError.of("stats.replicate_weights_invalid", where=where)
        if zero_rows is not None and zero_rows.size and (col[zero_rows] != 0).any():
            raise StatsError.of("stats.replicate_weight_without_weight", where=where)

    unit, mult = compress(column, len(cols), inv_w if rs.combined else None, validate)
    if not np.isfinite(mult).all():
        raise StatsError.of("stats.replicate_weights_invalid", where=where)
    firsts = None if rs.combined else mult  # R guesses JK1/JKn scales from uncombined columns
    scale, rscales = default_scales(rs, rs.columns, firsts)
    return from_multipliers(w, mult, scale, rscales, rs.mse, rs.type, unit=unit)


def from_weights(
    w: np.ndarray,
    rep: np.ndarray,
    scale: float,
    rscales: np.ndarray,
    mse: bool,
    type_: str,
    *,
    generated: bool = False,
) -> ReplicateDesign:
    """A replicate design from full-sample weights ``w`` (n,) and replicate analysis weights
    ``rep`` (n, R) — e.g. after calibrating the full sample and each replicate."""
    if ((w == 0)[:, None] & (rep != 0)).any():
        raise StatsError.of("stats.replicate_weight_without_weight", where="")
    with np.errstate(divide="ignore", invalid="ignore"):
        mult = np.where(w[:, None] > 0, rep / w[:, None], 0.0)
    return from_multipliers(w, mult, scale, rscales, mse, type_, generated=generated)


def from_multipliers(
    w: np.ndarray,
    mult: np.ndarray,
    scale: float,
    rscales: np.ndarray,
    mse: bool,
    type_: str,
    *,
    generated: bool = False,
    unit: np.ndarray | None = None,
) -> ReplicateDesign:
    """``mult``: (n, R) per row, or (U, R) per unit when ``unit`` (n,) is given."""
    if unit is None:
        unit, mult = compress(lambda r: mult[:, r], mult.shape[1])
    return ReplicateDesign(
        weights=w,
        unit=unit.astype(np.int64),
        mult=np.ascontiguousarray(mult, dtype=np.float64),
        scale=float(scale),
        rscales=np.asarray(rscales, dtype=np.float64),
        mse=mse,
        type=type_,
        generated=generated,
    )
