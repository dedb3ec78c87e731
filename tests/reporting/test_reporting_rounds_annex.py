"""The rounds annex beside the annex (issue 20, "Annex files: internal codes and untranslated
headers", as readers of a French or Arabic rounds report met it): the ``-rounds`` workbook and
CSVs are labelled as the annex is — sheets named in the report's language (ids as defined
names), headers in the language, labels never codes, numbers as numbers with a flag column,
suppressed values absent exactly where the coded publishable export blanks them, Arabic sheets
right to left, a semicolon copy of every CSV and a legend — on the golden panel rounds."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from reporting_testkit import sheets_by_id
from test_reporting_progress import golden_rounds

from workbench.export_writer import read_csv_text
from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.fmt import round_share
from workbench.reporting.i18n import Translator
from workbench.reporting.progress_annex import rounds_annex_files
from workbench.stats.rounds import RoundsResults

IDS = {"gap_changes", "changes", "stock_change", "indicators_round_1", "indicators_round_2"}
SHEETS = {
    "en": ("Changes in the gaps", "Changes by group", "IDP stock change"),
    "fr": ("Évolution des écarts", "Évolution par groupe", "Évolution – personnes déplacées"),
    "ar": ("التغيرات في الفجوات", "التغيرات حسب المجموعة", "تغير عدد النازحين"),
}
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


@pytest.fixture(scope="module")
def rr() -> RoundsResults:
    return golden_rounds()


def _export(rr: RoundsResults, lang: str, folder: Path, ctx=None) -> list[Path]:
    ctx = ctx or build_context(rr.results[-1], ReportOptions(language=lang))
    files = rounds_annex_files(rr, ctx, [folder / "annex.xlsx", folder / "annex.csv"])
    for f in files:
        f.path.write_bytes(f.data)
    return [f.path for f in files]


def _rows(ws) -> tuple[list[str], list[tuple]]:
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    return [str(h) for h in rows[0]], rows[1:]


def _codes(rr: RoundsResults) -> set[str]:
    """Every engine code a label cell must not show."""
    g = rr.gap_changes
    return {
        *g["indicator_id"].astype(str), *g["group"].astype(str), *g["comparator"].astype(str),
        *g["disaggregation"].astype(str), *g["assessment"].astype(str),
        *rr.changes["assessment"].astype(str), "all_displaced", "total", "suppressed", "caution",
    }  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_rounds_annex_is_labelled_in_the_report_language(
    rr: RoundsResults, tmp_path: Path, lang: str
) -> None:
    paths = _export(rr, lang, tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "annex-rounds.xlsx")
    ids = sheets_by_id(wb)
    assert set(ids) == IDS | {"legend"}  # the marks on their own sheet
    assert (ids["gap_changes"], ids["changes"], ids["stock_change"]) == SHEETS[lang]
    assert sorted(ids.values()) == sorted(wb.sheetnames)
    codes = _codes(rr)
    tr = Translator(lang)
    for ws in wb:
        print(ws.title, *list(ws.iter_rows(min_row=3, max_row=5, values_only=True)), sep="\n  ")
        assert ws.title not in IDS and not SNAKE.search(ws.title), ws.title
        assert bool(ws.sheet_view.rightToLeft) == (lang == "ar"), ws.title
        header, rows = _rows(ws)
        for h in header:  # headers in the language: no column id ("estimate", "se", "ci_low")
            assert not SNAKE.search(h) and h not in {"estimate", "se", "change", "group"}, h
        keep = header.index(tr("col_indicator_id")) if tr("col_indicator_id") in header else -1
        for row in rows:
            for i, cell in enumerate(row):
                if isinstance(cell, str) and i != keep:  # the ID column is for scripts
                    assert cell not in codes and not SNAKE.search(cell), (ws.title, header[i])
        if ws.title in SHEETS[lang][:2]:  # the changes: a number where published
            change = header.index(tr("col_change"))
            values = [r[change] for r in rows if r[change + 1] != "*"]
            assert values and all(isinstance(v, int | float) for v in values), ws.title
    names = {p.name for p in paths}
    for i in IDS | {"legend"}:  # each CSV table twice (comma, semicolon) and a legend
        assert {f"annex-rounds-{i}.csv", f"annex-rounds-{i}.semicolon.csv"} <= names, i
    semi = read_csv_text((tmp_path / "annex-rounds-stock_change.semicolon.csv").read_bytes(), ";")
    assert len(semi[0]) == 7 and semi[0][0] == tr("col_group")  # header in the language
    assert re.fullmatch(r"0,\d+", semi[1][6]), semi[1]  # p, with a decimal comma


def test_rounds_annex_suppresses_what_the_engine_suppresses(
    rr: RoundsResults, tmp_path: Path
) -> None:
    """A change the engine suppressed is absent (change, interval, p, the rounds' values, n)
    and flagged "*"; every published change is the coded publishable export's, rounded as
    the report prints it."""
    _export(rr, "en", tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "annex-rounds.xlsx")
    ids = sheets_by_id(wb)
    pub = rr.publishable()
    stat = {"y_prop": "proportion", "y_mean": "mean", "y_total": "total", "y_ratio": "ratio"}
    for key, table in (("gap_changes", pub.gap_changes), ("changes", pub.changes)):
        header, rows = _rows(wb[ids[key]])
        change, ind = header.index("Change"), header.index("Technical ID (for scripts)")
        t = table[table["round_to"] == rr.rounds[-1].label]
        hidden = [r for r in rows if r[change + 1] == "*"]
        assert len(rows) == len(t) and len(hidden) == (t["flag"] == "suppressed").sum() > 0
        for r in hidden:  # nothing but labels, flags and the (empty) assessment's word
            assert all(v is None or isinstance(v, str) for v in r), r
            assert r[header.index("Assessment")] == "Insufficient data"
        shown = sorted(
            (r[ind], r[change]) for r in rows if r[change + 1] != "*" and r[change] is not None
        )
        coded = sorted(
            (i, round_share(x, stat[i]))
            for i, x, f in zip(t["indicator_id"], t["change"], t["flag"], strict=True)
            if f != "suppressed" and pd.notna(x)
        )
        assert shown == coded, key


def test_rounds_annex_solutions_change(rr: RoundsResults, tmp_path: Path) -> None:
    """The solutions measure's change by its method's name and the groups' labels, shares
    and the change in %/pp as numbers, a suppressed share absent and flagged."""
    last, base = rr.rounds[-1].label, rr.rounds[0].label
    sol = pd.DataFrame(
        {
            "method": "iris_layered", "group": ["1", "2", "all_displaced"],
            "disaggregation": "total", "disaggregation_value": "total",
            "share_from": [0.2, 0.3, 0.25], "share_to": [0.31, 0.35, 0.33],
            "change": [0.11, 0.05, 0.08], "se_change": 0.03, "ci_low": [0.05, -0.01, 0.02],
            "ci_high": [0.17, 0.11, 0.14], "p_value": [0.001, 0.1, 0.01],
            "assessment": ["improved", "insufficient_data", "improved"],
            "flag": ["", "suppressed", "caution"], "round_from": base, "round_to": last,
        }
    )  # fmt: skip
    with_sol = dataclasses.replace(rr, solutions=sol)
    ctx = build_context(rr.results[-1], ReportOptions(language="fr"))
    ctx = dataclasses.replace(ctx, solutions_methods={"iris_layered": "IRIS (par niveaux)"})
    _export(with_sol, "fr", tmp_path, ctx)
    wb = openpyxl.load_workbook(tmp_path / "annex-rounds.xlsx")
    ws = wb[sheets_by_id(wb)["solutions_change"]]
    assert ws.title == "Évolution – solutions"
    header, rows = _rows(ws)
    assert header[:4] == ["Méthode", "Groupe de population", "Ventilation", "Catégorie"]
    assert [r[:3] for r in rows] == [
        ("IRIS (par niveaux)", "Camps [en]", "Total"),
        ("IRIS (par niveaux)", "Outside camps [en]", "Total"),
        ("IRIS (par niveaux)", "Ensemble des déplacés", "Total"),
    ]
    assert rows[0][4:10] == (20.0, None, 31.0, None, 11.0, None)
    assert rows[1][4:13] == (None, "*", None, "*", None, "*", None, None, None)
    assert rows[2][9] == "†" and rows[2][8] == 8.0
    improved = Translator("fr")("change_improved")
    assert [r[-1] for r in rows] == [
        improved.capitalize(),
        "Données insuffisantes",
        improved.capitalize(),
    ]


def test_rounds_annex_beside_an_annex_folder_with_hxl(rr: RoundsResults, tmp_path: Path) -> None:
    """An annex folder gets its rounds tables inside it (the coded copy refused a path without
    a suffix), and with HXL each table's hashtag row has a tag for every column."""
    ctx = build_context(rr.results[-1], ReportOptions(language="ar"))
    folder = tmp_path / "csv"
    files = rounds_annex_files(rr, ctx, [folder], hxl=True)
    assert {f.path.parent for f in files} == {folder}
    by_name = {f.path.name: f.data for f in files}
    for i in IDS:
        rows = read_csv_text(by_name[f"annex-rounds-{i}.hxl.csv"])
        assert len(rows[0]) == len(rows[1]) and all(t.startswith("#") for t in rows[1]), i
        assert rows[0][0] != rows[1][0] and not SNAKE.search(rows[0][0]), i
    assert "annex-rounds-legend.semicolon.csv" in by_name
