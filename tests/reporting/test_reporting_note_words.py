"""Issue 20, the French reader's wording of captions, notes and pointers:

- « Par urbain / rural » (the Word report's sub-caption) and « … par type de lieu et urbain /
  rural » (the stock title): "by" was glued to a label naming a breakdown's alternatives, no
  noun phrase; it now reads « Par milieu (urbain / rural) » in every language;
- « Adaptation pour cette enquête : Seuil… », « Définition : Part… »: no capital after a
  French or Spanish colon;
- « Type de lieu × Urbain / rural : absent du tableau — Non déclaré × Urbain, … »: a note
  named "Not stated" cells of a category no reader was shown (no unit missed the value);
- « Notes : voir la fin du tableau. » under an indicator's main table whose notes were under
  its last breakdown table: the pointer says under which table the notes are."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pandas as pd
import pytest
from docx import Document
from docx.oxml.ns import qn
from reportlab.platypus import Paragraph
from test_reporting_docx_table import _meta as _docx_meta
from test_reporting_solutions_bounds import CASES, METHOD
from test_reporting_solutions_columns import _results

from workbench.reporting import ReportOptions
from workbench.reporting.context import (
    Label,
    _stock_titles,
    after_colon,
    build_context,
    labelled,
)
from workbench.reporting.docx_render import DocxRenderer
from workbench.reporting.i18n import Translator, term
from workbench.reporting.pdf_flow import ContinuedTable, with_notes
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.rtl import without_marks
from workbench.reporting.table_notes import absent_stock_cells
from workbench.reporting.typography import typeset
from workbench.stats.results import ALL_DISPLACED, STOCK_NOT_STATED

LANGS = ["en", "fr", "es", "ar"]


def _text(el) -> str:
    return without_marks("".join(t.text or "" for t in el.iter(qn("w:t"))))


@pytest.mark.parametrize("lang", LANGS)
def test_word_sub_caption_of_urban_rural_reads_as_a_phrase(lang) -> None:
    """The breakdown labelled "Urban / rural" (the catalogue's words for it) is captioned with
    the catalogue's phrase for it, never "By urban / rural"."""
    r = _results()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    tr = Translator(lang)
    label = term("Urban / rural", lang)
    assert label
    ctx.disaggregations["sex"] = Label(label)  # the fixture's sex breakdown, so labelled
    ctx.head_labels.pop("sex", None)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    parts, _tabled = b._solutions_breakdowns(b.results.solutions, METHOD, [*CASES, ALL_DISPLACED])
    renderer = DocxRenderer(_docx_meta(lang))
    renderer.add([b.h(tr("solutions"), 0, "solutions"), *parts])
    doc = Document(io.BytesIO(renderer.finish()))
    above = [_text(t._tbl.getprevious()) for t in doc.tables]
    phrase = tr("phrase:Urban / rural")
    assert without_marks(typeset(tr("word_solutions_by", breakdown=phrase), lang)) == above[0]
    glued = without_marks(typeset(tr("word_solutions_by", breakdown=label.lower()), lang))
    assert glued not in above, above


@pytest.mark.parametrize("lang", LANGS)
def test_stock_title_names_a_breakdown_of_alternatives_as_a_phrase(lang) -> None:
    tr = Translator(lang)
    place = term("Location type", lang)
    urban = term("Urban / rural", lang)
    assert place and urban
    labels = {"loc": Label(place), "urban": Label(urban), "zone": Label("Zone A / Zone B")}
    tables = [
        SimpleNamespace(id="t1", title={}, rows="loc", cols="urban"),
        SimpleNamespace(id="t2", title={}, rows="zone", cols=None),
    ]
    snap = SimpleNamespace(texts=SimpleNamespace(stock_tables=tables))
    results = SimpleNamespace(stock=pd.DataFrame())
    titles = _stock_titles(results, snap, labels, lang, tr)  # type: ignore[arg-type]  # stand-ins
    assert tr("phrase:Urban / rural") in titles["t1"].text, titles["t1"].text
    assert urban.lower() not in titles["t1"].text.replace(tr("phrase:Urban / rural"), "")
    # a plan's own label of alternatives, which the catalogue has no phrase for
    assert tr("breakdown_alternatives", label="Zone A / Zone B") in titles["t2"].text


@pytest.mark.parametrize(
    ("lang", "capital"), [("fr", False), ("es", False), ("en", True), ("ar", True)]
)
def test_no_capital_after_a_french_or_spanish_colon(lang, capital) -> None:
    tr = Translator(lang)
    text = labelled(tr, tr("contextualised"), "Seuil national de pauvreté : 1 250 FRD.")
    after = text.split(":", 1)[1].strip()
    assert after[0].isupper() is capital, text
    # the caution list's « Justification, pour les 21 entrées ci-dessous : démonstration… »
    just = tr("justification_below", count=2, text=after_colon("Demo on synthetic data.", lang))
    assert just.split(":", 1)[1].strip()[0].isupper() is capital, just
    # an acronym keeps its capitals
    assert "IRIS" in labelled(tr, tr("definition"), "IRIS rule.")


def test_not_stated_cells_are_named_absent_only_where_the_table_shows_it() -> None:
    """Cause × year: a "Not stated" year where some units miss it, none for disaster: the note
    names "Disaster × 2013" and the "Not stated" cells left out of a table that shows "Not
    stated"; none where no row shows it (the French note named « Non déclaré × Urbain », a
    category no reader had been shown, issue 20)."""
    rows = [
        ("conflict", "2012"),
        ("conflict", "2013"),
        ("conflict", STOCK_NOT_STATED),
        ("disaster", "2012"),
        (STOCK_NOT_STATED, "2012"),
    ]
    part = pd.DataFrame(
        {
            "row_var": "cause",
            "col_var": "year",
            "row_value": [r for r, _c in rows],
            "col_value": [c for _r, c in rows],
        }
    )
    absent = absent_stock_cells(part)
    assert (("cause", "disaster"), ("year", "2013")) in absent
    # "Not stated" is a row and a column this table shows: its cells left out are named too,
    # as any other (rd17 fr p. 81: « Non déclaré × 2012 » missing, unsaid)
    assert (("cause", STOCK_NOT_STATED), ("year", "2013")) in absent
    assert (("cause", "disaster"), ("year", STOCK_NOT_STATED)) in absent
    # where no row shows "Not stated" (no unit misses it), it is no category: never named
    shown = part[(part["row_value"] != STOCK_NOT_STATED) & (part["col_value"] != STOCK_NOT_STATED)]
    absent = absent_stock_cells(shown)
    assert (("cause", "disaster"), ("year", "2013")) in absent
    assert not any(STOCK_NOT_STATED in (r[1], c[1]) for r, c in absent), absent


@pytest.mark.parametrize("lang", LANGS)
def test_pointer_says_which_table_the_notes_are_under(lang) -> None:
    """One table split across pages: its notes are under its last row; an indicator's main
    and breakdown tables: under the last of them (« voir la fin du tableau » sent readers of
    the main table to its own end)."""
    styles = make_styles(lang)
    r = _results()
    opts = ReportOptions(language=lang)
    b = Builder(build_context(r, opts), opts, styles, 480.0, r.publishable())
    tr = b.tr

    def table() -> ContinuedTable:
        t = make_table(["A", "B"], [["x", "1"]], [200, 100], styles, lang, continued="T")
        assert isinstance(t, ContinuedTable)
        return t

    notes = [Paragraph("* Not published.", styles.small)]
    one, two = table(), [table(), table()]
    with_notes([one], notes, b.notes_ahead)
    with_notes(list(two), notes, b.notes_ahead)
    assert one.notes_ahead is not None and two[0].notes_ahead is not None
    assert one.notes_ahead.text == b.p(tr("notes_at_end"), "small").text
    assert two[0].notes_ahead.text == b.p(tr("notes_after_tables"), "small").text
    assert tr("notes_at_end") != tr("notes_after_tables")
