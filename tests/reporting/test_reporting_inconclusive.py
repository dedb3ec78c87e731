"""Issue 20 (rd17 en p. 23, fr p. 23 and the criterion 1 grid): "Victims of violence who
reported it" showed gaps of −19.5 and −17.5 pp, against a comparator of n = 260 (CI 22.7–57.7),
as "No significant difference" — read as "no gap" — and the grid counted them as assessed and
not worse without a hint. The engine now calls a non-significant gap whose interval reaches
the minimum important difference "inconclusive" (stats/judgement.py); the report shows the
word, a note with the figure under the table, and the grid counts it as it counts the better
ones, its legend saying how."""

from __future__ import annotations

import pandas as pd
import pytest
from reporting_fixture import make_results
from reporting_testkit import FIXED

from workbench.reporting import ReportOptions
from workbench.reporting.build import gate
from workbench.reporting.fmt import fmt_diff
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_grid import grid_cell, grid_legend
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.summary import traffic_light
from workbench.stats.summary import criteria_summary

LANGS = ("en", "fr", "ar")


def _texts(flowables) -> list[str]:  # type: ignore[no-untyped-def]
    """The text of every paragraph and table cell among reportlab flowables."""
    out: list[str] = []
    for f in flowables:
        if hasattr(f, "_content"):
            out += _texts(f._content)
        elif hasattr(f, "getPlainText"):
            out.append(" ".join(f.getPlainText().split()))
        elif isinstance(getattr(f, "text", None), str):  # RTLParagraph: logical text
            out.append(" ".join(f.text.split()))
        elif hasattr(f, "_cellvalues"):
            out += _texts([c for row in f._cellvalues for c in row if not isinstance(c, str)])
            out += [" ".join(c.split()) for row in f._cellvalues for c in row if isinstance(c, str)]
    return out


def _one(text: str) -> str:
    return " ".join(text.split())


def _with_inconclusive():  # type: ignore[no-untyped-def]
    """The fixture's results with one indicator's non-significant total gaps inconclusive (a
    5-point minimum), and the criteria summary counted by the engine from them."""
    r = make_results()
    c = r.comparisons
    c["min_important_difference"] = 0.05
    shares = set(r.estimates.loc[r.estimates["statistic"] == "proportion", "indicator_id"])
    quiet = c[(c["disaggregation"] == "total") & (c["assessment"] == "no_significant_difference")]
    quiet = quiet[quiet["indicator_id"].isin(shares) & quiet["criterion"].str.isdigit()]
    ind = quiet["indicator_id"].iloc[0]
    c.loc[quiet.index[quiet["indicator_id"] == ind], "assessment"] = "inconclusive"
    r.criteria_summary = criteria_summary(c)
    return r, ind


@pytest.mark.parametrize("lang", LANGS)
def test_inconclusive_gap_has_its_word_and_a_note_with_the_minimum(lang: str) -> None:
    r, ind = _with_inconclusive()
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
    ctx, views, _v = gate(r, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    tr = Translator(lang)
    shown = " ".join(_texts(b.indicator(views[ind])))
    word = tr("assessment_inconclusive")
    assert word in shown and tr("assessment_no_significant_difference") not in shown
    mid = fmt_diff(0.05, "proportion", lang, tr("unit_pp"), signed=False)
    note = _one(tr("fn_assessment_inconclusive", mid=mid))
    assert note in _one(shown), (lang, note)
    assert note.count("(*)") == 0
    # the minimum is written as the table writes its differences ("5.0 pp", "5,0 pts")
    assert _one(mid) in note and "{mid}" not in note


@pytest.mark.parametrize("lang", LANGS)
def test_grid_counts_inconclusive_indicators_and_its_legend_says_how(lang: str) -> None:
    r, _ind = _with_inconclusive()
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
    ctx, _views, _v = gate(r, opts)
    tr = Translator(lang)
    grid = traffic_light(r, ctx)
    assert grid.inconclusive, "the engine's count of inconclusive indicators reaches the grid"
    (key, count), *_ = grid.inconclusive.items()
    cell = grid_cell(tr, grid.ratings[key], 1, 3, 0, inconclusive=count)
    assert cell.splitlines()[-1] == tr("grid_inconclusive", count=count)
    assert tr("grid_inconclusive_legend") in grid_legend(tr, grid)
    # a run stored before the code (no "inconclusive" column) draws the grid as it did
    r.criteria_summary = r.criteria_summary.drop(columns=["inconclusive"])
    old = traffic_light(r, ctx)
    assert not old.inconclusive and tr("grid_inconclusive_legend") not in grid_legend(tr, old)


def test_methodology_says_the_inconclusive_rule_only_where_the_run_has_it() -> None:
    from workbench.reporting.judging import judging_paragraphs

    r, _ind = _with_inconclusive()
    assert r.snapshot is not None
    r.snapshot.options.update(substantive=True, equivalence=True)
    tr = Translator("en")
    # after the rule, which says what "inconclusive" is: how it counts (rd20: not the older
    # paragraph that restated the rule)
    counts = tr("judging_inconclusive_counts", inconclusive=tr("assessment_inconclusive"))
    assert counts in judging_paragraphs(r, tr)
    r.comparisons["assessment"] = r.comparisons["assessment"].replace(
        "inconclusive", "no_significant_difference"
    )
    said = judging_paragraphs(r, tr)
    assert counts not in said and tr("judging_inconclusive") not in said


@pytest.mark.slow
def test_demo_victims_reporting_violence_reads_inconclusive(tmp_path_factory) -> None:
    """The demo itself: the two large non-significant gaps of "Victims of violence who reported
    it" are inconclusive, and the report's table and its note say so in en, fr and ar."""
    from freedonia_testkit import make_freedonia_vault

    from workbench.service import Workbench
    from workbench.settings import Settings

    pw = "demo inconclusive test passphrase 3"
    path = tmp_path_factory.mktemp("demo_inconclusive") / "f.wbv"
    name = make_freedonia_vault(path, pw)
    wb = Workbench(Settings())
    wb.open_vault(path, pw)
    try:
        _run, res = wb.analyze(name)
    finally:
        wb.lock()
    c = res.comparisons
    ind = "c1_violence_reported"
    tot = c[(c["indicator_id"] == ind) & (c["disaggregation"] == "total")]
    big = tot[(tot["difference"].abs() >= 0.15) & (tot["p_value"] >= 0.05)]
    assert len(big) >= 2, tot[["group", "difference", "p_value", "assessment"]]
    assert (big["assessment"] == "inconclusive").all()
    # no non-significant gap with a minimum is left "no significant difference"
    quiet = c[c["assessment"].isin(["inconclusive", "no_significant_difference"])]
    has_mid = pd.to_numeric(quiet["min_important_difference"], errors="coerce").notna()
    assert (quiet.loc[has_mid, "assessment"] != "no_significant_difference").all()
    cs = res.criteria_summary
    assert int(cs.loc[cs["criterion"] == "1", "inconclusive"].sum()) >= 2
    for lang in LANGS:
        opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
        ctx, views, _v = gate(res, opts)
        b = Builder(ctx, opts, make_styles(lang), 480.0, res.publishable())
        tr = Translator(lang)
        shown = _one(" ".join(_texts(b.indicator(views[ind]))))
        assert tr("assessment_inconclusive") in shown, lang
        mid = fmt_diff(0.05, "proportion", lang, tr("unit_pp"), signed=False)
        assert _one(tr("fn_assessment_inconclusive", mid=mid)) in shown, lang
        assert tr("assessment_no_significant_difference") not in shown, lang


def test_briefing_grid_is_the_reports_with_its_inconclusive_counts() -> None:
    """rd18 (en/fr briefing p. 1): the briefing's grid dropped the "k inconclusive" lines the
    report's grid shows ("Mixed 1/4" beside the report's "Mixed 1/4 / 2 inconclusive") and its
    legend their definition; one grid, one source, in both documents."""
    from workbench.reporting.briefing import build_briefing
    from workbench.reporting.fingerprint import results_hash
    from workbench.reporting.views import build_views

    r, _ind = _with_inconclusive()
    ctx, _views, _v = gate(r, ReportOptions(language="fr", fixed_timestamp=FIXED))
    pub = r.publishable()
    view = build_briefing(pub, ctx, build_views(pub, ctx), results_hash(r))
    full = traffic_light(pub, ctx)
    assert full.inconclusive and view.grid.inconclusive == full.inconclusive
    assert view.grid.ratings == full.ratings and view.grid.better == full.better
    tr = Translator("fr")
    assert tr("grid_inconclusive_legend") in grid_legend(tr, view.grid)
    # rd18 briefing p. 3: the method in brief says how a gap is judged, the 90% interval named
    said = _one(tr("brief_method_judging", alpha=5, conf=95, level=90))
    assert any(said in _one(line) for line in view.method), view.method


def test_briefing_charts_lose_the_empty_band_but_keep_their_panels() -> None:
    """The room that keeps every briefing at 3 pages with the grid's inconclusive lines and the
    method's judging line: each chart alone drops the empty band above its title and below its
    axis label; its panel keeps its height in inches."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from workbench.reporting.briefing import build_briefing
    from workbench.reporting.briefing_story import _trimmed
    from workbench.reporting.charts import chart_figure
    from workbench.reporting.fingerprint import results_hash
    from workbench.reporting.views import build_views

    r, _ind = _with_inconclusive()
    ctx, _views, _v = gate(r, ReportOptions(language="fr", fixed_timestamp=FIXED))
    pub = r.publishable()
    view = build_briefing(pub, ctx, build_views(pub, ctx), results_hash(r))
    assert view.gaps
    g = view.gaps[0]
    whole = chart_figure(g.chart, [], 6.5, g.title, False, "fr", True)
    h0 = whole.get_size_inches()[1]
    ax0 = whole.axes[0].get_position().height * h0
    cut = _trimmed(chart_figure(g.chart, [], 6.5, g.title, False, "fr", True))
    h1 = cut.get_size_inches()[1]
    assert h1 < h0 - 0.1, (h0, h1)
    assert abs(cut.axes[0].get_position().height * h1 - ax0) < 1e-6
    box = cut.get_tightbbox(FigureCanvasAgg(cut).get_renderer())
    assert box.y0 >= 0.0 and box.y1 <= h1 + 1e-6  # nothing drawn is cut off


def _inconclusive_cell():  # type: ignore[no-untyped-def]
    """The fixture's results with one criterion's cell for one group none worse and not shown
    without a gap: 2 of its indicators inconclusive, 1 equivalent — rated ◆ Inconclusive."""
    r = make_results()
    c = r.comparisons
    tot = c[(c["disaggregation"] == "total") & c["criterion"].astype(str).str.isdigit()]
    crit, group = str(tot["criterion"].iloc[0]), str(tot["group"].iloc[0])
    rows = tot[(tot["criterion"].astype(str) == crit) & (tot["group"].astype(str) == group)]
    ids = list(dict.fromkeys(rows["indicator_id"]))[:3]
    assert len(ids) == 3
    for i, ind in enumerate(ids):
        at = rows.index[rows["indicator_id"] == ind]
        c.loc[at, "assessment"] = "equivalent" if i == 0 else "inconclusive"
    drop = rows.index[~rows["indicator_id"].isin(ids)]
    r.comparisons = c = c.drop(index=drop)
    r.criteria_summary = criteria_summary(c)
    cell = r.criteria_summary.set_index(["criterion", "group"]).loc[(crit, group)]
    assert cell["rating"] == "inconclusive" and cell["inconclusive"] == 2
    return r, (crit, group)


@pytest.mark.parametrize("lang", ("en", "fr", "es", "ar"))
def test_an_inconclusive_cell_reads_once_with_no_fraction_led_by_zero(lang: str) -> None:
    """rd19 en p.5, ar L6: "◆ Inconclusive 0/1" beside "1 inconclusive" — the same word twice in
    one cell, and a fraction led by a zero (none is worse in such a cell, by its rule). The
    cell now reads "◆ Inconclusive" then "2 of 3 inconclusive", in the PDF and in Word (one
    source, the briefing's too), and the legend says what "k of n" is."""
    import io
    from datetime import datetime

    from docx import Document
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from workbench.reporting.docx_render import DocxMeta, render_docx

    r, _key = _inconclusive_cell()
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
    ctx, _views, _v = gate(r, opts)
    tr = Translator(lang)
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    story = Builder(ctx, opts, make_styles(lang), doc.width, r.publishable()).summary()
    grid = next(f for f in story if hasattr(f, "_cellvalues") and len(f._cellvalues) > 2)
    word = tr("rating_inconclusive")
    count = tr("grid_inconclusive_of", count=2, total=3)
    meta = DocxMeta(
        language=lang, page_size="A4", title="t", author="a", subject="s", keywords="k",
        when=datetime(2026, 1, 2, 3, 4, 5), footer_note="plan v1 · abc",
        page_template="page {page} of {pages}",
    )  # fmt: skip
    word_doc = Document(io.BytesIO(render_docx(story, meta)))
    pdf_cells = [_one(t) for t in _texts([grid])]
    docx_cells = [_one(c.text) for t in word_doc.tables for row in t.rows for c in row.cells]
    for cells in (pdf_cells, docx_cells):
        # the cell's lines, run together by the text layer: compared without spaces
        bare = str.maketrans("", "", " \u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069")
        rated = [t.translate(bare) for t in cells if t.startswith("◆")]
        assert f"◆{word}{count}".translate(bare) in rated, (lang, rated)
        # no fraction in any inconclusive cell ("0/3" led by a zero): each says of how many
        assert not any("/" in t for t in rated), (lang, rated)
    # the legend says what "k of n" is
    assert tr("grid_inconclusive_legend") in grid_legend(tr, traffic_light(r, ctx))
    assert {"en": "of n", "fr": "sur n", "es": "de n", "ar": "من"}[lang] in tr(
        "grid_inconclusive_legend"
    )
