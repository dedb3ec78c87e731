"""Issue 20: the criteria grid tells the whole story. "■ Worse 11/13" hid that one of the 13 was
significantly better, and "■ Worse 1/1 · 4 not compared" looked as firm as "9/9" in solid
colour. A cell now says "1 better" when any indicator was, and a rating the engine marks as
resting on limited evidence (fewer than half of the criterion's indicators assessed) is hatched
— in the PDF, striped in Word — with "Limited evidence: 2 of 5", explained in the
legend, in every language."""

from __future__ import annotations

import io
from datetime import datetime

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from reporting_fixture import make_results
from reporting_testkit import FIXED
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from workbench.reporting import ReportOptions
from workbench.reporting.build import gate
from workbench.reporting.docx_render import DocxMeta, render_docx
from workbench.reporting.i18n import Translator
from workbench.reporting.palette import RATING_STYLE
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.stats.results import GROUP_TOTAL
from workbench.stats.summary import criteria_summary


def _results():
    """The fixture with criterion 2 of group 1 assessed on 2 of its 5 indicators (the other 3
    with too few cases): the engine marks that rating as resting on limited evidence."""
    r = make_results()
    cmp_ = r.comparisons.copy()
    cell = (cmp_["criterion"].astype(str) == "2") & (cmp_["group"].astype(str) == "1")
    ids = list(dict.fromkeys(cmp_.loc[cell & (cmp_["disaggregation"] == GROUP_TOTAL),
                                      "indicator_id"]))  # fmt: skip
    assert len(ids) == 5
    few = cell & cmp_["indicator_id"].isin(ids[:3])
    cmp_.loc[few, "assessment"] = "insufficient_data"
    if "insufficient_reason" in cmp_:
        cmp_.loc[few, "insufficient_reason"] = "too_few"
    r.comparisons = cmp_
    r.criteria_summary = criteria_summary(cmp_, "share_worse", 0.5)
    return r


def _story(lang: str) -> tuple[list, object]:
    r = _results()
    opts = ReportOptions(language=lang, fixed_timestamp=FIXED)
    ctx, _views, _v = gate(r, opts)
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    b = Builder(ctx, opts, make_styles(lang), doc.width, r.publishable())
    return b.summary(), r


def _pdf(lang: str) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4)
    story, _r = _story(lang)
    doc.build(story)
    return buf.getvalue()


def _rgb(hex_colour: str) -> tuple[float, ...]:
    return tuple(round(int(hex_colour.lstrip("#")[i : i + 2], 16) / 255, 2) for i in (0, 2, 4))


def _cells(pdf: bytes) -> list[tuple[str, str, int]]:
    """(rating, text, diagonal white strokes) of each grid cell on page 1, found by its fill."""
    fills = {_rgb(fill): rating for rating, (fill, _s, _t) in RATING_STYLE.items()}
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        stripes = [
            ln for ln in page.lines + page.curves
            if abs(ln["x1"] - ln["x0"]) > 1 and abs(ln["bottom"] - ln["top"]) > 1
            and tuple(round(float(c), 2) for c in (ln.get("stroking_color") or ()))
            in ((1.0, 1.0, 1.0), (1.0,))
        ]  # fmt: skip
        for rect in page.rects:
            colour = rect.get("non_stroking_color")
            key = tuple(round(float(c), 2) for c in colour) if colour else ()
            if rect["width"] >= 200 or key not in fills:
                continue
            inside = [
                s for s in stripes
                if rect["x0"] <= (s["x0"] + s["x1"]) / 2 <= rect["x1"]
                and rect["top"] <= (s["top"] + s["bottom"]) / 2 <= rect["bottom"]
            ]  # fmt: skip
            crop = page.crop((rect["x0"], rect["top"], rect["x1"], rect["bottom"]))
            out.append((fills[key], " ".join((crop.extract_text() or "").split()), len(inside)))
        legend = " ".join((page.extract_text() or "").split())
    return [*out, ("legend", legend, 0)]


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_grid_says_better_and_hatches_a_rating_on_limited_evidence(lang):
    tr = Translator(lang)
    cs = _results().criteria_summary
    limited = cs[cs["limited_evidence"].astype(bool)]
    assert limited[["criterion", "group"]].values.tolist() == [["2", "1"]]
    *cells, (_l, legend, _n) = _cells(_pdf(lang))
    hatched = [c for c in cells if c[2] > 0]
    # exactly the engine's limited cell is hatched, densely (stripes across it)
    assert len(hatched) == 1 and hatched[0][2] >= 5, cells
    if lang == "ar":  # Arabic's text layer is checked in its own tests
        return
    few = limited.iloc[0]
    words = tr("grid_limited")
    assert " ".join(words.split()) in hatched[0][1], hatched
    assert sum(" ".join(words.split()) in t for _r, t, _n in cells) == 1
    # counted as every other cell counts: its indicators not compared
    left = int(few["indicators"]) - int(few["assessed"])
    assert tr("grid_not_compared", count=left) in hatched[0][1], hatched
    # each cell with better indicators says how many; the fixture has some with 1 and 2
    better = sorted(int(b) for b in cs[cs["criterion"].isin(list("12345678"))]["better"] if b)
    assert better and max(better) >= 1
    got = sorted(n for _r, t, _n in cells for n in set(better) if tr("grid_better", count=n) in t)
    assert got == better, (got, better)
    # the legend explains both
    for key in ("grid_better_legend", "grid_limited_legend"):
        assert " ".join(tr(key).split())[:40] in legend, key


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_word_grid_stripes_the_limited_cell(lang):
    story, _r = _story(lang)
    meta = DocxMeta(
        language=lang, page_size="A4", title="t", author="a", subject="s", keywords="k",
        when=datetime(2026, 1, 2, 3, 4, 5), footer_note="plan v1 · abc",
        page_template="page {page} of {pages}",
    )  # fmt: skip
    doc = Document(io.BytesIO(render_docx(story, meta)))
    tr = Translator(lang)
    words = tr("grid_limited")
    striped, with_words = [], []
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
                if shd is not None and shd.get(qn("w:val")) == "thinDiagStripe":
                    striped.append(cell.text)
                if words.split(":")[0] in cell.text:
                    with_words.append(cell.text)
    assert len(striped) == 1 and striped == with_words, (striped, with_words)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_annex_criteria_table_has_better_and_limited_evidence(lang):
    """The annex had no table of the traffic light: its criteria table gives each cell's
    rating with the indicators worse, better, assessed and not compared, and whether the
    rating rests on limited evidence — the engine's columns, in the report's words."""
    from workbench.reporting.annex_tables import annex_tables

    r = _results()
    ctx, _views, _v = gate(r, ReportOptions(language=lang, fixed_timestamp=FIXED))
    tr = Translator(lang)
    table = next(t for t in annex_tables(r.publishable(), ctx) if t.id == "criteria")
    assert table.header[4] == tr("annex_criteria_better")
    assert table.header[-1] == tr("annex_criteria_limited")
    cs = r.criteria_summary
    cs = cs[cs["criterion"].isin(list("12345678"))]
    assert len(table.rows) == len(cs)
    assert sorted(row[4] for row in table.rows) == sorted(int(b) for b in cs["better"])
    limited = [row for row in table.rows if row[-1] == tr("yes")]
    assert len(limited) == 1 and limited[0][1] == ctx.group("1").label.shown()
    few = cs[cs["limited_evidence"].astype(bool)].iloc[0]
    # after "better", the inconclusive indicators (the engine's count), then the assessed
    assert table.header[5] == tr("annex_criteria_inconclusive")
    assert sorted(row[5] for row in table.rows) == sorted(int(b) for b in cs["inconclusive"])
    assert limited[0][6] == few["assessed"] and limited[0][8] == few["indicators"]
    assert all(row[-1] in (tr("yes"), tr("no")) for row in table.rows)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_grid_counts_not_compared_one_way_in_every_cell(lang):
    """rd17 en p.5: Criterion 4's cell said "Limited evidence: 1 of 5" where Criteria 5 and 6
    said "2 not compared" — the same count written two ways in one table. Every cell with
    indicators not compared says "k not compared", the limited-evidence cell too, and its
    caution is "Limited evidence" alone on a line of its own."""
    from workbench.reporting.pdf_grid import grid_cell

    tr = Translator(lang)
    cs = _results().criteria_summary
    few = cs[cs["limited_evidence"].astype(bool)].iloc[0]
    assessed, indicators = int(few["assessed"]), int(few["indicators"])
    left = indicators - assessed
    limited = grid_cell(tr, "red", 1, assessed, left, 0, indicators).split("\n")
    plain = grid_cell(tr, "red", 1, assessed, left).split("\n")
    assert tr("grid_not_compared", count=left) in limited
    assert limited[-1] == tr("grid_limited")
    assert limited[:-1] == plain  # the same words as a cell not marked, and the caution
    assert not any(ch.isdigit() for ch in tr("grid_limited"))


def _hatched_cells(pdf: bytes) -> tuple[list[tuple[dict, list[dict]]], float, float]:
    """Each hatched grid cell's rect and the characters inside it (found as :func:`_cells`
    finds them: a rating's fill crossed by white stripes), the grid's bottom and the top of
    the first line under it (the legend's), on the PDF's first page."""
    fills = {_rgb(fill) for fill, _s, _t in RATING_STYLE.values()}
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        stripes = [
            ln for ln in page.lines + page.curves
            if abs(ln["x1"] - ln["x0"]) > 1 and abs(ln["bottom"] - ln["top"]) > 1
            and tuple(round(float(c), 2) for c in (ln.get("stroking_color") or ()))
            in ((1.0, 1.0, 1.0), (1.0,))
        ]  # fmt: skip
        rects = [
            r for r in page.rects
            if r["width"] < 200
            and tuple(round(float(c), 2) for c in (r.get("non_stroking_color") or ())) in fills
        ]  # fmt: skip
        bottom = max(r["bottom"] for r in rects)
        legend_top = min(c["top"] for c in page.chars if c["top"] > bottom and c["text"].strip())

        def within(rect: dict, x: float, y: float) -> bool:
            return rect["x0"] <= x <= rect["x1"] and rect["top"] <= y <= rect["bottom"]

        out = []
        for rect in rects:
            crossed = [s for s in stripes if within(rect, (s["x0"] + s["x1"]) / 2,
                                                    (s["top"] + s["bottom"]) / 2)]  # fmt: skip
            if len(crossed) < 5:
                continue
            chars = [
                c for c in page.chars
                if c["text"].strip() and within(rect, (c["x0"] + c["x1"]) / 2,
                                                 (c["top"] + c["bottom"]) / 2)
            ]  # fmt: skip
            out.append((rect, chars))
    return out, bottom, legend_top


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_limited_cell_text_stands_clear_of_its_hatching_and_the_legend_below(lang):
    """rd17 en/ar p.5: "Limited evidence:" started on the hatched left edge, "1 of 5" sat on the
    hatched bottom edge, and the legend's line started right under the table. Measured in the
    PDF: each hatched cell's characters stand at least a point inside its hatched frame
    at the sides, and HATCH_CLEAR above and below, the glyph boxes holding the line's ascent
    and descent (rd19 en p.5: the last line of a 4-line cell, "Limited evidence", still sat on
    the bottom hatch, its glyphs 1.7 points from it), and the legend a few points below the
    grid."""
    from workbench.reporting.pdf_grid import HATCH_BAND, HATCH_CLEAR, HATCH_SIDE

    cells, bottom, legend_top = _hatched_cells(_pdf(lang))
    assert len(cells) == 1
    rect, chars = cells[0]
    assert len(chars) > 10
    for c in chars:
        where = (lang, c["text"], rect, c)
        assert c["x0"] >= rect["x0"] + HATCH_SIDE + 1.0, where
        assert c["x1"] <= rect["x1"] - HATCH_SIDE - 1.0, where
        assert c["top"] >= rect["top"] + HATCH_BAND + HATCH_CLEAR, where
        assert c["bottom"] <= rect["bottom"] - HATCH_BAND - HATCH_CLEAR, where
    assert legend_top - bottom >= 3.0, (legend_top, bottom)
