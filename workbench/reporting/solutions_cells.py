"""A solutions row's share, interval and number as the report prints them, for the app's
"All methods compared" table (its method × group × breakdown rows).

Issue 20 (app): the app decided its solutions cells again — "–" for the host community under
homogeneous cells where the report prints "Not applicable" with its reason, and "*" for the
number beside a bound whose note says "(*)". The app now shows these cells, so every cell kind
(a value, "†", "*", "(*)", a bound "< 0.5%", "–" no case, "Not applicable") is the report's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from workbench.reporting.context import ReportContext
from workbench.reporting.fmt import (
    COMPLEMENTARY,
    EMPTY,
    cell_flag,
    fmt_ci,
    fmt_count,
    fmt_value,
    mark_flag,
    with_flag,
)
from workbench.reporting.i18n import Translator
from workbench.reporting.solutions_notes import CELLS, host_not_assessed, host_without
from workbench.reporting.summary import below_shown

#: what a row's cells show: an estimate (``caution``: with "†"), a withheld value
#: (``suppressed`` "*", ``complementary`` "(*)"), a share published as a ``bound``, no case
#: (``empty`` "–") or the report's "Not applicable" (``not_applicable``)
KINDS = ("value", "caution", "suppressed", COMPLEMENTARY, "bound", EMPTY, "not_applicable")


@dataclass(frozen=True)
class SolutionsCells:
    """One row's cells in the report's words and number format, what they are (``kind``, one
    of :data:`KINDS`) and the flag the row's mark follows (``flag``: :func:`mark_flag`'s — a
    bound's is its share's withholding; the app words its Flag column from it)."""

    share: str
    ci: str
    number: str
    kind: str
    flag: str


def host_inapplicable(ctx: ReportContext, records: list[dict[str, Any]]) -> frozenset[str]:
    """The breakdowns of ``records`` (solutions rows) where the comparison group has no case at
    any level: origin, cause and year of displacement do not apply to households never
    displaced (:func:`~workbench.reporting.solutions_notes.host_without`)."""
    rows = [r for r in records if str(r.get("disaggregation")) != "total"]
    if not rows:
        return frozenset()
    return frozenset(host_without(ctx, pd.DataFrame(rows)))


def not_applicable(ctx: ReportContext, r: dict[str, Any], host_na: frozenset[str]) -> bool:
    """Whether a row's cells read "Not applicable": the host under homogeneous cells (never
    assessed: its benchmark) or in a breakdown that does not apply to it (``host_na``, from
    :func:`host_inapplicable`) — "–" means no case (rd18 en p.74–76, annex and app alike)."""
    if host_not_assessed(ctx, r):
        return True
    comp = ctx.comparator
    return (
        comp is not None and str(r["group"]) == comp.code and (str(r["disaggregation"]) in host_na)
    )


def row_cells(
    tr: Translator, ctx: ReportContext, r: dict[str, Any], host_na: frozenset[str] = frozenset()
) -> SolutionsCells:
    """The cells of one row of the publishable solutions table, as the report and the annex
    print them: the host "Not applicable" where the measure does not apply to it
    (:func:`not_applicable`), a bound's interval "not published" and its number "(*)"
    (``fn_number_bounded``), a withheld value its mark, an estimate with "†" when it is to be
    read with caution."""
    lang = tr.lang
    if not_applicable(ctx, r, host_na):
        word = tr("assessment_not_applicable")
        return SolutionsCells(word, "", word, "not_applicable", "not_applicable")
    flag = cell_flag(r.get("flag"), r.get("suppression"))
    mark = mark_flag(flag, r.get("suppression"))
    bound = below_shown(r, tr, lang)
    if bound is not None and flag == "suppressed":
        number = with_flag("", COMPLEMENTARY)  # whatever withheld the share (annex, en_B 4)
        return SolutionsCells(bound, tr("ci_not_published"), number, "bound", mark)
    if flag in ("suppressed", EMPTY):
        shown = with_flag("", mark)
        return SolutionsCells(shown, "", shown, mark, mark)
    share = with_flag(fmt_value(r.get("share"), "proportion", lang), mark)
    number = with_flag(fmt_count(r.get("number"), lang), mark)
    ci = fmt_ci(r.get("ci_low"), r.get("ci_high"), "proportion", lang)
    kind = "caution" if mark == "caution" else "value"
    return SolutionsCells(share, ci, number, kind, mark)


def table_cells(
    tr: Translator, ctx: ReportContext, records: list[dict[str, Any]]
) -> list[SolutionsCells]:
    """:func:`row_cells` of each row, in order."""
    host_na = host_inapplicable(ctx, records)
    return [row_cells(tr, ctx, r, host_na) for r in records]


def not_applicable_note(tr: Translator, ctx: ReportContext) -> str:
    """Why the host's homogeneous-cells row reads "Not applicable" (the report's note under
    "All methods compared"); "" without a comparison group."""
    comp = ctx.comparator
    if comp is None:
        return ""
    method = ctx.solutions_methods.get(CELLS, CELLS)
    return tr("fn_empty_cells_comparator", method=method, group=comp.label.shown())
