"""ar_B 5: preference indicators are asked of IDPs only. The main table says "Not applicable"
for returnees, but every breakdown table had a returnee column made entirely of "–" ("no
case"), and the chart said "Returnees: no case (not drawn)", as if the sample had none. A
displaced group the engine found outside an indicator's population (its overall estimate is
``suppression = "empty"``: the main table's "Not applicable") now has no breakdown column, and
the chart names it "not applicable (not asked)"."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_hex
from reporting_fixture import make_results
from test_reporting_secondary_marks import _builder

from workbench.reporting.charts import chart_figure
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder

IND = "secure_tenure"
GROUP = "3"


def _not_asked():
    """Fixture results where group 3 has no case of ``IND`` anywhere (not asked of it)."""
    r = make_results()
    est = r.estimates
    if "suppression" not in est:
        est["suppression"] = ""
    est["suppression"] = est["suppression"].astype(object).fillna("")
    at = (est["indicator_id"] == IND) & (est["group"].astype(str) == GROUP)
    est.loc[at, ["flag", "suppression", "n"]] = ["suppressed", "empty", 0]
    return r


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_a_group_not_asked_has_no_breakdown_column_and_the_chart_says_why(lang) -> None:
    tr = Translator(lang)
    b, views = _builder(_not_asked(), lang)
    v = views[IND]
    name = b.ctx.group(GROUP).label.shown()
    # the main table keeps its row: "Not applicable"
    row = next(row for row in v.table.rows if row[0].startswith(name))
    assert tr("assessment_not_applicable") in row, row
    assert v.chart.not_applicable == (v.table.rows.index(row),)
    # no breakdown has its column (it held "–" only), and no chart series for it
    assert v.disaggregations
    for _d, _l, t, c in v.disaggregations:
        assert name not in t.header, t.header
        assert all(len(r) == len(t.header) for r in t.rows)
        assert name not in [s.name for s in c.series]
    # the chart: not drawn, named "not applicable (not asked)", the others keep their colours
    parts = [(label, c) for _d, label, _t, c in v.disaggregations]
    fig = chart_figure(v.chart, parts, 6.7, "Total", lang == "ar", lang)
    names = [t.get_text() for t in fig.legends[0].get_texts()]
    assert not any(name in n for n in names), names
    key = " ".join(t.get_text() for t in fig.texts)
    said = tr("chart_not_applicable_groups", groups="", count=1).strip(" :")
    assert said.split()[0] in key and name.split()[0] in key, key
    assert tr("chart_absent_groups", groups="", count=1).strip(" :") not in key
    full = chart_figure(
        *(lambda w: (w.chart, [(lb, c) for _d, lb, _t, c in w.disaggregations]))(
            _builder(make_results(), lang)[1][IND]
        ),
        6.7,
        "Total",
        lang == "ar",
        lang,
    )
    colours = {
        t.get_text(): to_hex(h.get_facecolor())
        for t, h in zip(full.legends[0].get_texts(), full.legends[0].legend_handles, strict=True)
    }
    kept = {
        t.get_text(): to_hex(h.get_facecolor())
        for t, h in zip(fig.legends[0].get_texts(), fig.legends[0].legend_handles, strict=True)
    }
    assert all(colours[n] == c for n, c in kept.items()), (colours, kept)


def test_a_group_with_cases_keeps_its_breakdown_column() -> None:
    b, views = _builder(make_results(), "en")
    assert isinstance(b, Builder)
    v = views[IND]
    name = b.ctx.group(GROUP).label.shown()
    assert v.chart.not_applicable == ()
    assert all(name in t.header for _d, _l, t, _c in v.disaggregations)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_group_not_asked_shows_no_dash_beside_not_applicable(lang) -> None:
    """ar_B 5: the returnee row read "–" in the estimate (its key: "no case in this group")
    beside "Not applicable" in the assessment. The estimate cell is blank, no "–" key is
    printed for it, and the "Not applicable" note says the group has no estimate."""
    tr = Translator(lang)
    b, views = _builder(_not_asked(), lang)
    v = views[IND]
    name = b.ctx.group(GROUP).label.shown()
    row = next(row for row in v.table.rows if row[0].startswith(name))
    assert row[1] == "" and tr("assessment_not_applicable") in row, row
    cells = [c for t in [v.table, *(t for _d, _l, t, _c in v.disaggregations)] for r in t.rows
             for c in r]  # fmt: skip
    assert "–" not in cells and "empty" not in v.flags, v.flags  # no other "–" in the fixture
    blank = {"en": "no estimate (blank cell)", "fr": "pas d’estimation (case vide)",
             "ar": "لا تقدير لها (خانة فارغة)"}  # fmt: skip
    assert blank[lang] in tr("fn_assessment_not_applicable")
