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


#: a hyphen between two numbers of a range ("15-64", "2019-2021"): ages and counts of up to
#: three digits, or two years; a date ("2026-12-06"), a code ("ab12-34") or a chain is not one
_RANGE = re.compile(r"(?<![\w.\-])(\d{1,3}-\d{1,3}|\d{4}-\d{4})(?![\w\-])")


def en_dash_ranges(text: str) -> str:
    """A range of numbers with an en dash: the library's definitions wrote "aged 15-64" beside
    the unit lines' "15–64"."""
    return _RANGE.sub(lambda m: m[1].replace("-", "–"), text)


def french_spacing(text: str) -> str:
    """French typography: a no-break space before ":", ";", "!", "?", "»" and "%" and after
    "«", so no line of the PDF or the Word report starts with "» :" or ends with "«" (the Word
    copy's French summary had a line starting "» : 57,3 % contre 17,0 %")."""
    return _BEFORE.sub(NBSP + "\\1", text).replace("« ", "«" + NBSP)


def typeset(text: str, lang: str) -> str:
    """``text`` in ``lang``'s typography: in French, the no-break spaces of
    :func:`french_spacing` and the typographic apostrophe "’" (the French report mixed
    "Communauté d'accueil" and "communauté d’accueil" in one page); in every language a range of
    numbers takes an en dash ("15-64" → "15–64"). Applying it twice changes nothing."""
    if not text:
        return text
    text = en_dash_ranges(text) if "-" in text else text
    if lang != "fr":
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
