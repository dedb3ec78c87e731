"""Criterion summary: counts of assessments per criterion and displaced group, the share of
assessed indicators worse, and the rating by the run's rule (stats/rating_rules.py): red,
amber, green or grey."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.results import (
    CRITERIA_SUMMARY_COLUMNS,
    CRITERIA_SUMMARY_EXTRA,
    GROUP_TOTAL,
)

ASSESSED = ["worse", "better", "no_significant_difference", "small_difference", "equivalent"]
COUNTED = [*ASSESSED, "insufficient_data", "not_compared"]


def rate(counts: pd.DataFrame, rule: str, red_share: float) -> np.ndarray:
    """The rating of each row of counts (columns COUNTED + ``assessed``, ``share_worse``)."""
    worse = counts["worse"].to_numpy() > 0
    insuff = counts["insufficient_data"].to_numpy() > 0
    assessed = counts["assessed"].to_numpy() > 0
    if rule == "any_worse":
        red = worse
    else:
        red = counts["share_worse"].to_numpy() >= red_share - 1e-12
    amber = worse | insuff
    return np.where(
        ~assessed, "grey", np.where(red, "red", np.where(amber, "amber", "green"))
    ).astype(object)


def shown_no_gap(summary: pd.DataFrame) -> pd.Series:
    """Which green cells of a criteria summary *showed* no gap: every assessed indicator was
    shown equivalent (within its minimum important difference). The other green cells only
    found no significant gap — absence of evidence, not evidence of no gap — and must not be
    labelled as if the data demonstrated equality. False for runs stored without the counts."""
    if summary.empty or "equivalent" not in summary or "assessed" not in summary:
        return pd.Series(False, index=summary.index, dtype=bool)
    assessed = summary["assessed"].fillna(0).astype(int)
    return (
        (summary["rating"] == "green")
        & (assessed > 0)
        & (summary["equivalent"].fillna(0).astype(int) == assessed)
    )


def criteria_summary(
    comparisons: pd.DataFrame, rule: str = "share_worse", red_share: float = 0.5
) -> pd.DataFrame:
    if comparisons.empty:
        return pd.DataFrame(columns=[*CRITERIA_SUMMARY_COLUMNS, *CRITERIA_SUMMARY_EXTRA])
    tot = comparisons[comparisons["disaggregation"] == GROUP_TOTAL]
    tot = tot[tot["assessment"].isin(COUNTED)]
    # pd.crosstab's table, counted by one groupby (crosstab goes through pivot_table: 4× slower)
    counts = tot.groupby(["criterion", "group", "assessment"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=COUNTED, fill_value=0).reset_index()
    for c in COUNTED:
        counts[c] = counts[c].astype(int)
    counts["assessed"] = counts[ASSESSED].sum(axis=1).astype(int)
    with np.errstate(divide="ignore", invalid="ignore"):
        counts["share_worse"] = np.where(
            counts["assessed"] > 0, counts["worse"] / counts["assessed"].clip(lower=1), np.nan
        )
    counts["rating"] = rate(counts, rule, red_share)
    counts["rule"] = rule
    return counts[[*CRITERIA_SUMMARY_COLUMNS, *CRITERIA_SUMMARY_EXTRA]].reset_index(drop=True)
