"""Methods that lower disclosure risk (workbench/stats/sdc_methods.py): recoding, local
suppression to k (checked by brute force), PRAM and noise (issue 18)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.errors import StatsError
from workbench.stats.sdc_methods import (
    Bands,
    BottomCode,
    Merge,
    TopCode,
    add_noise,
    pram,
    recode,
    suppress_to_k,
)


def brute_fk(frame: pd.DataFrame, keys: list[str]) -> list[int]:
    rows = [tuple(None if pd.isna(v) else v for v in r) for r in frame[keys].itertuples(
        index=False, name=None)]  # fmt: skip
    return [sum(all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))
                for b in rows) for a in rows]  # fmt: skip


def test_bands_keep_a_number_with_a_label_and_leave_missing_codes() -> None:
    df = pd.DataFrame({"age": [3.0, 17.0, 18.0, 64.0, 99.0, np.nan, -1.0]})
    out, rec, labels = recode(df, Bands("age", (0, 18, 60)), missing_codes=[99.0])
    assert out["age"].tolist()[:5] == [0.0, 0.0, 18.0, 60.0, 99.0]
    assert np.isnan(out["age"][5]) and out["age"][6] == 0.0  # below the first: bottom band
    assert labels == {0.0: "0–17", 18.0: "18–59", 60.0: "60+"}
    assert (rec.method, rec.changed) == ("bands", 4)  # 3, 17, 64 and -1; 18 stays 18


def test_top_bottom_and_merge() -> None:
    df = pd.DataFrame({"n": [1.0, 5.0, 12.0, 20.0], "d": [1.0, 2.0, 3.0, 4.0]})
    top, rec, labels = recode(df, TopCode("n", 10))
    assert top["n"].tolist() == [1, 5, 10, 10] and rec.changed == 2 and labels == {10.0: "10+"}
    bottom, rec, _ = recode(df, BottomCode("n", 5))
    assert bottom["n"].tolist() == [5, 5, 12, 20] and rec.changed == 1
    merged, rec, labels = recode(df, Merge("d", (3.0, 4.0), 3.0, "South"))
    assert merged["d"].tolist() == [1, 2, 3, 3] and rec.changed == 1 and labels == {3.0: "South"}
    with pytest.raises(StatsError):
        recode(pd.DataFrame({"s": ["a"]}), TopCode("s", 1))


keyed = st.lists(
    st.tuples(st.sampled_from([1, 2]), st.sampled_from(["a", "b", "c"]),
              st.integers(0, 4), st.sampled_from(["x", "y", None])),
    min_size=5, max_size=60,
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=50, deadline=None)
@given(keyed, st.sampled_from([2, 3, 5]))
def test_local_suppression_reaches_k_and_only_blanks_values(rows: list[tuple], k: int) -> None:
    df = pd.DataFrame(rows, columns=["sex", "region", "size", "extra"]).astype(object)
    keys = ["sex", "region", "size", "extra"]
    if len(df) < k:
        return
    out, records = suppress_to_k(df, keys, k, importance=["region", "sex", "size", "extra"])
    assert min(brute_fk(out, keys)) >= k
    for key in keys:
        before, after = df[key], out[key]
        kept = after.notna()
        assert (before[kept] == after[kept]).all()  # no value is changed, only blanked
    total = sum(r.changed for r in records)
    assert total == int((df[keys].notna() & out[keys].isna()).to_numpy().sum())


def test_local_suppression_takes_the_least_important_key_first() -> None:
    """Four records share (1, a); the fifth is (2, a): suppressing sex (least important) makes
    it match all five; suppressing region would leave it alone with sex 2."""
    df = pd.DataFrame({"region": ["a"] * 5, "sex": [1, 1, 1, 1, 2]})
    out, records = suppress_to_k(df, ["region", "sex"], 3, importance=["region", "sex"])
    assert out["region"].notna().all() and out["sex"].isna().sum() == 1
    assert {r.variable: r.changed for r in records} == {"region": 0, "sex": 1}


def test_too_few_records_are_refused() -> None:
    with pytest.raises(StatsError) as err:
        suppress_to_k(pd.DataFrame({"a": [1, 2]}), ["a"], 3)
    assert err.value.code == "share.too_few_records"


def test_pram_is_seeded_keeps_missing_and_roughly_the_distribution() -> None:
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"g": rng.choice([1.0, 2.0, 3.0, 99.0], size=4000, p=[0.5, 0.3, 0.15, 0.05])})
    df.loc[:9, "g"] = np.nan
    a, rec = pram(df, ["g"], keep=0.7, seed=42, missing_codes={"g": [99.0]})
    b, _ = pram(df, ["g"], keep=0.7, seed=42, missing_codes={"g": [99.0]})
    assert a["g"].equals(b["g"])
    assert a["g"][:10].isna().all() and (a["g"][df["g"] == 99.0] == 99.0).all()
    changed = rec[0].changed
    assert 0.1 * 3800 < changed < 0.3 * 3800  # redrawn with prob 0.3, to a new value ~⅔ of those
    share_before = (df["g"] == 1.0).mean()
    assert abs((a["g"] == 1.0).mean() - share_before) < 0.03


def test_noise_keeps_whole_numbers_and_signs() -> None:
    df = pd.DataFrame({"income": [100.0, 250.0, 0.0, 980.0, 5000.0, 99999.0]})
    out, rec = add_noise(df, ["income"], 0.1, seed=3, missing_codes={"income": [99999.0]})
    assert (out["income"] >= 0).all() and (out["income"] % 1 == 0).all()
    assert out["income"].iloc[-1] == 99999.0 and rec[0].changed >= 4
