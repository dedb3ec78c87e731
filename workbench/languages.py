"""Registry of the Workbench's languages: the one list every part builds from — the settings,
``--lang`` of the CLI, the app's language menus, the report, the message catalogues, the indicator
library's translations and the writing direction.

To add a language:

1. add a ``Language`` entry below, naming the catalogues that exist for it;
2. write those catalogues (see ``docs/translations.md``):

   * ``app``: ``resources/translations/<code>_seed.json``, then ``python -m ui.i18n_build``;
   * ``messages``: ``workbench/i18n/messages_<code>.json`` (errors, findings, vocabulary names);
   * ``report``: ``workbench/reporting/i18n/<code>.json``;
   * ``library``: the indicator texts of ``indicator_library/``.

``tests/core/test_core_registries.py`` checks that every catalogue an entry names exists, and that
no catalogue exists for a language this registry does not list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.registry import Registry

#: the catalogues a language can have (see the module docstring)
CATALOGUES = ("app", "messages", "report", "library")


@dataclass(frozen=True)
class Language:
    code: str
    #: the language's name in itself, as the app's menus show it
    native_name: str
    english_name: str
    #: target locale of the Qt Linguist catalogue (``pyside6-lupdate -target-language``)
    ts_locale: str
    #: number and date locale of the app's widgets. Arabic uses ``ar_001`` (Modern Standard
    #: Arabic, Western digits) as the tables and the report do: with plain ``ar`` (Egypt) spin
    #: boxes show and only accept Arabic-Indic digits, so "0.05" typed on an ordinary keyboard
    #: would be refused.
    number_locale: str
    rtl: bool = False
    #: numbers written with a decimal comma and a (non-breaking) space between thousands
    decimal_comma: bool = False
    #: the comma and semicolon between the items of a list in running text (Arabic: "،" "؛")
    comma: str = ","
    semicolon: str = ";"
    #: which catalogues exist (English is the source language: its app catalogue holds only
    #: plural forms)
    catalogues: tuple[str, ...] = CATALOGUES


LANGUAGES: Registry[Language] = Registry(
    "language",
    (
        Language("en", "English", "English", "en_GB", "en"),
        Language("fr", "Français", "French", "fr_FR", "fr", decimal_comma=True),
        Language("es", "Español", "Spanish", "es_ES", "es", decimal_comma=True),
        Language("ar", "العربية", "Arabic", "ar", "ar_001", rtl=True, comma="،", semicolon="؛"),
    ),
)  # fmt: skip

#: the source language, and the fallback of every text missing in another language
DEFAULT_LANGUAGE = "en"
CODES: tuple[str, ...] = LANGUAGES.codes


def with_catalogue(catalogue: str) -> tuple[str, ...]:
    """The codes of the languages that have ``catalogue``."""
    return tuple(lang.code for lang in LANGUAGES if catalogue in lang.catalogues)


def is_rtl(lang: str) -> bool:
    return lang in LANGUAGES and LANGUAGES.get(lang).rtl


def decimal_comma(lang: str) -> bool:
    return lang in LANGUAGES and LANGUAGES.get(lang).decimal_comma


def join_list(items: Iterable[str], lang: str, clauses: bool = False) -> str:
    """Items of a list in running text, joined by the language's comma (``clauses``: its
    semicolon, for items that hold commas) — Arabic readers saw "الأسر, الأفراد"."""
    known = LANGUAGES.get(lang) if lang in LANGUAGES else None
    mark = (known.semicolon if clauses else known.comma) if known else (";" if clauses else ",")
    return f"{mark} ".join(items)
