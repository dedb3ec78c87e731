"""Issue 20 (fr_B 3, ar_B 4): every solutions table has its own notes under it, in the PDF and
the Word report. The "All methods compared" table had none: its "–" (the host under homogeneous
cells, a group with households, against the legend's "no case") and its "< 1.0%" beside
"< 0.5%" were explained only after the last breakdown two pages on, and so was the headline
table's host row; in Word its "Notes: see the end of the table." pointed to the breakdowns'
notes."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from reporting_fixture import make_results
from reportlab.pdfbase.pdfmetrics import stringWidth
from test_reporting_solutions_bounds import _no_passers, _pdf_lines, _plain
from test_reporting_tables_act import texts

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.typography import typeset
from workbench.stats.results import ALL_DISPLACED

CELLS = "homogeneous_cells"


def _two_methods():
    """The no-passers fixture with a host row and a second method, homogeneous cells, where the
    host is not assessed ("–", no case of it in a cell) and group 3 is published as "< 1.0%"."""
    r = _no_passers()
    ctx = build_context(r, ReportOptions(language="en"))
    assert ctx.comparator is not None
    host = ctx.comparator.code
    sol = r.solutions
    total = sol[sol["disaggregation"] == "total"]
    head_host = total[total["group"] == "1"].assign(
        group=host, share=0.006, ci_low=0.002, ci_high=0.017, number=3530.0, n_assessable=833
    )
    cells = total.assign(method=CELLS)
    cells.loc[cells["group"] == "3", "share_below"] = 0.01
    cells_host = head_host.assign(
        method=CELLS, share=float("nan"), ci_low=float("nan"), ci_high=float("nan"),
        number=float("nan"), n_assessable=0, flag="suppressed", suppression="empty",
    )  # fmt: skip
    r.solutions = pd.concat([sol, head_host, cells, cells_host], ignore_index=True)
    return r


def _sections(b: Builder) -> tuple[list, list, list]:
    """The solutions story cut at the "All methods compared" heading and at the breakdowns'."""
    story = b.solutions()
    keys = ("solutions-methods", "solutions-breakdowns")
    at = [i for i, f in enumerate(story) if getattr(f, "key", None) in keys]
    assert len(at) == 2, [type(f).__name__ for f in story]
    return story[: at[0]], story[at[0] : at[1]], story[at[1] :]


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_each_solutions_table_has_its_own_notes_under_it(lang) -> None:
    r = _two_methods()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    assert ctx.comparator is not None
    tr = Translator(lang)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    head, methods, parts = (set(map(_plain, texts(s))) for s in _sections(b))

    def t(key: str, **kw) -> str:
        return _plain(typeset(tr(key, **kw), lang))

    host = t("fn_solutions_comparator", group=ctx.comparator.label.shown())
    assert host in head, head  # the host row, explained under the table that has it
    assert t("fn_number_bounded") in head and t("fn_ci_bounded") in head
    # "All methods compared": the host's "–" with its real reason, not "no case"; "<" rule
    method = ctx.solutions_methods[CELLS]
    empty = t("fn_empty_cells_comparator", method=method, group=ctx.comparator.label.shown())
    assert empty in methods, methods
    assert t("fn_empty_solutions") not in methods
    assert any(x.startswith(t("fn_methods_bounded", bounds="@").split("@")[0]) for x in methods)
    # the breakdowns keep theirs
    assert t("fn_breakdown_bounded") in parts and host in parts


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_methods_tables_notes_print_under_it_in_pdf_and_word(lang) -> None:
    from docx import Document
    from test_reporting_docx_table import _meta as docx_meta

    from workbench.reporting.docx_render import DocxRenderer
    from workbench.reporting.rtl import without_marks

    r = _two_methods()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    tr = Translator(lang)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    assert ctx.comparator is not None
    codes = [*"123", ALL_DISPLACED, ctx.comparator.code]
    sol = b.results.solutions
    lines = _pdf_lines(b, b._solutions_methods_table(sol, ["iris_layered", CELLS], codes), lang)
    text = " ".join(lines)
    one = _plain(tr("value_below", value="1.0" if lang != "fr" else "1,0"))
    assert one.replace(" ", "") in text.replace(" ", ""), lines
    start = _plain(typeset(tr("fn_methods_bounded", bounds="@"), lang)).split("@")[0]
    assert start.split()[-1] in text, lines  # the "<" note under the table, on its page
    word = DocxRenderer(docx_meta(lang))
    word.add(b.solutions())
    doc = Document(io.BytesIO(word.finish()))
    # the paragraphs right after the methods table (its first header cell "Method") are its
    # notes, not a pointer to the breakdowns' notes
    head = _plain(tr("solutions_method"))
    tables = [t for t in doc.tables if _plain(t.rows[0].cells[0].text) == head]
    assert len(tables) == 1
    after: list[str] = []
    el = tables[0]._tbl.getnext()
    while el is not None and len(after) < 4:
        txt = "".join(x.text or "" for x in el.iter() if x.tag.endswith("}t"))
        if txt.strip():
            after.append(_plain(without_marks(txt)))
        el = el.getnext()
    assert ctx.comparator is not None
    group = ctx.comparator.label.shown()
    empty = tr("fn_empty_cells_comparator", method=ctx.solutions_methods[CELLS], group=group)
    assert _plain(typeset(empty, lang)) in after, after
    assert _plain(tr("notes_at_end")) not in after
    assert _plain(typeset(tr("notes_after_tables"), lang)) not in after


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_comparators_label_stays_on_one_line_or_keeps_a_gap(lang) -> None:
    """en_A 13, en_B 6: "Host community (comparator)" wrapped by a point in the first column of
    16 English main tables, its "(comparator)" line running into the breakdown header below.
    The first column is widened for the label where the other columns can spare the room
    (English); where they cannot (French, Spanish: "Écart (réf. : Communauté hôte)" needs
    its two lines; Arabic), the breakdown table under it keeps a gap."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Spacer

    from workbench.reporting.pdf_doc import MARGIN
    from workbench.reporting.pdf_flow import ChartThenTable
    from workbench.reporting.pdf_tables import (
        GAP,
        PAD,
        WRAPPED_GAP,
        _least_width,
        _natural_width,
        indicator_table,
    )
    from workbench.reporting.views import build_views

    r = make_results()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    styles = make_styles(lang)
    width = A4[0] - 2 * MARGIN
    b = Builder(ctx, opts, styles, width, r.publishable())
    checked = fitted = 0
    for v in build_views(r.publishable(), ctx).values():
        t = v.table
        if t.comparator_row is None or not t.compared or not v.disaggregations:
            continue
        label = t.rows[t.comparator_row][0]
        small = "< 0.001 (< 0.001)" if lang in ("en", "ar") else "< 0,001 (< 0,001)"
        for row in t.rows[: t.comparator_row]:  # the demo's widest p (the fixture's are short)
            row[-1] = small
        table = indicator_table(t, width, styles, lang)
        first = table._colWidths[-1 if lang == "ar" else 0]
        room = first - 6 - GAP  # the cell's paddings and the gap kept before the next column
        text = stringWidth(label, styles.cell.fontName, styles.cell.fontSize)
        fits = text <= room
        cols = [[row[j] for row in t.rows] for j in range(len(t.header))]
        others = sum(_least_width(h, c, styles) for h, c in zip(t.header, cols, strict=True))
        others -= _least_width(t.header[0], cols[0], styles)
        # on one line wherever the other columns keep what they cannot do without, unless its
        # tag alone goes onto a second line so that no other cell wraps (rd18 en p.45: the p
        # values of every row wrapped for the label's sake)
        natural = [_natural_width(h, c, styles) for h, c in zip(t.header, cols, strict=True)]
        widths = table._colWidths[::-1] if lang == "ar" else table._colWidths
        tagged = all(abs(w - n) < 0.01 for w, n in zip(widths[1:], natural[1:], strict=True))
        assert fits or tagged or others + text + GAP + PAD + 1 > width, (v.info.id, label, room)
        fitted += fits
        assert table.label_wraps is not fits
        story = b.indicator(v)
        at = next(i for i, f in enumerate(story) if isinstance(f, ChartThenTable))
        after = story[at + 1 : at + 3]  # (a pointer to the notes may come first)
        gap = any(isinstance(f, Spacer) and f.height == WRAPPED_GAP for f in after)
        assert gap is not fits, (v.info.id, [type(f).__name__ for f in after])
        checked += 1
    assert checked > 3 and (fitted or lang != "en"), (checked, fitted)


def test_the_methods_heading_never_ends_a_page_without_its_table() -> None:
    """ar: "مقارنة جميع المنهجيات" and its lead paragraph ended p. 54, the table and its notes
    on p. 55. Wherever the section falls on a page, the heading is on its table's page."""
    import pdfplumber
    from reportlab.platypus import Spacer

    from workbench.reporting.pdf_doc import ReportDoc

    r = _two_methods()
    opts = ReportOptions(language="en")
    ctx = build_context(r, opts)
    assert ctx.comparator is not None
    tr = Translator("en")
    b = Builder(ctx, opts, make_styles("en"), 480.0, r.publishable())
    codes = [*"123", ALL_DISPLACED, ctx.comparator.code]
    for gap in range(480, 680, 15):
        story = b._solutions_methods_table(b.results.solutions, ["iris_layered", CELLS], codes)
        out = io.BytesIO()
        ReportDoc(out, "A4", "en").build([b.h(tr("solutions"), 0, "s"), Spacer(1, gap), *story])
        with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
            pages = [p.extract_text() or "" for p in pdf.pages]
        title = [i for i, t in enumerate(pages) if tr("solutions_all_methods") in t]
        table = [i for i, t in enumerate(pages) if tr("solutions_method") + " " in t]
        assert title and table and title[0] == table[0], (gap, title, table)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_methods_tables_dagger_sentence_only_where_a_bound_has_its_dagger(lang) -> None:
    """The "<" note said what "†" beside a bound means under a table whose bounds had none."""
    tr = Translator(lang)
    dagger = _plain(typeset(tr("fn_methods_bounded_caution"), lang))
    assert "†" in dagger and "†" not in tr("fn_methods_bounded", bounds="@")
    for caution in (False, True):
        r = _two_methods()
        if caution:
            sol = r.solutions
            sol.loc[(sol["method"] == CELLS) & (sol["group"] == "3"), "below_flag"] = "caution"
        opts = ReportOptions(language=lang)
        b = Builder(build_context(r, opts), opts, make_styles(lang), 480.0, r.publishable())
        methods = set(map(_plain, texts(_sections(b)[1])))
        assert (dagger in methods) is caution, methods


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_breakdowns_dash_under_the_headline_method_says_the_host_has_no_history(lang):
    """fr_B 5: the "–" note under the IRIS rule's breakdowns explained homogeneous cells and
    "l'année d'arrivée"; its host cells are "–" because households never displaced have no
    district of origin, cause or year of displacement. That table says so, naming its own
    breakdowns; the homogeneous-cells note is not under it."""
    from workbench.reporting.context import _in_sentence
    from workbench.stats.solutions import UNIT

    r = _two_methods()
    ctx = build_context(r, ReportOptions(language=lang))
    assert ctx.comparator is not None
    host = ctx.comparator.code
    sol = r.solutions
    levels = sol[(sol["method"] == "iris_layered") & (sol["disaggregation"] == "sex")]
    empty = levels[levels["group"] == "1"].assign(
        group=host, share=float("nan"), ci_low=float("nan"), ci_high=float("nan"),
        number=float("nan"), n_assessable=0, flag="suppressed", suppression="empty",
    )  # fmt: skip
    r.solutions = pd.concat([sol, empty], ignore_index=True)
    tr = Translator(lang)
    b = Builder(ctx, ReportOptions(language=lang), make_styles(lang), 480.0, r.publishable())
    parts = set(map(_plain, texts(_sections(b)[2])))
    group = ctx.comparator.label.shown()
    dims = _in_sentence(ctx.breakdown("sex", UNIT))
    note = tr("fn_empty_breakdown_comparator", group=group, breakdowns=dims)
    assert _plain(typeset(note, lang)) in parts, parts
    assert _plain(typeset(tr("fn_empty_solutions"), lang)) not in parts
    year = {"en": "year of displacement", "fr": "l’année du déplacement",
            "es": "el año del desplazamiento", "ar": "وسنة النزوح"}[lang]  # fmt: skip
    assert year in tr("fn_empty_solutions")  # the tables' term, not "year of arrival"


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_breakdowns_say_their_rows_leave_households_out(lang):
    """fr_B 7: the solutions breakdowns by district of origin, cause and year leave "Not stated"
    households out of their rows, unsaid — the indicators' tables say "the rows need not average
    to the total…". The fixture's group 3 has 150 of its 260 households in the sex rows: the
    breakdowns' notes and the annex's solutions sheet say so, with the counts (group 1: 50 of
    its 630 households assessed in no sex row here)."""
    from workbench.reporting.annex_tables import solutions_table
    from workbench.reporting.context import _in_sentence
    from workbench.reporting.fmt import fmt_count
    from workbench.stats.solutions import UNIT

    r = make_results()
    sol = r.solutions
    cell = (sol["group"] == "1") & (sol["disaggregation_value"] == "Female")
    sol.loc[cell, "n_assessable"] = 265  # of 315: 50 of the 630 assessed in no sex row
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    tr = Translator(lang)
    group = tr("group_uncovered", group=_in_sentence(ctx.group("1").label.shown()),
               missing=fmt_count(50, lang), total=fmt_count(630, lang))  # fmt: skip
    note = tr("fn_rows_uncovered", breakdown=ctx.breakdown("sex", UNIT), groups="@")
    head, tail = (_plain(typeset(x, lang)) for x in note.split("@"))
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    shown = list(map(_plain, texts(b.solutions())))  # one method: no "All methods" table
    said = [t for t in shown if t.startswith(head) and t.endswith(tail)]
    assert len(said) == 1 and _plain(typeset(group, lang)) in said[0], shown
    sheet = solutions_table(r.publishable(), ctx)
    assert sheet is not None and head in _plain(sheet.notes) and group in sheet.notes


def test_a_displaced_groups_dash_under_the_breakdowns_says_no_household_in_the_row():
    """fr_B 5 (the demo): "–" also marks displaced groups' rows with no household (a district
    where no camp is); its note under the IRIS rule's breakdowns is that, not homogeneous cells,
    beside the host's own note."""
    from workbench.reporting.solutions_notes import breakdown_empty_notes

    r = _two_methods()
    ctx = build_context(r, ReportOptions(language="fr"))
    assert ctx.comparator is not None
    sol = r.solutions
    levels = sol[(sol["method"] == "iris_layered") & (sol["disaggregation"] == "sex")].copy()
    host = levels[levels["group"] == "1"].assign(group=ctx.comparator.code)
    levels = pd.concat([levels, host], ignore_index=True)
    levels["suppression"] = ""
    levels.loc[levels["group"] == ctx.comparator.code, "suppression"] = "empty"
    tr = Translator("fr")
    notes = breakdown_empty_notes(tr, ctx, levels)
    # the host's cells read "Not applicable" (one meaning, one marking; rd18 en p.74–76)
    na = tr("assessment_not_applicable") + " — " + ctx.comparator.label.shown()
    assert len(notes) == 1 and notes[0].startswith(na), notes
    levels.loc[levels.index[0], "suppression"] = "empty"  # group 1's first sex row: none
    notes = breakdown_empty_notes(tr, ctx, levels)
    assert notes[0] == tr("fn_empty") and len(notes) == 2, notes
    assert tr("fn_empty_solutions") not in notes and "année" not in notes[0]
    levels.loc[levels.index[-1], "suppression"] = ""  # the host has a sex row: no host note
    assert breakdown_empty_notes(tr, ctx, levels) == [tr("fn_empty")]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_host_under_homogeneous_cells_reads_not_applicable(lang) -> None:
    """en_B 4: "–" had three meanings in the solutions section; in "All methods compared" the
    host under homogeneous cells read "–" with "no share, though the group has households".
    It reads "Not applicable", the report's word (as Module B's returnees), in the PDF, the
    Word report and the annex's solutions sheet; "–" keeps its one meaning (no case)."""
    from docx import Document
    from test_reporting_docx_table import _meta as docx_meta

    from workbench.reporting.annex_tables import annex_tables
    from workbench.reporting.docx_render import DocxRenderer
    from workbench.reporting.rtl import without_marks

    r = _two_methods()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    tr = Translator(lang)
    na = tr("assessment_not_applicable")
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    assert ctx.comparator is not None
    codes = [*"123", ALL_DISPLACED, ctx.comparator.code]
    sol = b.results.solutions
    out = b._solutions_methods_table(sol, ["iris_layered", CELLS], codes)
    _header, body = b._by_group_cells("m", [("c", sol[(sol["method"] == CELLS)
                                                     & (sol["disaggregation"] == "total")])],
                                     codes)  # fmt: skip
    assert body[0][-1] == na and "–" not in body[0], body
    if lang != "ar":
        assert na in " ".join(_pdf_lines(b, out, lang))
    word = DocxRenderer(docx_meta(lang))
    word.add(b.solutions())
    doc = Document(io.BytesIO(word.finish()))
    cells = [_plain(without_marks(c.text)) for t in doc.tables for row in t.rows for c in row.cells]
    assert _plain(na) in cells, cells
    # its note starts with the word, as the cell reads
    group = ctx.comparator.label.shown()
    note = tr("fn_empty_cells_comparator", method=ctx.solutions_methods[CELLS], group=group)
    assert note.startswith(na)
    # the annex's solutions sheet: the host's share and number flagged "Not applicable"
    sheet = next(t for t in annex_tables(r.publishable(), ctx) if t.id == "solutions")
    mine = [row for row in sheet.rows if row[0] == ctx.solutions_methods[CELLS]]
    host = [row for row in mine if row[1] == group and row[2] == tr("total")]
    assert host and host[0][5] == na and "–" not in host[0], host
