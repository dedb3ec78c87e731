"""The IDP stock in the summary's and the briefing's words: the total the stock sentence cites,
its source table, and IDPs alone (without returnees) as a sentence and as a stock table's row."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.languages import join_list
from workbench.reporting.context import ReportContext, _in_sentence
from workbench.reporting.fmt import cell_flag, ci_cell, fmt_count, mark_flag, with_flag
from workbench.reporting.i18n import Translator
from workbench.stats.results import ALL_DISPLACED, AnalysisResults, stock_margin


def stock_source(results: AnalysisResults) -> str | None:
    """The stock table the summary's stock sentence cites: the first IRIS table of all
    displaced groups whose total is published (its heading's key is ``stock-<id>``)."""
    st = results.stock
    if st.empty:
        return None
    pooled = st[st["group"] == ALL_DISPLACED]
    for tid, part in pooled.groupby("table", sort=False):
        total = part[stock_margin(part) == "total"]
        if total.empty:
            continue
        row = total.iloc[0]
        flag = cell_flag(row["flag"], row.get("suppression", ""))
        if flag == "suppressed" or row["estimate"] != row["estimate"]:
            continue
        return str(tid)
    return None


def idp_stock(
    results: AnalysisResults, ctx: ReportContext, briefing: bool = False, page: int | None = None
) -> str | None:
    """The IDP stock from the first IRIS table of all displaced groups whose total is published:
    that total (every unit, "Not stated" ones too) with its interval, and which groups it pools —
    returnees among them when the plan has them, since IRIS keeps people in the stock until they
    have overcome displacement-related vulnerabilities (readers took a stock that included
    returnees for an overstated count of IDPs). ``briefing``: its source is in the full report
    (the briefing sent readers to "the solutions section", which it has not). ``page``: the
    source table's page in the PDF (en_A 8: "in the solutions section" gave none)."""
    tid = stock_source(results)
    if tid is not None:
        part = results.stock[results.stock["group"] == ALL_DISPLACED]
        part = part[part["table"].astype(str) == tid]
        row = part[stock_margin(part) == "total"].iloc[0]
        tr = Translator(ctx.language)
        lang = ctx.language
        low, high = row.get("ci_low"), row.get("ci_high")
        ci = (
            tr("stock_ci", low=fmt_count(low, lang), high=fmt_count(high, lang))
            if pd.notna(low) and pd.notna(high)
            else ""
        )
        title = ctx.stock_titles[str(tid)].shown() if str(tid) in ctx.stock_titles else str(tid)
        # what the table counts: people, or households (a household table)
        household = ctx.stock_units.get(str(tid)) == "household"
        key = "summary_stock_household" if household else "summary_stock"
        text = tr(
            # the briefing names the report's section only, not the table's long title: the
            # French overview ran two lines onto a page of its own in the Word briefing (rd17)
            f"{key}_brief" if briefing else key,
            number=fmt_count(float(row["estimate"]), lang),
            ci=ci,
            # mid-sentence: "(… et personnes retournées)", not "Personnes" (fr_A 9)
            groups=join_list(
                (_in_sentence(g.label.shown()) for g in ctx.displaced), lang, conjunction=True
            ),
            table=title,
            where=tr("stock_where_briefing")
            if briefing
            else tr("stock_where_report")
            if page is None
            else tr("stock_where_report_page", page=str(page)),
        )
        return text + _idps_alone_sentence(results, tr, str(tid))
    return None


def _idps_alone_sentence(results: AnalysisResults, tr: Translator, tid: str) -> str:
    """ " IDPs alone, without returnees: 576,141 (95% CI …)." after the stock's sentence, when
    the engine published that figure (issue 20: readers wanted the IDPs' own)."""
    v = dict(results.meta.get("stock_idps") or {}).get(tid) or {}
    if v.get("estimate") is None or v.get("flag") == "suppressed":
        return ""
    low, high = v.get("ci_low"), v.get("ci_high")
    ci = (
        ""
        if low is None or high is None
        else tr("stock_ci", low=fmt_count(low, tr.lang), high=fmt_count(high, tr.lang))
    )
    number = with_flag(fmt_count(v["estimate"], tr.lang), str(v.get("flag") or ""))
    return " " + tr("summary_stock_idps", number=number, ci=ci)


def idps_alone(
    results: AnalysisResults, ctx: ReportContext, table: str
) -> tuple[str, dict, list[str]] | None:
    """A stock table's row of the IDPs alone — its label ("IDPs alone, without returnees"), the
    engine's record (``meta["stock_idps"]``: estimate, interval, n, flag, no_interval) and its
    notes (which groups it counts; that it can differ by 1 from the sum of their rounded
    counts, when it does) — or None when the run has none (a plan naming no returnee group).
    Issue 20: the stock counts IDPs and returnees; readers wanted the IDPs' own figure."""
    value = dict(results.meta.get("stock_idps") or {}).get(table)
    if not value:
        return None
    tr, lang = Translator(ctx.language), ctx.language
    codes = [str(c) for c in value.get("groups") or ()]
    names = join_list(
        (_in_sentence(ctx.group(c).label.shown()) for c in codes), lang, conjunction=True
    )
    notes = [tr("fn_stock_idps", groups=names)]
    st = results.stock
    part = st[(st["table"].astype(str) == table) & st["group"].astype(str).isin(codes)]
    totals = part[stock_margin(part) == "total"]["estimate"]
    estimate = value.get("estimate")
    if estimate is not None and len(totals) == len(codes) and totals.notna().all():
        rounded = sum(round(float(x)) for x in totals)
        if rounded != round(float(estimate)):
            number, total = fmt_count(estimate, lang), fmt_count(rounded, lang)
            notes.append(tr("fn_stock_idps_rounded", number=number, sum=total))
    return tr("stock_idps_alone"), dict(value), notes


@dataclass
class IdpsRow:
    """A stock table's IDPs-alone row as the report prints it: its cells (label, count with its
    flag, interval or ‡, n), the flags it shows (for the footnotes) and its notes."""

    row: list[str]
    flags: set[str]
    notes: list[str]


def idps_alone_row(results: AnalysisResults, ctx: ReportContext, table: str) -> IdpsRow | None:
    """:func:`idps_alone` as a row of the stock table, after its Total."""
    alone = idps_alone(results, ctx, table)
    if alone is None:
        return None
    label, v, notes = alone
    lang, flag = ctx.language, str(v.get("flag") or "")
    hidden = flag == "suppressed"
    # "(*)" when only a group's withheld total withholds it (the engine's "suppression")
    mark = mark_flag(flag, v.get("suppression", ""))
    ci, note = ci_cell(v.get("ci_low"), v.get("ci_high"), "total", lang, v.get("no_interval"))
    estimate = "" if v.get("estimate") is None else fmt_count(v["estimate"], lang)
    row = [label, with_flag(estimate, mark), "" if hidden else ci, fmt_count(v.get("n"), lang)]
    return IdpsRow(row, {mark, "" if hidden else note}, notes)
