"""Why a comparison was not assessed (issue 20, en_B 1): a comparator withheld for disclosure
("(*)", enough cases) is not "insufficient data"."""

from __future__ import annotations

import dataclasses

import numpy as np
from stats_synth import frame, households
from suppression_synth import small_cells_frame

from workbench.stats import analyze
from workbench.stats.options import AnalysisOptions

KEYS = ["indicator_id", "disaggregation", "disaggregation_value"]


def test_stats_a_withheld_comparator_is_named_as_the_reason_not_too_little_data() -> None:
    frame = small_cells_frame(3)
    res = analyze(frame, AnalysisOptions(disclosure_preset="dhs"))
    cmp_ = res.comparisons
    insuff = cmp_["assessment"] == "insufficient_data"
    # every row left unassessed says why; no other row has a reason
    assert (cmp_.loc[insuff, "insufficient_reason"] != "").all()
    assert (cmp_.loc[~insuff, "insufficient_reason"] == "").all()
    est = res.estimates
    sides = cmp_.merge(
        est[[*KEYS, "group", "suppression", "n"]], on=[*KEYS, "group"], how="left"
    ).merge(
        est[[*KEYS, "group", "suppression", "n"]].rename(columns={"group": "comparator"}),
        on=[*KEYS, "comparator"],
        how="left",
        suffixes=("", "_c"),
    )
    withheld = sides[sides["insufficient_reason"] == "comparator_withheld"]
    assert not withheld.empty  # the seed has some: the test can fail
    # the comparator's cell is a complement with enough cases; the group's is not too small
    assert (withheld["suppression_c"] == "complementary").all()
    assert (withheld["n_c"] >= 25).all() and (withheld["suppression"] != "primary").all()
    assert (withheld["suppression"] == "").any()
    assert (withheld["assessment"] == "insufficient_data").all()  # not assessed, not counted
    group = sides[sides["insufficient_reason"] == "group_withheld"]
    assert (group["suppression"] == "complementary").all()
    # "suppressed": a side withheld by the thresholds — too little data, said so
    primary = sides[sides["insufficient_reason"] == "suppressed"]
    assert ((primary["suppression"] == "primary") | (primary["suppression_c"] == "primary")).all()
    # the published copy gives no difference for a withheld comparison
    pub = res.publishable().comparisons
    gone = pub["insufficient_reason"].isin(["comparator_withheld", "group_withheld"]).to_numpy()
    assert np.isnan(pub.loc[gone, "difference"].to_numpy(float)).all()


def test_stats_a_profile_module_gap_is_a_difference_not_worse() -> None:
    """en_A 2: Module A's "Felt discriminated against" (library direction higher_is_worse) was
    rated "Worse" — the report's word for a substantive gap — beside Module A's undirected
    "Significant difference"; a profile module's gaps are judged undirected."""
    f = frame(households(3000, 5))
    spec = next(i for i in f.indicators if i.id == "food")
    f.indicators.append(dataclasses.replace(spec, id="food_a", criterion="A"))
    uf = f.units["household"]
    uf.frame = uf.frame.assign(food_a=uf.frame["food"])
    res = analyze(f, AnalysisOptions(disclosure_preset="minimal"))
    cmp_ = res.comparisons.set_index(["indicator_id", "group", "disaggregation"])
    assert cmp_.loc[("food", "all_displaced", "total"), "assessment"] == "worse"
    module = cmp_.loc[("food_a", "all_displaced", "total")]
    assert module["assessment"] == "different" and module["difference"] > 0
    assert (
        not (res.comparisons.loc[res.comparisons["criterion"] == "A", "assessment"])
        .isin(["worse", "better"])
        .any()
    )
    summ = res.criteria_summary.set_index(["criterion", "group"])
    assert summ.loc[("A", "all_displaced"), "worse"] == 0
