"""A small, safe, vectorised evaluator for the XLSForm ``relevant`` subset.

Supported (what skip logic in Kobo / ODK forms is made of, in practice):

- references ``${q}``; string literals ``'x'`` / ``"x"``; numbers ``15``, ``2.5``
- comparisons ``=  !=  <  <=  >  >=``; ``and``, ``or``, ``not(...)``; parentheses
- arithmetic ``+  -  *  div  mod`` and unary minus
- ``selected(${q}, 'x')``, ``count-selected(${q})``, ``string-length(${q})``, ``true()``,
  ``false()``

Semantics follow XPath 1.0 as Kobo applies them: an unanswered question is the empty string ``''``;
``${q} = '1'`` is false when ``q`` is blank and ``${q} != '1'`` true; a comparison with a number
converts both sides to numbers (blank → NaN, so every comparison but ``!=`` is false). A numeric
column compared with a string literal that is a number compares as numbers (``1.0`` equals ``'1'``,
as the exported text ``1`` would). Anything outside the subset raises :class:`Unsupported`, and the
caller reports the rule as not evaluated — never guessed. The text is tokenised and parsed here;
nothing is passed to ``eval``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

#: name → the column's values aligned on the rows checked, or None when unknown
Resolver = Callable[[str], "pd.Series | None"]


class Unsupported(Exception):
    """The expression uses something outside the subset, or a question the data do not hold."""


_TOKEN = re.compile(
    r"""\s*(?:
      (?P<ref>\$\{\s*[A-Za-z_][\w.\-]*\s*\})
    | (?P<num>\d+(?:\.\d*)?|\.\d+)
    | (?P<str>'[^']*'|"[^"]*")
    | (?P<op><=|>=|!=|=|<|>|\+|-|\*|\(|\)|,)
    | (?P<name>[A-Za-z_][\w\-]*)
    )""",
    re.VERBOSE,
)


def tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise Unsupported(text[pos:])
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def references(text: str) -> list[str]:
    """The question names ``${q}`` the expression refers to, in order of appearance."""
    return [m.strip()[2:-1].strip() for m in re.findall(r"\$\{[^}]*\}", text)]


@dataclass
class _Val:
    """A vectorised value: ``num`` (float, NaN for blank/not a number), ``text`` (object array of
    str, '' for blank; None when not needed/derivable), ``boolean`` (bool array) when logical."""

    num: np.ndarray | None = None
    text: np.ndarray | None = None
    boolean: np.ndarray | None = None
    #: literal numbers and arithmetic results compare as numbers
    numeric: bool = False
    #: a column whose stored values are numbers
    numeric_column: bool = False

    def as_bool(self) -> np.ndarray:
        if self.boolean is not None:
            return self.boolean
        if self.numeric and self.num is not None:
            return np.nan_to_num(self.num, nan=0.0) != 0
        if self.text is not None:
            return self.text != ""
        assert self.num is not None
        return ~np.isnan(self.num)

    def as_num(self) -> np.ndarray:
        if self.num is not None:
            return self.num
        if self.boolean is not None:
            return self.boolean.astype(float)
        assert self.text is not None
        return pd.to_numeric(pd.Series(self.text), errors="coerce").to_numpy(dtype=float)

    def as_text(self) -> np.ndarray:
        if self.text is not None:
            return self.text
        if self.boolean is not None:
            return np.where(self.boolean, "true", "false").astype(object)
        assert self.num is not None
        return _num_text(self.num)


def _num_text(num: np.ndarray) -> np.ndarray:
    s = pd.Series(num)
    whole = np.isfinite(num) & (np.floor(num) == num)
    out = s.astype(object).map(lambda v: "" if pd.isna(v) else repr(float(v)))
    out[whole] = s[whole].astype(np.int64).astype(str)
    return out.to_numpy(dtype=object)


def column_value(s: pd.Series) -> _Val:
    if s.dtype.kind in "fiub":
        return _Val(num=s.to_numpy(dtype=float, na_value=np.nan), numeric_column=True)
    if s.dtype.kind == "M":
        return _Val(text=s.dt.strftime("%Y-%m-%d").fillna("").to_numpy(dtype=object))
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    stripped = np.append(pd.Index(uniques).astype(str).str.strip().to_numpy(dtype=object), "")
    return _Val(text=stripped[np.where(codes >= 0, codes, len(uniques))])


class _Parser:
    def __init__(self, text: str, resolve: Resolver, n: int) -> None:
        self.toks = tokens(text)
        self.i = 0
        self.resolve = resolve
        self.n = n

    def peek(self) -> tuple[str, str] | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        tok = self.peek()
        if tok is None or (value is not None and tok[1] != value):
            raise Unsupported(value or "end")
        self.i += 1
        return tok

    def at(self, *values: str) -> bool:
        tok = self.peek()
        return tok is not None and tok[1] in values and tok[0] in ("op", "name")

    def parse(self) -> np.ndarray:
        val = self.or_()
        if self.peek() is not None:
            raise Unsupported(self.peek()[1])  # type: ignore[index]
        return val.as_bool()

    def or_(self) -> _Val:
        val = self.and_()
        while self.at("or"):
            self.take()
            val = _Val(boolean=val.as_bool() | self.and_().as_bool())
        return val

    def and_(self) -> _Val:
        val = self.cmp()
        while self.at("and"):
            self.take()
            val = _Val(boolean=val.as_bool() & self.cmp().as_bool())
        return val

    def cmp(self) -> _Val:
        left = self.add()
        if self.at("=", "!=", "<", "<=", ">", ">="):
            op = self.take()[1]
            return _Val(boolean=compare(left, op, self.add()))
        return left

    def add(self) -> _Val:
        val = self.mul()
        while self.at("+", "-"):
            op = self.take()[1]
            b = self.mul().as_num()
            a = val.as_num()
            val = _Val(num=a + b if op == "+" else a - b, numeric=True)
        return val

    def mul(self) -> _Val:
        val = self.unary()
        while self.at("*", "div", "mod"):
            op = self.take()[1]
            a, b = val.as_num(), self.unary().as_num()
            with np.errstate(divide="ignore", invalid="ignore"):
                r = a * b if op == "*" else (a / b if op == "div" else np.fmod(a, b))
            val = _Val(num=r, numeric=True)
        return val

    def unary(self) -> _Val:
        if self.at("-"):
            self.take()
            return _Val(num=-self.unary().as_num(), numeric=True)
        return self.primary()

    def primary(self) -> _Val:
        kind, text = self.take()
        if kind == "num":
            return _Val(num=np.full(self.n, float(text)), numeric=True)
        if kind == "str":
            lit = text[1:-1]
            try:
                num = float(lit) if lit.strip() else np.nan
            except ValueError:
                num = np.nan
            return _Val(num=np.full(self.n, num), text=np.full(self.n, lit, dtype=object))
        if kind == "ref":
            return column_value(self.column(text[2:-1].strip()))
        if text == "(":
            val = self.or_()
            self.take(")")
            return val
        if kind == "name":
            return self.call(text)
        raise Unsupported(text)

    def column(self, name: str) -> pd.Series:
        s = self.resolve(name)
        if s is None:
            raise Unsupported(name)
        return s

    def args(self) -> list[tuple[str, _Val]]:
        self.take("(")
        out: list[tuple[str, _Val]] = []
        if self.at(")"):
            self.take()
            return out
        while True:
            tok = self.peek()
            ref = tok[1][2:-1].strip() if tok is not None and tok[0] == "ref" else ""
            out.append((ref, self.or_()))
            if self.at(","):
                self.take()
                continue
            self.take(")")
            return out

    def call(self, name: str) -> _Val:
        if name in ("true", "false"):
            self.args()
            return _Val(boolean=np.full(self.n, name == "true"))
        args = self.args()
        if name == "not" and len(args) == 1:
            return _Val(boolean=~args[0][1].as_bool())
        if name == "selected" and len(args) == 2 and args[0][0]:
            return _Val(boolean=self.selected(args[0][0], args[0][1], args[1][1]))
        if name == "count-selected" and len(args) == 1:
            text = pd.Series(args[0][1].as_text()).str.split()
            return _Val(num=text.str.len().fillna(0).to_numpy(dtype=float), numeric=True)
        if name == "string-length" and len(args) == 1:
            text = pd.Series(args[0][1].as_text())
            return _Val(num=text.str.len().to_numpy(dtype=float), numeric=True)
        raise Unsupported(name)

    def selected(self, question: str, val: _Val, option: _Val) -> np.ndarray:
        code = str(option.as_text()[0]) if self.n else ""
        if val.numeric_column:  # a select_one stored as a number
            return val.as_num() == _to_float(code)
        padded = " " + pd.Series(val.as_text(), dtype=object).astype(str) + " "
        return padded.str.contains(f" {code} ", regex=False).to_numpy(dtype=bool)


def _to_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return np.nan


def compare(a: _Val, op: str, b: _Val) -> np.ndarray:
    numbers = op in ("<", "<=", ">", ">=") or a.numeric or b.numeric
    numbers = numbers or a.numeric_column or b.numeric_column
    if numbers:
        x, y = a.as_num(), b.as_num()
        with np.errstate(invalid="ignore"):
            r = {
                "=": x == y,
                "!=": x != y,
                "<": x < y,
                "<=": x <= y,
                ">": x > y,
                ">=": x >= y,
            }[op]
        return np.asarray(r, dtype=bool)
    x, y = a.as_text(), b.as_text()
    return np.asarray(x == y if op == "=" else x != y, dtype=bool)


def evaluate_relevant(text: str, resolve: Resolver, n: int) -> np.ndarray:
    """True where the question is asked. Raises :class:`Unsupported` outside the subset."""
    if not text.strip():
        return np.ones(n, dtype=bool)
    return _Parser(text, resolve, n).parse()


def column_resolver(frames: list[pd.DataFrame]) -> Resolver:
    """A resolver over columns of ``frames`` (all aligned on the same rows), first match wins.
    A select_multiple question with no summary column is rebuilt from its option columns."""

    def resolve(name: str) -> pd.Series | None:
        for f in frames:
            if name in f.columns:
                return f[name]
        for f in frames:
            for sep in ("/", "_", "."):
                opts = [c for c in f.columns if isinstance(c, str) and c.startswith(name + sep)]
                opts = [c for c in opts if f[c].dtype.kind in "fiub"]
                if opts:
                    return _summary(f, opts, len(name) + 1)
        return None

    return resolve


def _summary(f: pd.DataFrame, cols: list[str], cut: int) -> pd.Series:
    parts = [np.where(f[c].to_numpy(dtype=float, na_value=np.nan) == 1, c[cut:], "") for c in cols]
    joined = pd.Series([" ".join(p for p in row if p) for row in zip(*parts, strict=True)])
    return joined.where(f[cols[0]].notna().to_numpy(), None)
