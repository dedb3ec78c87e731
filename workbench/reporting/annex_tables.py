"""NSO annex tables as plain data: IRIS stock tabulations and indicator tables by group.

Each :class:`AnnexTable` has a title, a notes line, a header, an HXL hashtag row and data rows
whose cells are numbers (publishable values) or text (``*`` for suppressed, ``41.2†`` for
caution), following the JIPS dashboard layout: columns per population group.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from workbench.reporting.context import CRITERIA, ReportContext
from workbench.reporting.fmt import CAUTION, SUPPRESSED, round_share
from workbench.reporting.i18n import Translator
from workbench.stats.results import ALL_DISPLACED, GROUP_TOTAL, AnalysisResults

Cell = float | int | str | None


@dataclass
class AnnexTable:
    id: str
    title: str
    notes: str
    header: list[str]
    hxl: list[str]
    rows: list[list[Cell]]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def cell(value: float, flag: str, statistic: str) -> Cell:
    """A publishable number (shares in %, one decimal), or the disclosure symbol as text."""
    if flag == "suppressed":
        return SUPPRESSED
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    shown = round_share(float(value), statistic)
    if statistic == "total":
        shown = int(shown)
    return f"{shown}{CAUTION}" if flag == "caution" else shown


def _notes(tr: Translator, ctx: ReportContext) -> str:
    return " ".join([tr("fn_suppressed", preset=ctx.preset), tr("fn_caution")])


def indicator_table(results: AnalysisResults, ctx: ReportContext) -> AnnexTable:
    """Indicators (rows, grouped by criterion) × population groups (columns); totals only."""
    tr = Translator(ctx.language)
    groups = ctx.displaced + ([ctx.comparator] if ctx.comparator else [])
    header = [tr("criterion"), "indicator_id", tr("col_indicator")] + [
        g.label.shown() for g in groups
    ]
    hxl = ["#indicator+criterion", "#indicator+code", "#indicator+name"] + [
        "#indicator+value+" + ("host" if g.role == "comparator" else f"idps_{_slug(g.code)}")
        for g in groups
    ]
    est = results.estimates
    tot = est[est["disaggregation"] == GROUP_TOTAL]
    index = {(str(r["indicator_id"]), str(r["group"])): r for r in tot.to_dict("records")}
    rows: list[list[Cell]] = []
    order = ["A", *CRITERIA, "B"]
    infos = sorted(
        ctx.indicators.values(),
        key=lambda i: order.index(i.criterion) if i.criterion in order else 99,
    )
    for info in infos:
        crit = (
            ctx.criteria[info.criterion].shown()
            if info.criterion in ctx.criteria
            else info.criterion
        )
        unit = "%" if info.statistic == "proportion" else ""
        row: list[Cell] = [
            f"{info.criterion}. {crit}",
            info.id,
            info.title.shown() + (f" ({unit})" if unit else ""),
        ]
        for g in groups:
            r = index.get((info.id, g.code))
            row.append(
                None if r is None else cell(r["estimate"], str(r["flag"] or ""), info.statistic)
            )
        rows.append(row)
    return AnnexTable(
        "indicators_by_group",
        tr("annex_indicators"),
        _notes(tr, ctx) + " " + tr("fn_points"),
        header,
        hxl,
        rows,
    )


def _hxl_for(var: str) -> str:
    if var in ("district", "location", "adm1", "current_location"):
        return "#adm1+name"
    if var in ("origin", "district_of_origin", "place_of_origin"):
        return "#adm1+name+origin"
    if var in ("sex",):
        return "#group+sex"
    if var in ("age_group", "age"):
        return "#group+age"
    if var in ("year", "year_of_displacement"):
        return "#date+year+displacement"
    if var in ("cause",):
        return "#cause+displacement"
    return f"#meta+{_slug(var)}"


def stock_tables(results: AnalysisResults, ctx: ReportContext) -> list[AnnexTable]:
    """One table per IRIS tabulation: rows (group × row value), columns of the second variable."""
    tr = Translator(ctx.language)
    st = results.stock
    out: list[AnnexTable] = []
    if st.empty:
        return out
    for tid, part in st.groupby("table", sort=False):
        row_var = str(part["row_var"].iloc[0])
        ordered = part.sort_values("col_rank", kind="stable") if "col_rank" in part else part
        cols = [str(c) for c in dict.fromkeys(ordered["col_value"].fillna("").astype(str))]
        header = [
            tr("col_group"),
            ctx.disaggregations[row_var].shown() if row_var in ctx.disaggregations else row_var,
        ]
        header += [c if c else tr("col_count") for c in cols]
        hxl = ["#affected+idps+group", _hxl_for(row_var)] + [
            f"#affected+idps+num+{_slug(c)}" if c else "#affected+idps+num" for c in cols
        ]
        index = {
            (str(r["group"]), str(r["row_value"]), str(r["col_value"] or "")): r
            for r in part.to_dict("records")
        }
        rows: list[list[Cell]] = []
        for g in dict.fromkeys(part["group"].astype(str)):
            glabel = tr("all_displaced") if g == ALL_DISPLACED else ctx.group(g).label.shown()
            for rv in dict.fromkeys(part.loc[part["group"] == g, "row_value"].astype(str)):
                row: list[Cell] = [glabel, rv]
                for c in cols:
                    r = index.get((g, rv, c))
                    row.append(
                        None if r is None else cell(r["estimate"], str(r["flag"] or ""), "total")
                    )
                rows.append(row)
        title = ctx.stock_titles[str(tid)].shown() if str(tid) in ctx.stock_titles else str(tid)
        out.append(AnnexTable(f"stock_{tid}", title, _notes(tr, ctx), header, hxl, rows))
    return out


def solutions_table(results: AnalysisResults, ctx: ReportContext) -> AnnexTable | None:
    sol = results.solutions
    if sol.empty:
        return None
    tr = Translator(ctx.language)
    header = [
        tr("solutions_method"),
        tr("col_group"),
        "disaggregation",
        "value",
        tr("col_share") + " (%)",
        tr("col_number"),
        tr("col_assessable"),
    ]
    hxl = [
        "#meta+method",
        "#affected+idps+group",
        "#meta+disaggregation",
        "#meta+value",
        "#indicator+value+pct",
        "#affected+idps+num+solutions",
        "#meta+n",
    ]
    rows: list[list[Cell]] = []
    for r in sol.to_dict("records"):
        g = str(r["group"])
        glabel = tr("all_displaced") if g == ALL_DISPLACED else ctx.group(g).label.shown()
        flag = str(r["flag"] or "")
        rows.append(
            [
                ctx.solutions_methods.get(str(r["method"]), str(r["method"])),
                glabel,
                r["disaggregation"],
                r["disaggregation_value"],
                cell(r["share"], flag, "proportion"),
                cell(r["number"], flag, "total"),
                int(r["n_assessable"]) if pd.notna(r["n_assessable"]) else None,
            ]
        )
    return AnnexTable("solutions", tr("solutions"), _notes(tr, ctx), header, hxl, rows)


def annex_tables(results: AnalysisResults, ctx: ReportContext) -> list[AnnexTable]:
    """Every annex table from the *publishable* results."""
    pub = results.publishable()
    tables = [indicator_table(pub, ctx), *stock_tables(pub, ctx)]
    sol = solutions_table(pub, ctx)
    return tables + ([sol] if sol is not None else [])
