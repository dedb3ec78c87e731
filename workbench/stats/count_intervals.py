"""Which intervals of counts are published — a statistical decision the report only shows.

A count (an indicator estimated as a total, and every cell of an IRIS stock table) gets its
interval by ``total_ci`` (intervals.py: Wald, or the log scale) with the t quantile of its
domain's degrees of freedom (R ``degf(subset(design, …))``: PSUs − strata holding its cases).
A count the thresholds would mark caution (†) is not published at all (disclosure.py: a
count's caution is a suppression). Its interval rests on the same few cases and on very few
PSUs, so it is no more reliable than the count: in the Freedonia demo "Both × 2021" (27 cases,
1 degree of freedom, t = 12.7) got the log-scale interval 5 – 1,306,063, its upper bound above
the whole IDP stock (898,614), and the Wald interval, 2,541 ± 15,860, runs far below zero.
Until issue 20 such a count was printed with its † and a footnoted mark instead of an interval
(reason ``unreliable``, still read from runs stored then); readers took "34,863†‡" from 37
households for a fact, so it is now withheld ("*") like a count on too few cases.

One kind of published count has no interval; ``no_interval`` says why:

* ``no_df`` — the domain has no degree of freedom (all its cases lie in one PSU per stratum),
  so no t quantile and no interval exist (R: ``qt(0.975, 0)`` is NaN; ``confint`` gives NaN).
  Its estimate rests on enough cases and has a small enough CV to be published under the
  disclosure rule; it is printed with "‡" and its footnote, its SE in the results file.

Suppressed rows keep no reason (nothing of them is published). The interval columns of these
rows are emptied, so every output (report, Word file, results file) shows the same thing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

NO_INTERVAL = "no_interval"  # the column: "" or "no_df" ("unreliable" in runs stored before)
REASONS = ("unreliable", "no_df")


def no_interval_reasons(
    estimate: np.ndarray, df: np.ndarray, flag: np.ndarray, is_count: np.ndarray
) -> np.ndarray:
    """``no_df`` / "" per row (see the module docstring); a † count never reaches here
    published (``flag`` ``suppressed``), so ``unreliable`` is no longer given."""
    published = np.isfinite(estimate) & (flag != "suppressed") & is_count
    no_df = published & ~(df > 0)
    return np.where(no_df, "no_df", "").astype(object)


def withhold_count_intervals(table: pd.DataFrame, is_count: np.ndarray) -> pd.DataFrame:
    """``table`` (flagged, with ``df``) with the ``no_interval`` column and those rows'
    ``ci_low`` / ``ci_high`` emptied."""
    out = table.copy()
    if out.empty:
        out[NO_INTERVAL] = pd.Series(dtype=object)
        return out
    reason = no_interval_reasons(
        out["estimate"].to_numpy(dtype=np.float64),
        out["df"].to_numpy(dtype=np.float64),
        out["flag"].fillna("").astype(str).to_numpy(dtype=object),
        np.asarray(is_count, dtype=bool),
    )
    withheld = reason != ""
    out.loc[withheld, ["ci_low", "ci_high"]] = np.nan
    out[NO_INTERVAL] = reason
    return out
