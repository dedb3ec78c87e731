"""Issue 20's findings, each guarded where it can be checked without a whole PDF: Arabic line
order and brackets, chart labels measured against their panels, decimal-comma ticks, one '*'
per hidden run, the colour-blind-safe traffic light, empty cells, money, plan report fields."""

from __future__ import annotations

import itertools
import math
import re

import pandas as pd
import pytest
from reporting_fixture import make_results
from reporting_testkit import FIXED

from workbench.plan.model import Plan
from workbench.reporting import ReportOptions
from workbench.reporting.build import gate
from workbench.reporting.charts import chart_figure
from workbench.reporting.i18n import Translator
from workbench.reporting.palette import OKABE_ITO, RATING_STYLE, SERIES, lightness, luminance
from workbench.reporting.pdf_tables import _cell
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.rtl import actual_text, visual, wrap_logical
from workbench.stats.results import stock_margin

GAP = (
    "• العائدون: وضع أسوأ من المجتمع المضيف في «الوصول إلى الصرف الصحي الأساسي»: 9.3% مقابل 60.3%."
)


def _percent_sides(line: str) -> set[str]:
    """Where the % of each number sits in a visual line: 'before' (%9.3) or 'after' (9.3%)."""
    sides = set()
    for m in re.finditer(r"%?\d+(?:\.\d+)?%?", line):
        if m.group(0).startswith("%"):
            sides.add("before")
        elif m.group(0).endswith("%"):
            sides.add("after")
    return sides


def test_arabic_wrapped_lines_keep_numbers_as_the_first_line_does():
    """A continuation line '9.3% مقابل 60.3%' was reordered without the paragraph's Arabic
    context: its first number came out as '9.3%' and the second as '%60.3'."""
    sides: set[str] = set()
    for width in (90, 70, 60, 50, 40):
        for line in wrap_logical(GAP, width, len):
            sides |= _percent_sides(visual(line, True))  # as RTLParagraph draws it
    assert len(sides) == 1, sides
    # read right to left, the numbers come in their logical order
    for width in (90, 50):
        for line in wrap_logical(GAP, width, len):
            numbers = re.findall(r"\d+\.\d+", visual(line, True))[::-1]
            assert numbers == re.findall(r"\d+\.\d+", line)


def test_arabic_keeps_the_brackets_of_a_latin_run():
    shown = visual("• IDPs in camps [en]: وضع أسوأ (DS 5.1.1)")
    assert "IDPs in camps [en]" in shown and "(DS 5.1.1)" in shown
    assert "[IDPs" not in shown


def test_actual_text_holds_the_letters_as_they_lie():
    """The span holds the line's letters (UTF-16BE), the right-to-left run reversed and the
    number kept: what poppler reorders back to 'الملخص 9.3%'."""
    hexed = actual_text("الملخص 9.3%")
    assert hexed.startswith("<FEFF") and bytes.fromhex(hexed[5:-1]).decode("utf-16-be") == (
        "9.3% صخلملا"
    )


def _measured(fig):
    """Every visible panel's box and its tick labels' boxes, in pixels, after drawing."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    out = []
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        labels = [t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text()]
        out.append((ax.get_window_extent(renderer), labels))
    return out, fig.bbox


def _long_label_views():
    r = make_results()
    est = r.estimates
    long = {
        "North": "With disability",
        "South": "Without disability",
        "East": "Another district of Freedonia",
    }
    est["disaggregation_value"] = est["disaggregation_value"].replace(long)
    _ctx, views, _v = gate(r, ReportOptions(language="en", fixed_timestamp=FIXED))
    return views


def test_no_chart_label_is_cut_or_runs_into_the_next_panel():
    """Measured: each level name lies inside the figure and overlaps no other panel (the
    disability panel lost its labels, 'lity'; long names ran into the next panel)."""
    views = _long_label_views()
    for rtl in (False, True):
        for v in list(views.values())[:3]:
            parts = [(lbl, c) for _d, lbl, _t, c in v.disaggregations]
            fig = chart_figure(v.chart, parts, 6.7, "Total", rtl)
            panels, figbox = _measured(fig)
            boxes = [p for p, _l in panels]
            for i, (_box, labels) in enumerate(panels):
                for lab in labels:
                    assert lab.x0 >= figbox.x0 - 0.5 and lab.x1 <= figbox.x1 + 0.5, (rtl, lab)
                    for j, other in enumerate(boxes):
                        if j != i:
                            assert not lab.overlaps(other), (rtl, v.info.id, i, j)


def test_french_chart_ticks_use_the_decimal_comma_and_axes_say_percent():
    r = make_results()
    _ctx, views, _v = gate(r, ReportOptions(language="fr", fixed_timestamp=FIXED))
    mean = next(v for v in views.values() if v.info.statistic == "mean")
    share = next(v for v in views.values() if v.info.statistic == "proportion")
    fig = chart_figure(mean.chart, [], 6.7, "Total", lang="fr")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    # a decimal comma wherever a tick has decimals (the axis ends on a "nice" tick since 71c3d89:
    # here 0, 2, 4, 6 with none; test_reporting_demo_charts checks every demo axis)
    assert ticks and not any("." in t for t in ticks), ticks
    fig = chart_figure(share.chart, [], 6.7, "Total", lang="fr")
    assert fig.axes[0].get_xlabel() == "%"


def test_palette_is_okabe_ito_and_the_traffic_light_reads_in_greyscale():
    assert SERIES[:3] == ("#0072B2", "#E69F00", "#009E73")
    order = ["red", "amber", "inconclusive", "green", "grey"]
    assert list(RATING_STYLE) == order
    light = ["red", "amber", "green"]
    # the light's own colours are published Okabe–Ito hues (not tints of them)
    assert all(RATING_STYLE[r][0] in OKABE_ITO.values() for r in light)
    # each pair at least 15 L* apart, so greyscale tells them apart: vermillion and orange
    # (the old worse / incomplete) are 16 apart but one olive yellow to a deuteranope
    ls = {r: lightness(RATING_STYLE[r][0]) for r in order}
    assert all(abs(ls[a] - ls[b]) >= 15 for a, b in itertools.combinations(light, 2)), ls
    assert ls["red"] == min(ls.values()) and ls["grey"] == max(ls.values()), ls
    assert {RATING_STYLE[r][0] for r in light}.isdisjoint({OKABE_ITO["orange"]})
    # worse is read on its fill: the text keeps WCAG AA contrast (4.5:1) on every fill
    for r in order:
        fill, text = luminance(RATING_STYLE[r][0]), luminance(RATING_STYLE[r][2])
        assert (max(fill, text) + 0.05) / (min(fill, text) + 0.05) >= 4.5, r
    assert len({RATING_STYLE[r][1] for r in order}) == 5  # a distinct symbol each
    # issue 20: inconclusive (none worse, not all shown not worse) is neutral — a grey, not a
    # hue of the light — told apart from no data (the other grey) by lightness and symbol
    fill = RATING_STYLE["inconclusive"][0].lstrip("#")
    assert fill[0:2] == fill[2:4] == fill[4:6], "a neutral grey"
    assert RATING_STYLE["inconclusive"][1] == "◆"
    assert ls["grey"] - ls["inconclusive"] >= 15, ls
    assert all(abs(ls["inconclusive"] - ls[r]) >= 8 for r in light), ls


@pytest.mark.parametrize(
    ("lang", "colours"),
    [
        ("en", ("red", "amber", "green", "grey")),
        ("fr", ("rouge", "orange", "vert", "gris")),
        ("es", ("rojo", "ámbar", "verde", "gris")),
        ("ar", ("أحمر", "كهرماني", "أخضر", "رمادي")),
    ],
)
def test_the_rating_rule_names_each_rating_by_its_symbol_and_word(lang, colours):
    """The rule said "amber when …, green when …" while the cells are yellow and sky blue (and
    read in greyscale): it names each rating as its cell shows it, symbol and word."""
    tr = Translator(lang)
    keys = (
        "summary_grid_intro",
        "summary_grid_intro_share_worse",
        "summary_grid_intro_any_worse",
        "judging_rule_share_worse",
        "judging_rule_any_worse",
    )
    for key in keys:
        text = tr(key, share="50 %")
        words = re.findall(r"\w+", text.lower())
        assert not set(colours) & set(words), (key, text)
        for rating in ("red", "amber", "inconclusive", "green"):
            assert f"{RATING_STYLE[rating][1]} {tr(f'rating_{rating}')}" in text, (key, rating)


def _empty(est: pd.DataFrame, cells: pd.Series) -> None:
    """Mark ``cells`` of the estimates as a domain with no case: empty, not suppressed."""
    est.loc[cells, ["estimate", "ci_low", "ci_high", "n"]] = [math.nan, math.nan, math.nan, 0]
    est.loc[cells, ["flag", "suppression"]] = ["suppressed", "empty"]


def _host_empty_results():
    """The fixture's results with the host column of school attendance empty (no case): a
    domain that is empty, not suppressed."""
    r = make_results()
    est = r.estimates
    est["suppression"] = ""
    host = (est["indicator_id"] == "school_attendance") & (est["group"] == "4")
    _empty(est, host)
    return r


def test_empty_cells_are_not_shown_as_suppressed():
    """A domain without a case (an adult indicator's 0–4 row, a displaced-only indicator's host
    column) showed '*' ('too few cases')."""
    r = _host_empty_results()
    _ctx, views, validation = gate(r, ReportOptions(language="en", fixed_timestamp=FIXED))
    assert not validation.errors
    v = views["school_attendance"]
    host_row = v.table.rows[v.table.comparator_row]
    assert host_row[1] == "–" and "*" not in host_row
    # nothing compared with an empty host: no difference and p columns, the reason said once
    # under the table (they were a column of "–" and an empty one)
    assert not v.table.compared and len(v.table.header) == 5
    for row in v.table.rows[:3]:
        assert row[4] == "Not applicable"
    assert "not_compared_empty" in v.flags
    for _d, _l, t, _c in v.disaggregations:
        assert all(row[-1] == "–" for row in t.rows)
    assert "empty" in v.flags


def test_money_has_thousands_separators_and_the_currency():
    r = make_results()
    est = r.estimates
    est.loc[est["indicator_id"] == "hh_size", ["estimate", "ci_low", "ci_high"]] *= 1000
    texts = r.snapshot.texts
    inds = tuple(
        i.__class__(**{**i.__dict__, "measure": "money"}) if i.id == "hh_size" else i
        for i in texts.indicators
    )
    import dataclasses

    info = dict(texts.report_info) | {"currency": "FRD"}
    r.snapshot = dataclasses.replace(
        r.snapshot, texts=dataclasses.replace(texts, indicators=inds, report_info=info)
    )
    _ctx, views, validation = gate(r, ReportOptions(language="en", fixed_timestamp=FIXED))
    v = views["hh_size"]
    # the amount carries its currency, as the difference beside it (test_reporting_money_cells)
    assert re.fullmatch(r"\d{1,3}(,\d{3})+\u00a0FRD", v.table.rows[0][1]), v.table.rows[0]
    assert v.chart.axis == "FRD"
    # a difference of money is money: "−654 FRD", not a bare "−654" beside amounts in FRD
    diffs = [row[4].rstrip("*†") for row in v.table.rows if row[4].strip("*†")]
    assert diffs and all(d.endswith("\u00a0FRD") for d in diffs), diffs
    assert not any(f.code == "report.chart_equals_table" for f in validation.findings)
    _ctx, fr, _v = gate(r, ReportOptions(language="fr", fixed_timestamp=FIXED))
    fr_diffs = [row[4].rstrip("*†") for row in fr["hh_size"].table.rows if row[4].strip("*†")]
    assert fr_diffs and all(d.endswith("\u00a0FRD") for d in fr_diffs), fr_diffs


def test_a_wide_interval_wraps_instead_of_running_into_the_next_column():
    styles = make_styles("en")
    assert isinstance(_cell("12,345", styles.cell, "en", 40), str)
    wrapped = _cell("1,096,000 – 1,295,000", styles.cell, "en", 70)
    assert not isinstance(wrapped, str)  # a paragraph: wraps at its spaces


def test_plan_report_fields_round_trip_and_reach_the_context():
    text = (Plan("p").to_toml() + '\n[report]\narea = { en = "North", fr = "Nord" }\n'
            'reference_period = "May 2026"\ncurrency = "FRD"\noffice = "NSO"\n'
            'contact = "nso@example.org"\n')  # fmt: skip
    plan = Plan.from_toml(text)
    assert plan.report.area == {"en": "North", "fr": "Nord"} and plan.report.currency == "FRD"
    assert Plan.from_toml(plan.to_toml()) == plan
    r = make_results()
    import dataclasses

    r.snapshot = dataclasses.replace(
        r.snapshot,
        texts=dataclasses.replace(
            r.snapshot.texts, report_info=plan.report.to_dict() | {"language": "en"}
        ),
    )
    ctx, _views, _v = gate(r, ReportOptions(language="fr", fixed_timestamp=FIXED))
    assert ctx.area.shown() == "Nord"
    assert ctx.reference_period.shown() == "May 2026 [en]"  # only in the plan's language
    assert (ctx.currency, ctx.contact) == ("FRD", "nso@example.org")
    assert ctx.office.shown() == "NSO [en]"  # a text by language, given only in the plan's


def test_levels_take_the_datasets_value_labels_in_every_language():
    from workbench.dataset_model import Variable
    from workbench.plan.model import Disaggregation
    from workbench.plan.snapshot import _levels

    var = Variable(
        "urban",
        value_labels={1.0: "Urban", 2.0: "Rural", 98.0: "Don't know"},
        value_labels_i18n={"en": {1.0: "Urban", 2.0: "Rural"}, "fr": {1.0: "Urbain", 2.0: "Rural"}},
    )
    d = Disaggregation("area", column="urban", missing=(98,))
    levels = {lv.value: lv.labels for lv in _levels(d, "en", {"urban": var})}
    assert levels["Urban"] == {"en": "Urban", "fr": "Urbain"}
    assert isinstance(pd.Series(list(levels)), pd.Series)


def test_translation_check_fails_on_english_a_catalogue_could_translate():
    """Every visible string not in the report's language is counted, marked or not: English a
    catalogue or the run's labels translate fails the gate ("Urban / rural", "Female × 0–4" and
    "Don't know" were printed in a French report whose check said "passed")."""
    from workbench.reporting.language_check import check_languages

    r = make_results()
    ctx, views, validation = gate(r, ReportOptions(language="fr", fixed_timestamp=FIXED))
    assert not validation.errors
    (marked,) = [f for f in validation.findings if f.severity == "warning"
                 and f.params.get("wording") == "marked"]  # fmt: skip
    assert marked.params["count"] >= 1 and "[en]" not in marked.params["examples"]
    v = next(iter(views.values()))
    v.table.rows[0][0] = "Female"  # a level printed in English: the catalogue has "Féminin"
    v.disaggregations[0][2].rows[0][0] = "Host community (comparator)"  # the plan has it
    (leak,) = [f for f in check_languages(ctx, views, r.snapshot) if f.severity == "error"]
    assert leak.params["count"] == 2
    assert "Female" in leak.params["examples"] and "Host community" in leak.params["examples"]
    assert "Féminin" not in leak.params["examples"]


def test_summary_gives_the_stock_the_daggers_and_the_number_of_tests():
    """The executive summary never gave the IDP stock, dropped the † of unreliable figures and
    had no sense of how many tests were made."""
    from workbench.reporting.summary import key_gaps, tests_made
    from workbench.reporting.summary_stock import idp_stock
    from workbench.stats.summary import ASSESSED

    r = make_results()
    cmp_ = r.comparisons
    worse = cmp_[(cmp_["disaggregation"] == "total") & (cmp_["assessment"] == "worse")
                 & cmp_["criterion"].isin(list("12345678"))].iloc[0]  # fmt: skip
    est = r.estimates
    row = (est["indicator_id"] == worse["indicator_id"]) & (est["group"] == worse["group"])
    est.loc[row & (est["disaggregation"] == "total"), "flag"] = "caution"
    ctx, _views, _v = gate(r, ReportOptions(language="en", fixed_timestamp=FIXED))
    pub = r.publishable()
    gaps = key_gaps(pub, ctx, "worse", limit=100)
    title = ctx.indicators[worse["indicator_id"]].title.shown()
    (line,) = [g for g in gaps if title in g and ctx.group(worse["group"]).label.text in g]
    assert re.search(r"\d%† vs", line), line
    stock = idp_stock(pub, ctx)
    cells = r.stock[(r.stock["group"] == "all_displaced") & (r.stock["table"] == "sex_by_age")
                    & (stock_margin(r.stock) == "")]  # fmt: skip
    assert stock and f"{round(cells['estimate'].sum()):,}" in stock
    # the total's interval and the groups it pools (readers took a stock with returnees in it
    # for an overstated count of IDPs, and a bare number for an exact count)
    total = r.stock[(r.stock["group"] == "all_displaced") & (r.stock["table"] == "sex_by_age")
                    & (stock_margin(r.stock) == "total")].iloc[0]  # fmt: skip
    # one interval form in the summary (4eba1c1), the tables' since rd22: "(95% CI a – b)"
    low, high = f"{round(total['ci_low']):,}", f"{round(total['ci_high']):,}"
    assert f"(95% CI {low}\u00a0–\u00a0{high})" in stock, stock
    # the group names inside the sentence start lower case ("… and returnees")
    assert all(g.label.shown().lower() in stock.lower() for g in ctx.displaced)
    assert "IRIS" in stock
    tests = tests_made(pub, ctx)
    # the traffic light's cells added up: criteria 1-8 × the displaced groups it shows
    made = cmp_[(cmp_["disaggregation"] == "total") & cmp_["criterion"].isin(list("12345678"))
                & cmp_["group"].isin([g.code for g in ctx.displaced])
                & cmp_["assessment"].isin(ASSESSED)]  # fmt: skip
    assert tests and tests.startswith(f"{len(made)} comparisons")
    assert f"{(made['assessment'] == 'worse').sum()} worse and " in tests
    assert f"about {round(len(made) * 0.05)} could" in tests
    # shares only: a gap never compares totals of populations of different sizes
    totals = {i.id for i in ctx.indicators.values() if i.statistic != "proportion"}
    assert not any(ctx.indicators[t].title.shown() in g for t in totals for g in gaps)


def test_chart_marks_say_why_a_bar_is_missing():
    """An empty domain drew the suppression '*' although its table cell says '–'."""
    r = _host_empty_results()
    _ctx, views, _v = gate(r, ReportOptions(language="en", fixed_timestamp=FIXED))
    v = views["school_attendance"]
    fig = chart_figure(v.chart, [], 6.7, "Total")
    marks = [t.get_text() for t in fig.axes[0].texts]
    # the host bar: no case, nothing hidden — in words since 71c3d89 ("– no case")
    assert len(marks) == 1 and marks[0].startswith("–") and "*" not in marks[0], marks


def test_a_word_written_alike_in_two_languages_is_still_translated():
    """'Rural' is the same in English and French, so it looked like a name and stayed English in
    the Arabic report — which the translation check then refused (the catalogue has it)."""
    from workbench.reporting.context import _dict_label

    assert _dict_label({"en": "Rural", "fr": "Rural"}, "ar", "").text == "ريفي"
    assert _dict_label({"en": "Alvora", "fr": "Alvora"}, "ar", "").text == "Alvora"
    assert not _dict_label({"en": "Alvora", "fr": "Alvora"}, "ar", "").untranslated
    assert _dict_label({"en": "Camp site B"}, "ar", "").untranslated


def _texts(flowables) -> list[str]:
    """The text of every paragraph among reportlab flowables (nested ones too)."""
    out: list[str] = []
    for f in flowables:
        if hasattr(f, "_content"):
            out += _texts(f._content)
        elif hasattr(f, "getPlainText"):
            out.append(" ".join(f.getPlainText().split()))
        elif isinstance(getattr(f, "text", None), str):  # RTLParagraph: logical text
            out.append(" ".join(f.text.split()))
        elif hasattr(f, "_cellvalues"):  # a table: its cells
            out += _texts([c for row in f._cellvalues for c in row if not isinstance(c, str)])
            out += [c for row in f._cellvalues for c in row if isinstance(c, str)]
    return out


def test_no_gap_words_are_told_apart_under_the_table_that_uses_them():
    """Issue 20: "No gap (equivalent)" next to "No significant difference", and nothing on the
    page said that the first is an equivalence test within the margin that matters and the
    second a difference test that cannot tell. Each word now has its note under the indicator
    that shows it, in every language, and only there."""
    from workbench.reporting.i18n import Translator
    from workbench.reporting.pdf_sections import Builder

    r = make_results()
    c = r.comparisons
    nsd = c[(c["disaggregation"] == "total") & (c["assessment"] == "no_significant_difference")]
    both = nsd.groupby("indicator_id").filter(lambda g: len(g) >= 2)["indicator_id"].iloc[0]
    first = nsd.index[nsd["indicator_id"] == both][0]
    c.loc[first, "assessment"] = "equivalent"
    quiet = [i for i in c["indicator_id"].unique() if not c.loc[
        (c["indicator_id"] == i) & (c["disaggregation"] == "total"), "assessment"
    ].isin(["equivalent", "no_significant_difference"]).any()]  # fmt: skip
    for lang in ("en", "fr", "ar"):
        opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
        ctx, views, _v = gate(r, opts)
        b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
        tr = Translator(lang)
        notes = {k: tr(f"fn_assessment_{k}") for k in ("equivalent", "no_significant_difference")}
        shown = " ".join(" ".join(_texts(b.indicator(views[both]))).split())
        for k, note in notes.items():
            assert tr(f"assessment_{k}") in shown, (lang, k)  # the word in the table …
            assert " ".join(note.split())[:40] in shown, (lang, k)  # … and its note under it
        if quiet and quiet[0] in views:
            alone = " ".join(_texts(b.indicator(views[quiet[0]])))
            assert not any(n[:40] in alone for n in notes.values()), lang


def _age(view):
    ((*age,),) = [d for d in view.disaggregations if d[0] == "age_group"]
    return age


def test_a_level_outside_the_indicators_population_is_named_not_shown():
    """Issue 20: an indicator of adults showed rows of "–" for the 0–4 and 5–14 age groups,
    while other empty combinations were dropped. One rule: a level with no case in any group is
    left out of the table and its chart and named in a note under the indicator; a level empty
    for some groups only keeps its row, "–" in their cells."""
    from workbench.reporting.i18n import Translator
    from workbench.reporting.pdf_sections import Builder

    r = make_results()
    est = r.estimates
    est["suppression"] = ""
    young = (est["indicator_id"] == "feel_safe") & (est["disaggregation_value"] == "0-17")
    _empty(est, young)
    # in another indicator the level is empty for the comparator only: the row stays
    host = (est["indicator_id"] == "victim_violence") & (est["disaggregation_value"] == "0-17")
    host &= est["group"] == "4"
    _empty(est, host)
    for lang in ("en", "fr", "ar"):
        opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
        ctx, views, validation = gate(r, opts)
        assert not validation.errors
        label = ctx.level("age_group", "0-17", "feel_safe").shown()
        _d, by, table, chart = _age(views["feel_safe"])
        assert table.dropped == [label] and label not in [row[0] for row in table.rows]
        assert label not in chart.categories
        note = Translator(lang)("fn_levels_dropped", breakdown=by, levels=label)
        b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
        note = note.replace("0-17", "0–17")  # as printed: the range with an en dash
        assert " ".join(note.split()) in " ".join(_texts(b.indicator(views["feel_safe"])))
        kept = _age(views["victim_violence"])[2]
        assert not kept.dropped and kept.rows[0][0] == label and kept.rows[0][-1] == "–"


def _tables(flowables) -> list:
    out = []
    for f in flowables:
        if hasattr(f, "_content"):
            out += _tables(f._content)
        elif hasattr(f, "_cellvalues"):
            out.append(f)
    return out


def test_a_stock_row_with_no_case_anywhere_is_named_not_shown():
    """The same rule in the stock tables: the demo's camp / non-camp table printed three rows
    of "–" for a "Not stated" location type no displaced person has; they are left out. And
    not named under the table: "Not stated" is no category of the plan but the units a value
    is missing for, none here (the French note « absent du tableau — Non déclaré × Urbain, … »
    spoke of a category no reader was shown, issue 20)."""
    from workbench.reporting.i18n import Translator
    from workbench.reporting.pdf_sections import Builder
    from workbench.stats.results import STOCK_NOT_STATED

    r = make_results()
    st = r.stock.assign(suppression="")
    empty = st[(st["table"] == "sex_by_age") & (st["row_value"] == "Female")].assign(
        row_value=STOCK_NOT_STATED, estimate=math.nan, ci_low=math.nan, ci_high=math.nan, n=0,
        flag="suppressed", suppression="empty",
    )  # fmt: skip
    r.stock = pd.concat([st, empty], ignore_index=True)
    for lang in ("en", "fr", "ar"):
        opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
        ctx, _views, _v = gate(r, opts)
        b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
        story = b.stock()
        rows = [c for t in _tables(story) for c in _texts([row[0] for row in t._cellvalues])]
        label = ctx.level("sex", STOCK_NOT_STATED).shown()
        assert rows and not [c for c in rows if c.startswith(f"{label} × ")], lang  # no row …
        note = Translator(lang)("fn_stock_rows_dropped", breakdown="§", levels="§").split("§")[1]
        said = " ".join(_texts(story))
        assert note.strip() not in said and f"{label} × " not in said, lang  # … nor a note


def test_a_dash_in_the_solutions_measure_is_explained():
    """Issue 20: "–" in the solutions measure (the host community under homogeneous cells,
    which it cannot enter: no place of origin, no year of arrival) had no note; the section's
    note now says what it means, when one is shown."""
    from workbench.reporting.i18n import Translator
    from workbench.reporting.pdf_sections import Builder

    r = make_results()
    sol = r.solutions.assign(suppression="")
    cell = (sol["group"] == "3") & (sol["disaggregation"] == "sex")
    sol.loc[cell, ["share", "ci_low", "ci_high", "number", "n", "n_assessable"]] = [
        math.nan, math.nan, math.nan, math.nan, 0, 0,
    ]  # fmt: skip
    sol.loc[cell, ["flag", "suppression"]] = ["suppressed", "empty"]
    for lang, solutions, said in (("en", r.solutions, False), ("fr", sol, True), ("ar", sol, True)):
        r.solutions = solutions
        opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
        ctx, _views, _v = gate(r, opts)
        b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
        text = " ".join(_texts(b.solutions()))
        note = " ".join(Translator(lang)("fn_empty").split())  # fr_B 5: not cells
        assert (note in text) == said, lang
        cells = [c for t in _tables(b.solutions()) for row in t._cellvalues for c in row]
        assert any(str(getattr(c, "text", c)).strip() == "–" for c in cells) == said, lang


def test_a_withheld_solutions_headline_says_why_in_its_section():
    """Issue 20: the solutions section's headline table showed "*" for every displaced group
    and all displaced (IRIS layered: withheld as a complement), with no reason and no other
    figure nearby; the executive summary's sentence — why, and the other methods' shares with
    their intervals — is now under the table."""
    from workbench.reporting.pdf_sections import Builder
    from workbench.reporting.summary import solutions_headline

    r = make_results()
    sol = r.solutions.assign(suppression="")
    cell = (sol["method"] == sol["method"].iloc[0]) & (sol["disaggregation"] == "total")
    cell &= sol["group"] == "all_displaced"
    sol.loc[cell, ["flag", "suppression"]] = ["suppressed", "complementary"]
    for lang, solutions, said in (("en", r.solutions, False), ("en", sol, True), ("fr", sol, True)):
        r.solutions = solutions
        opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
        ctx, _views, _v = gate(r, opts)
        b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
        why = " ".join(str(solutions_headline(r.publishable(), ctx)).split())
        assert (why in " ".join(_texts(b.solutions()))) == said, lang


def test_a_solutions_headline_published_as_a_bound_prints_the_bound():
    """Issue 20: the engine publishes a withheld headline as an upper bound (``share_below``,
    stats.suppression.headline_bounds) — the report printed "*" and "the share is withheld";
    the headline table, the methods table and the summary now print the bound."""
    from workbench.reporting.pdf_sections import Builder
    from workbench.reporting.summary import solutions_headline

    r = make_results()
    sol = r.solutions.assign(suppression="", share_below=float("nan"))
    cell = (sol["method"] == sol["method"].iloc[0]) & (sol["disaggregation"] == "total")
    cell &= sol["group"] == "all_displaced"
    sol.loc[cell, ["flag", "suppression"]] = ["suppressed", "complementary"]
    for lang, bounded, shown, said in (
        ("en", False, "< 0.5%", "fewer than 0.5%"),
        ("en", True, "< 0.5%", "fewer than 0.5%"),
        ("fr", True, "< 0,5\u00a0%", "moins de 0,5\u00a0%"),
    ):
        sol.loc[cell, "share_below"] = 0.005 if bounded else float("nan")
        r.solutions = sol
        opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
        ctx, _views, _v = gate(r, opts)
        b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
        texts = _texts(b.solutions())
        head = str(solutions_headline(r.publishable(), ctx))
        assert (shown in texts) == bounded, (lang, [t for t in texts if "<" in t])
        assert (said in head) == bounded, head


def test_the_methodology_accounts_for_units_in_no_group():
    """Issue 20: the demo's report said 2,999 households analysed while its groups' numbers of
    cases add up to 2,989: 10 households of "Unknown status" (49 people) were in no group and
    the report never said so. The respondents section now says who they are and where they are
    counted (the engine's exclusions: engine.no_group)."""
    import dataclasses

    from workbench.reporting.context import build_context
    from workbench.reporting.pdf_annexes import respondents
    from workbench.reporting.pdf_sections import Builder
    from workbench.stats.snapshot import GroupText

    r = make_results()
    unknown = GroupText("99", "exclude", {"en": "Unknown status", "fr": "Statut inconnu"})
    texts = dataclasses.replace(r.snapshot.texts, groups=(*r.snapshot.texts.groups, unknown))
    r.snapshot = dataclasses.replace(r.snapshot, texts=texts)
    ex = {"households_without_consent": 1, "consent_column": "consent", "individuals_excluded": 3}
    for lang, outside, words in (
        ("en", 0, None),
        ("en", 10, "10 households (49 people) belong to no population group"),
        ("fr", 10, "10 ménages (49 personnes) n’appartiennent à aucun groupe"),
        ("en", 10, "of this report (unknown status):"),  # its label (in a sentence), not its code
        ("fr", 10, "de ce rapport (statut inconnu) :"),
    ):
        more = {"households_no_group": outside, "individuals_no_group": 49 if outside else 0}
        more |= {"no_group_codes": ["99"] if outside else [], "households_no_group_code": 0}
        r.snapshot = dataclasses.replace(r.snapshot, exclusions=ex | more)
        opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
        ctx = build_context(r, opts)
        b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
        text = " ".join(_texts(respondents(b)))
        if words is None:
            assert "no population group" not in text, text
        else:
            assert words in text, text
