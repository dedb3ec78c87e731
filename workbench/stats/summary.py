"""Criterion summary: counts of assessments per criterion and displaced group, and the ReDSS
traffic light: red (any indicator significantly worse), amber (none worse, some insufficient
data), green (none worse, all assessable), grey (no indicator assessable)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.results import CRITERIA_SUMMARY_COLUMNS, GROUP_TOTAL

COUNTED = ["worse", "better", "no_significant_difference", "insufficient_data"]


def criteria_summary(comparisons: pd.DataFrame) -> pd.DataFrame:
    if comparisons.empty:
        return pd.DataFrame(columns=CRITERIA_SUMMARY_COLUMNS)
    tot = comparisons[comparisons["disaggregation"] == GROUP_TOTAL]
    tot = tot[tot["assessment"].isin(COUNTED)]
    counts = pd.crosstab([tot["criterion"], tot["group"]], tot["assessment"])
    counts = counts.reindex(columns=COUNTED, fill_value=0).reset_index()
    worse, insuff = counts["worse"] > 0, counts["insufficient_data"] > 0
    assessable = counts[["worse", "better", "no_significant_difference"]].sum(axis=1) > 0
    counts["rating"] = np.where(
        worse, "red", np.where(~assessable, "grey", np.where(insuff, "amber", "green"))
    )
    for c in COUNTED:
        counts[c] = counts[c].astype(int)
    return counts[CRITERIA_SUMMARY_COLUMNS].reset_index(drop=True)
