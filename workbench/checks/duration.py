"""Interview duration, when the start and end times are in the data (Kobo ``start`` / ``end``).

Thresholds, relative to the survey's own median duration so that a long and a short
questionnaire are judged alike: an interview ending before it starts is an error; one shorter
than :data:`SHORT_SHARE` of the median (and never less than :data:`SHORT_MIN` minutes) or longer
than :data:`LONG_FACTOR` times the median (and never less than :data:`LONG_MIN` minutes) is a
warning. The limits used are stated in each finding.
"""

from __future__ import annotations

import numpy as np

from workbench.checks.collect import Collector

SHORT_SHARE = 1 / 3
SHORT_MIN = 10.0
LONG_FACTOR = 3.0
LONG_MIN = 180.0


def limits(minutes: np.ndarray) -> tuple[float, float]:
    ok = minutes[~np.isnan(minutes) & (minutes >= 0)]
    median = float(np.median(ok)) if len(ok) else 0.0
    return max(SHORT_MIN, median * SHORT_SHARE), max(LONG_MIN, median * LONG_FACTOR)


def check_duration(c: Collector) -> None:
    r = c.roles
    if not r.start or not r.end:
        return
    start = c.ds.frame[r.start].to_numpy(dtype="datetime64[ns]")
    end = c.ds.frame[r.end].to_numpy(dtype="datetime64[ns]")
    both = ~np.isnat(start) & ~np.isnat(end)
    minutes = np.full(len(start), np.nan)
    minutes[both] = (end[both] - start[both]).astype("timedelta64[s]").astype(float) / 60.0
    short, long = limits(minutes)
    shown = np.round(minutes, 1)
    with np.errstate(invalid="ignore"):
        negative = minutes < 0
        too_short = (minutes >= 0) & (minutes < short)
        too_long = minutes > long
    col = r.end
    c.add("check.duration_negative", "error", negative, col, {"minutes": shown}, start=r.start)
    c.add(
        "check.duration_short",
        "warning",
        too_short,
        col,
        {"minutes": shown},
        limit=round(short, 1),
    )
    c.add("check.duration_long", "warning", too_long, col, {"minutes": shown}, limit=round(long, 1))
