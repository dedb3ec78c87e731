"""Complementary suppression: no suppressed value may be rebuilt from the published ones.

The thresholds (``disclosure.py``) flag some cells *primary* suppressions. Published next to
them are totals they add up to — the pooled "all displaced", a breakdown's overall value, a
stock table's margins (``suppression_cells.py`` lists every relation) — and one subtraction
would give them back. The rule (docs/disclosure.md):

1. **At least two suppressed cells in every relation** that holds one: where a relation has
   exactly one, the published cell of that relation with the fewest cases (then the smallest
   weighted count) is suppressed too — a *complementary* suppression.
2. **Checked by an attack**: the interval a reader can derive for every primary suppression
   (``suppression_audit.attack_bounds``: exact elimination and interval propagation over all
   relations at once, published values taken as exact) must be at least ``2 × protection ×
   base`` wide (``Thresholds.protection_ratio``; base ``min(p, 1−p)`` for a proportion, the
   value for a count or mean). A cell bounded more tightly gets one more complement, the
   smallest published cell of its most constrained relation.
3. Both steps repeat until nothing changes (a complement can leave another relation with a
   single suppressed cell).

A cell is one entity wherever it is printed (PDF, annex, results file), so the decision is the
same in every table sharing it. Cells with no case (n = 0) hide nothing and protect nothing:
they are ``empty``. A relation whose cells are all at the edge of their range (counts of 0,
proportions of 0 or 1) needs no complement, and the attack does not judge its cells: a
published total of 0 (or 100%) says the same of each of its parts, which no suppression can
hide. The engine records the counts (``meta["suppression"]``) and a
``suppression`` column (``primary`` / ``complementary`` / ``empty``) on every table.
"""

from __future__ import annotations

from collections import deque
from typing import Any

import numpy as np
import pandas as pd

from workbench.stats.disclosure_presets import Thresholds
from workbench.stats.frame import AnalysisFrame
from workbench.stats.suppression_audit import attack_bounds, required_width
from workbench.stats.suppression_cells import TABLES, Cells, build_cells

SUPPRESSION = "suppression"  # the column added to estimates, solutions and stock
RULE = "two_per_relation_smallest_n_attack_checked"


def _cell_relations(cells: Cells) -> list[list[int]]:
    by_cell: list[list[int]] = [[] for _ in range(cells.value.shape[0])]
    for r, rel in enumerate(cells.relations):
        for c in rel.cells.tolist():
            by_cell[c].append(r)
    return by_cell


def _cheapest(cells: Cells, candidates: np.ndarray) -> int:
    """The candidate with the fewest cases, then the smallest weighted count, then first — a
    value inside its range first (a count of 0 beside a total of 0 would protect nothing)."""
    c = candidates
    order = np.lexsort((c, cells.weight[c], cells.n[c], cells.edge[c]))
    return int(c[order[0]])


def _two_per_relation(
    cells: Cells, hidden: np.ndarray, open_: np.ndarray, by_cell: list[list[int]], queue: deque[int]
) -> None:
    """Rule 1 to a fixed point from the relations in ``queue`` (``hidden`` updated in place)."""
    queued = set(queue)
    while queue:
        r = queue.popleft()
        queued.discard(r)
        idx = cells.relations[r].cells
        if int(hidden[idx].sum()) != 1 or cells.edge[idx].all():
            continue
        candidates = idx[open_[idx] & ~hidden[idx]]
        if candidates.size == 0:
            continue
        c = _cheapest(cells, candidates)
        hidden[c] = True
        for other in by_cell[c]:
            if other not in queued:
                queue.append(other)
                queued.add(other)


def _exposed(cells: Cells, hidden: np.ndarray, ratio: float, only: np.ndarray) -> np.ndarray:
    """Primary suppressions a reader can bound more tightly than the rule allows, among the
    groups of relations holding a cell of ``only`` (the others did not change). Complements are
    not judged: their values were publishable; what matters is what they protect."""
    lo, hi = attack_bounds(
        cells.relations, cells.value, hidden, cells.lower, cells.upper, only=only
    )
    need = required_width(cells.value, cells.proportion, ratio)
    primary = cells.suppressed & ~cells.empty & ~cells.implied
    with np.errstate(invalid="ignore"):
        return hidden & primary & ((hi - lo) < need * (1 - 1e-9))


def decide(cells: Cells, ratio: float) -> tuple[np.ndarray, int]:
    """Complementary suppressions (mask) and the number of cells still exposed (0 unless every
    cell of some relation is already suppressed and the attack still pins one)."""
    primary = cells.suppressed & ~cells.empty
    hidden = primary.copy()
    open_ = ~cells.suppressed & ~cells.empty  # may be suppressed as a complement
    by_cell = _cell_relations(cells)
    queue = deque(r for r, rel in enumerate(cells.relations) if hidden[rel.cells].any())
    exposed = np.zeros_like(hidden)
    audited = np.zeros_like(hidden)  # hidden cells as of the last attack
    for _ in range(1 + int(open_.sum())):
        _two_per_relation(cells, hidden, open_, by_cell, queue)
        changed = hidden & ~audited
        if not changed.any() and audited.any():
            break
        found = _exposed(cells, hidden, ratio, changed if audited.any() else hidden)
        # cells whose relations the attack just re-ran take its verdict; the rest keep theirs
        rerun = _reached(cells, hidden, changed, by_cell) if audited.any() else hidden
        exposed = np.where(rerun, found, exposed)
        audited = hidden.copy()
        added = False
        for c in np.flatnonzero(exposed).tolist():
            rels = sorted(by_cell[c], key=lambda r: int(hidden[cells.relations[r].cells].sum()))
            for r in rels:
                idx = cells.relations[r].cells
                candidates = idx[open_[idx] & ~hidden[idx]]
                if candidates.size:
                    pick = _cheapest(cells, candidates)
                    hidden[pick] = True
                    queue.extend(by_cell[pick])
                    added = True
                    break
        if not added:
            break
    return hidden & ~primary, int(exposed.sum())


def _reached(
    cells: Cells, hidden: np.ndarray, seeds: np.ndarray, by_cell: list[list[int]]
) -> np.ndarray:
    """Hidden cells linked to a cell of ``seeds`` through relations and hidden cells."""
    seen = seeds & hidden
    stack = np.flatnonzero(seen).tolist()
    while stack:
        c = stack.pop()
        for r in by_cell[c]:
            idx = cells.relations[r].cells
            new = idx[hidden[idx] & ~seen[idx]]
            seen[new] = True
            stack.extend(new.tolist())
    return seen


def complementary_suppression(
    est: pd.DataFrame,
    sol: pd.DataFrame,
    stock: pd.DataFrame,
    frame: AnalysisFrame,
    rules: Thresholds,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict[str, Any]]:
    """The three tables with complementary suppressions flagged, a ``suppression`` column on
    each, and the counts for ``meta["suppression"]``."""
    cells = build_cells(est, sol, stock, frame)
    comp, exposed = decide(cells, rules.protection_ratio)
    kind = np.where(
        comp,
        "complementary",
        np.where(
            cells.suppressed & cells.empty, "empty", np.where(cells.suppressed, "primary", "")
        ),
    ).astype(object)
    out = []
    counts: dict[str, dict[str, int]] = {}
    for name, df in zip(TABLES, (est, sol, stock), strict=True):
        part = kind[cells.slices[name]]
        df = df.copy()
        if len(df):
            df.loc[part == "complementary", "flag"] = "suppressed"
        df[SUPPRESSION] = part
        out.append(df)
        counts[name] = {k: int((part == k).sum()) for k in ("primary", "complementary", "empty")}
    summary: dict[str, Any] = {
        "rule": RULE,
        "protection_ratio": rules.protection_ratio,
        "primary": sum(c["primary"] for c in counts.values()),
        "complementary": sum(c["complementary"] for c in counts.values()),
        "empty": sum(c["empty"] for c in counts.values()),
        "relations": len(cells.relations),
        "exposed": exposed,
        "by_table": counts,
    }
    return out[0], out[1], out[2], summary
