"""rd18–rd19 fr p.31: "Severe food insecurity" was drawn on an axis 0–50 beside p.30's
"Moderate or severe food insecurity" on 0–100, and readers were slowed, not told why. Every
percentage chart follows one rule (charts_axes: 100, or the first tick past the chart's bars and
whiskers while they all stay under half of it), its label says where a cut axis ends, and each
part's first words now state the rule, with the number the charts use."""

from __future__ import annotations

import math

import pytest
from reporting_fixture import make_results
from test_reporting_tables_act import _builder, texts

from workbench.reporting.charts_axes import SHARE_FULL_PAST, share_top
from workbench.reporting.fmt import fmt_number
from workbench.reporting.i18n import Translator
from workbench.reporting.views import ChartData, Series


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_each_part_states_the_percentage_axis_rule_the_charts_follow(lang) -> None:
    r = make_results()
    b, views = _builder(r, lang)
    tr = Translator(lang)
    rule = tr("chart_axis_rule", half=fmt_number(SHARE_FULL_PAST, 0, lang))
    assert "{" not in rule and fmt_number(SHARE_FULL_PAST, 0, lang) in rule
    share = next(k for k, v in views.items() if v.chart.statistic == "proportion")
    crit = views[share].info.criterion
    part = {k: v for k, v in views.items() if v.info.criterion == crit}
    lead = texts(b.criterion_sections(part, (crit,)))[1]
    assert rule in lead, lead

    def top(high: float) -> float:
        s = Series("x", "x", [high - 0.05], [high - 0.1], [high], [""])
        return share_top([ChartData(["a"], [s], "proportion", axis="%")])

    # the rule as stated: under half, the axis is cut (its label says where); past it, 100
    below, past = SHARE_FULL_PAST / 100 - 0.05, SHARE_FULL_PAST / 100 + 0.01
    assert top(below) < 100 and not math.isclose(top(below), 100)
    assert top(past) == 100
