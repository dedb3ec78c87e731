"""A breakdown none of whose cells is published (fr_B 4: "Satisfait du résultat du recours" by
district, all twelve cells "*" or "–", took three quarters of a page, and its chart panel showed
only markers): one line says so and why, in place of the table, and the chart has no panel for
it — in the PDF and the Word report, in every language."""

from __future__ import annotations

import html

import pdfplumber
import pytest
from docx import Document
from reporting_fixture import make_results
from reporting_testkit import FIXED

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.views import build_views

IND, DIS = "feel_safe", "district"


def _results():
    """The fixture with every district cell of ``IND`` withheld: the displaced groups' not
    published (*, one "(*)": a complement), the host community's with no case (–)."""
    r = make_results()
    est = r.estimates.copy()
    est["suppression"] = ""
    rows = (est["indicator_id"] == IND) & (est["disaggregation"] == DIS)
    est.loc[rows, "flag"] = "suppressed"
    host = rows & (est["group"] == est.loc[rows, "group"].iloc[-1])
    est.loc[host, "suppression"] = "empty"
    est.loc[est.index[rows][0], "suppression"] = "complementary"  # "(*)", withheld all the same
    r.estimates = est
    return r, int(rows.sum()), int(host.sum())


def _texts(flowables) -> list[str]:
    out: list[str] = []
    for f in flowables:
        if hasattr(f, "text"):
            out.append(str(f.text))
        for attr in ("_content", "_flowables"):
            out += _texts(getattr(f, attr, None) or [])
    return out


def _tables(flowables) -> list:
    out = []
    for f in flowables:
        if hasattr(f, "_cellvalues"):
            out.append(f)
        out += _tables(getattr(f, "_content", None) or [])
    return out


def _plain(text: str) -> str:
    """Spaces as spaces (the French text's no-break spaces, set by its typography)."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _line(lang: str, label: str, cells: int, empty: int, preset: str) -> str:
    tr = Translator(lang)
    reasons = [
        tr("withheld_suppressed", count=str(cells - empty), preset=preset),
        tr("withheld_empty", count=str(empty)),
    ]
    conj = {"en": " and ", "fr": " et ", "es": " y ", "ar": " و"}[lang]
    return tr("breakdown_withheld", breakdown=label, cells=str(cells), reasons=conj.join(reasons))


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_a_breakdown_with_no_published_cell_is_one_line(lang):
    r, cells, empty = _results()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    pub = r.publishable()
    v = build_views(pub, ctx)[IND]
    label = ctx.breakdown(DIS, v.info.unit, v.info.counts)
    assert DIS not in [d for d, *_rest in v.disaggregations]
    b = Builder(ctx, opts, make_styles(lang), 480.0, pub)
    panels = [lbl for lbl, _c in b.chart_job(v)[1]]
    assert label not in panels and len(panels) == len(v.disaggregations) >= 1
    story = b.indicator(v)
    heads = [str(getattr(t._cellvalues[0][0], "text", t._cellvalues[0][0])) for t in _tables(story)]
    if lang == "ar":  # right to left: the breakdown's name in the last column
        heads += [str(getattr(t._cellvalues[0][-1], "text", "")) for t in _tables(story)]
    assert label not in heads, heads
    text = _plain(html.unescape(" ".join(_texts(story))))  # the markup's "n &lt; 25"
    assert _plain(_line(lang, label, cells, empty, ctx.preset_name)) in text, text[-600:]


def test_the_line_is_in_the_pdf_and_the_word_report(tmp_path):
    r, _cells, _empty = _results()
    out = tmp_path / "en.pdf"
    opts = ReportOptions(language="en", fixed_timestamp=FIXED, sections=("criteria",),
                         docx_path=tmp_path / "en.docx")  # fmt: skip
    build_report(r, out, opts, audit=AuditList())
    with pdfplumber.open(str(out)) as pdf:
        text = " ".join((p.extract_text() or "") for p in pdf.pages)
    flat = " ".join(text.split())
    assert "District: no value published — of its 16 cells, 12 withheld (too few" in flat
    assert "and 4 with no case (outside the group's population or not asked)" in flat
    word = " ".join(p.text for p in Document(str(tmp_path / "en.docx")).paragraphs)
    assert "District: no value published — of its 16 cells, 12 withheld" in word
    assert "No table or chart panel is shown for it." in word
