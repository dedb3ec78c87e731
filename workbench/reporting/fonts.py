"""The bundled fonts (resources/fonts): registered once with reportlab, embedded in every PDF."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from workbench.errors import ReportError
from workbench.paths import fonts_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


def font_file(name: str) -> Path:
    path = fonts_dir() / f"{name}.ttf"
    if not path.is_file():
        raise ReportError.of("report.font_missing", path=path)
    return path


@cache
def register_fonts() -> tuple[str, str]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (REGULAR, BOLD):
        pdfmetrics.registerFont(TTFont(name, str(font_file(name))))
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
    return REGULAR, BOLD
