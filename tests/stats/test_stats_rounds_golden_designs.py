"""Changes between independent rounds of multistage and replicate-weight designs against R
survey 4.1.1 (tests/reference/make_golden_rounds_designs.R): each round's own variance, later
stages with their FPCs and JKn replicates included, and the IDP stock's change; a panel of such
designs is refused with its message."""

from __future__ import annotations

import pytest

from tests.stats.golden_contrasts import engine_contrasts
from tests.stats.rounds_synth import design_frames, golden, max_rel_diff
from workbench.errors import StatsError
from workbench.stats.rounds import RoundInfo, analyze_rounds

KEYS = ["indicator_id", "group", "disaggregation", "disaggregation_value"]
ROUNDS = [RoundInfo("Baseline", "2024-03-01"), RoundInfo("Follow-up", "2026-03-01")]


@pytest.mark.parametrize("design", ["ms2_independent", "jkn_independent"])
def test_independent_rounds_of_other_designs_equal_r(design: str) -> None:
    res = analyze_rounds(design_frames(design), ROUNDS, panel=False)
    g = golden(design, "golden_rounds_designs.csv")
    gi = g[g["indicator_id"] != "_stock"]
    ch = res.changes.merge(gi, on=KEYS, suffixes=("", "_r"), validate="one_to_one")
    assert len(ch) == len(gi) == 48
    assert max_rel_diff(ch, "change", "change_r") < 1e-9
    assert max_rel_diff(ch, "se_change", "se_change_r") < 1e-7
    gaps = res.gap_changes.merge(gi, on=KEYS, suffixes=("", "_r"))
    # y_total's gap is not compared in either round (a total: population_total), so its 9 rows
    # have no change in the gap; the other 27 equal R's
    total = gi["indicator_id"] == "y_total"
    assert not (res.gap_changes["indicator_id"] == "y_total").any()
    assert len(gaps) == int(gi.loc[~total, "gap_change"].notna().sum()) == 27
    # ...and its change in the gap from each round's own contrast (the engine's contrasts,
    # computed below the judging) still equals R's
    frames = design_frames(design)
    d_from, d_to = (engine_contrasts(f).set_index(KEYS) for f in frames)
    tg = gi[total].set_index(KEYS)
    tg = tg[tg["gap_change"].notna()]
    assert len(tg) == 9
    tg["ours"] = d_to.loc[tg.index, "difference"] - d_from.loc[tg.index, "difference"]
    se = d_from.loc[tg.index, "se_difference"] ** 2 + d_to.loc[tg.index, "se_difference"] ** 2
    tg["ours_se"] = se**0.5
    assert max_rel_diff(tg, "ours", "gap_change") < 1e-9
    assert max_rel_diff(tg, "ours_se", "se_gap_change") < 1e-7
    assert max_rel_diff(gaps, "change", "gap_change") < 1e-9
    assert max_rel_diff(gaps, "se_change", "se_gap_change") < 1e-7
    # the IDP stock: weighted households per displaced group, each round on its own design
    stock = res.stock.merge(g[g["indicator_id"] == "_stock"], on="group", suffixes=("", "_r"))
    assert set(stock["group"]) == {"1", "2", "all_displaced"}
    assert max_rel_diff(stock, "change", "change_r") < 1e-9
    assert max_rel_diff(stock, "se_change", "se_change_r") < 1e-7
    if design == "ms2_independent":  # linearisation: df = df_from + df_to = R's degf
        assert (ch["df"] == ch["df_r"]).all()
    meta = res.results[0].meta["designs"]["household"]
    assert meta.get("variance") == "replicate" or int(meta.get("stages", 1)) == 2


@pytest.mark.parametrize("design", ["ms2_independent", "jkn_independent"])
def test_a_panel_of_such_designs_is_refused(design: str) -> None:
    with pytest.raises(StatsError) as err:
        analyze_rounds(design_frames(design), ROUNDS, panel=True)
    text = err.value.render("en")
    assert "independent samples" in text and "household" in text
    assert "panel = true" in err.value.render("fr")
