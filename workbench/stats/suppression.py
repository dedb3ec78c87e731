"""Complementary suppression: no suppressed value may be rebuilt from the published ones.

The thresholds (``disclosure.py``) flag some cells *primary* suppressions. Published next to
them are totals they add up to — the pooled "all displaced", a breakdown's overall value, a
stock table's margins (``suppression_cells.py`` lists every relation) — and one subtraction
would give them back. The rule (docs/disclosure.md):

1. **At least two suppressed cells in every relation** that holds one: where a relation has
   exactly one, the published cell of that relation with the fewest cases (then the smallest
   weighted count) is suppressed too — a *complementary* suppression — among the cells that
   can move against it. **A value at the edge of its range** (a count of 0, a share of 0 or
   100%) can move one way only: beside a published total at the same edge (all displaced 0.0%)
   every part is pinned there, however many parts are suppressed, so such a cell needs a
   suppressed partner that can move against it — the total itself (then, through the total's
   other relations, a level of each of its breakdowns and the pooled cells they add up to).
2. **Checked by an LP audit**: for every primary suppression, the least and greatest value a
   reader can derive from all relations at once, with counts ≥ 0 and proportions in [0, 1]
   and the published values taken as exact (``suppression_lp.lp_exposed``: two linear
   programmes per cell, ``lp.BoundedSimplex``), must reach ``v − p·base`` and ``v + p·base``
   (the protection levels of τ-ARGUS, each clipped to the cell's range; ``p`` =
   ``Thresholds.protection_ratio``; base ``min(v, 1−v)`` ≥ 1 point for a proportion, ``|v|``
   ≥ 1 for a count or mean). A cell bounded more tightly gets one more complement, the
   smallest published cell of its relation with the fewest suppressed cells — or, when all of
   them are suppressed (a combination of relations pins it), of the nearest relation linked to
   it through suppressed cells.
3. Both steps repeat until nothing changes (a complement can leave another relation with a
   single suppressed cell).

A cell is one entity wherever it is printed (PDF, annex, results file), so the decision is the
same in every table sharing it. Cells with no case (n = 0) hide nothing and protect nothing:
they are ``empty``. The engine records the counts (``meta["suppression"]``: primary,
complementary and, of those, ``complementary_lp`` — the ones the LP audit added) and a
``suppression`` column (``primary`` / ``complementary`` / ``empty``) on every table; the
solutions table also has ``share_below`` (a withheld share's published bound) and
``below_flag`` (``caution`` where that bound rests on few cases: "< 0.5%†").
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from workbench.stats.disclosure_presets import Thresholds
from workbench.stats.frame import AnalysisFrame
from workbench.stats.results import GROUP_TOTAL
from workbench.stats.suppression_cells import TABLES, Cells, build_cells
from workbench.stats.suppression_lp import lp_exposed, protection_targets

SUPPRESSION = "suppression"  # the column added to estimates, solutions and stock
#: the ``suppression`` kind of a cell withheld, with enough cases, to protect another ("(*)")
COMPLEMENTARY = "complementary"
BELOW = "share_below"  # the solutions column: the bound a withheld share is published as
#: the ``suppression`` kind of a published solutions cell shown as its group's bound instead of
#: its value (:func:`headline_bounds`)
BOUNDED = "bounded"
#: the solutions column: the flag of the bound itself — ``caution`` where the cell rests on few
#: cases (the threshold's caution, kept when the value is withheld for the bound), else ``""``
BELOW_FLAG = "below_flag"

#: the upper bounds a withheld solutions headline may be published as ("below 0.5%"), smallest
#: first: round figures, so that the bound says no more than the published relations allow
BOUNDS = (0.005, 0.01, 0.02, 0.05, 0.1)
RULE = "two_per_relation_smallest_n_lp_audited"


def _cell_relations(cells: Cells) -> list[list[int]]:
    by_cell: list[list[int]] = [[] for _ in range(cells.value.shape[0])]
    for r, rel in enumerate(cells.relations):
        for c in rel.cells.tolist():
            by_cell[c].append(r)
    return by_cell


def _cheapest(cells: Cells, candidates: np.ndarray) -> int:
    """The candidate with the fewest cases, then the smallest weighted count, then first — a
    value inside its range first (a count of 0 beside a total of 0 would protect nothing). An
    estimate's cases and weighted count are its breakdown × group × level's (``Cells.cost_n``),
    the same in every indicator of its unit, so that sibling tables with the same primary cells
    withhold the same complements (rd19: "(*)" in one HLP table, "3.8%" in the next)."""
    c = candidates
    order = np.lexsort((c, cells.cost_weight[c], cells.cost_n[c], cells.edge[c]))
    return int(c[order[0]])


def _compensating(cells: Cells, r: int, h: int, candidates: np.ndarray) -> np.ndarray:
    """The candidates of relation ``r`` that can move against the hidden cell ``h`` — for ``h``
    to rise, a cell of the other sign that can rise or one of the same sign that can fall (and
    the mirror for ``h`` to fall). Only such a complement widens what a reader can derive of
    ``h``: beside a published total of 0, hiding another part at 0 leaves every part pinned at
    0 (they cannot fall), so the total itself is the complement. Empty if none can."""
    rel = cells.relations[r]
    at = {int(c): i for i, c in enumerate(rel.cells.tolist())}
    a_h = float(rel.coef[at[h]])
    k = rel.coef[[at[int(c)] for c in candidates.tolist()]]
    v, lo, hi = cells.value[candidates], cells.lower[candidates], cells.upper[candidates]
    rise, fall = v < hi, v > lo
    other = np.sign(k) != np.sign(a_h)
    up = cells.value[h] < cells.upper[h]
    down = cells.value[h] > cells.lower[h]
    ok = (up & ((other & rise) | (~other & fall))) | (down & ((other & fall) | (~other & rise)))
    return candidates[ok]


def _pick(
    cells: Cells, candidates: np.ndarray, h: int, hidden: np.ndarray, by_cell: list[list[int]]
) -> int:
    """The complement for the hidden cell ``h``: the cheapest candidate (:func:`_cheapest`) —
    except beside a cell at the edge of its range (a part of a total of 0), where the parts
    and totals that can move form chains through every breakdown and group, and the candidate
    whose other relations already hold a hidden cell closes a chain instead of opening a new
    one (the pooled level of the hidden group's level, not the smallest pooled level)."""
    if not cells.edge[h] or candidates.size < 2:
        return _cheapest(cells, candidates)
    rels = cells.relations
    opened = np.array(
        [sum(1 for r in by_cell[c] if not hidden[rels[r].cells].any()) for c in candidates.tolist()]
    )
    return _cheapest(cells, candidates[opened == opened.min()])


def _complement_in(
    cells: Cells, r: int, hidden: np.ndarray, open_: np.ndarray, by_cell: list[list[int]]
) -> int | None:
    """Rule 1 in relation ``r``: the complement it needs, if any. A relation with one suppressed
    cell needs a second (the cheapest that can move against it, else the cheapest). A cell at
    the edge of its range (a part of 0 beside a published total of 0) also needs one that can
    move against it, however many others are suppressed: two parts of 0 suppressed beside a
    total of 0 are both still pinned at 0."""
    idx = cells.relations[r].cells
    shut = idx[hidden[idx]]
    candidates = idx[open_[idx] & ~hidden[idx]]
    if shut.size == 0 or candidates.size == 0:
        return None
    if shut.size == 1:
        h = int(shut[0])
        moving = _compensating(cells, r, h, candidates)
        return (
            _pick(cells, moving, h, hidden, by_cell)
            if moving.size
            else _cheapest(cells, candidates)
        )
    for h in shut[cells.edge[shut]].tolist():
        if _compensating(cells, r, h, shut[shut != h]).size:
            continue  # a suppressed cell of the relation can already move against it
        moving = _compensating(cells, r, h, candidates)
        if moving.size:
            return _pick(cells, moving, h, hidden, by_cell)
    return None


def _two_per_relation(
    cells: Cells, hidden: np.ndarray, open_: np.ndarray, by_cell: list[list[int]], queue: deque[int]
) -> None:
    """Rule 1 to a fixed point from the relations in ``queue`` (``hidden`` updated in place)."""
    queued = set(queue)
    while queue:
        r = queue.popleft()
        queued.discard(r)
        c = _complement_in(cells, r, hidden, open_, by_cell)
        if c is None:
            continue
        hidden[c] = True
        for other in by_cell[c]:  # the relation itself too: it may need another
            if other not in queued:
                queue.append(other)
                queued.add(other)


def _exposed(
    cells: Cells, hidden: np.ndarray, ratio: float, only: np.ndarray
) -> tuple[np.ndarray, int]:
    """Primary suppressions a reader with an LP solver can bound more tightly than the rule
    allows, among the groups of relations holding a cell of ``only`` (the others did not
    change). Complements are not judged: their values were publishable; what matters is what
    they protect. Also returns the number of groups the LP fell back on propagation for."""
    judge = hidden & cells.suppressed & ~cells.empty
    targets = protection_targets(cells.value, cells.proportion, ratio, cells.lower, cells.upper)
    return lp_exposed(
        cells.relations, cells.value, hidden, cells.lower, cells.upper, targets, judge, only
    )


@dataclass(frozen=True)
class Decision:
    complementary: np.ndarray  # mask of the complementary suppressions
    by_audit: np.ndarray  # those of them the LP audit added (rule 2)
    exposed: int  # cells still exposed: 0 unless every cell of their relations is suppressed
    fallbacks: int  # groups of relations the simplex could not solve (propagation judged them)


def decide(cells: Cells, ratio: float) -> Decision:
    """Rules 1–3 to a fixed point."""
    primary = cells.suppressed & ~cells.empty
    hidden = primary.copy()
    open_ = ~cells.suppressed & ~cells.empty  # may be suppressed as a complement
    by_cell = _cell_relations(cells)
    queue = deque(r for r, rel in enumerate(cells.relations) if hidden[rel.cells].any())
    exposed = np.zeros_like(hidden)
    audit = np.zeros_like(hidden)  # complements added for an exposed cell (rule 2)
    fallbacks = 0
    targets = protection_targets(cells.value, cells.proportion, ratio, cells.lower, cells.upper)
    audited = np.zeros_like(hidden)  # hidden cells as of the last attack
    for _ in range(1 + int(open_.sum())):
        _two_per_relation(cells, hidden, open_, by_cell, queue)
        changed = hidden & ~audited
        if not changed.any() and audited.any():
            break
        found, failed = _exposed(cells, hidden, ratio, changed if audited.any() else hidden)
        fallbacks += failed
        # cells whose relations the attack just re-ran take its verdict; the rest keep theirs
        rerun = _reached(cells, hidden, changed, by_cell) if audited.any() else hidden
        exposed = np.where(rerun, found, exposed)
        audited = hidden.copy()
        added = False
        for c in np.flatnonzero(exposed).tolist():
            pick = _complement_for(cells, c, hidden, open_, by_cell, targets)
            if pick is not None:
                hidden[pick] = True
                audit[pick] = True
                queue.extend(by_cell[pick])
                added = True
        if not added:
            break
    return Decision(hidden & ~primary, audit & ~primary, int(exposed.sum()), fallbacks)


#: how many of the cheapest candidates the LP audit tries for an exposed cell before it falls
#: back on the nearest relation's cheapest (each try is one LP attack on the cell's group)
TRIES = 40


def _complement_for(
    cells: Cells,
    c: int,
    hidden: np.ndarray,
    open_: np.ndarray,
    by_cell: list[list[int]],
    targets: tuple[np.ndarray, np.ndarray],
) -> int | None:
    """One more complement for the exposed cell ``c``: the cheapest published cell that
    protects it. The candidates are the published cells of every relation linked to ``c``
    through suppressed cells, cheapest first (:func:`_cheapest`'s order: fewest cases, then the
    smallest weighted count); the first whose suppression lets the LP attack reach both of
    ``c``'s protection levels is taken, so a large margin is withheld only when no smaller cell
    protects the primary. Issue 20: taking the nearest relation's cheapest instead, a cell of 5
    cases (IDPs in camps × Both × 2025) pinned by its pooled, row and column relations drew 20
    complements that did not free it, until the last published cell of its group's table — the
    group's size — was withheld, and with it every table's total and the whole camp / non-camp
    table; one interior cell of 52 cases protects it. When none of the ``TRIES`` cheapest does it
    alone, :func:`_nearest_complement` and the loop goes on."""
    seed = np.zeros_like(hidden)
    seed[c] = True
    linked = _reached(cells, hidden, seed, by_cell)
    rels = {r for x in np.flatnonzero(linked).tolist() for r in by_cell[x]}
    if rels:
        pool = np.unique(np.concatenate([cells.relations[r].cells for r in rels]))
        pool = pool[open_[pool] & ~hidden[pool]]
        order = np.lexsort((pool, cells.cost_weight[pool], cells.cost_n[pool], cells.edge[pool]))
        for k in pool[order][:TRIES].tolist():
            trial = hidden.copy()
            trial[k] = True
            found, _ = lp_exposed(
                cells.relations, cells.value, trial, cells.lower, cells.upper, targets, seed, seed
            )
            if not found[c]:
                return int(k)
    return _nearest_complement(cells, c, hidden, open_, by_cell)


def _nearest_complement(
    cells: Cells, c: int, hidden: np.ndarray, open_: np.ndarray, by_cell: list[list[int]]
) -> int | None:
    """A complement for the exposed cell ``c`` when no single cheap one protects it alone: the
    cheapest published cell of its relation with the fewest suppressed cells; when every cell
    of its relations is already suppressed (a combination of relations pins it), of the nearest
    relation linked to it through suppressed cells (breadth first, the fewest suppressed cells
    first at each step)."""
    # first a relation of the cell itself with a complement that can move against it (beside a
    # published total of 0 only the total can), the fewest suppressed cells first
    for r in sorted(by_cell[c], key=lambda r: (int(hidden[cells.relations[r].cells].sum()), r)):
        idx = cells.relations[r].cells
        moving = _compensating(cells, r, c, idx[open_[idx] & ~hidden[idx]])
        if moving.size:
            return _pick(cells, moving, c, hidden, by_cell)
    seen_rel: set[int] = set()
    seen_cell = {c}
    layer = [c]
    while layer:
        rels = sorted(
            {r for x in layer for r in by_cell[x]} - seen_rel,
            key=lambda r: (int(hidden[cells.relations[r].cells].sum()), r),
        )
        seen_rel.update(rels)
        nxt: list[int] = []
        for r in rels:
            idx = cells.relations[r].cells
            candidates = idx[open_[idx] & ~hidden[idx]]
            if candidates.size:
                return _cheapest(cells, candidates)
            for x in idx[hidden[idx]].tolist():
                if x not in seen_cell:
                    seen_cell.add(x)
                    nxt.append(x)
        layer = nxt
    return None


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


def headline_bounds(
    cells: Cells,
    hidden: np.ndarray,
    ratio: float,
    heads: np.ndarray,
    weighted: np.ndarray,
    owner: np.ndarray | None = None,
) -> np.ndarray:
    """The bound each withheld headline of the solutions measure is published as (NaN where
    none): its share is below ``b``, the smallest of :data:`BOUNDS` above its value whose
    publication leaves every primary suppression at its protection levels under the LP attack.

    Issue 20: on the demo no displaced household passes the IRIS layered rule, so every
    displaced cell is 0 and "All displaced 0.0%" would say that each small group's suppressed
    share is 0 too — the rule rightly withholds it, and every group's total with it (beside a
    total of 0 no interior cell of 0 can move against a part of 0). An upper bound is not a
    value: "below 0.5%" lets each part range from 0 to many times the protection level, so a
    reader learns the headline without learning any suppressed cell. Each bound is tried on the
    attack with the bounds already given (they add up), the largest (the pooled) first. ``heads``
    marks the candidates (withheld complements of the solutions table's overall rows),
    ``weighted`` each cell's weighted number of assessable households (the share's
    denominator; the cells hold the estimated numbers).

    ``owner`` (each breakdown cell's headline cell, -1 for none) extends the rule to the
    breakdowns of a group whose headline is published as a bound, so that no pattern of
    "*" points at particular cells (issue 20: beside "< 0.5%" every level read "0.0%" except
    one complement per breakdown, "*" — Female, Urban, Bendeki —, and readers took those for
    where the households that passed are). After the headlines, each complement of such a
    group's breakdowns (withheld to protect a primary cell, not itself too small) is tried the
    same way, the largest first, against the bounds already given; then each published cell
    of the group whose share is below the group's bound is published as that bound instead
    of its value. A bound in place of a published value only loosens what a reader knows —
    every value the attack could derive before is still possible — so this last step cannot
    expose a primary suppression and needs no new attack. Primary cells (too few cases) and
    empty ones are left as they are: "*" and "–"."""
    out = np.full(cells.value.shape[0], np.nan)
    upper = cells.upper.copy()
    targets = protection_targets(cells.value, cells.proportion, ratio, cells.lower, cells.upper)
    judge = hidden & cells.suppressed & ~cells.empty
    free = (
        hidden & ~cells.suppressed & ~cells.empty
    )  # the complements: their values were publishable
    upper = _bound_each(
        cells, hidden, targets, judge, np.flatnonzero(heads & free), weighted, upper, out
    )
    if owner is None:
        return out
    own = np.where(owner >= 0, out[np.maximum(owner, 0)], np.nan)  # the group's bound
    parts = np.isfinite(own) & ~heads
    _bound_each(cells, hidden, targets, judge, np.flatnonzero(parts & free), weighted, upper, out)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = cells.value / weighted
    shown = parts & ~hidden & ~cells.empty & (weighted > 0) & (share < own)
    out[shown] = own[shown]
    return out


def _bound_each(
    cells: Cells,
    hidden: np.ndarray,
    targets: tuple[np.ndarray, np.ndarray],
    judge: np.ndarray,
    todo: np.ndarray,
    weighted: np.ndarray,
    upper: np.ndarray,
    out: np.ndarray,
) -> np.ndarray:
    """:func:`headline_bounds`' step: each cell of ``todo``, the largest first, gets the
    smallest bound the LP attack allows with the bounds already given (``out`` updated in
    place; returns the cells' upper limits with every bound given)."""
    for c in todo[np.argsort(-weighted[todo], kind="stable")].tolist():
        w = float(weighted[c])
        if not (w > 0):
            continue
        share = float(cells.value[c]) / w
        for b in BOUNDS:
            if share >= b:
                continue
            trial = upper.copy()
            trial[c] = b * w
            only = np.zeros_like(hidden)
            only[c] = True
            found, _ = lp_exposed(
                cells.relations, cells.value, hidden, cells.lower, trial, targets, judge, only
            )
            if not found.any():
                upper, out[c] = trial, b
                break
    return upper


def _headline_of(sol: pd.DataFrame, start: int) -> np.ndarray:
    """Each solutions row's cell index of its group's headline under its method (the overall
    row; -1 for the overall rows themselves and where there is none)."""
    s = sol.reset_index(drop=True)
    keys = list(zip(s["method"].astype(str), s["group"].astype(str), strict=True))
    total = (s["disaggregation"].astype(str) == GROUP_TOTAL).to_numpy()
    head = {k: start + i for i, k in enumerate(keys) if total[i]}
    return np.array([-1 if total[i] else head.get(k, -1) for i, k in enumerate(keys)], dtype=int)


def complementary_suppression(
    est: pd.DataFrame,
    sol: pd.DataFrame,
    stock: pd.DataFrame,
    frame: AnalysisFrame,
    rules: Thresholds,
    sol_weighted: np.ndarray | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict[str, Any]]:
    """The three tables with complementary suppressions flagged, a ``suppression`` column on
    each, the solutions table's ``share_below`` (:func:`headline_bounds`; ``sol_weighted`` the
    weighted number of assessable households of each of its rows), and the counts for
    ``meta["suppression"]``."""
    cells = build_cells(est, sol, stock, frame)
    decision = decide(cells, rules.protection_ratio)
    comp = decision.complementary
    below = np.full(cells.value.shape[0], np.nan)
    if len(sol) and sol_weighted is not None:
        rows = cells.slices["solutions"]
        heads = np.zeros(cells.value.shape[0], dtype=bool)
        heads[rows] = (sol["disaggregation"].astype(str) == GROUP_TOTAL).to_numpy()
        weighted = np.zeros(cells.value.shape[0])
        weighted[rows] = np.nan_to_num(np.asarray(sol_weighted, dtype=float))
        hidden = comp | (cells.suppressed & ~cells.empty)
        owner = np.full(cells.value.shape[0], -1)
        owner[rows] = _headline_of(sol, rows.start)
        below = headline_bounds(cells, hidden, rules.protection_ratio, heads, weighted, owner)
    kind = np.where(
        comp,
        "complementary",
        np.where(
            cells.suppressed & cells.empty, "empty", np.where(cells.suppressed, "primary", "")
        ),
    ).astype(object)
    # a published cell of a bounded group's breakdowns shown as the group's bound instead of
    # its value (headline_bounds): withheld like a complement, but to protect nothing
    kind[np.isfinite(below) & (kind == "")] = BOUNDED
    out = []
    counts: dict[str, dict[str, int]] = {}
    for name, df in zip(TABLES, (est, sol, stock), strict=True):
        part = kind[cells.slices[name]]
        df = df.copy()
        if name == "solutions":
            bound = below[cells.slices[name]]
            df[BELOW] = bound
            # a bound on 25–49 cases is as uncertain as the value it replaces: the caution the
            # thresholds gave the cell stays with the bound (ar_B 2: "< 0.5%" on 25 households
            # read as precise), recorded before "suppressed" withholds the value
            flag = df["flag"] if "flag" in df else pd.Series("", index=df.index)
            was = flag.astype(object).fillna("").astype(str).to_numpy(dtype=object)
            df[BELOW_FLAG] = np.where(np.isfinite(bound) & (was == "caution"), "caution", "")
        if len(df):
            df.loc[(part == "complementary") | (part == BOUNDED), "flag"] = "suppressed"
        df[SUPPRESSION] = part
        out.append(df)
        counts[name] = {k: int((part == k).sum()) for k in ("primary", "complementary", "empty")}
    summary: dict[str, Any] = {
        "rule": RULE,
        "protection_ratio": rules.protection_ratio,
        "primary": sum(c["primary"] for c in counts.values()),
        "complementary": sum(c["complementary"] for c in counts.values()),
        # of them, added because the LP audit found a primary cell bounded too tightly
        "complementary_lp": int(decision.by_audit.sum()),
        "empty": sum(c["empty"] for c in counts.values()),
        "relations": len(cells.relations),
        "exposed": decision.exposed,
        "lp_fallbacks": decision.fallbacks,
        # solutions shares published as an upper bound ("below 0.5%"): withheld headlines, the
        # complements of their breakdowns and those published cells below the group's bound
        "bounded": int(np.isfinite(below).sum()),
        "by_table": counts,
    }
    return out[0], out[1], out[2], summary
