"""The annex as page-by-page readers met it (rd12: en_B 8 and 13, fr_B 7–9, ar_B 9–10): a count
the report marks ‡ says so in its flag column, sheet names are never cut with "…" and the
report's ‡ notes name sheets that exist, the district × origin table says which is which, its
HXL tags say origin and returnees, the HXL files are written once, and the units are the
report's."""

from __future__ import annotations

import dataclasses
import json
import re

import openpyxl
import pytest
from reporting_fixture import make_results
from reporting_testkit import sheets_by_id
from test_reporting_stock_idps import _results

from workbench.export_writer import AuditList, read_csv_text
from workbench.paths import library_dir
from workbench.reporting import ReportOptions
from workbench.reporting.annex import annex_outputs, export_annex
from workbench.reporting.annex_tables import (
    _group_label,
    _stock_sheet,
    annex_tables,
    stock_sheets,
)
from workbench.reporting.context import build_context
from workbench.reporting.fmt import NO_INTERVAL_REASONS
from workbench.reporting.i18n import Translator
from workbench.reporting.table_notes import no_interval_note
from workbench.stats.results import STOCK_TOTAL

LANGS = ("en", "fr", "es", "ar")
#: the demo's stock tables' dimensions, as its annex headers and the report's tables print them
DEMO_DIMS = {
    "en": [("Sex", "Age group (IRIS)"), ("District", "District of origin"),
           ("Cause of displacement", "Year of displacement"),
           ("Years since displacement", "Sex"), ("Location type", "Urban / rural")],
    "fr": [("Sexe", "Groupe d'âge (IRIS)"), ("District", "District d'origine"),
           ("Cause du déplacement", "Année du déplacement"),
           ("Années depuis le déplacement", "Sexe"), ("Type de lieu", "Urbain / rural")],
    "es": [("Sexo", "Grupo de edad (IRIS)"), ("Distrito", "Distrito de origen"),
           ("Causa del desplazamiento", "Año del desplazamiento"),
           ("Años desde el desplazamiento", "Sexo"), ("Tipo de lugar", "Urbano / rural")],
    "ar": [("الجنس", "الفئة العمرية (IRIS)"), ("المنطقة", "المنطقة الأصلية"),
           ("سبب النزوح", "سنة النزوح"), ("السنوات منذ النزوح", "الجنس"),
           ("نوع المكان", "حضري / ريفي")],
}  # fmt: skip


def _words(text: str) -> set[str]:
    """A text's words as compared: folded, without a French elision, split at spaces, "×",
    dashes, slashes (a division slash too), brackets and the sheet's number."""
    parts = re.split(r"[\s×–\-/\u2215()\[\],.…:\d]+", text)
    return {re.sub(r"^[dl]['’]", "", w.casefold()) for w in parts if w}


def _stock_cells(table, results):
    """(row of the annex table, its value column) → the engine's stock record."""
    st = results.stock
    part = st[st["table"].astype(str) == table.id.removeprefix("stock_")]
    return part.to_dict("records")


def test_a_count_published_without_interval_says_so_in_its_flag():
    """ar_B 10, fr_B 8: a count the report prints with ‡ (no interval) had only "†", or
    nothing, in the annex's flag column and blank interval cells: its ‡ was learnt from the
    long note only. The flag column holds "‡" ("†‡" with a caution) wherever the report
    prints it, the interval stays blank, the standard error is there; the notes explain ‡."""
    r = make_results()
    pub = r.publishable()
    ctx = build_context(r, ReportOptions())
    tr = Translator("en")
    marked = 0
    for t in annex_tables(pub, ctx):
        if not t.id.startswith("stock_"):
            continue
        head = t.header
        for rec in _stock_cells(t, pub):
            group = _group_label(tr, ctx, str(rec["group"]))
            if str(rec["col_value"] or "") in ("", STOCK_TOTAL):
                continue
            row_label = ctx.level(str(rec["row_var"]), str(rec["row_value"])).shown()
            if rec["row_value"] == STOCK_TOTAL:
                row_label = tr("total")
            row = next((x for x in t.rows if x[0] == group and x[1] == row_label), None)
            level = ctx.level(str(rec["col_var"]), str(rec["col_value"])).shown()
            at = next((j for j, h in enumerate(head) if h == level or h.endswith(f": {level}")))
            value, flag, se, low, high = row[at : at + 5]
            without = str(rec.get("no_interval") or "") in NO_INTERVAL_REASONS
            if without and value is not None:
                marked += 1
                assert flag.endswith("‡") and flag in ("‡", "†‡"), (t.id, row[:2], level, flag)
                assert low is None and high is None and se is not None
            else:
                assert "‡" not in (flag or ""), (t.id, row[:2], level, flag)
        # the notes explain ‡ where a cell of the table carries it, only there (rd18)
        carries = any(isinstance(c, str) and "‡" in c for x in t.rows for c in x)
        assert (tr("annex_no_interval") in t.notes) == carries, t.id
    assert marked  # the fixture has such counts


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_names_fit_without_an_ellipsis(lang):
    """fr_B 7, en_B 8: the stock sheets were "Stock 2 – District…", "Effectif 3 – Cause… ×
    Année…", and the report's ‡ notes sent readers to these cut names. The names fit Excel's
    31 characters whole, in every language: the words the dimensions share go first
    ("District × District of origin" → "District × Origin")."""
    tr = Translator(lang)
    names = [_stock_sheet(tr, i, list(d)) for i, d in enumerate(DEMO_DIMS[lang], start=1)]
    for name in names:
        assert len(name) <= 31 and "…" not in name and not re.search(r"[\[\]:*?/\\]", name), name
    assert len(set(names)) == len(names)
    expected = {
        "en": ["Stock 2 – District × Origin", "Stock 3 – Cause × Year"],
        "fr": ["Effectif 2 – District × Origine", "Effectif 3 – Cause × Année"],
        "es": ["Población 2 – Distrito × Origen", "Población 3 – Causa × Año"],
        "ar": ["النازحون 2 – المنطقة × المنشأ", "النازحون 3 – سبب × سنة"],  # not "× الأصلية"
    }[lang]
    assert names[1:3] == expected


@pytest.mark.parametrize("lang", LANGS)
def test_demo_stock_sheets_are_named_in_the_reports_words(lang):
    """Issue 20: the demo's urban/rural sheet was "Stock 5 – Location × Setting" (fr "Lieu ×
    Milieu", es "Lugar × Ámbito"), a word the report never prints, because "… × Urban/rural"
    passed Excel's 31 characters. A stock sheet's name is now made of the words of its table's
    dimensions as the report's header prints them (and the catalogue's "Stock N –"), only
    shortened: every name ≤ 31 characters, valid, unique, and each of its words one of the
    report's. The Arabic short forms (``SHORTER``: "العمر", "المنشأ") are words the Arabic
    report prints itself ("مكان المنشأ", "العمر")."""
    from workbench.reporting.annex_tables import SHORTER
    from workbench.reporting.context import after_by
    from workbench.reporting.i18n import CATALOG_DIR

    tr = Translator(lang)
    names = [_stock_sheet(tr, i, list(d)) for i, d in enumerate(DEMO_DIMS[lang], start=1)]
    assert len({n.casefold() for n in names}) == len(names), names
    catalogue = json.loads((CATALOG_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    prefix = _words(catalogue["sheet_stock"].format(number=1, dims=""))
    printed = {  # the report's own texts (no sheet name among them) and the definitions of
        # the indicator library it prints
        w
        for k, v in catalogue.items()
        if not k.startswith("sheet_")
        for w in _words(v)
    }
    for path in library_dir().glob("indicators/*.toml"):
        said = re.findall(rf'\b{lang} = "([^"]*)"', path.read_text(encoding="utf-8"))
        printed |= {w for text in said for w in _words(text)}
    short = {w for v in SHORTER.values() for w in _words(v)} if lang == "ar" else set()
    assert short <= printed, short - printed
    for name, dims in zip(names, DEMO_DIMS[lang], strict=True):
        assert len(name) <= 31 and not re.search(r"[\[\]:*?/\\…]", name), name
        # and a dimension's phrase as the report prints it after "by" (rd17: "Urban / rural" is
        # "area (urban / rural)" there, so the sheet says "Area", not "Urban-rural")
        phrases = {w for d in dims for w in _words(after_by(d, tr))}
        said = prefix | _words(" ".join(dims)) | short | phrases
        assert _words(name) <= said, (name, _words(name) - said)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_report_notes_name_sheets_that_exist(tmp_path, lang):
    """The report's ‡ note names the annex sheet of each stock table ("freedonia-annex.xlsx,
    sheet “…”"): every sheet it names is in the workbook, whole."""
    r = make_results()
    path = tmp_path / "annex.xlsx"
    export_annex(r, path, {"language": lang}, audit=AuditList())
    wb = openpyxl.load_workbook(path)
    assert not any("…" in name for name in wb.sheetnames), wb.sheetnames
    ctx = build_context(r, ReportOptions(language=lang, annex_paths=(path,)))
    tr = Translator(lang)
    ids = sheets_by_id(wb)
    for tid, sheet in stock_sheets(r.publishable().stock, ctx).items():
        note = no_interval_note(tr, ctx, r.publishable().stock, tid)
        named = re.findall(r"[“«](.+?)[”»]", note)
        assert named and all(n.strip("\u00a0\u202f ") in wb.sheetnames for n in named), note
        assert ids[f"stock_{tid}"] == sheet


@pytest.mark.slow
def test_district_by_origin_says_which_is_which_and_hxl_says_origin_and_returnees(tmp_path):
    """en_B 8: "Stock 2" had rows headed "District" and columns "Alvora", "Bendeki"… saying
    nothing of origin; its HXL tagged them "+alvora" (read as the current district) and the
    returnees "idps_3". The row label is "Current district", the columns "District of origin:
    …", the HXL attributes "origin_…" (lowercase letters, digits, "_", from a letter) and the
    returnees "+returnees"."""
    r, _alone = _results()  # the engine's IDPs alone: groups 1 and 2, so 3 are the returnees
    folder = tmp_path / "csv"
    export_annex(r, folder, {"hxl": True}, audit=AuditList())
    hxl = read_csv_text((folder / "annex-stock_location_by_origin.hxl.csv").read_bytes())
    header, tags = hxl[0], hxl[1]
    assert header[1] == "Current district"
    origins = [h for h in header[2:] if not h.endswith(("flag", "error", "low", "high", ": n"))]
    ctx = build_context(r, ReportOptions())
    origin = ctx.disaggregations["origin"].shown()  # the plan's label ("origin" in the fixture)
    assert origins[:3] == [f"{origin}: Origin {x}" for x in "ABC"], origins
    assert tags[2].startswith("#affected+idps+num+origin_origin_a"), tags[2]
    for name in folder.glob("*.hxl.csv"):
        for tag in read_csv_text(name.read_bytes())[1]:
            hashtag, *attributes = tag.split("+")
            assert re.fullmatch(r"#[a-z][a-z0-9_]*", hashtag), (name.name, tag)
            assert all(re.fullmatch(r"[a-z][a-z0-9_]*", a) for a in attributes), (name.name, tag)
    ind = read_csv_text((folder / "annex-indicators_by_group.hxl.csv").read_bytes())[1]
    assert "#indicator+value+returnees" in ind and not any("idps_3" in t for t in ind)
    assert "#indicator+value+idps_1" in ind and "#indicator+value+host" in ind
    sol = read_csv_text((folder / "annex-solutions.hxl.csv").read_bytes())[1]
    assert sol[1] == "#affected+group"  # its rows are every group, not IDPs


@pytest.mark.slow
def test_hxl_files_are_written_once(tmp_path):
    """fr_B 9, ar_B 9: with a workbook and a CSV folder (the demo), each HXL file was written
    twice, byte-identical, beside the workbook and in the folder. Once, in the folder; beside
    the workbook only when no CSVs are written."""
    r = make_results()
    ctx = build_context(r, ReportOptions())
    book, folder = tmp_path / "freedonia-annex.xlsx", tmp_path / "freedonia-annex-csv"
    files = annex_outputs(r, ctx, (book, folder), hxl=True)
    hxl = [f.path for f in files if f.path.name.endswith(".hxl.csv")]
    assert hxl and all(p.parent == folder for p in hxl), hxl
    assert len({p.name for p in hxl}) == len(hxl) == len(annex_tables(r.publishable(), ctx))
    alone = annex_outputs(r, ctx, (book,), hxl=True)
    assert {f.path.parent for f in alone if f.path.name.endswith(".hxl.csv")} == {tmp_path}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_units_are_the_reports_and_n_says_what_it_counts(lang):
    """fr_B 8: the Unit column said "Personnes" where the report says "Unité : individus"; and
    for a count of separated family members (people) n counts households — the report heads
    it "n (ménages)" — but the annex gave no word, so n = 150 read as 150 people. The unit
    is the report's word, and a "Unit of n" column says what each n counts."""
    r = make_results()
    ctx = build_context(r, ReportOptions(language=lang))
    tr = Translator(lang)
    info = ctx.indicators["family_separated"]
    ctx.indicators["family_separated"] = dataclasses.replace(
        info, statistic="total", counts="individual"
    )  # people counted, households sampled (n)
    table = annex_tables(r.publishable(), ctx)[0]
    unit, n_unit = table.header.index(tr("col_unit")), table.header.index(tr("col_n_unit"))
    word = {"en": ("Individuals", "Households"), "fr": ("Individus", "Ménages")}[lang]
    assert tr("universe_unit_individual").split()[-1].lower() == word[0].lower()
    rows = {row[-1]: row for row in table.rows}
    assert rows["family_separated"][unit] == word[0]
    assert rows["family_separated"][n_unit] == word[1]
    assert all(row[unit] == row[n_unit] for k, row in rows.items() if k != "family_separated")


def test_the_two_way_location_table_is_titled_by_both_its_dimensions():
    """The demo's "Displaced population by location type (camp / non-camp)" headed a table of
    location type × urban / rural (and its annex sheet's title row): a plan's two-way stock
    table names both its dimensions, in the bundled plans and what auto-suggest writes."""
    import tomllib

    from workbench.paths import resource, sample_dir
    from workbench.plan.model import Disaggregation
    from workbench.plan.suggest_frame import stock_tables

    plans = [sample_dir() / "freedonia-plan.toml", sample_dir() / "freedonia-rounds-plan.toml",
             resource("plan_templates", "durable-solutions-profiling.toml")]  # fmt: skip
    for path in plans:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        (table,) = [t for t in raw["stock_tables"] if t["id"] == "location_type"]
        assert table.get("cols") == "area_type" and "urban / rural" in table["title"], path
    fields = {f.name for f in dataclasses.fields(Disaggregation)}
    demo = tomllib.loads(plans[0].read_text(encoding="utf-8"))["disaggregations"]
    both = [Disaggregation(**{k: v for k, v in d.items() if k in fields}) for d in demo]
    one = [d for d in both if d.id != "area_type"]
    (two_way,) = [t for t in stock_tables(tuple(both), True) if t.id == "location_type"]
    (one_way,) = [t for t in stock_tables(tuple(one), True) if t.id == "location_type"]
    assert two_way.cols == "area_type" and two_way.title.endswith("and urban / rural")
    assert one_way.cols is None and "urban" not in one_way.title
