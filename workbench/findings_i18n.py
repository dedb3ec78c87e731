"""Findings in the user's language, from the one message registry (:mod:`workbench.messages`).

A finding's message is registered under its ``code`` — or ``code@severity`` when one check words
its errors and warnings differently — in ``workbench/i18n/messages_<lang>.json``. A key may have an
alternative wording ``<key>/alt`` for findings built without some parameter: the first registered
key whose ``{placeholders}`` are all known is used. When one code has more wordings than parameter
sets can tell apart, the check names one with the ``wording`` parameter: ``wording="top_level"``
words the finding with ``<code>/top_level`` (and its ``@severity`` / ``/alt`` forms) instead.
Placeholders are filled from ``finding.params``, then ``finding.where``; ``{message}`` is the
English message (for details that come from an exception). A count picks its words by the
language's plural rule (``{count, plural, one {# household} other {# households}}``). A
parameter value with a registered ``value.<param>.<value>`` code (e.g.
``value.role.displaced``) is shown translated. A finding built with :meth:`Finding.of` has
the registry's English template as its ``message``; English, an unregistered code or a
missing parameter give that ``message``. In Arabic every other inserted
value is wrapped in Unicode isolates (LRI … PDI) so that left-to-right text keeps its order inside
the right-to-left sentence.
"""

from __future__ import annotations

import string
from typing import Any

from workbench.findings import Finding
from workbench.languages import (
    DEFAULT_LANGUAGE,
    decimal_comma,
    is_rtl,
    select_plurals,
    with_catalogue,
)
from workbench.messages import LRI, PDI, catalog, format_value, is_registered, placeholders

__all__ = [
    "LANGUAGES",
    "LRI",
    "PDI",
    "VALUE_PREFIX",
    "WORDING",
    "localized",
    "message_keys",
    "worded",
]

#: the languages findings are translated into (English is the checks' own text)
LANGUAGES = tuple(lang for lang in with_catalogue("messages") if lang != DEFAULT_LANGUAGE)
VALUE_PREFIX = "value."
#: the parameter that names a variant wording ``<code>/<wording>`` of a finding's code
WORDING = "wording"
_FORMATTER = string.Formatter()


def message_keys(code: str, severity: str = "", wording: str = "") -> list[str]:
    """The registry keys that may word a finding, most specific first (``wording``: a variant)."""
    code = f"{code}/{wording}" if wording else code
    bases = [f"{code}@{severity}", code] if severity else [code]
    return [key for base in bases for key in (base, f"{base}/alt") if is_registered(key)]


def localized(finding: Finding, language: str) -> str:
    """The finding's message in ``language``; the English message when there is no translation."""
    if language == "en":
        return finding.message
    values: dict[str, Any] = {"message": finding.message, **finding.where, **finding.params}
    text = worded(finding.code, finding.severity, values, language)
    return finding.message if text is None else text


def worded(code: str, severity: str, values: dict[str, Any], language: str) -> str | None:
    """The first registered wording of ``code`` whose placeholders ``values`` fill, in
    ``language``; None when there is none (:meth:`Finding.of` renders English with it)."""
    templates = catalog(language)
    for key in message_keys(code, severity, str(values.get(WORDING) or "")):
        template = templates.get(key)
        if template is None or not placeholders(template) <= values.keys():
            continue
        try:
            return _render(template, values, language)
        except (ValueError, TypeError, KeyError):
            continue
    return None


def _render(template: str, values: dict[str, Any], language: str) -> str:
    known = catalog(language)
    out = []
    template = select_plurals(template, language, values)  # the words the counts take
    for literal, name, spec, _conv in _FORMATTER.parse(template):
        out.append(literal)
        if name is None:
            continue
        value = values[name]
        translated = None if name == "message" else known.get(f"{VALUE_PREFIX}{name}.{value}")
        if translated is not None:
            out.append(translated)
            continue
        if name == "message":
            text = str(value)
        elif callable(getattr(value, "render", None)):  # a Message: worded in this language
            text = str(value.render(language))
        elif _is_texts(value):  # a title or label in several languages, as stored in JSON
            text = str(value.get(language) or value.get(DEFAULT_LANGUAGE) or "")
        else:
            text = _format(value, spec or "")
            if isinstance(value, float) and decimal_comma(language):
                text = text.replace(".", ",")  # 3,80 écarts-types, as the language writes it
        out.append(f"{LRI}{text}{PDI}" if is_rtl(language) and text else text)
    return "".join(out)


def _is_texts(value: Any) -> bool:
    """A language → text mapping (``{"en": "Host community", "fr": "Communauté hôte"}``)."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(isinstance(k, str) and 2 <= len(k) <= 3 and isinstance(v, str)
                for k, v in value.items())
    )  # fmt: skip


def _format(value: Any, spec: str) -> str:
    if isinstance(value, float) and not spec and not value.is_integer():
        return f"{value:.2f}"
    return format_value(value, spec)
