"""Issue 20, round 11: table rows, headings and notes as a page-by-page reader saw them.

- "Host community (comparator)" wrapped in the English main tables; the French ones broke
  "Communauté / d'accueil / (comparaison)" and "Personnes / retournées".
- Money tables stood some rows 12.6 pt apart, others 15 pt.
- Headings left one word alone on their last line, or ended a line on a dash.
- « IC à 95 % » wrapped in a table header.
- A note's last line stood alone at the top of a page.
"""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from workbench.reporting.i18n import Translator
from workbench.reporting.judging import grid_heading
from workbench.reporting.pdf_tables import GAP, PAD, _w, indicator_table, make_table
from workbench.reporting.pdf_text import Heading, make_styles
from workbench.reporting.rtl import is_rtl
from workbench.reporting.typography import typeset
from workbench.reporting.views import TableData

#: the demo's population groups (freedonia-plan.toml), the comparator last
GROUPS = {
    "en": ["IDPs in camps", "IDPs outside camps", "Returnees", "Host community"],
    "fr": [
        "PDI dans les camps",
        "PDI hors des camps",
        "Personnes retournées",
        "Communauté d’accueil",
    ],
}
A4_WIDTH = 595.2756 - 2 * 18 * 72 / 25.4


def _main_table(lang: str) -> TableData:
    tr = Translator(lang)
    g = GROUPS[lang]
    header = [
        tr("col_group"), tr("col_estimate"), tr("col_ci"), tr("col_n"),
        tr("col_difference", comparator=g[3]), tr("col_assessment"), tr("col_p_raw"),
    ]  # fmt: skip
    sig = {"en": "Significant difference", "fr": "Différence significative"}[lang]
    rows = [
        [g[0], "26.9%", "23.8 – 30.2", "681", "+0.5 pp", "No " + sig, "< 0.001 (< 0.001)"],
        [g[1], "0.63", "0.59 – 0.67", "3,653", "+17.3 pp", sig, "< 0.001 (< 0.001)"],
        [g[2], "4.84", "4.67 – 5.00", "1,850", "−12.4 pp", sig, "0.002 (0.008)"],
        [f"{g[3]} ({tr('comparator_tag')})", "0.63", "0.59 – 0.67", "3,653", "", "", ""],
    ]
    t = TableData([typeset(h, lang) for h in header], rows)
    t.comparator_row = 3
    return t


def _label_lines(table, styles) -> list[int]:
    """How many lines each body row's first cell takes in the laid-out table."""
    table.wrap(A4_WIDTH, 10_000)
    out = []
    for row in table._cellvalues[1:]:
        cell = row[0]
        if isinstance(cell, Paragraph):
            cell.wrap(table._colWidths[0] - 6, 1000)
            out.append(len(cell.blPara.lines))
        else:
            out.append(1)
    return out


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_population_group_names_never_wrap_in_a_main_table(lang) -> None:
    styles = make_styles(lang)
    t = _main_table(lang)
    table = indicator_table(t, A4_WIDTH, styles, lang)
    names = GROUPS[lang]
    first = table._colWidths[0]
    for name in names:  # each name fits its column (measured with the font)
        assert _w(name, styles.cell) + GAP + PAD <= first, (name, first)
    lines = _label_lines(table, styles)
    assert lines[:3] == [1, 1, 1], lines
    if lang == "en":  # the whole "Host community (comparator)" on one line
        assert lines[3] == 1, (first, lines)
    else:  # "Communauté d’accueil" whole, its tag on the next line
        assert lines[3] <= 2, lines


def test_rows_of_one_table_stand_equally_apart() -> None:
    """A row of plain numbers and a row whose only text is a paragraph (its label; its numbers
    empty, or too wide to stay plain) stand as far apart: plain numbers took reportlab's default
    leading (12 pt), paragraphs their style's (9.6 pt)."""
    styles = make_styles("en")
    rows = [
        ["IDPs in camps", "1,196\u00a0FRD", "300"],
        ["Host community", "", ""],
        ["Returnees", "1,454\u00a0FRD", "640"],
    ]
    table = make_table(["Group", "Estimate", "n"], rows, [150.0, 80.0, 40.0], styles, "en")
    table.wrap(270.0, 1000)
    assert len({round(h, 2) for h in table._rowHeights}) == 1, table._rowHeights


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_ci_header_is_one_unit(lang) -> None:
    """« IC à 95 % » broke « IC à / 95 % » in a French header: it is one unbreakable unit."""
    text = typeset(Translator(lang)("col_ci"), lang)
    assert " " not in text, repr(text)
    styles = make_styles(lang)
    if not is_rtl(lang):
        p = Paragraph(text, styles.cell_bold)
        p.wrap(_w(text, styles.cell_bold) + 1, 1000)
        assert len(p.blPara.lines) == 1


HEADINGS = {
    "en": [
        "5 of the 82 substantive gaps on the criteria's indicators",
        "Criterion 1: Safety, long-term security and freedom of movement",
        "Criterion 6: Voluntary reunification with family members separated during displacement",
    ],
    "fr": [
        "Principaux écarts : 5 des 82 écarts substantiels sur les indicateurs des critères",
        "Critère 1 : Sûreté, sécurité à long terme et liberté de circulation",
        "Critère 8 : Recours effectifs pour les violations liées au déplacement "
        "(justice, réparations, information)",
    ],
    "ar": [
        "5 من أصل 82 فجوة جوهرية في مؤشرات المعايير",
        "المعيار 1: السلامة والأمن على المدى الطويل وحرية التنقل",
    ],
}


def _heading_lines(h: Heading, width: float) -> list[str]:
    h.wrap(width, 1000)
    inner = h._inner
    if hasattr(inner, "_lines"):  # right to left
        return list(inner._lines)
    return [_text(line) for line in inner.blPara.lines]


def _text(line) -> str:
    """A reportlab line's text: (width, words) or a FragLine of fragments."""
    if isinstance(line, tuple):
        return " ".join(line[1])
    return "".join(f.text for f in line.words)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_no_heading_leaves_one_word_alone_or_ends_a_line_on_a_dash(lang) -> None:
    styles = make_styles(lang)
    # the grid heading keeps each half whole (test_reporting_arabic_wording): a page's width
    texts = [(t, 240) for t in HEADINGS[lang]] + [(grid_heading(Translator(lang)), 470)]
    checked = 0
    for text, least in texts:
        for style in (styles.h1, styles.h2):
            for width in range(least, 520, 6):  # a page's text, half a page's
                lines = _heading_lines(Heading(text, 0, "k", style, lang), float(width))
                if len(lines) < 2:
                    continue
                checked += 1
                last = lines[-1].replace("\u00a0", " ").split()
                assert len(last) > 1, (width, lines)
                for line in lines[:-1]:
                    assert not line.rstrip().endswith(("–", "—")), (width, lines)
    assert checked  # the narrow widths do wrap them


def test_a_note_never_leaves_its_last_line_alone_atop_a_page() -> None:
    """reportlab lets a paragraph's last line go alone to the next page (« tableau
    ci-dessus. » alone at the top of the French report's page 70): no paragraph style does."""
    styles = make_styles("fr")
    for style in (styles.body, styles.small):
        p = Paragraph("mot " * 80, style)
        h = p.wrap(300, 1000)[1]
        n = round(h / style.leading)
        parts = p.split(300, (n - 1) * style.leading + 0.5)  # room for all but one line
        if parts:
            tail = parts[-1]
            tail.wrap(300, 1000)
            assert len(tail.blPara.lines) >= 2


def _widows(path) -> list[tuple[int, str]]:
    """Pages (from the second) whose first line is a paragraph's tail alone: it starts in
    lower case, ends a sentence, and the next line stands a paragraph's gap below it."""
    import pdfplumber

    out = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages[1:], 2):
            rows: dict[int, list] = {}
            for word in page.extract_words():
                rows.setdefault(round(word["top"]), []).append(word)
            tops = sorted(rows)
            if not tops:
                continue
            first = " ".join(w["text"] for w in sorted(rows[tops[0]], key=lambda w: w["x0"]))
            height = rows[tops[0]][0]["bottom"] - tops[0]
            alone = len(tops) == 1 or tops[1] - tops[0] > 1.6 * height
            if first[:1].islower() and first.rstrip().endswith((".", ".)", "»")) and alone:
                out.append((number, first))
    return out


@pytest.mark.slow  # reads every page of the session's English and French reports
def test_no_page_starts_with_a_paragraphs_last_line_alone(en_report, fr_report) -> None:
    for path in (en_report, fr_report):
        assert _widows(path) == [], path
        brief = path.with_name(path.stem + "-brief.pdf")
        assert _widows(brief) == [], brief


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_difference_header_names_the_comparator_by_its_tag(lang) -> None:
    """Money tables ("1,096 – 1,295 FRD") still broke "Host community / (comparator)" and
    « Communauté / d'accueil »: the header "Difference vs Host community" took the room. It says
    "comparator", the word the comparator's row carries, so it is as short whatever the plan
    names its comparator."""
    tr = Translator(lang)
    head = tr("col_difference", comparator="Host community of the plan")
    assert "Host community of the plan" not in head
    assert tr("comparator_tag") in head, head
