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
    # the briefing's short headline, its other methods' lines kept with it (rd21)
    headline = solutions_headline(r.publishable(), ctx, short=True)
    assert headline
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    kept = [f for f in b.summary() if isinstance(f, KeepTogether)]
    texts = [" ".join(getattr(f._content[0], "text", "").split()) for f in kept]
    assert " ".join(headline.split()) in texts, texts


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_briefings_overview_is_the_reports_without_its_long_asides(lang) -> None:
    """rd17: the French Word briefing's overview ran two lines onto a page of its own (5 pages,
    the brief asks 2–4). The briefing names the report's stock section, not its table's long
    title, and leaves out that each method is checked on its own (the report says it)."""
    import pandas as pd

    from workbench.reporting.i18n import Translator
    from workbench.reporting.summary_stock import idp_stock

    r = make_results()
    sol = r.solutions  # a second method, the headline's share published as a bound
    sol = pd.concat([sol, sol.assign(method="composite_mean")], ignore_index=True)
    sol["share_below"] = (sol["method"] != "composite_mean").map({True: 0.005, False: None})
    r.solutions = sol
    ctx = build_context(r, ReportOptions(language=lang))
    tr = Translator(lang)
    pub = r.publishable()
    report, brief = solutions_headline(pub, ctx), solutions_headline(pub, ctx, short=True)
    assert report and brief and len(brief) < len(report)
    # which one leads: the report says why; the briefing names it the headline method in its
    # sentence, and its list of the others says they are for comparison (rd17)
    assert tr("solutions_headline_chosen") in report
    lead = tr("solutions_headline_below_brief").split("{method}")[0].rsplit("}", 1)[-1].strip()
    assert lead and lead in brief, (lead, brief)
    each = tr("solutions_headline_below").rsplit(".", 2)[-2].strip()  # "each method … own"
    assert each[:25] in report and each[:25] not in brief, (each, brief)
    stock = idp_stock(pub, ctx, briefing=True)
    assert stock and tr("stock_where_briefing") not in stock
    assert stock.startswith(idp_stock(pub, ctx)[:40])  # type: ignore[index]
