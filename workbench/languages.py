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

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from workbench.registry import Registry

#: the catalogues a language can have (see the module docstring)
CATALOGUES = ("app", "messages", "report", "library")


# Plural categories (Unicode CLDR plural rules, cardinals of whole numbers): which form of a
# counted word a number takes. A catalogue text that counts says so with ICU's plural select,
# ``{count, plural, one {# warning} other {# warnings}}`` (``#`` is the number; ``=0 {…}``
# matches one number exactly), and gives one branch per category of its language.
def _plural_one_other(n: int) -> str:  # English, Spanish: 1 → one
    return "one" if n == 1 else "other"


def _plural_french(n: int) -> str:  # French: 0 and 1 → one ("0 avertissement")
    return "one" if n in (0, 1) else "other"


def _plural_arabic(n: int) -> str:
    """Arabic: 0 zero, 1 one, 2 two (the dual), n % 100 in 3–10 few (plural, genitive),
    11–99 many (singular, accusative), else other (singular, genitive: 100, 1000 …)."""
    if n in (0, 1, 2):
        return ("zero", "one", "two")[n]
    if 3 <= n % 100 <= 10:
        return "few"
    return "many" if 11 <= n % 100 <= 99 else "other"


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
    #: the comma and semicolon between the items of a list in running text (Arabic: "،" "؛";
    #: French: a no-break space before ";", as its typography wants)
    comma: str = ","
    semicolon: str = ";"
    #: the word before the last item of an enumeration ("A, B and C"; CLDR's list patterns,
    #: UN editorial style: no comma before "and"); Arabic's "و" is written onto the next word
    conjunction: str = " and "
    #: which catalogues exist (English is the source language: its app catalogue holds only
    #: plural forms)
    catalogues: tuple[str, ...] = CATALOGUES
    #: the CLDR plural categories of its whole numbers, and the rule that picks one
    plurals: tuple[str, ...] = ("one", "other")
    plural_rule: Callable[[int], str] = _plural_one_other

    def plural(self, n: float) -> str:
        """The plural category of the number ``n`` (CLDR; amounts with decimals: other)."""
        return self.plural_rule(int(n)) if float(n) == int(n) else "other"


LANGUAGES: Registry[Language] = Registry(
    "language",
    (
        Language("en", "English", "English", "en_GB", "en"),
        Language("fr", "Français", "French", "fr_FR", "fr", decimal_comma=True,
                 semicolon="\u00a0;", conjunction=" et ", plural_rule=_plural_french),
        Language("es", "Español", "Spanish", "es_ES", "es", decimal_comma=True, conjunction=" y "),
        Language("ar", "العربية", "Arabic", "ar", "ar_001", rtl=True, comma="،", semicolon="؛",
                 conjunction=" و",
                 plurals=("zero", "one", "two", "few", "many", "other"),
                 plural_rule=_plural_arabic),
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


def join_list(
    items: Iterable[str], lang: str, clauses: bool = False, conjunction: bool = False
) -> str:
    """Items of a list in running text, joined by the language's comma (``clauses``: its
    semicolon, for items that hold commas) — Arabic readers saw "الأسر, الأفراد".
    ``conjunction``: an enumeration, its last item after the language's "and" ("IDPs in camps,
    IDPs outside camps and returnees"; English readers saw three names and a bare comma)."""
    known = LANGUAGES.get(lang) if lang in LANGUAGES else None
    mark = (known.semicolon if clauses else known.comma) if known else (";" if clauses else ",")
    parts = list(items)
    if conjunction and len(parts) > 1:
        last = (known.conjunction if known else " and ") + parts[-1]
        return f"{mark} ".join(parts[:-1]) + last
    return f"{mark} ".join(parts)


_PLURAL = re.compile(r"\{(\w+), plural,")


def _branches(text: str, start: int) -> tuple[dict[str, str], int]:
    """The ``selector {text}`` branches of a plural select from ``start`` (just after
    "plural,") → the branches and the index after the select's closing brace."""
    out: dict[str, str] = {}
    i = start
    while True:
        while text[i].isspace():
            i += 1
        if text[i] == "}":
            return out, i + 1
        j = text.index("{", i)
        selector, depth, k = text[i:j].strip(), 1, j + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(text[k], 0)
            k += 1
        out[selector] = text[j + 1 : k - 1]
        i = k


def plural_selects(text: str) -> list[tuple[str, dict[str, str]]]:
    """Each plural select of a catalogue text: (its number's parameter, its branches)."""
    found, i = [], 0
    while m := _PLURAL.search(text, i):
        branches, i = _branches(text, m.end())
        found.append((m.group(1), branches))
    return found


def select_plurals(text: str, lang: str, params: Mapping[str, Any]) -> str:
    """``text`` with each plural select replaced by the branch its number takes in ``lang``
    (``=N`` first, then the CLDR category, then ``other``); ``#`` in it becomes the number's
    placeholder, so it is formatted as the parameter is given."""
    if ", plural," not in text:
        return text
    language = LANGUAGES.get(lang) if lang in LANGUAGES else LANGUAGES.get(DEFAULT_LANGUAGE)
    out, i = [], 0
    while m := _PLURAL.search(text, i):
        name = m.group(1)
        branches, end = _branches(text, m.end())
        n = _number(params[name])
        exact = f"={int(n)}" if n == int(n) else ""
        chosen = branches.get(exact) or branches.get(language.plural(n)) or branches["other"]
        out += [text[i : m.start()], chosen.replace("#", "{" + name + "}")]
        i = end
    return "".join(out) + text[i:]


def plural_placeholders(text: str) -> str:
    """``text`` with each plural select replaced by its number's placeholder and every branch
    (``#`` as that placeholder): what a ``str.format`` parser reads to learn the placeholders
    a text uses, whichever branch a number picks."""
    if ", plural," not in text:
        return text
    out, i = [], 0
    while m := _PLURAL.search(text, i):
        name = "{" + m.group(1) + "}"
        branches, end = _branches(text, m.end())
        out += [text[i : m.start()], name, *(b.replace("#", name) for b in branches.values())]
        i = end
    return "".join(out) + text[i:]


def _number(value: Any) -> float:
    """A count given as a number or as its formatted text ("1 234", "1,234")."""
    if isinstance(value, int | float):
        return float(value)
    digits = re.sub(r"[^0-9]", "", str(value))
    return float(digits or 0)
