"""The briefing and the summary say each thing once (issue 20, rd21): a gap's size is in its
heading, not again in the sentence under it ("worse by 72.2 pp" over "9.6% vs 81.8% …, 72.2 pp
lower"); a gap's heading that needs two lines breaks before its dash, not after its colon
("أسوأ بمقدار 51.1 نقطة" alone on the Arabic heading's second line, "moins / favorable de
59,3 pts" in the French one); and the report's summary gives the solutions headline as the
briefing does — one sentence with the comparison group's share, then the other methods a
line each — where it ran the four other methods into one 9-line paragraph (rd21 ar p. 5).
Read back from the PDF (pdfplumber, poppler) and the Word files."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pandas as pd
import pdfplumber
import pytest
from docx import Document
from reporting_testkit import FIXED, sentinel_results
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate
from test_reporting_briefing_reader import _story

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.briefing_story import gap_heading
from workbench.reporting.context import build_context
from workbench.reporting.pdf_doc import MARGIN
from workbench.reporting.rtl import without_marks
from workbench.reporting.summary import other_methods_lines, solutions_headline

DASHES = ("—", "–")


def _flat(text: str) -> str:
    return " ".join(without_marks(text).replace("\u00a0", " ").replace("\u202f", " ").split())


def _poppler(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return _flat(out.stdout)


def _sizes(lang: str) -> list[str]:
    view, *_rest = _story(lang)
    assert len(view.gaps) >= 3
    return [_flat(g.difference.rstrip("†")) for g in view.gaps]


def _once(text: str, sizes: list[str]) -> None:
    """Each gap's size said once in ``text`` (its heading), not again under it."""
    for size in sizes:
        said = len(re.findall(rf"(?<![\d.,]){re.escape(size)}", text))
        assert said == 1, (size, said)


def test_each_gap_is_said_once_in_the_english_briefing_pdf_and_word(en_report):
    sizes = _sizes("en")
    _once(_poppler(en_report.with_name("en-brief.pdf")), sizes)
    doc = Document(str(en_report.with_name("en-brief.docx")))
    _once(_flat(" ".join(p.text for p in doc.paragraphs)), sizes)
    heads = [p for p in doc.paragraphs if re.match(r"\d\. ", p.text)]
    assert len(heads) == len(sizes)
    for p, size in zip(heads, sizes, strict=True):
        assert _flat(p.text).rstrip(" †").endswith(f"worse by {size}"), p.text  # its † kept


def test_each_gap_is_said_once_in_the_french_briefing_pdf(fr_report):
    _once(_poppler(fr_report.with_name("fr-brief.pdf")), _sizes("fr"))


@pytest.mark.slow
def test_each_gap_is_said_once_in_the_arabic_briefing_pdf_and_word(tmp_path):
    brief = (tmp_path / "b.pdf", tmp_path / "b.docx")
    opts = ReportOptions(
        language="ar", fixed_timestamp=FIXED, sections=("summary",), briefing_paths=brief
    )
    build_report(sentinel_results(), tmp_path / "r.pdf", opts, audit=AuditList())
    sizes = _sizes("ar")
    _once(_poppler(brief[0]), sizes)
    _once(_flat(" ".join(p.text for p in Document(str(brief[1])).paragraphs)), sizes)


def _heading_lines(flowables: list, width: float) -> list[list[tuple[float, float, str]]]:
    """Each heading of ``flowables`` drawn in an A4 PDF whose text is ``width`` points wide,
    read back with pdfplumber: its lines, top to bottom, each as (left, right, characters)."""
    buf = io.BytesIO()
    side = (A4[0] - width) / 2 - 6  # the frame's padding (6 pt a side) off the text width
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=side, rightMargin=side,
                            topMargin=MARGIN, bottomMargin=MARGIN)  # fmt: skip
    doc.build(list(flowables))
    out: list[list[tuple[float, float, str]]] = []
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        for page in pdf.pages:
            rows: dict[int, list[dict]] = {}
            for ch in page.chars:
                rows.setdefault(round(ch["top"]), []).append(ch)
            lines = [
                (min(c["x0"] for c in cs), max(c["x1"] for c in cs), "".join(c["text"] for c in cs))
                for _top, cs in sorted(rows.items())
            ]
            # one heading a paragraph: its lines are a leading (11.9 pt) apart, the next
            # heading's further (its space before)
            tops = sorted(rows)
            group: list[tuple[float, float, str]] = []
            for i, line in enumerate(lines):
                if i and tops[i] - tops[i - 1] > 13:
                    out.append(group)
                    group = []
                group.append(line)
            out.append(group)
    return out


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_gap_heading_on_two_lines_breaks_before_its_dash(lang):
    """Every briefing gap heading of the sentinel run, drawn at the briefing's width and
    narrower, read back from the PDF: one on two lines has its dash on the second line, at its
    start (after a colon, the verdict stood alone there), and that line is no fragment."""
    view, ctx, _pub, b, _flow = _story(lang)
    heads = [
        gap_heading(b, i, g.title, ctx.group(g.gap.group).label.shown(), g.difference)
        for i, g in enumerate(view.gaps, 1)
    ]
    full = A4[0] - 2 * MARGIN - 12
    two = 0
    for width in (full, 400.0, 340.0):
        drawn = _heading_lines(heads, width)
        assert len(drawn) == len(heads), drawn
        for lines in drawn:
            if len(lines) != 2:
                assert len(lines) == 1 or width < 400, lines
                continue
            two += 1
            (l0, r0, first), (l1, r1, second) = lines
            assert not any(d in first for d in DASHES), (width, first, second)
            assert any(d in second for d in DASHES), (width, first, second)
            # at its start: the left end of a left-to-right line, the right of an Arabic one
            if lang == "ar":
                assert second.rstrip().endswith(DASHES) or second.lstrip()[0] in DASHES, second
            else:
                assert second.lstrip()[0] in DASHES, second
            assert r1 - l1 >= 0.4 * (r0 - l0), (width, first, second)
    assert two >= len(heads)  # every heading measured on two lines at one width at least


@pytest.mark.parametrize(
    ("lang", "title", "group", "size"),
    [
        # the demo's headings that broke after their colon (rd21 fr p. 2, ar p. 2)
        ("fr", "Dépend principalement d’une source de revenu durable", "PDI dans les camps",
         "59,3\u00a0pts"),
        ("ar", "الوصول إلى خدمات الصرف الصحي الأساسية", "النازحون داخليًا في المخيمات",
         "51.1\u00a0نقطة"),
    ],
)  # fmt: skip
def test_the_demos_broken_gap_headings_break_at_their_dash(lang, title, group, size):
    *_head, b, _flow = _story(lang)
    full = A4[0] - 2 * MARGIN - 12
    (lines,) = _heading_lines([gap_heading(b, 3, title, group, size)], full)
    assert len(lines) == 2, lines
    assert not any(d in lines[0][2] for d in DASHES) and any(d in lines[1][2] for d in DASHES)


def _methods(lang: str):
    """The sentinel run with the demo's five solutions methods, the headline's and the
    homogeneous cells' shares withheld and published as a bound, as the demo's are."""
    res = sentinel_results()
    sol = res.solutions
    extra = ("composite_score", "composite_per_criterion", "homogeneous_cells", "dominance")
    sol = pd.concat([sol, *(sol.assign(method=m) for m in extra)], ignore_index=True)
    bounded = sol["method"].isin([sol["method"].iloc[0], "homogeneous_cells"])
    sol["share_below"] = bounded.map({True: 0.005, False: None})
    res.solutions = sol
    pub = res.publishable()
    return res, pub, build_context(pub, ReportOptions(language=lang))


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_summarys_solutions_are_the_briefings_headline_then_a_line_a_method(lang):
    """The report's summary and the briefing give the same headline sentence and the same
    method lines (one code: summary.solutions_headline(short=True), other_methods_lines)."""
    from workbench.reporting.i18n import Translator
    from workbench.reporting.pdf_sections import Builder
    from workbench.reporting.pdf_text import make_styles

    res, pub, ctx = _methods(lang)
    opts = ReportOptions(language=lang)
    b = Builder(ctx, opts, make_styles(lang), 480.0, pub)
    texts = [without_marks(t) for t in _texts_of(b.summary())]
    headline = without_marks(solutions_headline(pub, ctx, short=True) or "")
    at = texts.index(headline)
    lines = other_methods_lines(pub, ctx)
    assert len(lines) == 5 and all(line.startswith("• ") for line in lines[1:])
    assert texts[at + 1] == without_marks("\n".join(lines))
    # the briefing's, from the same code
    view, *_rest = _story(lang, res)
    assert (view.solutions, view.other_methods) == (solutions_headline(pub, ctx, short=True), lines)
    tr = Translator(lang)
    assert lines[0] == tr("brief_solutions_others")
    # the headline says which method leads, not why (the solutions chapter does), and no other
    assert without_marks(tr("solutions_headline_chosen")) not in " ".join(texts)
    for m in ctx.solutions_methods.values():  # the headline names its own method only
        if m not in headline and m.lower() not in headline:
            assert m[:20] not in headline


def _texts_of(flowables) -> list[str]:
    import html

    out = []
    for f in flowables:
        for part in getattr(f, "_content", None) or [f]:
            text = getattr(part, "plain", None) or getattr(part, "text", "") or ""
            out.append(html.unescape(str(text)))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_summarys_other_methods_are_a_line_each_in_pdf_and_word(lang, tmp_path):
    """Read back from the report's summary page (poppler's lines) and its Word file: each other
    method starts a line of its own with "•" (the summary ran them together: "…: 4.3% of
    households (95% CI 3.2% to 5.7%); Composite score per criterion: 0.3% …")."""
    res, pub, ctx = _methods(lang)
    opts = ReportOptions(
        language=lang, fixed_timestamp=FIXED, sections=("summary",),
        docx_path=tmp_path / "r.docx",
    )  # fmt: skip
    build_report(res, tmp_path / "r.pdf", opts, audit=AuditList())
    out = subprocess.run(
        ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    pdf_lines = [_flat(line) for line in out.splitlines()]
    paragraphs = Document(str(tmp_path / "r.docx")).paragraphs
    word_lines = [_flat(line) for p in paragraphs for line in p.text.split("\n")]
    methods = [_flat(m) for m in other_methods_lines(pub, ctx)[1:]]
    for m in methods:
        name = m[2:].split(":")[0].split(" (")[0]  # "• <method>: …"
        assert any(line.startswith(f"• {name[:25]}") for line in pdf_lines), (m, lang)
        assert m in word_lines, (m, lang)  # a line of its own in Word too


#: the demo's homogeneous cells method, as its reports name it
DEMO_CELLS = {
    "en": "Homogeneous cells (District × District of origin × Year of displacement)",
    "fr": "Cellules homogènes (District × District d’origine × Année du déplacement)",
    "es": "Celdas homogéneas (Distrito × Distrito de origen × Año del desplazamiento)",
    "ar": "الخلايا المتجانسة (المنطقة × المنطقة الأصلية × سنة النزوح)",
}


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_no_method_line_ends_on_one_word_alone(lang):
    """rd21 (en, fr p. 5–6, briefing p. 1): "• Homogeneous cells (…): < 0.5% (exact share /
    withheld)" left one word alone on its second line, in the summary and the briefing. Laid
    out at the report's text width, no method line wraps onto a line of one word."""
    from workbench.reporting.pdf_text import RTLParagraph, make_styles, para

    _res, pub, ctx = _methods(lang)
    ctx.solutions_methods["homogeneous_cells"] = DEMO_CELLS[lang]  # the demo's cells, named
    width = A4[0] - 2 * MARGIN - 12
    for line in other_methods_lines(pub, ctx)[1:]:
        flowable = para(line, make_styles(lang).body, lang)
        flowable.wrap(width, 1000)
        if isinstance(flowable, RTLParagraph):
            lines = flowable._lines
        else:
            lines = [" ".join(w.text for w in ln.words) if hasattr(ln, "words") else
                     " ".join(ln[1]) for ln in flowable.blPara.lines]  # fmt: skip
        assert len(lines) == 1 or len(lines[-1].split()) > 1, lines  # words, however joined
