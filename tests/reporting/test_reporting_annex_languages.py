"""The annex in the report's language (issue 20, finding 9: "headers in the report's language,
labels not codes"): sheet tabs named in the language with the stable id as a defined name, the
solutions headline's published bound instead of "*", and count columns that say what they count
(households or individuals) in the annex, the PDF and the Word report."""

from __future__ import annotations

import dataclasses
import re
import subprocess

import openpyxl
import pandas as pd
import pytest
from docx import Document
from reporting_fixture import make_results
from reporting_testkit import FIXED, sheets_by_id
from test_reporting_readers import _texts

from workbench.export_writer import AuditList, read_csv_text
from workbench.reporting import ReportOptions
from workbench.reporting.annex import export_annex
from workbench.reporting.annex_tables import _stock_sheet, annex_tables, stock_sheets
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator
from workbench.stats.results import STOCK_NOT_STATED
from workbench.stats.snapshot import StockTableText

LANGS = ("en", "fr", "es", "ar")


def _title_words(text: str) -> set[str]:
    return {w.casefold() for w in re.split(r"[\s()\[\],.…–]+", text) if w}


def _book(results, tmp_path, lang: str):
    path = tmp_path / f"annex-{lang}.xlsx"
    export_annex(results, path, {"language": lang}, audit=AuditList())
    return openpyxl.load_workbook(path)


@pytest.mark.slow
def test_annex_sheets_are_named_in_the_report_language(tmp_path):
    """Issue 20: every sheet tab read "indicators_by_group", "stock_sex_by_age", "solutions" in
    every language. Each tab is now named in the report's language (≤ 31 characters, none of
    []:*?/\\, unique), the table's id a defined name over its header and rows, an Arabic
    workbook right to left; the CSV files keep the ids as names."""
    r = make_results()
    books = {lang: _book(r, tmp_path, lang) for lang in LANGS}
    ids = {lang: sheets_by_id(wb) for lang, wb in books.items()}
    tables = annex_tables(r, build_context(r, ReportOptions()))
    assert list(ids["en"]) == [*(t.id for t in tables), "legend"]  # the legend sheet last
    assert ids["en"]["indicators_by_group"] == "Indicators by group"
    assert ids["en"]["solutions"] == "Solutions measure"
    assert ids["fr"]["indicators_by_group"] == "Indicateurs par groupe"
    assert ids["fr"]["stock_sex_by_age"].startswith("Effectif 1 – Sexe")
    assert ids["ar"]["solutions"] == "مقياس الحلول"
    for lang, wb in books.items():
        assert set(ids[lang]) == set(ids["en"]), lang
        assert sorted(ids[lang].values()) == sorted(wb.sheetnames), lang  # every sheet has its id
        names = wb.sheetnames
        assert len({n.lower() for n in names}) == len(names), names
        for n in names:
            assert len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n), n
            assert n not in ids[lang], (lang, n)  # never the id itself
        for ws in wb:
            assert bool(ws.sheet_view.rightToLeft) == (lang == "ar"), (lang, ws.title)
            header = next(ws.iter_rows(min_row=3, max_row=3, values_only=True))
            key = next(k for k, s in ids[lang].items() if s == ws.title)
            (_sheet, ref), *_ = wb.defined_names[key].destinations
            assert ref.startswith("$A$3:"), ref  # the named range starts at the header
            assert header[0], ws.title
            if not key.startswith("stock_"):  # issue 20: the title's words ("Breakdowns" was
                # not one of "Indicators by breakdown (…)", "المقارنات" not of "مقارنة …")
                title = _title_words(str(ws["A1"].value))
                assert _title_words(ws.title) <= title, (lang, ws.title, ws["A1"].value)
        if lang != "en":  # no sheet of a French, Spanish or Arabic workbook keeps the English name
            for key, sheet in ids[lang].items():
                assert sheet != ids["en"][key], (lang, key, sheet)
    files = export_annex(r, tmp_path / "csv", {"language": "fr"}, audit=AuditList())
    assert "annex-stock_sex_by_age.csv" in {p.name for p in files}  # the ids, for scripts


def _bounded():
    """The fixture with the headline method's all-displaced share withheld and published as
    an upper bound (the engine's ``share_below``, stats.suppression.headline_bounds)."""
    r = make_results()
    sol = r.solutions.assign(suppression="", share_below=float("nan"))
    cell = (sol["method"] == sol["method"].iloc[0]) & (sol["disaggregation"] == "total")
    cell &= sol["group"] == "all_displaced"
    sol.loc[cell, ["flag", "suppression"]] = ["suppressed", "complementary"]
    sol.loc[cell, "share_below"] = 0.005
    r.solutions = sol
    return r


@pytest.mark.slow
def test_the_annex_publishes_the_bound_the_report_shows(tmp_path):
    """Issue 20: the report prints the IRIS headline as "< 0.5%", the annex's solutions sheet
    and CSV printed "*" for the same cell. The value stays empty, its flag column carries the
    mark "<" and the bound column the bound, a number (rd16: "< 0.5" as text in the flag
    column was lost to a reader sorting the shares), explained on the legend sheet, in the
    workbook and both CSV copies."""
    r = _bounded()
    for lang, flag, words in (
        ("en", "<", "the exact share is not published"),
        ("fr", "<", "la part exacte n’est pas publiée"),
        ("ar", "أقل من", "لا تُنشر النسبة الدقيقة"),
    ):
        wb = _book(r, tmp_path, lang)
        ws = wb[sheets_by_id(wb)["solutions"]]
        rows = list(ws.iter_rows(values_only=True))
        legend = {x[0]: x[1] for x in wb[sheets_by_id(wb)["legend"]].iter_rows(values_only=True)}
        assert words in legend[flag].lower(), legend
        total = Translator(lang)("total")
        everyone = Translator(lang)("all_displaced")
        row = next(x for x in rows[3:] if x[1] == everyone and x[2] == total)
        assert row[4:9] == (None, flag, 0.5, None, None), row  # no value, no interval: the bound
        others = [x[5] for x in rows[3:] if x is not row]
        assert flag not in others  # only the engine's bounded cell
    folder = tmp_path / "csv"
    export_annex(r, folder, {"language": "fr"}, audit=AuditList())
    for name, delimiter, bound in (
        ("annex-solutions.csv", ",", "0.5"),
        ("annex-solutions.semicolon.csv", ";", "0,5"),
    ):
        rows = read_csv_text((folder / name).read_bytes(), delimiter)
        row = next(x for x in rows[1:] if x[1] == "Ensemble des déplacés" and x[2] == "Total")
        assert row[4:9] == ["", "<", bound, "", ""], (name, row)


def _count_headers(lang: str) -> tuple[str, str]:
    tr = Translator(lang)
    return tr("col_number_household"), tr("col_number_individual")


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_count_columns_say_what_they_count(lang):
    """Issue 20: the solutions tables' and the stock tables' "Estimated number" never said
    households or people. The solutions measure counts households (stats.solutions.UNIT), each
    stock table the unit its plan gives it: the PDF/Word tables' headers and the annex say so."""
    from workbench.reporting.build import gate
    from workbench.reporting.pdf_sections import Builder
    from workbench.reporting.pdf_text import make_styles

    households, individuals = _count_headers(lang)
    assert households != individuals and households != Translator(lang)("col_count")
    r = with_stock_units(make_results())
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
    ctx, _views, _v = gate(r, opts)
    units = set(ctx.stock_units.values())
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    texts = _texts(b.solutions())
    assert households in texts  # the solutions headline table
    if "individual" in units:
        assert individuals in texts  # a stock table of people
    tables = {t.id: t for t in annex_tables(r, ctx)}
    assert Translator(lang)("annex_flag_of", label=households) in tables["solutions"].header
    assert households in tables["solutions"].header
    for t in tables.values():
        if t.id.startswith("stock_"):
            unit = ctx.stock_units[t.id.removeprefix("stock_")]
            assert t.notes.startswith(Translator(lang)(f"universe_unit_{unit}")), t.notes
    one_way = tables["stock_location_type"]  # a one-way table of households: its one count
    assert one_way.header[2:4] == [households, Translator(lang)("annex_flag_of", label=households)]


def with_stock_units(r):
    """The fixture's stock tables as a plan gives them (the snapshot's texts): each a table of
    individuals, the location type one of households."""
    st = r.stock.drop_duplicates("table")
    texts = tuple(
        StockTableText(
            str(t.table), {}, "household" if t.table == "location_type" else "individual",
            str(t.row_var), str(t.col_var or "") or None,
        )
        for t in st.itertuples()
    )  # fmt: skip
    texts = dataclasses.replace(r.snapshot.texts, stock_tables=texts)
    r.snapshot = dataclasses.replace(r.snapshot, texts=texts)
    return r


def test_the_report_and_its_word_copy_name_the_unit_of_counts(en_report):
    """The rendered English report (PDF text) and its Word copy (table headers) say
    "Estimated number of households" over the solutions table."""
    households, _individuals = _count_headers("en")
    text = subprocess.run(
        ["pdftotext", "-layout", str(en_report), "-"], capture_output=True, text=True, check=True
    ).stdout
    # the header cell wraps: "Estimated number" over "of households", under its column
    assert re.search(r"Estimated number[^\n]*\n\s*of households", text), text[:2000]
    doc = Document(str(en_report.with_suffix(".docx")))
    heads = {c.text.strip() for t in doc.tables for c in t.rows[0].cells}
    assert households in heads, sorted(h for h in heads if "number" in h.lower())


def test_the_results_file_says_it_is_machine_readable_in_the_users_language(tmp_path):
    """The results workbook (freedonia-results.xlsx) is the machine-readable export: its sheet
    and column names and codes stay ids in every language (scripts rely on them), and its meta
    sheet now says so in the user's language and points to the annex for labelled tables; it
    said nothing (only "copy: publishable: …", in English)."""
    from workbench.stats.export import results_files

    r = make_results()
    for lang, words in (
        ("en", "Machine-readable export"),
        ("fr", "Export lisible par machine"),
        ("es", "Exportación legible por máquina"),
        ("ar", "ملف مُعدّ للقراءة الآلية"),
    ):
        path = tmp_path / f"results-{lang}.xlsx"
        path.write_bytes(results_files(r, path, language=lang)[0].data)
        wb = openpyxl.load_workbook(path)
        assert wb.sheetnames == ["estimates", "comparisons", "criteria_summary", "solutions",
                                 "stock", "meta"]  # fmt: skip
        meta = dict(list(wb["meta"].iter_rows(values_only=True))[1:3])
        assert meta["copy"].startswith("publishable")
        assert meta["about"].startswith(words) and "-annex.xlsx" in meta["about"], meta


@pytest.mark.parametrize("lang", ("en", "fr", "ar"))
def test_only_the_current_district_is_called_current(lang):
    """fr_B 4, ar_B 1: the cause × year sheet's rows read "Cause du déplacement de résidence" /
    "سبب النزوح (مكان الإقامة الحالي)" — "Not stated", a level of cause and of year alike, made the
    table look like district × origin. Only the district × origin table's rows say "current"."""
    r = make_results()
    st = r.stock
    extra = st[(st["table"] == "cause_by_year") & (st["row_value"] == "Disaster")]
    r.stock = pd.concat([st, extra.assign(row_value=STOCK_NOT_STATED)], ignore_index=True)
    ctx = build_context(r, ReportOptions(language=lang))
    tr = Translator(lang)
    heads = {t.id: t.header[1] for t in annex_tables(r, ctx) if t.id.startswith("stock_")}
    marked = tr("annex_current_level", label="X", label_lower="x").replace("X", "").replace("x", "")
    assert marked.strip() in heads["stock_location_by_origin"], heads
    for tid, head in heads.items():
        if tid != "stock_location_by_origin":
            assert marked.strip() not in head, (tid, head)


@pytest.mark.parametrize("lang", ("en", "fr", "ar"))
def test_a_bounded_shares_number_has_the_reports_one_mark(lang):
    """en_B 4: the solutions sheet's number flag was "(*)" for some groups and "*" for others
    whose share is published as a bound alike (n 266 vs 286). Every number beside a bound is
    "(*)", as the report's solutions table prints it and its note says ("withheld (*) where
    the share is published only as an upper bound")."""
    r = _bounded()
    sol = r.solutions
    primary = (sol["method"] == sol["method"].iloc[0]) & (sol["disaggregation"] != "total")
    primary &= (sol["group"] == "1") & (sol["flag"] != "suppressed")
    first = sol.index[primary][0]  # withheld for its own sake (not a complement), bounded
    sol.loc[first, ["flag", "suppression", "share_below"]] = ["suppressed", "", 0.005]
    r.solutions = sol
    table = next(
        t
        for t in annex_tables(r, build_context(r, ReportOptions(language=lang)))
        if t.id == "solutions"
    )
    bounded = [
        row
        for row in table.rows
        if row[4] is None and str(row[5]).strip()[:1] not in ("", "*", "(")
    ]
    assert len(bounded) >= 2, table.rows
    for row in bounded:
        assert row[10:13] == [None, "(*)", None], row


@pytest.mark.parametrize(
    ("lang", "dims", "setting"),
    [
        ("en", ("Sex", "Age group", "Location type", "Urban / rural"), "Area"),
        ("fr", ("Sexe", "Groupe d'âge", "Type de lieu", "Urbain / rural"), "Milieu"),
        ("es", ("Sexo", "Grupo de edad", "Tipo de lugar", "Urbano / rural"), "Ámbito"),
        ("ar", ("الجنس", "الفئة العمرية", "نوع المكان", "حضري / ريفي"), "البيئة"),
    ],
)
def test_stock_sheets_have_one_pattern_and_the_reports_words(lang, dims, setting):
    """fr_B 6, ar_B 6: "Effectif 5 – Lieu×Urbain-rural", "النازحون 1–الجنس×الفئة العمرية" beside
    "Effectif 2 – District × Origine": one pattern "Stock N – A × B" (≤ 31 characters) wherever
    the report's words fit it. rd17: "Stock 5–Location × Urban-rural" closed up its dash and
    wrote "Urban-rural", words the report has nowhere: "Urban / rural" (a "/" no sheet takes) is
    named by the report's own noun for it, "area (urban / rural)" → "Area" (« milieu », «
    ámbito », « البيئة »); where the words cannot fit the pattern, the dash, then the "×", close
    up — last."""
    assert Translator(lang)("phrase:Urban / rural").lower().startswith(setting.lower())
    tr = Translator(lang)
    spaced = re.compile(r"^\S+ \d – \S.* × \S.*$")
    tight = re.compile(r"^\S+ \d( – |–)\S.*( × |×)\S.*$")
    names = [_stock_sheet(tr, 1, list(dims[:2])), _stock_sheet(tr, 5, list(dims[2:]))]
    assert re.search(f" × {setting}$", names[1]) and spaced.match(names[1]), names
    for name in names:
        assert tight.match(name) and len(name) <= 31 and "\u2215" not in name, name
        if not spaced.match(name):  # closed up only where the spaced name is too long
            opened = re.sub(r"\s*×\s*", " × ", re.sub(r"\s*–\s*", " – ", name, count=1))
            assert len(opened) > 31, name
    r = make_results()
    for name in stock_sheets(r.stock, build_context(r, ReportOptions(language=lang))).values():
        assert spaced.match(name) or "×" not in name, name


@pytest.mark.parametrize("lang", ("en", "fr", "ar"))
def test_comparisons_assessments_are_the_reports_words(lang):
    """ar_B 2: the Comparisons sheet's "فرق ذو دلالة إحصائية" was read as a phrase the report
    lacks — the report's table prints it too, wrapped over two lines ("فرق ذو" / "دلالة
    إحصائية"). Every assessment the sheet gives is a cell of the report's own tables."""
    from workbench.reporting.views import build_views

    r = make_results()
    ctx = build_context(r, ReportOptions(language=lang))
    tr = Translator(lang)
    printed = set()
    for view in build_views(r.publishable(), ctx).values():
        if view.table.compared:
            at = view.table.header.index(tr("col_assessment"))
            printed |= {row[at] for row in view.table.rows}
    table = next(t for t in annex_tables(r.publishable(), ctx) if t.id == "comparisons")
    at = table.header.index(tr("col_assessment"))
    assessed = {row[at] for row in table.rows}
    assert assessed and assessed <= printed, assessed - printed
