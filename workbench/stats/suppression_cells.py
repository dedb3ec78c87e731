"""The cells of a run's published tables and the additive relations between them.

Every estimate, solutions-measure row and stock-table cell is one *cell* (the same cell wherever
it is printed: PDF, annex, results file), and every relation a reader can form from the published
tables is a :class:`~workbench.stats.suppression_audit.Relation` between cells:

* **groups → pooled**: the displaced groups add up to "all displaced" — for a count
  ``Σ x_g = x_all``; for a proportion, mean or ratio the weighted counts make it additive
  (``Σ W_g·p_g = W_all·p_all``: a published weighted count and proportion rebuild the rest);
* **levels → total**: the levels of a breakdown add up to the group's overall value (counts
  directly, proportions through their weighted counts), for every group including the comparator;
* **stock tables**: each group's cells of a table add up to the group's total row of the table
  (``cells − total = 0``, the total a cell that may itself be suppressed; units with a missing
  value of the table's variables make the constant); in a two-way table each row level's cells
  add up to its row margin, each column level's to its column margin, and the row margins and
  the column margins each to the total; the groups' totals (and margins) add up to the pooled
  ones, every table of one unit has the same total per group, and two tables of the same unit
  that share a variable have the same margin on it.

The weighted counts are taken as known to the reader (they are published for every estimate
that is not suppressed, and stock tables publish the groups' sizes), so every relation is linear
in the published values. Each relation's constant is computed from the true values (a level the
breakdown does not list, a unit outside a table, …), i.e. the reader is assumed to know it.
Medians are not additive and take part in no relation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workbench.stats.frame import AnalysisFrame
from workbench.stats.results import ALL_DISPLACED, GROUP_TOTAL, stock_margin
from workbench.stats.suppression_audit import Relation

TABLES = ("estimates", "solutions", "stock")


@dataclass
class Cells:
    """The decision problem: one entry per published cell of the three tables, in order."""

    value: np.ndarray  # the value a relation is written in (solutions: the estimated number)
    n: np.ndarray  # unweighted cases (the smaller a complement's n, the cheaper it is)
    weight: np.ndarray  # weighted count (tie-breaker of the cost)
    suppressed: np.ndarray  # flagged suppressed by the thresholds (primary)
    empty: np.ndarray  # no case at all (n = 0) or no value: known to be empty, nothing to hide
    proportion: np.ndarray  # the value is a proportion (bounded by 0 and 1)
    lower: np.ndarray  # a-priori range a reader knows for the cell
    upper: np.ndarray
    #: the value is at the edge of its range (a count of 0, a proportion 0 or 1): it can move
    #: one way only, so a published total at the same edge pins it (suppression.py)
    edge: np.ndarray
    slices: dict[str, slice]
    relations: list[Relation] = field(default_factory=list)
    #: the cost of withholding the cell as a complement, the cheapest first (``suppression.py``):
    #: unweighted cases, then weighted count — for an estimate, those of its breakdown × group ×
    #: level (the most any indicator of its unit has there, :func:`_level_size`), not the
    #: indicator's own, so that sibling tables of one breakdown choose the same complements
    cost_n: np.ndarray = field(default_factory=lambda: np.zeros(0))
    cost_weight: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def __post_init__(self) -> None:
        # without a breakdown size, a cell costs its own cases and weighted count
        if self.cost_n.shape != self.n.shape:
            self.cost_n = self.n
        if self.cost_weight.shape != self.weight.shape:
            self.cost_weight = self.weight


def _floats(df: pd.DataFrame, col: str) -> np.ndarray:
    if col not in df:
        return np.full(len(df), np.nan)
    return pd.to_numeric(df[col], errors="coerce").to_numpy(dtype=np.float64)


def _flags(df: pd.DataFrame) -> np.ndarray:
    if "flag" not in df:
        return np.full(len(df), "", dtype=object)
    return df["flag"].fillna("").astype(str).to_numpy(dtype=object)


def _level_size(est: pd.DataFrame, n: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each estimate's breakdown × group × level size: the most cases (and the largest weighted
    count) any indicator of the same unit has in that group and level. Issue 20: ranked by each
    indicator's own n, which differs by a few households between indicators asked of slightly
    different households (414 and 411 IDPs in camps in two HLP tables), the complements moved
    from one sibling table to the next — Dunmere of IDPs outside camps withheld beside the
    documents, published beside restitution — although the primary cells were the same."""
    if est.empty:
        return n, w
    keys = ["unit", "group", "disaggregation", "disaggregation_value"]
    keys = [k for k in keys if k in est]
    frame = est[keys].astype(str).assign(_n=n, _w=w)
    size = frame.groupby(keys, sort=False)[["_n", "_w"]].transform("max")
    return size["_n"].to_numpy(dtype=np.float64), size["_w"].to_numpy(dtype=np.float64)


def _relation(rows: np.ndarray, coef: np.ndarray, value: np.ndarray) -> Relation | None:
    """A relation over ``rows`` (global indices) if it links at least two cells with a value."""
    ok = np.isfinite(value[rows]) & np.isfinite(coef) & (coef != 0)
    rows, coef = rows[ok], coef[ok]
    if rows.size < 2:
        return None
    return Relation(rows.astype(np.int64), coef, float(coef @ value[rows]))


def _grouped(df: pd.DataFrame, keys: list[str]) -> list[np.ndarray]:
    """Positions (within ``df``) of each group of rows sharing ``keys``."""
    if df.empty:
        return []
    codes = df.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    order = np.argsort(codes, kind="stable")
    cuts = np.flatnonzero(np.diff(codes[order])) + 1
    return np.split(order, cuts)


def _pooled_relations(
    df: pd.DataFrame,
    offset: int,
    keys: list[str],
    displaced: set[str],
    coef: np.ndarray,
    value: np.ndarray,
) -> list[Relation]:
    """Displaced groups + (−1) × all displaced, per combination of ``keys``."""
    out = []
    group = df["group"].astype(str).to_numpy()
    sign = np.where(group == ALL_DISPLACED, -1.0, 1.0)
    member = np.isin(group, [*displaced, ALL_DISPLACED])
    for pos in _grouped(df, keys):
        pos = pos[member[pos]]
        if not (group[pos] == ALL_DISPLACED).any():
            continue
        rel = _relation(pos + offset, sign[pos] * coef[pos], value)
        if rel is not None:
            out.append(rel)
    return out


def _level_relations(
    df: pd.DataFrame, offset: int, keys: list[str], coef: np.ndarray, value: np.ndarray
) -> list[Relation]:
    """Levels of each breakdown + (−1) × the overall row, per combination of ``keys``."""
    out = []
    is_total = (df["disaggregation"].astype(str) == GROUP_TOTAL).to_numpy()
    key = df.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    total_of = np.full(int(key.max(initial=-1)) + 1, -1, dtype=np.int64)
    total_of[key[is_total]] = np.flatnonzero(is_total)
    where = np.flatnonzero(~is_total)
    for pos in _grouped(df.iloc[where], [*keys, "disaggregation"]):
        total = int(total_of[key[where[pos[0]]]])
        if total < 0:
            continue
        rows = np.r_[where[pos], total]
        sign = np.r_[np.ones(pos.size), -1.0]
        rel = _relation(rows + offset, sign * coef[rows], value)
        if rel is not None:
            out.append(rel)
    return out


def _stock_relations(
    stock: pd.DataFrame, offset: int, units: dict[str, str], displaced: set[str], value: np.ndarray
) -> list[Relation]:
    ones = np.ones(len(stock))
    # per cell and for the totals: the displaced groups add up to all displaced
    out = _pooled_relations(
        stock, offset, ["table", "row_value", "col_value"], displaced, ones, value
    )
    kind = stock_margin(stock)
    grand = kind == "total"
    inner = kind == ""
    # each group's inner cells of a table add up to its TOTAL (cells − total = 0); in a two-way
    # table each row level's cells to the level's margin, each column level's to its margin,
    # and each set of margins to the TOTAL
    for pos in _grouped(stock, ["table", "group"]):
        k, part = kind[pos], stock.iloc[pos]
        sets = [(pos[(k == "") | (k == "total")], "total")]
        for side, by in (("row", "row_value"), ("col", "col_value")):
            if not (k == side).any():
                continue
            sets.append((pos[(k == side) | (k == "total")], "total"))  # margins − total
            for sub in _grouped(part, [by]):
                if (k[sub] == side).any():  # one level's cells − its margin
                    sets.append((pos[sub[(k[sub] == "") | (k[sub] == side)]], side))
        for rows, head in sets:
            rel = _relation(rows + offset, np.where(kind[rows] == head, -1.0, 1.0), value)
            if rel is not None:
                out.append(rel)
    # every table of one unit has the same total per group
    tot = np.flatnonzero(grand)
    if tot.size:
        keyed = stock.iloc[tot].assign(_u=stock["table"].iloc[tot].astype(str).map(units))
        for pos in _grouped(keyed, ["_u", "group"]):
            for other in pos[1:]:
                rows = tot[[pos[0], other]]
                rel = _relation(rows + offset, np.array([1.0, -1.0]), value)
                if rel is not None:
                    out.append(rel)
    cells = stock[inner]
    where = np.flatnonzero(inner)
    # two tables of one unit sharing a variable have the same margin on it
    margins: dict[tuple[str, str, str, str], list[np.ndarray]] = {}
    for side in ("row", "col"):
        var = cells[f"{side}_var"].fillna("").astype(str)
        for pos in _grouped(cells.assign(_v=var), ["table", "group", "_v", f"{side}_value"]):
            first = cells.iloc[int(pos[0])]
            name = str(var.iloc[int(pos[0])])
            if not name:
                continue
            key = (
                units.get(str(first["table"]), ""),
                str(first["group"]),
                name,
                str(first[f"{side}_value"]),
            )
            margins.setdefault(key, []).append(where[pos])
    for parts in margins.values():
        for other in parts[1:]:
            rows = np.r_[parts[0], other]
            sign = np.r_[np.ones(parts[0].size), -np.ones(other.size)]
            rel = _relation(rows + offset, sign, value)
            if rel is not None:
                out.append(rel)
    return out


def build_cells(
    est: pd.DataFrame, sol: pd.DataFrame, stock: pd.DataFrame, frame: AnalysisFrame
) -> Cells:
    """The cells of the three tables and every relation between them."""
    displaced = {g.code for g in frame.displaced}
    units = {t.id: str(t.unit) for t in frame.stock_tables}
    sizes = [len(est), len(sol), len(stock)]
    starts = np.r_[0, np.cumsum(sizes)]
    slices = {name: slice(int(starts[i]), int(starts[i + 1])) for i, name in enumerate(TABLES)}
    stat = est["statistic"].astype(str).to_numpy() if "statistic" in est else np.full(len(est), "")
    value = np.r_[_floats(est, "estimate"), _floats(sol, "number"), _floats(stock, "estimate")]
    n = np.r_[_floats(est, "n"), _floats(sol, "n_assessable"), _floats(stock, "n")]
    est_w = _floats(est, "n_weighted")
    weight = np.r_[est_w, _floats(sol, "number"), _floats(stock, "estimate")]
    flag = np.concatenate([_flags(df) for df in (est, sol, stock)])
    proportion = np.r_[stat == "proportion", np.zeros(len(sol) + len(stock), dtype=bool)]
    empty = ~(n > 0) | ~np.isfinite(value)
    lower = np.where(value >= 0, 0.0, -np.inf)
    upper = np.where(proportion, 1.0, np.inf)
    est_n, est_cw = _level_size(est, np.nan_to_num(n[: len(est)]), np.nan_to_num(np.abs(est_w)))
    cells = Cells(
        value=value,
        n=np.nan_to_num(n),
        weight=np.nan_to_num(np.abs(weight)),
        cost_n=np.r_[est_n, np.nan_to_num(n[len(est) :])],
        cost_weight=np.r_[est_cw, np.nan_to_num(np.abs(weight[len(est) :]))],
        suppressed=flag == "suppressed",
        empty=empty,
        proportion=proportion,
        lower=lower,
        upper=upper,
        edge=(value == lower) | (value == upper),
        slices=slices,
    )
    # estimates: counts add up directly, other statistics through their weighted counts
    additive = np.isin(stat, ["proportion", "mean", "ratio", "total"])
    coef = np.where(stat == "total", 1.0, est_w)
    coef = np.where(additive, coef, 0.0)
    e = est.reset_index(drop=True)
    rels = _pooled_relations(
        e, 0, ["indicator_id", "disaggregation", "disaggregation_value"], displaced, coef, value
    )
    rels += _level_relations(e, 0, ["indicator_id", "group"], coef, value)
    if len(sol):
        s, off = sol.reset_index(drop=True), slices["solutions"].start
        ones = np.ones(len(s))
        rels += _pooled_relations(
            s, off, ["method", "disaggregation", "disaggregation_value"], displaced, ones, value
        )
        rels += _level_relations(s, off, ["method", "group"], ones, value)
    if len(stock):
        rels += _stock_relations(
            stock.reset_index(drop=True), slices["stock"].start, units, displaced, value
        )
    cells.relations = rels
    return cells
