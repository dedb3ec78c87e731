"""The annex's long tables (en_B 7): the report's breakdown tables and its comparisons, one row
per cell, labelled in the report's language — an analyst retyped about 50 breakdown tables from
the PDF, or met them only in the coded results file (groups "1"–"4", "worse").

``breakdowns``: indicator, breakdown, category, population group, value, flag, standard error,
95% CI, n — the cells the report's breakdown tables print, in their order, with the rows the
report leaves out for printing no figure (the annex is the full table); a withheld value is
absent (its flag "*" says so) with its error, interval and n, as the publishable results hold
it. ``comparisons``: each displaced group against the comparison group where the report's
table compares them — difference (in percentage points for shares), its flag, its standard
error and 95% CI, p raw and adjusted, and the assessment in the report's words."""

from __future__ import annotations

import math
from typing import Any

from workbench.reporting.annex_tables import (
    FLAG_SYMBOL,
    AnnexTable,
    Cell,
    _criterion,
    _flag,
    _formats,
    _notes,
    _uncertainty_headers,
    _value_headers,
    number_format,
    outside_population,
    sheet_name,
    value,
    with_uncertainty,
)
from workbench.reporting.context import (
    CRITERIA,
    GroupInfo,
    IndicatorInfo,
    ReportContext,
    _in_sentence,
)
from workbench.reporting.fmt import COMPLEMENTARY, EMPTY, fmt_p
from workbench.reporting.i18n import Translator
from workbench.reporting.views import (
    TOST_ASSESSMENTS,
    WITHHELD_REASONS,
    IndicatorView,
    axis_label,
    build_views,
)
from workbench.stats.results import GROUP_TOTAL, AnalysisResults

BREAKDOWNS = "breakdowns"
COMPARISONS = "comparisons"
#: the smallest p-value the report prints as a number; below it "< 0.001"
P_SMALLEST = 0.001
#: a difference never computed (one side a complementary suppression): no flag of its own
NOT_COMPUTED = "not_computed"


def _ordered(ctx: ReportContext) -> list[IndicatorInfo]:
    """The indicators in the report's order (module A, criteria 1–8, module B)."""
    order = ["A", *CRITERIA, "B"]
    return sorted(
        ctx.indicators.values(),
        key=lambda i: order.index(i.criterion) if i.criterion in order else 99,
    )


def _by_label(tr: Translator, ctx: ReportContext) -> dict[str, GroupInfo]:
    """A population group by the label the report's tables give it (the comparator's with its
    "(comparator)" tag in a main table)."""
    groups = ctx.displaced + ([ctx.comparator] if ctx.comparator else [])
    out = {g.label.shown(): g for g in groups}
    if ctx.comparator:
        out[f"{ctx.comparator.label.shown()} ({tr('comparator_tag')})"] = ctx.comparator
    return out


def breakdown_table(
    results: AnalysisResults, ctx: ReportContext, views: dict[str, IndicatorView]
) -> AnnexTable | None:
    """Every cell of the report's breakdown tables, one row each (``results`` publishable)."""
    tr = Translator(ctx.language)
    est = results.estimates
    part = est[est["disaggregation"] != GROUP_TOTAL]
    if part.empty:
        return None
    records: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for r in part.to_dict("records"):
        key = (str(r["indicator_id"]), str(r["disaggregation"]), str(r["group"]))
        label = ctx.level(key[1], str(r["disaggregation_value"]), key[0]).shown()
        records[(*key, label)] = r
    head = tr("col_estimate")
    header = [tr("criterion"), tr("col_indicator"), tr("col_breakdown"), tr("col_level"),
              tr("col_group"), tr("col_unit_of_value"), *_uncertainty_headers(tr, head),
              tr("col_indicator_id")]  # fmt: skip
    hxl = ["#indicator+criterion", "#indicator+name", "#meta+disaggregation", "#meta+value",
           "#affected+group", "#indicator+unit", "#indicator+value", "#meta+flag",
           "#indicator+value+se", "#indicator+value+low", "#indicator+value+high", "#meta+n",
           "#indicator+code"]  # fmt: skip
    groups = _by_label(tr, ctx)
    outside = outside_population(results)
    rows: list[list[Cell]] = []
    formats: dict[tuple[int, int], str] = {}
    for info in _ordered(ctx):
        view = views.get(info.id)
        if view is None:
            continue
        for dis, label, table, _chart in view.disaggregations:
            for cells in table.every_row():  # the rows the report leaves out too: the full table
                for j, shown in enumerate(cells[1:], start=1):
                    g = groups.get(table.header[j])
                    r = records.get((info.id, dis, g.code, cells[0])) if g else None
                    if g is None or r is None or shown == "":  # no cell in the report
                        continue
                    flag = _flag(r)  # "(*)" for a complement, as the report prints it
                    row: list[Cell] = [
                        _criterion(tr, ctx, info.criterion), info.title.shown(), label,
                        cells[0], g.label.shown(), axis_label(info, ctx),
                    ]  # fmt: skip
                    fmt = _formats(len(row), info.shown_as)
                    formats.update({(len(rows), c): f for c, f in fmt.items()})
                    cells_ = with_uncertainty(r, flag, info.shown_as)
                    if (info.id, g.code) in outside:  # "Not applicable", as the report says
                        cells_[1] = tr("assessment_not_applicable")
                    rows.append([*row, *cells_, info.id])
    sheet = sheet_name(tr("sheet_breakdowns"))
    return AnnexTable(
        BREAKDOWNS, tr("annex_breakdowns"), _notes(tr, ctx, True, rows), header, hxl, rows,
        sheet=sheet, formats=formats,
    )  # fmt: skip


def _flag_word(tr: Translator, flag: str) -> str:
    """A difference's flag: its symbol, or the report's "Not computed" where the comparator is
    withheld — never blank, which a script filtering on the flag reads as an unflagged missing
    value, nor "(*)", which says computed and hidden (ar_B 2, en_B 3)."""
    return tr("diff_not_computed") if flag == NOT_COMPUTED else FLAG_SYMBOL.get(flag, "")


def comparison_table(
    results: AnalysisResults, ctx: ReportContext, views: dict[str, IndicatorView]
) -> AnnexTable | None:
    """Each displaced group against the comparison group where the report's table compares
    them: the difference, its flag and interval, p raw and adjusted, the assessment in the
    report's words (``results`` publishable)."""
    tr = Translator(ctx.language)
    comp = ctx.comparator
    cmp_ = results.comparisons
    if comp is None or cmp_.empty:
        return None
    index = {
        (str(r["indicator_id"]), str(r["group"])): r
        for r in cmp_[cmp_["disaggregation"] == GROUP_TOTAL].to_dict("records")
    }
    head = tr("col_difference", comparator=comp.label.shown())
    # the (1 − 2·alpha) interval the two one-sided tests decide "No gap (equivalent)" and
    # "Inconclusive" by (rd18: only the 95% one was published, and reached a row's minimum)
    level = 2 * ctx.confidence_level - 100
    header = [tr("criterion"), tr("col_indicator"), tr("col_group"), tr("col_comparator"),
              tr("col_unit_of_difference"), *_value_headers(tr, head),
              tr("annex_column_of", label=head, column=tr("col_se")), tr("col_ci_low"),
              tr("col_ci_high"), tr("col_tost_low", level=level),
              tr("col_tost_high", level=level), tr("col_p_unadjusted"), tr("col_p_adjusted"),
              tr("col_assessment"), tr("col_indicator_id")]  # fmt: skip
    hxl = ["#indicator+criterion", "#indicator+name", "#affected+group",
           "#affected+group+comparator", "#indicator+unit", "#indicator+value+difference",
           "#meta+flag", "#indicator+value+difference+se", "#indicator+value+difference+low",
           "#indicator+value+difference+high", "#indicator+value+difference+low+equivalence",
           "#indicator+value+difference+high+equivalence",
           "#indicator+pvalue", "#indicator+pvalue+adjusted", "#meta+assessment",
           "#indicator+code"]  # fmt: skip
    groups = _by_label(tr, ctx)
    rows: list[list[Cell]] = []
    formats: dict[tuple[int, int], str] = {}
    p_format = p_value_format(ctx.language)
    for info in _ordered(ctx):
        view = views.get(info.id)
        if view is None or not view.table.compared:  # the report compares nothing here
            continue
        table, stat = view.table, info.shown_as
        at = table.header.index(tr("col_assessment"))
        for cells, src in zip(table.rows, table.sources, strict=True):
            g = groups.get(cells[0])
            r = index.get((info.id, g.code)) if g is not None else None
            if g is None or r is None or g.role == "comparator":
                continue
            flag = src[4][2] if src[4] is not None else "suppressed"  # "Not computed": withheld
            if src[4] is None and str(r.get("insufficient_reason") or "") in WITHHELD_REASONS:
                # never computed (the report's "Not computed"): no flag, which would say a value
                # was withheld; the assessment gives the reason (en_B 3, fr_B 6)
                flag = NOT_COMPUTED
            shown = src[4] is not None and flag not in (
                "suppressed",
                COMPLEMENTARY,
                EMPTY,
                NOT_COMPUTED,
            )
            unit = tr("unit_pp") if stat == "proportion" else axis_label(info, ctx)

            # the equivalence interval wherever the engine gave it (a gap tested against a
            # minimum), whatever its verdict — Module A's "Significant difference" rows too
            # (rd20: blank there while the engine had tested them); the report's note lists
            # the same rows (views.TOST_ASSESSMENTS)
            judged = str(r.get("assessment") or "") in TOST_ASSESSMENTS

            def tost(
                x: Any, flag: str, stat: str, shown: bool = shown, judged: bool = judged
            ) -> Cell:
                """The engine's (1 − 2·alpha) interval end; blank where it gave none (no
                minimum, not tested, or a run stored before it) or the gap is not judged
                against a minimum."""
                if not (shown and judged and isinstance(x, int | float) and not math.isnan(x)):
                    return None
                return value(x, flag, stat)

            def p(key: str, shown: bool = shown, r: dict = r) -> Cell:
                x = r.get(key)
                if not (shown and isinstance(x, int | float) and not math.isnan(x)):
                    return None
                return p_value(float(x))

            row: list[Cell] = [
                _criterion(tr, ctx, info.criterion), info.title.shown(), g.label.shown(),
                comp.label.shown(), unit,
                value(r["difference"], flag, stat) if shown else None, _flag_word(tr, flag),
                value(r.get("se_difference"), flag, stat) if shown else None,
                value(r.get("ci_low"), flag, stat) if shown else None,
                value(r.get("ci_high"), flag, stat) if shown else None,
                tost(r.get("tost_low"), flag, stat), tost(r.get("tost_high"), flag, stat),
                p("p_value"), p("p_adjusted"), cells[at], info.id,
            ]  # fmt: skip
            fmt = number_format(stat)
            by_column = {5: fmt, 7: fmt, 8: fmt, 9: fmt, 10: fmt, 11: fmt}
            by_column |= {12: p_format, 13: p_format}
            formats.update({(len(rows), c): f for c, f in by_column.items()})
            rows.append(row)
    if not rows:
        return None
    tost_note = tr(
        "annex_comparisons_tost",
        level=level,
        sheet=tr("annex_legend_sheet"),
        different=tr("assessment_different"),
    )
    notes = " ".join(
        [tr("annex_comparisons_notes"), tost_note, tr("annex_p_values"), _notes(tr, ctx)]
    )
    if any(row[6] == tr("diff_not_computed") for row in rows):  # its meaning, as the legend's
        notes += " " + tr("fn_comparator_withheld", comparator=_in_sentence(comp.label.shown()))
    sheet = sheet_name(tr("sheet_comparisons"))
    return AnnexTable(
        COMPARISONS, tr("annex_comparisons"), notes, header, hxl, rows, sheet=sheet,
        formats=formats,
    )  # fmt: skip


def p_value(x: float) -> float:
    """A p-value as the annex holds it: a number rounded to three decimals as the report prints
    it ("0.819", never "0.8188"); below 0.001, where the report prints "< 0.001", two
    significant digits, never a rounded 0 (the workbook's format shows it as "< 0.001")."""
    return float(f"{x:.2g}") if x < P_SMALLEST else round(x, 3)


def p_value_format(lang: str) -> str:
    """The workbook's format of a p-value: three decimals, and below 0.001 the report's
    "< 0.001" in ``lang`` (an Excel conditional format, so the cell stays a number a
    spreadsheet sorts and filters: issue 20, "1.2E-15" beside the report's "< 0.001")."""
    below = fmt_p(0.0, lang).replace('"', "")
    return f'[<{P_SMALLEST}]"{below}";0.000'


def long_tables(results: AnalysisResults, ctx: ReportContext) -> list[AnnexTable]:
    """The breakdowns and comparisons tables (``results`` publishable), as the report's views
    give them."""
    views = build_views(results, ctx)
    tables = [breakdown_table(results, ctx, views), comparison_table(results, ctx, views)]
    return [t for t in tables if t is not None]
