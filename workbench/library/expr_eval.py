"""Vectorised evaluation of parsed expressions (semantics: see :mod:`workbench.library.expr`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from workbench.errors import LibraryError

if TYPE_CHECKING:
    from workbench.library.expr import Node

ValueType = Literal["bool", "number", "text", "any"]


# --------------------------------------------------------------------------- evaluation
def to_float(s: pd.Series) -> pd.Series:
    """A boolean / numeric series as ``float64`` with NaN for missing."""
    if isinstance(s.dtype, pd.BooleanDtype) or s.dtype == bool:
        return s.astype("Float64").astype("float64")
    return pd.to_numeric(s, errors="coerce").astype("float64")


def canon_code(v: Any) -> Any:
    """Canonical text of a code so that 1, 1.0 and '1' compare equal; missing stays missing."""
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, bool | np.bool_):
        return "1" if v else "0"
    if isinstance(v, int | np.integer):
        return str(int(v))
    if isinstance(v, float | np.floating):
        f = float(v)
        return str(int(f)) if f.is_integer() else repr(f)
    s = str(v).strip()
    try:
        f = float(s)
    except ValueError:
        return s
    if np.isfinite(f):
        return str(int(f)) if f.is_integer() else repr(f)
    return s


def _canon_codes(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, canonical uniques)`` of a column: :func:`canon_code` runs once per distinct value,
    so text comparisons stay fast on large data. Missing values get code -1."""
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    canon = np.array([canon_code(u) for u in uniques], dtype=object)
    return np.asarray(codes), canon


def _bool_series(values: np.ndarray, missing: np.ndarray, index: pd.Index) -> pd.Series:
    arr = pd.arrays.BooleanArray(np.asarray(values, dtype=bool), np.asarray(missing, dtype=bool))
    return pd.Series(arr, index=index)


class Evaluator:
    def __init__(self, text: str, env: Mapping[str, pd.Series], index: pd.Index) -> None:
        self.text = text
        self.env = env
        self.index = index

    def err(self, msg: str) -> LibraryError:
        return LibraryError.of("library.expression_error", text=self.text, msg=msg)

    # ---- coercions
    def series(self, v: Any) -> pd.Series:
        if isinstance(v, pd.Series):
            return v
        if isinstance(v, bool):
            return pd.Series(v, index=self.index, dtype="boolean")
        if isinstance(v, int | float):
            return pd.Series(float(v), index=self.index, dtype="float64")
        return pd.Series([v] * len(self.index), index=self.index, dtype=object)

    def kind(self, s: pd.Series) -> ValueType:
        if isinstance(s.dtype, pd.BooleanDtype) or s.dtype == bool:
            return "bool"
        if pd.api.types.is_numeric_dtype(s.dtype):
            return "number"
        return "text"

    def as_bool(self, v: Any, what: str) -> pd.Series:
        s = self.series(v)
        k = self.kind(s)
        if k == "bool":
            return s.astype("boolean")
        if k == "number":
            f = s.to_numpy(dtype="float64", na_value=np.nan)
            return _bool_series(f != 0, np.isnan(f), s.index)
        nonnull = s.dropna()
        if nonnull.empty:
            return pd.Series(pd.NA, index=s.index, dtype="boolean")
        raise self.err(f"{what} must be yes/no but holds text (e.g. '{nonnull.iloc[0]}').")

    def as_num(self, v: Any, what: str) -> pd.Series:
        s = self.series(v)
        k = self.kind(s)
        if k in ("bool", "number"):
            return to_float(s)
        nonnull = s.dropna()
        conv = pd.to_numeric(s, errors="coerce").astype("float64")
        if nonnull.empty or conv.notna().sum() == len(nonnull):
            return conv
        bad = nonnull[conv.loc[nonnull.index].isna()].iloc[0]
        raise self.err(f"{what} must be a number but holds text (e.g. '{bad}').")

    # ---- dispatch
    def value(self, n: Node) -> pd.Series:
        return self.series(self.raw(n))

    def raw(self, n: Node) -> Any:
        op = n.op
        if op == "name":
            s = self.env[n.value]
            return s if isinstance(s, pd.Series) else self.series(s)
        if op == "const":
            return n.value
        if op == "and" or op == "or":
            acc = self.as_bool(self.raw(n.args[0]), f"operand of '{op}'")
            for a in n.args[1:]:
                nxt = self.as_bool(self.raw(a), f"operand of '{op}'")
                acc = (acc & nxt) if op == "and" else (acc | nxt)
            return acc
        if op == "not":
            return ~self.as_bool(self.raw(n.args[0]), "operand of 'not'")
        if op == "neg":
            return -self.as_num(self.raw(n.args[0]), "operand of '-'")
        if op == "arith":
            return self.arith(n)
        if op == "cmp":
            return self.compare(self.raw(n.args[0]), self.raw(n.args[1]), n.value)
        if op in ("in", "notin"):
            res = self.member(self.raw(n.args[0]), n.value)
            return ~res if op == "notin" else res
        return self.call(n)

    def arith(self, n: Node) -> pd.Series:
        a = self.as_num(self.raw(n.args[0]), f"operand of '{n.value}'")
        b = self.as_num(self.raw(n.args[1]), f"operand of '{n.value}'")
        if n.value == "+":
            return a + b
        if n.value == "-":
            return a - b
        if n.value == "*":
            return a * b
        with np.errstate(divide="ignore", invalid="ignore"):
            out = a / b
        return out.where(b != 0)

    def is_textual(self, v: Any) -> bool:
        return isinstance(v, str) or (isinstance(v, pd.Series) and self.kind(v) == "text")

    def compare(self, left: Any, right: Any, sym: str) -> pd.Series:
        ls, rs = self.series(left), self.series(right)
        if sym in ("==", "!=") and (self.is_textual(left) or self.is_textual(right)):
            eq, miss = self.text_equal(left, right)
            return _bool_series(eq if sym == "==" else ~eq, miss, self.index)
        if sym in ("==", "!=") and self.kind(ls) == "bool" and self.kind(rs) == "bool":
            lb, rb = ls.astype("boolean"), rs.astype("boolean")
            return (lb == rb) if sym == "==" else (lb != rb)
        lf = (
            pd.to_numeric(ls, errors="coerce").astype("float64")
            if self.kind(ls) == "text"
            else None
        )
        rf = (
            pd.to_numeric(rs, errors="coerce").astype("float64")
            if self.kind(rs) == "text"
            else None
        )
        a = lf if lf is not None else self.as_num(ls, f"left side of '{sym}'")
        b = rf if rf is not None else self.as_num(rs, f"right side of '{sym}'")
        fn: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
            "==": np.equal,
            "!=": np.not_equal,
            "<": np.less,
            "<=": np.less_equal,
            ">": np.greater,
            ">=": np.greater_equal,
        }
        av, bv = a.to_numpy(dtype=float), b.to_numpy(dtype=float)
        with np.errstate(invalid="ignore"):
            return _bool_series(fn[sym](av, bv), np.isnan(av) | np.isnan(bv), self.index)

    def text_equal(self, left: Any, right: Any) -> tuple[np.ndarray, np.ndarray]:
        """Row-wise equality of canonical codes: ``(equal, missing)`` arrays."""
        if not isinstance(left, pd.Series):
            left, right = right, left
        lcodes, lcanon = _canon_codes(self.series(left))
        if not isinstance(right, pd.Series):
            k = canon_code(right)
            if k is None:
                return np.zeros(len(lcodes), bool), np.ones(len(lcodes), bool)
            hit = np.append(lcanon == k, False)
            return hit[lcodes], lcodes < 0
        rcodes, rcanon = _canon_codes(self.series(right))
        lv = np.array([*lcanon, None], dtype=object)[lcodes]
        rv = np.array([*rcanon, None], dtype=object)[rcodes]
        return lv == rv, (lcodes < 0) | (rcodes < 0)

    def member(self, v: Any, values: tuple[Any, ...]) -> pd.Series:
        wanted = {canon_code(x) for x in values}
        codes, canon = _canon_codes(self.series(v))
        hit = np.array([c in wanted for c in canon] + [False], dtype=bool)
        return _bool_series(hit[codes], codes < 0, self.index)

    def call(self, n: Node) -> pd.Series:
        name: str = n.value
        if name in ("isnull", "notnull"):
            s = self.value(n.args[0])
            isna = s.isna().to_numpy()
            return pd.Series(isna if name == "isnull" else ~isna, index=self.index, dtype="boolean")
        if name == "between":
            x, lo, hi = (self.raw(a) for a in n.args)
            return self.compare(x, lo, ">=") & self.compare(x, hi, "<=")
        if name in ("any_of", "all_of"):
            parts = [self.as_bool(self.raw(a), f"argument of '{name}'") for a in n.args]
            acc = parts[0]
            for p in parts[1:]:
                acc = (acc | p) if name == "any_of" else (acc & p)
            return acc
        if name == "count_true":
            parts = [self.as_bool(self.raw(a), "argument of 'count_true'") for a in n.args]
            total = sum(to_float(p) for p in parts)
            return self.series(total).astype("float64")
        # coalesce
        vals = [self.value(a) for a in n.args]
        kinds = {self.kind(v) for v in vals}
        if kinds <= {"bool"}:
            out = vals[0].astype("boolean")
            for v in vals[1:]:
                out = out.fillna(v.astype("boolean"))
            return out
        if kinds <= {"bool", "number"}:
            outf = to_float(vals[0])
            for v in vals[1:]:
                outf = outf.fillna(to_float(v))
            return outf
        outo = vals[0].astype(object)
        for v in vals[1:]:
            outo = outo.where(outo.notna(), v.astype(object))
        return outo
