"""Issue 20: the solutions breakdown of a group whose headline is published only as an upper
bound ("< 0.5%") must not point at particular cells. Readers of the demo's IRIS layered
breakdown saw "0.0% (0.0 – 1.4)" in every level but one per breakdown — Female, Urban,
Bendeki … "*" — and concluded that every household that passed is female-headed, urban and in
Bendeki, though those cells were 0 too: they were withheld only as complements. The engine
(stats.suppression.headline_bounds) now publishes such a group's breakdown as bounds; the
report prints them as it prints the headline's, and says why the headline's interval is "–"."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from types import SimpleNamespace

import pandas as pd
import pytest
from reporting_fixture import make_results

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.fmt import fmt_value
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.stats.results import ALL_DISPLACED
from workbench.stats.suppression import complementary_suppression

METHOD = "iris_layered"
#: cases assessed in each group × sex; group 3's women are too few (a primary suppression)
CASES = {"1": (300, 280), "2": (250, 240), "3": (14, 170)}


def _no_passers(cases: dict[str, tuple[int, int]] = CASES):
    """Fixture results whose IRIS layered solutions table is the engine's decision on a survey
    where no displaced household passes (every share 0): group 3's women are "*", so group 3's
    and the pooled headlines are withheld and published as "< 0.5%" (25–49 cases: caution)."""
    r = make_results()
    rows = []
    groups = {**cases, ALL_DISPLACED: tuple(map(sum, zip(*cases.values(), strict=True)))}
    for g, (f, m) in groups.items():
        for dis, level, n in (("total", "", f + m), ("sex", "Female", f), ("sex", "Male", m)):
            rows.append({"method": METHOD, "group": g, "disaggregation": dis,
                         "disaggregation_value": level, "share": 0.0, "se": 0.0, "ci_low": 0.0,
                         "ci_high": 3.0 / n, "number": 0.0, "number_se": 0.0, "n": 0,
                         "n_assessable": n, "flag": "suppressed" if n < 25 else
                         "caution" if n < 50 else ""})  # fmt: skip
    sol = pd.DataFrame(rows)
    frame = SimpleNamespace(displaced=[SimpleNamespace(code=g) for g in cases], stock_tables=[])
    keys = ["group", "disaggregation", "disaggregation_value"]
    est = pd.DataFrame(columns=["indicator_id", *keys, "statistic", "estimate", "n", "n_weighted"])
    stock = pd.DataFrame(columns=["table", "group", "row_value", "col_value", "estimate", "n"])
    weighted = sol["n_assessable"].to_numpy(float) * 10
    _, r.solutions, _, _ = complementary_suppression(
        est,
        sol,
        stock,
        frame,
        SimpleNamespace(protection_ratio=0.2),
        weighted,  # type: ignore[arg-type]
    )
    return r


def _pdf_lines(b: Builder, flowables: list, lang: str) -> list[str]:
    """The lines of a PDF of the solutions section's ``flowables`` (under its heading)."""
    out = io.BytesIO()
    ReportDoc(out, "A4", lang).build([b.h(b.tr("solutions"), 0, "solutions"), *flowables])
    if lang == "ar":  # the logical line of right-to-left text (as test_reporting_arabic_text_layer)
        if not shutil.which("pdftotext"):
            pytest.skip("poppler's pdftotext is not installed")
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=out.getvalue(), capture_output=True, check=True
        ).stdout.decode()
    else:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
            text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    return [_plain(ln) for ln in text.splitlines() if ln.strip()]


def _plain(text: str) -> str:
    """``text`` without direction marks and with plain spaces (a no-break space comes back from
    the PDF as a space)."""
    return re.sub(r"[\u200e\u200f\u202a-\u202e]", "", text).replace("\u00a0", " ").strip()


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_bounded_groups_breakdown_reads_as_bounds_not_as_zeros_and_stars(lang) -> None:
    r = _no_passers()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    tr = Translator(lang)
    codes = [*CASES, ALL_DISPLACED]
    lines = _pdf_lines(b, b._solutions_breakdowns(b.results.solutions, METHOD, codes)[0], lang)
    bound = _plain(tr("value_below", value=fmt_value(0.005, "proportion", lang)))
    zero = _plain(fmt_value(0.0, "proportion", lang))
    text = "\n".join(lines)
    # group 3 and all displaced: both levels "< 0.5%" but group 3's women, "*" (too few);
    # groups 1 and 2 (headlines published): "0.0%" with their intervals
    assert text.count(bound) == 3, lines
    assert len(re.findall(r"(?<![\w.,])\*", text)) == 1, lines
    assert text.count(zero) == 4, lines
    # and a note under the section says why no level of those groups reads "0.0%"
    from test_reporting_tables_act import texts

    assert tr("fn_breakdown_bounded") in texts(b.solutions())


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_headline_published_as_a_bound_says_its_interval_is_not_published_and_why(lang):
    """ar_B 3: the headline table's interval cell of a bound held "–", which everywhere else
    (the report-wide legend) means "no case, nothing estimated". It now says "not published"
    in words, in the PDF and the Word report, and the note under the table says why."""
    from docx import Document
    from test_reporting_docx_table import _meta as docx_meta

    from workbench.reporting.docx_render import DocxRenderer
    from workbench.reporting.rtl import without_marks

    r = _no_passers()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    tr = Translator(lang)
    table = b._solutions_headline_table(b.results.solutions, METHOD, [*CASES, ALL_DISPLACED])
    lines = _pdf_lines(b, table, lang)
    bound = _plain(tr("value_below", value=fmt_value(0.005, "proportion", lang)))
    text = "\n".join(lines)
    assert text.count(bound) == 2, lines  # group 3 and all displaced
    # no "–" mark of its own (an interval's dash stands between two numbers)
    toks = text.split()
    num = re.compile(r"[\d.,]+")
    dashes = [
        i
        for i, t in enumerate(toks)
        if t == "–" and not (num.fullmatch(toks[i - 1]) and num.fullmatch(toks[i + 1]))
    ]
    assert not dashes, lines
    words = tr("ci_not_published")
    in_notes = sum(tr(k).count(words) for k in ("fn_ci_bounded", "fn_number_bounded"))
    assert " ".join(lines).count(words) == 2 + in_notes, lines  # two interval cells, the notes
    note = " ".join(_plain(tr("fn_ci_bounded")).split()[:4])
    assert note in " ".join(lines), lines
    word = DocxRenderer(docx_meta(lang))
    table = b._solutions_headline_table(b.results.solutions, METHOD, [*CASES, ALL_DISPLACED])
    word.add([b.h(tr("solutions"), 0, "solutions"), *table])  # a story the PDF has not laid out
    doc = Document(io.BytesIO(word.finish()))
    cells = [_plain(without_marks(c.text)) for t in doc.tables for row in t.rows for c in row.cells]
    assert cells.count(words) == 2 and "–" not in cells, cells
    # their numbers are withheld to protect the small groups, not for too few cases: "(*)"
    assert cells.count("(*)") == 2 and "*" not in cells, cells


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_disclosure_control_states_the_bounds_rule_when_the_run_used_it(lang) -> None:
    """The methodology's "Disclosure control" says when a share is published as a bound and
    that a bounded group's breakdowns follow it (readers asked for every rule to be stated
    there); a run that published no bound is not told of one."""
    import dataclasses

    from test_reporting_tables_act import texts

    from workbench.reporting.pdf_annexes import methodology

    tr = Translator(lang)
    for bounded in (0, 352):
        r = make_results()
        sup = {"rule": "two_per_relation_smallest_n_lp_audited", "protection_ratio": 0.2,
               "primary": 55, "complementary": 144, "empty": 175, "exposed": 0,
               "bounded": bounded}  # fmt: skip
        r.snapshot = dataclasses.replace(r.snapshot, suppression=sup)
        opts = ReportOptions(language=lang)
        b = Builder(build_context(r, opts), opts, make_styles(lang), 480.0, r.publishable())
        said = tr("disclosure_bounds", ratio="20")
        assert (said in texts(methodology(b))) == bool(bounded), lang


def test_the_annex_note_lists_the_bounds_smallest_first() -> None:
    """The annex's solutions note listed its flags in the order the rows met them ("< 0.5,
    < 1.0, < 5.0, < 2.0") once breakdown cells carried their own bounds. It lists every bound
    the engine may publish, as the report's note (en_B 8: "< 10.0" was missing)."""
    from workbench.reporting.annex_tables import solutions_table

    r = _no_passers()
    sol = r.solutions
    bounded = sol.index[sol["share_below"].notna()]
    sol.loc[bounded[:3], "share_below"] = [0.05, 0.01, 0.02]
    ctx = build_context(r, ReportOptions(language="en"))
    from workbench.reporting.annex import legend_rows

    annex = solutions_table(r.publishable(), ctx)
    assert annex is not None
    legend = {str(row[0]): str(row[1]) for row in legend_rows([annex], ctx)}
    assert "(0.5%, 1.0%, 2.0%, 5.0% and 10.0%)" in legend["<"], legend


def _paragraphs(flowables) -> list:
    out: list = []
    for f in flowables:
        out += [f] if hasattr(f, "text") and hasattr(f, "style") else []
        for attr in ("_content", "_flowables"):
            out += _paragraphs(getattr(f, attr, None) or [])
    return out


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_withheld_headline_reads_as_body_text_and_says_why_in_plain_words(lang) -> None:
    """en_B 4, en_A 3, fr_A 11: the withheld headline ("fewer than 0.5%…", nine lines) was set
    in the grey note style and read as a footnote, and "each measure's figures are checked on
    their own" was jargon beside another method printed at 0.3%. It is body text now, and says
    that the published breakdowns would give small groups away and that every method passes the
    check separately."""
    import html

    r = _no_passers()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    styles = make_styles(lang)
    b = Builder(ctx, opts, styles, 480.0, r.publishable())
    tr = Translator(lang)
    bound = tr("value_below", value=fmt_value(0.005, "proportion", lang))
    first = tr("solutions_headline_below").split("{")[0].strip()
    hits = [p for p in _paragraphs(b.solutions()) if first in html.unescape(str(p.text))]
    assert len(hits) == 1, lang
    assert hits[0].style.fontSize == styles.body.fontSize, lang
    assert hits[0].style.textColor == styles.body.textColor, lang
    text = _plain(html.unescape(str(hits[0].text)))
    assert _plain(bound).split()[-1] in text
    words = {"en": "with the published breakdowns", "fr": "rapprochée des ventilations publiées",
             "es": "junto con los desgloses publicados", "ar": "مع التصنيفات المنشورة"}  # fmt: skip
    assert words[lang] in text, text
    assert "on their own" not in text and "contrôlés séparément" not in text


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_comparators_solutions_row_is_explained(lang) -> None:
    """en_B 3, fr_B 3: the solutions tables' Host community row (IRIS 0.6%) was never explained
    under a heading about displaced households overcoming displacement: a note says it is the
    same rule on households never displaced, a benchmark, not households that overcame it."""
    from test_reporting_tables_act import texts

    from workbench.reporting.typography import typeset

    r = make_results()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    assert ctx.comparator is not None
    tr = Translator(lang)
    note = _plain(typeset(tr("fn_solutions_comparator", group=ctx.comparator.label.shown()), lang))
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    assert note not in [_plain(t) for t in texts(b.solutions())]  # no comparator row: no note
    sol = r.solutions
    host = sol[sol["group"].astype(str) == "1"].assign(group=ctx.comparator.code)
    r.solutions = pd.concat([sol, host], ignore_index=True)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    assert note in [_plain(t) for t in texts(b.solutions())], lang


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_bound_on_few_cases_reads_with_its_caution_mark_in_pdf_word_and_annex(lang) -> None:
    """ar_B 2: a breakdown cell published as the bound "< 0.5%" on 25–49 households had no
    "†" (the annex marked the same cells † under the other methods) and nothing said the bound
    gives no interval. Group 3's men are 40 (caution): "< 0.5%†" in the PDF, the Word report and
    the annex's flag column, and the "<" note says the bound replaces the estimate."""
    from docx import Document
    from test_reporting_docx_table import _meta as docx_meta
    from test_reporting_tables_act import texts

    from workbench.reporting.annex_tables import Bound, solutions_table
    from workbench.reporting.docx_render import DocxRenderer
    from workbench.reporting.rtl import without_marks

    r = _no_passers({**CASES, "3": (14, 40)})
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    tr = Translator(lang)
    codes = [*CASES, ALL_DISPLACED]
    bound = _plain(tr("value_below", value=fmt_value(0.005, "proportion", lang)))
    lines = _pdf_lines(b, b._solutions_breakdowns(b.results.solutions, METHOD, codes)[0], lang)
    # group 3's men: "< 0.5%†"; the pooled levels (54 and 254 and more cases): no †
    assert "\n".join(lines).count(bound + "†") == 1, lines
    assert "\n".join(lines).count(bound) == 3, lines
    story = b.solutions()
    note = tr("fn_breakdown_bounded")
    assert note in texts(story) and "†" in note
    word = DocxRenderer(docx_meta(lang))
    word.add(story)
    doc = Document(io.BytesIO(word.finish()))
    cells = [without_marks(c.text) for t in doc.tables for row in t.rows for c in row.cells]
    assert sum(_plain(c) == bound + "†" for c in cells) == 1, cells
    annex = solutions_table(r.publishable(), ctx)
    assert annex is not None
    marks = [c for row in annex.rows for c in row if isinstance(c, Bound)]
    flagged = [c for c in marks if str(c).endswith("†")]
    assert len(marks) > len(flagged) == 1, marks  # group 3's men, in its flag column
    assert flagged[0].value == 0.005  # its bound, a number in the bound column
    from workbench.reporting.annex import legend_rows

    # the mark once, and the combination the files hold (fr_B 4: a filter on "< 0.5" by
    # equality missed "< 0.5†")
    legend = legend_rows([annex], ctx)
    below = [str(row[0]) for row in legend if row and str(row[0]).startswith(marks[0].shown[:1])]
    assert below == [flagged[0].shown.removesuffix("†"), flagged[0].shown], legend
