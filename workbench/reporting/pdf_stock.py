"""The IDP stock section of the report (mixed into ``pdf_sections.Builder``).

Each stock table with its own heading (listed in the contents), its margins and Total in bold,
the IDPs-alone row, and its notes: the marks it shows, the rows dropped for having no case or
left out for printing no figure (a withheld count), the row levels that pool several displaced
groups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd
from reportlab.platypus import Flowable

from workbench.languages import join_list
from workbench.reporting.context import _in_sentence
from workbench.reporting.fmt import (
    COMPLEMENTARY,
    EMPTY,
    cell_flag,
    ci_cell,
    fmt_count,
    mark_flag,
    with_flag,
)
from workbench.reporting.i18n import count_header
from workbench.reporting.pdf_flow import TableBlock, lead, with_notes
from workbench.reporting.pdf_parts import BuilderPart
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.summary_stock import idps_alone_row
from workbench.reporting.table_notes import (
    absent_stock_cells,
    cells_named,
    in_table_order,
    not_stated_shown,
    stock_unpublished_note,
)
from workbench.reporting.views import Withheld, prints_nothing
from workbench.stats.results import ALL_DISPLACED, STOCK_NOT_STATED, STOCK_TOTAL, stock_margin

if TYPE_CHECKING:
    from workbench.reporting.context import ReportContext
    from workbench.reporting.i18n import Translator


#: a block longer than this may break across pages (it could not fit on one)
BLOCK_ROWS = 30


def kept_blocks(blocks: list[str]) -> tuple[tuple[int, int], ...]:
    """The (first, last) rows of each run of rows of one row level ("Bendeki × Alvora" …
    "Bendeki × Total"): kept on one page — the French report left "Bendeki × Alvora" alone at
    a page's foot, the rest of Bendeki and its Total on the next (issue 20, fr_B 5)."""
    out, start = [], 0
    for i in range(1, len(blocks) + 1):
        if i == len(blocks) or blocks[i] != blocks[start]:
            if 1 < i - start <= BLOCK_ROWS:
                out.append((start, i - 1))
            start = i
    return tuple(out)


class StockSection(BuilderPart):
    if TYPE_CHECKING:  # what the mixin uses of Builder besides BuilderPart's

        def notes_ahead(self, several: bool = False) -> Flowable: ...
        def flag_notes(self, flags: set[str], stock_table: str = "") -> list[str]: ...
        def _withheld_line(self, w: Withheld) -> Flowable: ...

    def stock(self) -> list[Flowable]:
        tr, ctx, lang = self.tr, self.ctx, self.lang
        st = self.results.stock
        if st.empty:
            return []
        said_marks: set[str] = set()  # the marks of the counts the intro says ("(*)", "*", "†")
        counted = self._stock_groups(st, said_marks)
        # which groups the stock counts, said once: each with its estimate (returnees too), or
        # in general words (the French intro said it twice, « … compte toutes les personnes des
        # groupes déplacés du plan » then « L'effectif compte tous les groupes déplacés… »)
        groups = join_list(counted, lang, conjunction=True)
        which = tr("stock_groups", groups=groups) if counted else tr("stock_intro_all")
        intro = f"{which} {tr('stock_intro')}"
        # the intro with the first table, never at a foot
        # its own section, as the solutions measure's (it stood under it in the contents, and
        # the summary sent readers "to the solutions section", en_B 11)
        out: list[Flowable] = [
            self.h(tr("stock_section"), 0, "stock"),
            lead(self.p(intro, "small")),
        ]
        pooled = st[st["group"] == ALL_DISPLACED]
        said: set[str] = set()  # notes said once in the section (the IDPs' rounding)
        for tid in dict.fromkeys(pooled["table"].astype(str)):
            part = pooled[pooled["table"] == tid]
            name = ctx.stock_titles[tid].shown() if tid in ctx.stock_titles else tid
            title = self.h(name, 1, f"stock-{tid}")  # in the contents (docs/reporting.md)
            rows: list[list[str]] = []
            bold: list[int] = []
            blocks: list[str] = []  # each row's row level: a district's rows kept on one page
            flags: set[str] = set()
            # no case in any group: named under it, (row level, column level, shown names)
            dropped: list[tuple[str, str, tuple[str, str]]] = []
            every_empty = (part["suppression"] == "empty").all() if "suppression" in part else True
            # the first column names what its rows are ("Sex × Age group"), not the group
            dims = [str(part["row_var"].iloc[0]), str(part["col_var"].iloc[0] or "")]
            # without "(IRIS)": the title says the IRIS definition (ar_B B11: "الجنس × الفئة
            # العمرية (IRIS)" under "… وفق تعريف IRIS")
            head = " × ".join(
                ctx.breakdown(d, ctx.stock_units.get(tid, "")).removesuffix(" (IRIS)")
                for d in dims
                if d
            )
            not_stated = not_stated_shown(part)  # its sides: their empty cells named too
            cands: list[tuple[Any, str, list[str], str, str]] = []  # the rows it may print
            for rec, kind in zip(part.itertuples(index=False), stock_margin(part), strict=True):
                sides = [(str(rec.row_var), str(rec.row_value))]
                if str(rec.col_var or "") and kind != "total":
                    sides.append((str(rec.col_var), str(rec.col_value)))
                names = [
                    tr("total") if value == STOCK_TOTAL else ctx.level(var, value).shown()
                    for var, value in sides
                ]
                flag = cell_flag(rec.flag, getattr(rec, "suppression", ""))
                if flag == EMPTY and not every_empty:
                    # the indicators' rule: no case anywhere, no row; named under the table,
                    # but for a "Not stated" no other row shows: no category (issue 20)
                    stated = (str(rec.row_value), str(rec.col_value or ""))
                    unseen = [
                        side
                        for side, value in zip(("row_value", "col_value"), stated, strict=True)
                        if value == STOCK_NOT_STATED and side not in not_stated
                    ]
                    if not unseen:
                        dropped.append((*stated, (names[0], names[1] if len(names) > 1 else "")))
                    continue
                mark = mark_flag(flag, getattr(rec, "suppression", ""))  # "(*)": a complement
                cands.append((rec, kind, names, flag, mark))
            # a count withheld ("*", "(*)") prints nothing: its row is left out and named under
            # the table (rd21: "Conflict and disaster × 2012 … 2025", 14 rows of marks) — the
            # indicators' rule, views.prints_nothing; every row so: one line, no table
            blank = [c for c in cands if prints_nothing([c[4]])]
            if len(blank) == len(cands):
                out += [title, self._stock_withheld_line(head, [c[4] for c in cands])]
                continue
            for rec, kind, names, flag, mark in cands:
                if prints_nothing([mark]):
                    continue
                if kind:  # the TOTAL or a margin ("Female × Total", "Total × 0–4"): in bold
                    bold.append(len(rows))
                blocks.append(str(rec.row_value))
                flags.add(mark)
                hidden = flag in ("suppressed", EMPTY)
                ci, note = ci_cell(
                    rec.ci_low, rec.ci_high, "total", lang, getattr(rec, "no_interval", "")
                )
                flags.add("" if hidden else note)
                rows.append(
                    [
                        " × ".join(names),
                        with_flag(fmt_count(rec.estimate, lang), mark),
                        "" if hidden else ci,
                        fmt_count(rec.n, lang),
                    ]
                )
            if alone := idps_alone_row(self.results, ctx, tid):  # after the Total: IDPs alone
                rows, flags = [*rows, alone.row], flags | alone.flags
            dropped += [
                (cell[0][1], cell[1][1], (ctx.level(*cell[0]).shown(), ctx.level(*cell[1]).shown()))
                for cell in absent_stock_cells(part)
            ]  # combinations the tabulation has no row for: no case either, named too
            # what the numbers count: "Estimated number" and "n" had no unit (en_B 8)
            unit = ctx.stock_units.get(tid, "")
            n_head = tr(f"col_n_{unit}") if unit in ("household", "individual") else tr("col_n")
            header = [head, count_header(tr, unit), tr("col_ci"), n_head]
            table = make_table(
                header,
                rows,
                [f * self.width for f in (0.4, 0.2, 0.28, 0.12)],
                self.styles,
                lang,
                bold_rows=tuple(bold),
                continued=name,
                keep_rows=kept_blocks(blocks) if str(part["col_var"].iloc[0] or "") else (),
            )
            split_marks: set[str] = set()  # a pooled row's split: its counts' marks explained
            split = self._stock_row_groups(st[st["table"].astype(str) == tid], split_marks)
            # the intro's marks with the first table's notes (a "(*)" group count had only the
            # "*" note, "too few cases", to be read by, or none)
            texts = self.flag_notes(flags | split_marks | said_marks, stock_table=tid)
            if COMPLEMENTARY in flags:  # its "(*)" rows' blank n: the engine's rule (en_B 2)
                texts.append(tr("fn_stock_n_withheld"))
            said_marks = set()
            no_case = ""
            if dropped:
                levels = cells_named(tr, in_table_order(part, dropped))
                no_case = tr("fn_stock_rows_dropped", breakdown=head, levels=levels)
            # and the rows left out for a withheld count, by row level, years as ranges, in the
            # same line: the "Wholly withheld" note's rows of lone marks are no longer printed
            # (rd21), so that note is the annex's alone
            cells = [(c[2][0], c[2][1] if len(c[2]) > 1 else "", c[4]) for c in blank]
            if left := stock_unpublished_note(tr, head, cells, no_case):
                texts.append(left)
            texts += other_bands_notes(tr, ctx, dims, lang)
            texts += split
            if alone:  # the rounding note once (fr_B 1: six times, one alone on a page)
                texts += alone.notes[:1] + [n for n in alone.notes[1:] if n not in said]
                said.update(alone.notes[1:])
            notes = [self.p(n, "small") for n in texts]
            # the title never stranded
            out += with_notes([TableBlock([title, table])], notes, self.notes_ahead)
        return out

    def _stock_withheld_line(self, head: str, marks: list[str]) -> Flowable:
        """A stock table none of whose rows prints a figure: the indicators' one line ("…: no
        value published (of its 12 cells, …). … It appears in no table or chart.") in its place."""
        empty = marks.count(EMPTY)
        w = Withheld("", head, len(marks) - empty, empty, len(marks), 0)
        return self._withheld_line(w)

    def _count_text(self, rec: pd.Series | None, marks: set[str]) -> str:
        """A count in a sentence with its mark as in the tables ("*", "(*)" a complement, "†"),
        the mark added to ``marks`` so that the notes explain it."""
        if rec is None:
            return "–"
        suppression = rec.get("suppression", "")
        mark = mark_flag(cell_flag(rec["flag"], suppression), suppression)
        marks.add(mark)
        return with_flag(fmt_count(rec["estimate"], self.lang), mark)

    def _stock_groups(self, st: pd.DataFrame, marks: set[str]) -> list[str]:
        """ "IDPs in camps (145,717)" for each displaced group the stock counts (its TOTAL in the
        first table; every table has the same)."""
        first = st[st["table"].astype(str) == str(st["table"].iloc[0])]
        tot = first[stock_margin(first) == "total"]
        out = []
        for g in self.ctx.displaced:
            hit = tot[tot["group"].astype(str) == g.code]
            if not hit.empty:
                count = self._count_text(hit.iloc[0], marks)
                out.append(
                    self.tr("group_with_count", group=_in_sentence(g.label.shown()), count=count)
                )
        return out

    def _stock_row_groups(self, part: pd.DataFrame, marks: set[str]) -> list[str]:
        """A row level that pools several displaced groups, one of which lies wholly in it
        ("Outside camp": the IDPs outside camps and the returnees): its count per group, so the
        row is not read as that group (issue 20: 752,897 read as "IDPs outside camps", 430,423)."""
        one_way = not str(part["col_var"].iloc[0] or "")
        kind = stock_margin(part)
        rows = part[(kind == "") if one_way else (kind == "row")]
        totals = part[kind == "total"]
        codes = [g.code for g in self.ctx.displaced]
        notes = []
        row_var = str(part["row_var"].iloc[0])
        for level in dict.fromkeys(rows["row_value"].astype(str)):
            cells = rows[rows["row_value"].astype(str) == level]
            by_group = {
                str(r["group"]): r
                for _i, r in cells.iterrows()
                if str(r["group"]) in codes
                and cell_flag(r["flag"], r.get("suppression", "")) != EMPTY
            }
            if len(by_group) < 2:
                continue
            whole = False
            for code, r in by_group.items():
                t = totals[totals["group"].astype(str) == code]
                if not t.empty and pd.notna(r["estimate"]) and pd.notna(t["estimate"].iloc[0]):
                    whole |= abs(float(r["estimate"]) - float(t["estimate"].iloc[0])) <= 1e-6 * max(
                        1.0, abs(float(t["estimate"].iloc[0]))
                    )
            if not whole:
                continue
            split = [
                self.tr(
                    "group_with_count",
                    group=_in_sentence(g.label.shown()),
                    count=self._count_text(r, marks),
                )
                for g in self.ctx.displaced
                if (r := by_group.get(g.code)) is not None
            ]
            label = self.ctx.level(row_var, level).shown()
            notes.append(
                self.tr(
                    "fn_stock_row_groups",
                    row=label,
                    groups=join_list(split, self.lang, conjunction=True),
                )
            )
        return notes


def other_bands_notes(tr: Translator, ctx: ReportContext, dims: list[str], lang: str) -> list[str]:
    """A stock breakdown printed under the same name as another breakdown of the indicator
    tables but with other levels (the stock's IRIS age groups 0–4, 5–11, 12–17, 18–24, 25–59,
    60+ under "Age group", the indicators' 0–4, 5–17, 18–59, 60+): both sets named, so that a
    reader does not look for the one in the other (fr/ar readers, round 16)."""
    out = []
    for d in (d for d in dims if d):
        name = ctx.breakdown(d).removesuffix(" (IRIS)")
        mine = _level_names(ctx, d)
        for other, label in ctx.disaggregations.items():
            theirs = _level_names(ctx, other)
            if other == d or label.shown() != name or not theirs or theirs == mine:
                continue
            out.append(
                tr(
                    "fn_stock_other_bands",
                    breakdown=name,
                    levels=join_list(mine, lang),
                    other=join_list(theirs, lang),
                )
            )
            break
    return out


def _level_names(ctx: ReportContext, dis: str) -> list[str]:
    """A breakdown's levels as printed, in the results' order, "Not stated" left out."""
    return [
        lab.shown()
        for (d, value), lab in ctx.levels.items()
        if d == dis and value != STOCK_NOT_STATED
    ]
