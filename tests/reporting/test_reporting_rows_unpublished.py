"""Issue 20 (rd21): breakdown and stock rows in which every cell is a mark — "*" (too few cases),
"(*)" (withheld as a complement), "–" (no case) — printed no figure at all ("Alvora (*) (*) *";
"Conflict and disaster × 2012 … 2025", 14 rows of marks). The report (PDF and Word) leaves such
a row out and one note under the table names what was left out and why, years as a range; a
table whose rows would all go is the one line "… It appears in no table or chart."; the annex,
the full table, keeps every row. The rule is read from the engine's flags
(views.prints_nothing), never re-decided: the cells still shown are those the engine published or
withheld."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from docx import Document
from reporting_fixture import make_results
from reporting_testkit import FIXED

from workbench.export_writer import AuditList
from workbench.languages import join_list
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.annex_long import long_tables
from workbench.reporting.annex_tables import annex_tables, withheld_rows_note
from workbench.reporting.context import build_context
from workbench.reporting.fmt import cell_flag, mark_flag
from workbench.reporting.i18n import Translator
from workbench.reporting.table_notes import level_runs
from workbench.reporting.views import build_views
from workbench.stats.results import ALL_DISPLACED, STOCK_NOT_STATED, STOCK_TOTAL

IND, DIS = "feel_safe", "district"
MARKS = {"*", "(*)", "–"}
#: the fixture's district "East" with no published cell for ``IND``: two groups too few cases
#: ("*"), one a complement ("(*)"), the host community no case ("–")
HOW = {"1": "primary", "2": "complementary", "3": "primary", "4": "empty"}


def _breakdown_results():
    r = make_results()
    est = r.estimates.copy()
    est["suppression"] = ""
    for group, how in HOW.items():
        row = (
            (est["indicator_id"] == IND)
            & (est["disaggregation"] == DIS)
            & (est["disaggregation_value"] == "East")
            & (est["group"] == group)
        )
        assert row.sum() == 1
        est.loc[row, ["flag", "suppression"]] = ["suppressed", how]
    r.estimates = est
    return r


#: all displaced × "Disaster" with no published count in any year, its Total published;
#: "Conflict or violence" × 2020 withheld alone
WITHHELD = [("Disaster", y) for y in ("2019", "2020", "2021", "2022", STOCK_NOT_STATED)]
WITHHELD += [("Conflict or violence", "2020")]


def _stock_results():
    r = make_results()
    st = r.stock.copy()
    st["suppression"] = ""
    pooled = (st["table"] == "cause_by_year") & (st["group"] == ALL_DISPLACED)
    for i, (cause, year) in enumerate(WITHHELD):
        row = pooled & (st["row_value"] == cause) & (st["col_value"] == year)
        assert row.sum() == 1
        how = "primary" if i % 2 else "complementary"
        st.loc[row, ["flag", "suppression"]] = ["suppressed", how]
    total = pooled & (st["row_value"] == "Disaster") & (st["col_value"] == STOCK_TOTAL)
    assert not st.loc[total, "flag"].eq("suppressed").any()
    r.stock = st
    return r


def _flat(text: str) -> str:
    """Spaces as spaces; no bidirectional controls (the Arabic Word file isolates Latin runs)."""
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def _pdf_lines(path) -> list[str]:
    """The PDF's lines as laid out (pdfplumber: a table row's cells on one line; pypdf gives
    each cell a line of its own)."""
    with pdfplumber.open(str(path)) as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
    return [_flat(ln) for t in texts for ln in t.splitlines()]


def _mark_rows(lines: list[str], label: str) -> list[str]:
    """The lines that print ``label`` followed by marks only: a row that says nothing."""
    out = []
    for ln in lines:
        if ln.startswith(label + " "):
            rest = ln[len(label) :].split()
            if rest and all(t in MARKS for t in rest):
                out.append(ln)
    return out


def _docx_mark_rows(path, label: str) -> list[list[str]]:
    out = []
    for t in Document(str(path)).tables:
        for row in t.rows:
            cells = [_flat(c.text) for c in row.cells]
            if cells[0] == label and all(c in MARKS or not c for c in cells[1:]):
                out.append(cells)
    return out


def _docx_text(path) -> str:
    return _flat(" ".join(p.text for p in Document(str(path)).paragraphs))


def _breakdown_note(lang: str) -> str:
    tr = Translator(lang)
    ctx = build_context(make_results(), ReportOptions(language=lang))
    info = ctx.indicators[IND]
    reasons = join_list(
        [tr("left_out_no_case"), tr("left_out_few"), tr("left_out_complement")],
        lang,
        clauses=True,
    )
    return tr(
        "fn_levels_unpublished",
        breakdown=ctx.breakdown(DIS, info.unit, info.counts),
        levels=ctx.level(DIS, "East", IND).shown(),
        reasons=reasons,
    )


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_view_leaves_the_row_out_and_keeps_the_others(lang):
    r = _breakdown_results()
    ctx = build_context(r, ReportOptions(language=lang))
    v = build_views(r.publishable(), ctx)[IND]
    label = ctx.level(DIS, "East", IND).shown()
    t, chart = next((t, c) for d, _l, t, c in v.disaggregations if d == DIS)
    assert label not in [row[0] for row in t.rows]
    assert label not in chart.categories and len(chart.categories) == len(t.rows) == 3
    assert [lo.row[0] for lo in t.unpublished] == [label]
    assert [row[0] for row in t.every_row()][2] == label  # the annex: in its place
    # the cells still shown are the engine's, mark for mark: nothing re-decided
    est = r.publishable().estimates
    part = est[(est["indicator_id"] == IND) & (est["disaggregation"] == DIS)]
    for row, src in zip(t.rows, t.sources, strict=True):
        names = {ctx.level(DIS, v, IND).shown(): v for v in ("North", "South", "East", "West")}
        level = names[row[0]]
        for g, s in zip([*ctx.displaced, ctx.comparator], src[1:], strict=True):
            rec = part[(part["group"] == g.code) & (part["disaggregation_value"] == level)].iloc[0]
            assert s is not None
            assert s[2] == mark_flag(cell_flag(rec["flag"], rec["suppression"]), rec["suppression"])


def _built(r, lang: str, tmp_path, section: str):
    """The report's PDF and Word files of ``section`` built from ``r``, and its context."""
    docx = tmp_path / f"{lang}.docx"
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED, sections=(section,), docx_path=docx)
    pdf = build_report(r, tmp_path / f"{lang}.pdf", opts, audit=AuditList())
    return pdf, docx, build_context(r, ReportOptions(language=lang))


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_pdf_and_word_leave_the_row_out_and_say_so(lang, tmp_path):
    r = _breakdown_results()
    pdf, docx, ctx = _built(r, lang, tmp_path, "criteria")
    label = ctx.level(DIS, "East", IND).shown()
    lines = _pdf_lines(pdf)
    assert not _mark_rows(lines, label)
    assert not _docx_mark_rows(docx, label)
    note = _flat(_breakdown_note(lang))
    assert "(*)" not in note and "*" not in note  # words, never the marks (a test counts them)
    assert note in _flat(" ".join(lines))
    assert note in _docx_text(docx)
    # the fixture without the change prints the row: the test can fail
    plain = build_report(
        make_results(), tmp_path / "plain.pdf",
        ReportOptions(language=lang, fixed_timestamp=FIXED, sections=("criteria",)),
        audit=AuditList(),
    )  # fmt: skip
    assert note not in _flat(" ".join(_pdf_lines(plain)))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_annex_keeps_the_row(lang):
    r = _breakdown_results()
    ctx = build_context(r, ReportOptions(language=lang))
    table = next(t for t in long_tables(r.publishable(), ctx) if t.id == "breakdowns")
    label = ctx.level(DIS, "East", IND).shown()
    title = ctx.indicators[IND].title.shown()
    mine = [row for row in table.rows if row[1] == title and row[3] == label]
    assert len(mine) == 4  # every group's cell, as before
    flags = [row[7] for row in mine]
    assert sorted(str(f) for f in flags) == sorted(["*", "(*)", "*", "–"])


def _stock_note(lang: str) -> str:
    tr = Translator(lang)
    ctx = build_context(make_results(), ReportOptions(language=lang))
    head = " × ".join(
        ctx.breakdown(d, ctx.stock_units.get("cause_by_year", "")).removesuffix(" (IRIS)")
        for d in ("cause", "year")
    )
    years = [ctx.level("year", y).shown() for y in ("2019", "2020", "2021", "2022")]
    disaster = tr(
        "stock_row_cells",
        row=ctx.level("cause", "Disaster").shown(),
        cols=join_list(
            [
                tr("level_range", first=years[0], last=years[-1]),
                ctx.level("year", STOCK_NOT_STATED).shown(),
            ],
            lang,
            conjunction=True,
        ),
    )
    # one cell of its row: named as the table names it (rd23: "Alvora (Alvora)")
    conflict = f"{ctx.level('cause', 'Conflict or violence').shown()} × {years[1]}"
    levels = join_list([conflict, disaster], lang, conjunction=True)
    reasons = join_list([tr("left_out_few"), tr("left_out_complement")], lang, clauses=True)
    return tr("fn_stock_rows_unpublished", breakdown=head, levels=levels, reasons=reasons)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_stock_table_leaves_its_rows_of_marks_out(lang, tmp_path):
    r = _stock_results()
    pdf, docx, ctx = _built(r, lang, tmp_path, "solutions")
    tr = Translator(lang)
    disaster = ctx.level("cause", "Disaster").shown()
    words = _docx_text(docx)
    for cause, year in WITHHELD:
        label = f"{ctx.level('cause', cause).shown()} × {ctx.level('year', year).shown()}"
        assert not _docx_mark_rows(docx, label), label
        if lang != "ar":  # pdftotext gives right-to-left lines in visual pieces
            assert not _mark_rows(_pdf_lines(pdf), label), label
    # the Total of the row stays, and the note names the rows, "2019–2022" as one range
    assert any(
        row[0] == f"{disaster} × {tr('total')}"
        for t in Document(str(docx)).tables
        for row in [[_flat(c.text) for c in x.cells] for x in t.rows]
    )
    note = _flat(_stock_note(lang))
    assert "(*)" not in note
    assert note in words
    if lang != "ar":
        assert note in _flat(" ".join(_pdf_lines(pdf)))
    # the "Wholly withheld" note is replaced, not said beside it
    pub = r.publishable().stock
    old = withheld_rows_note(tr, ctx, pub[pub["table"] == "cause_by_year"])
    assert old and _flat(old) not in words


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_stock_annex_sheet_keeps_every_row(lang):
    r = _stock_results()
    ctx = build_context(r, ReportOptions(language=lang))
    tr = Translator(lang)
    sheet = {t.id: t for t in annex_tables(r.publishable(), ctx)}["stock_cause_by_year"]
    pooled = [row for row in sheet.rows if row[0] == tr("all_displaced")]
    assert ctx.level("cause", "Disaster").shown() in [row[1] for row in pooled]
    pub = r.publishable().stock
    part = pub[pub["table"] == "cause_by_year"]
    assert withheld_rows_note(tr, ctx, part, tr("all_displaced")) in sheet.notes


@pytest.mark.slow
def test_a_stock_table_with_no_published_row_is_one_line(tmp_path):
    r = make_results()
    st = r.stock.copy()
    st["suppression"] = ""
    gone = (st["table"] == "location_type") & (st["group"] == ALL_DISPLACED)
    st.loc[gone, ["flag", "suppression"]] = ["suppressed", "primary"]
    r.stock = st
    docx = tmp_path / "en.docx"
    opts = ReportOptions(
        language="en", fixed_timestamp=FIXED, sections=("solutions",), docx_path=docx
    )
    pdf = build_report(r, tmp_path / "en.pdf", opts, audit=AuditList())
    cells = int(gone.sum())
    said = f"no value published (of its {cells} cells, {cells} withheld)."
    text = _flat(" ".join(_pdf_lines(pdf)))
    assert said in text and "It appears in no table or chart." in text
    assert said in _docx_text(docx)
    assert not _mark_rows(_pdf_lines(pdf), "Camp") and not _docx_mark_rows(docx, "Camp")


def test_years_in_a_row_are_one_range():
    tr = Translator("en")
    years = [str(y) for y in range(2012, 2026)]
    assert level_runs(tr, [*years, "Not stated"]) == ["2012–2025", "Not stated"]
    assert level_runs(tr, ["2012", "2013"]) == ["2012", "2013"]
    assert level_runs(tr, ["2012", "2013", "2014", "2016"]) == ["2012–2014", "2016"]
    assert level_runs(tr, ["North", "South", "East"]) == ["North", "South", "East"]


#: what the note says of the rows' cases, as the stock tables' "the totals include them"
INCLUDED = {
    "en": "each group's total includes the cases of these rows",
    "fr": "le total de chaque groupe comprend les cas de ces lignes",
    "es": "el total de cada grupo incluye los casos de estas filas",
    "ar": "ويشمل إجمالي كل فئة حالاتِ هذه الصفوف",
}


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_note_says_the_total_counts_the_rows_left_out(lang):
    """rd22 en p.16–17: beside "rows need not average to the total, which also counts cases that
    are in no row, as it is not recorded for them", the rows left out had no word on the total:
    their cases are in it, as the stock tables' note says of theirs — said of the rows, not
    with a pronoun that pointed back to the group (rd23 fr "leurs cas", ar "حالاتها")."""
    assert _flat(INCLUDED[lang]) in _flat(_breakdown_note(lang))
    tr = Translator(lang)
    more = tr("fn_levels_unpublished_more", levels="X", reasons="Y")
    assert _flat(INCLUDED[lang]) in _flat(more)
