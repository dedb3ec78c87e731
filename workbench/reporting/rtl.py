"""Right-to-left text for reportlab, which neither shapes Arabic nor reorders bidi text.

Shaping uses ``arabic_reshaper`` (contextual presentation forms, lam-alef ligatures) and visual
ordering uses ``python-bidi``'s pure-Python reference algorithm, which also mirrors brackets and
guillemets in right-to-left runs (the Rust-backed ``bidi.get_display`` does not).
Lines are broken in *logical* order first, then each line is
reordered, so a wrapped paragraph reads top to bottom correctly. Charts get raw text: matplotlib
(≥ 3.11, libraqm) shapes and orders Arabic itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

import arabic_reshaper
from bidi.algorithm import get_display  # the reference implementation: applies mirroring (L4)

from workbench.languages import is_rtl  # noqa: F401 - the report modules import it from here

_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@lru_cache(maxsize=4096)
def visual(text: str) -> str:
    """One logical line → its shaped, visually ordered form (base direction right-to-left)."""
    if not text or not _RTL_CHARS.search(text):
        return text  # nothing right-to-left (a number, an untranslated label): draw as written
    return get_display(arabic_reshaper.reshape(text), base_dir="R")


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
