"""Number formatting shared by tables, charts' labels, annexes and tests (one source of truth)."""

from __future__ import annotations

import math

from workbench.languages import decimal_comma

SUPPRESSED = "*"
#: a complementary (secondary) suppression: withheld, with enough cases, only so that a
#: withheld value cannot be worked out from the totals (ar_A 3: one "*" for both read as "too
#: few cases" for groups of 150 children and more); its own mark and note
SECONDARY = "(*)"
#: the flag the report gives such a cell for its mark and note (the engine marks it
#: ``suppression = "complementary"``; its ``flag`` stays ``suppressed``)
COMPLEMENTARY = "complementary"
CAUTION = "†"
#: a count the engine publishes without an interval (stats/count_intervals.py) for either of its
#: reasons (``unreliable``: a count marked †, its interval no more reliable than it; ``no_df``: a
#: domain with no degree of freedom): one mark and one footnote that covers both — two marks
#: ("‡" and "§", each with its own explanation) made readers learn two symbols for one situation
NO_INTERVAL_MARK = "‡"
NO_INTERVAL_REASONS = ("unreliable", "no_df")
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


def fmt_number(x: float, decimals: int, lang: str, thousands: bool = False) -> str:
    """A bare number as the tables write their cells (``decimals`` places, the language's
    decimal sign and thousands space, "−"): the charts' axis numbers too."""
    return _num(x, decimals, lang, thousands)


def is_share(statistic: str) -> bool:
    return statistic == "proportion"


def fmt_value(
    x: float | None, statistic: str, lang: str, percent_sign: bool = True, currency: str = ""
) -> str:
    """An estimate: shares as percentages with one decimal, totals as whole numbers; an amount
    of money with its ``currency`` when given ("1,196 FRD"), as a share has its "%"."""
    if _is_missing(x):
        return ""
    assert x is not None
    if is_share(statistic):
        body = _num(100.0 * x, 1, lang)
        if not percent_sign:
            return body
        return body + (NBSP + "%" if decimal_comma(lang) else "%")
    if statistic in ("total", "money"):
        return _num(x, 0, lang, thousands=True) + money_unit(statistic, currency)
    return _num(x, 2, lang)


def money_unit(statistic: str, currency: str) -> str:
    """What follows an amount of money in a table's cell: a no-break space and the currency
    ("1,196 FRD", "1,096 – 1,295 FRD", as the difference beside them reads "−654 FRD"; a table
    copied alone, or a cell of the Word table, kept no unit when only a line above the table
    named it), nothing for other statistics or without a currency."""
    return NBSP + currency if statistic == "money" and currency else ""


def fmt_threshold(x: float, lang: str) -> str:
    """A rule's threshold given as a share, in percent with only the decimals it has: 0.5 is
    "50%" (the rating rule read "at least 50.0%", a precision the rule does not have), 0.165
    "16.5%"."""
    pct = 100.0 * x
    decimals = next((d for d in range(3) if abs(round(pct, d) - pct) < 1e-9), 3)
    return _num(pct, decimals, lang) + (NBSP + "%" if decimal_comma(lang) else "%")


def fmt_ci(
    low: float | None, high: float | None, statistic: str, lang: str, currency: str = ""
) -> str:
    """An interval, "32.2 – 39.2"; of money with its ``currency`` once, at its end."""
    if _is_missing(low) or _is_missing(high):
        return ""
    return (
        fmt_value(low, statistic, lang, percent_sign=False)
        + " – "
        + fmt_value(high, statistic, lang, percent_sign=False)
        + money_unit(statistic, currency)
    )


def _decimals(statistic: str) -> int:
    """How many decimals a value of ``statistic`` is shown with (in percent for shares)."""
    if is_share(statistic):
        return 1
    return 0 if statistic in ("total", "money") else 2


def ci_cell(
    low: float | None,
    high: float | None,
    statistic: str,
    lang: str,
    no_interval: object,
    currency: str = "",
) -> tuple[str, str]:
    """The interval cell and the footnote key it needs: ``‡`` where the engine publishes the
    count without an interval (``no_interval`` = ``unreliable`` or ``no_df``), else the
    interval (of money with its ``currency``) and no footnote."""
    if str(no_interval or "") in NO_INTERVAL_REASONS:
        return NO_INTERVAL_MARK, "no_interval"
    return fmt_ci(low, high, statistic, lang, currency), ""


def fmt_diff(
    x: float | None,
    statistic: str,
    lang: str,
    unit_pp: str,
    signed: bool = True,
    currency: str = "",
    extra: int = 0,
) -> str:
    """A difference: shares in percentage points, money in its currency (a difference of money
    is money: readers saw "1,196 … −654" beside "Amounts in FRD" and asked −654 what), with a
    sign (``signed``) or as a size.

    It is written with the decimals of the values it separates (one for a share in percent), like
    every other difference of the report. One that is not zero but rounds to zero at those
    decimals is written as that zero, "0.0 pp" (ratios "0.00", counts and money "0"), like an
    exact zero and with no sign: "+0.0" or "−0.0" would put a sign on a rounded zero, one more
    decimal ("−0.05 pp" among differences of one decimal, issue 20) read as a misprint, and
    "< 0.1 pp" had no direction beside "29.0% … 29.1%" (en_B 7). The interval notes follow the
    same rule: a bound that rounds to zero is "0.0", never "+0.0" (docs/statistics.md).
    ``extra``: decimals added, for a bound that would otherwise print as the minimum it is
    judged against ("−5.0" beside a 5.0 minimum: "−5.04", rd19 en p. 64)."""
    if _is_missing(x):
        return ""
    assert x is not None
    scale = 100.0 if is_share(statistic) else 1.0
    decimals = _decimals(statistic) + extra
    if lang == "fr" and abs(round(scale * x, decimals)) < 2:
        unit_pp = unit_pp.removesuffix("s")  # fr_A 10: « 0,5 pt », « 2,0 pts »
    unit = unit_pp if is_share(statistic) else currency if statistic == "money" else ""
    unit = NBSP + unit if unit else ""
    value = scale * x
    body = _num(value, decimals, lang, thousands=decimals == 0)
    if not signed or not _nonzero(body):  # a rounded zero has no sign
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


def mark_flag(flag: str, suppression: object = "") -> str:
    """The flag a cell's mark and note follow: ``complementary`` for a cell withheld as a
    complement (:data:`SECONDARY`), else ``flag`` (:func:`cell_flag`'s, which decides what is
    hidden)."""
    if flag == "suppressed" and str(suppression or "") == COMPLEMENTARY:
        return COMPLEMENTARY
    return flag


def with_flag(text: str, flag: str) -> str:
    """Apply the disclosure symbols: suppressed cells show only ``*`` (complements ``(*)``,
    :func:`mark_flag`), caution cells get ``†``, empty cells ``–``."""
    if flag == EMPTY:
        return NOT_APPLICABLE
    if flag == "suppressed":
        return SUPPRESSED
    if flag == COMPLEMENTARY:
        return SECONDARY
    if flag == "caution" and text:
        return cautioned(text)
    return text


#: what stands between a unit word and its mark: a narrow space that never breaks
MARK_SPACE = "\u202f"


def cautioned(text: str) -> str:
    """``text`` with its :data:`CAUTION` mark: after a narrow no-break space where a unit word
    ends it ("+4.6 pp †", "1,196 FRD †"), glued to a number or a sign ("85.4%†"); the Arabic
    "+4.6 نقطة†" read as one word (rd19 ar p.61–62)."""
    return text + (MARK_SPACE if text[-1:].isalpha() else "") + CAUTION


def round_share(x: float, statistic: str) -> float:
    """The value a reader sees in a table (for chart ↔ table agreement checks)."""
    if is_share(statistic):
        return round(100.0 * x, 1)
    if statistic in ("total", "money"):
        return float(round(x))
    return round(x, 2)
