"""Issue 20, final readers (en_B 2, fr_A 3, ar_A 2, ar_B 1 and 11): one label for the displaced
population IRIS counts (IDPs and returnees), "IDPs" kept for IDPs only; the stock section no
longer says IRIS keeps returnees "until they have overcome" and nobody is taken out "for having
overcome them" in one breath; the breakdown note says which levels carry the group's bound."""

import pytest

from workbench.reporting.i18n import Translator

LANGS = ("en", "fr", "es", "ar")


@pytest.mark.parametrize("lang", LANGS)
def test_the_whole_stock_has_one_label_and_idps_name_idps_only(lang) -> None:
    tr = Translator(lang)
    label = tr("stock")
    kw = {"number": "1", "ci": "", "groups": "g", "table": "t", "where": "w"}
    for key in ("summary_stock", "summary_stock_household"):
        assert tr(key, **kw).startswith(label), (key, tr(key, **kw))
    assert tr("annex_rounds_stock").startswith(label)
    scope = tr("stock_title_plan", title="\x00").split("\x00")[-1].strip()
    assert label.endswith(scope) and tr("stock_title_2", rows="a", cols="b").endswith(scope)
    assert "IRIS" in scope and scope.count("IRIS") == 1
    idps = tr("summary_stock_idps", number="1", ci="").split(":")[0]
    assert idps.strip() not in label  # "IDPs alone" never names the whole count


def test_the_stock_intro_says_why_nobody_is_taken_out() -> None:
    en = " ".join([Translator("en")("stock_intro"), Translator("en")("summary_stock")])
    assert "until they have overcome" not in en and "for having overcome" not in en
    assert "IRIS would take people out" in en and "aggregate statistic" in en
    fr = Translator("fr")("stock_intro")
    assert "la part à part" not in fr and "L’IRIS retirerait" in fr
    assert "statistique agrégée" in fr


def test_the_breakdown_bound_note_says_only_levels_below_the_bound() -> None:
    """ar_B 4: the note said breakdown levels are bounds "whatever their values"; the rule
    (disclosure_bounds) bounds only the levels below the group's bound."""
    for lang, word in (("en", "below"), ("fr", "inférieure"), ("es", "debajo"), ("ar", "دون")):
        note = Translator(lang)("fn_breakdown_bounded")
        assert word in note, (lang, note)
    assert "whatever their values" not in Translator("en")("fn_breakdown_bounded")
    assert "أيًّا كانت قيمها" not in Translator("ar")("fn_breakdown_bounded")


def test_arabic_unit_of_analysis_is_not_the_report_part() -> None:
    """ar_B 8: "الوحدة" named both the report part ("الوحدة ب") and the unit of analysis
    ("الوحدة: الأسر") on one page."""
    tr = Translator("ar")
    part = tr("module_b").split(":")[0].split()[0]
    for key in ("universe_unit_household", "universe_unit_individual", "col_unit"):
        assert tr(key).startswith("وحدة التحليل") and not tr(key).startswith(part), tr(key)


def test_arabic_parts_are_named_one_way() -> None:
    """ar_B 8: the parts were "الوحدة أ/ب" — the word of the unit of analysis — beside "وحدة
    التحليل" on one page: they are "الجزء أ/ب" everywhere, and no text calls a part a unit."""
    import json

    from workbench.reporting.i18n import CATALOG_DIR

    tr = Translator("ar")
    for key in ("module_a", "module_b", "module_title_a", "module_title_b"):
        assert tr(key, name="x").startswith("الجزء "), tr(key, name="x")
    ar = json.loads((CATALOG_DIR / "ar.json").read_text(encoding="utf-8"))
    assert not [k for k, t in ar.items() if "الوحدة أ" in t or "الوحدة ب" in t or "هذه الوحدة" in t]


@pytest.mark.parametrize(
    ("lang", "wrong"),
    [
        ("fr", ("stock de PDI", "effectif des PDI")),
        ("es", ("stock de desplazados internos",)),
        ("ar", ("رصيد النازحين داخليًا",)),
    ],
)
def test_the_stock_is_never_called_the_idps_stock(lang, wrong) -> None:
    """fr_B 6, ar_A 2, ar_B 11: the IRIS stock counts IDPs and returnees, yet the methodology's
    households in no group were "ni dans le stock de PDI", the plan check said so too, and the
    rounds annex's sheet was "Évolution – effectif des PDI": IDPs (PDI) name IDPs only."""
    import json
    from pathlib import Path

    import workbench
    from workbench.reporting.i18n import CATALOG_DIR

    app = Path(workbench.__file__).parent / "i18n" / f"messages_{lang}.json"
    for path in (CATALOG_DIR / f"{lang}.json", app):
        for key, text in json.loads(path.read_text(encoding="utf-8")).items():
            assert not [w for w in wrong if w in text], (path.name, key, text)
