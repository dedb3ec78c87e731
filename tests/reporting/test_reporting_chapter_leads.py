"""rd20 fr p.58–59, ar p.24–25: each chapter opened with the same six lines on reading the charts
(bars, whiskers, where a percentage axis ends, how differences are computed), and at two chapter
starts the first indicator's chart and main table no longer fitted the page together. The lead is
said in full once, at the head of the first chapter that compares groups; each later chapter
keeps its first line and says where the rest is."""

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
    assert tr("lead_said_before") not in first
    for lead in later:
        assert lead.startswith(tr("chart_ci_note")) or tr("chart_ci_note") in lead, lead
        assert lead.endswith(tr("lead_said_before")), lead
        assert rule not in lead and tr("fn_points") not in lead, lead
        assert len(lead) < len(first) / 2, (lead, first)
