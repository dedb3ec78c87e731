"""The briefing for decision-makers, read back from its PDF and Word files: two to four pages,
the traffic light with its rule, the IDP stock, the engine's five largest substantive gaps with
one chart each, the solutions headline with its interval, the method in five lines; the change
since the baseline for a rounds analysis; four languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from reporting_testkit import FIXED, sentinel_results

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.context import build_context
from workbench.reporting.fingerprint import results_hash
from workbench.reporting.rtl import without_marks
from workbench.reporting.summary import grid_totals
from workbench.stats.results import GROUP_TOTAL


def _poppler_text(path: Path) -> str:
    """The PDF's text as poppler extracts it (pdftotext: the Arabic text layer's logical order)."""
    import subprocess

    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return without_marks(out.stdout)


def _pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


def _largest_worse(lang: str, n: int = 5) -> list[tuple[str, str]]:
    """The engine's substantive gaps (assessment "worse") of displaced groups on the criteria's
    shares, published: the largest, one per indicator — worked out here from the results
    table —, listed largest first (rd17: each group's largest first left a larger gap unlisted
    on a listed chart, under a list "numbered from the largest down")."""
    res = sentinel_results().publishable()
    ctx = build_context(res, ReportOptions(language=lang))
    cmp_ = res.comparisons
    displaced = {g.code for g in ctx.displaced}
    sel = cmp_[
        (cmp_["disaggregation"] == GROUP_TOTAL)
        & (cmp_["assessment"] == "worse")
        & (cmp_["flag"] != "suppressed")
        & cmp_["group"].astype(str).isin(displaced)
        & cmp_["criterion"].astype(str).isin(list("12345678"))
    ]
    sel = sel[[ctx.indicators[i].statistic == "proportion" for i in sel["indicator_id"]]]
    sel = sel.assign(size=sel["difference"].abs()).sort_values("size", ascending=False)
    sel = sel.drop_duplicates("indicator_id").head(n)
    return [
        (ctx.indicators[r.indicator_id].title.shown(), ctx.group(str(r.group)).label.shown())
        for r in sel.itertuples()
    ]


def _total() -> int:
    """How many substantive gaps the sentinel run has: the traffic light's "worse" cells."""
    res = sentinel_results().publishable()
    ctx = build_context(res, ReportOptions(language="en"))
    totals = grid_totals(res, ctx)
    assert totals is not None
    return totals.worse


def test_briefing_pdf_has_two_to_four_pages_and_every_part(en_report):
    pdf = en_report.with_name("en-brief.pdf")
    pages = len(PdfReader(str(pdf)).pages)
    assert 2 <= pages <= 4
    text = _pdf_text(pdf)
    assert "Briefing for decision-makers" in text
    flat = " ".join(text.split())  # the heading wraps
    assert "Comparison group: Host community" in flat and "Worse when at least one" in flat
    assert "Estimated displaced population (IDPs and returnees, IRIS definition):" in flat
    assert "Solutions measure" in text and "95% CI" in text
    assert "Method in brief" in text and "Sample:" in text
    assert "Page 1 of" in text


def test_briefing_gaps_are_the_engines_largest_substantive_gaps(en_report):
    """The largest gaps, one per indicator, each with its chart of every group."""
    doc = Document(str(en_report.with_name("en-brief.docx")))
    titles = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    expected = _largest_worse("en")
    assert len(expected) == 5
    assert len(titles) == 5
    for i, ((title, group), shown) in enumerate(zip(expected, titles, strict=True), 1):
        # every gap as how much worse, with no sign: "−72.2 pp" and "+49.4 pp" were both worse
        assert shown.startswith(f"{i}. {title} — {group}: worse by "), shown
        assert not set(shown.rsplit("worse by", 1)[1]) & {"+", "−", "-"}, shown
    # one chart per gap, as print-quality PNG
    assert len(doc.inline_shapes) == 5
    # the PDF shows the same gaps in the same order
    text = _pdf_text(en_report.with_name("en-brief.pdf"))
    positions = [text.find(f"{i}. {title}") for i, (title, _g) in enumerate(expected, 1)]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    pdf_images = sum(
        len(p.images) for p in PdfReader(str(en_report.with_name("en-brief.pdf"))).pages
    )
    assert pdf_images == 5


def test_briefing_method_has_five_lines(en_report):
    doc = Document(str(en_report.with_name("en-brief.docx")))
    paras = [p.text for p in doc.paragraphs if p.text.strip()]
    start = paras.index("Method in brief")
    method = paras[start + 1 :]
    assert len(method) == 5
    assert method[0].startswith("Sample:") and "strata" in method[0]
    # running text, not the label "Households"; the people and the degrees of freedom too
    assert re.search(r"^Sample: [\d,]+ households and [\d,]+ people in ", method[0]), method[0]
    # the rating rule only: which gaps are shown, and in what order, the gaps' own note says
    # (said here too, it took the briefing to a 4th page once the gaps were listed by size)
    assert method[2].startswith("Rating rule") and "largest" not in method[2]
    assert method[-1].startswith("Full report:")


def test_french_briefing(fr_report):
    pdf = fr_report.with_name("fr-brief.pdf")
    assert 2 <= len(PdfReader(str(pdf)).pages) <= 4
    text = _pdf_text(pdf)
    assert "Note de synthèse pour les décideurs" in text
    title, group = _largest_worse("fr", 1)[0]
    assert f"1. {title} — {group} :" in text.replace("\n", " ")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["es", "ar"])
def test_briefing_in_spanish_and_arabic(lang, tmp_path):
    out = tmp_path / "r.pdf"
    opts = ReportOptions(
        language=lang, fixed_timestamp=FIXED, sections=("summary",),
        briefing_paths=(tmp_path / "b.pdf", tmp_path / "b.docx"),
    )  # fmt: skip
    build_report(sentinel_results(), out, opts, audit=AuditList())
    # a small analysis with few gaps says it in fewer pages; never more than four
    assert 1 <= len(PdfReader(str(tmp_path / "b.pdf")).pages) <= 4
    doc = Document(str(tmp_path / "b.docx"))
    heads = [without_marks(p.text) for p in doc.paragraphs if p.style.name == "Heading 2"]
    title, group = _largest_worse(lang, 1)[0]
    assert heads[0].startswith(f"1. {title} — {group}")
    if lang == "ar":
        from docx.oxml.ns import qn

        # the results fingerprint reads as the footer prints it, in the PDF and in Word (the
        # demo's Arabic briefing: "بصمة النتائج f4a08ddf3002", footer "02f4a08ddf30")
        footer = results_hash(sentinel_results())[:12]
        assert footer[0].isdigit() and not footer.isdigit()  # the case that was swapped
        flat = " ".join(_poppler_text(tmp_path / "b.pdf").split())
        assert re.findall("بصمة النتائج ([0-9a-f]+)", flat) == [footer], flat
        (para,) = [p for p in doc.paragraphs if "بصمة" in p.text]
        assert any(without_marks(r.text) == footer for r in para.runs)  # one run, one isolate

        assert all(
            p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None
            for p in doc.paragraphs
            if p.text.strip()
        )


@pytest.mark.slow
def test_briefing_says_what_changed_since_the_baseline(tmp_path):
    from tests.reporting.test_reporting_progress import golden_rounds

    rr = golden_rounds()
    opts = ReportOptions(language="en", sections=("summary",), briefing_paths=(tmp_path / "b.pdf",))
    build_report(rr.results[-1], tmp_path / "r.pdf", opts, audit=AuditList(), rounds=rr)
    text = _pdf_text(tmp_path / "b.pdf").replace("\n", " ")
    assert "Progress since the baseline" in text
    assert "compares Follow-up 2026 (2026-03-01) with the baseline, Baseline 2024" in text
    # a small analysis with few gaps says it in fewer pages; never more than four
    assert 1 <= len(PdfReader(str(tmp_path / "b.pdf")).pages) <= 4


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_gaps_heading_starts_the_page_of_its_first_chart(lang, en_report, fr_report):
    """The heading "5 substantive gaps" and its notes at a page foot, the first gap's chart on
    the next page (the French demo briefing's page 1 ended so): the heading keeps with the first
    gap."""
    pdf = (en_report if lang == "en" else fr_report).with_name(f"{lang}-brief.pdf")
    heading = {
        "en": f"The 5 largest of the {_total()} substantive gaps",
        "fr": f"Les 5 plus grands des {_total()} écarts substantiels",
    }[lang]
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(pdf)).pages]
    (page,) = [i for i, text in enumerate(pages) if heading in text]
    assert "1. " in pages[page].split(heading, 1)[1], f"page {page + 1}: heading without its gap"


def test_the_gaps_start_the_page_after_the_overview_in_pdf_and_word(en_report):
    """Page 1 is the overview; the gaps begin page 2 in the PDF and, by "page break before" on
    their heading, in Word — where LibreOffice left the heading and its notes at the foot of
    page 1, their chart on page 2 (the demo's Word briefings in en/fr/ar)."""
    from docx.oxml.ns import qn

    heading = (
        f"The 5 largest of the {_total()} substantive gaps on the indicators of the criteria, "
        "one per indicator"
    )
    pages = [
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(str(en_report.with_name("en-brief.pdf"))).pages
    ]
    assert heading not in pages[0] and pages[1].startswith(heading)
    doc = Document(str(en_report.with_name("en-brief.docx")))
    (para,) = [p for p in doc.paragraphs if p.text.strip().replace("\u00a0", " ") == heading]
    ppr = para._p.pPr
    assert ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None


def test_the_summarys_key_gaps_follow_the_briefings_rule_with_their_size(en_report):
    """The report's key gaps were the six largest, all for IDPs in camps, with no size, while
    the briefing took the largest of each group (issue 20): one rule, and each gap its size."""
    doc = Document(str(en_report.with_name("en.docx")))
    paras = [p.text for p in doc.paragraphs if not p.style.name.startswith("toc")]  # not contents
    start = next(i for i, p in enumerate(paras) if p.startswith("Key gaps"))  # "…: 5 of the 82 …"
    end = next(i for i, p in enumerate(paras) if p.startswith("Where a") or p.startswith("Where d"))
    # the bullets (the note on their order and rounding stands above them)
    lines = [p.lstrip("• ") for p in paras[start + 1 : end] if p.startswith("• ")]
    expected = _largest_worse("en", 5)  # the briefing's five
    assert len(lines) == len(expected) == 5
    assert len({t for t, _g in expected}) == 5  # one per indicator
    for (title, group), line in zip(expected, lines, strict=True):
        assert line.startswith(f"{group} fare worse on “{title}”"), line
        # then the other groups worse on the indicator, each with its gap (rd18)
        # "16.8 pp †": a unit word's † after a narrow no-break space (rd19 ar p.61)
        also = r"( Also worse there: .+ \(\d+\.\d\u00a0pp(\u202f†)? (lower|higher)\)\.)?"
        assert re.search(r", \d+\.\d\u00a0pp(\u202f†)? (lower|higher)\." + also + "$", line), line
    # the PDF says the same
    flat = " ".join(_pdf_text(en_report).split())
    at = [flat.find(f"• {g} fare worse on “{t}”") for t, g in expected]
    assert all(p >= 0 for p in at) and at == sorted(at), at


def test_the_solutions_share_says_it_is_a_share_of_households(en_report, fr_report):
    """The briefing and the summary put "898,614 displaced people" beside "Composite score 4.3%",
    a share of households (the engine's unit for the solutions measure): the share says so."""
    from workbench.stats.solutions import UNIT

    assert UNIT == "household"
    sol = sentinel_results().publishable().solutions
    row = sol[(sol["group"] == "all_displaced") & (sol["disaggregation"] == GROUP_TOTAL)].iloc[0]
    share = f"{100 * row['share']:.1f}"
    for pdf, words in (
        (en_report.with_name("en-brief.pdf"), f"{share}% of households have overcome"),
        (en_report, f"{share}% of households have overcome"),
        (fr_report.with_name("fr-brief.pdf"), f"{share.replace('.', ',')} % des ménages ont"),
    ):
        assert words in " ".join(_pdf_text(pdf).replace("\u00a0", " ").split()), pdf.name
    doc = Document(str(en_report.with_name("en-brief.docx")))
    assert any(f"{share}% of households have overcome" in p.text for p in doc.paragraphs)


def test_the_gaps_heading_says_how_many_there_are_and_the_order(en_report):
    """ "5 substantive gaps" read as the total (the demo had 82), and the numbering as a ranking
    (72.2, 39.2, 33.3, 59.3, 51.1 pp): the heading gives both counts, the gaps are numbered
    largest first and the note says so."""
    total = _total()
    assert total > 5
    flat = " ".join(_pdf_text(en_report.with_name("en-brief.pdf")).split())
    assert (
        f"The 5 largest of the {total} substantive gaps on the indicators of the criteria, one per "
        "indicator" in flat
    )
    assert "numbered from the largest down" in flat and "not by size" not in flat
    # the numbered gaps' sizes fall
    found = re.findall(r"(?:^|\s)([1-5])\. .{0,200}?: worse by (\d+\.\d) ?pp", flat)
    assert [int(rank) for rank, _ in found] == [1, 2, 3, 4, 5], found
    sizes = [float(size) for _, size in found]
    assert sizes == sorted(sizes, reverse=True), sizes
    doc = Document(str(en_report.with_name("en-brief.docx")))
    heading = (
        f"The 5 largest of the {total} substantive gaps on the indicators of the criteria, one per "
        "indicator"
    )
    assert any(p.text.replace("\u00a0", " ") == heading for p in doc.paragraphs)


@pytest.mark.slow
def test_a_briefing_chart_is_titled_by_its_indicator_and_drawn_once(tmp_path):
    """Every briefing chart was titled "Population group" (its axis), and an indicator that was
    the chosen gap of two groups had its chart twice: each chart is titled by its indicator and
    drawn once — an indicator gives one gap, its largest (rd17), so five gaps, five charts."""
    from workbench.reporting.briefing import build_briefing
    from workbench.reporting.briefing_story import gap_figure
    from workbench.reporting.fingerprint import results_hash
    from workbench.reporting.views import build_views

    res = sentinel_results()
    ctx = build_context(res.publishable(), ReportOptions(language="en"))
    first = _largest_worse("en", 1)[0]
    # the first gap's indicator made the largest gap of a second group too
    cmp_ = res.comparisons
    ind = next(i for i in ctx.indicators if ctx.indicators[i].title.shown() == first[0])
    lead = cmp_[(cmp_["indicator_id"] == ind) & (cmp_["disaggregation"] == GROUP_TOTAL)]
    other = next(
        i for i in lead.index
        if str(cmp_.at[i, "group"]) in {g.code for g in ctx.displaced}
        and ctx.group(str(cmp_.at[i, "group"])).label.shown() != first[1]
    )  # fmt: skip
    cmp_.loc[other, ["assessment", "difference"]] = ["worse", 0.95]
    pub = res.publishable()
    view = build_briefing(pub, ctx, build_views(pub, ctx), results_hash(res))
    ids = [g.gap.indicator_id for g in view.gaps]
    assert ids.count(ind) == 1  # one per indicator: the second group's gap is not listed
    for g in view.gaps:
        assert gap_figure(g, 6.0, "en").axes[0].get_title() == g.title
    opts = ReportOptions(
        language="en", fixed_timestamp=FIXED, sections=("summary",),
        briefing_paths=(tmp_path / "b.pdf", tmp_path / "b.docx"),
    )  # fmt: skip
    build_report(res, tmp_path / "r.pdf", opts, audit=AuditList())
    assert sum(len(p.images) for p in PdfReader(str(tmp_path / "b.pdf")).pages) == len(ids)
    assert len(Document(str(tmp_path / "b.docx")).inline_shapes) == len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_only_better_result_is_said_only_when_it_is_the_only_one(lang):
    """The briefing led one named result with "The only significantly better result:" even
    when the traffic light counted more (a mean, or results beyond the ones named): then it
    says how many there are in all."""
    from workbench.reporting.briefing import build_briefing
    from workbench.reporting.briefing_story import briefing_story
    from workbench.reporting.i18n import Translator
    from workbench.reporting.pdf_sections import Builder
    from workbench.reporting.pdf_text import make_styles
    from workbench.reporting.views import build_views

    res = sentinel_results()
    pub = res.publishable()
    opts = ReportOptions(language=lang)
    ctx = build_context(pub, opts)
    view = build_briefing(pub, ctx, build_views(pub, ctx), results_hash(res))
    totals = grid_totals(pub, ctx)
    assert totals is not None and view.better_count == max(totals.better, len(view.better))
    tr = Translator(lang)
    view.better = view.better[:1] or ["X"]
    builder = Builder(ctx, opts, make_styles(lang), 480.0, pub)

    def texts() -> str:
        out = []
        for f in briefing_story(builder, view, "2026-12-07"):
            out.append(getattr(f, "plain", None) or getattr(f, "text", "") or "")
        return " ".join(out)

    view.better_count = 3
    text = texts()
    assert tr("brief_better", count=1) not in text
    assert tr("brief_better_of", count=3) in text
    view.better_count = 1
    assert tr("brief_better", count=1) in texts()


@pytest.mark.parametrize(("lines", "gaps_page"), [(30, 2), (40, 2)])
def test_the_gaps_follow_an_overview_that_ran_onto_the_next_page(lines, gaps_page, tmp_path):
    """rd14: the French PDF briefing's overview ran one line onto page 2, and the page break
    before the gaps left that page with the line alone. The break starts a new page after an
    overview that ends on its page (30 lines), and lets the gaps follow one that ran over
    (40 lines: two lines on page 2)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from workbench.reporting.pdf_flow import OverviewBreak

    style = getSampleStyleSheet()["BodyText"]
    story = [Paragraph(f"overview line {i}", style) for i in range(lines)]
    story += [OverviewBreak(), Paragraph("GAPS HEADING", style)]
    path = tmp_path / "b.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    pages = [p.extract_text() or "" for p in PdfReader(str(path)).pages]
    assert len(pages) == gaps_page and "GAPS HEADING" in pages[gaps_page - 1]
    if lines == 30:
        assert pages[1].strip().startswith("GAPS HEADING")  # a new page
    else:
        assert "overview line" in pages[1]  # the run-over lines, then the gaps on their page


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_overviews_paragraphs_never_break_across_pages(lang, tmp_path):
    """fr_A rd15 3: « comparaison : 16,6 % des ménages (IC …). » stood alone atop page 2 of the
    French briefing, cut from its method's name; then (rd16) its last two lines did, before
    the gaps' heading. Each of the overview's paragraphs (stock, solutions) is laid out at a
    page's foot with room for all but its last three lines: it goes whole to the next page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from workbench.reporting.briefing import build_briefing
    from workbench.reporting.briefing_story import briefing_story
    from workbench.reporting.pdf_sections import Builder
    from workbench.reporting.pdf_text import make_styles
    from workbench.reporting.views import build_views

    res = sentinel_results()
    pub = res.publishable()
    opts = ReportOptions(language=lang)
    ctx = build_context(pub, opts)
    view = build_briefing(pub, ctx, build_views(pub, ctx), results_hash(res))
    story = briefing_story(Builder(ctx, opts, make_styles(lang), 480.0, pub), view, "2026-12-07")
    lines = {"".join(t.split()) for t in (view.stock, view.solutions) if t}

    def plain(f) -> str | None:  # the text as written (an Arabic line's is its logical text)
        inner = getattr(f, "_content", None) or [f]
        text = getattr(inner[0], "plain", None) or getattr(inner[0], "text", None)
        return "".join(text.split()) if len(inner) == 1 and isinstance(text, str) else None

    overview = [f for f in story if plain(f) in lines]
    assert len(overview) == len(lines), [type(f).__name__ for f in story[:8]]
    for f in overview:
        path = tmp_path / "o.pdf"
        # a narrow column: every paragraph runs over several lines
        doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=190, rightMargin=190)
        inner = (getattr(f, "_content", None) or [f])[0]
        _w, h = inner.wrap(doc.width - 12, 1e6)  # the frame's paddings
        line_h = inner.style.leading
        assert h >= 4 * line_h - 0.5, (lang, h / line_h)
        doc.build([Spacer(1, doc.height - 12 - (h - 2 * line_h)), f])  # room for all but 2
        pages = [p.extract_text() or "" for p in PdfReader(str(path)).pages]
        assert len(pages) == 2 and not pages[0].strip(), (lang, pages[0][:80])
