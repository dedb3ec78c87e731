"""Numbers and times as the interface language writes them (QLocale of the chosen language,
set by ``ui.i18n.install``): ``14 542`` and ``0,050`` in French, ``14,542`` in English."""

from __future__ import annotations

import math

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimeZone


def integer(n: float | int) -> str:
    """A count with the language's group separator."""
    return QLocale().toString(round(float(n)))


def decimal(x: float, decimals: int) -> str:
    return QLocale().toString(float(x), "f", decimals)


def percent(share: float, decimals: int = 1) -> str:
    """A share (0.253) as a percentage (25.3% / 25,3 %)."""
    loc = QLocale()
    body = loc.toString(100.0 * float(share), "f", decimals)
    sign = loc.percent()
    return f"{body}\u00a0{sign}" if loc.language() == QLocale.Language.French else body + sign


def raw_number(x: float) -> str:
    """A value of a dataset as entered: whole numbers without group separators (an id stays
    ``10234``), other numbers with up to six significant digits and the language's decimal
    mark."""
    if math.isnan(x):
        return ""
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    loc = QLocale()
    loc.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return loc.toString(x, "g", 6)


def local_time(utc_iso: str) -> str:
    """A stored UTC time (ISO 8601) as a local date and time in the language's short format."""
    when = QDateTime.fromString(utc_iso[:19], Qt.DateFormat.ISODate)
    if not when.isValid():
        return utc_iso
    when.setTimeZone(QTimeZone.utc())
    return QLocale().toString(when.toLocalTime(), QLocale.FormatType.ShortFormat)
