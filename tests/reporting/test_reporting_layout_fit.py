"""Tables fit their text (issue 20 findings c and e): every column is measured with the report's
fonts, so no header wraps to more than two lines or has a word cut in two (the French "Estimatio
/ n", "Écart avec C / ommunauté d'accueil"), and no table repeats the section's title as its
header row."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from reporting_testkit import sentinel_results
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table
from test_reporting_pdf import page_texts

from workbench.progress import NULL_PROGRESS
from workbench.reporting import ReportOptions
from workbench.reporting.build import gate
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_tables import GAP, PAD, fit_widths
from workbench.reporting.pdf_text import Heading, make_styles
from workbench.reporting.story import StoryPart, story
from workbench.reporting.validation import CHECKS


def _tiny_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(out, format="JPEG")
    return out.getvalue()


def _story(lang: str) -> list:
    """The report's flowables before layout (charts replaced by a blank image: only the
    tables are looked at)."""
    results = sentinel_results()
    opts = ReportOptions(language=lang)
    ctx, views, validation = gate(results, opts)
    doc = ReportDoc(io.BytesIO(), opts.page_size, lang)
    builder = Builder(ctx, opts, make_styles(lang), doc.width, results.publishable())
    builder.charts = dict.fromkeys(views, _tiny_jpeg())
    part = StoryPart(builder, views, validation, "0" * 64, NULL_PROGRESS, None)
    return story(part, "2026-11-22")


def _flat(flowables: list) -> list:
    out: list = []
    for f in flowables:
        inner = getattr(f, "_content", None)
        out += _flat(inner) if isinstance(inner, list) else [f]
    return out


def _text(cell) -> str:
    return str(getattr(cell, "text", cell) or "")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_no_header_wraps_past_two_lines_or_cuts_a_word(lang):
    styles = make_styles(lang)
    bold = styles.cell_bold
    checked = 0
    for t in (f for f in _flat(_story(lang)) if isinstance(f, Table)):
        header, widths = t._cellvalues[0], t._colWidths
        if t._spanCmds:  # section rows spanning the table: not a plain grid
            continue
        for cell, width in zip(header, widths, strict=True):
            text = _text(cell).replace("&#x27;", "'").replace("&amp;", "&")
            if not text.strip():
                continue
            room = width - PAD + 0.5
            for word in text.split():
                w = stringWidth(word, bold.fontName, bold.fontSize)
                assert w <= room, f"{lang}: header word {word!r} ({w:.0f} pt) cut at {room:.0f} pt"
            lines = simpleSplit(text, bold.fontName, bold.fontSize, room)
            assert len(lines) <= 2, f"{lang}: header {text!r} on {len(lines)} lines"
            checked += 1
    assert checked > 100


def test_fit_widths_widens_what_needs_it_and_keeps_the_total():
    styles = make_styles("fr")
    header = ["Groupe de population", "Estimation", "IC à 95 %", "n",
              "Écart avec Communauté d'accueil", "Appréciation", "p brute (ajustée)"]  # fmt: skip
    rows = [["PDI dans les camps", "47,7 %", "43,9 – 51,7", "552", "+21,4 pts",
             "Différence significative", "<0,001 (<0,001)"]]  # fmt: skip
    total = 493.0
    base = [f * total for f in (0.27, 0.11, 0.15, 0.07, 0.13, 0.15, 0.12)]
    fitted = fit_widths(header, rows, base, styles)
    assert sum(fitted) == pytest.approx(total)
    assert fitted[1] > base[1]  # "Estimation" now fits whole
    bold = styles.cell_bold
    assert stringWidth("Estimation", bold.fontName, bold.fontSize) <= fitted[1] - PAD
    lines = simpleSplit(header[4], bold.fontName, bold.fontSize, fitted[4] - PAD)
    assert len(lines) <= 2


def test_a_money_table_too_wide_for_two_line_headers_cuts_no_word_and_no_interval():
    """The French income table (issue 20, fr_A 1): with " FRD" in every money cell the
    columns' least widths (headers on two lines) exceeded the page, and the widths were cut in
    proportion: "Estimatio / n", "Appréciatio / n", "1 096 – / 1 295 FRD". A header now goes
    onto a third line first; no word and no number is cut."""
    styles = make_styles("fr")
    nb = "\u00a0"
    header = ["Groupe de population", "Estimation", "IC à 95 %", "n",
              f"Écart (réf.{nb}: Communauté d’accueil)", "Appréciation",
              "p brute (ajustée)"]  # fmt: skip
    rows = [["PDI dans les camps", f"1{nb}196{nb}FRD", f"1{nb}096 – 1{nb}295{nb}FRD", "513",
             f"−654{nb}FRD", "Moins favorable", f"<{nb}0,001 (<{nb}0,001)"],
            ["Communauté d’accueil (comparaison)", f"1{nb}849{nb}FRD",
             f"1{nb}728 – 1{nb}970{nb}FRD", "773", "", "", ""]]  # fmt: skip
    total = 493.2
    base = [f * total for f in (0.27, 0.11, 0.15, 0.07, 0.13, 0.15, 0.12)]
    fitted = fit_widths(header, rows, base, styles)
    assert sum(fitted) == pytest.approx(total)
    bold, cell = styles.cell_bold, styles.cell
    for text, width in zip(header, fitted, strict=True):  # a header stops GAP short
        for word in text.split():
            assert stringWidth(word, bold.fontName, bold.fontSize) <= width - PAD - GAP, word
    for row in rows:  # "FRD" makes a paragraph of the cell: it wraps GAP short too
        for j, text in enumerate(row):
            # a raw and adjusted p value may take two lines, before its parenthesis (fr_A 4)
            parts = text.split() if j in (0, 5) else text.split(" (") if j == 6 else [text]
            for part in parts:
                w = stringWidth(part, cell.fontName, cell.fontSize)
                assert w <= fitted[j] - PAD - GAP, part


def test_methods_names_get_the_room_the_numbers_do_not_need():
    """The solutions section's methods table (issue 20): the method names wrapped over 4 to 7
    lines in a column of 28% while the columns of shares beside them were half empty. A
    column's room beyond its longest line goes to the columns whose cells wrap; a share over
    its interval (two lines) is measured line by line."""
    styles = make_styles("fr")
    header = ["Méthode", "PDI dans les camps", "PDI hors des camps", "Personnes retournées",
              "Ensemble des déplacés", "Communauté d'accueil"]  # fmt: skip
    names = ["Règle IRIS par niveaux (tous les sous-critères et critères atteints)",
             "Score composite comparé à la moyenne du groupe de comparaison",
             "Cellules homogènes (lieu + origine + année d'arrivée)"]  # fmt: skip
    share = "45,3 %\n(41,3 – 49,3)"
    rows = [[name, share, "*", share, "0,6 %\n(0,2 – 1,7)", "*"] for name in names]
    total = 493.0
    base = [0.28 * total] + [0.144 * total] * 5
    fitted = fit_widths(header, rows, base, styles)
    assert sum(fitted) == pytest.approx(total)
    cell = styles.cell
    for name in names:  # each name on at most two lines
        assert len(simpleSplit(name, cell.fontName, cell.fontSize, fitted[0] - PAD)) <= 2, name
    widest = stringWidth("(41,3 – 49,3)", cell.fontName, cell.fontSize)
    for j in (1, 3):  # a share's interval still on one line
        assert widest <= fitted[j] - PAD


@pytest.mark.slow
def test_no_table_repeats_its_section_title_as_header():
    flat = _flat(_story("en"))
    last_heading = ""
    for f in flat:
        if isinstance(f, Heading):
            last_heading = f.text
        elif isinstance(f, Table) and last_heading:
            first = _text(f._cellvalues[0][0])
            assert first != last_heading, f"table under {last_heading!r} repeats it as header"
            last_heading = ""


def test_checks_run_are_named_in_words(en_report, fr_report):
    en = "\n".join(page_texts(en_report))
    fr = "\n".join(page_texts(fr_report))
    flat_en, flat_fr = " ".join(en.split()), " ".join(fr.split())
    for code in CHECKS:  # each check named in words; its internal id read as a fault (issue 20)
        assert code not in en and code not in fr
    assert "Every section has data" in flat_en and "Chaque section contient des" in flat_fr
    assert "Charts show the same numbers as their tables" in flat_en
    assert "Les graphiques montrent les mêmes chiffres" in flat_fr


def _text_width(cell, styles) -> float | None:
    """The width of a laid-out body cell's widest line (None: an empty cell or no text)."""
    from reportlab.platypus import Paragraph

    from workbench.reporting.pdf_text import RTLParagraph

    if isinstance(cell, list | tuple):
        cell = cell[0] if len(cell) == 1 else None
    if isinstance(cell, str):
        return _w_lines(cell, styles.cell) if cell.strip() else None
    if isinstance(cell, Paragraph):  # reportlab counts the style's indents in a line's width
        indents = cell.style.leftIndent + cell.style.rightIndent
        return max(cell.getActualLineWidths0(), default=0.0) - indents
    if isinstance(cell, RTLParagraph):
        return max((cell._measure(line) for line in cell._lines), default=0.0)
    return None


def _w_lines(text: str, style) -> float:
    return max(stringWidth(x, style.fontName, style.fontSize) for x in text.split("\n"))


def _facing_cells(lang: str, header: bool):
    """Each cell of the report's tables (summary, indicators, solutions, stock — not the
    annexes' lists; no table with section rows), laid out, beside the cell its text faces (the
    next column's; in Arabic the one before): (cell, that cell, the cell's column width).
    ``header``: the header row's cells, else the body's."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO())
    rtl = lang == "ar"
    flat = _flat(_story(lang))
    end = next(i for i, f in enumerate(flat) if getattr(f, "key", "") == "methodology")
    for t in (f for f in flat[:end] if isinstance(f, Table)):
        if t._spanCmds:
            continue
        t.wrapOn(canvas, sum(t._colWidths), 10_000)
        for row in t._cellvalues[:1] if header else t._cellvalues[1:]:
            for j, cell in enumerate(row):
                neighbour = j - 1 if rtl else j + 1  # the column its text faces
                if 0 <= neighbour < len(row):
                    yield cell, row[neighbour], t._colWidths[j]


#: the least room (pt) between a cell's text and the next column's: the padding alone left
#: 6–6.5 pt, read as touching
LEAST_GAP = 8.5


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_no_cell_runs_up_to_the_next_column(lang):
    """Issue 20 (en_B 16, PDF p46): "Host community (comparator) 85.4%†" ran up to the Estimate
    column and "84.4 – 93.8 147" almost touched: a column measured to its text plus the cells'
    padding left 6 pt between two columns' texts, read as one space. Every body cell's text now
    stops at least the padding and GAP short of the next column's text (left-aligned: a
    column's room beyond its widest line; right-aligned, the same on the other side)."""
    styles = make_styles(lang)
    checked = 0
    for cell, other, width in _facing_cells(lang, header=False):
        tw = _text_width(cell, styles)
        if tw is None or _text_width(other, styles) is None:
            continue
        text = getattr(cell, "plain", None) or getattr(cell, "text", cell)
        assert width - tw >= LEAST_GAP, f"{lang}: {text!r} {width - tw:.1f} pt from the next column"
        checked += 1
    assert checked > 500


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_no_header_line_runs_up_to_the_next_columns(lang):
    """Issue 20 (ar, every breakdown table): the wrapped header "النازحون داخليًا خارج / المخيمات"
    ran up to "العائدون" beside it and read as one phrase, "النازحون داخليًا خارج العائدون". A
    header's lines stop the padding and GAP short of the next column, as body cells do."""
    styles = make_styles(lang)
    checked = 0
    for cell, other, width in _facing_cells(lang, header=True):
        tw = _text_width(cell, styles)
        if tw is None or not _text(other).strip():
            continue
        gap = width - tw
        assert gap >= LEAST_GAP, f"{lang}: header {_text(cell)!r} {gap:.1f} pt from the next column"
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_section_row_never_ends_a_table_page(lang):
    """The validation annex's caution list (fr_B 2): the group row "Effectif estimé de personnes
    déplacées (IRIS : …)" ended p.75 while its entries were on p.76. Wherever the table splits,
    the part before the break does not end with a section row."""
    from workbench.reporting.pdf_tables import make_table

    styles = make_styles(lang)
    rows: list[list[str]] = []
    spans: list[int] = []
    for g in range(6):
        spans.append(len(rows))
        rows.append([f"Group {g}", "", ""])
        rows += [[f"Entry {g}.{k}", "12.3", "note"] for k in range(4)]
    spanned = set(spans)
    table = make_table(["Indicator", "Value", "Note"], rows, [200.0, 100.0, 193.0], styles,
                       lang, span_rows=tuple(spans))  # fmt: skip
    _w, height = table.wrap(493.0, 1e6)
    cut = 0
    for h in range(30, int(height), 3):
        parts = table.split(493.0, float(h))
        if len(parts) < 2:
            continue
        last = len(parts[0]._cellvalues) - 2  # the header row repeated first
        assert last not in spanned, f"{lang}: the part {h} pt high ends with section row {last}"
        cut += 1
    assert cut > 10


def test_indicator_definitions_follow_the_reports_order():
    """en_B 6 / fr_B 10: the definitions annex listed Module A after criterion 7 and criterion
    3's poverty and median income last (the plan's order): it follows the report's sections,
    Module A, criteria 1–8, Module B."""
    from workbench.reporting.pdf_annexes import methodology

    results = sentinel_results()
    opts = ReportOptions(language="en")
    ctx, _views, _v = gate(results, opts)
    items = list(ctx.indicators.items())
    ctx.indicators = dict(items[::-1])  # the plan's order, any order: the annex sorts it
    builder = Builder(ctx, opts, make_styles("en"), 480.0, results.publishable())
    flat = _flat(methodology(builder))
    at = next(i for i, f in enumerate(flat) if getattr(f, "key", "") == "definitions")
    table = next(f for f in flat[at:] if isinstance(f, Table))
    by_title = {i.title.shown(): i.criterion for i in ctx.indicators.values()}
    order = ["A", *"12345678", "B"]
    crits = [by_title[t] for row in table._cellvalues[1:] for t in by_title
             if _text(row[0]).startswith(t)][: len(table._cellvalues) - 1]  # fmt: skip
    ranks = [order.index(c) for c in crits if c in order]
    assert len(ranks) >= 5 and ranks == sorted(ranks), crits
