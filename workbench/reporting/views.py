"""The report's tables and chart series, built once from the publishable results.

Charts and tables both read the same :class:`IndicatorView`, and the validation gate checks that
each chart series agrees with its table cells, so a number cannot differ between the two.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from workbench.reporting.context import GroupInfo, IndicatorInfo, ReportContext
from workbench.reporting.fmt import (
    COMPLEMENTARY,
    EMPTY,
    cell_flag,
    ci_cell,
    fmt_count,
    fmt_diff,
    fmt_p,
    fmt_value,
    mark_flag,
    with_flag,
)
from workbench.reporting.i18n import Translator
from workbench.stats.results import GROUP_TOTAL, AnalysisResults

#: a view's flag: its charts leave the comparator out (a total's, not compared); noted under them
CHART_DISPLACED_ONLY = "chart_displaced_only"
#: a view's flag: no chart is drawn, only the tables — its estimates are totals, never compared
#: (the engine's ``population_total``: populations of different sizes); bars of the displaced
#: groups' totals side by side on one axis invited the comparison their note ruled out (rd19 ar
#: p.64: 13,064 / 21,914 / 12,300 separated family members)
NO_CHART = "no_chart"
#: a view's flags: no group of its main table is compared, so the table has no difference and
#: p columns; why (the comparator outside the indicator's universe; without a case), said once
NOT_COMPARED = "not_compared"
NOT_COMPARED_BY_DEFINITION = "not_compared_by_definition"
NOT_COMPARED_EMPTY = "not_compared_empty"
#: a difference not computed because the comparison group's estimate is not published
COMPARATOR_WITHHELD = "comparator_withheld"
#: an assessment not made because one side is withheld for disclosure ("(*)": a complement with
#: enough cases) — the engine's ``insufficient_reason``; "Insufficient data" would be false
WITHHELD_REASONS = ("comparator_withheld", "group_withheld")
#: a view's flag: its values are counts (an indicator estimated as a total), whose "*" note says
#: that a count is withheld at the thresholds that mark other estimates † (stats/disclosure.py)
COUNTS = "counts"
#: a view's flag: a difference in its table carries † (one of the two estimates it compares
#: is marked †); its note says what † means on a difference, not only on an estimate
CAUTION_DIFFERENCE = "caution_difference"
#: a view's flag beside ``CHART_DISPLACED_ONLY``: the comparator's total is not published
#: either ("*"), so the charts' note does not point at it "in the table" (issue 20)
COMPARATOR_TOTAL_WITHHELD = "comparator_total_withheld"
#: a view's flag: a breakdown cell its tables withhold to protect another ("(*)") is published in
#: another indicator's table of the same breakdown, group and level — cells are withheld table by
#: table, from each indicator's own cases and values; its note says so (rd18/rd19: "Alvora (*)"
#: beside the HLP documents, "Alvora 33.8%" in Module B, asked of IDPs only)
WITHHELD_ELSEWHERE = "withheld_elsewhere"
#: a view's flag: a share of 0% or 100% is published in a breakdown row that holds a complement
#: "(*)" — a value at the edge of its range protects nothing on one side, so the engine withholds
#: a cell that can move either way instead (stats/suppression.py); its note says why
EDGE_BESIDE_COMPLEMENT = "edge_beside_complement"
#: a median's table shows an interval: Woodruff's, which need not be symmetric (en_A 6)
MEDIAN_INTERVAL = "median_interval"
#: the assessment words a table's notes explain when a cell shows them (fn_<word>)
ASSESSMENT_NOTES = (
    "assessment_equivalent",
    # rd17 p.23: a gap of −19.5 pp, not significant, read as "no gap": its note says the
    # interval reaches the minimum important difference, with the figure
    "assessment_inconclusive",
    "assessment_no_significant_difference",
    "assessment_not_applicable",
    # fr_A 4: "Significant, under the threshold" had no note; one wording in the criteria and
    # in a profile module (A/B), which counts nothing (en_A 3, rd17 ar p. 8 vs 35)
    "assessment_small_difference",
    # en_A 5: an amount's "Worse" or "Better" without a minimum important difference: any
    # significant gap is marked so, in the words of its cells
    "assessment_worse_no_mid",
)
#: a table's flag carrying the words of its "Significant, under the … threshold" cells, which
#: its note quotes (ar_A 4: the note quoted "under the threshold", the cell "under the 5.0 pp")
SMALL_LABEL = "small_difference_label="
#: a table's flag naming each assessment ("worse", "better") it shows without a
#: minimum important difference: the note quotes those cells' words — Module A's "Significant
#: difference", never rated, was explained as "rated" (rd17 en p. 9)
NO_MID_LABEL = "no_mid_assessment="
#: the order the no-minimum note quotes them in ("different" has a note of its own)
NO_MID_ASSESSMENTS = ("worse", "better")
#: a table's flag for its "Significant difference" cells, carrying their indicator's minimum
#: important difference as printed ("5.0 pp"; empty: none): their note says why the label, for
#: that indicator — no better or worse direction, and its minimum or none (rd21: p. 8 and p.
#: 10–11 printed it with no note, p. 9 and p. 14 said only "no minimum", the rule "no direction")
DIFFERENT_MID = "different_mid="
#: a table's flag carrying the minimum important difference its "Inconclusive" cells' interval
#: reaches, which the note states ("… reaches the minimum important difference (5.0 pp) …")
INCONCLUSIVE_MID = "inconclusive_mid="
#: a table's flag carrying, for a row judged by the (1 − 2·alpha) interval of the gap ("No gap
#: (equivalent)", "Inconclusive", "Significant, < 5.0 pp min."), its order, group, gap and that
#: interval (the engine's ``tost_low`` / ``tost_high``), separated by :data:`TOST_SEP`: the note
#: gives them so a reader can check the label (rd18: "+0.1 pp Inconclusive" under "+0.9 pp No
#: gap (equivalent)" looked contradictory with no interval of the gap on the page)
TOST_ROW = "tost_row="
TOST_SEP = "\x1f"
#: the assessments judged against a minimum whose rows the note gives with that interval: every
#: one, once a row of the table has an interval reaching inside ± the minimum — a "Worse" −7.8 pp
#: whose interval reached −1.0 stood with no interval beside an "Inconclusive" −7.1 pp (rd19 fr
#: p. 35, p. 69) — and an undirected indicator's "Significant difference" judged against its minimum
#: (rd20 en p. 8: "IDPs in camps +6.3 pp" stood with no interval beside its sibling rows'): every
#: verdict the engine gave the interval for (``tost_low`` / ``tost_high``: tested, minimum > 0)
TOST_ASSESSMENTS = (
    "worse",
    "better",
    "different",
    "small_difference",
    "equivalent",
    "inconclusive",
)
#: the last field of a :data:`TOST_ROW`: the row's interval reaches inside ± the minimum
TOST_REACHES = "reaches"
#: the main table's difference and p columns (when it has them: :attr:`TableData.compared`)
DIFF_COL, P_COL = 4, 6


@dataclass
class Series:
    """One chart series: a value per category (NaN where not published)."""

    name: str
    code: str
    values: list[float]
    lows: list[float]
    highs: list[float]
    flags: list[str]
    comparator: bool = False


@dataclass
class ChartData:
    categories: list[str]
    series: list[Series]
    statistic: str
    #: index of the comparator's category in a single-series chart (drawn hatched)
    comparator_index: int | None = None
    #: what the value axis counts: "%" for shares, the currency for money, else empty
    axis: str = ""
    #: indices of the categories (groups) not applicable: the engine found none of their cases
    #: in the indicator's population (the main table's "Not applicable"); not drawn, named
    not_applicable: tuple[int, ...] = ()


@dataclass
class TableData:
    header: list[str]
    rows: list[list[str]]
    #: per row and column: (raw value, statistic, flag) of the number shown, for the checks
    sources: list[list[tuple[float, str, str] | None]] = field(default_factory=list)
    comparator_row: int | None = None
    kind: str = "main"  # main (groups as rows) | disagg (levels as rows, groups as columns)
    #: a main table with difference and p columns (none when no group is compared)
    compared: bool = True
    #: levels left out because no group has a case in them (an indicator of people aged 15+
    #: has none aged 0–4): named in a note under the table, never a row of "–"
    dropped: list[str] = field(default_factory=list)
    #: (row label, breakdown level) of each row that holds only part of its level, the part in
    #: the indicator's population ("15–17" of "5–17"): the rest is named in a note too
    clipped: list[tuple[str, str]] = field(default_factory=list)
    #: (group, cases in no row, cases of its total) of each group whose breakdown rows hold
    #: fewer of the indicator's cases (n) than its total: the rest are not recorded for the
    #: breakdown (disability asked from age 5), and the rows cannot average to the total
    uncovered: list[tuple[str, int, int]] = field(default_factory=list)
    #: breakdown rows that print no figure (every cell "*", "(*)" or "–", at least one withheld),
    #: left out of :attr:`rows` and named in one note under the table (rd21: "Alvora (*) (*) *"
    #: said nothing); the annex, the full table, puts them back (:meth:`every_row`)
    unpublished: list[LeftOut] = field(default_factory=list)

    def every_row(self) -> list[list[str]]:
        """The table's rows with those it leaves out (:attr:`unpublished`) in their places."""
        rows = list(self.rows)
        for lo in sorted(self.unpublished, key=lambda x: x.at):
            rows.insert(lo.at, lo.row)
        return rows


#: the marks that print no figure: "*" (too few cases), "(*)" (withheld to protect another
#: value), "–" (no case; a blank cell, with no estimate at all, counts as one)
NO_FIGURE = ("suppressed", COMPLEMENTARY, EMPTY)


def prints_nothing(marks: list[str]) -> bool:
    """Whether a table row whose cells carry ``marks`` (:func:`~workbench.reporting.fmt.mark_flag`:
    "" is a figure with no mark) prints no figure at all — the one rule the report's breakdown
    and stock tables leave a row out by (the engine decided what is withheld; this reads it)."""
    return bool(marks) and all(m in NO_FIGURE for m in marks)


@dataclass
class LeftOut:
    """A table row the report leaves out because it prints no figure (:func:`prints_nothing`)."""

    #: its place among the table's rows before any was left out
    at: int
    #: the breakdown level's code and the row's cells and their sources, as they would print
    level: str
    row: list[str]
    sources: list[tuple[float, str, str] | None]

    @property
    def marks(self) -> list[str]:
        return _marks(self.sources)


@dataclass
class Withheld:
    """A breakdown none of whose cells is published (each one "*" or "–"): one line in the
    report instead of its table and chart panel (fr_B 4: a page of "*" and "–" and a panel of
    markers told the reader nothing)."""

    dis: str
    label: str
    #: cells not published (*) and cells with no case (–), of ``cells``
    suppressed: int
    empty: int
    cells: int
    #: how many shown breakdowns come before it (its place among them)
    at: int


@dataclass
class IndicatorView:
    info: IndicatorInfo
    table: TableData
    chart: ChartData
    disaggregations: list[tuple[str, str, TableData, ChartData]]  # (id, label, table, chart)
    flags: set[str] = field(default_factory=set)
    #: breakdowns with no published cell, left out of ``disaggregations``
    withheld: list[Withheld] = field(default_factory=list)


def withheld(dis: str, label: str, table: TableData, at: int) -> Withheld | None:
    """The breakdown as :class:`Withheld` when no cell of its table is published, else None."""
    flags = [src[2] for srcs in table.sources for src in srcs[1:] if src is not None]
    if not prints_nothing(flags):
        return None
    empty = flags.count(EMPTY)  # the others "*" or "(*)" (a complement: withheld all the same)
    return Withheld(dis, label, len(flags) - empty, empty, len(flags), at)


def _nan(x: object) -> float:
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return float("nan")
    return v


Row = dict[str, Any]  # one row of the estimates or comparisons (a record)


def _p_cell(cr: Row, lang: str) -> str:
    """The raw p-value, and in brackets the one adjusted for multiple comparisons (the engine's
    ``p_adjusted``; absent for runs made before it)."""
    raw = fmt_p(_nan(cr.get("p_value")), lang)
    adj = _nan(cr.get("p_adjusted"))
    return f"{raw} ({fmt_p(adj, lang)})" if raw and not math.isnan(adj) else raw


def _adjusted(cmp_: list[Row]) -> bool:
    """Whether the comparisons carry p-values adjusted for multiple comparisons."""
    return any(not math.isnan(_nan(r.get("p_adjusted"))) for r in cmp_)


def axis_label(info: IndicatorInfo, ctx: ReportContext) -> str:
    """The unit of an indicator's numbers: "%" for shares, the plan's currency for money, else
    what the indicator says its numbers are ("people per household")."""
    if info.shown_as == "proportion":
        return "%"
    return ctx.currency if info.shown_as == "money" else info.value_unit.shown()


def n_header(info: IndicatorInfo) -> str:
    """The key of the n column's header: "n (households)" where n counts households and the
    values count people (a total of separated members: its n, 150, read as 150 people)."""
    if info.unit == "household" and info.counted == "individual":
        return "col_n_household"
    return "col_n"


def _flags(r: Row) -> tuple[object, object]:  # a row of the estimates
    return r["flag"], r.get("suppression", "")


def _first(rows: list[Row], code: str) -> Row | None:
    return next((r for r in rows if r["group"] == code), None)


def _main_table(
    info: IndicatorInfo,
    est: list[Row],
    cmp_: list[Row],
    ctx: ReportContext,
    tr: Translator,
    displaced_only: bool = False,
    adjusted: bool = False,
) -> tuple[TableData, ChartData, set[str]]:
    """``adjusted``: the run adjusts p-values (its header says so even where no p is shown)."""
    lang, stat = ctx.language, info.shown_as
    comp = ctx.comparator
    comp_name = comp.label.shown() if comp else ""
    header = [
        tr("col_group"),
        tr("col_estimate"),
        tr("col_ci"),
        tr(n_header(info)),
        tr("col_difference", comparator=comp_name),
        tr("col_assessment"),
        # the cells hold the raw p-value, the adjusted one in brackets: the header says so
        # (readers took the first number of "p (adjusted)" for the adjusted one)
        # (the header of a table without a p-value was "p" beside the others' "p raw (adjusted)")
        tr("col_p" if adjusted or _adjusted(cmp_) else "col_p_raw"),
    ]
    table = TableData(header, [])
    series = Series(info.title.shown(), "all", [], [], [], [])
    flags: set[str] = set()
    groups = ctx.displaced + ([comp] if comp else [])
    comp_row = _first(est, comp.code) if comp else None
    # a comparator without a single case (a displaced-only indicator): nothing to compare with
    comp_empty = comp_row is not None and cell_flag(*_flags(comp_row)) == EMPTY
    # "(comparator)" only where the table compares: a population total ("Not compared
    # (total)") named the host community "(comparator)" beside no difference (en_B B13)
    compares = not comp_empty and any(str(r.get("assessment")) != "not_compared" for r in cmp_)
    tag = f" ({tr('comparator_tag')})" if compares else ""
    shown = []
    for g in groups:
        r = _first(est, g.code)
        if r is None:
            continue
        shown.append(g)
        flag = cell_flag(*_flags(r))
        mark = mark_flag(flag, r.get("suppression"))  # "(*)": a complement (ar_A 3)
        noted = mark  # the mark the row's estimate shows, its note under the table
        value = _nan(r["estimate"])
        low, high, why = _nan(r["ci_low"]), _nan(r["ci_high"]), r.get("no_interval")
        ci, note = ci_cell(low, high, stat, lang, why, ctx.currency)
        if flag not in ("suppressed", EMPTY):
            flags.add(note)  # ‡: a count published without an interval, and why
            if info.statistic == "median" and not (math.isnan(low) or math.isnan(high)):
                flags.add(MEDIAN_INTERVAL)  # "1,154 FRD, 1,053 – 1,528 FRD" looked like an error
        cells = [
            g.label.shown() + (tag if g.role == "comparator" else ""),
            # an amount carries its currency, as a share its "%": "1,196 FRD"
            with_flag(fmt_value(value, stat, lang, currency=ctx.currency), mark),
            "" if flag in ("suppressed", EMPTY) else ci,
            fmt_count(_nan(r["n"]), lang),
        ]
        src: list[tuple[float, str, str] | None] = [
            None,
            (value, stat, mark),
            None,
            None,
            None,
            None,
            None,
        ]
        cr = _first(cmp_, g.code) if g.role != "comparator" else None
        if cr is not None:
            cflag = EMPTY if comp_empty or flag == EMPTY else str(cr.get("flag", "") or "")
            if cflag == "suppressed" and mark == COMPLEMENTARY:
                cflag = COMPLEMENTARY  # withheld with the complement it is the difference of
            # a group without a case: its row says "Not applicable" once, its estimate and
            # difference blank, not "–" ("no case in this group") beside it (ar_B 5)
            na_row = flag == EMPTY
            flags.add("" if na_row else cflag)
            diff = _nan(cr["difference"])
            pp, money = tr("unit_pp"), ctx.currency
            # a difference withheld because the comparison group's estimate is (its "*" said
            # "too few cases" of a group that had enough): said in words, with its note
            by_comp = cflag == "suppressed" and flag not in ("suppressed", EMPTY)
            by_comp = (
                by_comp and comp_row is not None and cell_flag(*_flags(comp_row)) == "suppressed"
            )
            if by_comp:
                flags.add(COMPARATOR_WITHHELD)
            cells.append(
                tr("diff_not_computed")
                if by_comp
                else with_flag(fmt_diff(diff, stat, lang, pp, currency=money), cflag)
            )
            assessment = str(cr["assessment"] or "")  # decided by the engine, shown here
            if cflag == EMPTY:
                assessment = "not_applicable"
            elif _text(cr.get("not_compared_reason")) == "population_total":
                assessment = "not_compared_total"  # the engine's reason, named in the cell
            elif assessment == "insufficient_data" and (
                (why := _text(cr.get("insufficient_reason"))) in WITHHELD_REASONS
            ):
                # en_B 1: the comparator withheld "(*)" with 37 cases read "Insufficient data"
                assessment = str(why)
                flags.add(f"assessment_{why}")
            mid = _nan(cr.get("min_important_difference"))
            if assessment == "small_difference" and not math.isnan(mid):
                # the minimum that matters, on the page: 4.7% vs 1.0% read as dismissed
                size = fmt_diff(mid, stat, lang, pp, signed=False, currency=money)
                cells.append(tr("assessment_small_difference_mid", mid=size))
                flags.add(SMALL_LABEL + cells[-1])
            else:
                cells.append(
                    tr(f"assessment_{assessment}") if tr.has(f"assessment_{assessment}") else ""
                )
            if assessment == "inconclusive" and not math.isnan(mid):
                size = fmt_diff(mid, stat, lang, pp, signed=False, currency=money)
                flags.add(INCONCLUSIVE_MID + size)
            low90, high90 = _nan(cr.get("tost_low")), _nan(cr.get("tost_high"))
            judged = assessment in TOST_ASSESSMENTS and not math.isnan(mid)
            if judged and not (math.isnan(low90) or math.isnan(high90)):
                # a run stored before the engine gave this interval: no figures, as before
                ends = _bounds(low90, high90, mid, stat, lang, pp, money)
                reaches = low90 < mid and high90 > -mid
                parts = [
                    f"{len(shown):03d}",
                    g.label.shown(),
                    fmt_diff(diff, stat, lang, pp, currency=money),
                    *ends,
                    TOST_REACHES if reaches else "",
                ]
                flags.add(TOST_ROW + TOST_SEP.join(parts))
            if assessment == "different":
                none = math.isnan(mid)
                size = "" if none else fmt_diff(mid, stat, lang, pp, signed=False, currency=money)
                flags.add(DIFFERENT_MID + size)
            elif assessment in NO_MID_ASSESSMENTS and math.isnan(mid):
                flags.add("assessment_worse_no_mid")
                flags.add(NO_MID_LABEL + assessment)
            if f"assessment_{assessment}" in ASSESSMENT_NOTES:
                # two "no gap" words a reader must tell apart, and "Not applicable" (a group
                # outside the indicator's population): the table's note says each — one
                # wording for a mark wherever it stands (rd17 ar p. 8 vs p. 35)
                flags.add(f"assessment_{assessment}")
            cells.append(_p_cell(cr, lang))
            src[4] = None if by_comp else (diff, stat, cflag)
            if cflag == "caution" and not by_comp and not na_row and not math.isnan(diff):
                flags.add(CAUTION_DIFFERENCE)  # "+4.6 pp†": its note says what † means there
            if na_row:
                cells[1] = cells[4] = noted = ""
                src[1] = src[4] = None
        else:
            cells += ["", "", ""]
        flags.add(noted)
        if g.role == "comparator":
            table.comparator_row = len(table.rows)
        table.rows.append(cells)
        table.sources.append(src)
        hidden = flag in ("suppressed", EMPTY)
        series.values.append(math.nan if hidden else value)
        series.lows.append(math.nan if hidden else _nan(r["ci_low"]))
        series.highs.append(math.nan if hidden else _nan(r["ci_high"]))
        series.flags.append(mark)
    if not _any_compared(cmp_, est, comp_empty):
        # nothing compared (a displaced-only indicator, a total, a comparator without a case):
        # no empty "Difference" and "p" columns; the reason is said once under the table
        _drop_columns(table, (DIFF_COL, P_COL))
        reasons = {_text(r.get("not_compared_reason")) for r in cmp_}
        flags.add(NOT_COMPARED_EMPTY if comp_empty else NOT_COMPARED)
        if reasons == {"by_definition"}:
            flags.add(NOT_COMPARED_BY_DEFINITION)
    if info.statistic == "total":
        flags.add(COUNTS)
    cats = [g.label.shown() for g in shown]
    # displaced groups "Not applicable" (no case in the indicator's population): not drawn
    gone = {g.code for g in _not_applicable(ctx, est)}
    na = tuple(i for i, g in enumerate(shown) if g.code in gone)
    chart = ChartData(cats, [series], stat, table.comparator_row, axis_label(info, ctx), na)
    if displaced_only and table.comparator_row is not None:
        _drop_category(chart, table.comparator_row)
        flags.add(CHART_DISPLACED_ONLY)
        if comp_row is not None and cell_flag(*_flags(comp_row)) in ("suppressed", EMPTY):
            flags.add(COMPARATOR_TOTAL_WITHHELD)
    return table, chart, flags


def _bounds(
    low: float, high: float, mid: float, stat: str, lang: str, pp: str, money: str
) -> tuple[str, str]:
    """The two ends of a gap's (1 − 2·alpha) interval as the notes print them; one more
    decimal on an end that would print as the minimum it is judged against, "−5.0" beside a
    5.0 pp minimum deciding the verdict below the printed precision (rd19 en p. 64) — on that
    end only, as the rule says: "(−5.01 to +4.9 pp)", not "+4.91" (rd21 fr p. 68), so the
    extra decimal marks the end that sits at the minimum."""
    size = fmt_diff(mid, stat, lang, "", signed=False)

    def extra(x: float) -> int:
        return int(fmt_diff(abs(x), stat, lang, "", signed=False) == size)

    return (
        fmt_diff(low, stat, lang, "", extra=extra(low)),
        fmt_diff(high, stat, lang, pp, currency=money, extra=extra(high)),
    )


def _not_applicable(ctx: ReportContext, tot: list[Row]) -> list[GroupInfo]:
    """The displaced groups whose overall estimate the engine found empty: no case of them in
    the indicator's population (the main table's "Not applicable")."""
    return [
        g
        for g in ctx.displaced
        if (r := _first(tot, g.code)) is not None and cell_flag(*_flags(r)) == EMPTY
    ]


def _any_compared(cmp_: list[Row], est: list[Row], comp_empty: bool) -> bool:
    """Whether any displaced group of a main table is compared with the comparator: the engine
    gave it a difference, published or withheld ("*": a comparison made) — not a withheld one
    of a group without a case, nor one the engine gives a reason for not making."""
    if comp_empty:
        return False
    empty = {str(r["group"]) for r in est if cell_flag(*_flags(r)) == EMPTY}
    return any(
        not math.isnan(_nan(r.get("difference")))
        or (
            str(r.get("flag", "") or "") == "suppressed"
            and str(r["group"]) not in empty
            and not _text(r.get("not_compared_reason"))
        )
        for r in cmp_
    )


def _drop_columns(table: TableData, cols: tuple[int, ...]) -> None:
    """``table`` without the columns ``cols`` (header, cells and their sources)."""
    keep = [j for j in range(len(table.header)) if j not in cols]
    table.header = [table.header[j] for j in keep]
    table.rows = [[row[j] for j in keep] for row in table.rows]
    table.sources = [[src[j] for j in keep] for src in table.sources]
    table.compared = False


def _drop_category(chart: ChartData, i: int) -> None:
    """The chart without its ``i``-th category (the comparator's bar of a total)."""
    del chart.categories[i]
    for s in chart.series:
        for values in (s.values, s.lows, s.highs, s.flags):
            del values[i]
    chart.comparator_index = None


def _uncovered(
    groups: list[GroupInfo], values: list[str], index: dict[tuple[str, str], Row], tot: list[Row]
) -> list[tuple[str, int, int]]:
    """Each group whose rows of a breakdown count fewer cases than its total: (group, cases in
    no row, cases of the total). A group with a row whose n is withheld is left out (what its
    rows hold is not known from the published figures)."""
    out = []
    for g in groups:
        total = next((r for r in tot if str(r["group"]) == g.code), None)
        whole = _nan(total["n"]) if total is not None else math.nan
        if math.isnan(whole) or whole <= 0:
            continue
        held = 0.0
        for v in values:
            r = index.get((g.code, v))
            if r is None or cell_flag(*_flags(r)) == EMPTY:
                continue
            n = _nan(r["n"])
            if math.isnan(n):
                break
            held += n
        else:
            if round(whole - held) > 0:
                out.append((g.label.shown(), round(whole - held), round(whole)))
    return out


def _disagg_table(
    info: IndicatorInfo,
    dis: str,
    est: list[Row],
    ctx: ReportContext,
    displaced_only: bool = False,
    tot: list[Row] | None = None,
) -> tuple[TableData, ChartData, set[str]]:
    lang, stat = ctx.language, info.shown_as
    c = ctx.comparator
    shown = c is not None and any(str(r["group"]) == c.code for r in est)
    groups = ctx.displaced + ([c] if c is not None and shown else [])
    # a displaced group the main table calls "Not applicable" (the engine's: no case of it in
    # the indicator's population — a question not asked of returnees) has no column here: it
    # was a column of "–" in every breakdown (ar_B 5)
    na = {g.code for g in _not_applicable(ctx, tot or [])}
    if len(na) < len(groups):
        groups = [g for g in groups if g.code not in na]
    values = list(dict.fromkeys(str(r["disaggregation_value"]) for r in est))
    index = {(str(e["group"]), str(e["disaggregation_value"])): e for e in est}
    # one rule for empty combinations: a level without a case in any group (outside the
    # indicator's population) is left out and named under the table; a level empty for some
    # groups only keeps its row, "–" in their cells
    empty = [
        v
        for v in values
        if all(cell_flag(*_flags(r)) == EMPTY for g in groups if (r := index.get((g.code, v))))
    ]
    if len(empty) < len(values):
        values = [v for v in values if v not in empty]
    else:
        empty = []
    header = [ctx.breakdown(dis, info.unit, info.counts)] + [g.label.shown() for g in groups]
    table = TableData(
        header, [], kind="disagg", dropped=[ctx.level(dis, v, info.id).shown() for v in empty]
    )
    for v in values:
        row_label, plain = ctx.level(dis, v, info.id).shown(), ctx.level(dis, v).shown()
        if row_label != plain:
            table.clipped.append((row_label, plain))
    series = [
        Series(g.label.shown(), g.code, [], [], [], [], g.role == "comparator") for g in groups
    ]
    flags: set[str] = set()
    built: list[tuple[str, list[str], list[tuple[float, str, str] | None]]] = []
    for v in values:
        row = [ctx.level(dis, v, info.id).shown()]
        src: list[tuple[float, str, str] | None] = [None]
        for g in groups:
            r = index.get((g.code, v))
            if r is None:
                row.append("")
                src.append(None)
                continue
            flag = cell_flag(*_flags(r))
            mark = mark_flag(flag, r.get("suppression"))  # "(*)": a complement (ar_A 3)
            value = _nan(r["estimate"])
            row.append(with_flag(fmt_value(value, stat, lang, currency=ctx.currency), mark))
            src.append((value, stat, mark))
        built.append((v, row, src))
    # a row with no figure in any group ("Alvora (*) (*) *", rd21) is left out and named under
    # the table — unless every row is: then the breakdown is one line (:func:`withheld`)
    blank = [i for i, (_v, _row, src) in enumerate(built) if prints_nothing(_marks(src))]
    if len(blank) < len(built):
        table.unpublished = [LeftOut(i, *built[i]) for i in blank]
        built = [b for i, b in enumerate(built) if i not in set(blank)]
    for v, row, src in built:
        table.rows.append(row)
        table.sources.append(src)
        for g, s, cell in zip(groups, series, src[1:], strict=True):
            r = index.get((g.code, v))
            pub = cell is not None and cell[2] not in ("suppressed", COMPLEMENTARY, EMPTY)
            s.values.append(cell[0] if pub and cell is not None else math.nan)
            s.lows.append(_nan(r["ci_low"]) if pub and r is not None else math.nan)
            s.highs.append(_nan(r["ci_high"]) if pub and r is not None else math.nan)
            s.flags.append(cell[2] if cell is not None else "")
            flags.add(cell[2] if cell is not None else "")  # the marks of the rows shown
    table.uncovered = _uncovered(groups, values + empty, index, tot or [])
    levels = [ctx.level(dis, v, info.id).shown() for v, _row, _src in built]
    if displaced_only and any(s.comparator for s in series):
        series = [s for s in series if not s.comparator]
        flags.add(CHART_DISPLACED_ONLY)
    chart = ChartData(levels, series, stat, axis=axis_label(info, ctx))
    return table, chart, flags


def _marks(sources: list[tuple[float, str, str] | None]) -> list[str]:
    """The marks of a row's cells (its label's source left out); a blank cell, with no
    estimate at all, has no case."""
    return [s[2] if s is not None else EMPTY for s in sources[1:]]


def _by_definition(cmp_: list[Row]) -> bool:
    if not cmp_ or "not_compared_reason" not in cmp_[0]:
        return False
    return all(_text(r["not_compared_reason"]) == "by_definition" for r in cmp_)


def _text(x: object) -> object:
    """A cell as pandas' ``fillna("")`` leaves it."""
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else x


def _records(frame: pd.DataFrame) -> dict[str, list[Row]]:
    """The rows of a long table per indicator, in table order, as records (read once: the
    views used to filter the frame per group and level, most of their time)."""
    out: dict[str, list[Row]] = {}
    if frame.empty:
        return out
    for r in frame.to_dict("records"):
        out.setdefault(str(r["indicator_id"]), []).append(r)
    return out


def build_views(results: AnalysisResults, ctx: ReportContext) -> dict[str, IndicatorView]:
    """One view per indicator, in results order, from the *publishable* results."""
    tr = Translator(ctx.language)
    est_by, cmp_by = _records(results.estimates), _records(results.comparisons)
    cmp_all = results.comparisons
    adjusted = "p_adjusted" in cmp_all and bool(cmp_all["p_adjusted"].notna().any())
    views: dict[str, IndicatorView] = {}
    for ind_id, info in ctx.indicators.items():
        est = est_by[ind_id]
        cmp_ = cmp_by.get(ind_id, [])
        if ctx.comparator is not None and _by_definition(cmp_):
            # the comparator is outside the universe by definition: its "0%" is no finding, so
            # the indicator is described for the displaced groups only (the engine's decision)
            est = [r for r in est if str(r["group"]) != ctx.comparator.code]
        tot = [r for r in est if r["disaggregation"] == GROUP_TOTAL]
        ctot = [r for r in cmp_ if r["disaggregation"] == GROUP_TOTAL]
        # a total is "not compared" (the engine's reason: populations of different size): its
        # charts draw the displaced groups only, so no bar invites the comparison (issue 20:
        # the host's 34,863 separated members drawn longest, its rate 3.9% against 28.6%)
        alone = any(_text(r.get("not_compared_reason")) == "population_total" for r in ctot)
        table, chart, flags = _main_table(info, tot, ctot, ctx, tr, alone, adjusted)
        if alone:
            flags.add(NO_CHART)
        parts: list[tuple[str, str, TableData, ChartData]] = []
        hidden: list[Withheld] = []
        by_dis: dict[str, list[Row]] = {}
        for r in est:
            by_dis.setdefault(str(r["disaggregation"]), []).append(r)
        for dis, rows in by_dis.items():
            if dis == GROUP_TOTAL:
                continue
            t, c, f = _disagg_table(info, dis, rows, ctx, alone, tot)
            label = ctx.breakdown(dis, info.unit, info.counts)
            if (none := withheld(dis, label, t, len(parts))) is not None:
                hidden.append(none)  # one line, no table, no panel: its marks need no note
                continue
            flags |= f
            parts.append((dis, label, t, c))
        views[ind_id] = IndicatorView(info, table, chart, parts, flags - {""}, hidden)
    _sibling_flags(views, results.estimates)
    return views


def _sibling_flags(views: dict[str, IndicatorView], est: pd.DataFrame) -> None:
    """Flag the views whose shown breakdowns withhold a cell "(*)" that another view's table of
    the same breakdown publishes (``WITHHELD_ELSEWHERE``), and those that publish a share of 0%
    or 100% in a row beside a "(*)" (``EDGE_BESIDE_COMPLEMENT``): what the engine decided, read
    from the publishable estimates, so that the notes say why sibling tables differ."""
    if est.empty or "suppression" not in est:
        return
    part = est[est["disaggregation"].astype(str) != GROUP_TOTAL]
    part = part[part["indicator_id"].astype(str).isin(views)]
    ind = part["indicator_id"].astype(str).to_numpy()
    dis = part["disaggregation"].astype(str).to_numpy()
    level = part["disaggregation_value"].astype(str).to_numpy()
    group = part["group"].astype(str).to_numpy()
    kind = part["suppression"].fillna("").astype(str).to_numpy()
    value = pd.to_numeric(part["estimate"], errors="coerce").to_numpy(dtype=float)
    shown = part["flag"].fillna("").astype(str).to_numpy() != "suppressed"
    shown &= (kind != EMPTY) & ~pd.isna(value)
    stat = part["statistic"].astype(str).to_numpy() if "statistic" in part else None
    shown_dis = {i: {d for d, *_ in v.disaggregations} for i, v in views.items()}
    published: dict[tuple[str, str, str], set[str]] = {}
    for i, d, lv, g, ok in zip(ind, dis, level, group, shown, strict=True):
        if ok and d in shown_dis[i]:
            published.setdefault((d, g, lv), set()).add(i)
    # the rows a table leaves out print no "(*)" to explain
    left_out = {
        (i, d, lo.level)
        for i, v in views.items()
        for d, _label, t, _chart in v.disaggregations
        for lo in t.unpublished
    }
    complement_rows: set[tuple[str, str, str]] = set()
    for i, d, lv, g, k in zip(ind, dis, level, group, kind, strict=True):
        if k != COMPLEMENTARY or d not in shown_dis[i] or (i, d, lv) in left_out:
            continue
        complement_rows.add((i, d, lv))
        if published.get((d, g, lv), set()) - {i}:
            views[i].flags.add(WITHHELD_ELSEWHERE)
    if stat is None:
        return
    for i, d, lv, ok, x, st in zip(ind, dis, level, shown, value, stat, strict=True):
        if ok and st == "proportion" and x in (0.0, 1.0) and (i, d, lv) in complement_rows:
            views[i].flags.add(EDGE_BESIDE_COMPLEMENT)
