"""The LP-grade disclosure audit: the tightest interval a reader can derive for a suppressed cell.

Every published relation is an equation ``Σ coef·x = constant`` (``suppression_audit.Relation``);
with the published cells' values substituted, the suppressed cells of one connected group of
relations satisfy ``A·x = b`` with ``lower ≤ x ≤ upper`` (counts ≥ 0, proportions in [0, 1]). The
least and greatest value of a cell over that set (two linear programmes, ``lp.BoundedSimplex``)
is exactly what an attacker with an LP solver derives — no tighter interval is implied by the
relations, and elimination or interval propagation can only give wider ones.

The protection rule (docs/disclosure.md, the *protection levels* of τ-ARGUS): a cell of value
``v`` is protected when a reader cannot exclude ``v − p·base`` nor ``v + p·base`` (each clipped
to the cell's a-priori range), with ``p`` the preset's protection ratio and ``base`` = ``min(v,
1 − v)`` (at least one percentage point) for a proportion, ``|v|`` (at least 1) otherwise. So the
audit only needs to know whether the minimum reaches the lower target and the maximum the upper
one: the true values are a feasible point, every vertex the simplex visits is another, and a cell
whose observed range already covers both targets needs no programme of its own; the others are
optimised only until the target is reached (``minimize(…, stop=target)``).
"""

from __future__ import annotations

import numpy as np

from workbench.stats.lp import BoundedSimplex, InfeasibleSystem
from workbench.stats.suppression_audit import Relation, active_groups, attack_bounds

_TOL = 1e-9


def protection_targets(
    value: np.ndarray, proportion: np.ndarray, ratio: float, lower: np.ndarray, upper: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(value the minimum must reach, value the maximum must reach) for every cell."""
    v = np.asarray(value, dtype=np.float64)
    base = np.where(
        proportion, np.maximum(np.minimum(v, 1.0 - v), 0.01), np.maximum(np.abs(v), 1.0)
    )
    return np.maximum(v - ratio * base, lower), np.minimum(v + ratio * base, upper)


def _system(
    relations: list[Relation], rels: list[int], hidden: np.ndarray, value: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(hidden cells of the group, A, b) with the published cells' values substituted."""
    cols = np.unique(np.concatenate([relations[r].cells[hidden[relations[r].cells]] for r in rels]))
    a = np.zeros((len(rels), cols.size))
    b = np.zeros(len(rels))
    for i, r in enumerate(rels):
        rel = relations[r]
        u = hidden[rel.cells]
        np.add.at(a[i], np.searchsorted(cols, rel.cells[u]), rel.coef[u])
        b[i] = rel.constant - float(rel.coef[~u] @ value[rel.cells[~u]])
    return cols, a, b


def lp_bounds(
    relations: list[Relation],
    value: np.ndarray,
    hidden: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The exact least and greatest value of every hidden cell in a relation (the published
    values taken as exact); other cells keep their a-priori range (hidden) or value."""
    value = np.nan_to_num(np.asarray(value, dtype=np.float64))
    lo = np.where(hidden, lower, value).astype(np.float64)
    hi = np.where(hidden, upper, value).astype(np.float64)
    for rels in active_groups(relations, hidden):
        cols, a, b = _system(relations, rels, hidden, value)
        lp = BoundedSimplex(a, b, lower[cols], upper[cols])
        for j, c in enumerate(cols.tolist()):
            lo[c], hi[c] = lp.bounds(j)
    return lo, hi


def lp_exposed(
    relations: list[Relation],
    value: np.ndarray,
    hidden: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    targets: tuple[np.ndarray, np.ndarray],
    judge: np.ndarray,
    only: np.ndarray | None = None,
) -> tuple[np.ndarray, int]:
    """Cells of ``judge`` whose minimum cannot reach ``targets[0]`` or whose maximum cannot
    reach ``targets[1]`` under the relations (only the groups holding a cell of ``only``), and
    the number of groups the simplex could not solve — judged instead by elimination and
    interval propagation (sound, possibly looser; never seen on the test corpus, counted so
    that it is not hidden)."""
    value = np.nan_to_num(np.asarray(value, dtype=np.float64))
    exposed = np.zeros(value.shape, dtype=bool)
    fallbacks = 0
    for rels in active_groups(relations, hidden, only):
        cols, a, b = _system(relations, rels, hidden, value)
        asked = np.flatnonzero(judge[cols])
        if not asked.size:
            continue
        t_lo, t_hi = targets[0][cols], targets[1][cols]
        try:
            found = _judge(a, b, lower[cols], upper[cols], value[cols], t_lo, t_hi, asked)
        except (InfeasibleSystem, RuntimeError):  # numerically hard: the weaker sound attack
            fallbacks += 1
            lo, hi = attack_bounds(relations, value, hidden, lower, upper, only=_mask(cols, value))
            found = (lo[cols] > t_lo + _tol(t_lo)) | (hi[cols] < t_hi - _tol(t_hi))
            found &= judge[cols]
        exposed[cols[found]] = True
    return exposed, fallbacks


def _tol(t: np.ndarray) -> np.ndarray:
    return _TOL * np.maximum(1.0, np.abs(t))


def _mask(cols: np.ndarray, like: np.ndarray) -> np.ndarray:
    out = np.zeros(like.shape, dtype=bool)
    out[cols] = True
    return out


def _judge(
    a: np.ndarray,
    b: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    value: np.ndarray,
    t_lo: np.ndarray,
    t_hi: np.ndarray,
    asked: np.ndarray,
) -> np.ndarray:
    """Which cells of ``asked`` (positions in one group's system) cannot reach their targets."""
    lp = BoundedSimplex(a, b, lower, upper)
    seen_lo = np.minimum(value, lp.x)  # the true values are a feasible point too
    seen_hi = np.maximum(value, lp.x)
    exposed = np.zeros(value.shape, dtype=bool)
    for j in asked.tolist():
        e = np.zeros(value.size)
        e[j] = 1.0
        if seen_lo[j] > t_lo[j] + _tol(t_lo[j]):
            low = lp.minimize(e, stop=t_lo[j])
            x = lp.x
            seen_lo, seen_hi = np.minimum(seen_lo, x), np.maximum(seen_hi, x)
            if low > t_lo[j] + _tol(t_lo[j]):
                exposed[j] = True
                continue
        if seen_hi[j] < t_hi[j] - _tol(t_hi[j]):
            high = -lp.minimize(-e, stop=-t_hi[j])
            x = lp.x
            seen_lo, seen_hi = np.minimum(seen_lo, x), np.maximum(seen_hi, x)
            if high < t_hi[j] - _tol(t_hi[j]):
                exposed[j] = True
    return exposed
