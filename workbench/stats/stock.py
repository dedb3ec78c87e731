"""IRIS stock tables: weighted counts of displaced units per cell (R ``svytotal`` on the domain
``group ∩ cell``), per displaced group and for all displaced pooled."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.stats.count_intervals import withhold_count_intervals
from workbench.stats.derived import estimate_columns
from workbench.stats.disclosure import Thresholds, flags, reliability_cv
from workbench.stats.frame import AnalysisFrame, DisaggregationSpec, StockTableSpec
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import (
    ALL_DISPLACED,
    GROUP_TOTAL,
    STOCK_COLUMNS,
    STOCK_NOT_STATED,
    STOCK_TOTAL,
    stock_margin,
)

SEP = "\x1f"
CELL = "_stock_cell"
ROW, COL = "_stock_row", "_stock_col"  # each variable alone: a two-way table's margins
MARGIN = SEP + STOCK_TOTAL


def _stated(values: pd.Series) -> pd.Series:
    """The variable as text, a missing (or blank) value as the reserved ``STOCK_NOT_STATED``."""
    text = values.astype("string")
    return text.mask(text.isna() | (text.str.strip() == ""), STOCK_NOT_STATED)


def _one_table(frame: AnalysisFrame, spec: StockTableSpec, opts: AnalysisOptions) -> pd.DataFrame:
    if spec.unit not in frame.units:
        raise StatsError.of("stats.stock_unit_missing", id=spec.id, unit=spec.unit)
    uf = frame.units[spec.unit]
    for col in (spec.rows, spec.cols):
        if col is not None and col not in uf.frame:
            raise StatsError.of("stats.stock_column_missing", id=spec.id, col=col)
    # a unit with no value of the variable is a "Not stated" cell, so the cells add up to the
    # TOTAL (which counts every unit of the group) — only where such units exist
    rows = _stated(uf.frame[spec.rows])
    columns = {CELL: rows}
    if spec.cols is not None:
        cols = _stated(uf.frame[spec.cols])
        # the cells, and each variable alone: the margins of the two-way table
        columns = {CELL: rows + SEP + cols, ROW: rows, COL: cols}
    work = type(uf)(uf.unit, uf.frame.assign(**columns), uf.design)
    est = estimate_columns(
        frame,
        work,
        {"_one": np.ones(len(uf.frame))},
        {"_one": "total"},
        [DisaggregationSpec(c, c) for c in columns],
        opts.alpha,
        total_ci=opts.total_ci,
    )
    displaced = {g.code for g in frame.displaced} | {ALL_DISPLACED}
    est = est[est["group"].isin(displaced)]
    # the group's total: the same estimate on the group domain without the cell split (units
    # with a missing row or column value included), after the group's cells
    total = est[est["disaggregation"] == GROUP_TOTAL].assign(
        disaggregation_value=STOCK_TOTAL + (SEP + STOCK_TOTAL if spec.cols is not None else "")
    )
    # a two-way table's margins: a row level over every column, a column level over every row
    row_m = est[est["disaggregation"] == ROW]
    col_m = est[est["disaggregation"] == COL]
    margins = [
        row_m.assign(disaggregation_value=row_m["disaggregation_value"].astype(str) + MARGIN),
        col_m.assign(disaggregation_value=STOCK_TOTAL + SEP + col_m["disaggregation_value"]),
    ]
    est = pd.concat([est[est["disaggregation"] == CELL], *margins, total], ignore_index=True)
    parts = est["disaggregation_value"].astype(str).str.split(SEP, n=1, expand=True)
    return pd.DataFrame(
        {
            "table": spec.id,
            "group": est["group"].to_numpy(),
            "row_var": spec.rows,
            "row_value": parts[0].to_numpy(),
            "col_var": spec.cols or "",
            "col_value": parts[1].to_numpy() if spec.cols is not None else "",
            "estimate": est["estimate"].to_numpy(),
            "se": est["se"].to_numpy(),
            "ci_low": est["ci_low"].to_numpy(),
            "ci_high": est["ci_high"].to_numpy(),
            "n": est["n"].to_numpy(),
            "cv": est["cv"].to_numpy(),
            "df": est["df"].to_numpy(),
        }
    )


def _in_level_order(frame: AnalysisFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Order cells as the plan orders its levels (age groups 0–4, 5–17, 18–59 …), groups as the
    plan lists them, the pooled displaced last; values the plan does not list keep their order
    of appearance, "Not stated" after every level; each row level's margin after its cells, the
    column margins and the TOTAL last."""
    levels = {d.id: list(d.levels) for d in frame.disaggregations}

    def rank(var: str, values: pd.Series) -> np.ndarray:
        order = {v: i for i, v in enumerate(levels.get(var, []))}
        for v in dict.fromkeys(values):  # values the plan does not list: in order of appearance
            order.setdefault(v, len(order))
        order[STOCK_NOT_STATED] = len(order) + 1  # "Not stated" after every level
        order[STOCK_TOTAL] = len(order) + 2  # the total after every level, listed or not
        return values.map(order).to_numpy()

    groups = {g.code: i for i, g in enumerate(frame.displaced)}
    keys = pd.DataFrame(
        {
            "g": table["group"].map(lambda g: groups.get(g, len(groups))).to_numpy(),
            "r": rank(str(table["row_var"].iloc[0]), table["row_value"]),
            "c": rank(str(table["col_var"].iloc[0]), table["col_value"]),
            "pos": np.arange(len(table)),
        }
    )
    order = keys.sort_values(["g", "r", "c", "pos"]).index.to_numpy()
    # the ranks travel with the table so a cross-tab keeps the plan's column order too
    return table.assign(row_rank=keys["r"].to_numpy(), col_rank=keys["c"].to_numpy()).iloc[order]


def stock_tables(frame: AnalysisFrame, opts: AnalysisOptions, rules: Thresholds) -> pd.DataFrame:
    if not frame.stock_tables or not frame.displaced:
        return pd.DataFrame(columns=STOCK_COLUMNS)
    tables = [_one_table(frame, s, opts) for s in frame.stock_tables]
    tables = [_in_level_order(frame, t) if len(t) else t for t in tables]
    out = pd.concat(tables, ignore_index=True)
    cv = reliability_cv(
        out["estimate"].to_numpy(float), out["se"].to_numpy(float), np.zeros(len(out), dtype=bool)
    )
    out["flag"] = flags(
        out["n"].to_numpy(float), cv, rules, missing=out["estimate"].isna(), count=True
    )  # counts: a † count is suppressed (disclosure.py)
    extra = [c for c in ("row_rank", "col_rank", "df") if c in out]
    return out[STOCK_COLUMNS + extra].reset_index(drop=True)


def idp_totals(
    frame: AnalysisFrame, opts: AnalysisOptions, rules: Thresholds, stock: pd.DataFrame
) -> dict[str, dict[str, object]]:
    """Each stock table's total of the IDPs alone (issue 20: the stock counts IDPs and
    returnees, and readers wanted the IDPs' own figure): ``svytotal`` on the union of the
    displaced groups that are not returnees (the plan's ``returnees``), with its interval and
    flag; ``{}`` when the plan names no returnee group or no other displaced one.

    It is published only where every displaced group's total in ``stock`` is (after the
    complementary suppression): then it adds nothing to what the groups' totals already tell
    (it is their sum, and all displaced minus it is the returnees' total); else it is withheld
    (``estimate`` None, ``flag`` ``suppressed``)."""
    idps = [g for g in frame.displaced if not g.returnees]
    if not idps or len(idps) == len(frame.displaced) or stock.empty:
        return {}
    # the same estimate as the stock's "all displaced" total, with the returnees' role taken off
    alone = replace(
        frame,
        groups=[replace(g, role="exclude") if g.returnees else g for g in frame.groups],
    )
    rows = []
    for spec in frame.stock_tables:
        uf = frame.units.get(spec.unit)
        if uf is None:
            continue
        est = estimate_columns(
            alone, uf, {"_one": np.ones(len(uf.frame))}, {"_one": "total"}, [], opts.alpha,
            total_ci=opts.total_ci,
        )  # fmt: skip
        hit = est[(est["group"] == ALL_DISPLACED) & (est["disaggregation"] == GROUP_TOTAL)]
        if hit.empty:
            continue
        rows.append(hit.iloc[[0]].assign(table=spec.id))
    if not rows:
        return {}
    out = pd.concat(rows, ignore_index=True)
    cv = reliability_cv(
        out["estimate"].to_numpy(float), out["se"].to_numpy(float), np.zeros(len(out), dtype=bool)
    )
    out["flag"] = flags(
        out["n"].to_numpy(float), cv, rules, missing=out["estimate"].isna(), count=True
    )  # counts: a † count is suppressed (disclosure.py)
    out = withhold_count_intervals(out, np.ones(len(out), dtype=bool))
    codes = {g.code for g in frame.displaced}
    result: dict[str, dict[str, object]] = {}
    for rec in out.itertuples(index=False):
        tid = str(rec.table)
        part = stock[(stock["table"].astype(str) == tid) & stock["group"].isin(codes)]
        totals = part[stock_margin(part) == "total"]
        # withheld for its own few cases ("primary"), or only because a group's total is: a
        # complement (it and the other totals would give that total away), marked "(*)"
        protects = len(totals) == len(codes) and (totals["flag"] == "suppressed").any()
        own = rec.flag == "suppressed"
        hidden = len(totals) < len(codes) or protects or own
        value: dict[str, object] = {
            "groups": [g.code for g in idps],
            "estimate": None if hidden else float(rec.estimate),
            "se": None if hidden else float(rec.se),
            "ci_low": None if hidden or pd.isna(rec.ci_low) else float(rec.ci_low),
            "ci_high": None if hidden or pd.isna(rec.ci_high) else float(rec.ci_high),
            "n": int(rec.n),
            "df": float(rec.df),
            "flag": "suppressed" if hidden else str(rec.flag or ""),
            "no_interval": "" if hidden else str(rec.no_interval or ""),
            "suppression": "primary" if own else "complementary" if protects else "",
        }
        result[tid] = value
    return result
