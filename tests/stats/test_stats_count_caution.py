"""A count the thresholds would mark † is not published (stats/disclosure.py, issue 20)."""

from __future__ import annotations

import numpy as np
import pytest
from stats_synth import frame, households

from workbench.stats import analyze
from workbench.stats.disclosure import PRESETS, flags
from workbench.stats.options import AnalysisOptions


def test_stats_a_count_is_withheld_where_an_estimate_would_be_marked_caution() -> None:
    n = np.array([24, 25, 49, 50, 200])
    cv = np.array([0.1, 0.1, 0.1, 0.1, 0.2])
    dhs = PRESETS["dhs"]
    assert list(flags(n, cv, dhs)) == ["suppressed", "caution", "caution", "", ""]
    assert list(flags(n, cv, dhs, count=True)) == ["suppressed"] * 3 + ["", ""]
    # by the CV too (Statistics Canada: caution above 16.5%)
    assert list(flags(n, cv, PRESETS["statcan"], count=True))[-1] == "suppressed"
    mixed = np.array([True, True, False, True, False])
    got = list(flags(n, cv, dhs, count=mixed))
    assert got == ["suppressed", "suppressed", "caution", "", ""]


@pytest.mark.slow
def test_stats_counts_on_few_cases_are_primary_suppressions_not_dagger_counts() -> None:
    """Issue 20: the demo printed the host community's separated family members as
    "34,863†‡" from 37 households — a count too unreliable to bound, printed as if precise,
    larger than every displaced group's — and stock cells "3,588†‡", "2,582†‡". A count of
    25–49 cases (DHS) is now withheld as a primary suppression, its complements chosen by the
    same rule; a proportion of as few cases is still published with its † and interval."""
    res = analyze(frame(households(150, 4)), AnalysisOptions(disclosure_preset="dhs"))
    est = res.estimates
    counts = [res.stock, est[est["statistic"] == "total"]]
    few_somewhere = False
    for table in counts:
        few = ((table["n"] >= 25) & (table["n"] < 50)).to_numpy()
        few_somewhere |= bool(few.any())
        assert (table.loc[few, "flag"] == "suppressed").all()
        assert (table.loc[few, "suppression"] == "primary").all()
        assert not (table["flag"] == "caution").any()
        assert not (table["no_interval"] == "unreliable").any()
    assert few_somewhere
    props = est[(est["statistic"] == "proportion") & (est["n"] >= 25) & (est["n"] < 50)]
    assert len(props) and (props["flag"] == "caution").all()
    assert props["ci_low"].notna().all()
    # withheld everywhere it is published, and protected like any primary cell
    pub = res.publishable()
    shown_counts = [pub.stock, pub.estimates[est["statistic"] == "total"]]
    for table, shown in zip(counts, shown_counts, strict=True):
        few = ((table["n"] >= 25) & (table["n"] < 50)).to_numpy()
        assert shown.loc[few, "estimate"].isna().all()
    assert res.meta["suppression"]["exposed"] == 0
