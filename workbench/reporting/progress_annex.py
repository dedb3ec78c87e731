"""The rounds annex: beside each annex file of a rounds report, a ``-rounds`` file labelled as the
annex is (:mod:`workbench.reporting.annex_tables`) — the tables of change between the baseline
and the latest round (the changes in the gaps, in each group's estimates, in the solutions
measure and in the IDP stock), then each round's indicators by group, in the report's
language: labels, never codes; every value a number with its flag column; sheets named in the
language (the table ids are defined names and the CSV file names).

Reads only the publishable rounds results (``RoundsResults.publishable()``): a value the engine
suppressed is absent and its flag says so, exactly as in the coded publishable export
(:mod:`workbench.stats.rounds_export`, kept for ``workbench rounds --out``); the assessments are
the engine's, worded as the report's progress section words them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from workbench.export_writer import OutFile
from workbench.reporting.annex_tables import (
    COUNT_FORMAT,
    AnnexTable,
    Cell,
    _criterion,
    _dis_label,
    _group_label,
    _notes,
    _value_headers,
    indicator_table,
    number_format,
    pair,
    sheet_name,
    value,
)
from workbench.reporting.context import ReportContext, _in_sentence
from workbench.reporting.i18n import Translator
from workbench.reporting.progress_data import criterion_order
from workbench.stats.results import ALL_DISPLACED, GROUP_TOTAL

if TYPE_CHECKING:
    from workbench.stats.rounds import RoundsResults

#: the workbook's format of a p-value
P_FORMAT = "0.0000"


def rounds_annex_path(path: Path) -> Path:
    """``annex.xlsx`` → ``annex-rounds.xlsx``; ``annex.csv`` → ``annex-rounds.csv`` (the stem of
    its tables' files); a folder ``csv`` → the files ``csv/annex-rounds-<table>.csv``."""
    path = Path(path)
    if not path.suffix:
        return path / "annex-rounds"
    return path.with_name(f"{path.stem}-rounds{path.suffix}")


def rounds_annex_files(
    rounds: RoundsResults, ctx: ReportContext, annex_paths: Iterable[Path], hxl: bool = False
) -> list[OutFile]:
    """The labelled rounds annex beside each annex path: a workbook beside a workbook, CSVs
    (comma and semicolon copies, a legend, with ``hxl`` HXL copies) beside CSVs."""
    from workbench.reporting.annex import hxl_here, table_files

    tables = rounds_annex_tables(rounds, ctx)
    out: list[OutFile] = []
    paths = [Path(p) for p in annex_paths]
    for path in paths:
        target = rounds_annex_path(path)
        here = hxl and hxl_here(path, paths)  # once, as the annex's own
        if target.suffix:
            out += table_files(tables, ctx, target, here)
        else:  # a folder: annex-rounds-<table>.csv inside it
            out += table_files(tables, ctx, target.with_suffix(".csv"), here)
    return out


def rounds_annex_tables(rr: RoundsResults, ctx: ReportContext) -> list[AnnexTable]:
    """Every table of the rounds annex, from the *publishable* rounds results."""
    return RoundsAnnex(rr.publishable(), ctx).tables()


def _p(x: object, flag: str) -> float | None:
    """A p-value as a number (four decimals), absent where the value is not published."""
    if flag == "suppressed" or x is None or pd.isna(x):  # type: ignore[call-overload]
        return None
    return round(float(x), 4)  # type: ignore[arg-type]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class RoundsAnnex:
    def __init__(self, rr: RoundsResults, ctx: ReportContext) -> None:
        self.rr, self.ctx, self.tr = rr, ctx, Translator(ctx.language)
        self.base, self.last = rr.rounds[0], rr.rounds[-1]
        self.groups = [g.code for g in ctx.displaced] + [ALL_DISPLACED]

    # ------------------------------------------------------------------ shared pieces
    def tables(self) -> list[AnnexTable]:
        out = [self.gap_table(), self.change_table(), self.solutions_table(), self.stock_table()]
        tables = [t for t in out if t is not None] + self.round_tables()
        seen: set[str] = set()
        for k, t in enumerate(tables, 1):  # tabs a workbook can hold: no two alike
            while t.sheet.lower() in seen:
                t.sheet = sheet_name(t.sheet[:25].rstrip(" …") + f" ({k})")
                k += 1
            seen.add(t.sheet.lower())
        return tables

    def latest(self, t: pd.DataFrame) -> pd.DataFrame:
        """The rows comparing the latest round with the baseline, as the progress section
        shows them."""
        return t[t["round_to"] == self.last.label] if "round_to" in t else t

    def compared(self) -> str:
        return self.tr(
            "annex_rounds_compared", latest=self.last.label, date_to=self.last.date or "—",
            baseline=self.base.label, date_from=self.base.date or "—",
        )  # fmt: skip

    def notes(self, *first: str, ci_n: bool = False) -> str:
        return " ".join([self.compared(), *first, _notes(self.tr, self.ctx, ci_n)])

    def ordered(self, t: pd.DataFrame) -> list[dict[str, Any]]:
        """Rows by criterion, indicator (the run's order), breakdown (the whole group first),
        group (the plan's order, then all displaced together) and category."""
        ids = list(dict.fromkeys(t["indicator_id"].astype(str))) if "indicator_id" in t else []
        dis = list(dict.fromkeys(t["disaggregation"].astype(str)))
        levels = list(dict.fromkeys(t["disaggregation_value"].astype(str)))

        def key(r: dict[str, Any]) -> tuple[Any, ...]:
            d = str(r["disaggregation"])
            g = str(r["group"])
            return (
                criterion_order(str(r.get("criterion", ""))),
                ids.index(str(r["indicator_id"])) if ids else 0,
                (d != GROUP_TOTAL, dis.index(d)),
                self.order(g),
                levels.index(str(r["disaggregation_value"])),
            )

        return sorted(t.to_dict("records"), key=key)

    def order(self, group: str) -> int:
        """A group's place: the plan's order, then all displaced together."""
        return self.groups.index(group) if group in self.groups else len(self.groups)

    def where(self, r: dict[str, Any], indicator: str | None = None) -> list[Cell]:
        """Group, breakdown and category by their labels (the whole group: "Total", no
        category)."""
        dis, level = str(r["disaggregation"]), str(r["disaggregation_value"])
        total = dis == GROUP_TOTAL
        return [
            _group_label(self.tr, self.ctx, str(r["group"])),
            self.tr("total") if total else _dis_label(self.ctx, dis),
            "" if total else self.ctx.level(dis, level, indicator).shown(),
        ]

    def indicator(self, ind_id: str) -> tuple[str, str, str]:
        """(criterion as the report's headings name it, title, statistic as the annex shows
        it)."""
        info = self.ctx.indicators.get(ind_id)
        if info is None:
            return "", ind_id, "mean"
        return _criterion(self.tr, self.ctx, info.criterion), info.title.shown(), info.shown_as

    def unit(self, ind_id: str, change: bool) -> str:
        """What the values are in: "%" (``change``: "pp") for shares, else the indicator's."""
        from workbench.reporting.views import axis_label

        info = self.ctx.indicators.get(ind_id)
        if info is None:
            return ""
        if change and info.shown_as == "proportion":
            return self.tr("unit_pp")
        return axis_label(info, self.ctx)

    def of(self, label: str, key: str, **params: Any) -> str:
        return self.tr("annex_column_of", label=label, column=self.tr(key, **params))

    def change_cells(self, r: dict[str, Any], flag: str, stat: str) -> list[Cell]:
        """Change, its flag, its 95% interval, p (and adjusted p when the run adjusted)."""
        cells = [
            *pair(r.get("change"), flag, stat),
            value(r.get("ci_low"), flag, stat),
            value(r.get("ci_high"), flag, stat),
            _p(r.get("p_value"), flag),
        ]
        return cells + ([_p(r.get("p_adjusted"), flag)] if self.adjusted() else [])

    def change_headers(self) -> list[str]:
        change = self.tr("col_change")
        return [
            *_value_headers(self.tr, change),
            self.of(change, "col_ci_low"),
            self.of(change, "col_ci_high"),
            self.tr("col_p_raw"),
            *([self.tr("col_p_adjusted")] if self.adjusted() else []),
        ]

    def change_hxl(self) -> list[str]:
        return ["#indicator+value+change", "#meta+flag+change", "#indicator+value+change+low",
                "#indicator+value+change+high", "#meta+p",
                *(["#meta+p+adjusted"] if self.adjusted() else [])]  # fmt: skip

    def adjusted(self) -> bool:
        from workbench.reporting.judging import run_options

        method = str(run_options(self.rr.results[-1]).get("p_adjust", "none"))
        return method != "none" and "p_adjusted" in self.rr.gap_changes

    @staticmethod
    def formats(rows: int, columns: dict[int, str]) -> dict[tuple[int, int], str]:
        return {(i, c): f for i in range(rows) for c, f in columns.items()}

    # ------------------------------------------------------------------ the tables
    def gap_table(self) -> AnnexTable | None:
        """Changes in the gaps with the comparator, by group: each round's gap, the change,
        its interval and p, the engine's assessment."""
        tr, ctx = self.tr, self.ctx
        g = self.latest(self.rr.gap_changes)
        if g.empty:
            return None
        comp = ctx.comparator.label.shown() if ctx.comparator else "—"
        header = [tr("criterion"), tr("col_indicator"), tr("col_group"), tr("col_breakdown"),
                  tr("col_level"), tr("col_unit_of_value")]  # fmt: skip
        for rnd in (self.base, self.last):
            header += _value_headers(tr, self.of(rnd.label, "col_gap", comparator=comp))
        header += [*self.change_headers(), tr("col_assessment"), tr("col_indicator_id")]
        hxl = ["#indicator+criterion", "#indicator+name", "#affected+idps+group",
               "#meta+disaggregation", "#meta+value", "#indicator+unit",
               "#indicator+value+gap+baseline", "#meta+flag+baseline",
               "#indicator+value+gap+latest", "#meta+flag+latest", *self.change_hxl(),
               "#meta+assessment", "#indicator+code"]  # fmt: skip
        rows: list[list[Cell]] = []
        formats: dict[tuple[int, int], str] = {}
        for r in self.ordered(g):
            ind = str(r["indicator_id"])
            crit, title, stat = self.indicator(ind)
            flag = str(r["flag"] or "")
            fmt = number_format(stat)
            formats.update({(len(rows), c): fmt for c in (6, 8, 10, 12, 13)})
            formats.update({(len(rows), c): P_FORMAT for c in (14, 15)[: 1 + self.adjusted()]})
            rows.append([
                crit, title, *self.where(r, ind), self.unit(ind, change=True),
                *pair(r["gap_from"], flag, stat), *pair(r["gap_to"], flag, stat),
                *self.change_cells(r, flag, stat),
                _capital(tr(f"gap_{r['assessment']}")), ind,
            ])  # fmt: skip
        notes = self.notes(
            tr("annex_rounds_gaps", comparator=_in_sentence(comp), unit=tr("unit_pp"))
        )
        totals = tuple(i for i, r in enumerate(rows) if r[3] == tr("total"))
        return AnnexTable(
            "gap_changes", tr("progress_table"), notes, header, hxl, rows, totals,
            sheet_name(tr("sheet_rounds_gaps")), formats,
        )  # fmt: skip

    def change_table(self) -> AnnexTable | None:
        """Each group's estimates at the baseline and now (each with its n), the change, its
        interval and p, the engine's assessment."""
        tr = self.tr
        c = self.latest(self.rr.changes)
        if c.empty:
            return None
        n = {k: self.counts(k) for k in (0, len(self.rr.results) - 1)}
        header = [tr("criterion"), tr("col_indicator"), tr("col_group"), tr("col_breakdown"),
                  tr("col_level"), tr("col_unit_of_value")]  # fmt: skip
        hxl = ["#indicator+criterion", "#indicator+name", "#affected+idps+group",
               "#meta+disaggregation", "#meta+value", "#indicator+unit"]  # fmt: skip
        for rnd, tag in ((self.base, "baseline"), (self.last, "latest")):
            header += [*_value_headers(tr, rnd.label), self.of(rnd.label, "col_n")]
            hxl += [f"#indicator+value+{tag}", f"#meta+flag+{tag}", f"#meta+n+{tag}"]
        header += [*self.change_headers(), tr("col_assessment"), tr("col_indicator_id")]
        hxl += [*self.change_hxl(), "#meta+assessment", "#indicator+code"]
        rows: list[list[Cell]] = []
        formats: dict[tuple[int, int], str] = {}
        for r in self.ordered(c):
            ind = str(r["indicator_id"])
            crit, title, stat = self.indicator(ind)
            flag = str(r["flag"] or "")
            fmt = number_format(stat)
            formats.update({(len(rows), k): fmt for k in (6, 9, 12, 14, 15)})
            formats.update({(len(rows), k): COUNT_FORMAT for k in (8, 11)})
            formats.update({(len(rows), k): P_FORMAT for k in (16, 17)[: 1 + self.adjusted()]})
            key = (ind, str(r["group"]), str(r["disaggregation"]), str(r["disaggregation_value"]))
            hidden = flag == "suppressed"
            rows.append([
                crit, title, *self.where(r, ind), self.unit(ind, change=False),
                *pair(r["estimate_from"], flag, stat), None if hidden else n[0].get(key),
                *pair(r["estimate_to"], flag, stat),
                None if hidden else n[len(self.rr.results) - 1].get(key),
                *self.change_cells(r, flag, stat),
                _capital(tr(f"change_{r['assessment']}")), ind,
            ])  # fmt: skip
        notes = self.notes(tr("annex_rounds_changes", latest=self.last.label, unit=tr("unit_pp")))
        totals = tuple(i for i, r in enumerate(rows) if r[3] == tr("total"))
        return AnnexTable(
            "changes", tr("annex_rounds_changes_title"), notes, header, hxl, rows, totals,
            sheet_name(tr("sheet_rounds_changes")), formats,
        )  # fmt: skip

    def counts(self, k: int) -> dict[tuple[str, str, str, str], int]:
        """Round ``k``'s n of each published estimate (indicator, group, breakdown, category)."""
        est = self.rr.results[k].estimates
        out = {}
        for r in est.to_dict("records"):
            if pd.notna(r.get("n")):
                key = (str(r["indicator_id"]), str(r["group"]), str(r["disaggregation"]),
                       str(r["disaggregation_value"]))  # fmt: skip
                out[key] = int(r["n"])
        return out

    def solutions_table(self) -> AnnexTable | None:
        """The solutions measure's share at the baseline and now, the change (pp), its
        interval and p, the engine's assessment."""
        tr, ctx = self.tr, self.ctx
        s = self.latest(self.rr.solutions)
        if s.empty:
            return None
        header = [tr("solutions_method"), tr("col_group"), tr("col_breakdown"), tr("col_level")]
        hxl = ["#meta+method", "#affected+idps+group", "#meta+disaggregation", "#meta+value"]
        for rnd, tag in ((self.base, "baseline"), (self.last, "latest")):
            header += _value_headers(tr, self.of(rnd.label, "col_share") + " (%)")
            hxl += [f"#indicator+value+pct+{tag}", f"#meta+flag+{tag}"]
        change = tr("col_change") + f" ({tr('unit_pp')})"
        header += [*_value_headers(tr, change), self.of(change, "col_ci_low"),
                   self.of(change, "col_ci_high"), tr("col_p_raw"),
                   tr("col_assessment")]  # fmt: skip
        hxl += ["#indicator+value+change", "#meta+flag+change", "#indicator+value+change+low",
                "#indicator+value+change+high", "#meta+p", "#meta+assessment"]  # fmt: skip
        rows: list[list[Cell]] = []
        s = s.assign(indicator_id="", criterion="")
        for r in self.ordered(s):
            flag = str(r["flag"] or "")
            method = str(r["method"])
            rows.append([
                ctx.solutions_methods.get(method, method), *self.where(r),
                *pair(r["share_from"], flag, "proportion"),
                *pair(r["share_to"], flag, "proportion"),
                *self.change_cells(r, flag, "proportion")[:5],
                _capital(tr(f"change_{r['assessment']}")),
            ])  # fmt: skip
        pct = number_format("proportion")
        formats = self.formats(len(rows), {4: pct, 6: pct, 8: pct, 10: pct, 11: pct, 12: P_FORMAT})
        totals = tuple(i for i, r in enumerate(rows) if r[2] == tr("total"))
        notes = self.notes(tr("annex_rounds_solutions_note", unit=tr("unit_pp")))
        return AnnexTable(
            "solutions_change", tr("annex_rounds_solutions"), notes, header, hxl, rows, totals,
            sheet_name(tr("sheet_rounds_solutions")), formats,
        )  # fmt: skip

    def stock_table(self) -> AnnexTable | None:
        """The estimated number of displaced households at the baseline and now, the change,
        its interval and p (the engine publishes these counts unflagged)."""
        tr = self.tr
        st = self.latest(self.rr.stock)
        if st.empty:
            return None
        header = [tr("col_group"), self.of(self.base.label, "col_number_household"),
                  self.of(self.last.label, "col_number_household"), tr("col_change"),
                  self.of(tr("col_change"), "col_ci_low"), self.of(tr("col_change"), "col_ci_high"),
                  tr("col_p_raw")]  # fmt: skip
        hxl = ["#affected+idps+group", "#affected+idps+num+baseline", "#affected+idps+num+latest",
               "#affected+idps+num+change", "#affected+idps+num+change+low",
               "#affected+idps+num+change+high", "#meta+p"]  # fmt: skip
        recs = st.to_dict("records")
        recs.sort(
            key=lambda r: (
                self.groups.index(str(r["group"])) if str(r["group"]) in self.groups else 99
            )
        )
        rows: list[list[Cell]] = [
            [_group_label(tr, self.ctx, str(r["group"])),
             *(value(r[k], "", "total") for k in ("estimate_from", "estimate_to", "change",
                                                   "ci_low", "ci_high")),
             _p(r["p_value"], "")]
            for r in recs
        ]  # fmt: skip
        cols = {1: COUNT_FORMAT, 2: COUNT_FORMAT, 3: COUNT_FORMAT, 4: COUNT_FORMAT,
                5: COUNT_FORMAT, 6: P_FORMAT}  # fmt: skip
        notes = " ".join([self.compared(), tr("annex_rounds_stock_note")])
        return AnnexTable(
            "stock_change", tr("annex_rounds_stock"), notes, header, hxl, rows, (),
            sheet_name(tr("sheet_rounds_stock")), self.formats(len(rows), cols),
        )  # fmt: skip

    def round_tables(self) -> list[AnnexTable]:
        """Each round's indicators by group (value, flag, 95% CI, n), as the annex gives the
        report's own round."""
        out = []
        for k, (rnd, res) in enumerate(zip(self.rr.rounds, self.rr.results, strict=True), 1):
            t = indicator_table(res, self.ctx)
            t.id = f"indicators_round_{k}"
            t.title = self.tr("annex_round_indicators", round=rnd.label, date=rnd.date or "—")
            t.sheet = sheet_name(self.tr("sheet_round_indicators", round=rnd.label))
            out.append(t)
        return out
