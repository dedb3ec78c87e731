"""The engine's contrasts of every statistic, for the R golden tests.

``analyze()`` publishes a comparison only where one is judged: a total's contrast is computed and
then not compared (``not_compared_reason = population_total``, stats/comparisons.py), so its
difference, SE and p no longer appear in ``res.comparisons``. The contrast maths is the same for
every statistic and R's goldens hold it for totals too; these helpers run the engine's own
lower-level :func:`workbench.stats.comparisons.contrasts` on the engine's own estimates, so the
goldens keep checking every difference against R, and check that what ``analyze()`` publishes is
exactly those contrasts (and nothing for totals).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.comparisons import contrasts
from workbench.stats.engine import unit_estimates
from workbench.stats.frame import AnalysisFrame
from workbench.stats.intervals import total_interval
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import AnalysisResults
from workbench.stats.tdist import t_crit

KEYS = ["indicator_id", "group", "disaggregation", "disaggregation_value"]
MATHS = ["difference", "se_difference", "ci_low", "ci_high", "p_value", "df"]


def engine_contrasts(frame: AnalysisFrame, options: AnalysisOptions | None = None) -> pd.DataFrame:
    """``contrasts()`` on the engine's estimates of every unit, totals included."""
    opts = options or AnalysisOptions()
    units = dict.fromkeys(i.unit for i in frame.indicators)
    parts = [
        unit_estimates(frame, u, [i for i in frame.indicators if i.unit == u], opts.alpha)[0]
        for u in units
    ]
    return contrasts(pd.concat(parts, ignore_index=True), frame, opts)


def checked_contrasts(
    frame: AnalysisFrame, res: AnalysisResults, options: AnalysisOptions | None = None
) -> pd.DataFrame:
    """The engine's contrasts (with ``level``), after checking that ``res.comparisons`` is them
    where compared and, for totals, ``not_compared`` (population_total) with no difference."""
    con = engine_contrasts(frame, options)
    pub = res.comparisons
    both = con.merge(pub, on=KEYS, suffixes=("", "_pub"), how="outer", validate="one_to_one")
    assert len(both) == len(con) == len(pub) > 0
    total = (both["statistic"] == "total").to_numpy()
    assert (both.loc[total, "assessment"] == "not_compared").all()
    assert (both.loc[total, "not_compared_reason"] == "population_total").all()
    assert both.loc[total, [f"{c}_pub" for c in MATHS[:-1]]].isna().all().all()
    assert (both.loc[~total, "not_compared_reason"] != "population_total").all()
    shown = ~total & (both["assessment"] != "not_compared").to_numpy()
    assert shown.any()
    for col in MATHS:
        np.testing.assert_array_equal(both.loc[shown, col], both.loc[shown, f"{col}_pub"])
    return con.assign(level=con["disaggregation_value"])


def withheld_intervals(
    est: pd.DataFrame, alpha: float = 0.05, total_ci: str = "wald"
) -> pd.DataFrame:
    """``est`` with the interval of every count the engine publishes without one
    (``no_interval``: a † count or one without degrees of freedom, stats/count_intervals.py)
    computed by the engine's own interval of totals, so the goldens still compare it with R's —
    after checking that only such counts are withheld."""
    w = (est["no_interval"] != "").to_numpy()
    assert (est.loc[w, "statistic"] == "total").all()
    assert ((est.loc[w, "flag"] == "caution") | (est.loc[w, "df"] <= 0)).all()
    assert est.loc[w, ["ci_low", "ci_high"]].isna().all().all()
    e, se = est["estimate"].to_numpy(float), est["se"].to_numpy(float)
    lo, hi = total_interval(total_ci, e, se, t_crit(alpha, est["df"].to_numpy(float)))
    return est.assign(
        ci_low=np.where(w, lo, est["ci_low"].to_numpy(float)),
        ci_high=np.where(w, hi, est["ci_high"].to_numpy(float)),
    )
