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
