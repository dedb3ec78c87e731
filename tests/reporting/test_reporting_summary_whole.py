"""rd17 (fr p. 6, ar p. 6): the executive summary's solutions paragraph split at a page foot,
its last two lines — the largest method's figure — alone atop the next page, cut from their
sentence. It is kept whole, as the briefing keeps its overview paragraphs."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results
from reportlab.platypus import KeepTogether

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.summary import solutions_headline


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_summarys_solutions_paragraph_is_kept_whole(lang) -> None:
    r = make_results()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    headline = solutions_headline(r.publishable(), ctx)
    assert headline
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    kept = [f for f in b.summary() if isinstance(f, KeepTogether) and len(f._content) == 1]
    texts = [" ".join(getattr(f._content[0], "text", "").split()) for f in kept]
    assert any(t == " ".join(headline.split()) or headline.split()[0] in t for t in texts), texts
