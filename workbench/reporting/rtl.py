"""Right-to-left text for reportlab, which neither shapes Arabic nor reorders bidi text.

Shaping uses ``arabic_reshaper`` (contextual presentation forms, lam-alef ligatures) and visual
ordering uses ``python-bidi``'s pure-Python reference algorithm, which also mirrors brackets and
guillemets in right-to-left runs (the Rust-backed ``bidi.get_display`` does not).
Lines are broken in *logical* order first (a Latin run in brackets, "(R survey)", is one word
when it fits on a line), then each line is
reordered, so a wrapped paragraph reads top to bottom correctly. Charts get raw text: matplotlib
(≥ 3.11, libraqm) shapes and orders Arabic itself, the runs below isolated (``charts_text._txt``).

Each run that must read left to right — Latin text ("IDPs in camps [en]", "(DS 5.1.1)"), a
number with its sign, percent and flag ("+21.4", "<0.001", "60.3%", "41.2†"), a range
("18–24"), an amount with its currency code ("−654 FRD", as a table cell reads) — is held
out of the reordering as one neutral character and put back as written afterwards, as a Unicode
isolate (LRI … PDI) would be; python-bidi's reference algorithm knows no isolates. So:

- numbers read the same on a continuation line as on the first ("9.3% مقابل 60.3%"), in a
  sentence as in a table cell and the Word file ("60.3%", never "%60.3"), and keep their sign
  on the left ("+21.4", not "21.4+");
- the brackets and punctuation around a run are placed and mirrored by the Arabic around them:
  "(الطريقة: logit)." keeps its closing bracket after "logit" (an embedding took it into the
  Latin run, so it came out "(logit."); a bracket belongs to a run only with its partner;
- cells of numbers only ("<0.001 (<0.001)") are ordered right to left like their header
  ("p الخام (المعدّلة)"): the first number on the right.

The text layer: reportlab draws the shaped, reordered glyphs (presentation forms);
:func:`actual_text` gives each drawn line a marked-content ``/ActualText`` span holding its
letters (base letters, not presentation forms) laid out as :func:`text_layer` says, so that
poppler's extraction (pdftotext, Evince, Okular) gives the logical line back — see
docs/reporting.md for what each extractor reads.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import arabic_reshaper
from bidi.algorithm import get_display  # the reference implementation: applies mirroring (L4)

from workbench.languages import is_rtl  # noqa: F401 - the report modules import it from here

_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
#: a run of Latin text: words, digits, spaces and the punctuation inside it (an e-mail address,
#: a condition "n < 25", "CV > 30%" too: mirrored in Arabic order it read "25 > n"), with its
#: brackets
_LATIN_RUN = re.compile(
    r"[(\[]?[A-Za-z][A-Za-z0-9 _.,'’/&@()\[\]+×–<>=≤≥-]*[A-Za-z0-9\])%]|[(\[]?[A-Za-z]"
)
#: a number with its comparison or sign, percent and flags ("< 0.001" with its no-break space,
#: "−4.1", "60.3%", "41.2†"),
#: and numbers joined without a space ("3/4", "18–24", "2026-12-06") — one run, never reordered
#: ("3/4" read "4/3", a date "06-12-2026"); a trailing full stop is the sentence's ("1." reads
#: ".1" in Arabic, as Word numbers a list); an open age group's "+" ("60+") is the number's:
#: left out, it read "+60" in the Arabic tables, PDF and Word
_NUMBER = r"(?:[<>≤≥]\u00a0?|[±+\-−])?\d(?:[\d.,/:–-]*\d)?%?(?:\+(?!\d))?[†*]*"
#: a range with spaces ("43.9 – 51.7"): kept left to right too, so an interval or an age group
#: reads as it does alone in a table cell (an age group came out "24–18"); its spaces may be
#: no-break ones (a sentence joins a dash to the word after it): the briefing's intervals
#: read "12.9 – 7.1" beside the tables' "7.1 – 12.9" (rd22 ar p.2–3, report p.5)
_RANGE = f"{_NUMBER}[ \u00a0\u202f][–-][ \u00a0\u202f]{_NUMBER}"
#: an amount's currency after its number: after a no-break space, as :func:`~workbench.
#: reporting.fmt.money_unit` writes it ("−654 FRD", "1,096 – 1,295 FRD", "1,196 US$†"), Latin
#: letters or a currency sign of no right-to-left script (not "؋", "﷼"); after a plain space, as
#: a plan's own text writes it ("1,250 FRD للفرد"), an ISO 4217 code or a sign; and the flags
#: after it. One run with its number: held apart, the Arabic order put the code on the
#: number's left in a sentence ("FRD 1,250"), where a table cell, which has no Arabic, reads
#: "1,196 FRD" (issue 20)
_SIGNS = "$¢£¤¥₠-₿"
_CODE = f"(?:[A-Z]{{3}}|[{_SIGNS}]+)(?![^\\W\\d_])"
_CURRENCY = f"(?:\u00a0[A-Za-z{_SIGNS}]+(?![^\\W\\d_])| {_CODE})(?:\u202f?[†*]+)?"
_LTR_RUN = re.compile(f"{_LATIN_RUN.pattern}|(?:{_RANGE}|{_NUMBER})(?:{_CURRENCY})?")
_OPEN, _CLOSE = "([", ")]"
#: stand-ins for the held runs during reordering: box-drawing characters are neutral (ON) and not
#: mirrored, like an isolate seen from outside; a line holds far fewer runs than there are
_HOLD = [chr(c) for c in range(0x2500, 0x2580)]
_HELD = re.compile("[\u2500-\u257f]")


def _unpaired(run: str) -> tuple[str, str, str]:
    """``run`` as (brackets before, the run, brackets after): an opening bracket at its start or
    a closing one at its end belongs to it only when its partner is inside the run too."""
    lead, core, trail = "", run, ""
    while (
        core
        and core[0] in _OPEN
        and sum(core.count(c) for c in _OPEN) > sum(core.count(c) for c in _CLOSE)
    ):
        lead, core = lead + core[0], core[1:]
    while (
        core
        and core[-1] in _CLOSE
        and sum(core.count(c) for c in _CLOSE) > sum(core.count(c) for c in _OPEN)
    ):
        core, trail = core[:-1], core[-1] + trail
    return lead, core, trail


def ltr_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, left_to_right) in logical order: each run kept left to right
    (Latin text, a number, a range; its brackets only with their partners) and the text
    between. The PDF holds the left-to-right pieces out of the reordering (:func:`visual`); a
    Word file leaves them left-to-right runs and marks the others ``w:rtl``."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _LTR_RUN.finditer(text):
        lead, core, trail = _unpaired(m.group(0))
        start, end = m.start() + len(lead), m.end() - len(trail)
        if not core or not any(ch.isalnum() for ch in core):
            continue
        if start > pos:
            out.append((text[pos:start], False))
        elif out and out[-1][1] and out[-1][0][-1:].isalnum() and core[:1].isalnum():
            # a letter or digit touching the run before it ("02" + "f4a08ddf30" of a hash): one
            # run, or the reordering swaps the two (the Arabic briefing printed "f4a08ddf3002");
            # a sign between them keeps two numbers ("3+4")
            core = out.pop()[0] + core
        out.append((core, True))
        pos = end
    if pos < len(text):
        out.append((text[pos:], False))
    return out


#: symbols that open a traffic-light cell, a bullet or a footnote ("● لا فجوة", "– لا توجد"):
#: a run of their own in Word
_SYMBOLS = re.compile("[\u2022\u25a0-\u25ff–—*†‡§]")
#: closing brackets (and the punctuation after them) that follow a left-to-right run
_CLOSING = re.compile(r"[)\]}]+[.,:;!?]?")
#: punctuation and the space after it before a word that opens with lam-alef ("وحدهم): لا",
#: "شيء. لا"): a run of its own in Word. LibreOffice lays out neighbouring runs of like properties
#: as one piece, and where Arial is missing (Linux: Liberation Sans, no Arabic, the letters from
#: a fallback font) it drew the lam-alef over that punctuation — "وحدهم  )لا", the colon gone
_BEFORE_LAM_ALEF = re.compile("[^\\w\\s]+[ \u00a0]+(?=\u0644[\u0622\u0623\u0625\u0627])")


#: around a left-to-right run in a Word file: the isolate of Unicode before version 6.3 (RLM
#: LRE … PDF RLM), which Word and LibreOffice both honour; the run's ``w:rtl`` is not enough
ISOLATE = ("\u200f\u202a", "\u202c\u200f")
#: a number's flags ("0.5%†", "34,863†‡"): in an Arabic text outside its isolate — inside
#: it, "أقل من 0.5%†" read "أقل من †0.5%" in LibreOffice, the dagger between "من" and the
#: number, where the PDF draws it after the number (ar_B 3); an amount's after its currency
_FLAGS = re.compile(f"(?<=[\\w%{_SIGNS}])[†‡*]+$")
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_marks(text: str) -> str:
    """``text`` without bidi marks and embeddings (a Word file's text as the story wrote it)."""
    return _BIDI_MARKS.sub("", text)


def word_runs(text: str) -> list[tuple[str, bool]]:
    """:func:`ltr_runs` for a Word file: each left-to-right run isolated by :data:`ISOLATE`
    (LibreOffice orders a paragraph by its characters alone and wrote "<0.001 (<0.001)" as
    ")0.001<(0.001<", "+21.4" as "21.4+", the cover date "06-12-2026"), and each symbol a
    left-to-right run of its own: in one right-to-left run, "● لا" lost its space and the symbol
    was drawn over the lam-alef (LibreOffice), "■ لا" and "– لا" likewise."""
    if not has_rtl(text) and any(ch.isalpha() for ch in text):
        # no Arabic ("freedonia v1 · f5e582a632ae"): written as it is, as the PDF draws it; the
        # spaces around it stay outside (the footer's gap before "الصفحة 1 من 3")
        core = text.strip()
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        pieces = [(lead, False), (ISOLATE[0] + core + ISOLATE[1], True), (trail, False)]
        return [(p, ltr) for p, ltr in pieces if p]
    out: list[tuple[str, bool]] = []
    arabic = has_rtl(text)
    for piece, ltr in ltr_runs(text):
        if ltr:
            flags = _FLAGS.search(piece) if arabic else None
            core = piece[: flags.start()] if flags else piece
            out.append((ISOLATE[0] + core + ISOLATE[1], True))
            if flags:  # after the number in the Arabic order, as the PDF draws it
                out.append((flags.group(0), True))
            continue
        closing = _CLOSING.match(piece) if out and out[-1][0].endswith(ISOLATE[1]) else None
        if closing and has_rtl(piece[closing.end() :]):
            # a bracket closed (and a full stop) right after a left-to-right run, the Arabic
            # sentence going on: a run of its own, not right-to-left — LibreOffice drew the ")"
            # of "(… n < 50). لا" over the "لا" that follows, the full stop hidden under it and
            # a double gap before
            out.append((closing.group(0), True))
            piece = piece[closing.end() :]
        pos = 0
        for m in _SYMBOLS.finditer(piece):
            if m.start() > pos:
                out.extend(_lam_alef_gaps(piece[pos : m.start()]))
            out.append((m.group(0), True))
            pos = m.end()
        if pos < len(piece):
            out.extend(_lam_alef_gaps(piece[pos:]))
    return out


def rtl_piece(piece: str, latin: bool) -> bool:
    """Whether a :func:`word_runs` piece is written as a right-to-left run (``w:rtl``) in a
    right-to-left paragraph: every piece but a left-to-right one holding letters or digits — a
    Latin word, a number. A symbol ("–", "●") or the punctuation closing a Latin run (").")
    is right to left like the Arabic around it; a number is not: Word's ``w:rtl`` overrides
    the direction of digits, separators and signs (ECMA-376 §17.3.2.30), "60.3%" would not
    read as written."""
    return not latin or not any(ch.isalnum() for ch in piece)


def has_letters(text: str) -> bool:
    """Whether ``text`` holds a letter: a run with none (punctuation, a symbol, a space) gets
    no language in Word, so LibreOffice never lays it out with the Arabic words beside it."""
    return any(ch.isalpha() for ch in text)


def _lam_alef_gaps(piece: str) -> list[tuple[str, bool]]:
    """A right-to-left piece with each :data:`_BEFORE_LAM_ALEF` gap a right-to-left run of its
    own (the Word renderer gives a run without letters no language, so no viewer joins it to the
    words around it)."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _BEFORE_LAM_ALEF.finditer(piece):
        if m.start() > pos:
            out.append((piece[pos : m.start()], False))
        out.append((m.group(0), False))
        pos = m.end()
    if pos < len(piece):
        out.append((piece[pos:], False))
    return out


#: shaping that keeps the harakat (each after its letter), for :func:`visual_marked`
_WITH_MARKS = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


@lru_cache(maxsize=4096)
def visual(text: str, arabic_paragraph: bool = False) -> str:
    """One logical line → its shaped, visually ordered form (base direction right-to-left).
    ``arabic_paragraph``: order it right to left even with no Arabic in it (a continuation line
    "60.3%.", a cell of numbers in an Arabic table); otherwise a line without Arabic (a number,
    an untranslated label) is drawn as written. Without harakat: the letters reportlab draws
    and measures (the marks are placed on their own, :mod:`~workbench.reporting.arabic_marks`)."""
    return _visual(text, arabic_paragraph, arabic_reshaper.reshape)


@lru_cache(maxsize=4096)
def visual_marked(text: str, arabic_paragraph: bool = False) -> str:
    """:func:`visual` with the harakat ("داخليًا", "يُقدَّر"), each run of marks just before its
    letter (visual order); the same letters as :func:`visual` once the marks are taken out."""
    return _visual(text, arabic_paragraph, _WITH_MARKS.reshape)


def _visual(text: str, arabic_paragraph: bool, reshape) -> str:
    if not text or not (arabic_paragraph or _RTL_CHARS.search(text)):
        return text
    pieces = ltr_runs(reshape(text))
    held = [p for p, ltr in pieces if ltr]
    if len(held) > len(_HOLD) or _HELD.search(text):  # never in a report line: order as a whole
        return get_display(reshape(text), base_dir="R")
    stand_ins = iter(_HOLD)
    line = "".join(next(stand_ins) if ltr else p for p, ltr in pieces)
    shown = get_display(line, base_dir="R")
    return _HELD.sub(lambda m: held[ord(m.group(0)) - 0x2500], shown)


def has_rtl(text: str) -> bool:
    return bool(_RTL_CHARS.search(text))


#: bidi classes poppler's reorderText keeps left to right (``unicodeTypeL`` or ``unicodeTypeNum``:
#: letters, digits, and the separators and terminators of numbers — ``.,:/%+-#`` NBSP ``،٪``),
#: measured with pdftotext 22.12 one character at a time
_KEPT_LTR = frozenset({"L", "EN", "ES", "ET", "CS", "AN"})
RLM = "\u200f"
LRM = "\u200e"
#: a comparison that opens a number ("< 0.001", "≥ 50")
_COMPARISON = "<>≤≥"


def _kept_ltr(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in _KEPT_LTR


def _strong_rtl(ch: str) -> bool:  # poppler's unicodeTypeR (Arabic letters, ؛ ؟, RLM, ALM)
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _mark_ltr_ends(text: str) -> str:
    """An RLM after each left-to-right run that neutral characters (a space, a bracket) follow
    before Arabic, the end of the line or another held run (:func:`ltr_runs`) — "2026 (عينة",
    "(logit) للاحتمال", "60.3%.", "0.819 (0.819)" — so poppler reads those neutrals with the
    Arabic after them; it would put them before the run, or join two numbers into one run.
    And an LRM before a comparison that opens a number ("< 0.001"): poppler takes "<" for
    neither direction and left it out of the number's run, so the Arabic p-value cell
    "< 0.001 (< 0.001)" was extracted with its first "<" on the Arabic side, shown mirrored
    after the number ("0.001 > (0.001 >)", issue 20, ar 1)."""
    starts: set[int] = set()
    compared: set[int] = set()
    pos = 0
    for piece, ltr in ltr_runs(text):
        if ltr:
            starts.add(pos)
            if piece[0] in _COMPARISON:
                compared.add(pos)
        pos += len(piece)
    out = []
    n = len(text)
    for i, ch in enumerate(text):
        if i in compared:
            out.append(LRM)
        out.append(ch)
        if _kept_ltr(ch):
            j = i + 1
            while j < n and not (_kept_ltr(text[j]) or _strong_rtl(text[j]) or j in compared):
                j += 1
            if j > i + 1 and (j == n or _strong_rtl(text[j]) or j in starts):
                out.append(RLM)
    return "".join(out)


@lru_cache(maxsize=4096)
def text_layer(text: str) -> str:
    """A logical right-to-left line as its letters lie on the page, left to right — the order
    poppler expects of glyphs, so that its reordering gives ``text`` back (with RLMs where a
    left-to-right run ends in neutrals, see :func:`_mark_ltr_ends`).

    poppler (TextOutputDev ``reorderText``, on a page that is mostly right-to-left) reads a line
    from its right end: a run of characters that are not left-to-right or numeric is written
    reversed, then a run of characters that are not right-to-left is written as it lies. The
    line is cut into those runs in logical order and laid out from last to first, each
    right-to-left run reversed. Brackets are not mirrored by poppler, so they stay as written."""
    marked = _mark_ltr_ends(text)
    runs: list[str] = []
    i, n = 0, len(marked)
    while i < n:
        j = i
        while j < n and not _kept_ltr(marked[j]):
            j += 1
        runs.append(marked[i:j][::-1])  # right to left: reversed
        i = j
        while j < n and not _strong_rtl(marked[j]):
            j += 1
        runs.append(marked[i:j])  # left to right: kept
        i = j
    return "".join(reversed(runs))


def actual_text(text: str) -> str:
    """A right-to-left line's text layer (:func:`text_layer`) as a PDF hex string (UTF-16BE with
    its byte-order mark), for a ``/Span << /ActualText … >> BDC … EMC`` around its glyphs."""
    return "<FEFF" + text_layer(text).encode("utf-16-be").hex().upper() + ">"


#: a Latin run in brackets ("(R survey)", "(Washington Group)"): wrapped as one word
_BRACKETED_LATIN = re.compile(r"\([A-Za-z][A-Za-z0-9 _.,'’/&+×<>=≤≥-]*\)")
#: the space between an Arabic word and the number after it ("أسوأ بمقدار 51.1 نقطة"; the
#: number keeps its unit by a no-break space in the catalogue): the briefing's gap heading broke
#: "…أسوأ بمقدار" / "51.1 نقطة", the number cut from its verb (issue 20). Not after punctuation
#: ("العينة: 2,999" may break after the colon).
_BEFORE_NUMBER = re.compile("(?<=[\u0621-\u064a\u064b-\u065f\u0670]) (?=[<>≤≥±+\\-−]?\\d)")
_JOINED = "\ue000"  # a space inside such a run while the line is cut (private use: never text)
#: the space between a number and its currency code ("1,250 FRD" in a plan's note): an amount
#: is one run (:data:`_CURRENCY`), never cut by a line end
_BEFORE_CODE = re.compile(f"(?<=\\d) (?={_CODE})")


def _words(para: str, width: float, measure) -> list[str]:
    """``para``'s words, a bracketed Latin run kept as one when it fits on a line (the Arabic
    methodology broke "(R survey)" as "(R" / "survey)", issue 20), and so a number with the
    word before it, and with its currency code ("1,250 FRD")."""
    joined = _BRACKETED_LATIN.sub(lambda m: m.group(0).replace(" ", _JOINED), para)
    joined = _BEFORE_NUMBER.sub(_JOINED, joined)
    joined = _BEFORE_CODE.sub(_JOINED, joined)
    out: list[str] = []
    for word in joined.split(" "):
        whole = word.replace(_JOINED, " ")
        out += [whole] if _JOINED not in word or measure(whole) <= width else whole.split(" ")
    return out


def wrap_logical(text: str, width: float, measure) -> list[str]:  # measure: str -> float
    """Greedy word wrap in logical order; ``measure`` gives the drawn width of a logical line.
    A last line of one word takes the word before it when the line above keeps two (the
    briefing's methodology ended paragraphs on "الصفر." and "(†)." alone): as many lines."""
    lines: list[str] = []
    for para in text.split("\n"):
        rows: list[list[str]] = []  # each line's words (a kept run one word)
        current, words = "", list[str]()
        for word in _words(para, width, measure):
            candidate = f"{current} {word}" if current else word
            if current and measure(candidate) > width:
                rows.append(words)
                current, words = word, [word]
            else:
                current, words = candidate, [*words, word] if current else [word]
        rows.append(words)
        last, before = rows[-1], rows[-2] if len(rows) > 1 else []
        if len(last) == 1 and " " not in last[0] and len(before) > 2:
            moved = [before[-1], *last]
            if measure(" ".join(moved)) <= width:
                rows[-2:] = [before[:-1], moved]
        lines += [" ".join(row) for row in rows]
    return lines
