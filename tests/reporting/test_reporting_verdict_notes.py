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
    small, amount, plain = ids[0], ids[1], ids[2]
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
    under, any_gap = tr("fn_assessment_small_difference"), tr("fn_assessment_worse_no_mid")
    text = {i: " ".join(texts(b.indicator(views[i]))) for i in (small, amount, plain)}
    assert under in text[small] and any_gap not in text[small]
    assert any_gap in text[amount] and under not in text[amount]
    assert under not in text[plain] and any_gap not in text[plain]
