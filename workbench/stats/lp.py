"""A small bounded-variable simplex: how far can one cell move under a set of linear equations?

The disclosure audit (``suppression_lp.py``) asks, for each suppressed cell ``x_j``, the least
and the greatest value it can take subject to every published relation (``A·x = b``) and its
a-priori range (``lower ≤ x ≤ upper``: a count is ≥ 0, a proportion in [0, 1]). That is a pair of
linear programmes over the same feasible set, one per cell, so :class:`BoundedSimplex` solves
phase 1 once and then re-optimises from the last basis for every new objective (the previous
optimum is a feasible start: most later objectives need a few pivots).

The method is the textbook primal simplex with bounded variables (Dantzig 1963, ch. 18;
Chvátal 1983, ch. 8) on a dense tableau — the systems are small (one connected group of
relations at a time: tens to a few hundred cells):

* variables are moved to ``0 ≤ y ≤ cap`` (a shift by the lower bound; a variable bounded above
  only is negated; a free one is split into two non-negative parts);
* phase 1 minimises the sum of one artificial variable per row from the basis of artificials;
  artificials left in the basis at 0 are pivoted out, and rows with no other entry are dropped
  (they were linear combinations of the others);
* a nonbasic variable sits at 0 or at its cap; an entering variable moves until a basic variable
  reaches one of its bounds or the entering one reaches its other bound (a bound flip, no pivot);
* pricing is Dantzig's (largest reduced cost) and switches to Bland's smallest-index rule after
  a run of degenerate steps, which cannot cycle; the ratio test takes, among the rows that tie,
  the one with the largest pivot;
* the tableau is recomputed from the original matrix every ``_REFRESH`` pivots and at every
  optimum, and the reported values are the basic solution of that fresh factorisation, so rounding
  does not accumulate across the many objectives of one feasible set.

Checked against scipy's HiGHS (not a dependency: ``tests/reference/make_lp_golden.py``) on random
LPs and on the relations of generated surveys: the same bounds to 1e-9 (relative to the cell's
size, at least 1).
"""

from __future__ import annotations

import numpy as np

_PIVOT_TOL = 1e-9  # smallest tableau entry used as a pivot
_COST_TOL = 1e-10  # reduced costs within this of 0 are optimal
_FEAS_TOL = 1e-8  # phase-1 residual (relative to the right-hand side) still called feasible
_DEGENERATE_RUN = 25  # degenerate pivots in a row before Bland's rule takes over
_REFRESH = 50  # pivots between two recomputations of the tableau


class InfeasibleSystem(ValueError):
    """No point satisfies the equations within the bounds (cannot happen for relations built
    from true values; kept for callers that give other systems)."""


class BoundedSimplex:
    """``A·x = b`` with ``lower ≤ x ≤ upper`` (infinite bounds allowed); after construction the
    current point :attr:`x` is feasible, and :meth:`minimize` moves it to an optimum."""

    def __init__(self, a: np.ndarray, b: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> None:
        a = np.atleast_2d(np.asarray(a, dtype=np.float64))
        b = np.asarray(b, dtype=np.float64).reshape(-1)
        lower = np.asarray(lower, dtype=np.float64).reshape(-1)
        upper = np.asarray(upper, dtype=np.float64).reshape(-1)
        m, n = a.shape
        if np.any(lower > upper):
            raise InfeasibleSystem("a lower bound is above its upper bound")
        self.n_orig = n
        # ---- y-space: x[orig[k]] += sign[k]·y[k] + offset, 0 ≤ y ≤ cap
        orig, sign, cap = [], [], []
        offset = np.zeros(n)
        for j in range(n):
            lo, hi = lower[j], upper[j]
            if np.isfinite(lo):  # x = lo + y
                orig += [j]
                sign += [1.0]
                cap += [hi - lo]
                offset[j] = lo
            elif np.isfinite(hi):  # x = hi − y
                orig += [j]
                sign += [-1.0]
                cap += [np.inf]
                offset[j] = hi
            else:  # x = y⁺ − y⁻
                orig += [j, j]
                sign += [1.0, -1.0]
                cap += [np.inf, np.inf]
        self.orig = np.asarray(orig, dtype=np.int64)
        self.sign = np.asarray(sign)
        self.offset = offset
        ay = a[:, self.orig] * self.sign
        rhs = b - a @ offset
        # rows scaled to a largest entry of 1; rows of zeros must have a zero right-hand side
        norm = np.abs(ay).max(axis=1, initial=0.0)
        zero = norm == 0
        scale_b = np.maximum(1.0, np.abs(rhs))
        if np.any(np.abs(rhs[zero]) > _FEAS_TOL * scale_b[zero]):
            raise InfeasibleSystem("an equation without unknowns does not hold")
        ay, rhs = ay[~zero] / norm[~zero, None], rhs[~zero] / norm[~zero]
        # equations that are combinations of others are dropped (checked after phase 1)
        self._all_rows, self._all_rhs = ay, rhs
        keep = _independent_rows(ay)
        ay, rhs = ay[keep], rhs[keep]
        flip = rhs < 0
        ay[flip] *= -1.0
        rhs[flip] *= -1.0
        m = ay.shape[0]
        ny = ay.shape[1]
        self.a_full = np.hstack([ay, np.eye(m)])
        self.rhs = rhs
        self.cap = np.r_[np.asarray(cap, dtype=np.float64), np.zeros(m)]
        self.cap[ny:] = np.inf  # artificials: only phase 1 uses them
        self.ny = ny
        self.basis = np.arange(ny, ny + m)
        self.at_upper = np.zeros(ny + m, dtype=bool)
        self.is_basic = np.zeros(ny + m, dtype=bool)
        self.is_basic[self.basis] = True
        self.allowed = np.ones(ny + m, dtype=bool)
        self.tab = self.a_full.copy()
        self.xb = rhs.copy()
        self.pivots = 0
        self._phase_one()

    # ------------------------------------------------------------------ the tableau
    def _nonbasic_values(self) -> np.ndarray:
        v = np.where(self.at_upper, self.cap, 0.0)
        v[self.is_basic] = 0.0
        return np.where(np.isfinite(v), v, 0.0)

    def _refresh(self) -> None:
        """Tableau and basic values recomputed from the original matrix for the current basis."""
        bmat = self.a_full[:, self.basis]
        try:
            self.tab = np.linalg.solve(bmat, self.a_full)
            self.xb = np.linalg.solve(bmat, self.rhs - self.a_full @ self._nonbasic_values())
        except np.linalg.LinAlgError as exc:  # pragma: no cover - a basis is never singular
            raise RuntimeError("singular simplex basis") from exc
        self.tab[:, self.basis] = np.eye(len(self.basis))

    def _pivot(self, r: int, j: int, d: np.ndarray) -> None:
        row = self.tab[r] / self.tab[r, j]
        colj = self.tab[:, j].copy()
        colj[r] = 0.0
        self.tab -= np.outer(colj, row)
        self.tab[r] = row
        d -= d[j] * row
        d[j] = 0.0
        leaving = self.basis[r]
        self.is_basic[leaving] = False
        self.is_basic[j] = True
        self.at_upper[j] = False
        self.basis[r] = j
        self.pivots += 1

    def _optimise(self, cost: np.ndarray, stop: float = -np.inf) -> float:
        """Minimise ``cost·y`` from the current basis; −inf when unbounded below. Stops early
        once the objective is at or below ``stop``."""
        d = cost - cost[self.basis] @ self.tab
        degenerate = 0
        since_refresh = 0
        limit = self.pivots + 50 * sum(self.tab.shape) + 1000
        while True:
            value = float(cost[self.basis] @ self.xb + cost @ self._nonbasic_values())
            if value <= stop:
                return value
            eligible = (
                ~self.is_basic
                & self.allowed
                & (((d < -_COST_TOL) & ~self.at_upper) | ((d > _COST_TOL) & self.at_upper))
            )
            if not eligible.any():
                return value
            cand = np.flatnonzero(eligible)
            bland = degenerate >= _DEGENERATE_RUN
            j = int(cand[0]) if bland else int(cand[np.argmax(np.abs(d[cand]))])
            up = not self.at_upper[j]
            col = self.tab[:, j] if up else -self.tab[:, j]  # y_B ← y_B − t·col
            cap_b = self.cap[self.basis]
            t_row = np.full(col.shape, np.inf)
            dec = col > _PIVOT_TOL
            inc = (col < -_PIVOT_TOL) & np.isfinite(cap_b)
            t_row[dec] = np.maximum(self.xb[dec], 0.0) / col[dec]
            t_row[inc] = np.maximum(cap_b[inc] - self.xb[inc], 0.0) / -col[inc]
            t_min = float(t_row.min(initial=np.inf))
            t_flip = float(self.cap[j])
            if not np.isfinite(min(t_min, t_flip)):
                return -np.inf
            if t_flip <= t_min:
                self.xb -= t_flip * col
                self.at_upper[j] = up
                degenerate = 0
                continue
            ties = np.flatnonzero(t_row <= t_min + 1e-12 * max(1.0, t_min))
            if bland:  # smallest index leaves: with the entering rule, no cycle
                r = int(ties[np.argmin(self.basis[ties])])
            else:  # the largest pivot among the rows that tie: the stablest step
                r = int(ties[np.argmax(np.abs(col[ties]))])
            t = float(t_row[r])
            leaving = int(self.basis[r])
            to_upper = bool(col[r] < 0)
            entering_value = t if up else float(self.cap[j]) - t
            self.xb -= t * col
            self._pivot(r, j, d)
            self.xb[r] = entering_value
            self.at_upper[leaving] = to_upper and np.isfinite(self.cap[leaving])
            degenerate = degenerate + 1 if t <= 1e-12 else 0
            since_refresh += 1
            if since_refresh >= _REFRESH:
                self._refresh()
                d = cost - cost[self.basis] @ self.tab
                since_refresh = 0
            if self.pivots > limit:
                raise RuntimeError("simplex did not converge")  # pragma: no cover

    def _phase_one(self) -> None:
        m = len(self.basis)
        if m == 0:
            self.allowed[self.ny :] = False
            return
        cost = np.r_[np.zeros(self.ny), np.ones(m)]
        self._optimise(cost)
        self._refresh()
        residual = float(self.xb[self.basis >= self.ny].sum())
        if residual > _FEAS_TOL * max(1.0, float(self.rhs.max(initial=0.0))):
            raise InfeasibleSystem(f"no feasible point (residual {residual:.3g})")
        # artificials left in the basis (at 0): pivot them out, or drop their row
        keep = np.ones(m, dtype=bool)
        d = np.zeros(self.tab.shape[1])
        for r in range(m):
            if self.basis[r] < self.ny:
                continue
            row = np.abs(self.tab[r, : self.ny])
            row[self.is_basic[: self.ny]] = 0.0
            j = int(np.argmax(row))
            if row[j] > _PIVOT_TOL:
                value = float(self.cap[j]) if self.at_upper[j] else 0.0
                self._pivot(r, j, d)  # a step of length 0: the artificial leaves at 0
                self.xb[r] = value
            else:  # pragma: no cover - the rows are independent
                keep[r] = False
        self.allowed[self.ny :] = False
        if not keep.all():  # pragma: no cover
            self.basis, self.xb = self.basis[keep], self.xb[keep]
            self.a_full, self.rhs = self.a_full[keep], self.rhs[keep]
        # artificials leave the problem: columns kept (they are nonbasic at 0 and not allowed)
        self._refresh()
        y = self._nonbasic_values()
        y[self.basis] = self.xb
        gap = np.abs(self._all_rows @ y[: self.ny] - self._all_rhs)
        if np.any(gap > _FEAS_TOL * np.maximum(1.0, np.abs(self._all_rhs))):
            raise InfeasibleSystem(f"the equations contradict each other ({gap.max():.3g})")

    # ------------------------------------------------------------------ the original space
    @property
    def x(self) -> np.ndarray:
        """The current point in the original variables."""
        y = self._nonbasic_values()
        y[self.basis] = self.xb
        x = self.offset.copy()
        np.add.at(x, self.orig, self.sign * y[: self.ny])
        return x

    def minimize(self, c: np.ndarray, stop: float = -np.inf) -> float:
        """min ``c·x`` (−inf when unbounded); stops as soon as the value is ``≤ stop``."""
        c = np.asarray(c, dtype=np.float64)
        cost = np.zeros(self.a_full.shape[1])
        cost[: self.ny] = c[self.orig] * self.sign
        const = float(c @ self.offset)
        value = self._optimise(cost, stop - const)
        if not np.isfinite(value):
            return value
        if value > stop - const:  # an optimum: report the refreshed basic solution
            self._refresh()
        return float(c @ self.x)

    def bounds(self, j: int) -> tuple[float, float]:
        """(min, max) of ``x_j`` over the feasible set."""
        e = np.zeros(self.n_orig)
        e[j] = 1.0
        return self.minimize(e), -self.minimize(-e)


def _independent_rows(a: np.ndarray) -> np.ndarray:
    """Indices of a maximal set of linearly independent rows (Gram–Schmidt, done twice)."""
    q = np.zeros((0, a.shape[1]))
    keep = []
    for i, row in enumerate(a):
        r = row - q.T @ (q @ row)
        r -= q.T @ (q @ r)
        size = float(np.linalg.norm(r))
        if size > 1e-9 * max(1.0, float(np.linalg.norm(row))):
            keep.append(i)
            q = np.vstack([q, r / size])
    return np.asarray(keep, dtype=np.int64)


def cell_bounds(
    a: np.ndarray,
    b: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    cells: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Least and greatest value of each ``x_j`` (of ``cells``, default all) subject to
    ``A·x = b``, ``lower ≤ x ≤ upper``; NaN for cells not asked. Raises
    :class:`InfeasibleSystem` when there is no feasible point."""
    a = np.atleast_2d(np.asarray(a, dtype=np.float64))
    n = a.shape[1]
    lo, hi = np.full(n, np.nan), np.full(n, np.nan)
    lp = BoundedSimplex(a, b, lower, upper)
    for j in range(n) if cells is None else np.asarray(cells).tolist():
        lo[j], hi[j] = lp.bounds(int(j))
    return lo, hi
