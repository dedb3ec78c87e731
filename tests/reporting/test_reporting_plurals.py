"""Counted words take the language's plural form (issue 20): readers of the demo saw
"1 sampling stage(s)", "indicateur(s)", "مؤشر(ات)". The rule is the language registry's (CLDR
categories), the forms are the catalogue's (ICU plural select)."""

from __future__ import annotations

import json
import re

import pytest

from workbench.languages import CODES, LANGUAGES, join_list, plural_selects, select_plurals
from workbench.reporting.i18n import CATALOG_DIR, Translator

#: "indicator(s)", "estimación(es)", "membre(s)", "مؤشر(ات)"
_LATIN = re.compile(r"\w\((s|es|e|x|nes|ات)\)")
#: "تحذير (تحذيرات)", "مرحلة (مراحل)": a word then its own plural in brackets (same first letters
#: after the article: "الخام (المعدّلة)", raw (adjusted), is two words)
_ARABIC = re.compile(
    r"(?:ال)?(?!ال)([\u0620-\u064a]{2})[\u0620-\u065f]* \((?:ال)?\1[\u0620-\u065f]*\)"
)


def _raw(lang: str) -> dict[str, str]:
    return json.loads((CATALOG_DIR / f"{lang}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", CODES)
def test_no_catalogue_text_writes_a_plural_in_brackets(lang: str) -> None:
    assert _ARABIC.search("المؤشر (المؤشرات)") and _ARABIC.search("تحذير (تحذيرات)")
    assert not _ARABIC.search("p الخام (المعدّلة)")
    found = {k: v for k, v in _raw(lang).items() if _LATIN.search(v) or _ARABIC.search(v)}
    assert not found, found


@pytest.mark.parametrize("lang", CODES)
def test_every_plural_gives_each_category_of_its_language(lang: str) -> None:
    categories = set(LANGUAGES.get(lang).plurals)
    selects = {k: plural_selects(v) for k, v in _raw(lang).items()}
    assert sum(map(len, selects.values())) >= 12
    for key, found in selects.items():
        for _name, branches in found:
            named = {c for c in branches if not c.startswith("=")}
            assert named == categories, (key, sorted(named))


def test_the_plural_rules_are_cldr_s() -> None:
    ar = LANGUAGES.get("ar")
    assert [ar.plural(n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111, 1000)] == [
        "zero", "one", "two", "few", "few", "many", "many", "other", "other", "few", "many",
        "other",
    ]  # fmt: skip
    assert [LANGUAGES.get("fr").plural(n) for n in (0, 1, 2)] == ["one", "one", "other"]
    assert [LANGUAGES.get("en").plural(n) for n in (0, 1, 2)] == ["other", "one", "other"]
    assert LANGUAGES.get("es").plural(1) == "one" and LANGUAGES.get("en").plural(1.5) == "other"


def test_counted_words_read_as_each_language_counts() -> None:
    stage = {lang: Translator(lang) for lang in CODES}
    assert stage["en"]("variance_linearisation", stages=1).startswith(
        "Taylor linearisation, one sampling stage,"
    )
    assert "2 sampling stages" in stage["en"]("variance_linearisation", stages=2)
    assert "un degré de sondage" in stage["fr"]("variance_linearisation", stages=1)
    warn = {n: Translator("ar")("check_warnings", count=n) for n in (1, 2, 3, 11, 100)}
    assert warn == {
        1: "تحذير واحد", 2: "تحذيران", 3: "3 تحذيرات", 11: "11 تحذيرًا", 100: "100 تحذير",
    }  # fmt: skip
    assert Translator("fr")("check_warnings", count=0) == "0 avertissement"
    assert Translator("fr")("check_warnings", count=2) == "2 avertissements"
    assert Translator("es")("check_warnings", count=1) == "1 advertencia"
    two = Translator("en")("exclusions_total", households=1, members=4)
    assert two.endswith("1 household with 4 members."), two
    # the count may come formatted: the rule reads its digits
    assert Translator("en")("check_warnings", count="1,204") == "1,204 warnings"


def test_a_select_is_replaced_and_the_rest_formatted() -> None:
    text = "{n, plural, =0 {none} one {# item} other {# items}} in {where}"
    assert select_plurals(text, "en", {"n": 0}) == "none in {where}"
    assert select_plurals(text, "en", {"n": 3}).format(n=3, where="x") == "3 items in x"


def test_the_summary_s_tally_agrees_with_its_numbers() -> None:
    # the French summary said "1 significativement plus favorables"
    tr = Translator("fr")
    text = tr("summary_tests", tests="105", comparator="", worse="82", better="1", level=95,
              alpha=5, chance="5", rest="")  # fmt: skip
    assert "82 moins favorables et 1 plus favorable, selon une même règle" in text
    assert "environ 5 pourraient être significatives" in text
    one = Translator("en")("summary_tests", tests="1", comparator="", worse="1", better="0",
                            level=95, alpha=5, chance="0", rest="")  # fmt: skip
    assert one.startswith("1 comparison of a displaced group with the comparison group was")


def test_a_french_list_of_clauses_keeps_the_space_before_its_semicolons() -> None:
    # the French summary's other methods read "4,3 % (IC à 95 % de 3,2 % à 5,7 %); Score …"
    assert join_list(["a", "b"], "fr", clauses=True) == "a\u00a0; b"
    assert join_list(["a", "b"], "en", clauses=True) == "a; b"
    assert join_list(["a", "b"], "ar", clauses=True) == "a؛ b"


def test_arabic_range_of_tests_agrees_with_its_upper_number() -> None:
    """Arabic readers saw "من 1 إلى 13 اختبارات": after 11–99 the noun is singular accusative."""
    from workbench.reporting.i18n import Translator

    tr = Translator("ar")
    assert tr("family_tests_range", count=13, low="1", high="13").endswith("13 اختبارًا")
    assert tr("family_tests_range", count=5, low="1", high="5").endswith("5 اختبارات")


def test_the_summary_s_chance_sentence_names_the_significance_level() -> None:
    """The number of comparisons significant by chance follows from the tests' level (5%), not
    the intervals' confidence (95%): the French said « au seuil de 5 % », the others "at the
    95% confidence level"."""
    args = {"tests": "105", "comparator": "", "worse": "82", "better": "1", "level": 95,
            "alpha": 5, "chance": "5", "rest": ""}  # fmt: skip
    en = Translator("en")("summary_tests", **args)
    assert "at the 5% significance level, about 5 could" in en
    assert "nivel de significación del 5" in Translator("es")("summary_tests", **args)
    assert "مستوى دلالة 5%" in Translator("ar")("summary_tests", **args)
    assert "au seuil de 5\u00a0%" in Translator("fr")("summary_tests", **args)
