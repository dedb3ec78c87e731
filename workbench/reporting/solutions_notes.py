"""The notes under each table of the solutions section, for what that table prints: its marks
("*", "(*)", "†"), its "–" and why, its "<" bounds, its comparison group's row (PDF and Word
print the same notes: the Word report is made from the PDF's story).

Issue 20 (fr_B 3, ar_B 4): the notes of every solutions table came once, after the last
breakdown two pages on — the headline table's host row (0.6%) and the "All methods compared"
table's "< 1.0%" beside "< 0.5%" and its "–" for the host under homogeneous cells (a group with
households, read against the legend's "no case") were explained nowhere near them."""

from __future__ import annotations

from typing import Any

import pandas as pd

from workbench.languages import join_list
from workbench.reporting.context import ReportContext, _in_sentence
from workbench.reporting.fmt import COMPLEMENTARY, EMPTY, cell_flag, fmt_count, fmt_value, mark_flag
from workbench.reporting.i18n import Translator
from workbench.reporting.summary import below, below_caution
from workbench.stats.results import ALL_DISPLACED
from workbench.stats.solutions import UNIT as SOLUTIONS_UNIT
from workbench.stats.suppression import BOUNDS

#: the method whose cells are displaced households by place of origin and year of displacement:
#: the comparison group is its benchmark, never assessed itself (stats.solutions._cells_pass)
CELLS = "homogeneous_cells"


def host_not_assessed(ctx: ReportContext, r: dict[str, Any]) -> bool:
    """The comparison group's cells under homogeneous cells, overall and by breakdown: the
    method assesses none of its households (its benchmark), so the report, the annex and the
    app print "Not applicable", not "–", which means no case (en_B 4; rd20 ar: the annex's
    breakdown rows still read "–")."""
    comp = ctx.comparator
    return (
        comp is not None
        and str(r["method"]) == CELLS
        and str(r["group"]) == comp.code
        and cell_flag(r["flag"], r.get("suppression")) == EMPTY
    )


def _records(cells: pd.DataFrame, codes: list[str]) -> list[dict[str, Any]]:
    return [r for r in cells.to_dict("records") if str(r["group"]) in codes]


def mark_notes(tr: Translator, ctx: ReportContext, recs: list[dict[str, Any]]) -> list[str]:
    """The notes of the marks the cells ``recs`` print: "*", "(*)", "†" (a bound's "(*)" and
    "–" are said by the table's own notes)."""
    marks: set[str] = set()
    for rec in recs:
        if below(rec) is not None:  # "< 0.5%" ("< 0.5%†": few cases)
            marks |= {"caution"} if below_caution(rec) else set()
            continue
        marks.add(mark_flag(cell_flag(rec["flag"], rec.get("suppression")), rec.get("suppression")))
    notes = []
    if "suppressed" in marks:
        notes.append(tr("fn_suppressed", preset=ctx.preset_name))
    if COMPLEMENTARY in marks:
        notes.append(tr("fn_complementary"))
    if "caution" in marks:
        notes.append(ctx.caution_note or tr("fn_caution"))
    return notes


def comparator_note(tr: Translator, ctx: ReportContext, codes: list[str]) -> list[str]:
    """What the comparison group's row or column is, where the table has one (en_B 3)."""
    comp = ctx.comparator
    if comp is None or comp.code not in codes:
        return []
    return [tr("fn_solutions_comparator", group=comp.label.shown())]


def headline_notes(
    tr: Translator, ctx: ReportContext, total: pd.DataFrame, codes: list[str], bounded: bool
) -> list[str]:
    """Under the headline method's table (``total``: its overall rows; ``bounded``: a share
    printed as a bound): its marks, its withheld numbers and intervals, the host row."""
    notes = mark_notes(tr, ctx, _records(total, codes))
    if bounded:  # "(*)" beside "< 0.5%" is no small cell: why the number is withheld
        notes += [tr("fn_number_bounded"), tr("fn_ci_bounded")]  # and why no interval
    return notes + comparator_note(tr, ctx, codes)


def methods_notes(
    tr: Translator, ctx: ReportContext, total: pd.DataFrame, codes: list[str]
) -> list[str]:
    """Under "All methods compared" (``total``: every method's overall rows): its marks, its
    "–" with the reason it has here, its bounds (one cell "< 1.0%" beside "< 0.5%")."""
    recs = _records(total, codes)
    notes = mark_notes(tr, ctx, recs)
    empty = [r for r in recs if cell_flag(r["flag"], r.get("suppression")) == EMPTY]
    comp = ctx.comparator
    if (
        empty and comp is not None and all(host_not_assessed(ctx, r) for r in empty)
    ):  # the host has households: "no case" would mislead (ar_B 4); "Not applicable" (en_B 4)
        method = ctx.solutions_methods.get(CELLS, CELLS)
        notes.append(tr("fn_empty_cells_comparator", method=method, group=comp.label.shown()))
    elif empty:
        notes.append(tr("fn_empty_solutions"))
    if any(below(r) is not None for r in recs):
        bounds = [fmt_value(b, "proportion", tr.lang) for b in BOUNDS]
        notes.append(tr("fn_methods_bounded", bounds=join_list(bounds, tr.lang, conjunction=True)))
        if any(below(r) is not None and below_caution(r) for r in recs):
            notes.append(tr("fn_methods_bounded_caution"))  # only where a bound has its "†"
        if _pooled_beside_bound(recs):  # "< 1.0%" beside "All displaced 0.3%" (rd18 en p.74)
            notes.append(tr("fn_methods_pooled_printed"))
    return notes


def host_without(ctx: ReportContext, levels: pd.DataFrame) -> list[str]:
    """The breakdowns (``levels``: one method's breakdown rows) where each of the comparison
    group's rows is empty: its households, never displaced, have no place of origin, cause or
    year of displacement. Its cells there read "Not applicable", as under homogeneous cells —
    "–" means no case (rd18 en p.74–76: one meaning written two ways, two "–" notes)."""
    comp = ctx.comparator
    if comp is None or "suppression" not in levels:
        return []
    own = levels[levels["group"].astype(str) == comp.code]
    return [str(d) for d, rows in own.groupby(own["disaggregation"].astype(str), sort=False)
            if (rows["suppression"] == "empty").all()]  # fmt: skip


def _printed(r: dict[str, Any]) -> bool:
    """Whether a row's share is printed: neither withheld nor empty."""
    return cell_flag(r["flag"], r.get("suppression")) not in ("suppressed", EMPTY)


def _pooled_beside_bound(recs: list[dict[str, Any]]) -> bool:
    """Whether a method's row prints all displaced groups' share while a group's is a bound."""
    for method in dict.fromkeys(str(r["method"]) for r in recs):
        own = [r for r in recs if str(r["method"]) == method]
        pooled = [r for r in own if str(r["group"]) == ALL_DISPLACED]
        printed = any(below(r) is None and _printed(r) for r in pooled)
        if printed and any(below(r) is not None for r in own if str(r["group"]) != ALL_DISPLACED):
            return True
    return False


def breakdown_empty_notes(tr: Translator, ctx: ReportContext, levels: pd.DataFrame) -> list[str]:
    """What "–" means under the headline method's breakdowns (``levels``: its breakdown rows
    shown): where only the comparison group's cells are empty, that its households, never
    displaced, have no place of origin, cause or year of displacement (fr_B 5: the note spoke of
    homogeneous cells and "year of arrival" under the IRIS rule's table); else no household."""
    if "suppression" not in levels:
        return []
    empty = levels[levels["suppression"] == "empty"]
    if empty.empty:
        return []
    comp = ctx.comparator
    code = comp.code if comp is not None else ""
    whole = host_without(ctx, levels)
    hosts = (empty["group"].astype(str) == code) & empty["disaggregation"].astype(str).isin(whole)
    # any other "–": no household of the group in that row (no homogeneous cells here, fr_B 5)
    notes = [tr("fn_empty")] if not hosts.all() else []  # the one "–" key (rd17 ar p. 74)
    if comp is None or not hosts.any():
        return notes
    dims = dict.fromkeys(str(d) for d in empty[hosts]["disaggregation"])
    names = [_in_sentence(ctx.breakdown(d, SOLUTIONS_UNIT)) for d in dims]
    breakdowns = join_list(names, tr.lang, conjunction=True)
    group = comp.label.shown()
    return [*notes, tr("fn_empty_breakdown_comparator", group=group, breakdowns=breakdowns)]


def uncovered_notes(
    tr: Translator, ctx: ReportContext, rows: pd.DataFrame, labels: dict[str, str]
) -> list[str]:
    """Under one method's breakdowns (``rows``: its overall and breakdown rows; ``labels``:
    each group shown, by code), as under the indicators' tables: each breakdown whose rows hold
    fewer households than the total — "Not stated" is no row — and for which groups (fr_B 7:
    the origin, cause and year breakdowns left such households out, unsaid). A group with a row
    whose count is not published, or none with a case, is left out. The households counted are
    those the method assesses (the tables' "n assessable"; the demo publishes no n where the
    share is withheld)."""
    n = "n_assessable" if "n_assessable" in rows else "n"
    if n not in rows:
        return []
    total = {str(r["group"]): r for r in rows[rows["disaggregation"] == "total"].to_dict("records")}
    levels = rows[rows["disaggregation"] != "total"]
    dims = list(dict.fromkeys(levels["disaggregation"].astype(str)))
    kept: dict[tuple[str, str], pd.DataFrame] = {}  # each breakdown's rows of each group shown
    for dis in dims:
        part = levels[levels["disaggregation"].astype(str) == dis]
        for code in labels:
            own = part[part["group"].astype(str) == code]
            flags = zip(own["flag"], _sup(own), strict=True)
            kept[(dis, code)] = own[[cell_flag(f, s) != EMPTY for f, s in flags]]
    # breakdowns of one column leave the same households out ("Years since displacement" is
    # counted from the year): where a row's n of one is withheld, the others' count would give
    # it away, so it is withheld in each (rd18 en p. 76: "not counted" beside "29 of 923")
    withheld = {
        (ctx.columns.get(dis) or dis, code)
        for (dis, code), own in kept.items()
        if not own.empty and own[n].isna().any()
    }
    notes: dict[str, list[str]] = {}  # the groups' words → the breakdowns they are said of
    for dis in dims:
        said: dict[str, str] = {}  # each group's words, in the groups' order
        counted: dict[str, int] = {}  # the households in no row, where the n are published
        for code, label in labels.items():
            whole = pd.to_numeric(total.get(code, {}).get(n), errors="coerce")
            own = kept[(dis, code)]
            if pd.isna(whole) or whole <= 0 or own.empty:
                continue
            if (ctx.columns.get(dis) or dis, code) in withheld:  # how many are in no row: unsaid
                said[code] = tr("group_uncovered_withheld", group=_in_sentence(label))
                continue
            counted[code] = missing = round(float(whole) - float(own[n].sum()))
            if missing > 0:
                lang = tr.lang
                counts = {"missing": fmt_count(missing, lang), "total": fmt_count(whole, lang)}
                said[code] = tr("group_uncovered", group=_in_sentence(label), **counts)
        # a group whose count is not given is named only where all displaced groups together
        # have households in no row the counted groups do not hold: "Year of displacement"
        # named all displaced (71) alone and "Years since displacement" IDPs outside camps
        # (29) and returnees (26), the other 16 in neither note (rd17 en p. 75)
        rest = counted.get(ALL_DISPLACED)
        if rest is not None:
            rest -= sum(m for c, m in counted.items() if c != ALL_DISPLACED)
        out = [w for c, w in said.items() if c in counted or rest is None or rest > 0]
        if out and any(c in counted and counted[c] > 0 for c in said):
            listed = join_list(out, tr.lang, conjunction=True)
            notes.setdefault(listed, []).append(ctx.breakdown(dis, SOLUTIONS_UNIT))
    # one note for the breakdowns that leave the same households out (rd18 fr p. 79: four
    # notes in a row, each "… (9 of 552)"), and one note naming each breakdown where the
    # households differ, the sentence said once
    if len(notes) > 1:
        items = [
            tr("fn_rows_uncovered_item", breakdowns=join_list(names, tr.lang, conjunction=True),
               groups=listed)
            for listed, names in notes.items()
        ]  # fmt: skip
        return [tr("fn_rows_uncovered_each", items=join_list(items, tr.lang, clauses=True))]
    return [
        tr("fn_rows_uncovered", breakdown=names[0], groups=listed)
        if len(names) == 1
        else tr(
            "fn_rows_uncovered_many",
            breakdowns=join_list(names, tr.lang, conjunction=True),
            groups=listed,
        )
        for listed, names in notes.items()
    ]


def _sup(rows: pd.DataFrame) -> list[object]:
    return list(rows["suppression"]) if "suppression" in rows else [""] * len(rows)


def below_everywhere(ctx: ReportContext, levels: pd.DataFrame, codes: list[str]) -> list[str]:
    """The breakdowns (``levels``: one method's breakdown rows) in which no displaced group's
    share is printed at any level — each a bound ("< 0.5%"), withheld or no case — with at least
    one bound: their tables said nothing a reader could use (rd18 en p.74–76: some 80 cells of
    "< 0.5%", "< 0.5%†" and "*", values only in the host's column). A sentence says it instead;
    the tables stay in the annex."""
    comp = ctx.comparator
    displaced = [c for c in codes if comp is None or c != comp.code]
    out = []
    for dis, rows in levels.groupby(levels["disaggregation"].astype(str), sort=False):
        recs = [r for r in rows.to_dict("records") if str(r["group"]) in displaced]
        bounds = [r for r in recs if below(r) is not None]
        shown = [
            r for r in recs
            if below(r) is None
            and cell_flag(r["flag"], r.get("suppression")) not in ("suppressed", EMPTY)
        ]  # fmt: skip
        if bounds and not shown:
            out.append(str(dis))
    return out


def below_everywhere_note(
    tr: Translator, ctx: ReportContext, levels: pd.DataFrame, dims: list[str]
) -> str:
    """The sentence that stands for the tables of ``dims`` (:func:`below_everywhere`): the
    largest bound printed, whether levels are withheld, where the tables are."""
    rows = levels[levels["disaggregation"].astype(str).isin(dims)]
    recs = rows.to_dict("records")
    bound = max(b for r in recs if (b := below(r)) is not None)
    withheld = any(
        below(r) is None and cell_flag(r["flag"], r.get("suppression")) == "suppressed"
        for r in recs
    )
    names = [_in_sentence(ctx.breakdown(d, SOLUTIONS_UNIT)) for d in dims]
    return tr(
        "solutions_breakdowns_below",
        breakdowns=join_list(names, tr.lang, conjunction=True),
        bound=fmt_value(bound, "proportion", tr.lang),
        withheld=tr("solutions_breakdowns_below_withheld") if withheld else "",
        sheet=tr("solutions"),
    )
