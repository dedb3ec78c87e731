"""Number formatting shared by tables, charts' labels, annexes and tests (one source of truth)."""

from __future__ import annotations

import math

from workbench.languages import decimal_comma

SUPPRESSED = "*"
CAUTION = "†"
#: a count the engine publishes without an interval (stats/count_intervals.py), one mark per
#: reason: ``‡`` a count marked † (its interval no more reliable than it), ``§`` a domain with no
#: degree of freedom (one mark for both read as one reason with two footnotes)
NO_INTERVAL = {"unreliable": "‡", "no_df": "§"}
#: a cell with no case at all (an adult-only indicator's 0–4 row, a displaced-only indicator's
#: host column): nothing was hidden, there is nothing to estimate
NOT_APPLICABLE = "–"
#: the flag the report gives such a cell (the engine marks it ``suppression = "empty"``)
EMPTY = "empty"
MINUS = "−"
NBSP = "\u00a0"
#: "less than" before a bound ("< 0.001"): a no-break space, so the sign never ends a line
LESS_THAN = "<" + NBSP


def _is_missing(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _num(x: float, decimals: int, lang: str, thousands: bool = False) -> str:
    s = f"{abs(x):,.{decimals}f}" if thousands else f"{abs(x):.{decimals}f}"
    if decimal_comma(lang):
        s = s.replace(",", NBSP).replace(".", ",")
    return (MINUS if x < 0 and s.strip("0.,") else "") + s


def is_share(statistic: str) -> bool:
    return statistic == "proportion"


def fmt_value(x: float | None, statistic: str, lang: str, percent_sign: bool = True) -> str:
    """An estimate: shares as percentages with one decimal, totals as whole numbers."""
    if _is_missing(x):
        return ""
    assert x is not None
    if is_share(statistic):
        body = _num(100.0 * x, 1, lang)
        if not percent_sign:
            return body
        return body + (NBSP + "%" if decimal_comma(lang) else "%")
    if statistic in ("total", "money"):
        return _num(x, 0, lang, thousands=True)
    return _num(x, 2, lang)


def fmt_threshold(x: float, lang: str) -> str:
    """A rule's threshold given as a share, in percent with only the decimals it has: 0.5 is
    "50%" (the rating rule read "at least 50.0%", a precision the rule does not have), 0.165
    "16.5%"."""
    pct = 100.0 * x
    decimals = next((d for d in range(3) if abs(round(pct, d) - pct) < 1e-9), 3)
    return _num(pct, decimals, lang) + (NBSP + "%" if decimal_comma(lang) else "%")


def fmt_ci(low: float | None, high: float | None, statistic: str, lang: str) -> str:
    if _is_missing(low) or _is_missing(high):
        return ""
    return (
        fmt_value(low, statistic, lang, percent_sign=False)
        + " – "
        + fmt_value(high, statistic, lang, percent_sign=False)
    )


def _decimals(statistic: str) -> int:
    """How many decimals a value of ``statistic`` is shown with (in percent for shares)."""
    if is_share(statistic):
        return 1
    return 0 if statistic in ("total", "money") else 2


def ci_cell(
    low: float | None, high: float | None, statistic: str, lang: str, no_interval: object
) -> tuple[str, str]:
    """The interval cell and the footnote key it needs: ``‡`` / ``§`` where the engine publishes
    the count without an interval (``no_interval`` = ``unreliable`` / ``no_df``), else the
    interval and no footnote."""
    reason = str(no_interval or "")
    if reason in NO_INTERVAL:
        return NO_INTERVAL[reason], f"no_interval_{reason}"
    return fmt_ci(low, high, statistic, lang), ""


def fmt_diff(
    x: float | None,
    statistic: str,
    lang: str,
    unit_pp: str,
    signed: bool = True,
    currency: str = "",
) -> str:
    """A difference: shares in percentage points, money in its currency (a difference of money
    is money: readers saw "1,196 … −654" beside "Amounts in FRD" and asked −654 what), with a
    sign (``signed``) or as a size.

    It is written as precisely as the values it separates: a difference that rounds to zero at
    the values' decimals while the values differ gets one more decimal ("+0.04 pp" between
    29.0% and 29.1%, not "+0.0 pp"), and one still zero at that is "< 0.01 pp", with no sign —
    a sign is never put on a rounded zero; an exact zero is "0.0 pp"."""
    if _is_missing(x):
        return ""
    assert x is not None
    scale = 100.0 if is_share(statistic) else 1.0
    decimals = _decimals(statistic)
    unit = unit_pp if is_share(statistic) else currency if statistic == "money" else ""
    unit = NBSP + unit if unit else ""
    value = scale * x
    body = _num(value, decimals, lang, thousands=decimals == 0)
    if x != 0 and not _nonzero(body):  # the values differ, the rounded difference would not
        body = _num(value, decimals + 1, lang)
        if not _nonzero(body):
            return LESS_THAN + _num(10.0 ** -(decimals + 1), decimals + 1, lang) + unit
    if not signed:
        return body.removeprefix(MINUS) + unit
    return ("+" if x > 0 and not body.startswith(MINUS) else "") + body + unit


def _nonzero(body: str) -> bool:
    return bool(body.strip("0.," + NBSP + MINUS))


def fmt_p(p: float | None, lang: str) -> str:
    """A p-value with three decimals; below 0.001 as "< 0.001" (a no-break space, as in
    "< 0.5%": the French report wrote "<0,001" beside "< 0,5 %")."""
    if _is_missing(p):
        return ""
    assert p is not None
    return LESS_THAN + _num(0.001, 3, lang) if p < 0.001 else _num(p, 3, lang)


def fmt_count(x: float | None, lang: str) -> str:
    if _is_missing(x):
        return ""
    assert x is not None
    return _num(float(round(x)), 0, lang, thousands=True)


def cell_flag(flag: object, suppression: object = "") -> str:
    """The flag a cell shows: the engine's ``flag``, except that a cell the engine found empty
    (no case in the domain) is ``empty`` rather than suppressed."""
    if str(suppression or "") == "empty":
        return EMPTY
    return str(flag or "")


def with_flag(text: str, flag: str) -> str:
    """Apply the disclosure symbols: suppressed cells show only ``*``, caution cells get ``†``,
    empty cells ``–``."""
    if flag == EMPTY:
        return NOT_APPLICABLE
    if flag == "suppressed":
        return SUPPRESSED
    if flag == "caution" and text:
        return text + CAUTION
    return text


def round_share(x: float, statistic: str) -> float:
    """The value a reader sees in a table (for chart ↔ table agreement checks)."""
    if is_share(statistic):
        return round(100.0 * x, 1)
    if statistic in ("total", "money"):
        return float(round(x))
    return round(x, 2)
