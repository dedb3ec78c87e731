"""rd18/rd19 (en p. 49–52, 69–73; fr, ar the same): a district-of-origin cell read "(*)" in one
table and "33.8%" in a sibling table of the same breakdown and group, with no word on why, and
"0.0%†" stood among "(*)" cells. Cells are withheld table by table (each indicator's own cases
and answers); a table whose "(*)" cell another indicator's table publishes says so in its notes,
once, and a table that publishes a share of 0% beside a "(*)" says why that share is not the one
withheld."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results
from test_reporting_tables_act import _builder, texts

from workbench.reporting.i18n import Translator
from workbench.reporting.views import EDGE_BESIDE_COMPLEMENT, WITHHELD_ELSEWHERE

A, B, C = "birth_registered", "voted", "cannot_pay_basic"


def _siblings():
    """Fixture results: IDPs in camps × North withheld "(*)" in ``A``'s district table (and
    South, to leave no lone complement), published in ``B``'s; ``A`` publishes a share of 0% in
    the North row; in ``C`` the same two cells are withheld, as in ``A``, nowhere published."""
    r = make_results()
    est = r.estimates
    est["suppression"] = ""
    district = est["disaggregation"] == "district"
    for ind in (A, C):
        for level in ("North", "South"):
            cell = (est["indicator_id"] == ind) & district & (est["group"] == "1")
            cell &= est["disaggregation_value"] == level
            est.loc[cell, ["flag", "suppression"]] = ["suppressed", "complementary"]
    zero = (est["indicator_id"] == A) & district & (est["group"] == "2")
    est.loc[zero & (est["disaggregation_value"] == "North"), ["estimate", "ci_low"]] = 0.0
    # C is the only other table with group 1's North and South withheld: B publishes them
    others = district & (est["group"] == "1") & est["disaggregation_value"].isin(["North", "South"])
    others &= ~est["indicator_id"].isin([A, B, C])
    est.loc[others, ["flag", "suppression"]] = ["suppressed", "complementary"]
    return r


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_cell_withheld_here_and_published_in_a_sibling_table_is_explained(lang) -> None:
    tr = Translator(lang)
    b, views = _builder(_siblings(), lang)
    assert WITHHELD_ELSEWHERE in views[A].flags and WITHHELD_ELSEWHERE in views[C].flags
    assert EDGE_BESIDE_COMPLEMENT in views[A].flags
    assert EDGE_BESIDE_COMPLEMENT not in views[C].flags  # no 0% in its "(*)" rows
    assert not {WITHHELD_ELSEWHERE, EDGE_BESIDE_COMPLEMENT} & views[B].flags  # no "(*)" at all
    elsewhere, edge = tr("fn_withheld_elsewhere"), tr("fn_edge_beside_complement")
    for ind, want in ((A, [elsewhere, edge]), (C, [elsewhere]), (B, [])):
        notes = [t for t in texts(b.indicator(views[ind])) if t in (elsewhere, edge)]
        assert notes == want, (ind, notes)  # once each, after the "(*)" note
    assert "(*)" not in elsewhere + edge  # the "(*)" note is the only one to show the mark


def test_a_complement_published_nowhere_else_gets_no_note() -> None:
    """The note is true of its table only: withheld in every sibling table, no note."""
    r = _siblings()
    est = r.estimates
    cell = (est["indicator_id"] == B) & (est["disaggregation"] == "district")
    cell &= (est["group"] == "1") & est["disaggregation_value"].isin(["North", "South"])
    est.loc[cell, ["flag", "suppression"]] = ["suppressed", "complementary"]
    _b, views = _builder(r, "en")
    assert not any(WITHHELD_ELSEWHERE in v.flags for v in views.values())
