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


def _whole_column_encoding(arr: np.ndarray) -> tuple[str, bytes, bytes | None]:
    """The definition the blockwise test must equal (stored bytes and so fingerprints depend on
    it): NaN → 0, range over the whole column, narrowest type, bit-exact round trip."""
    nan = np.isnan(arr)
    filled = np.where(nan, 0.0, arr)
    lo, hi = float(filled.min()), float(filled.max())
    if lo >= -(2**31) and hi < 2**31:
        ints = filled.astype(codec._smallest_int(lo, hi))
        if np.array_equal(ints.astype(np.float64).view(np.int64), filled.view(np.int64)):
            mask = np.packbits(nan).tobytes() if nan.any() else None
            return ints.dtype.str, ints.tobytes(), mask
    return arr.dtype.str, arr.tobytes(), None


@FAST
@given(
    st.lists(
        st.one_of(
            st.integers(min_value=-(2**31) - 2, max_value=2**31 + 2).map(float),
            st.sampled_from([0.0, -0.0, 1.0, 98.0, 99.0, np.nan, np.inf, -np.inf, 0.5, 1e300]),
        ),
        min_size=1,
        max_size=40,
    ),
    st.integers(min_value=0, max_value=3 * codec._TEST_ROWS),
    st.sampled_from([0.0, 1.0, np.nan, 200.0]),
)
def test_whole_number_test_in_blocks_equals_whole_column(head, pad, filler):
    """Columns longer than one block, with the deciding value (a fraction, -0.0, a wide code,
    NaN) in any block: the stored type, bytes and mask are those of the whole-column rule."""
    arr = np.concatenate((np.full(pad, filler), np.array(head, dtype=np.float64)))
    enc = codec.encode_column("x", pd.Series(arr))
    assert len(enc.chunks) == 1  # the sizes drawn stay within one stored chunk
    physical, data, mask = _whole_column_encoding(arr)
    assert enc.chunks[0].physical == physical
    assert b"".join(c.data for c in enc.chunks) == data
    got_mask = enc.chunks[0].mask
    assert (got_mask is None) == (mask is None) and (mask is None or got_mask == mask)
