"""Issue 20: a population total is "not compared" between groups (the engine's
``population_total`` reason), so its charts draw the displaced groups only and say so — the
host community's 34,863 separated members were drawn as the longest bar beside the displaced
groups' totals, though its rate was 3.9% against 28.6%."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results
from test_reporting_omitted_rows import _texts

from workbench.reporting import ReportOptions
from workbench.reporting.charts import panel_count
from workbench.reporting.context import _in_sentence, build_context
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.views import build_views


def _a_total_not_compared():
    r = make_results()
    cmp_ = r.comparisons.copy()
    cmp_["not_compared_reason"] = ""
    ind = cmp_["indicator_id"] == "family_separated"
    cmp_.loc[ind, ["assessment", "not_compared_reason"]] = ["not_compared", "population_total"]
    r.comparisons = cmp_
    return r


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_a_total_is_charted_for_the_displaced_groups_only(lang) -> None:
    r = _a_total_not_compared()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    assert ctx.comparator is not None
    host = ctx.comparator.label.shown()
    views = build_views(r.publishable(), ctx)
    v = views["family_separated"]
    assert host not in v.chart.categories and v.chart.comparator_index is None
    assert len(v.chart.categories) == len(v.chart.series[0].values) == len(ctx.displaced)
    assert v.disaggregations and all(
        not any(s.comparator for s in c.series) for _d, _l, _t, c in v.disaggregations
    )
    assert any(host in row[0] for row in v.table.rows)  # the table still gives its total
    other = views["food_insecure"]  # a share stays compared, the host drawn beside
    assert host in other.chart.categories
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    text = " ".join(_texts(b.indicator(v)))
    charts = panel_count(*b.chart_job(v)[:2])  # "the chart" of one, "the charts" of more
    note = Translator(lang)("fn_chart_displaced_only", comparator=host, charts=charts)
    assert note[:20] in text and note[-20:] in text
    assert note[:20] not in " ".join(_texts(b.indicator(other)))


def test_the_host_row_is_tagged_comparator_only_where_the_table_compares() -> None:
    """en_B B13: "Host community (comparator) 34,863†" in a "Not compared (total)" table — a
    table that compares nothing names the host community plainly; a compared table keeps the
    tag."""
    r = _a_total_not_compared()
    for lang in ("en", "fr", "ar"):
        ctx = build_context(r, ReportOptions(language=lang))
        assert ctx.comparator is not None
        tr = Translator(lang)
        host = ctx.comparator.label.shown()
        views = build_views(r.publishable(), ctx)
        labels = [row[0] for row in views["family_separated"].table.rows]
        assert host in labels and not any(tr("comparator_tag") in x for x in labels), labels
        compared = [row[0] for row in views["food_insecure"].table.rows]
        assert f"{host} ({tr('comparator_tag')})" in compared, compared


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_withheld_comparator_total_gets_no_note_pointing_at_it(lang) -> None:
    """Issue 20: the host's separated family members (a † count of 37 households) are now
    withheld, "*"; the note under the chart still said its total was "given in the table"."""
    r = _a_total_not_compared()
    ctx = build_context(r, ReportOptions(language=lang))
    assert ctx.comparator is not None
    est = r.estimates
    host = (est["indicator_id"] == "family_separated") & (est["group"] == ctx.comparator.code)
    est.loc[host, "flag"] = "suppressed"
    est.loc[host, "suppression"] = "primary"
    opts = ReportOptions(language=lang)
    views = build_views(r.publishable(), ctx)
    v = views["family_separated"]
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    text = " ".join(_texts(b.indicator(v)))
    tr = Translator(lang)
    name = _in_sentence(ctx.comparator.label.shown())
    charts = panel_count(*b.chart_job(v)[:2])
    given = tr("fn_chart_displaced_only", comparator=name, charts=charts)
    said = tr("fn_chart_displaced_only_withheld", comparator=name, charts=charts)

    def flat(x: str) -> str:
        return " ".join(x.split())

    assert flat(given) not in flat(text) and flat(said) in flat(text), text
