"""Writing direction of the Workbench's languages, shared by the report, the findings catalogs
and the interface (one place to add a right-to-left language)."""

from __future__ import annotations

RTL_LANGUAGES = frozenset({"ar"})


def is_rtl(lang: str) -> bool:
    return lang in RTL_LANGUAGES


#: the languages of the interface, the CLI's messages and the report (English first)
LANGUAGES = ("en", "fr", "es", "ar")
