"""The numpy Student t (workbench.stats.tdist) against a committed table and closed forms.

tests/reference/golden_tdist.csv (make_tdist.py, make_tdist.R) holds, for 1,154 points with
df from 0.5 to 1e7 (non-integer ones included) and tail probabilities down to 1e-300: mpmath at
40+ digits (``exact``), scipy 1.17.1 ``stdtr``/``stdtrit`` (what the engine used before) and R
4.2.2 ``pt``/``qt``. Measured when the table was made: ours within 5.2e-15 (relative) of
``exact`` everywhere. scipy and R are themselves off by more than 1e-13 on some rows: scipy in
far tails (up to 4e-13 for p-values near 1e-300, a quantile off by a factor 2.3 at df 2.5 and
p = 1e-200, 1.6e-9 at df 4 and p = 0.4999, 0 for t beyond 1e154), R's ``qt`` for df < 1 (1e-10)
and at df 1.5, p = 1e-200 (1e-2), R's ``pt`` above 4e5 df (a normal approximation). Neither
R nor scipy is needed to run these tests.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import numpy as np
import pytest

from workbench.stats.tdist import pt, qt, t_crit, two_sided_p

TABLE = Path(__file__).resolve().parents[1] / "reference" / "golden_tdist.csv"


def _table() -> dict[str, np.ndarray]:
    with TABLE.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = {"kind": np.array([r["kind"] for r in rows])}
    for col in ("df", "x", "exact", "scipy", "r"):
        out[col] = np.array([float(r[col]) for r in rows])
    return out


GOLDEN = _table()


def _ours() -> np.ndarray:
    kind, x, df = GOLDEN["kind"], GOLDEN["x"], GOLDEN["df"]
    out = np.full(x.shape, np.nan)
    k = kind == "two_sided_p"
    out[k] = two_sided_p(x[k], df[k])
    k = kind == "t_crit"
    out[k] = [t_crit(a, np.array([d]))[0] for a, d in zip(x[k], df[k], strict=True)]
    k = kind == "qt"
    out[k] = qt(x[k], df[k])
    return out


def _rel(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.abs(a - b) / np.abs(b)


def test_golden_table_covers_what_it_should() -> None:
    assert len(GOLDEN["kind"]) > 1000
    assert set(GOLDEN["kind"]) == {"two_sided_p", "t_crit", "qt"}
    assert GOLDEN["df"].min() == 0.5 and GOLDEN["df"].max() == 1e7
    assert (GOLDEN["df"] % 1 != 0).any()
    p = GOLDEN["exact"][GOLDEN["kind"] == "two_sided_p"]
    assert p.min() < 1e-299 and p.max() > 0.99
    alpha = GOLDEN["x"][GOLDEN["kind"] == "t_crit"]
    assert alpha.min() == 1e-6 and alpha.max() == 0.5


@pytest.mark.slow
def test_against_high_precision_values() -> None:
    err = _rel(_ours(), GOLDEN["exact"])
    assert err.max() <= 1e-14, GOLDEN["kind"][np.argmax(err)]


@pytest.mark.parametrize("ref", ["scipy", "r"])
def test_against_scipy_and_r(ref: str) -> None:
    """Within 1e-13 of the reference wherever the reference is itself within 1e-13 of the exact
    value (nearly all rows); elsewhere closer to the exact value than the reference is."""
    ours, theirs, exact = _ours(), GOLDEN[ref], GOLDEN["exact"]
    accurate = _rel(theirs, exact) <= 1e-13
    assert accurate.mean() > 0.97
    assert _rel(ours[accurate], theirs[accurate]).max() <= 1e-13
    off = ~accurate
    assert (_rel(ours[off], exact[off]) < _rel(theirs[off], exact[off])).all()


@pytest.mark.parametrize("t", [1e-12, 1e-3, 0.5, 1.0, 1.41, 1.42, 2.0, 10.0, 1e3, 1e20, 1e200])
def test_closed_forms_for_one_and_two_df(t: float) -> None:
    # df = 1 (Cauchy): P(|T| > t) = (2/π) atan(1/t); df = 2: 2 / (√(2+t²) (√(2+t²) + t))
    assert two_sided_p(t, 1.0) == pytest.approx(2 / math.pi * math.atan(1 / t), rel=4e-16)
    root = math.sqrt(2 + t * t) if t < 1e150 else t
    assert two_sided_p(t, 2.0) == pytest.approx(2 / (root * (root + t)), rel=4e-16)


@pytest.mark.parametrize("p", [1e-300, 1e-20, 1e-6, 0.025, 0.3, 0.4999, 0.5001, 0.7, 0.975])
def test_quantile_closed_forms(p: float) -> None:
    u = min(p, 1 - p)  # exact for p ≥ ½
    sign = math.copysign(1.0, p - 0.5)
    # df = 1: cot(πu) (as tan(π(½ − u)) near the median); df = 2: (1 − 2u) / √(2u(1 − u))
    cauchy = 1 / math.tan(math.pi * u) if u < 0.25 else math.tan(math.pi * (0.5 - u))
    assert qt(p, 1.0) == pytest.approx(sign * cauchy, rel=4e-15)
    assert qt(p, 2.0) == pytest.approx(sign * (1 - 2 * u) / math.sqrt(2 * u * (1 - u)), rel=4e-15)


def test_many_df_is_the_normal() -> None:
    t = np.array([0.0, 0.5, 1.96, 5.0, 20.0, 37.0])
    normal = np.array([math.erfc(v / math.sqrt(2)) for v in t])
    # erfc(t/√2) itself: t/√2 is rounded, which moves erfc by up to ~t²·ε
    tol = 2e-15 * (1 + t * t)
    for df in (1e160, np.inf):
        assert (np.abs(two_sided_p(t, df) - normal) <= tol * normal).all()
    assert t_crit(0.05, np.inf) == pytest.approx(1.959963984540054, rel=1e-15)


def test_conventions() -> None:
    # NaN where df ≤ 0 or a value is missing, as before
    df = np.array([2.0, 0.0, -1.0, np.nan, 2.0])
    t = np.array([1.0, 1.0, 1.0, 1.0, np.nan])
    assert np.isnan(two_sided_p(t, df)[1:]).all() and np.isfinite(two_sided_p(t, df)[0])
    assert np.isnan(t_crit(0.05, df)[1:4]).all()
    # shapes: scalars give 0-d arrays, arrays broadcast
    assert t_crit(0.05, 10.0).shape == () and two_sided_p(2.0, 10).shape == ()
    assert two_sided_p(np.ones((2, 3)), np.array([1.0, 5.0, 50.0])).shape == (2, 3)
    assert t_crit(0.05, np.full((4, 2), 7.0)).shape == (4, 2)
    # limits
    assert two_sided_p(np.inf, 3.0) == 0.0 and two_sided_p(-np.inf, 3.0) == 0.0
    assert two_sided_p(0.0, 3.0) == 1.0
    assert t_crit(1.0, 3.0) == 0.0
    assert qt(0.0, 3.0) == -np.inf and qt(1.0, 3.0) == np.inf and np.isnan(qt(1.5, 3.0))
    assert two_sided_p(1.7976931348623157e308, 0.5) > 0  # no overflow to 0 far out


def test_symmetry_and_round_trip() -> None:
    rng = np.random.default_rng(3)
    df = np.exp(rng.uniform(np.log(0.5), np.log(1e7), 2000))
    t = np.exp(rng.uniform(np.log(1e-6), np.log(40), 2000)) * rng.choice([-1, 1], 2000)
    lower, upper = pt(t, df), pt(-t, df)
    assert np.allclose(lower + upper, 1.0, rtol=0, atol=2e-16)
    assert np.allclose(two_sided_p(t, df), 2 * np.minimum(lower, upper), rtol=1e-15, atol=0)
    # round trip through the lower tail (1 − tail would round the tail away)
    neg = -np.abs(t)
    tail = pt(neg, df)
    back = qt(tail, df)
    ok = tail > 1e-300
    # the probability is rounded to a double: bound by that conditioning
    assert np.all(np.abs(back - neg)[ok] <= 1e-12 * np.maximum(np.abs(neg), 1)[ok])


def test_t_crit_reuse_gives_identical_values() -> None:
    df = np.array([3.5, 12.0, 3.5, 97.0, 12.0])
    first = t_crit(0.05, df)
    assert np.array_equal(first, t_crit(0.05, df))
    assert np.array_equal(first, qt(np.full(5, 0.975), df))
    assert first[0] == first[2] and first[1] == first[4]
