"""Chapter headings break alike (issue 20, page flow): read page by page, the French criteria's
headings broke three ways — "Critère 3 :" alone on its first line (p. 39), "Critère 1 : Sûreté,"
(p. 17), and mid-name in criteria 2, 4 and 5 (rd19 fr). A chapter heading too long for one line
now breaks right after its label ("Criterion N:", "Module A:"), its name balanced on the lines
below; one that fits stays on one line. Measured on the headings the report lays out, at the
width of its frame, in every language."""

from __future__ import annotations

import io

import pytest
from reporting_testkit import sentinel_results

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import FRAME_PADDING, Heading, make_styles
from workbench.reporting.typography import typeset


def _chapter_headings(lang: str) -> tuple[list[Heading], float]:
    styles = make_styles(lang)
    res = sentinel_results().publishable()
    opts = ReportOptions(language=lang)
    # the frame's width, its paddings taken off: what a heading is wrapped in
    width = ReportDoc(io.BytesIO(), "A4", lang).width - FRAME_PADDING
    builder = Builder(build_context(res, opts), opts, styles, width, res)
    heads = [builder.chapter_heading(c) for c in builder.ctx.criteria]
    return heads, width


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_a_long_chapter_heading_breaks_after_its_label(lang):
    tr = Translator(lang)
    heads, width = _chapter_headings(lang)
    assert heads
    broken = 0
    for h in heads:
        lines = h.lines(width - 0.5)
        c = h.key.removeprefix("criterion-")
        key = "criterion_title" if c.isdigit() else f"module_title_{c.lower()}"
        label = typeset(tr(key, number=c, name=""), lang).rstrip()
        if not h.text.startswith(label):
            continue  # a module named as the library's default: one word, no label
        if len(lines) > 1:
            broken += 1
            assert lines[0] == label, (lang, lines)
            assert all(label not in ln for ln in lines[1:]), (lang, lines)
            # and the name's lines balanced: no word alone ("Critère 1 : / Sûreté, / …")
            assert all(len(ln.split()) >= 2 for ln in lines[1:]), (lang, lines)
        else:
            assert h._measure(h.text) <= width - 0.5, (lang, lines)
    if lang == "fr":
        assert broken >= 2  # the French names are long: several take two lines
