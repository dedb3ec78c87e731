"""NSO annex tables as plain data: indicator tables by group, IRIS stock tabulations, solutions.

Each :class:`AnnexTable` has a title, a notes line, a header in the report's language, an HXL
hashtag row and data rows. Every published value is a *number* (shares in %, one decimal;
counts and amounts whole) in its own column, and its disclosure flag sits in the column after
it (``*`` not published, ``†`` caution, ``–`` no case; empty when the value stands alone), so a
spreadsheet can sum, sort and chart the values. Rows and columns carry labels in the report's
language, never internal codes (JIPS dashboard layout: columns per population group).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from workbench.reporting.context import CRITERIA, ReportContext
from workbench.reporting.fmt import (
    CAUTION,
    EMPTY,
    NOT_APPLICABLE,
    SUPPRESSED,
    cell_flag,
    round_share,
)
from workbench.reporting.i18n import Translator
from workbench.reporting.views import axis_label
from workbench.stats.results import ALL_DISPLACED, GROUP_TOTAL, STOCK_TOTAL, AnalysisResults

Cell = float | int | str | None
#: the flag column's symbol for each cell flag
FLAG_SYMBOL = {"suppressed": SUPPRESSED, "caution": CAUTION, EMPTY: NOT_APPLICABLE}


@dataclass
class AnnexTable:
    id: str
    title: str
    notes: str
    header: list[str]
    hxl: list[str]
    rows: list[list[Cell]]
    #: indices (in ``rows``) of the Total rows: printed in bold in the workbook
    total_rows: tuple[int, ...] = ()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def value(raw: object, flag: str, statistic: str) -> Cell:
    """A publishable number (shares in %, one decimal; counts and amounts whole), or None."""
    if flag in ("suppressed", EMPTY) or raw is None:
        return None
    try:
        x = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if math.isnan(x):
        return None
    shown = round_share(x, statistic)
    return int(shown) if statistic in ("total", "money") else shown


def pair(raw: object, flag: str, statistic: str) -> list[Cell]:
    """A value and its flag column."""
    return [value(raw, flag, statistic), FLAG_SYMBOL.get(flag, "")]


def _notes(tr: Translator, ctx: ReportContext) -> str:
    return " ".join(
        [tr("annex_flags"), tr("fn_suppressed", preset=ctx.preset_name), tr("fn_caution"),
         tr("fn_empty")]
    )  # fmt: skip


def _value_headers(tr: Translator, label: str) -> list[str]:
    return [label, tr("annex_flag_of", label=label)]


def indicator_table(results: AnalysisResults, ctx: ReportContext) -> AnnexTable:
    """Indicators (rows, grouped by criterion) × population groups (columns); totals only."""
    tr = Translator(ctx.language)
    groups = ctx.displaced + ([ctx.comparator] if ctx.comparator else [])
    header = [tr("criterion"), tr("col_indicator"), tr("col_unit_of_value")]
    hxl = ["#indicator+criterion", "#indicator+name", "#indicator+unit"]
    for g in groups:
        header += _value_headers(tr, g.label.shown())
        tag = "host" if g.role == "comparator" else f"idps_{_slug(g.code)}"
        hxl += [f"#indicator+value+{tag}", f"#meta+flag+{tag}"]
    header.append(tr("col_indicator_id"))
    hxl.append("#indicator+code")
    est = results.estimates
    tot = est[est["disaggregation"] == GROUP_TOTAL]
    index = {(str(r["indicator_id"]), str(r["group"])): r for r in tot.to_dict("records")}
    order = ["A", *CRITERIA, "B"]
    infos = sorted(
        ctx.indicators.values(),
        key=lambda i: order.index(i.criterion) if i.criterion in order else 99,
    )
    rows: list[list[Cell]] = []
    for info in infos:
        crit = ctx.criteria[info.criterion].shown() if info.criterion in ctx.criteria else ""
        row: list[Cell] = [
            f"{info.criterion}. {crit}".strip(),
            info.title.shown(),
            axis_label(info, ctx),
        ]
        for g in groups:
            r = index.get((info.id, g.code))
            if r is None:  # no estimate of the group: nothing to estimate, flagged as such
                row += [None, NOT_APPLICABLE]
            else:
                row += pair(
                    r["estimate"], cell_flag(r["flag"], r.get("suppression")), info.shown_as
                )
        row.append(info.id)
        rows.append(row)
    notes = _notes(tr, ctx) + " " + tr("fn_points")
    return AnnexTable("indicators_by_group", tr("annex_indicators"), notes, header, hxl, rows)


def _hxl_for(var: str) -> str:
    if var in ("district", "location", "adm1", "current_location"):
        return "#adm1+name"
    if var in ("origin", "district_of_origin", "place_of_origin", "origin_location"):
        return "#adm1+name+origin"
    if var in ("sex",):
        return "#group+sex"
    if var in ("age_group", "age"):
        return "#group+age"
    if var in ("year", "year_of_displacement", "displacement_year"):
        return "#date+year+displacement"
    if var in ("cause", "displacement_cause"):
        return "#cause+displacement"
    return f"#meta+{_slug(var)}"


def _dis_label(ctx: ReportContext, dis: str) -> str:
    return ctx.disaggregations[dis].shown() if dis in ctx.disaggregations else dis


def _group_label(tr: Translator, ctx: ReportContext, code: str) -> str:
    return tr("all_displaced") if code == ALL_DISPLACED else ctx.group(code).label.shown()


def stock_tables(results: AnalysisResults, ctx: ReportContext) -> list[AnnexTable]:
    """One table per IRIS tabulation: rows (group × row level), columns of the second variable,
    each a count and its flag."""
    tr = Translator(ctx.language)
    st = results.stock
    out: list[AnnexTable] = []
    if st.empty:
        return out
    for tid, part in st.groupby("table", sort=False):
        row_var, col_var = str(part["row_var"].iloc[0]), str(part["col_var"].iloc[0] or "")
        ordered = part.sort_values("col_rank", kind="stable") if "col_rank" in part else part
        cols = [str(c) for c in dict.fromkeys(ordered["col_value"].fillna("").astype(str))]
        header = [tr("col_group"), _dis_label(ctx, row_var)]
        hxl = ["#affected+idps+group", _hxl_for(row_var)]
        for c in cols:
            label = ctx.level(col_var, c).shown() if c else tr("col_count")
            label = tr("total") if c == STOCK_TOTAL else label
            header += _value_headers(tr, label)
            tag = f"+{_slug(c)}" if c else ""
            hxl += [f"#affected+idps+num{tag}", f"#meta+flag{tag}"]
        index = {
            (str(r["group"]), str(r["row_value"]), str(r["col_value"] or "")): r
            for r in part.to_dict("records")
        }
        rows: list[list[Cell]] = []
        # every group gets every row level; a cell the engine has no row for has no case (a
        # tabulation leaves zero-case combinations out): "–", never an unflagged blank
        by_row = part.sort_values("row_rank", kind="stable") if "row_rank" in part else part
        levels = list(dict.fromkeys(by_row["row_value"].astype(str)))
        for g in dict.fromkeys(part["group"].astype(str)):
            glabel = _group_label(tr, ctx, g)
            for rv in levels:
                rlabel = tr("total") if rv == STOCK_TOTAL else ctx.level(row_var, rv).shown()
                row: list[Cell] = [glabel, rlabel]
                for c in cols:
                    r = index.get((g, rv, c))
                    flag = EMPTY if r is None else cell_flag(r["flag"], r.get("suppression"))
                    row += pair(None if r is None else r["estimate"], flag, "total")
                rows.append(row)
        title = ctx.stock_titles[str(tid)].shown() if str(tid) in ctx.stock_titles else str(tid)
        totals = tuple(i for i, r in enumerate(rows) if r[1] == tr("total"))
        out.append(AnnexTable(f"stock_{tid}", title, _notes(tr, ctx), header, hxl, rows, totals))
    return out


def solutions_table(results: AnalysisResults, ctx: ReportContext) -> AnnexTable | None:
    sol = results.solutions
    if sol.empty:
        return None
    tr = Translator(ctx.language)
    header = [
        tr("solutions_method"),
        tr("col_group"),
        tr("col_breakdown"),
        tr("col_level"),
        *_value_headers(tr, tr("col_share") + " (%)"),
        tr("col_ci_low") + " (%)",
        tr("col_ci_high") + " (%)",
        *_value_headers(tr, tr("col_number")),
        tr("col_assessable"),
    ]
    hxl = ["#meta+method", "#affected+idps+group", "#meta+disaggregation", "#meta+value",
           "#indicator+value+pct", "#meta+flag+pct", "#indicator+value+pct+low",
           "#indicator+value+pct+high", "#affected+idps+num+solutions", "#meta+flag+num",
           "#meta+n"]  # fmt: skip
    rows: list[list[Cell]] = []
    for r in sol.to_dict("records"):
        flag = cell_flag(r["flag"], r.get("suppression"))
        dis, level = str(r["disaggregation"]), str(r["disaggregation_value"])
        total = dis == GROUP_TOTAL
        rows.append(
            [
                ctx.solutions_methods.get(str(r["method"]), str(r["method"])),
                _group_label(tr, ctx, str(r["group"])),
                tr("total") if total else _dis_label(ctx, dis),
                "" if total else ctx.level(dis, level).shown(),
                *pair(r["share"], flag, "proportion"),
                value(r["ci_low"], flag, "proportion"),
                value(r["ci_high"], flag, "proportion"),
                *pair(r["number"], flag, "total"),
                int(r["n_assessable"]) if pd.notna(r["n_assessable"]) else None,
            ]
        )
    totals = tuple(i for i, r in enumerate(rows) if r[2] == tr("total"))
    return AnnexTable("solutions", tr("solutions"), _notes(tr, ctx), header, hxl, rows, totals)


def annex_tables(results: AnalysisResults, ctx: ReportContext) -> list[AnnexTable]:
    """Every annex table from the *publishable* results."""
    pub = results.publishable()
    tables = [indicator_table(pub, ctx), *stock_tables(pub, ctx)]
    sol = solutions_table(pub, ctx)
    return tables + ([sol] if sol is not None else [])
