"""Arabic chart text in the tables' order (issue 20, ar 5).

matplotlib (libraqm) orders a line by the bidi algorithm alone, which drew the axis caption's
range "%، المحور 0–30" as "30–0" beside the tables' "5–17" and "43.9 – 51.7"; chart text now
isolates the runs the PDF keeps left to right.
"""

from __future__ import annotations

import pytest

from workbench.reporting.charts_text import _font, _txt, _wrapped

LRI, PDI = "\u2066", "\u2069"


def test_chart_text_isolates_numbers_ranges_and_signs():
    """matplotlib orders a line by the bidi algorithm: isolated, a range, a signed number and an
    open age group keep the tables' order."""
    caption = "%، المحور 0–30"
    assert _txt(caption) == f"%، المحور {LRI}0–30{PDI}"
    assert _txt("الفرق +21.4 نقطة") == f"الفرق {LRI}+21.4{PDI} نقطة"
    assert _txt("60+") == "60+"  # no Arabic: drawn as written
    assert _wrapped("10+ × ذكور") == f"{LRI}10+{PDI} × ذكور"
    assert _txt("سطر\tثان") == "سطر ثان"  # control characters still become spaces


def _drawn(text: str) -> str:
    """The characters of ``text`` in the order matplotlib (libraqm) draws them, left to right;
    Arabic letters as "A"."""
    from matplotlib import ft2font

    font = ft2font.FT2Font(_font().get_file())
    if not hasattr(font, "_layout"):
        pytest.skip("matplotlib without libraqm layout")
    items = font._layout(text, ft2font.LoadFlags.NO_HINTING)
    shown = ["A" if "\u0600" <= it.char <= "\u06ff" else it.char for it in items]
    return "".join(ch for ch in shown if ch not in (LRI, PDI, " "))


def test_a_chart_draws_the_axis_range_as_the_tables_do():
    """Today's chart caption and signed values as drawn: the range "0–30" left to right (it
    was drawn "30–0"), the sign before its digits."""
    assert _drawn(_txt("%، المحور 0–30")).startswith("0–30")
    assert "+21.4" in _drawn(_txt("الفرق +21.4 نقطة"))
    # the bidi algorithm alone: what the caption looked like
    assert _drawn("%، المحور 0–30").startswith("30–0")
