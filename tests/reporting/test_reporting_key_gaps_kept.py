"""The key gaps' heading and its lead note keep with the first gap (issue 20, page flow): the
Arabic summary ended p. 5 on "Key gaps: the 5 largest of 82 …" and its two-line note on their
order, the five gaps all on p. 6 (rd19 ar). Measured in documents laid out by the report's own
template, the block starting lower and lower on a page."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reporting_testkit import sentinel_results
from reportlab.platypus import Paragraph, Spacer

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import Heading, make_styles

pytestmark = pytest.mark.slow  # some forty small documents


def _builder(lang: str) -> Builder:
    res = sentinel_results().publishable()
    opts = ReportOptions(language=lang)
    width = ReportDoc(io.BytesIO(), "A4", lang).width
    return Builder(build_context(res, opts), opts, make_styles(lang), width, res)


def _gaps_block(builder: Builder) -> list:
    """The summary's flowables from the key gaps' heading on (new ones: a layout spends them)."""
    flow = builder.summary()

    def headings(fs):
        for f in fs:
            yield f
            yield from headings(getattr(f, "_content", None) or [])

    at = [i for i, f in enumerate(flow) if any(
        isinstance(h, Heading) and h.key == "summary-worse" for h in headings([f]))]  # fmt: skip
    assert at, "no key gaps in the fixture's summary"
    return flow[at[0] :]


def test_the_key_gaps_heading_and_note_keep_with_a_gap():
    lang = "en"
    builder = _builder(lang)
    height = ReportDoc(io.BytesIO(), "A4", lang).height
    checked = 0
    for spacer in range(int(height) - 170, int(height) - 60, 5):
        out = io.BytesIO()
        top = Heading("Summary", 0, "summary", make_styles(lang).h1, lang)
        intro = Paragraph("The summary's first lines.", make_styles(lang).body)
        story = [top, intro, Spacer(1, float(spacer)), *_gaps_block(builder)]
        ReportDoc(out, "A4", lang).build(story)
        with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
            texts = [p.extract_text() or "" for p in pdf.pages]
        for text in texts:
            if "Key gaps" in text:
                checked += 1
                assert "•" in text, (spacer, text[-300:])
    assert checked
