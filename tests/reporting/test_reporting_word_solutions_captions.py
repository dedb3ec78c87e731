"""Issue 20 (fr_B 3, ar_B 1, en_B 5): the Word report's solutions breakdowns were seven separate
tables each captioned with the same "IRIS layered rule …: by breakdown" title (identical
captions read as duplicated tables), and "Notes: see the end of the table." after four of them
pointed at no table's end. Now the title is said once (the heading) and each block has a short
sub-caption, "By <breakdown>"; the pointer says where the notes are: after the last breakdown
table. Read back with python-docx."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from test_reporting_docx_table import _meta as _docx_meta
from test_reporting_solutions_bounds import CASES, METHOD
from test_reporting_solutions_columns import _results

from workbench.reporting import ReportOptions
from workbench.reporting.context import after_by, build_context
from workbench.reporting.docx_render import DocxRenderer
from workbench.reporting.pdf_flow import with_notes
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.rtl import without_marks
from workbench.reporting.typography import typeset
from workbench.stats.results import ALL_DISPLACED


def _text(el) -> str:
    """An element's text, Word's no-break hyphen (``w:noBreakHyphen``) read as "-"."""
    hyphen = qn("w:noBreakHyphen")
    parts = el.iter(qn("w:t"), hyphen)
    return without_marks("".join("-" if t.tag == hyphen else t.text or "" for t in parts))


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_word_solutions_breakdowns_have_one_title_and_a_sub_caption_each(lang) -> None:
    r = _results()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    tr = b.tr
    parts, _tabled = b._solutions_breakdowns(b.results.solutions, METHOD, [*CASES, ALL_DISPLACED])
    notes = [b.p("* Not published.", "small")]
    renderer = DocxRenderer(_docx_meta(lang))
    renderer.add([b.h(tr("solutions"), 0, "solutions"), *with_notes(parts, notes, b.notes_ahead)])
    doc = Document(io.BytesIO(renderer.finish()))
    texts = [_text(p) for p in doc.element.body.iter(qn("w:p"))]
    title = typeset(tr("solutions_by_breakdown", method=ctx.solutions_methods[METHOD]), lang)
    # (a heading on two lines joins its second line's words by no-break spaces)
    spaced = [t.replace("\xa0", " ") for t in texts]
    assert spaced.count(without_marks(title).replace("\xa0", " ")) == 1, texts  # the heading
    wanted = [
        without_marks(typeset(tr("word_solutions_by", breakdown=after_by(label, tr)), lang))
        for label in (ctx.breakdown(d, "household") for d in ("sex", "district_origin", "year"))
    ]
    above = [_text(t._tbl.getprevious()) for t in doc.tables]
    assert above == wanted, (lang, above)
    for t in doc.tables:  # each sub-caption kept with its table
        pr = t._tbl.getprevious().find(qn("w:pPr"))
        assert pr is not None and pr.find(qn("w:keepNext")) is not None
    # no line sends the reader to the end of a table the notes do not follow
    assert without_marks(typeset(tr("notes_at_end"), lang)) not in texts
    assert texts[-1] == "* Not published.", texts[-3:]
