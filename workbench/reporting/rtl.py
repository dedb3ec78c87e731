"""Right-to-left text for reportlab, which neither shapes Arabic nor reorders bidi text.

Shaping uses ``arabic_reshaper`` (contextual presentation forms, lam-alef ligatures) and visual
ordering uses ``python-bidi``'s pure-Python reference algorithm, which also mirrors brackets and
guillemets in right-to-left runs (the Rust-backed ``bidi.get_display`` does not).
Lines are broken in *logical* order first, then each line is
reordered, so a wrapped paragraph reads top to bottom correctly. Charts get raw text: matplotlib
(≥ 3.11, libraqm) shapes and orders Arabic itself.

Two things keep a wrapped line as faithful as the whole paragraph would be:

- every line starts with an ARABIC LETTER MARK (U+061C, removed after reordering), so numbers
  resolve the same way on a continuation line as on the first (rule W2: a number after Arabic
  letters is an Arabic number) — without it "9.3% مقابل 60.3%" on a line of its own put its two
  numbers in different orders;
- each run of Latin text ("IDPs in camps [en]", "(DS 5.1.1)") is embedded left-to-right
  (LRE … PDF), so its brackets stay with it instead of being mirrored to the other end.

The text layer: reportlab draws the shaped, reordered glyphs; :func:`actual_text` gives the
logical line for a marked-content ``/ActualText`` span, so search, copy and screen readers get the
real Arabic text (see docs/reporting.md).
"""

from __future__ import annotations

import re
from functools import lru_cache

import arabic_reshaper
from bidi.algorithm import get_display  # the reference implementation: applies mirroring (L4)

from workbench.languages import is_rtl  # noqa: F401 - the report modules import it from here

_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
#: a run of Latin text: words, digits, spaces and the punctuation inside it, with its brackets
_LATIN_RUN = re.compile(
    r"[(\[]?[A-Za-z][A-Za-z0-9 _.,'’/&()\[\]+×–-]*[A-Za-z0-9\])]|[(\[]?[A-Za-z]"
)
#: a range of numbers ("18–24", "0–4"): kept left to right like a Latin run, so an age group
#: reads "18–24" in a label as it does alone in a table cell (it came out "24–18" beside Arabic)
_RANGE = r"\d[\d.,]*\s?[–-]\s?\d[\d.,]*"
_LTR_RUN = re.compile(f"{_LATIN_RUN.pattern}|{_RANGE}")
ALM, LRE, PDF = "\u061c", "\u202a", "\u202c"


def _embed_latin(text: str) -> str:
    return _LTR_RUN.sub(lambda m: LRE + m.group(0) + PDF, text)


@lru_cache(maxsize=4096)
def visual(text: str, arabic_paragraph: bool = False) -> str:
    """One logical line → its shaped, visually ordered form (base direction right-to-left).
    ``arabic_paragraph``: the line belongs to a paragraph with Arabic in it (a continuation line
    "60.3%." is ordered as the paragraph's first line would order it)."""
    if not text or not (arabic_paragraph or _RTL_CHARS.search(text)):
        return text  # nothing right-to-left (a number, an untranslated label): draw as written
    shown = get_display(ALM + _embed_latin(arabic_reshaper.reshape(text)), base_dir="R")
    return shown.replace(ALM, "").replace(LRE, "").replace(PDF, "")


def actual_text(text: str) -> str:
    """The logical text as a PDF hex string (UTF-16BE with its byte-order mark), for a
    ``/Span << /ActualText … >> BDC … EMC`` around the drawn glyphs."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def has_rtl(text: str) -> bool:
    return bool(_RTL_CHARS.search(text))


def wrap_logical(text: str, width: float, measure) -> list[str]:  # measure: str -> float
    """Greedy word wrap in logical order; ``measure`` gives the drawn width of a logical line."""
    lines: list[str] = []
    for para in text.split("\n"):
        current = ""
        for word in para.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and measure(candidate) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


def latin_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_latin) in logical order: each run of Latin text with its
    brackets (as :func:`visual` embeds it left-to-right) and the text between. A Word file marks
    the other pieces right-to-left (``w:rtl``) and leaves the Latin ones left-to-right, so Word
    keeps "[en]" and "(DS 5.1.1)" whole, as the PDF does."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _LTR_RUN.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out
