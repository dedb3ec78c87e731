"""The engine's messages count with the language's plural forms (CLI, app, findings): users of
the CLI read "1 individu(s) de members renvoient à 1 ménage(s) inexistant(s)", "0 error(s)",
"سيُطبع {count} نص(وص)", "العمود (الأعمدة)". A counting message is an ICU plural select, its
form picked by the language registry's CLDR rule, as in the report's catalogues."""

from __future__ import annotations

import json
import re

import pytest

from workbench.findings import Finding
from workbench.languages import LANGUAGES, plural_selects
from workbench.messages import CATALOG_DIR, CATALOG_LANGUAGES, LRI, PDI, placeholders, render

#: "row(s)", "hogar(es)", "tableau(x)", "listée(s)", "correspond(ent)", "مؤشر(ات)", "نص(وص)"
_LATIN = re.compile(r"\w\((s|es|e|x|es|ent|nes|[\u0620-\u064a]{1,3})\)")
#: "stratum/strata": a word then its plural after a slash
_SLASH = re.compile(r"\b(\w{4})(\w*)/\1(\w*)\b")
#: "تسمية (تسميات)", "العمود (الأعمدة)", "نص (نصوص)": a word, then the same word's plural
#: in brackets — the same root letters (without the article, long vowels, hamza, tā' marbūṭa)
_ARABIC = re.compile(r"([\u0620-\u064a]+) \(([\u0620-\u064a]+)\)")
_NOT_ROOT = str.maketrans("", "", "اأإآويىةءئؤ")


def _root(word: str) -> str:
    return word.removeprefix("ال").translate(_NOT_ROOT)


def _brackets(text: str) -> list[str]:
    found = [m.group(0) for m in _LATIN.finditer(text)]
    found += [m.group(0) for m in _SLASH.finditer(text) if m.group(2) != m.group(3)]
    for m in _ARABIC.finditer(text):
        word, plural = _root(m.group(1)), _root(m.group(2))
        if len(word) >= 2 and re.search(".*".join(map(re.escape, word[:2])), plural):
            found.append(m.group(0))
    return found


def _raw(lang: str) -> dict[str, str]:
    data: dict[str, str] = json.loads(
        (CATALOG_DIR / f"messages_{lang}.json").read_text(encoding="utf-8")
    )
    return data


def test_the_bracket_finder_finds_what_users_read() -> None:
    for old in (
        "{count} household(s)",
        "{n} error(es)",
        "{count} tableau(x)",
        "listée(s)",
        "ne correspond(ent) plus",
        "{count} stratum/strata",
        "سيُطبع {count} نص(وص)",
        "{count} نص (نصوص)",
        "لـ {count} تسمية (تسميات)",
        "ليس فيها العمود (الأعمدة)",
    ):
        assert _brackets(old), old
    for fine in ("أفراد (أعضاء)", "كورن–غراوبارد (بيتا)", "(e.g. {examples})", "docs/plans.md"):
        assert not _brackets(fine), fine  # fmt: skip


@pytest.mark.parametrize("lang", CATALOG_LANGUAGES)
def test_no_message_writes_a_plural_in_brackets(lang: str) -> None:
    found = {k: _brackets(v) for k, v in _raw(lang).items() if _brackets(v)}
    assert not found, found


@pytest.mark.parametrize("lang", CATALOG_LANGUAGES)
def test_every_plural_gives_each_category_of_its_language(lang: str) -> None:
    categories = set(LANGUAGES.get(lang).plurals)
    selects = {k: plural_selects(v) for k, v in _raw(lang).items()}
    assert sum(map(len, selects.values())) >= 45
    for key, found in selects.items():
        for name, branches in found:
            named = {c for c in branches if not c.startswith("=")}
            assert named == categories, (key, name, sorted(named))
            assert name in placeholders(_raw("en")[key]), (key, name)


#: plan.weight_missing for 0, 1, 2, 5, 11 and 100 households
_HOUSEHOLDS = {
    "en": ["0 households", "1 household", "2 households", "5 households", "11 households",
           "100 households"],
    "fr": ["0 ménage", "1 ménage", "2 ménages", "5 ménages", "11 ménages", "100 ménages"],
    "es": ["0 hogares", "1 hogar", "2 hogares", "5 hogares", "11 hogares", "100 hogares"],
    "ar": ["0 أسرة", "أسرة واحدة", "أسرتين", "5 أسر", "11 أسرةً", "100 أسرة"],
}  # fmt: skip


@pytest.mark.parametrize("lang", CATALOG_LANGUAGES)
def test_a_count_takes_the_form_its_number_needs(lang: str) -> None:
    for n, words in zip((0, 1, 2, 5, 11, 100), _HOUSEHOLDS[lang], strict=True):
        text = render("plan.weight_missing", {"column": "w", "count": n}, lang)
        assert words in text.replace(LRI, "").replace(PDI, ""), (lang, n, text)
        assert "(" not in text, text


def test_a_finding_counts_in_the_users_language() -> None:
    """Findings are worded through findings_i18n (the CLI's lines, the app's lists)."""
    one = Finding.of("plan.link_orphans", "warning", count=1)
    many = Finding.of("plan.link_orphans", "warning", count=3)
    assert one.message.startswith("1 individual has a household key")
    assert many.message.startswith("3 individuals have a household key")
    assert one.render("fr").startswith("1 individu a une clé de ménage")
    assert many.render("es").startswith("3 personas tienen una clave de hogar")
    two = many.render("ar").replace(LRI, "").replace(PDI, "")
    assert "3 أفراد" in two and "مستبعدون" in two, two


def test_the_import_summary_counts_its_notes() -> None:
    """Counting messages without brackets were wrong for one: "0 errors, 15 warnings, 1 notes"
    after an import; "Dataset … imported: 1 rows"."""
    tally = {"dataset": "hh", "vault": "v.vault", "error": 0, "warning": 15, "info": 1}
    assert "0 errors, 15 warnings, 1 note (" in render("cli.checks_summary", tally)
    assert "0 erreur, 15 avertissements, 1 note (" in render("cli.checks_summary", tally, "fr")
    assert "0 errores, 15 advertencias, 1 nota (" in render("cli.checks_summary", tally, "es")
    arabic = render("cli.checks_summary", tally, "ar").replace(LRI, "").replace(PDI, "")
    assert "لا أخطاء، 15 تحذيرًا، ملاحظة واحدة (" in arabic, arabic
    imported = {"object": "hh", "rows": 1, "columns": 2, "unit": "household"}
    assert "imported: 1 row, 2 columns (" in render("audit.entry.dataset.import", imported)
