"""The report words what the engine decided about gaps: the rule in the summary and the
methodology, worse/assessed in the grid, the adjusted p beside the raw one, and an indicator not
comparable by definition described for the displaced groups only."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.fmt import fmt_diff
from workbench.reporting.i18n import Translator
from workbench.reporting.judging import grid_counts, grid_intro, judging_paragraphs
from workbench.reporting.validation import validate_report
from workbench.reporting.views import build_views


def _judged():
    r = make_results()
    cmp_ = r.comparisons.copy()
    cmp_["p_adjusted"] = (cmp_["p_value"] * 2).clip(upper=1.0)
    cmp_["not_compared_reason"] = ""
    lost = cmp_["indicator_id"] == "hlp_restituted"
    cmp_.loc[lost, ["assessment", "not_compared_reason"]] = ["not_compared", "by_definition"]
    cmp_.loc[lost, ["difference", "p_value", "p_adjusted"]] = float("nan")
    cs = r.criteria_summary.copy()
    cs["assessed"] = cs["worse"] + cs["better"] + cs["no_significant_difference"]
    cs["rule"] = "share_worse"
    r.comparisons, r.criteria_summary = cmp_, cs
    assert r.snapshot is not None
    opts = {**r.snapshot.options, "p_adjust": "holm", "use_adjusted_p": True, "red_share": 0.5}
    opts |= {"substantive": True, "equivalence": True}
    r.snapshot = type(r.snapshot)(**{**r.snapshot.__dict__, "options": opts})
    return r


def test_reporting_words_the_rule_counts_and_adjustment() -> None:
    r = _judged()
    tr = Translator("en")
    intro = grid_intro(r, tr, "Host community")
    assert "at least 50% of the assessed" in intro and "substantively worse" in intro
    counts = grid_counts(r)
    row = r.criteria_summary.iloc[0]
    assert counts[(str(row["criterion"]), str(row["group"]))] == (row["worse"], row["assessed"])
    text = " ".join(judging_paragraphs(r, tr))
    assert "share of indicators worse" in text and "Holm" in text
    assert "adjusted for multiple comparisons" in text and "not compared" in text
    fr = " ".join(judging_paragraphs(r, Translator("fr")))
    assert "Holm" in fr and "comparaisons multiples" in fr
    old = make_results()  # a run from before the rules: the ReDSS rule, no adjustment
    assert "at least one assessed indicator is worse" in judging_paragraphs(old, tr)[0]
    assert grid_counts(old) == {}


def test_reporting_tables_show_p_and_leave_out_the_comparator_by_definition() -> None:
    r = _judged()
    ctx = build_context(r, ReportOptions())
    views = build_views(r.publishable(), ctx)
    food = views["food_insecure"].table
    # the cells hold the raw p, the adjusted one in brackets: the header says which is which
    assert food.header[-1] == "p raw (adjusted)"
    fr = build_views(r.publishable(), build_context(r, ReportOptions(language="fr")))
    assert fr["food_insecure"].table.header[-1] == "p brute (ajustée)"
    ar = build_views(r.publishable(), build_context(r, ReportOptions(language="ar")))
    assert ar["food_insecure"].table.header[-1] == "p الخام (المعدّلة)"
    unadjusted = make_results()  # no adjustment: the column holds the raw p alone
    plain = build_views(unadjusted.publishable(), build_context(unadjusted, ReportOptions()))
    assert "p_adjusted" not in unadjusted.comparisons
    assert plain["food_insecure"].table.header[-1] == "p"
    cells = [row[-1] for row in food.rows if row[-1]]
    assert cells and all("(" in c for c in cells)
    host = ctx.comparator.label.shown()
    hlp = views["hlp_restituted"]
    assert all(not row[0].startswith(host) for row in hlp.table.rows)
    assert host not in hlp.chart.categories
    # nothing compared: no difference and p columns (issue 20), the assessment says why
    assert not hlp.table.compared and len(hlp.table.header) == 5
    assert all(row[4] == "Not compared" for row in hlp.table.rows)
    for _d, _l, table, chart in hlp.disaggregations:
        assert host not in table.header and all(not s.comparator for s in chart.series)
    assert not [f for f in validate_report(r) if f.severity == "error"]


def test_reporting_a_total_shows_every_group_without_a_judgement() -> None:
    """An indicator the engine did not judge because it is a total (``population_total``): the
    comparator's total is shown, the difference and p are blank, the assessment cell names the
    reason, and the methodology says why totals are not compared — apart from the sentence on
    indicators not comparable by definition."""
    r = _judged()
    cmp_ = r.comparisons
    tot = cmp_["indicator_id"] == "food_insecure"
    cmp_.loc[tot, ["assessment", "not_compared_reason"]] = ["not_compared", "population_total"]
    cmp_.loc[tot, ["difference", "p_value", "p_adjusted"]] = float("nan")
    for lang, cell, words in (
        # one indicator: the singular (readers saw "1 indicator(s) are estimated as totals")
        ("en", "Not compared (total)", "1 indicator is estimated as a total"),
        ("fr", "Non comparé (total)", "1 indicateur est estimé comme un total"),
        ("ar", "لم تُجرَ المقارنة (مجموع)", "مؤشر واحد مقدَّر كمجموع"),
    ):
        ctx = build_context(r, ReportOptions(language=lang))
        view = build_views(r.publishable(), ctx)["food_insecure"]
        host = ctx.comparator.label.shown()
        rows = view.table.rows
        assert any(row[0].startswith(host) and row[1] for row in rows)  # the total is shown
        displaced = [row for row in rows if not row[0].startswith(host)]
        # no group compared: no (empty) difference and p columns (issue 20)
        assert not view.table.compared and len(view.table.header) == 5
        assert displaced and all(row[4] == cell for row in displaced)
        text = " ".join(judging_paragraphs(r, Translator(lang)))
        assert words in text
    en = judging_paragraphs(r, Translator("en"))
    by_def = next(p for p in en if "by definition" in p)
    assert by_def.startswith("1 indicator")  # hlp_restituted only; the total is counted apart
    assert next(p for p in en if "estimated as a total" in p).startswith("1 indicator is")


def test_the_summary_says_which_p_decides_and_how_many_tests_a_family_holds() -> None:
    """Readers took the first number of "p (adjusted)" for the adjusted p; the summary's tests
    sentence now says which p the assessments use and the size of the adjustment's families
    (the rated cells': a group's indicators of one criterion)."""
    from workbench.reporting.summary import tests_made

    r = _judged()
    pub = r.publishable()
    cmp_ = pub.comparisons
    tot = cmp_[(cmp_["disaggregation"] == "total") & cmp_["p_adjusted"].notna()]
    sizes = tot.groupby(["group", "criterion"]).size()
    low, high = int(sizes.min()), int(sizes.max())
    assert low < high  # the fixture's families differ in size
    words = {
        "en": ("use the p-values adjusted", "Holm, within the indicators of each criterion or "
               f"module, for each group: {low} to {high} tests per family"),
        "fr": ("reposent sur les valeurs p ajustées", f"de {low} à {high} tests par famille"),
        "es": ("usan los valores p ajustados", f"de {low} a {high} pruebas por familia"),
        "ar": ("تستند الأحكام إلى قيم p المعدّلة", f"من {low} إلى {high} اختبارات"),
    }  # fmt: skip
    for lang, parts in words.items():
        text = tests_made(pub, build_context(r, ReportOptions(language=lang)))
        assert text and all(p in text for p in parts), (lang, text)
    # the raw p decides: said so, and where it is
    assert r.snapshot is not None
    opts = {**r.snapshot.options, "use_adjusted_p": False}
    r.snapshot = type(r.snapshot)(**{**r.snapshot.__dict__, "options": opts})
    text = tests_made(r.publishable(), build_context(r, ReportOptions()))
    assert text and "The assessments use the raw p-values (the first number" in text
    # a run without adjustment says nothing of it
    old = make_results()
    plain = tests_made(old.publishable(), build_context(old, ReportOptions()))
    assert plain and "raw p-values" not in plain and "per family" not in plain


@pytest.mark.parametrize(
    ("lang", "rule", "own"),
    [
        ("en", "means, medians, totals and ratios have no default minimum",
         "Indicators with a minimum important difference of their own: {title} (0.50"),
        ("fr", "les moyennes, médianes, totaux et ratios n’ont pas de minimum par défaut",
         "Indicateurs ayant leur propre différence minimale importante\u00a0: {title} (0,50"),
        ("es", "las medias, medianas, totales y razones no tienen mínimo por defecto",
         "Indicadores con su propia diferencia mínima importante: {title} (0,50"),
        ("ar", "المتوسطات والوسيطات والمجاميع والنسب بين كميتين فلا حدّ أدنى افتراضيًا لها",
         "مؤشرات لها حدّها الأدنى المهم للفرق الخاص بها: {title} (0.50"),
    ],
)  # fmt: skip
def test_the_methodology_states_every_minimum_important_difference(lang, rule, own) -> None:
    """Issue 20: the methodology gave a minimum important difference for shares only ("5
    percentage points for shares unless stated") while income, household size and dependency
    ratio were judged "Worse" with no threshold stated. It says the library's rule (no default
    for means, medians, totals, ratios) and names an indicator's own margin with its unit; it
    quotes the tables' label for a share exactly."""
    r = _judged()
    ctx = build_context(r, ReportOptions(language=lang))
    cmp_ = r.comparisons.copy()
    stats = cmp_["indicator_id"].map(lambda i: ctx.indicators[str(i)].statistic)
    margin = stats.map({"proportion": 0.05}).astype(float)
    cmp_["min_important_difference"] = margin.where(cmp_["indicator_id"] != "hh_size", 0.5)
    r.comparisons = cmp_
    tr = Translator(lang)
    text = " ".join(judging_paragraphs(r, tr, ctx))
    assert rule in text
    assert own.format(title=ctx.indicators["hh_size"].title.shown()) in text
    pp = fmt_diff(0.05, "proportion", lang, tr("unit_pp"), signed=False)
    assert tr("assessment_small_difference_mid", mid=pp) in text
    # only shares carry a margin: no indicator is named
    cmp_["min_important_difference"] = margin
    assert rule in " ".join(judging_paragraphs(r, tr, ctx))
    assert own.split(":")[0].split("\u00a0")[0] not in " ".join(judging_paragraphs(r, tr, ctx))
