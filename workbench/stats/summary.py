"""Criterion summary: counts of assessments per criterion and displaced group, the share of
assessed indicators worse, the rating by the run's rule (stats/rating_rules.py): red,
amber, inconclusive, green or grey — and whether that rating rests on limited evidence (fewer
than half of the criterion's indicators assessed for the group). The rule itself does not
change with the evidence; the outputs say how much of the criterion it rests on. A profile
module (:data:`~workbench.stats.comparisons.PROFILE_MODULES`) describes and is never rated:
its cells are :data:`DESCRIBED`."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.comparisons import PROFILE_MODULES
from workbench.stats.results import (
    CRITERIA_SUMMARY_COLUMNS,
    CRITERIA_SUMMARY_EXTRA,
    GROUP_TOTAL,
)

#: ``inconclusive`` (not significant, its interval reaching the minimum important difference) is
#: assessed and not shown not worse: a cell whose indicators are none worse and some inconclusive
#: is rated inconclusive (or amber / red by the rule), never "no gap"
ASSESSED = [
    "worse", "better", "no_significant_difference", "small_difference", "equivalent",
    "inconclusive",
]  # fmt: skip
COUNTED = [*ASSESSED, "insufficient_data", "not_compared"]
#: the assessments that *show* an indicator is not worse by its minimum important difference:
#: equivalent (the two one-sided tests put the interval inside the margin) or significantly
#: better by at least the margin. "No significant difference" is absence of evidence,
#: "inconclusive" a non-significant gap whose interval reaches the margin, and a "small
#: difference" is significant but its interval may still reach the margin.
SHOWN_NO_GAP = ["equivalent", "better"]
#: a rating rests on *limited evidence* when fewer than this share of the criterion's indicators
#: compared for the group (``indicators``: assessed, not compared or with too little data) were
#: assessed — a cell "Worse 1/1" with 4 not compared looked as firm as "9/9" (issue 20)
LIMITED_EVIDENCE_SHARE = 0.5
#: the "rating" of a profile module's cell: described, not rated — its gaps are judged undirected
#: (comparisons.judged_directions), so none is worse and a cell "◆ Inconclusive (0/3)" read as a
#: verdict the report never gives (the app rated Module A, issue 20)
DESCRIBED = "described"


def _profile(summary: pd.DataFrame) -> np.ndarray:
    """Rows of a profile module (described, never rated)."""
    if "criterion" not in summary:
        return np.zeros(len(summary), dtype=bool)
    return summary["criterion"].astype(str).isin(PROFILE_MODULES).to_numpy()


def _shown(counts: pd.DataFrame) -> np.ndarray:
    """Rows whose every assessed indicator was shown not worse (SHOWN_NO_GAP). A run stored
    before the equivalence test or the ``assessed`` count is read with what it kept (no
    equivalent; assessed the assessments it counted); without ``better`` nothing is shown."""
    if counts.empty or "better" not in counts:
        return np.zeros(len(counts), dtype=bool)

    def col(name: str) -> np.ndarray:
        if name not in counts:
            return np.zeros(len(counts))
        return pd.to_numeric(counts[name], errors="coerce").fillna(0).to_numpy(dtype=float)

    assessed = col("assessed") if "assessed" in counts else sum(col(c) for c in ASSESSED)
    shown = sum(col(c) for c in SHOWN_NO_GAP)
    return np.asarray((assessed > 0) & (shown >= assessed), dtype=bool)


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
    # none worse and all assessed: "no gap" only when each was *shown* not worse; otherwise the
    # cell is inconclusive (issue 20: returnees' criterion 8 rested on one indicator at −7.1 pp,
    # p 0.092 — more than the 5 pp that matters — and was painted "no significant gap")
    green = _shown(counts)
    rating = np.where(
        ~assessed,
        "grey",
        np.where(red, "red", np.where(amber, "amber", np.where(green, "green", "inconclusive"))),
    )
    return np.where(_profile(counts), DESCRIBED, rating).astype(object)


def _limited(assessed: np.ndarray, indicators: np.ndarray) -> np.ndarray:
    """Rated (some assessed) from fewer than LIMITED_EVIDENCE_SHARE of the indicators."""
    return np.asarray(
        (assessed > 0) & (assessed < LIMITED_EVIDENCE_SHARE * indicators - 1e-12), dtype=bool
    )


def limited_evidence(summary: pd.DataFrame) -> pd.Series:
    """Which cells of a criteria summary rest on limited evidence (fewer than half of the
    criterion's indicators assessed for the group). A run stored before the engine recorded it
    is read from its counts; without them (``assessed``, ``not_compared``,
    ``insufficient_data``) no cell is marked."""
    if summary.empty:
        return pd.Series(False, index=summary.index, dtype=bool)
    if "limited_evidence" in summary:  # a profile module is described, on no evidence limit
        return summary["limited_evidence"].fillna(False).astype(bool) & ~_profile(summary)
    if not {"assessed", "not_compared", "insufficient_data"} <= set(summary.columns):
        return pd.Series(False, index=summary.index, dtype=bool)

    def col(name: str) -> np.ndarray:
        return pd.to_numeric(summary[name], errors="coerce").fillna(0).to_numpy(dtype=float)

    assessed = col("assessed")
    indicators = assessed + col("not_compared") + col("insufficient_data")
    few = _limited(assessed, indicators) & ~_profile(summary)
    return pd.Series(few, index=summary.index, dtype=bool)


def indicator_counts(summary: pd.DataFrame) -> pd.Series:
    """The criterion's indicators compared for each cell's group (assessed, not compared or
    with too little data): the "of 5" of "1 of 5 assessed"; 0 for runs without the counts."""
    if summary.empty:
        return pd.Series([], index=summary.index, dtype=int)
    if "indicators" in summary:
        return pd.to_numeric(summary["indicators"], errors="coerce").fillna(0).astype(int)
    if not {"assessed", "not_compared", "insufficient_data"} <= set(summary.columns):
        return pd.Series(0, index=summary.index, dtype=int)
    cols = summary[["assessed", "not_compared", "insufficient_data"]]
    return cols.apply(pd.to_numeric, errors="coerce").fillna(0).sum(axis=1).astype(int)


def ratings(summary: pd.DataFrame) -> pd.Series:
    """The rating of each cell of a stored criteria summary as the engine rates today: a run
    stored before the "inconclusive" rating called a cell green when none of its indicators was
    significantly worse; such a cell is inconclusive unless each was shown not worse. A profile
    module's cell is :data:`DESCRIBED` whatever the run stored (runs before it rated Module A's
    cells "inconclusive" from its undirected gaps)."""
    if summary.empty:
        return pd.Series([], index=summary.index, dtype=object)
    rating = summary["rating"].astype(str)
    stale = (rating == "green").to_numpy() & ~_shown(summary)
    rating = rating.where(~stale, "inconclusive")
    return rating.where(~_profile(summary), DESCRIBED).astype(object)


def shown_no_gap(summary: pd.DataFrame) -> pd.Series:
    """Which cells of a criteria summary *showed* no gap (rated green by :func:`ratings`): every
    assessed indicator was shown equivalent (within its minimum important difference) or
    better. False for runs stored without the counts."""
    if summary.empty:
        return pd.Series(False, index=summary.index, dtype=bool)
    return ratings(summary) == "green"


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
    # how much of the criterion the rating rests on: every indicator of it the comparisons
    # counted for the group (assessed, not compared, too little data)
    counts["indicators"] = counts[COUNTED].sum(axis=1).astype(int)
    counts["limited_evidence"] = _limited(
        counts["assessed"].to_numpy(dtype=float), counts["indicators"].to_numpy(dtype=float)
    ) & ~_profile(counts)
    counts["rule"] = rule
    return counts[[*CRITERIA_SUMMARY_COLUMNS, *CRITERIA_SUMMARY_EXTRA]].reset_index(drop=True)
