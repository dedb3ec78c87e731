"""Issue 20, last readers' wording notes (rd13): the catalogues' sentences said what the
report does not do, and a few headings broke where a reader trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reporting_fixture import make_results
from test_reporting_arabic_lines import _lines

import workbench.reporting
from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator
from workbench.reporting.judging import grid_heading
from workbench.reporting.summary import solutions_headline

LANGS = ["en", "fr", "es", "ar"]
CATALOGUES = Path(workbench.reporting.__file__).parent / "i18n"


def _cat(lang: str) -> dict[str, str]:
    return json.loads((CATALOGUES / f"{lang}.json").read_text(encoding="utf-8"))


CHECK = {
    "en": "so one method's share can be withheld while another's is shown",
    "fr": "la part d’une méthode peut donc être masquée alors que celle d’une autre est donnée",
    "es": "la proporción de un método puede omitirse mientras se muestra la de otro",
    "ar": "لذا قد تُحجب نسبة طريقة بينما تُعرض نسبة طريقة أخرى",
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_withheld_headline_does_not_say_every_method_passes(lang):
    """en_A 1: "Every method passes this check separately" was false (IRIS failed it)."""
    cat = _cat(lang)
    for key in ("solutions_headline_withheld", "solutions_headline_below"):
        assert CHECK[lang] in cat[key]
        assert "passes this check" not in cat[key]


@pytest.mark.parametrize("lang", LANGS)
def test_the_complementary_note_says_the_totals_are_elsewhere(lang):
    """en_A 4, fr_A 1: "(*)" under a table with no total shown: the totals are elsewhere."""
    cat = _cat(lang)
    where = {
        "en": "from totals published elsewhere (all displaced groups together",
        "fr": "de totaux publiés ailleurs (ensemble des groupes déplacés",
        "es": "de totales publicados en otro lugar (todos los grupos desplazados",
        "ar": "من مجاميع منشورة في مواضع أخرى (جميع الفئات النازحة",
    }[lang]
    assert where in cat["fn_complementary"]
    # ar_A 3, en_A 4: the note did not say which cell each "(*)" protects
    protects = {
        # a total links them; the protected value is in its row or column or in another table
        # (fr_A rd14 2: « la relie » had no feminine noun before it; "usually" was not so on
        # fr p.13–14, whose "(*)" protect a value in another table)
        "en": "A published total links it to the value it protects, which is in the same row",
        "fr": "Un total publié relie la case masquée à la valeur qu’elle protège, qui se trouve",
        "es": "Un total publicado vincula la celda oculta al valor que protege, que está en la",
        "ar": "ويربط مجموعٌ منشور الخانةَ المحجوبة بالقيمة التي تحميها",
    }[lang]
    assert protects in cat["fn_complementary"] and cat["fn_complementary"].count("(*)") == 1
    # the comparator withheld by "*" (too few cases) or "(*)": the note names no mark
    assert "(*)" not in cat["fn_comparator_withheld"]
    if lang == "fr":  # « retenue » reads as "kept"
        for key in ("fn_complementary", "chart_mark_complementary", "fn_progress_suppressed"):
            assert "secret secondaire" in cat[key] and "retenu" not in cat[key]


@pytest.mark.parametrize("lang", LANGS)
def test_the_briefing_points_to_the_full_reports_tables_and_defines_gaps_without_minimum(lang):
    """en_A 5, 6: the briefing has no tables of signed differences; an indicator with no
    minimum counts any significant gap as substantive — said of any such indicator, not of
    amounts and ratios only (rd19 ar L58: means, medians and totals have none either)."""
    cat = _cat(lang)
    tables, no_min = {
        "en": ("the full report's tables give", "(for an indicator with no minimum set: any"),
        "fr": ("les tableaux du rapport complet", "(pour un indicateur sans minimum fixé"),
        "es": ("las tablas del informe completo", "(para un indicador sin mínimo fijado"),
        "ar": ("جداول التقرير الكامل", "(أما المؤشر الذي لا حدّ أدنى محددًا له"),
    }[lang]
    assert tables in cat["brief_points"]
    assert no_min in cat["brief_gaps_note"]


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_method_is_lower_case_after_the_colon(lang):
    """fr_A 7: "Méthode : Règle IRIS par niveaux" — a capital mid-sentence."""
    ctx = build_context(make_results(), ReportOptions(language=lang))
    text = solutions_headline(make_results(), ctx) or ""
    name = Translator(lang)("method_iris_layered")
    assert name[0].isupper() and name[0].lower() + name[1:] in text
    assert name not in text


def test_the_arabic_grid_heading_keeps_the_displaced_group_whole():
    """ar_A 1: the briefing's heading broke "المعايير حسب الفئة" / "النازحة — …"."""
    heading = grid_heading(Translator("ar"))
    lines = [line.replace("\u00a0", " ") for line in _lines(heading, "h1")]
    assert not any(line.endswith("الفئة") for line in lines), lines
    assert not any(line.startswith("النازحة") for line in lines), lines


def test_the_arabic_subtitle_does_not_break_inside_its_parenthesis():
    """ar_A 2: the office "(مثال اصطناعي)" wrapped inside the parenthesis."""
    from workbench.paths import sample_dir

    raw = (sample_dir() / "freedonia-plan.toml").read_text(encoding="utf-8")
    assert "(مثال\u00a0اصطناعي)" in raw and "(مثال اصطناعي)" not in raw


def test_french_gap_sentences_have_one_colon_and_module_a_names_its_family() -> None:
    """fr_A rd13 5: « PDI dans les camps : situation plus favorable pour « … » : 92,8 % … »
    stacked three colons after the briefing's « Seul résultat … : »; fr_A rd14 4: the p-values
    are adjusted within "each criterion", and Module A is no criterion."""
    cat = _cat("fr")
    for key in ("gap_worse", "gap_better"):
        assert cat[key].count(":") == 0, cat[key]
    for lang in ("en", "fr", "es", "ar"):
        scope = _cat(lang)["judging_scope_criterion"]
        assert {"en": "module", "fr": "module", "es": "módulo", "ar": "جزء"}[lang] in scope


def test_primary_completion_says_whose_age_exceeds_the_official_age() -> None:
    """fr_A rd13 3 / rd14: « Part des enfants âgés de 3 à 5 ans de plus que l'âge théorique… »
    first parses as "children aged 3 to 5", and its n then looks implausible."""
    import tomllib

    root = Path(workbench.reporting.__file__).resolve().parents[2]
    lib = tomllib.loads((root / "indicator_library/indicators/criterion_2.toml").read_text())
    (ind,) = [i for i in lib["indicator"] if i["id"] == "c2_primary_completion_rate"]
    assert ind["definition"]["fr"].startswith("Part des enfants dont l'âge dépasse de 3 à 5 ans")
    assert "cuya edad supera en 3 a 5 años" in ind["definition"]["es"]


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_solutions_method_heading_is_lower_case_after_the_colon(lang):
    """fr_A rd14 6 / rd15: the heading and the contents read « Méthode : Règle IRIS… »."""
    from workbench.reporting.pdf_sections import Builder
    from workbench.reporting.pdf_text import make_styles

    r = make_results()
    opts = ReportOptions(language=lang)
    b = Builder(build_context(r, opts), opts, make_styles(lang), 480.0, r.publishable())
    label = Translator(lang)("solutions_method")
    heads = [
        " ".join(str(getattr(f, "text", "")).split())
        for f in b.solutions()
        if str(getattr(f, "key", "")).startswith("solutions-")
    ]
    heads = [h for h in heads if h.startswith(label)]
    name = Translator(lang)("method_iris_layered")
    assert heads and all(name[0].lower() + name[1:] in h for h in heads), heads


def test_small_rd15_wordings():
    """rd15: the briefing's method pointed "under" the criteria table (its rules are above it);
    the p-value families nested brackets three deep; the French grid legend ran « ○ Sans données
    « k non comparés » » together; Arabic « حُذف من الجدول — 0–4 و5–17 » (a verb agreeing with
    nothing); « أصغر الحدود … الذي » (a singular relative on a plural list)."""
    from workbench.reporting.pdf_grid import grid_legend

    for lang in ("en", "fr", "es", "ar"):
        cat = _cat(lang)
        assert "(" not in cat["judging_scope_criterion"]
        assert {"en": "above", "fr": "au-dessus", "es": "encima", "ar": "فوق"}[lang] in cat[
            "brief_method_rule"
        ]
    ar = _cat("ar")
    assert "حُذف" not in ar["fn_levels_dropped"] and "حُذف" not in ar["fn_stock_rows_dropped"]
    assert "أصغرُها الذي" in ar["fn_methods_bounded"]

    class _Grid:
        criteria, groups = ["1"], ["g"]
        not_compared = {("1", "g"): 1}
        better: dict = {}
        limited: dict = {}
        inconclusive: dict = {}

    legend = grid_legend(Translator("fr"), _Grid())  # type: ignore[arg-type]
    # rd18 fr p.5: the symbols are defined once, in the rule above the grid; the legend under it
    # no longer names them again (nor runs its notes into them)
    assert legend == Translator("fr")("grid_not_compared_legend")


def test_a_title_ending_in_brackets_takes_its_code_inside_them():
    """ar_A rd15 5: « انعدام الأمن الغذائي المتوسط أو الشديد (FIES) (DS 2.1.2) » stacked two
    bracket groups in the heading and the contents."""
    from workbench.reporting.context import with_code

    food = with_code("Food insecurity (FIES)", "DS 2.1.2", "en")
    assert food == "Food insecurity (FIES; DS 2.1.2)"
    assert with_code("انعدام الأمن (FIES)", "DS 2.1.2", "ar") == "انعدام الأمن (FIES؛ DS 2.1.2)"
    assert with_code("Sanitation", "DS 2.1.4", "fr") == "Sanitation (DS 2.1.4)"
    assert with_code("Sanitation", None, "fr") == "Sanitation"
