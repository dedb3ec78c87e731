"""Why a comparison was not assessed (issue 20, en_B 1): a comparator withheld for disclosure
("(*)", enough cases) is not "insufficient data"."""

from __future__ import annotations

import numpy as np
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
