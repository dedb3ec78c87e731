"""Issue 20: a population total is "not compared" between groups (the engine's
``population_total`` reason), so its charts draw the displaced groups only and say so — the
host community's 34,863 separated members were drawn as the longest bar beside the displaced
groups' totals, though its rate was 3.9% against 28.6%."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results
from reportlab.platypus import Image
from test_reporting_omitted_rows import _texts

from workbench.reporting import ReportOptions
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
    note = Translator(lang)("fn_no_chart_total", comparator=_in_sentence(host))
    assert note[:20] in text and note[-20:] in text
    assert note[:20] not in " ".join(_texts(b.indicator(other)))


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_total_not_compared_is_given_as_tables_without_a_chart(lang) -> None:
    """rd19 ar p.64 (rd18 L34): the separated family members' three totals (13,064 / 21,914 /
    12,300) were drawn as bars on one axis under a note saying totals of populations of
    different sizes are not compared — the bars invited exactly that comparison. A total's
    indicator now has its tables and no chart, in the PDF and the Word report alike; a share
    keeps its chart."""
    r = _a_total_not_compared()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    views = build_views(r.publishable(), ctx)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())

    def images(flowables) -> int:
        found = 0
        for f in flowables:
            found += isinstance(f, Image)
            found += images(getattr(f, "_content", []))
        return found

    assert images(b.indicator(views["family_separated"])) == 0
    assert images(b.indicator(views["food_insecure"])) == 1
    # a breakdown withheld whole: its line reads as under an indicator with a chart
    est = r.estimates
    part = (est["indicator_id"] == "family_separated") & (est["disaggregation"] != "total")
    dis = str(est.loc[part, "disaggregation"].iloc[0])
    est.loc[part & (est["disaggregation"] == dis), ["flag", "suppression"]] = [
        "suppressed",
        "primary",
    ]
    v = build_views(r.publishable(), build_context(r, opts))["family_separated"]
    assert v.withheld
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    text = " ".join(_texts(b.indicator(v)))
    tr = Translator(lang)
    # the same words as under an indicator with a chart (rd21 en p. 64 vs p. 70)
    assert tr("breakdown_withheld_shown") in text


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
    given = tr("fn_no_chart_total", comparator=name)
    said = tr("fn_no_chart_total_withheld", comparator=name)

    def flat(x: str) -> str:
        return " ".join(x.split())

    assert flat(given) not in flat(text) and flat(said) in flat(text), text
