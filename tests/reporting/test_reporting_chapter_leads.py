"""rd20 fr p.58–59, ar p.24–25: each chapter opened with the same six lines on reading the charts
(bars, whiskers, where a percentage axis ends, how differences are computed), and at two chapter
starts the first indicator's chart and main table no longer fitted the page together. The lead is
said in full once, at the head of the first chapter that compares groups; each later chapter
keeps its first line and says where the rest is: by the chapter's name and, in the PDF, its
page — "the head of the first chapter that compares groups" sent readers of Criterion 1 to look
on its own page, Module A calling itself descriptive (rd21 en, fr, ar p.18)."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results
from test_reporting_tables_act import _builder, texts

from workbench.reporting.charts_axes import SHARE_FULL_PAST
from workbench.reporting.fmt import fmt_number
from workbench.reporting.i18n import Translator


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_chapter_lead_is_said_in_full_once_then_pointed_to(lang) -> None:
    r = make_results()
    b, views = _builder(r, lang)
    tr = Translator(lang)
    rule = tr("chart_axis_rule", half=fmt_number(SHARE_FULL_PAST, 0, lang))
    crits = list(dict.fromkeys(v.info.criterion for v in views.values() if v.table.compared))
    assert len(crits) >= 2, crits
    leads = []
    for c in crits[:3]:
        part = {k: v for k, v in views.items() if v.info.criterion == c}
        leads.append(texts(b.criterion_sections(part, (c,)))[1])
    first, *later = leads
    assert rule in first and first.endswith(tr("fn_points")), first
    name = b._chapter_name(crits[0])
    assert (
        name
        and not name.endswith(":")
        and name
        in tr(
            "criterion_title" if crits[0].isdigit() else f"module_title_{crits[0].lower()}",
            number=crits[0],
            name="",
        )
    )
    pointer = tr("lead_said_before_rule", chapter=name.replace(" ", "\u00a0"))
    assert pointer not in first
    for lead in later:
        assert lead.startswith(tr("chart_ci_note")) or tr("chart_ci_note") in lead, lead
        assert lead.endswith(pointer), lead
        assert rule not in lead and tr("fn_points") not in lead, lead
        assert len(lead) < len(first) / 2, (lead, first)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_later_chapter_gives_the_page_of_the_lead_said_in_full(lang, request) -> None:
    """The PDF's pointer prints the page of the chapter that holds the full lead and the rule
    "How a gap is judged"; the Word report, whose pages fall elsewhere, names the chapter only."""
    import re

    from docx import Document
    from test_reporting_pdf import page_texts

    pdf = request.getfixturevalue(f"{lang}_report")
    tr = Translator(lang)
    flat = [re.sub(r"\s+", " ", t) for t in page_texts(pdf)]
    head = re.sub(r"\s+", " ", tr("lead_said_before_rule", chapter="\x00").partition("\x00")[0])
    cited = [m for t in flat for m in re.finditer(re.escape(head) + r"(.+?), p\. (\d+)", t)]
    assert len(cited) >= 2, [t[:200] for t in flat if head in t]
    for m in cited:
        name, page = m.group(1), int(m.group(2))
        assert flat[page - 1].lstrip().startswith(name) or name in flat[page - 1][:200], (
            name,
            page,
            flat[page - 1][:200],
        )
        assert tr("fn_points")[:40] in flat[page - 1], flat[page - 1][:400]
    doc = Document(str(pdf.with_suffix(".docx")))
    said = [p.text for p in doc.paragraphs if head in re.sub(r"\s+", " ", p.text)]
    assert said and not [s for s in said if re.search(r", p\. \d+", s)], said
