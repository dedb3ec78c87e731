"""The one registry of user-facing message codes (errors, hints and findings).

``workbench/i18n/messages_en.json`` *is* the registry: every code a user can meet has an English
template there, with ``{placeholders}`` named after its parameters. ``messages_fr.json``,
``messages_es.json`` and ``messages_ar.json`` hold the same codes with the same placeholders (a test
keeps them in line). Keys are kept sorted, one per line, so parallel additions merge cleanly.

An error is raised as data — ``raise PlanError.of("plan.unknown_key", key=k, file=name)`` — and
rendered in the user's language where it is shown: ``err.render("fr")``. Values inserted into a
right-to-left sentence are wrapped in Unicode isolates so that names and numbers keep their order.

A template that counts says so with ICU's plural select, as the report's catalogues do —
``{count, plural, one {# household} other {# households}}`` (``#`` is the number, ``=0 {…}``
one number exactly) — with one branch per plural category of its language, picked by the
language registry's CLDR rule (``workbench.languages.select_plurals``); never "household(s)".
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from workbench.languages import (
    decimal_comma,
    is_rtl,
    join_list,
    plural_placeholders,
    select_plurals,
    with_catalogue,
)

CATALOG_DIR = Path(__file__).parent / "i18n"
#: the languages with a message catalogue (workbench/languages.py); English is the registry itself
CATALOG_LANGUAGES = with_catalogue("messages")
LRI, PDI = "\u2066", "\u2069"
_FORMATTER = string.Formatter()


@cache
def catalog(language: str) -> dict[str, str]:
    """Code → template for ``language`` (empty for a language without a catalogue)."""
    path = CATALOG_DIR / f"messages_{language}.json"
    if language not in CATALOG_LANGUAGES or not path.exists():
        return {}
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


def codes() -> list[str]:
    """Every registered code."""
    return sorted(catalog("en"))


def is_registered(code: str) -> bool:
    return code in catalog("en")


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses (a number counted by a plural select, and the
    placeholders of all its branches, included)."""
    flat = plural_placeholders(template)
    return {name for _lit, name, _spec, _conv in _FORMATTER.parse(flat) if name}


def render(code: str, params: dict[str, Any] | None = None, language: str = "en") -> str:
    """The message for ``code`` in ``language`` (English when that catalogue lacks it).

    Raises ``KeyError`` for an unregistered code: a programming error, caught by the tests."""
    values = dict(params or {})
    for lang in dict.fromkeys((language, "en")):
        template = catalog(lang).get(code)
        if template is None:
            continue
        try:
            return _fill(template, values, lang)
        except (KeyError, ValueError, TypeError, IndexError):
            continue
    raise KeyError(code)


@dataclass(frozen=True)
class Message:
    """A registered message as a parameter of another (``detail=Message("plan.unknown_key", …)``):
    it is rendered in the language of the sentence that holds it."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, code: str, /, **params: Any) -> Message:
        render(code, params)  # an unregistered code fails where it is written
        return cls(code, params)

    def render(self, language: str = "en") -> str:
        return render(self.code, self.params, language)

    def __str__(self) -> str:
        return self.render()


def _fill(template: str, values: dict[str, Any], language: str) -> str:
    out = []
    template = select_plurals(template, language, values)
    for literal, name, spec, _conv in _FORMATTER.parse(template):
        out.append(literal)
        if name is None:
            continue
        if _is_sentence(values[name]):
            out.append(_sentence(values[name], language))
            continue
        if spec == "confidence":  # "< 1" in words where the language needs them
            out.append(confidence_text(float(values[name]), language))
            continue
        if isinstance(values[name], list | tuple) and not values[name] and not spec:
            out.append(render("value.none", language=language))  # an empty listing: "none"
            continue
        text = format_value(values[name], spec or "")
        out.append(f"{LRI}{text}{PDI}" if is_rtl(language) and text else text)
    return "".join(out)


def _is_sentence(value: Any) -> bool:
    """A value rendered in the sentence's language: a :class:`Message`, a finding, or a list of
    them."""
    if isinstance(value, list | tuple) and value:
        return all(_is_sentence(v) for v in value)
    return callable(getattr(value, "render", None))


def _sentence(value: Any, language: str) -> str:
    """A message (or several, joined by the language's semicolon: "nom « hh_id » ; valeurs
    cohérentes", Arabic "؛") in ``language``."""
    if isinstance(value, list | tuple):
        return join_list((_sentence(v, language) for v in value), language, clauses=True)
    return str(value.render(language))


def format_value(value: Any, spec: str = "") -> str:
    """A parameter as shown: ``pct`` gives a share (0.25) as a whole percentage (25);
    ``confidence`` gives a calibrated confidence the same way, except that one rounding to 0
    is "< 1" and one rounding to 100 is "> 99" (no column is known to be certainly wrong or
    right); control characters in text are escaped."""
    if spec == "pct":
        return f"{float(value) * 100:.0f}"
    if spec == "confidence":
        return confidence_percent(float(value))
    if spec:
        return format(value, spec)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.4g}"
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(format_value(v) for v in value)
    return str(value).translate(_CONTROL)


def confidence_percent(confidence: float) -> str:
    """A calibrated confidence as a whole percentage: "< 1" for one that rounds to 0 and
    "> 99" for one that rounds to 100 — a suggestion is never shown as certainly wrong or
    certainly right (the language-free form; :func:`confidence_text` says it in a language)."""
    pct = round(100 * confidence)
    if pct < 1:
        return "< 1"
    return "> 99" if pct > 99 else str(pct)


def confidence_text(confidence: float, language: str, decimals: bool = False) -> str:
    """A calibrated confidence as ``language`` says it: a whole percentage (the app, the
    mapping editor's "Suggestion:" line) or, with ``decimals``, two decimals with the
    language's separator (the CLI's table); one rounding to 0 or to 100 is "under 1" /
    "over 99" in words where a symbol would mislead — "أقل من 1" in Arabic, where a "<" between
    Arabic words is mirrored to ">" —, "< 1" / "> 99" elsewhere."""
    if decimals:
        low, high, text = "0.01", "0.99", f"{confidence:.2f}"
        bounded = {"0.00": "under", "1.00": "over"}.get(text)
    else:
        low, high, text = "1", "99", str(round(100 * confidence))
        bounded = "under" if text == "0" else "over" if text == "100" else None
    if decimal_comma(language):
        low, high, text = (t.replace(".", ",") for t in (low, high, text))
    if bounded is not None:
        value = low if bounded == "under" else high
        return render(f"value.confidence_{bounded}", {"value": value}, language)
    return f"{LRI}{text}{PDI}" if is_rtl(language) else text


#: control characters shown escaped (as ``repr`` does), so a value from a file — a column name
#: holding a line break — never splits the one-line message
_CONTROL = {c: repr(chr(c))[1:-1] for c in (*range(32), 127)}
