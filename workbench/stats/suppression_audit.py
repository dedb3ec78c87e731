"""The attacker's side of disclosure control: how tightly can a reader bound a suppressed cell?

Published tables imply linear relations between their cells (the parts of a group add up to the
pooled group, the levels of a breakdown to its total, a weighted count times a proportion …). A
:class:`Relation` says ``Σ coef·x = constant``, the constant being known to the reader. Given
what is published (each published cell known to within its rounding, ``± half``) and the
a-priori range of every suppressed cell (a count is ≥ 0, a proportion in [0, 1]),
:func:`attack_bounds` returns the interval a reader can derive for every cell, by two attacks:

* **exact elimination**: a suppressed cell is *determined* when its unit vector lies in the row
  space of the relations restricted to the suppressed cells (no direction of the null space moves
  it); its value is then a linear combination ``λ`` of the relations' constants, known to within
  ``Σ |λ_k| · (rounding of relation k's published cells)``;
* **interval propagation**: each relation bounds each of its cells by the bounds of the others,
  repeated to a fixed point (the constraint propagation of interval arithmetic).

Both are sound (the true value always lies in the interval), and rounding is taken into
account. They are not a full linear programme: an attacker with an LP solver can bound some
cells more tightly (on generated small-cell surveys, cells that only a combination of relations
pins to 0). So the engine (``workbench/stats/suppression.py``) audits its decisions with the
exact LP (``suppression_lp.py``) and falls back on this attack only for a group of relations
the simplex could not solve; the test attacker uses both. The groups of relations
(:func:`active_groups`) are shared with the LP audit.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

_TOL = 1e-9
_MAX_SWEEPS = 200  # propagation rounds per relation before giving up on slow convergence


@dataclass(frozen=True)
class Relation:
    """``Σ coef[i] · x[cells[i]] = constant`` (the constant is known to the reader)."""

    cells: np.ndarray  # int64 indices of the cells
    coef: np.ndarray  # float64 coefficients, none zero
    constant: float = 0.0


def _rest(t: np.ndarray) -> np.ndarray:
    """Σ of the other terms for each term (infinity-aware: −inf/+inf terms are counted)."""
    inf = ~np.isfinite(t)
    finite_sum = float(t[~inf].sum())
    n_inf = int(inf.sum())
    out = np.full(t.shape, finite_sum) - np.where(inf, 0.0, t)
    if n_inf:
        sign = np.sign(t[inf][0])  # every infinite term of one side has the same sign
        others_inf = n_inf - inf.astype(int)
        out = np.where(others_inf > 0, sign * np.inf, out)
    return out


def _propagate(
    relations: list[Relation], lo: np.ndarray, hi: np.ndarray, active: list[int]
) -> None:
    """Tighten ``lo``/``hi`` in place through the relations in ``active`` until nothing moves."""
    cell_rel: dict[int, list[int]] = {}
    for r in active:
        for c in relations[r].cells.tolist():
            cell_rel.setdefault(c, []).append(r)
    queue = deque(active)
    queued = set(active)
    visits = dict.fromkeys(active, 0)
    while queue:
        r = queue.popleft()
        queued.discard(r)
        visits[r] += 1
        if visits[r] > _MAX_SWEEPS:
            continue
        rel = relations[r]
        a, idx = rel.coef, rel.cells
        t_lo = np.where(a > 0, a * lo[idx], a * hi[idx])
        t_hi = np.where(a > 0, a * hi[idx], a * lo[idx])
        with np.errstate(invalid="ignore"):
            rest_lo, rest_hi = _rest(t_lo), _rest(t_hi)
            # a_i x_i ∈ [c − rest_hi, c − rest_lo]
            y_lo, y_hi = rel.constant - rest_hi, rel.constant - rest_lo
            new_lo = np.where(a > 0, y_lo / a, y_hi / a)
            new_hi = np.where(a > 0, y_hi / a, y_lo / a)
        old_lo, old_hi = lo[idx], hi[idx]
        scale = np.maximum(1.0, np.abs(np.where(np.isfinite(old_lo), old_lo, 0.0)))
        up = np.isfinite(new_lo) & (new_lo > old_lo + _TOL * scale)
        scale = np.maximum(1.0, np.abs(np.where(np.isfinite(old_hi), old_hi, 0.0)))
        down = np.isfinite(new_hi) & (new_hi < old_hi - _TOL * scale)
        if not (up.any() or down.any()):
            continue
        lo[idx[up]] = new_lo[up]
        hi[idx[down]] = new_hi[down]
        for c in idx[up | down].tolist():
            for other in cell_rel[c]:
                if other != r and other not in queued:
                    queue.append(other)
                    queued.add(other)


def components(
    relations: list[Relation], active: list[int], unknown: np.ndarray
) -> list[list[int]]:
    """Groups of relations linked through shared suppressed cells."""
    parent = {r: r for r in active}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[int, int] = {}
    for r in active:
        for c in relations[r].cells[unknown[relations[r].cells]].tolist():
            if c in owner:
                parent[find(r)] = find(owner[c])
            else:
                owner[c] = r
    groups: dict[int, list[int]] = {}
    for r in active:
        groups.setdefault(find(r), []).append(r)
    return list(groups.values())


def _eliminate(
    relations: list[Relation],
    rels: list[int],
    unknown: np.ndarray,
    mid: np.ndarray,
    half: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
) -> None:
    """Exact elimination in one component: bound every determined suppressed cell by
    ``λ · constants`` (± the rounding it carries); ``lo``/``hi`` are intersected in place.

    With ``A = U Σ Vᵀ`` (the relations restricted to the suppressed cells), cell j is
    determined when its unit vector lies in the row space (``Σ_{r<rank} V[j, r]² = 1``); its
    value is then the j-th entry of the minimum-norm solution ``A⁺·rhs``, and ``λ`` the j-th row
    of ``A⁺``."""
    cols = sorted(
        {c for r in rels for c in relations[r].cells[unknown[relations[r].cells]].tolist()}
    )
    pos = {c: j for j, c in enumerate(cols)}
    a = np.zeros((len(rels), len(cols)))
    rhs = np.zeros(len(rels))
    err = np.zeros(len(rels))
    for i, r in enumerate(rels):
        rel = relations[r]
        u = unknown[rel.cells]
        a[i, [pos[c] for c in rel.cells[u].tolist()]] = rel.coef[u]
        pub, kp = rel.cells[~u], rel.coef[~u]
        rhs[i] = rel.constant - float(kp @ mid[pub])
        err[i] = float(np.abs(kp) @ half[pub])
    norm = np.abs(a).max(axis=1, initial=0.0)
    norm[norm == 0] = 1.0
    a, rhs, err = a / norm[:, None], rhs / norm, err / norm
    u_, s, vt = np.linalg.svd(a, full_matrices=False)
    rank = int((s > _TOL * max(1.0, float(s.max(initial=0.0)))).sum())
    v = vt[:rank].T  # (cells, rank): an orthonormal basis of the row space
    determined = np.flatnonzero(1.0 - (v * v).sum(axis=1) < 1e-9)
    if not determined.size:
        return
    pinv = (v[determined] / s[:rank]) @ u_[:, :rank].T  # rows of A⁺ for the determined cells
    value = pinv @ rhs
    width = np.abs(pinv) @ err
    for j, x, w in zip(determined.tolist(), value.tolist(), width.tolist(), strict=True):
        c = cols[j]
        lo[c] = max(lo[c], x - w)
        hi[c] = min(hi[c], x + w)


def touching(relations: list[Relation], mask: np.ndarray) -> np.ndarray:
    """For each relation, whether it holds a cell of ``mask``."""
    if not relations:
        return np.zeros(0, dtype=bool)
    sizes = np.fromiter((r.cells.size for r in relations), dtype=np.int64, count=len(relations))
    cells = np.concatenate([r.cells for r in relations])
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    return np.add.reduceat(mask[cells].astype(np.int64), starts) > 0


def active_groups(
    relations: list[Relation], unknown: np.ndarray, only: np.ndarray | None = None
) -> list[list[int]]:
    """The groups of relations linked through unknown cells (those holding one), keeping only
    the groups with a cell of ``only`` when it is given."""
    active = np.flatnonzero(touching(relations, unknown)).tolist()
    groups = components(relations, active, unknown)
    if only is None:
        return groups
    hit = touching(relations, only)
    return [g for g in groups if hit[g].any()]


def attack_bounds(
    relations: list[Relation],
    mid: np.ndarray,
    unknown: np.ndarray,
    lower: np.ndarray,
    upper: np.ndarray,
    half: np.ndarray | None = None,
    only: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Intervals a reader can derive for every cell.

    ``mid``: the published value of each published cell (ignored for suppressed ones);
    ``unknown``: True for suppressed cells; ``lower``/``upper``: a-priori range of suppressed
    cells; ``half``: half the rounding unit of each published cell (default 0: exact);
    ``only``: attack just the groups of relations holding one of these cells (the others keep
    their a-priori range)."""
    mid = np.asarray(mid, dtype=np.float64)
    half = np.zeros_like(mid) if half is None else np.asarray(half, dtype=np.float64)
    unknown = np.asarray(unknown, dtype=bool)
    lo = np.where(unknown, lower, mid - half).astype(np.float64)
    hi = np.where(unknown, upper, mid + half).astype(np.float64)
    chosen: list[int] = []
    for rels in active_groups(relations, unknown, only):
        _eliminate(relations, rels, unknown, np.nan_to_num(mid), half, lo, hi)
        chosen += rels
    _propagate(relations, lo, hi, chosen)
    return lo, hi


def required_width(value: np.ndarray, proportion: np.ndarray, ratio: float) -> np.ndarray:
    """The narrowest interval a suppressed cell may be bounded to: ``2·ratio·base``, where the
    base is ``min(p, 1 − p)`` (at least one percentage point) for a proportion, as in the CV
    flags, and ``|value|`` (at least 1) otherwise."""
    v = np.asarray(value, dtype=np.float64)
    base = np.where(
        proportion, np.maximum(np.minimum(v, 1.0 - v), 0.01), np.maximum(np.abs(v), 1.0)
    )
    return 2.0 * ratio * base
