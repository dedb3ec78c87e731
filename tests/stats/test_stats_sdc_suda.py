"""SUDA scores (workbench/stats/sdc_suda.py, sdcMicro's suda2) on a hand-computed example and
against a brute-force search of minimal sample uniques on random data (issue 18, item 2)."""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.stats.sdc_keys import encode
from workbench.stats.sdc_risk import measure
from workbench.stats.sdc_suda import msu_weight, suda2

KEYS = ["a", "b", "c"]


def hand() -> pd.DataFrame:
    return pd.DataFrame({"a": [1, 1, 1, 2, 1], "b": [1, 1, 2, 2, 1], "c": [1, 2, 1, 2, 1]})


def test_scores_on_a_hand_computed_example() -> None:
    """Records (a, b, c): r0 (1,1,1), r1 (1,1,2), r2 (1,2,1), r3 (2,2,2), r4 (1,1,1).
    Value counts: a=1 ×4, a=2 ×1; b=1 ×3, b=2 ×2; c=1 ×3, c=2 ×2. M = 3 keys, so an MSU of
    size 1 scores (3−1)! = 2, of size 2 scores 1! = 1, of size 3 scores 0! = 1.

    - r0 and r4 are the same row: no subset of theirs is unique → score 0.
    - r1: no single value is unique; {a,b} = (1,1) is shared by r0, r4; {a,c} = (1,2) only r1
      (r3 has a=2) → MSU; {b,c} = (1,2) only r1 (r3 has b=2) → MSU. Score 1 + 1 = 2;
      contributions a ½, b ½, c 1.
    - r2: {a,b} = (1,2) only r2 → MSU; {a,c} = (1,1) shared; {b,c} = (2,1) only r2 → MSU.
      Score 2; contributions a ½, b 1, c ½.
    - r3: a = 2 is unique → MSU of size 1 (2); {b,c} = (2,2) only r3 and neither b=2 nor c=2
      is unique → MSU (1); the sets with a are not minimal. Score 3; a ⅔, b ⅓, c ⅓.
    File contributions: Σ contribution·score = 4 for each key, of a total score 7 → 57.14%.

    DIS (f = 0.01): U = 3 records unique on all keys (r1, r2, r3), P = 2 (the pair r0, r4):
    DIS = 0.03 / (0.03 + 2·0.99) = 0.0149254; U/DIS − U = 201 − 3 = 198.
    Q = 1 + (8 − 3)/20 = 1.25; A = 2·2^−1.25 + 3^−1.25 = 2·0.420448 + 0.253279 = 1.094175.
    dis(r1) = dis(r2) = 1 / (1 + 198 / (2.378414 · A)) = 0.0129729;
    dis(r3) = 1 / (1 + 198 / (3.948222 · A)) = 0.0213525."""
    s = suda2(encode(hand(), KEYS), KEYS)
    assert s.score.tolist() == [0, 2, 2, 3, 0]
    assert s.msu_by_size.tolist() == [1, 5, 0]
    assert s.contribution[1] == pytest.approx([0.5, 0.5, 1.0])
    assert s.contribution[2] == pytest.approx([0.5, 1.0, 0.5])
    assert s.contribution[3] == pytest.approx([2 / 3, 1 / 3, 1 / 3])
    assert s.contribution[0].tolist() == [0, 0, 0]
    assert s.attribute_contributions() == pytest.approx({k: 400 / 7 for k in KEYS})
    assert (s.uniques, s.pairs) == (3, 2)
    assert s.dis_probability == pytest.approx(0.03 / 2.01)
    a = 2 * 2**-1.25 + 3**-1.25
    d1, d3 = 1 / (1 + 198 / (2**1.25 * a)), 1 / (1 + 198 / (3**1.25 * a))
    assert s.dis == pytest.approx([0, d1, d1, d3, 0], rel=1e-12)
    assert (a, d1, d3) == pytest.approx((1.094175, 0.0129729, 0.0213525), rel=1e-5)
    assert s.dis_table() == [2, 3, 0, 0, 0, 0, 0, 0, 0]


def test_a_missing_value_is_no_value() -> None:
    """r3 loses c (missing): it is no longer unique on {b,c}; a = 2 stays its only MSU (2).
    r1's {b,c} = (1,2) is now unique with no help (r3's c matches nothing) — as before.
    r2's {b,c} = (2,1): r3 (b=2, c missing) does not share it → still an MSU."""
    df = hand().astype(float)
    df.loc[3, "c"] = np.nan
    s = suda2(encode(df, KEYS), KEYS)
    assert s.score.tolist() == [0, 2, 2, 2, 0]
    assert s.contribution[3] == pytest.approx([1.0, 0.0, 0.0])


def test_max_size_keeps_the_smaller_msus() -> None:
    s = suda2(encode(hand(), KEYS), KEYS, max_size=1)
    assert s.score.tolist() == [0, 0, 0, 2, 0] and s.msu_by_size.tolist() == [1]


def test_weights_are_sdcmicros_elliot_scores() -> None:
    """(M − size)! with M the number of keys, at least 3 (sdcMicro pads with constants)."""
    assert [msu_weight(s, 8) for s in range(1, 9)] == [5040, 720, 120, 24, 6, 2, 1, 1]
    assert [msu_weight(s, 2) for s in (1, 2)] == [2, 1]


def _brute(x: list[list[int | None]], max_size: int, fraction: float) -> tuple[list[float], ...]:
    """Every subset of every record checked against every other record, by definition."""
    n, m = len(x), len(x[0])
    big_m = max(m, 3)

    def unique(i: int, subset: tuple[int, ...]) -> bool:
        return not any(all(x[j][v] == x[i][v] for v in subset) for j in range(n) if j != i)

    scores, contrib = [], []
    for i in range(n):
        seen = [v for v in range(m) if x[i][v] is not None]
        su = {s for size in range(1, min(max_size, len(seen)) + 1)
              for s in combinations(seen, size) if unique(i, s)}  # fmt: skip
        msus = [s for s in su if not any(set(t) < set(s) for t in su)]
        score = sum(math.factorial(big_m - len(s)) for s in msus)
        scores.append(float(score))
        contrib.append([sum(math.factorial(big_m - len(s)) for s in msus if v in s) / score
                        if score else 0.0 for v in range(m)])  # fmt: skip
    same = [sum(x[j] == x[i] for j in range(n)) for i in range(n)]
    u, p = same.count(1), same.count(2)
    dis = [0.0] * n
    if u and any(scores):
        prob = u * fraction / (u * fraction + p * (1 - fraction))
        q = 1 + (8 - big_m) / 20
        adj = sum(s**-q for s in scores if s)
        dis = [1 / (1 + (u / prob - u) / (s**q * adj)) if s else 0.0 for s in scores]
    return scores, contrib, dis


rows = st.integers(2, 5).flatmap(
    lambda m: st.lists(
        st.lists(st.one_of(st.none(), st.integers(0, 2)), min_size=m, max_size=m),
        min_size=1, max_size=14,
    )
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(rows=rows, max_size=st.integers(1, 5), fraction=st.sampled_from([0.01, 0.1, 0.5]))
def test_scores_match_a_brute_force_msu_search(rows, max_size, fraction) -> None:
    m = len(rows[0])
    frame = pd.DataFrame(rows, columns=[f"k{j}" for j in range(m)], dtype=float)
    s = suda2(encode(frame, list(frame.columns)), dis_fraction=fraction, max_size=max_size)
    scores, contrib, dis = _brute(rows, max_size, fraction)
    assert s.score.tolist() == scores
    assert s.contribution == pytest.approx(np.array(contrib).reshape(len(rows), m))
    assert s.dis == pytest.approx(dis, rel=1e-9, abs=1e-15)


def test_measure_reports_suda_only_when_asked() -> None:
    df = hand()
    assert measure(df, KEYS).summary.suda is None
    got = measure(df, KEYS, suda=True).summary.suda
    assert got is not None and got["records_with_msu"] == 3 and got["max_score"] == 3
    assert got["msu_by_size"] == [1, 5, 0] and got["dis_table"][0] == 2


@pytest.mark.parametrize(("kw", "code"), [({"dis_fraction": 0}, "share.dis_fraction"),
                                          ({"dis_fraction": 1.5}, "share.dis_fraction"),
                                          ({"max_size": 0}, "share.suda_max_size")])  # fmt: skip
def test_bad_parameters_are_coded_errors(kw, code) -> None:
    from workbench.errors import StatsError

    with pytest.raises(StatsError) as err:
        suda2(encode(hand(), KEYS), KEYS, **kw)
    assert err.value.code == code
