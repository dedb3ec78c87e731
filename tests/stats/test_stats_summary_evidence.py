"""Issue 20: the criteria grid did not tell the whole story. "■ Worse 11/13" for IDPs in camps
hid that one of the 13 was significantly better, and "■ Worse 1/1 · 4 not compared" looked as
firm as "9/9". The engine counts the better indicators beside the rating and marks a rating
resting on limited evidence — fewer than half of the criterion's indicators compared for the
group were assessed — without changing the rating rule."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.stats.results import CRITERIA_SUMMARY_EXTRA, GROUP_TOTAL
from workbench.stats.summary import (
    LIMITED_EVIDENCE_SHARE,
    criteria_summary,
    indicator_counts,
    limited_evidence,
)


def _frame(cells: dict[tuple[str, str], list[str]]) -> pd.DataFrame:
    rows = [
        {"criterion": c, "group": g, "disaggregation": GROUP_TOTAL, "assessment": a}
        for (c, g), assessments in cells.items()
        for a in assessments
    ]
    return pd.DataFrame(rows)


CELLS = {
    # criterion 4 of the demo: 1 assessed (worse), 4 not compared -> limited
    ("4", "1"): ["worse"] + ["not_compared"] * 4,
    # criterion 8: 1 of 3 -> limited (insufficient data counts as not assessed)
    ("8", "1"): ["worse", "not_compared", "insufficient_data"],
    # criterion 5: 2 of 4 -> exactly half: not limited
    ("5", "1"): ["worse", "worse", "not_compared", "not_compared"],
    # criterion 2: 11 worse, 1 better, 1 not significant of 13 -> not limited, 1 better
    ("2", "1"): ["worse"] * 11 + ["better", "no_significant_difference"],
    # nothing assessed: no data (grey), not "limited evidence"
    ("6", "1"): ["not_compared", "insufficient_data", "insufficient_data"],
}


@pytest.mark.parametrize("rule", ["share_worse", "any_worse"])
def test_stats_summary_counts_better_and_marks_limited_evidence(rule: str) -> None:
    s = criteria_summary(_frame(CELLS), rule).set_index("criterion")
    assert {"indicators", "limited_evidence"} <= set(CRITERIA_SUMMARY_EXTRA)
    assert s.loc["2", "better"] == 1 and s.loc["2", "worse"] == 11
    assert s["indicators"].to_dict() == {c: len(a) for (c, _g), a in CELLS.items()}
    want = {"4": True, "8": True, "5": False, "2": False, "6": False}
    assert s["limited_evidence"].astype(bool).to_dict() == want
    for c, limited in want.items():  # the rule: fewer than half of the indicators assessed
        row = s.loc[c]
        below = 0 < row["assessed"] < LIMITED_EVIDENCE_SHARE * row["indicators"]
        assert bool(below) == limited, c
    # the rating rule itself does not change with the evidence
    without = criteria_summary(_frame(CELLS), rule).drop(columns=["limited_evidence"])
    assert without["rating"].tolist() == criteria_summary(_frame(CELLS), rule)["rating"].tolist()
    assert s.loc["4", "rating"] == "red" and s.loc["6", "rating"] == "grey"


def test_stats_limited_evidence_of_a_run_stored_before_the_column() -> None:
    """A run stored before the engine recorded it is read from its counts; one stored without
    the counts marks no cell."""
    s = criteria_summary(_frame(CELLS))
    old = s.drop(columns=["limited_evidence", "indicators"])
    assert limited_evidence(old).tolist() == s["limited_evidence"].astype(bool).tolist()
    assert indicator_counts(old).tolist() == s["indicators"].tolist()
    older = old.drop(columns=["assessed", "not_compared"])
    assert not limited_evidence(older).any()
    assert limited_evidence(s.iloc[0:0]).empty


def test_stats_summary_describes_profile_modules_never_rates_them() -> None:
    """The app's Criteria tab showed Module A (a profile module) "◆ Inconclusive (0/3)" for
    returnees while the report says profile modules are described, never rated: its gaps are
    judged undirected, so no rule can call one worse. The engine marks a module's cells
    "described" (no rating, no limited-evidence mark), and reads a stored run's the same way."""
    from workbench.stats.summary import DESCRIBED, ratings

    cells = {
        ("A", "3"): ["no_significant_difference", "equivalent", "inconclusive", "not_compared"],
        ("A", "2"): ["inconclusive"] + ["not_compared"] * 3,
        ("B", "1"): ["not_compared"] * 2,
        ("8", "3"): ["inconclusive", "not_compared", "not_compared"],
    }
    s = criteria_summary(_frame(cells), "share_worse").set_index(["criterion", "group"])
    for key in [("A", "3"), ("A", "2"), ("B", "1")]:
        assert s.loc[key, "rating"] == DESCRIBED, key
        assert not s.loc[key, "limited_evidence"], key
    assert s.loc[("8", "3"), "rating"] == "inconclusive"  # a criterion is still rated
    assert s.loc[("8", "3"), "limited_evidence"]
    # a run stored before: Module A rated "inconclusive" and marked limited
    old = s.reset_index()
    old.loc[old["criterion"] == "A", ["rating", "limited_evidence"]] = ["inconclusive", True]
    assert ratings(old).tolist() == s["rating"].tolist()
    assert limited_evidence(old).tolist() == s["limited_evidence"].astype(bool).tolist()
    older = old.drop(columns=["limited_evidence", "indicators"])
    assert ratings(older).tolist() == s["rating"].tolist()
    assert limited_evidence(older).tolist() == s["limited_evidence"].astype(bool).tolist()
