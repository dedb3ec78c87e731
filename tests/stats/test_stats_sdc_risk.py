"""Disclosure-risk measures (workbench/stats/sdc_risk.py, sdc_keys.py) against hand-computed
examples and against a brute-force implementation on random data (issue 18)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.stats.sdc_keys import encode, frequencies
from workbench.stats.sdc_risk import household_risk, individual_risk, l_diversity, measure

KEYS = ["sex", "region"]


def small() -> pd.DataFrame:
    return pd.DataFrame({
        "sex":    [1, 1, 1, 2, 2, 2],
        "region": ["A", "A", "B", "A", "B", "B"],
        "w":      [10.0, 30.0, 25.0, 4.0, 6.0, 14.0],
        "hh":     [1, 1, 2, 3, 3, 4],
        "health": ["y", "n", "y", "y", "n", "n"],
    })  # fmt: skip


def test_fk_Fk_and_risk_on_a_hand_computed_example() -> None:
    """Keys (sex, region): (1,A) ×2 with weights 10+30, (1,B) ×1 with 25, (2,A) ×1 with 4,
    (2,B) ×2 with 6+14. So fk = 2,2,1,1,2,2 and Fk = 40,40,25,4,20,20.

    Individual risk (Benedetti–Franconi, sdcMicro's measure_risk), p = fk/Fk, q = 1 − p:
    - fk = 1: r = p/q · log(1/p). (1,B): p = 1/25 → r = (1/25)/(24/25)·log 25 = log(25)/24
      = 0.134119…; (2,A): p = 1/4 → r = (1/3)·log 4 = 0.462098….
    - fk = 2: r = p/q² · (p·log p + q). (1,A): p = 2/40 = 1/20, q = 19/20 →
      r = (20/361) · (0.05·(−2.995732) + 0.95) = 0.055402 · 0.800213 = 0.044333…;
      (2,B): p = 1/10, q = 9/10 → r = (10/81) · (0.1·(−2.302585) + 0.9) = 0.082684….
    Global risk = mean = (2·0.044333 + 0.134119 + 0.462098 + 2·0.082684) / 6; expected
    re-identifications = the sum."""
    df = small()
    freq = frequencies(encode(df, KEYS), df["w"].to_numpy())
    assert freq.fk.tolist() == [2, 2, 1, 1, 2, 2]
    assert freq.Fk.tolist() == [40, 40, 25, 4, 20, 20]
    r = individual_risk(freq.fk, freq.Fk)
    r_1b, r_2a = math.log(25) / 24, math.log(4) / 3
    r_1a = (1 / 20) / (19 / 20) ** 2 * ((1 / 20) * math.log(1 / 20) + 19 / 20)
    r_2b = (1 / 10) / (9 / 10) ** 2 * (0.1 * math.log(0.1) + 0.9)
    assert r == pytest.approx([r_1a, r_1a, r_1b, r_2a, r_2b, r_2b], rel=1e-12)
    assert (r_1a, r_1b, r_2a, r_2b) == pytest.approx((0.044333, 0.134119, 0.462098, 0.082684),
                                                     abs=1e-6)  # fmt: skip
    s = measure(df, KEYS, k=3, weight="w").summary
    total = 2 * r_1a + r_1b + r_2a + 2 * r_2b
    assert s.expected_reidentifications == pytest.approx(total)
    assert s.global_risk == pytest.approx(total / 6)
    assert s.violations == {2: 2, 3: 6, 5: 6}
    assert (s.combinations, s.sample_uniques) == (4, 2)


def test_a_missing_value_matches_every_value() -> None:
    """Record 3 has region missing: it matches (1,A) ×2 and (1,B) ×1 → fk = 4 (itself
    included), Fk = 10+30+25+w3; the (1,A) records now count it too (fk = 3)."""
    df = small()
    df.loc[2, "region"] = None
    freq = frequencies(encode(df, KEYS), df["w"].to_numpy())
    assert freq.fk.tolist() == [3, 3, 3, 1, 2, 2]
    assert freq.Fk.tolist() == [65, 65, 65, 4, 20, 20]


def test_unweighted_keys_are_their_whole_population() -> None:
    """Without weights Fk = fk, p = 1: the risk is 1/fk (the limit of every closed form)."""
    r = individual_risk(np.array([1, 2, 3, 7]), np.array([1.0, 2.0, 3.0, 7.0]))
    assert r == pytest.approx([1, 1 / 2, 1 / 3, 1 / 7])


def test_household_risk_is_at_least_its_most_exposed_member() -> None:
    """Household 1: members 0.1 and 0.2 → 1 − 0.9·0.8 = 0.28 (max 0.2); household 2: 0.5."""
    risk, top = household_risk(np.array([0.1, 0.2, 0.5]), np.array([1, 1, 2]))
    assert risk == pytest.approx([0.28, 0.5])
    assert top == pytest.approx([0.2, 0.5])


def test_l_diversity_counts_distinct_sensitive_values_per_key() -> None:
    """(1,A): y,n → 2; (1,B): y → 1; (2,A): y → 1; (2,B): n,n → 1."""
    df = small()
    assert l_diversity(encode(df, KEYS), df["health"]).tolist() == [2, 2, 1, 1, 1, 1]
    s = measure(df, KEYS, sensitive=["health"]).summary
    assert s.l_diversity["health"] == {"min_l": 1, "records_l1": 4}


# ----------------------------------------------------------------- brute force
def brute_frequencies(rows: list[tuple], w: list[float]) -> tuple[list[int], list[float]]:
    """Pairwise: j counts for i when every key agrees or either side is missing."""
    fk, Fk = [], []
    for a in rows:
        n, s = 0, 0.0
        for b, wb in zip(rows, w, strict=True):
            if all(x is None or y is None or x == y for x, y in zip(a, b, strict=True)):
                n, s = n + 1, s + wb
        fk.append(n)
        Fk.append(s)
    return fk, Fk


def brute_risk(f: int, F: float) -> float:
    """E[1/F | f] summed term by term for f ≤ 3 (the negative binomial's definition), sdcMicro's
    approximation p / (f − q) above; 1/f when F = f."""
    p = f / F
    if p >= 1 - 1e-12:
        return 1 / f
    q = 1 - p
    if f > 3:
        return p / (f - q)
    total, h = 0.0, f
    while True:
        term = math.comb(h - 1, f - 1) * p**f * q ** (h - f) / h
        total += term
        if term < 1e-17 and h > f + 10:
            return total
        h += 1


records = st.lists(
    st.tuples(st.sampled_from([1, 2, None]), st.sampled_from(["a", "b", "c", None]),
              st.sampled_from([0, 1, 2]), st.floats(1.0, 60.0)),
    min_size=1, max_size=40,
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(records)
def test_frequencies_and_risk_match_brute_force(data: list[tuple]) -> None:
    keys = [r[:3] for r in data]
    w = [r[3] for r in data]
    df = pd.DataFrame(keys, columns=["a", "b", "c"]).astype(object)
    df = df.where(df.notna(), None)
    df["w"] = w
    freq = frequencies(encode(df, ["a", "b", "c"]), df["w"].to_numpy())
    fk, Fk = brute_frequencies(keys, w)
    assert freq.fk.tolist() == fk
    assert freq.Fk == pytest.approx(Fk)
    risk = individual_risk(freq.fk, freq.Fk)
    assert risk == pytest.approx([brute_risk(f, F) for f, F in zip(fk, Fk, strict=True)],
                                 rel=1e-9, abs=1e-12)  # fmt: skip
    s = measure(df, ["a", "b", "c"], weight="w").summary
    assert s.global_risk == pytest.approx(float(np.mean(risk)))
    assert s.violations[3] == sum(f < 3 for f in fk)
