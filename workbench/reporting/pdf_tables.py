"""Platypus tables from :class:`TableData`, mirrored for right-to-left languages."""

from __future__ import annotations

import re

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from workbench.reporting.context import after_by
from workbench.reporting.fonts import REGULAR
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_flow import ContinuedTable, TableBlock
from workbench.reporting.pdf_text import BalancedLine, RTLParagraph, Styles, para
from workbench.reporting.rtl import is_rtl, text_layer, visual
from workbench.reporting.typography import unbroken
from workbench.reporting.views import TableData

HEADER_BG = colors.HexColor("#dde6f0")
COMPARATOR_BG = colors.HexColor("#f1f1f1")
GRID = colors.HexColor("#b8c4d0")


def _gapped(style, rtl: bool):
    """``style`` with :data:`GAP` on the side of the next column (the right; the left in a
    right-to-left table), so wrapped words stop short of it."""
    key = (id(style), rtl)
    if key not in _GAPPED:
        # the same name: the Word report reads a cell's boldness from it ("cell_bold")
        gapped = ParagraphStyle(style.name, parent=style, rightIndent=0 if rtl else GAP)
        gapped.wrap_gap = GAP if rtl else 0.0  # type: ignore[attr-defined]  # RTLParagraph's
        _GAPPED[key] = (style, gapped)  # the style kept: its id stays its own
    return _GAPPED[key][1]


_GAPPED: dict[tuple[int, bool], tuple[ParagraphStyle, ParagraphStyle]] = {}


def _cell(text: str, style, lang: str, width: float = 0.0):
    """Numbers and symbols as plain strings (fast, never wrap) when they fit their column;
    words, and numbers wider than the column (an interval of large amounts), as paragraphs that
    wrap at their spaces instead of running into the next column."""
    if not text:
        return text
    numeric = not any(ch.isalpha() for ch in text)
    if numeric and is_rtl(lang) and (visual(text, True) != text or text_layer(text) != text):
        # "<0.001 (<0.001)" in an Arabic table: the first number on the right, as its header
        # "p الخام (المعدّلة)" reads; each number itself left to right. A flagged number ("1,952†")
        # gets the text layer's span too: poppler read its bare glyphs as "†1,952"
        return RTLParagraph(text, style, right_to_left=True)
    if numeric and (not width or stringWidth(text, style.fontName, style.fontSize) <= width - PAD):
        return text
    return para(text, _gapped(style, is_rtl(lang)), lang)


PAD = 6.5  # LEFTPADDING + RIGHTPADDING + a little
#: room kept between a body cell's text and the next column's, beyond the cells' padding: at
#: the padding alone "Host community (comparator)" ran up to "85.4%†" and "84.4 – 93.8" to
#: "147" (issue 20, en_B 16); widths are measured with it, and words wrap that much earlier
GAP = 3.0
#: a cell's padding above and below its text: a row of one line stands 15 pt, as the rows of
#: plain numbers did at reportlab's default leading
ROW_PAD = 2.7
#: a header may wrap onto this many lines, never more
HEADER_LINES = 2


def _w(text: str, style) -> float:
    """The width of ``text``'s longest line (a share over its interval is two lines)."""
    return max(stringWidth(line, style.fontName, style.fontSize) for line in text.split("\n"))


def _header_width(text: str, style) -> float:
    """The narrowest column in which ``text`` wraps at its spaces onto at most
    :data:`HEADER_LINES` lines, no word cut."""
    words = text.split(" ")  # a no-break space joins (« IC à 95 % » is one unit)
    if len(words) < 2:
        return _w(text, style)
    return min(
        max(_w(" ".join(words[:k]), style), _w(" ".join(words[k:]), style))
        for k in range(1, len(words))
    )


#: a number's unit after a no-break space, and its mark ("1,196 FRD", "5 599 FRD†", "−59.3 pp")
_UNIT = re.compile(r"\u00a0[^\W\d_]+(?:\u202f?[†*])?$")


def _least_width(header: str, cells: list[str], styles: Styles) -> float:
    """What a column needs: its header on at most two lines, every number unbroken (with its
    unit: an interval of money, "5 346 – 5 599 FRD", broke after its dash while the group
    names beside it had room to spare), every word of a text cell whole."""
    two_lines = _header_width(header, styles.cell_bold) + GAP + PAD
    # a label in a cell on two lines at most, as a header: the Arabic "not compared: comparator
    # withheld" took four lines in three rows of a column narrowed to its longest word (rd19
    # ar p.63)
    return max(two_lines, _two_line_cells(cells, styles), _word_width(header, cells, styles))


def _two_line_cells(cells: list[str], styles: Styles) -> float:
    """What a column's labels need for two lines at most, as a header."""
    texts = [c for c in cells if c and any(ch.isalpha() for ch in _UNIT.sub("", c))]
    return max((_header_width(c, styles.cell) for c in texts), default=0.0) + GAP + PAD


def _word_width(header: str, cells: list[str], styles: Styles) -> float:
    """What a column cannot do without: its header's longest word (the header on as many
    lines as that takes), every number unbroken, every word of a text cell whole."""
    need = max((_w(w, styles.cell_bold) for w in header.split(" ")), default=0.0) + GAP
    return max(need, _cells_width(cells, styles)) + PAD


def _cells_width(cells: list[str], styles: Styles, pairs: bool = False) -> float:
    """The narrowest a column's cells can be: every number unbroken, every word of a text cell
    whole; ``pairs``: a pair of numbers, "< 0.001 (< 0.001)", may go onto two lines, before
    its parenthesis."""
    need = 0.0
    for text in cells:
        if not text:
            continue
        if any(ch.isalpha() for ch in _UNIT.sub("", text)):
            words = max((_w(w, styles.cell) for w in text.split(" ")), default=0.0)
            need = max(need, words + GAP)
        else:
            parts = text.replace(" (", "\n(").split("\n") if pairs else [text]
            need = max(need, max(_w(x, styles.cell) for x in parts) + GAP)
    return need


def _paired_width(header: str, cells: list[str], styles: Styles) -> float:
    """What a column needs with its header on two lines but its pairs of numbers on two lines
    (:func:`_cells_width`)."""
    two_lines = _header_width(header, styles.cell_bold) + GAP + PAD
    labels = _two_line_cells(cells, styles)
    return max(two_lines, labels, _cells_width(cells, styles, pairs=True) + PAD)


def _natural_width(header: str, cells: list[str], styles: Styles) -> float:
    """What a column needs for none of its cells to wrap (its header still on two lines)."""
    widest = max((_w(t, styles.cell) + GAP for t in cells if t), default=0.0)
    return max(_header_width(header, styles.cell_bold) + GAP, widest) + PAD


def _give_back(out: list[float], floor: list[float], total: float) -> list[float]:
    """Shrink the columns above ``floor`` in proportion to their room until the sum is total."""
    for _ in range(len(out)):
        excess = sum(out) - total
        spare = [o - f for o, f in zip(out, floor, strict=True)]
        room = sum(s for s in spare if s > 0)
        if excess <= 1e-6 or room <= 0:
            break
        take = min(excess / room, 1.0)
        out = [o - s * take if s > 0 else o for o, s in zip(out, spare, strict=True)]
    return out


def fit_widths(
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    styles: Styles,
    first_least: float = 0.0,
) -> list[float]:
    """The preferred ``widths``, widened where a column needs more (measured with the fonts)
    and paid for by the columns with room to spare, the total kept: first by columns wider than
    their longest cell, then by columns whose cells may wrap at their spaces. ``first_least``:
    the least the first column needs where the others can spare it (a label kept on one
    line)."""
    cols = [[r[j] for r in rows if j < len(r)] for j in range(len(header))]
    least = [_least_width(h, c, styles) for h, c in zip(header, cols, strict=True)]
    total = sum(widths)
    paired = [_paired_width(h, c, styles) for h, c in zip(header, cols, strict=True)]
    label = max(first_least, least[0])
    if first_least and min(sum(least) - least[0], sum(paired) - paired[0]) + label < total:
        # the label on one line before a pair of p values on one: "Host community
        # (comparator)" wrapped in 11 English tables whose p column held "< 0.001 (< 0.001)"
        # whole, the other columns at their least (issue 20)
        least[0], paired[0] = label, max(paired[0], label)
    if sum(least) >= total and sum(paired) < total:
        # a raw and adjusted p value on two lines rather than a header on three: the French
        # income table's "Écart (réf. : / Communauté / d'accueil)" (fr_A 4) gave way alone
        # while "< 0,001 (< 0,001)" kept its line (its rows wrap already)
        least = _give_back(least, paired, total)
    if sum(least) >= total:
        # a header goes onto a third line rather than a word or a number being cut: the French
        # income table ("1 096 – 1 295 FRD", "Écart (réf. : Communauté d'accueil)") cut
        # "Estimatio / n" and broke its intervals after the dash (issue 20, fr_A 1)
        whole = [_word_width(h, c, styles) for h, c in zip(header, cols, strict=True)]
        if sum(whole) >= total:  # nothing to spare: in proportion to need
            return [total * x / sum(whole) for x in whole]
        return _give_back(least, whole, total)
    natural = [_natural_width(h, c, styles) for h, c in zip(header, cols, strict=True)]
    out = [max(w, x) for w, x in zip(widths, least, strict=True)]
    comfortable = [max(x, min(w, n)) for x, w, n in zip(least, widths, natural, strict=True)]
    out = _give_back(out, comfortable, total)
    out = _give_back(out, least, total)
    # a header on one line stays on one line (a taller header row would undo the gain)
    one_line = [_w(h, styles.cell_bold) + PAD for h in header]
    floor = [max(n, h) if o >= h else n for o, n, h in zip(out, natural, one_line, strict=True)]
    return _to_wrapping(out, natural, floor)


def _to_wrapping(out: list[float], natural: list[float], floor: list[float]) -> list[float]:
    """The room of columns wider than their ``floor`` (their longest cell, their header on
    as many lines as it has now) given to the columns whose cells wrap, up to what they need:
    the methods table's names took 4 to 7 lines in a column of an even share while the
    columns of numbers beside it were half empty."""
    room = [max(o - f, 0.0) for o, f in zip(out, floor, strict=True)]
    spare = sum(room)
    short = [max(n - o, 0.0) for o, n in zip(out, natural, strict=True)]
    if spare <= 1e-6 or sum(short) <= 1e-6:
        return out
    give = min(spare, sum(short))
    gained = [give * s / sum(short) for s in short]
    lost = [give * r / spare for r in room]
    return [o + g - x for o, g, x in zip(out, gained, lost, strict=True)]


def make_table(
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    styles: Styles,
    lang: str,
    shaded_rows: tuple[int, ...] = (),
    span_rows: tuple[int, ...] = (),
    hash_cols: tuple[int, ...] = (),
    bold_rows: tuple[int, ...] = (),
    continued: str = "",
    at_top: bool = False,
    keep_rows: tuple[tuple[int, int], ...] = (),
    first_least: float = 0.0,
    fit: bool = True,
) -> Table:
    """A table with a bold header row; ``span_rows`` are section rows spanning every column,
    ``bold_rows`` rows printed in bold (a table's total). ``continued`` is the table's title:
    "<title> (continued)" is printed above the rest of the table on a page it goes on to, and
    (``at_top``) above the whole table when it starts a page
    (:class:`~workbench.reporting.pdf_flow.ContinuedTable`). ``keep_rows``: (first, last) body
    rows that never break across pages (in Word, each row but the last kept with the next).
    ``fit=False``: ``widths`` as given (fitted already, to the blocks of one table)."""
    rtl = is_rtl(lang)
    if fit and len(widths) == len(header) and not span_rows and not hash_cols:
        widths = fit_widths(header, rows, list(widths), styles, first_least)
    # a header's lines stop GAP short of the next column too, as body cells do (the Arabic
    # "النازحون داخليًا خارج / المخيمات" ran up to "العائدون" and read as one phrase)
    cells: list[list] = [[para(h, _gapped(styles.cell_bold, rtl), lang) for h in header]]
    for i, row in enumerate(rows):
        style = styles.cell_bold if i in span_rows or i in bold_rows else styles.cell
        cells.append(
            [
                _cell(c, styles.hash if j in hash_cols else style, lang, w)
                for j, (c, w) in enumerate(zip(row, widths, strict=False))
            ]
        )
    if rtl:
        cells = [list(reversed(r)) for r in cells]
        widths = list(reversed(widths))
        for r in span_rows:  # a spanning cell shows its first (leftmost) cell: move the label there
            cells[r + 1] = [cells[r + 1][-1], *cells[r + 1][:-1]]
    cmds: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), styles.cell.fontSize),
        ("ALIGN", (0, 0), (-1, -1), "RIGHT" if rtl else "LEFT"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, GRID),
        # a white gutter between header cells: each column's name reads as its own
        ("LINEAFTER", (0, 0), (-2, 0), 1.5, colors.white),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # one line's height for a plain number and a paragraph alike: a number took the
        # table's default leading (12 pt), a paragraph its style's (9.6 pt), so a money table's
        # rows whose numbers all wrap as paragraphs stood 12.6 pt apart among rows of 15 pt
        ("LEADING", (0, 0), (-1, -1), styles.cell.leading),
        ("TOPPADDING", (0, 0), (-1, -1), ROW_PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), ROW_PAD),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for r in shaded_rows:
        cmds.append(("BACKGROUND", (0, r + 1), (-1, r + 1), COMPARATOR_BG))
    for r in span_rows:
        cmds.append(("SPAN", (0, r + 1), (-1, r + 1)))
        cmds.append(("LINEABOVE", (0, r + 1), (-1, r + 1), 0.4, GRID))
        if r + 1 < len(rows):  # a section row never ends a page: kept with its first entry
            cmds.append(("NOSPLIT", (0, r + 1), (-1, r + 2)))
    for r0, r1 in keep_rows:
        cmds.append(("NOSPLIT", (0, r0 + 1), (-1, r1 + 1)))
    align = "RIGHT" if rtl else "LEFT"
    if continued:
        line = BalancedLine(Translator(lang)("continued", title=continued), styles.h3, lang)
        table: Table = ContinuedTable(
            cells, colWidths=widths, repeatRows=1, hAlign=align, line=line, at_top=at_top,
            word_line=continued,
        )  # fmt: skip
    else:
        table = Table(cells, colWidths=widths, repeatRows=1, hAlign=align)
    table.setStyle(TableStyle(cmds))
    table.keep_rows = keep_rows  # type: ignore[attr-defined]  # the Word report's keep-with-next
    return table


def indicator_table(
    t: TableData, width: float, styles: Styles, lang: str, continued: str = ""
) -> Table:
    """An indicator's main table; one that goes on at the top of a page below its chart says
    whose it is (``continued``: the indicator's title, "<indicator> (continued)")."""
    # without difference and p columns (nothing compared) the others share their room
    fractions = (
        [0.27, 0.11, 0.15, 0.07, 0.13, 0.15, 0.12] if t.compared else [0.34, 0.14, 0.2, 0.1, 0.22]
    )
    shaded = (t.comparator_row,) if t.comparator_row is not None else ()
    widths = [f * width for f in fractions]
    need, label, rows = 0.0, "", t.rows
    if t.comparator_row is not None:  # its label on one line where the others allow it
        label = t.rows[t.comparator_row][0]
        widths, need = _label_room(label, widths, styles)
    fits = len(widths) == len(t.header)  # else as given (make_table fits no other)
    fitted = fit_widths(t.header, rows, list(widths), styles, need) if fits else widths
    tagged = _tag_on_second_line(t, rows, sum(widths), styles) if fits and label else None
    if tagged is not None:
        fitted, rows = tagged
    elif fits and label and fitted[0] < _w(label, styles.cell) + GAP + PAD:
        # no room for the whole label: every group's name on one line, the comparator's tag on
        # the next ("Communauté d'accueil / (comparaison)"); the French tables broke
        # "Communauté / d'accueil / (comparaison)" and "Personnes / retournées"
        names = [
            r[0].rsplit(" (", 1)[0] if i == t.comparator_row else r[0] for i, r in enumerate(rows)
        ]
        least = max((_w(n, styles.cell) for n in names), default=0.0) + GAP + PAD + 1.0
        if least <= LABEL_SHARE * sum(widths):
            fitted = fit_widths(t.header, rows, list(widths), styles, least)
            if fitted[0] >= least - 1e-6:
                rows = [
                    [unbroken(n) + r[0][len(n) :], *r[1:]] for n, r in zip(names, rows, strict=True)
                ]
    table = make_table(
        t.header, rows, fitted, styles, lang, shaded, continued=continued,
        at_top=bool(continued), fit=False,
    )  # fmt: skip
    # where it still wraps (French: the other columns need the room), the table that follows
    # keeps a gap from its second line (:data:`WRAPPED_GAP`)
    first = table._colWidths[-1 if is_rtl(lang) else 0]
    table.label_wraps = bool(label) and _w(label, styles.cell) + GAP + PAD > first  # type: ignore[attr-defined]
    return table


def _group_names(t: TableData) -> list[str]:
    """The first column's labels without the comparator's tag ("Host community")."""
    rows = enumerate(t.rows)
    return [r[0].rsplit(" (", 1)[0] if i == t.comparator_row else r[0] for i, r in rows]


def _tag_on_second_line(
    t: TableData, rows: list[list[str]], total: float, styles: Styles
) -> tuple[list[float], list[list[str]]] | None:
    """Widths with every column but the first at its natural width (no cell wraps) and the
    comparator's tag on a second line ("Host community / (comparator)"), where the table
    cannot hold every cell on one line but can so: one row of two lines rather than every row.
    The money tables' "< 0.001 / (< 0.001)" wrapped on every row to keep "Host community
    (comparator)" on one (issue 20, rd18 en p.45/47). None where it cannot (or need not)."""
    cols = [[r[j] for r in rows if j < len(r)] for j in range(len(t.header))]
    natural = [_natural_width(h, c, styles) for h, c in zip(t.header, cols, strict=True)]
    if sum(natural) <= total + 1e-6:
        return None  # everything fits on one line: nothing to choose
    names = _group_names(t)
    least = max((_w(n, styles.cell) for n in names), default=0.0) + GAP + PAD + 1.0
    header = _header_width(t.header[0], styles.cell_bold) + GAP + PAD
    first = total - sum(natural[1:])
    if first < max(least, header):
        return None
    # the names fit the column whole: no no-break spaces (the Word cells keep the plain text)
    return [first, *natural[1:]], rows


#: the space between a main table whose shaded last row wraps and the breakdown table under it
#: ("(comparateur)" ran into the header "Sexe" below, en_B 6)
WRAPPED_GAP = 5.0


#: the most of a main table's width its first column takes for its label to stay on one line
LABEL_SHARE = 0.36


def _label_room(label: str, widths: list[float], styles: Styles) -> tuple[list[float], float]:
    """``widths`` with the first column widened to hold ``label`` on one line, up to
    :data:`LABEL_SHARE` of the table, the others narrowed in proportion: "Host community
    (comparator)" wrapped by a point in 16 English tables, its second line running into the
    breakdown header below (en_A 13, en_B 6). Also the width the column needs for it (0.0:
    none asked)."""
    total = sum(widths)
    need = _w(label, styles.cell) + GAP + PAD + 1.0
    if need > LABEL_SHARE * total:
        return widths, 0.0
    if need <= widths[0]:  # kept there where the others can spare it (English: by a point)
        return widths, need
    keep = (total - need) / (total - widths[0])
    return [need] + [w * keep for w in widths[1:]], need


def disaggregation_tables(
    parts: list[tuple[str, str, TableData]],
    width: float,
    styles: Styles,
    lang: str,
    continued: str = "",
) -> list[Flowable]:
    """One table per breakdown, its name in the header row (so a header repeated on the next
    page still says which breakdown it is), each kept whole on one page with its header (a
    long one may start at a page's foot: :class:`~workbench.reporting.pdf_flow.TableBlock`); one
    that starts a page says whose it is (``continued``: the indicator's title, printed
    "<indicator> (continued)")."""
    out: list[Flowable] = []
    for _dis, label, t in parts:
        ncols = len(t.header)
        label_w = 0.28 * width
        rest = (width - label_w) / max(ncols - 1, 1)
        table = make_table(
            [label, *t.header[1:]], t.rows, [label_w] + [rest] * (ncols - 1), styles, lang,
            continued=continued, at_top=True,
        )  # fmt: skip
        if isinstance(table, ContinuedTable):  # "By <breakdown>" under the indicator's heading
            # in the PDF and in Word alike, above every breakdown table: Word's
            # "<indicator>: by <breakdown>" repeated the indicator's whole title 3–5 times under
            # its heading ("… (DS 5.1.1) : par sexe / : par district", rd19 fr L.67, ar L.70)
            tr = Translator(lang)
            by = tr("word_solutions_by", breakdown=after_by(label, tr))
            table.word_line, table.word_first = by, True
            table.caption = para(by, styles.cell_bold, lang)
        out += [Spacer(1, 2), TableBlock([table])]  # whole, or from a page's foot if long
    return out
