"""The charts' text as drawn, shared by every chart module: the font, a label with its control
characters blanked and its left-to-right runs isolated for Arabic, a level name wrapped onto
lines, and a value in its axis' unit (a share in percent). A small base that
:mod:`~workbench.reporting.charts`, :mod:`~workbench.reporting.charts_axes`,
:mod:`~workbench.reporting.charts_marks` and :mod:`~workbench.reporting.progress_chart` import,
so that none of them imports another for these helpers.
"""

from __future__ import annotations

import re
from functools import cache

from matplotlib.font_manager import FontProperties

from workbench.reporting.fmt import is_share
from workbench.reporting.fonts import font_file
from workbench.reporting.rtl import has_rtl, ltr_runs

#: level names longer than this are wrapped onto several lines (never cut, never overlapping)
LABEL_CHARS = 16


@cache
def _font(bold: bool = False) -> FontProperties:
    return FontProperties(fname=str(font_file("DejaVuSans-Bold" if bold else "DejaVuSans")), size=7)


_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _txt(text: str) -> str:
    """A label as drawn: control characters (a tab or CR in a user's label) become spaces, since
    no font has a glyph for them (matplotlib would warn and draw a box); Arabic text with its
    left-to-right runs isolated (:func:`_isolated`)."""
    return _isolated(_CONTROL.sub(" ", str(text)))


#: a Unicode isolate (LRI … PDI): libraqm (FriBidi) keeps what it holds left to right, and
#: draws the two marks with no width
LRI, PDI = "\u2066", "\u2069"


def _isolated(line: str) -> str:
    """A line of Arabic with each left-to-right run of the PDF tables (a number with its sign,
    percent and flags, a range, a Latin word: :func:`~workbench.reporting.rtl.ltr_runs`) in an
    isolate. matplotlib orders a line by the bidi algorithm alone, which took the en dash of a
    range for Arabic: the Arabic axis caption "%، المحور 0–30" was drawn "30–0" beside the
    tables' "5–17" and "43.9 – 51.7" (issue 20, ar 5), and "+21.4 نقطة" would have its sign
    after the number. A line without Arabic is drawn as written."""
    if not has_rtl(line) or LRI in line:
        return line
    return "".join(LRI + piece + PDI if ltr else piece for piece, ltr in ltr_runs(line))


def _wrapped(text: str, width: int = LABEL_CHARS) -> str:
    """A level name on as many lines as it needs (words kept whole), each line isolated as
    :func:`_txt` does it (after the wrap, so that no isolate is cut by a line end)."""
    import textwrap

    plain = _CONTROL.sub(" ", str(text))
    lines = textwrap.wrap(plain, width, break_long_words=False) or [plain]
    return "\n".join(_isolated(line) for line in lines)


def _pct(v: float, statistic: str) -> float:
    return 100.0 * v if is_share(statistic) else v
