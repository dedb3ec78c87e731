"""Issue 20, final readers (fr_A 4, en_A 5): "Significant, under the X threshold" had no note
under its table (explained only in the methodology), and an amount's "Worse" did not say that
amounts have no minimum important difference in the plan. Each note is shown only under a table
with such a cell."""

from __future__ import annotations

import math

import pytest
from reporting_fixture import make_results
from test_reporting_tables_act import _builder, texts

from workbench.reporting.i18n import Translator

LANGS = ["en", "fr", "es", "ar"]


@pytest.mark.parametrize("lang", LANGS)
def test_under_threshold_and_no_minimum_worse_have_their_notes(lang) -> None:
    r = make_results()
    cmp_ = r.comparisons
    ids = list(dict.fromkeys(cmp_["indicator_id"].astype(str)))
    amount, plain = ids[1], ids[2]
    small = "food_insecure"  # a criterion's (ids[0] is Module A's: its note counts nothing)
    assert small not in (amount, plain)
    rows = cmp_["indicator_id"] == small
    cmp_.loc[rows, "assessment"] = "small_difference"
    cmp_.loc[rows, "min_important_difference"] = 0.05
    rows = cmp_["indicator_id"] == amount
    cmp_.loc[rows, "assessment"] = "worse"
    cmp_.loc[rows, "min_important_difference"] = math.nan
    rows = cmp_["indicator_id"] == plain
    cmp_.loc[rows, "assessment"] = "worse"
    cmp_.loc[rows, "min_important_difference"] = 0.05
    b, views = _builder(r, lang)
    tr = Translator(lang)
    any_gap = tr("fn_assessment_worse_no_mid", labels=tr("quoted", text=tr("assessment_worse")))
    at = views[small].table.header.index(tr("col_assessment"))
    cell = next(row[at] for row in views[small].table.rows if row[at])
    under = tr("fn_assessment_small_difference", label=cell)
    text = {i: " ".join(texts(b.indicator(views[i]))) for i in (small, amount, plain)}
    assert under in text[small] and any_gap not in text[small]
    # the note quotes the cell's own words (ar_A 4: "… دون عتبة 5.0 نقطة" vs «… دون العتبة»)
    assert cell in under, (cell, under)
    assert any_gap in text[amount] and under not in text[amount]
    assert under not in text[plain] and any_gap not in text[plain]


@pytest.mark.parametrize("lang", LANGS)
def test_an_amounts_better_and_significant_difference_say_any_gap_is_rated(lang) -> None:
    """en_A 5: the mean household size and dependency ratio ("Significant difference") and an
    amount rated "Better" said nothing of the minimum important difference they lack."""
    r = make_results()
    cmp_ = r.comparisons
    ids = list(dict.fromkeys(cmp_["indicator_id"].astype(str)))
    better, different = ids[1], ids[2]
    for ind, word in ((better, "better"), (different, "different")):
        rows = cmp_["indicator_id"] == ind
        cmp_.loc[rows, "assessment"] = word
        cmp_.loc[rows, "min_important_difference"] = math.nan
    b, views = _builder(r, lang)
    tr = Translator(lang)
    quoted = tr("quoted", text=tr("assessment_better"))
    any_gap = tr("fn_assessment_worse_no_mid", labels=quoted)
    assert any_gap in " ".join(texts(b.indicator(views[better]))), better
    # "Significant difference": its own note, which says both reasons (rd21)
    sides = {a: tr("quoted", text=tr(f"assessment_{a}")) for a in ("worse", "better")}
    label = tr("quoted", text=tr("assessment_different"))
    any_gap = tr("fn_assessment_different_no_mid", label=label, **sides)
    assert any_gap in " ".join(texts(b.indicator(views[different]))), different


@pytest.mark.parametrize("lang", LANGS)
def test_a_profile_modules_no_minimum_note_speaks_of_its_marks_not_ratings(lang) -> None:
    """rd17 en p. 9, 14: Module A's mean household size and dependency ratio ("Significant
    difference", never rated — the chapter intro says so) had the note "Ratings here: … any
    significant gap is rated, however small". The note quotes the marks its table shows."""
    r = make_results()
    cmp_ = r.comparisons
    rows = cmp_["indicator_id"] == "female_head"  # Module A's
    cmp_.loc[rows, "assessment"] = "different"
    cmp_.loc[rows, "min_important_difference"] = math.nan
    b, views = _builder(r, lang)
    tr = Translator(lang)
    text = " ".join(texts(b.indicator(views["female_head"])))
    quoted = tr("quoted", text=tr("assessment_different"))
    sides = {a: tr("quoted", text=tr(f"assessment_{a}")) for a in ("worse", "better")}
    note = tr("fn_assessment_different_no_mid", label=quoted, **sides)
    assert note in text
    rated = {"en": "rated", "fr": "apprécié", "es": "valora", "ar": "يُقيَّم"}[lang]
    assert rated not in note
    # "Worse" and "Better" are named only as the marks it does not get (rd21)
    assert tr("fn_assessment_worse_no_mid", labels=quoted) not in text


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_a_median_table_says_its_interval_need_not_be_symmetric(lang) -> None:
    """en_A 6: median income "1,154 FRD, 1,053 – 1,528 FRD" (101 below, 374 above) made a
    statistician stop: Woodruff's interval follows the values' distribution. Said under a
    median's table only (in the words of s13tables3: "A median's interval is not centred on
    it: …")."""
    words = Translator(lang)("fn_median_interval")
    r = make_results()
    est = r.estimates
    ids = list(dict.fromkeys(est["indicator_id"].astype(str)))
    median, share = ids[0], ids[2]
    est.loc[est["indicator_id"] == median, "statistic"] = "median"
    b, views = _builder(r, lang)
    assert words in " ".join(texts(b.indicator(views[median])))
    assert words not in " ".join(texts(b.indicator(views[share])))


@pytest.mark.parametrize("lang", LANGS)
def test_an_under_threshold_mark_has_one_note_in_every_module(lang) -> None:
    """en_A 3: Module A counts nothing, so its note must not say the mark "is counted neither
    as Worse nor as Better"; rd17 ar p. 8 vs p. 35: the same mark then had two notes in two
    wordings. One note, one wording, true in a profile module and in a criterion."""
    r = make_results()
    cmp_ = r.comparisons
    for ind in ("female_head", "food_insecure"):  # Module A; criterion 2
        rows = cmp_["indicator_id"] == ind
        cmp_.loc[rows, "assessment"] = "small_difference"
        cmp_.loc[rows, "min_important_difference"] = 0.05
    b, views = _builder(r, lang)
    tr = Translator(lang)
    notes = []
    for ind in ("female_head", "food_insecure"):
        v = views[ind]
        at = v.table.header.index(tr("col_assessment"))
        cell = next(row[at] for row in v.table.rows if row[at])
        text = " ".join(texts(b.indicator(v)))
        note = tr("fn_assessment_small_difference", label=cell)
        assert note in text, (ind, text)
        notes.append(note)
    assert notes[0] == notes[1]
    counted = {"en": "counted neither", "fr": "ne compte ni", "es": "no cuenta como",
               "ar": "فلا يُحتسب"}[lang]  # fmt: skip
    assert counted not in notes[0]
    assert not Translator(lang).has("fn_assessment_small_difference_profile")


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_an_under_threshold_cell_takes_at_most_two_lines(lang) -> None:
    """en_A 5: "Significant, under the 5.0 pp threshold" wrapped to 3–4 lines in the narrow
    Assessment column, one row 4 times as tall as the others. The cell says "Significant,
    below 5.0 pp", its note the rest. Measured: each displaced group's row at most two lines
    (French 32 → 22 pt, Arabic 22 → 15 pt in this table)."""
    from workbench.reporting.pdf_tables import indicator_table

    r = make_results()
    cmp_ = r.comparisons
    rows = cmp_["indicator_id"] == "food_insecure"
    cmp_.loc[rows, "assessment"] = "small_difference"
    cmp_.loc[rows, "min_important_difference"] = 0.05
    b, views = _builder(r, lang)
    table = indicator_table(views["food_insecure"].table, 480.0, b.styles, lang)
    table.wrap(480.0, 800.0)
    one = b.styles.cell.leading
    # a row of one line (rows now stand 15 pt apart) plus one more line: two lines at most
    single = min(table._rowHeights[1:])
    assert all(h <= single + one + 1 for h in table._rowHeights[1:4]), table._rowHeights
