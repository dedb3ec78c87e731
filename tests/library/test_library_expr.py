"""The expression language: whitelist, errors, three-valued semantics, functions, types."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.errors import LibraryError
from workbench.library.expr import parse

NA = pd.NA


def b(*vals: object) -> pd.Series:
    return pd.Series(list(vals), dtype="boolean")


def f(*vals: float | None) -> pd.Series:
    return pd.Series([np.nan if v is None else v for v in vals], dtype="float64")


def ev(text: str, **env: pd.Series) -> list[object]:
    out = parse(text).evaluate(env)
    return [
        None if pd.isna(v) else (bool(v) if isinstance(v, (bool, np.bool_)) else v) for v in out
    ]


# ------------------------------------------------------------------ parsing
@pytest.mark.parametrize(
    "text, bad",
    [
        ("x ** 2", "'**'"),
        ("x % 2", "'%'"),
        ("x // 2", "'//'"),
        ("__import__('os')", "__import__"),
        ("x.real", "attribute"),
        ("x[0]", "indexing"),
        ("lambda: 1", "lambda"),
        ("1 if x else 2", "if ... else"),
        ("x is None", "'is'"),
        ("x & y", "'&'"),
        ("~x", "'~'"),
        ("x in y", "literal list"),
        ("x in (y, 2)", "only literal"),
        ("open('f')", "unknown function 'open'"),
        ("between(x, 1)", "'between' takes 3"),
        ("count_true(a=1)", "keyword"),
        ("any_of", "without arguments"),
        ("f'{x}'", "f-string"),
        ("{1: 2}", "dict"),
        ("[i for i in x]", "comprehension"),
    ],
)
def test_library_expr_rejects_with_named_token(text: str, bad: str) -> None:
    with pytest.raises(LibraryError) as err:
        parse(text)
    assert bad in str(err.value)
    assert text.split()[0][:3] in str(err.value)


@pytest.mark.parametrize("text", ["", "   ", "age >=", "(age", "age >= 15 and"])
def test_library_expr_syntax_errors(text: str) -> None:
    with pytest.raises(LibraryError):
        parse(text)


def test_library_expr_inputs_and_text() -> None:
    e = parse("age >= 15 and (worked or count_true(a, b) > 1) and sex in ('f', 'm')")
    assert e.inputs == frozenset({"age", "worked", "a", "b", "sex"})
    assert parse("1 < 2").inputs == frozenset()
    assert str(parse("  age\n >= 15 ")) == "age >= 15"


def test_library_expr_result_types() -> None:
    assert parse("a and b").result_type() == "bool"
    assert parse("x / y").result_type() == "number"
    assert parse("count_true(a, b)").result_type() == "number"
    assert parse("x").result_type({"x": "number"}) == "number"
    assert parse("x").result_type() == "any"
    assert parse("'text'").result_type() == "text"
    assert parse("coalesce(a, False)").result_type({"a": "bool"}) == "bool"


# ------------------------------------------------------------------ Kleene logic
def test_library_expr_kleene_truth_tables() -> None:
    left = b(True, True, True, False, False, False, NA, NA, NA)
    right = b(True, False, NA, True, False, NA, True, False, NA)
    T, F, N = True, False, None
    assert ev("p and q", p=left, q=right) == [T, F, N, F, F, F, N, F, N]
    assert ev("p or q", p=left, q=right) == [T, T, T, T, F, N, T, N, N]
    assert ev("not p", p=left, q=right) == [F, F, F, T, T, T, N, N, N]
    assert ev("any_of(p, q)", p=left, q=right) == ev("p or q", p=left, q=right)
    assert ev("all_of(p, q)", p=left, q=right) == ev("p and q", p=left, q=right)


def test_library_expr_numbers_in_boolean_context() -> None:
    x = f(1.0, 0.0, None, 2.0)
    assert ev("x and True", x=x) == [True, False, None, True]
    assert ev("not x", x=x) == [False, True, None, False]


def test_library_expr_text_in_boolean_context_fails() -> None:
    s = pd.Series(["yes", "no"], dtype=object)
    with pytest.raises(LibraryError, match="yes/no"):
        parse("s and True").evaluate({"s": s})


# ------------------------------------------------------------------ comparisons
def test_library_expr_comparisons_propagate_missing() -> None:
    age = f(10, 15, None, 40)
    assert ev("age >= 15", age=age) == [False, True, None, True]
    assert ev("age != 15", age=age) == [True, False, None, True]
    assert ev("6 <= age <= 15", age=age) == [True, True, None, False]
    assert ev("between(age, 6, 15)", age=age) == [True, True, None, False]


def test_library_expr_codes_compare_as_canonical_text() -> None:
    codes = pd.Series(["1", "2", None, "x", "1.0"], dtype=object)
    assert ev("c == 1", c=codes) == [True, False, None, False, True]
    assert ev("c in (1, 'x')", c=codes) == [True, False, None, True, True]
    assert ev("c not in (1, 'x')", c=codes) == [False, True, None, False, False]
    nums = f(1.0, 2.0, None)
    assert ev("n in ('1', 3)", n=nums) == [True, False, None]
    assert ev("n == '2'", n=nums) == [False, True, None]


def test_library_expr_ordering_on_text_converts_to_numbers() -> None:
    s = pd.Series(["3", "12", "abc", None], dtype=object)
    assert ev("s > 5", s=s) == [False, True, None, None]


def test_library_expr_booleans_compare() -> None:
    p = b(True, False, NA)
    assert ev("p == True", p=p) == [True, False, None]
    assert ev("p != False", p=p) == [True, False, None]


# ------------------------------------------------------------------ arithmetic and functions
def test_library_expr_arithmetic() -> None:
    x, y = f(6, 3, None, 1), f(3, 0, 1, -1)
    assert ev("x / y", x=x, y=y) == [2.0, None, None, -1.0]
    assert ev("x + y * 2 - 1", x=x, y=y) == [11.0, 2.0, None, -2.0]
    assert ev("-x", x=x, y=y) == [-6.0, -3.0, None, -1.0]
    assert ev("x / y > 1", x=x, y=y) == [True, None, None, False]


def test_library_expr_arithmetic_on_text_fails_naming_value() -> None:
    s = pd.Series(["3", "many"], dtype=object)
    with pytest.raises(LibraryError, match="many"):
        parse("s + 1").evaluate({"s": s})


def test_library_expr_count_true_is_missing_if_any_missing() -> None:
    p, q = b(True, True, False, NA), b(True, False, False, True)
    assert ev("count_true(p, q)", p=p, q=q) == [2.0, 1.0, 0.0, None]
    assert ev("count_true(p, q) >= 1", p=p, q=q) == [True, True, False, None]


def test_library_expr_isnull_notnull_coalesce() -> None:
    p = b(True, NA, False)
    x = f(None, 2.0, 3.0)
    assert ev("isnull(p)", p=p) == [False, True, False]
    assert ev("notnull(x)", x=x) == [False, True, True]
    assert ev("coalesce(p, False)", p=p) == [True, False, False]
    assert ev("coalesce(x, 0)", x=x) == [0.0, 2.0, 3.0]
    t = pd.Series([None, "a", None], dtype=object)
    assert ev("coalesce(t, 'z')", t=t) == ["z", "a", "z"]


def test_library_expr_scalars_in_env_broadcast() -> None:
    inc = f(1000, 3000, None)
    out = parse("inc / 2 < line").evaluate({"inc": inc, "line": 1000.0})
    assert out.tolist() == [True, False, NA]


def test_library_expr_constant_expression_needs_rows() -> None:
    assert parse("True").evaluate({}, index=pd.RangeIndex(3)).tolist() == [True] * 3
    with pytest.raises(LibraryError, match="no rows"):
        parse("True").evaluate({})


def test_library_expr_missing_input_is_named() -> None:
    with pytest.raises(LibraryError, match="age"):
        parse("age > 1 and x").evaluate({"x": b(True)})


def test_library_expr_evaluate_float_and_index() -> None:
    idx = pd.Index([10, 20, 30])
    p = pd.Series([True, False, None], index=idx, dtype="boolean")
    out = parse("p").evaluate_float({"p": p})
    assert out.dtype == np.float64
    assert list(out.index) == [10, 20, 30]
    assert out.iloc[:2].tolist() == [1.0, 0.0] and np.isnan(out.iloc[2])


# ------------------------------------------------------------------ properties
tri = st.sampled_from([True, False, None])


def _kleene_and(x: bool | None, y: bool | None) -> bool | None:
    if x is False or y is False:
        return False
    if x is None or y is None:
        return None
    return True


def _kleene_or(x: bool | None, y: bool | None) -> bool | None:
    if x is True or y is True:
        return True
    if x is None or y is None:
        return None
    return False


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(tri, tri, tri), min_size=1, max_size=30))
def test_library_expr_property_matches_kleene_reference(rows: list[tuple]) -> None:
    p = b(*[r[0] if r[0] is not None else NA for r in rows])
    q = b(*[r[1] if r[1] is not None else NA for r in rows])
    r = b(*[r[2] if r[2] is not None else NA for r in rows])
    got = ev("(p and q) or not r", p=p, q=q, r=r)
    want = [_kleene_or(_kleene_and(a, c), None if d is None else not d) for a, c, d in rows]
    assert got == want
    # De Morgan holds under Kleene logic
    assert ev("not (p and q)", p=p, q=q) == ev("not p or not q", p=p, q=q)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False)), min_size=1, max_size=30),
    st.floats(-1e6, 1e6, allow_nan=False),
)
def test_library_expr_property_comparison_matches_python(xs: list, k: float) -> None:
    x = f(*xs)
    got = ev(f"x > {k!r} or x == {k!r}", x=x)
    want = [None if v is None else v >= k for v in xs]
    assert got == want
    got_arith = ev(f"x * 2 - {k!r}", x=x)
    for g, v in zip(got_arith, xs, strict=True):
        assert (g is None) if v is None else g == pytest.approx(v * 2 - k)


def test_library_expr_evaluate_bool_coerces_numbers_not_text() -> None:
    x = f(2.0, 0.0, None)
    assert parse("x").evaluate_bool({"x": x}).tolist() == [True, False, NA]
    with pytest.raises(LibraryError, match="yes/no"):
        parse("'a'").evaluate_bool({"x": x})


def test_library_expr_text_equality_between_columns() -> None:
    c = pd.Series(["1", "a", None, "2.0", "b"], dtype=object)
    d = pd.Series([1.0, None, 3.0, 2.0, 5.0])
    assert ev("c == d", c=c, d=d) == [True, None, None, True, False]
    assert ev("'a' == c", c=c) == [False, True, None, False, False]
    assert ev("c != d", c=c, d=d) == [False, None, None, False, True]
