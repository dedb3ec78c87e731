"""Wording that slowed readers of the rd16 demo reports (issue 20), checked on the catalogue's
texts as the reports print them, in English, French, Spanish and Arabic."""

from __future__ import annotations

import re

import pytest

from workbench.reporting.context import with_code
from workbench.reporting.i18n import Translator, catalog

LANGS = ["en", "fr", "es", "ar"]


@pytest.mark.parametrize("lang", LANGS)
def test_mixed_says_fewer_than_what(lang):
    """ "▲ Mixed when some but fewer are worse": fewer than the share that makes ■ Worse."""
    tr = Translator(lang)
    for key in ("judging_rule_share_worse", "summary_grid_intro_share_worse"):
        text = tr(key, share="SHARE")
        mixed = text[text.index("▲") : text.index("◆")]
        assert "SHARE" in mixed, mixed


def test_a_code_joins_a_bracketed_title_with_the_languages_semicolon():
    """French « (FIES; DS 2.1.2) » lacked the no-break space before « ; »."""
    title = "Insécurité alimentaire (FIES)"
    assert with_code(title, "DS 2.1.2", "fr").endswith("(FIES\u00a0; DS 2.1.2)")
    assert with_code(title, "DS 2.1.2", "en").endswith("(FIES; DS 2.1.2)")
    assert with_code(title, "DS 2.1.2", "ar").endswith("(FIES؛ DS 2.1.2)")


def _texts(lang: str) -> dict[str, str]:
    return catalog(lang)


@pytest.mark.parametrize(
    ("lang", "word"),
    [("en", "vault"), ("fr", "coffre"), ("es", "bóveda"), ("ar", "الخزنة"), ("fr", "package")],
)
def test_no_app_jargon_or_english_word_reaches_a_reader(lang, word):
    """ "recompute it from the vault" named an app concept no reader was told of; French
    « package survey de R » left an English word."""
    hits = [k for k, v in _texts(lang).items() if word in v and not k.startswith("app_")]
    assert not hits, hits


def test_small_difference_cell_says_below_what():
    """ "Significant, below 5.0 pp" — below what? The minimum that matters (English: it stays
    on two lines of the Assessment column, "Significant, below" / "5.0 pp minimum")."""
    assert Translator("en")("assessment_small_difference_mid", mid="5.0 pp").endswith(" minimum")


@pytest.mark.parametrize("lang", LANGS)
def test_clipped_age_note_names_only_the_row_the_table_shows(lang):
    """The note spoke of a "5–17" group the table does not show."""
    text = Translator(lang)("fn_level_clipped", breakdown="Age", row="15–17", level="5–17")
    assert "15–17" in text and "5–17" not in text.replace("15–17", "")


@pytest.mark.parametrize("lang", LANGS)
def test_stock_intro_leaves_the_groups_to_the_sentence_that_lists_them(lang):
    """The French stock intro said twice that it counts every displaced group."""
    tr = Translator(lang)
    said = {"en": "displaced group", "fr": "groupes déplacés", "es": "grupos desplazados",
            "ar": "الفئات النازحة"}[lang]  # fmt: skip
    assert said in tr("stock_groups") and said in tr("stock_intro_all")
    assert said not in tr("stock_intro")


def _interval(text: str) -> str:
    return re.sub(r"\s+", " ", text[text.index("(") : text.rindex(")") + 1])


@pytest.mark.parametrize("lang", LANGS)
def test_one_way_to_write_an_interval_in_the_summary(lang):
    """ "(95% CI: a – b)" and "(95% CI a to b)" in one paragraph of the summary."""
    tr = Translator(lang)
    stock = tr("stock_ci", low="LOW", high="HIGH")
    share = tr("solutions_method_share", method="M", share="S", of_unit="U", low="LOW",
               high="HIGH")  # fmt: skip
    assert _interval(stock) == _interval(share)


@pytest.mark.parametrize("lang", LANGS)
def test_not_applicable_reason_is_the_same_in_chart_and_note(lang):
    """The chart said "not applicable (question not asked)", the note "not asked, or nobody
    qualified" — the note now opens with the chart's words."""
    tr = Translator(lang)
    chart = tr("chart_not_applicable_groups", groups="G", count=1)
    reason = chart[chart.rindex("(") + 1 : chart.rindex(")")]
    note = tr("fn_assessment_not_applicable")
    assert note.startswith(tr("assessment_not_applicable"))
    first = re.split(r"[(—]", note.split(":", 1)[1] if ":" in note else note)[0]
    assert reason in first, (reason, first)


@pytest.mark.parametrize("lang", LANGS)
def test_no_case_note_names_no_group_the_table_may_lack(lang):
    """Module B's tables have no host row, yet the "–" note cited the host community."""
    tr = Translator(lang)
    host = {"en": "host", "fr": "accueil", "es": "acogida", "ar": "المضيف"}[lang]
    assert host not in tr("fn_empty")


@pytest.mark.parametrize("lang", LANGS)
def test_notes_quote_the_cells_words(lang):
    """Arabic notes keyed «لا مقارنة» under cells reading «لم تُجرَ المقارنة», and explained «<»
    where the cells write «أقل من 0.5%»."""
    tr = Translator(lang)
    cell = tr("assessment_not_compared")
    for key in ("fn_not_compared_by_definition", "fn_not_compared_empty"):
        assert tr(key, comparator="C").startswith(cell), key
    mark = tr("value_below", value="X").split("X")[0].strip()
    for key in ("fn_number_bounded", "fn_ci_bounded", "fn_breakdown_bounded"):
        quoted = re.findall(r"[«“]\s*([^»”]*?)\s*[»”]", tr(key))
        bounds = [q for q in quoted if "<" in q or q == mark]
        assert bounds and all(q == mark for q in bounds), (key, quoted)


@pytest.mark.parametrize("lang", LANGS)
def test_sample_size_column_is_not_a_second_number_column(lang):
    """Arabic stock tables: «العدد المقدّر للأفراد» beside «العدد (الأفراد)»."""
    tr = Translator(lang)
    pairs = [("col_n_individual", "col_number_individual"), ("col_n", "col_count"),
             ("col_n_household", "col_number_household")]  # fmt: skip
    for n, est in pairs:
        assert tr(n).split()[0] != tr(est).split()[0], (tr(n), tr(est))


@pytest.mark.parametrize("lang", LANGS)
def test_the_number_columns_mark_keeps_its_one_meaning(lang):
    """ "(*)" under the headline table meant "not published where the share is a bound";
    everywhere else it is secondary suppression — the note now says it is that."""
    tr = Translator(lang)
    note, rule = tr("fn_number_bounded"), tr("fn_complementary")
    assert note.startswith("(*)") and note.count("(*)") == 1
    word = {"en": "enough cases", "fr": "secret secondaire", "es": "supresión secundaria",
            "ar": "حجب ثانوي"}[lang]  # fmt: skip
    assert word in note and word in rule


@pytest.mark.parametrize("lang", LANGS)
def test_the_language_check_says_what_it_leaves_as_written(lang):
    """ "Every label is in the report language — passed" beside weight, stratum, FRD, IRIS."""
    assert "IRIS" in Translator(lang)("check_report.labels_translated")
