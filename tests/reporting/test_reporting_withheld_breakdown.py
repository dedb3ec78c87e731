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
        tr("withheld_suppressed", count=str(cells - empty)),
        tr("withheld_empty", count=str(empty)),
    ]
    conj = {"en": " and ", "fr": " et ", "es": " y ", "ar": " و"}[lang]
    head = tr("breakdown_withheld", breakdown=label, cells=str(cells), reasons=conj.join(reasons))
    why = [tr("withheld_suppressed_why", preset=preset), tr("withheld_empty_why")]
    return " ".join([head, *why, tr("breakdown_withheld_shown")])


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
    # fr_B 7: the counts first, then each reason a sentence — no parentheses in parentheses
    said = "District: no value published (of its 16 cells, 12 withheld and 4 with no case)."
    assert said + " Withheld: too few cases" in flat
    assert "No case: outside the group's population or not asked." in flat
    word = " ".join(p.text for p in Document(str(tmp_path / "en.docx")).paragraphs)
    assert said in word
    assert "It appears in no table or chart." in word


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_withheld_line_nests_no_parentheses(lang):
    """fr_B 7: "District : aucune valeur publiée — sur ses 12 cellules, 9 non publiées (…règle
    de confidentialité : EDS (masquer n < 25, prudence n < 50)) et 3 sans aucun cas" — the
    rule's parentheses inside the reasons' inside the counts. Each parenthesis closes before
    the next opens."""
    from workbench.reporting.context import preset_name

    tr = Translator(lang)
    preset = preset_name("dhs", tr)
    assert "(" in preset  # the rule's own parentheses
    text = _line(lang, "District", 12, 3, preset)
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        assert depth in (0, 1), text
    assert depth == 0
