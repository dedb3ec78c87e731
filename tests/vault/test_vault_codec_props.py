"""Property tests: any float / integer / text column survives the codec bit for bit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.vault import codec

FAST = settings(max_examples=120, deadline=None)


@FAST
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True, width=64), max_size=300))
def test_floats_bit_exact(values):
    s = pd.Series(np.array(values, dtype=np.float64))
    out = codec.decode_column(codec.encode_column("f", s), len(s))
    a, b = s.to_numpy(), out.to_numpy()
    nan = np.isnan(a)
    assert np.array_equal(nan, np.isnan(b))
    assert np.array_equal(a[~nan].view(np.int64), b[~nan].view(np.int64))


@FAST
@given(st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1), max_size=300))
def test_int64_exact(values):
    s = pd.Series(np.array(values, dtype=np.int64))
    out = codec.decode_column(codec.encode_column("i", s), len(s))
    pd.testing.assert_series_equal(out, s.rename("i"), check_exact=True)


@pytest.mark.slow
@FAST
@given(st.lists(st.one_of(st.none(), st.text(max_size=12)), max_size=300), st.booleans())
def test_text_exact(values, as_str_dtype):
    s = pd.Series(values, dtype="str" if as_str_dtype else object)
    out = codec.decode_column(codec.encode_column("t", s), len(s))
    pd.testing.assert_series_equal(out, s.rename("t"), check_exact=True)
    if not as_str_dtype:
        assert [v is None for v in out] == [v is None for v in s]


@FAST
@given(
    st.lists(st.text(alphabet="ab\x00é ", max_size=6), min_size=1, max_size=20),
    st.sets(st.integers(min_value=0, max_value=1199), max_size=50),
)
@pytest.mark.slow
def test_identifier_like_text_exact(stems, missing):
    values = [None if i in missing else f"{stems[i % len(stems)]}{i}" for i in range(1200)]
    s = pd.Series(values, dtype="str")
    out = codec.decode_column(codec.encode_column("t", s), len(s))
    pd.testing.assert_series_equal(out, s.rename("t"), check_exact=True)
