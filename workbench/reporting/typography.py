"""The language's typography on every text a report writes, whoever wrote it (the catalogue, the
plan, the indicator library, the sample's labels), and the date as its readers write it.

:func:`typeset` is applied where text becomes a PDF paragraph (``pdf_text.para``), a Word run
(``docx_render``) and a chart's label (``charts.chart_figure``): the catalogue's strings were
typeset when read, but a plan's "(échantillon synthétique) : districts" and a library's
"Communauté d'accueil" reached the French Word report with an ordinary space before the colon and
a straight apostrophe beside the catalogue's "communauté d’accueil".
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.reporting.i18n import Translator

NBSP = "\u00a0"
_BEFORE = re.compile(r" ([:;!?»%])")
#: an apostrophe between letters ("d'accueil", "aujourd'hui"); a quote mark or a code is not one
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")


def french_spacing(text: str) -> str:
    """French typography: a no-break space before ":", ";", "!", "?", "»" and "%" and after
    "«", so no line of the PDF or the Word report starts with "» :" or ends with "«" (the Word
    copy's French summary had a line starting "» : 57,3 % contre 17,0 %")."""
    return _BEFORE.sub(NBSP + "\\1", text).replace("« ", "«" + NBSP)


def typeset(text: str, lang: str) -> str:
    """``text`` in ``lang``'s typography: in French, the no-break spaces of
    :func:`french_spacing` and the typographic apostrophe "’" (the French report mixed
    "Communauté d'accueil" and "communauté d’accueil" in one page). Other languages as written;
    applying it twice changes nothing."""
    if lang != "fr" or not text:
        return text
    return _APOSTROPHE.sub("’", french_spacing(text))


def long_date(day: date, tr: Translator) -> str:
    """``day`` as the report's language writes it ("6 December 2026", "6 décembre 2026",
    "6 de diciembre de 2026", "6 ديسمبر 2026"): the cover and the briefing printed the ISO
    "2026-12-06". ``tr``: the report's :class:`~workbench.reporting.i18n.Translator`."""
    number = tr("date_first_day") if day.day == 1 else str(day.day)  # "1er décembre"
    return tr("date_long", day=number, month=tr(f"month_{day.month}"), year=day.year)


def unbroken(text: str) -> str:
    """``text`` on one line: its spaces no-break (a name the line must not split)."""
    return text.replace(" ", NBSP)
