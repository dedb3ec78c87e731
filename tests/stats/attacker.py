"""The attacker of issue 15: from the published results file alone, form every relation the
tables imply and bound every suppressed cell.

It reads the *publishable* results workbook (``workbench analyze --out``, the demo's
``freedonia-results.xlsx``) — the most precise published file: the annex and the PDF print the
same cells rounded — and builds, independently of the engine's own relation builder:

* groups → all displaced: ``Σ_g W_g·x_g = W_all·x_all`` per indicator × breakdown level (W = the
  weighted count for proportions, means and ratios, 1 for counts), per solutions method × level
  (estimated numbers) and per stock-table cell;
* levels → total: ``Σ_l W_l·x_l = W_total·x_total`` per indicator / method × group × breakdown;
* stock tables: each group's cells of a table sum to the group's size; two tables sharing a
  variable have the same margin on it.

The attacker is made *stronger* than a reader with side knowledge a reader may not have: the
weighted counts of suppressed cells (blank in the file), each relation's remainder (levels not
listed, units outside a table) and each group's size per table, all taken from the internal
results. The bounds come from ``workbench.stats.suppression_audit.attack_bounds`` (exact
elimination + interval propagation); the relations are this module's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from workbench.stats.lp import cell_bounds
from workbench.stats.results import ALL_DISPLACED, GROUP_TOTAL, AnalysisResults
from workbench.stats.suppression_audit import Relation, active_groups, attack_bounds

KEYS = {
    "estimates": ["indicator_id", "group", "disaggregation", "disaggregation_value"],
    "solutions": ["method", "group", "disaggregation", "disaggregation_value"],
    "stock": ["table", "group", "row_var", "row_value", "col_var", "col_value"],
}
VALUE = {"estimates": "estimate", "solutions": "number", "stock": "estimate"}


@dataclass
class Attack:
    cells: pd.DataFrame  # one row per published cell: table, keys, published, truth, lo, hi …
    relations: int
    formed: list[Relation]  # the relations themselves (for a stronger solver)
    unknown: np.ndarray  # the cells a reader does not see (suppressed or blank)

    def exposed(self, ratio: float) -> pd.DataFrame:
        """Primary suppressions (the file's ``suppression`` column) a reader can bound so that
        ``v − ratio·base`` or ``v + ratio·base`` (clipped to the cell's a-priori range) is
        excluded (base: min(p, 1−p) ≥ 1 point for a proportion, |v| ≥ 1 otherwise) — a cell
        given away by a published total at the edge of its range (a part of 0 beside a total of
        0, a share of 100% beside a pooled 100%) included: the bounds already hold it."""
        c = self.cells
        hidden = c["suppressed"] & (c["n"] > 0) & (c["suppression"] == "primary")
        v = c["truth"].to_numpy(float)
        prop = c["proportion"].to_numpy(bool)
        base = np.where(prop, np.maximum(np.minimum(v, 1 - v), 0.01), np.maximum(np.abs(v), 1.0))
        need_lo = np.maximum(v - ratio * base, np.where(v >= 0, 0.0, -np.inf))
        need_hi = np.minimum(v + ratio * base, np.where(prop, 1.0, np.inf))
        lo, hi = c["lo"].to_numpy(float), c["hi"].to_numpy(float)
        tol = 1e-9 * np.maximum(1.0, np.abs(v))
        return c[hidden & ((lo > need_lo + tol) | (hi < need_hi - tol))]

    def with_lp(self) -> Attack:
        """The same attack by linear programming: the least and greatest value of every
        suppressed cell subject to all the relations at once (``lp_system`` + the simplex)."""
        c = self.cells
        lo, hi = c["lo"].to_numpy(float).copy(), c["hi"].to_numpy(float).copy()
        for a, b, cols, lower, upper in lp_systems(self):
            lo[cols], hi[cols] = cell_bounds(a, b, lower, upper)
        return Attack(c.assign(lo=lo, hi=hi), self.relations, self.formed, self.unknown)


def _read(path: Path) -> dict[str, pd.DataFrame]:
    sheets = pd.read_excel(path, sheet_name=None, engine="calamine", dtype={"group": str})
    return {k: v for k, v in sheets.items() if k in KEYS or k == "comparisons"}


def _text_keys(df: pd.DataFrame, table: str) -> pd.DataFrame:
    out = df.copy()
    for k in KEYS[table]:
        out[k] = out[k].fillna("").astype(str) if k in out else ""
    return out


def _chunks(part: pd.DataFrame, keys: list[str]) -> list[np.ndarray]:
    """Positions in ``part`` of each group of rows sharing ``keys``."""
    if part.empty:
        return []
    codes = part.groupby(keys, sort=False).ngroup().to_numpy()
    order = np.argsort(codes, kind="stable")
    return np.split(order, np.flatnonzero(np.diff(codes[order])) + 1)


def _groups_to_pooled(
    part: pd.DataFrame, keys: list[str], displaced: set[str], coef: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray]]:
    group = part["group"].to_numpy(dtype=str)
    cell = part["_i"].to_numpy()
    pooled, member = group == ALL_DISPLACED, np.isin(group, sorted(displaced))
    out = []
    for pos in _chunks(part, keys):
        top, parts = cell[pos[pooled[pos]]], cell[pos[member[pos]]]
        if top.size == 1 and parts.size:
            out.append((np.r_[parts, top], np.r_[coef[parts], -coef[top]]))
    return out


def _levels_to_total(
    part: pd.DataFrame, keys: list[str], coef: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray]]:
    cell = part["_i"].to_numpy()
    is_total = (part["disaggregation"] == GROUP_TOTAL).to_numpy()
    key = part.groupby(keys, sort=False).ngroup().to_numpy()
    total_of = np.full(key.max(initial=-1) + 1, -1)
    total_of[key[is_total]] = cell[is_total]
    where = np.flatnonzero(~is_total)
    out = []
    for sub in _chunks(part.iloc[where], [*keys, "disaggregation"]):
        total = total_of[key[where[sub[0]]]]
        if total >= 0:
            lv = cell[where[sub]]
            out.append((np.r_[lv, total], np.r_[coef[lv], -coef[total]]))
    return out


def attack(published: Path, internal: AnalysisResults) -> Attack:
    """Bounds on every cell of the publishable results file ``published``; ``internal`` gives
    the true values (to judge the bounds) and the attacker's side knowledge."""
    files = _read(published)
    comparators = (
        set(files["comparisons"]["comparator"].astype(str)) if "comparisons" in files else set()
    )
    frames = []
    for table in KEYS:
        pub = files.get(table)
        if pub is None or pub.empty:
            continue
        pub = _text_keys(pub, table)
        truth = _text_keys(getattr(internal, table), table)
        n_col = "n_assessable" if table == "solutions" else "n"
        cols = [*KEYS[table], VALUE[table], n_col]
        cols += ["n_weighted"] if table == "estimates" else []
        cols += ["share"] if table == "solutions" else []
        truth = truth[cols].rename(
            columns={
                VALUE[table]: "truth", "n_weighted": "true_w", n_col: "true_n",
                "share": "true_share",
            }
        )  # fmt: skip
        m = pub.drop(columns=["true_w", "truth", "true_n", "true_share"], errors="ignore").merge(
            truth, on=KEYS[table], how="left", validate="one_to_one"
        )
        m["table_name"] = table
        m["published"] = pd.to_numeric(m[VALUE[table]], errors="coerce")
        m["suppressed"] = m["flag"].astype(object).fillna("").astype(str) == "suppressed"
        # cases per cell: from the side knowledge (the file leaves them blank where suppressed)
        m["n"] = pd.to_numeric(m["true_n"], errors="coerce").fillna(0)
        m["proportion"] = (
            m["statistic"].astype(str).eq("proportion") if table == "estimates" else False
        )
        frames.append(m)
    cells = pd.concat(frames, ignore_index=True)
    cells["_i"] = np.arange(len(cells))
    displaced = set(cells["group"]) - comparators - {ALL_DISPLACED}
    truth = cells["truth"].to_numpy(float)
    is_est = (cells["table_name"] == "estimates").to_numpy()
    stat = cells["statistic"].fillna("").astype(str).to_numpy()
    # weighted counts: published ones from the file, those of suppressed cells from the side
    w_pub = pd.to_numeric(cells.get("n_weighted"), errors="coerce").to_numpy(float)
    w = np.where(np.isfinite(w_pub), w_pub, cells["true_w"].to_numpy(float))
    coef = np.where(is_est & (stat != "total"), w, 1.0)
    coef = np.where(is_est & (stat == "median"), 0.0, coef)
    pairs: list[tuple[np.ndarray, np.ndarray]] = []
    for table, part in cells.groupby("table_name", sort=False):
        if table == "stock":
            pairs += _groups_to_pooled(part, ["table", "row_value", "col_value"], displaced, coef)
            # each group's cells minus its total (row and column "_total"), and in a two-way
            # table each level's cells minus its margin, each set of margins minus the total
            for _, g in part.groupby(["table", "group"]):
                pairs += _table_sums(g)
            inner = part[(part["row_value"] != "_total") & (part["col_value"] != "_total")]
            for (_grp, _var, _val), g in _margins(inner).groupby(["group", "_var", "_val"]):
                tables = list(dict.fromkeys(g["table"]))
                first = g[g["table"] == tables[0]]["_i"].to_numpy()
                for other in tables[1:]:
                    o = g[g["table"] == other]["_i"].to_numpy()
                    pairs.append((np.r_[first, o], np.r_[np.ones(first.size), -np.ones(o.size)]))
        else:
            keys = ["indicator_id"] if table == "estimates" else ["method"]
            pairs += _groups_to_pooled(
                part, [*keys, "disaggregation", "disaggregation_value"], displaced, coef
            )
            pairs += _levels_to_total(part, [*keys, "group"], coef)
    relations = []
    edge = (truth == np.where(truth >= 0, 0.0, -np.inf)) | (
        cells["proportion"].to_numpy(bool) & (truth == 1)
    )
    for idx, k in pairs:
        ok = (k != 0) & np.isfinite(k) & np.isfinite(truth[idx])
        if ok.sum() >= 2:
            relations.append(Relation(idx[ok], k[ok], float(k[ok] @ truth[idx[ok]])))
    published_v = cells["published"].to_numpy(float)
    unknown = cells["suppressed"].to_numpy(bool) | ~np.isfinite(published_v)
    lower = np.where(truth >= 0, 0.0, -np.inf)
    cells["cap"] = _caps(cells)
    upper = cells["cap"].to_numpy(float)
    lo, hi = attack_bounds(relations, np.nan_to_num(published_v), unknown, lower, upper)
    cells["lo"], cells["hi"] = lo, hi
    cells["edge"] = edge
    return Attack(cells, len(relations), relations, unknown)


def _caps(cells: pd.DataFrame) -> np.ndarray:
    """Each cell's a-priori upper limit: 1 for a proportion, else none — except a withheld
    solutions share published as a bound (the file's ``share_below``: "below 0.5%"), whose
    estimated number is at most the bound times the cell's weighted number of assessable
    households. That weighted number is side knowledge: taken from another method's share of
    the same cell with the same number of assessable households (number / share)."""
    prop = cells["proportion"].to_numpy(bool)
    cap = np.where(prop, 1.0, np.inf)
    if "share_below" not in cells:
        return cap
    below = pd.to_numeric(cells["share_below"], errors="coerce").to_numpy(float)
    sol = cells[cells["table_name"] == "solutions"]
    share = pd.to_numeric(sol["true_share"], errors="coerce")
    w = (sol["truth"] / share).where(share > 0)
    keys = ["group", "disaggregation", "disaggregation_value", "true_n"]
    known = sol.assign(_w=w).dropna(subset=["_w"]).groupby(keys)["_w"].max()
    for i in np.flatnonzero(np.isfinite(below)).tolist():
        r = cells.iloc[i]
        key = (r["group"], r["disaggregation"], r["disaggregation_value"], r["true_n"])
        if key in known.index:
            cap[i] = below[i] * float(known.loc[key])
    return cap


def lp_systems(
    found: Attack,
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """``A·x = b`` over the unknown cells of each group of relations linked through unknown
    cells, with the published cells' values substituted, and each cell's a-priori range:
    (A, b, cells, lower, upper) per group."""
    c = found.cells
    unknown = found.unknown
    published = np.nan_to_num(c["published"].to_numpy(float))
    truth = c["truth"].to_numpy(float)
    rels = found.formed
    out = []
    for members in active_groups(rels, unknown):  # relations linked through unknown cells
        part = [rels[i] for i in members]
        cols = np.unique(np.concatenate([r.cells[unknown[r.cells]] for r in part]))
        a = np.zeros((len(part), cols.size))
        b = np.zeros(len(part))
        for i, r in enumerate(part):
            u = unknown[r.cells]
            np.add.at(a[i], np.searchsorted(cols, r.cells[u]), r.coef[u])
            b[i] = r.constant - float(r.coef[~u] @ published[r.cells[~u]])
        lower = np.where(truth[cols] >= 0, 0.0, -np.inf)
        upper = c["cap"].to_numpy(float)[cols]
        out.append((a, b, cols, lower, upper))
    return out


def _table_sums(g: pd.DataFrame) -> list[tuple[np.ndarray, np.ndarray]]:
    """One group's table: (cells, coefficients) of every "parts − whole = 0" it publishes."""
    i = g["_i"].to_numpy()
    rv, cv = g["row_value"].to_numpy(), g["col_value"].fillna("").to_numpy()
    two_way = (g["col_var"].fillna("") != "").to_numpy()
    total = (rv == "_total") & ((cv == "_total") | ~two_way)
    row_m = (cv == "_total") & (rv != "_total")
    col_m = (rv == "_total") & (cv != "_total") & two_way
    inner = ~(total | row_m | col_m)
    out = [(i[inner | total], np.where(total[inner | total], -1.0, 1.0))]
    for margin, by in ((row_m, rv), (col_m, cv)):
        if not margin.any():
            continue
        out.append((i[margin | total], np.where(total[margin | total], -1.0, 1.0)))
        for level in set(by[margin]):
            sel = (by == level) & (inner | margin)
            out.append((i[sel], np.where(margin[sel], -1.0, 1.0)))
    return out


def _margins(stock: pd.DataFrame) -> pd.DataFrame:
    """Stock cells listed once per variable they belong to (row and column variables)."""
    rows = stock.assign(_var=stock["row_var"], _val=stock["row_value"])
    cols = stock[stock["col_var"] != ""].assign(
        _var=lambda d: d["col_var"], _val=lambda d: d["col_value"]
    )
    return pd.concat([rows, cols], ignore_index=True)
