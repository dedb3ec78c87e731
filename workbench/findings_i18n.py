"""Findings in the interface language, without Qt (the app and the CLI share it).

Catalogs: ``workbench/i18n/findings_<lang>.json`` (fr, es, ar), one per language. Each maps a
finding ``code`` (or ``code@severity`` when one code words its errors and warnings differently) to a
template, or a list of templates tried in order: the first whose ``{placeholders}`` are all known is
used. Placeholders are filled from ``finding.params``, then ``finding.where``; ``{message}`` is the
English message (for details that come from an exception). ``{name:pct}`` shows a share (0.25) as a
whole percentage (25). The ``_values`` entry translates some parameter values (e.g. ``role``:
``displaced``). English, an unknown code or a missing parameter give the English ``message``.
In Arabic every inserted value (column names, codes, expressions) is wrapped in Unicode isolates
(LRI … PDI) so that left-to-right text keeps its order inside the right-to-left sentence.
"""

from __future__ import annotations

import json
import string
from functools import cache
from pathlib import Path
from typing import Any

from workbench.findings import Finding
from workbench.languages import is_rtl

CATALOG_DIR = Path(__file__).parent / "i18n"
LANGUAGES = ("fr", "es", "ar")
LRI, PDI = "\u2066", "\u2069"
_FORMATTER = string.Formatter()


@cache
def catalog(language: str) -> dict[str, Any]:
    """The language's catalog (empty for English or a language without one)."""
    path = CATALOG_DIR / f"findings_{language}.json"
    if language not in LANGUAGES or not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def templates(language: str, code: str, severity: str = "") -> list[str]:
    """The templates for a code, most specific (``code@severity``) first."""
    cat = catalog(language)
    entry = cat.get(f"{code}@{severity}", cat.get(code))
    if entry is None:
        return []
    return [entry] if isinstance(entry, str) else list(entry)


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name for _lit, name, _spec, _conv in _FORMATTER.parse(template) if name}


def localized(finding: Finding, language: str) -> str:
    """The finding's message in ``language``; the English message when there is no translation."""
    if language == "en":
        return finding.message
    values: dict[str, Any] = {**finding.where, **finding.params, "message": finding.message}
    known = catalog(language).get("_values", {})
    for template in templates(language, finding.code, finding.severity):
        if not placeholders(template) <= values.keys():
            continue
        try:
            return _render(template, values, known, language)
        except (ValueError, TypeError, KeyError):
            continue
    return finding.message


def _render(template: str, values: dict[str, Any], known: dict[str, Any], language: str) -> str:
    out = []
    for literal, name, spec, _conv in _FORMATTER.parse(template):
        out.append(literal)
        if name is None:
            continue
        value = values[name]
        if name == "message":
            out.append(_isolate(str(value), language))
            continue
        translated = known.get(name, {}).get(str(value))
        if translated is not None:
            out.append(translated)
        else:
            out.append(_isolate(_format(value, spec or ""), language))
    return "".join(out)


def _format(value: Any, spec: str) -> str:
    if spec == "pct":
        return f"{float(value) * 100:.0f}"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}"
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(_format(v, "") for v in value)
    return str(value)


def _isolate(text: str, language: str) -> str:
    return f"{LRI}{text}{PDI}" if is_rtl(language) and text else text
