"""The report's own strings in en/fr/es/ar (catalogs in ``i18n/<lang>.json``)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from workbench.errors import ReportError
from workbench.languages import select_plurals
from workbench.reporting.typography import french_spacing, typeset

__all__ = ["Translator", "catalog", "count_header", "french_spacing", "missing_keys", "term"]

CATALOG_DIR = Path(__file__).resolve().parent / "i18n"


@cache
def catalog(lang: str) -> dict[str, str]:
    path = CATALOG_DIR / f"{lang}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReportError.of("report.strings_damaged", lang=lang, detail=str(exc)) from None
    strings = {str(k): str(v) for k, v in data.items()}
    return {k: typeset(v, lang) for k, v in strings.items()}


class Translator:
    """``tr("key", name=value)`` in one language; English is the reference catalog. A text that
    counts picks its words by the language's plural rule: ``{count, plural, one {# warning}
    other {# warnings}}`` (``workbench.languages.select_plurals``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._cat = catalog(lang)
        self._en = catalog("en")

    def __call__(self, key: str, **params: Any) -> str:
        text = self._cat.get(key)
        if text is None:
            text = self._en.get(key)
            if text is None:
                raise ReportError(f"Report string {key!r} is not defined.")
        return select_plurals(text, self.lang, params).format(**params) if params else text

    def has(self, key: str) -> bool:
        return key in self._cat


def missing_keys(lang: str) -> list[str]:
    """Keys of the English catalog that ``lang`` does not translate."""
    cat = catalog(lang)
    return sorted(k for k in catalog("en") if k not in cat)


def term(text: str, lang: str) -> str | None:
    """The catalogue's ``lang`` words for a common English label of survey data (``term:Female``
    → "Femme"), or None when the catalogue has none."""
    if not text:
        return None
    return catalog(lang).get(f"term:{text}")


def count_header(tr: Translator, unit: str) -> str:
    """The header of a column of estimated counts, with what it counts ("Estimated number of
    households"; issue 20: "Estimated number" left households and people apart only by guess).
    ``unit`` is the engine's or the plan's (household | individual)."""
    key = f"col_number_{unit}"
    return tr(key) if tr.has(key) else tr("col_count")
