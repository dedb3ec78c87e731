"""Colours of the report: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"),
safe for the common colour-vision deficiencies, and the traffic light's colours *and symbols*.

The traffic light never relies on colour alone: each rating has its own symbol and word, and
its three colours are Okabe–Ito hues at least 15 CIELAB L* apart — vermillion (worse, L* 54),
sky blue (no gap, L* 70), yellow (incomplete, L* 89) — so a greyscale print or a reader who
cannot tell red from green still tells them apart (tests/reporting/test_reporting_readers.py
measures it). Vermillion and orange, the light's first pair, are 16 L* apart but both read as
one olive yellow to a deuteranope. The two neutral ratings are greys, told apart by lightness
and symbol: inconclusive (none worse, not all shown not worse — issue 20) a light grey ◆ (L* 80)
and no data the lightest, ○ (L* 97).
"""

from __future__ import annotations

from typing import Any

#: Okabe–Ito, in the order series take them (black is kept for text)
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish_green": "#009E73",
    "reddish_purple": "#CC79A7",
    "sky_blue": "#56B4E9",
    "vermillion": "#D55E00",
    "yellow": "#F0E442",
}
SERIES = tuple(OKABE_ITO[k] for k in ("blue", "orange", "bluish_green", "reddish_purple",
                                       "sky_blue", "vermillion"))  # fmt: skip
#: the comparator: neutral grey, always hatched as well
COMPARATOR = "#999999"

#: rating → (fill, symbol, text colour); the three ratings' fills are Okabe–Ito hues as published
RATING_STYLE: dict[str, tuple[str, str, str]] = {
    "red": (OKABE_ITO["vermillion"], "■", "#000000"),  # darkest (L* 54)
    "amber": (OKABE_ITO["yellow"], "▲", "#000000"),  # L* 89
    "inconclusive": ("#C6C6C6", "◆", "#000000"),  # neutral light grey (L* 80)
    "green": (OKABE_ITO["sky_blue"], "●", "#000000"),  # L* 70
    "grey": ("#F7F7F7", "○", "#000000"),  # no data, lightest (L* 97)
}

#: the paragraph style name of a traffic-light cell whose rating rests on limited evidence: the
#: PDF hatches the cell, Word stripes its shading. A style, not a mark on the paragraph: a table
#: lays its cells out as copies of their paragraphs, which keep their style
LIMITED_STYLE = "grid_limited_evidence"


def hatched(value: Any) -> bool:
    """Whether a table cell's value (a paragraph, or the tuple of flowables a laid-out table
    holds) is a limited-evidence cell (:data:`LIMITED_STYLE`)."""
    values = value if isinstance(value, tuple | list) else (value,)
    return any(getattr(getattr(v, "style", None), "name", "") == LIMITED_STYLE for v in values)


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2), 0 black … 1 white: what a greyscale print keeps."""
    rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def lightness(hex_colour: str) -> float:
    """CIELAB L* (D65), 0 black … 100 white: the lightness a reader sees in greyscale."""
    y = luminance(hex_colour)
    f = y ** (1 / 3) if y > 216 / 24389 else (24389 / 27 * y + 16) / 116
    return 116 * f - 16
