"""A small, safe, vectorised expression language over named inputs.

Indicator numerators, universes and denominators (and custom indicators in analysis plans) are
written in this language over the *named inputs* of ``indicator_library/inputs.toml`` — never over
dataset column names. The text is parsed with Python's :mod:`ast` and only whitelisted nodes are
accepted; nothing is ever passed to ``eval``.

Syntax
------
- literals: numbers (``15``, ``2.5``), strings (``'urban'``), ``True`` / ``False``
- names: inputs (``age``, ``feels_safe_walking_alone``)
- boolean: ``a and b``, ``a or b``, ``not a``
- comparisons: ``==  !=  <  <=  >  >=``, chained (``6 <= age <= 11``)
- membership: ``x in (1, 2, 3)``, ``x not in ['a', 'b']`` (literal tuples / lists only)
- arithmetic: ``+  -  *  /`` and unary minus; parentheses
- functions: ``count_true(a, b, ...)``, ``any_of(a, b, ...)``, ``all_of(a, b, ...)``,
  ``between(x, lo, hi)``, ``isnull(x)``, ``notnull(x)``, ``coalesce(a, b, ...)``

Semantics (three-valued, Kleene)
--------------------------------
Every value is a column (a ``pd.Series`` aligned on the rows of the inputs). A *missing* value
(NaN / None / ``pd.NA``) means "unknown":

- boolean results have pandas' nullable ``boolean`` dtype; ``and`` / ``or`` / ``not`` follow Kleene
  logic: ``False and NA`` is False, ``True and NA`` is NA, ``True or NA`` is True, ``False or NA``
  is NA, ``not NA`` is NA.
- a comparison or membership test with a missing operand is missing.
- arithmetic results are ``float64`` with NaN for missing; ``x / 0`` is NaN (not ±inf).
- booleans in arithmetic count as 1.0 / 0.0; numbers in a boolean context are true when non-zero
  (NaN stays missing). Strings in a boolean or arithmetic context are an error.
- ``==`` / ``!=`` / ``in`` between text and numbers compare canonical text (``1``, ``1.0`` and
  ``'1'`` are equal), so survey codes stored as text or numbers behave alike. Ordering
  comparisons (``<`` …) on text columns convert them to numbers first; text that is not a number
  becomes missing.
- ``count_true(...)``: the number of true arguments (float); missing if any argument is missing.
- ``any_of(...)`` / ``all_of(...)``: Kleene ``or`` / ``and`` over the arguments.
- ``between(x, lo, hi)``: ``lo <= x <= hi`` (both ends inclusive).
- ``isnull(x)`` / ``notnull(x)``: never missing.
- ``coalesce(a, b, ...)``: the first non-missing argument, row by row (e.g. ``coalesce(x, False)``
  treats "missing by design" as false).

Limits
------
An expression is refused, at once and with its own message, when it is longer than
:data:`MAX_CHARS` characters, has more than :data:`MAX_NODES` operations and operands, or nests
deeper than :data:`MAX_DEPTH` levels (``not not … x``, ``((…))``, ``a + (b + (c + …))``). Real
indicators use a few dozen nodes; the limits keep a pasted or generated expression from making
an analysis run for minutes (a 100,000-term sum took 34 s) or exhausting the parser's stack.

:meth:`Expr.evaluate` returns a boolean (nullable) or float series; :meth:`Expr.evaluate_float`
always returns ``float64`` (booleans as 1.0 / 0.0, missing as NaN) — the analysis-frame convention.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from workbench.errors import LibraryError
from workbench.library.expr_eval import Evaluator, ValueType, to_float

#: the limits of one expression (see "Limits" above; docs/plans.md)
MAX_CHARS = 20_000
MAX_NODES = 2_000
MAX_DEPTH = 100

FUNCTIONS: dict[str, tuple[int, int | None]] = {
    # name: (min args, max args or None)
    "count_true": (1, None),
    "any_of": (1, None),
    "all_of": (1, None),
    "between": (3, 3),
    "isnull": (1, 1),
    "notnull": (1, 1),
    "coalesce": (1, None),
}

_CMP_OPS: dict[type[ast.cmpop], str] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.In: "in",
    ast.NotIn: "not in",
}
_BIN_OPS: dict[type[ast.operator], str] = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}

_NODE_WORDS: dict[type[ast.AST], str] = {
    ast.Pow: "'**'",
    ast.Mod: "'%'",
    ast.FloorDiv: "'//'",
    ast.Attribute: "attribute access '.'",
    ast.Subscript: "indexing '[...]'",
    ast.Lambda: "'lambda'",
    ast.IfExp: "'if ... else'",
    ast.Is: "'is'",
    ast.IsNot: "'is not'",
    ast.Dict: "a dict",
    ast.Set: "a set",
    ast.ListComp: "a comprehension",
    ast.GeneratorExp: "a comprehension",
    ast.NamedExpr: "':='",
    ast.BitAnd: "'&' (use 'and')",
    ast.BitOr: "'|' (use 'or')",
    ast.Invert: "'~' (use 'not')",
    ast.JoinedStr: "an f-string",
}


# --------------------------------------------------------------------------- parsed tree
@dataclass(frozen=True)
class Node:
    """A node of the parsed expression (an internal, whitelisted mirror of the ast)."""

    #: name | const | and | or | not | neg | cmp | in | notin | arith | call
    op: str
    args: tuple[Node, ...] = ()
    value: Any = (
        None  # name, constant, comparison / arithmetic operator, function name, literal set
    )


@dataclass(frozen=True)
class Expr:
    """A parsed expression. Build with :func:`parse`."""

    text: str
    root: Node = field(repr=False)

    @property
    def inputs(self) -> frozenset[str]:
        """The input names the expression reads."""
        out: set[str] = set()
        stack = [self.root]
        while stack:
            n = stack.pop()
            if n.op == "name":
                out.add(n.value)
            stack.extend(n.args)
        return frozenset(out)

    @property
    def is_constant(self) -> bool:
        return not self.inputs

    def result_type(self, input_types: Mapping[str, ValueType] | None = None) -> ValueType:
        """Static type of the result: ``bool``, ``number``, ``text`` or ``any`` (unknown)."""
        return _type_of(self.root, input_types or {})

    def evaluate(self, env: Mapping[str, pd.Series], index: pd.Index | None = None) -> pd.Series:
        """Evaluate over columns. ``env`` maps input names to aligned series.

        A value in ``env`` may also be a scalar (a constant such as a poverty line), broadcast
        to every row. Raises :class:`LibraryError` if an input is absent from ``env`` or a value
        has the wrong kind (text where a number or yes/no is needed). ``index`` is needed only
        when ``env`` holds no series.
        """
        missing = sorted(self.inputs - set(env))
        if missing:
            raise LibraryError.of(
                "library.expression_inputs_missing",
                text=self.text,
                inputs=", ".join(missing),
                count=len(missing),
            )
        if index is None:
            first = next((v for v in env.values() if isinstance(v, pd.Series)), None)
            if first is None:
                raise LibraryError.of("library.expression_no_rows", text=self.text)
            index = first.index
        return Evaluator(self.text, env, index).value(self.root)

    def evaluate_bool(
        self, env: Mapping[str, pd.Series], index: pd.Index | None = None
    ) -> pd.Series:
        """Like :meth:`evaluate` but always nullable ``boolean`` (numbers: true when non-zero);
        raises :class:`LibraryError` if the result is text."""
        out = self.evaluate(env, index)
        return Evaluator(self.text, env, out.index).as_bool(out, "the result")

    def evaluate_float(
        self, env: Mapping[str, pd.Series], index: pd.Index | None = None
    ) -> pd.Series:
        """Like :meth:`evaluate` but always ``float64``: true → 1.0, false → 0.0, missing → NaN."""
        return to_float(self.evaluate(env, index))

    def __str__(self) -> str:
        return self.text


# --------------------------------------------------------------------------- parsing
def parse(text: str) -> Expr:
    """Parse ``text`` into an :class:`Expr`; raise :class:`LibraryError` naming the bad token."""
    if not isinstance(text, str) or not text.strip():
        raise LibraryError.of("library.expression_empty")
    src = " ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    if len(src) > MAX_CHARS:
        raise LibraryError.of(
            "library.expression_too_long", start=_start(src), length=len(src), limit=MAX_CHARS
        )
    try:
        tree = ast.parse(src, mode="eval")
    except SyntaxError as exc:
        if "too many nested" in str(exc.msg):
            raise _too_deep(src) from None
        col = (exc.offset or 1) - 1
        near = src[col : col + 12] or src[-12:]
        raise LibraryError.of("library.expression_syntax", src=src, near=near) from None
    except (RecursionError, MemoryError):  # the parser's own stack, before ours
        raise _too_deep(src) from None
    return Expr(text=src, root=_Converter(src).convert(tree.body))


def _start(src: str) -> str:
    return src if len(src) <= 60 else src[:57] + "…"


def _too_deep(src: str) -> LibraryError:
    return LibraryError.of("library.expression_too_deep", start=_start(src), limit=MAX_DEPTH)


class _Converter:
    def __init__(self, src: str) -> None:
        self.src = src
        self.nodes = 0
        self.depth = 0

    def bad(self, node: ast.AST, what: str | None = None) -> LibraryError:
        seg = ast.get_source_segment(self.src, node) or type(node).__name__
        what = what or _NODE_WORDS.get(type(node)) or f"'{seg}'"
        return LibraryError.of("library.expression_not_allowed", src=self.src, what=what, seg=seg)

    def convert(self, node: ast.AST) -> Node:
        """The whitelisted mirror of ``node``, counting nodes and depth against the limits."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise LibraryError.of(
                "library.expression_too_complex", start=_start(self.src), limit=MAX_NODES
            )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _too_deep(self.src)
        try:
            return self._convert(node)
        finally:
            self.depth -= 1

    def _convert(self, node: ast.AST) -> Node:
        if isinstance(node, ast.Name):
            if node.id in FUNCTIONS:
                raise self.bad(node, f"function name '{node.id}' used without arguments")
            return Node("name", value=node.id)
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, bool | int | float | str) and not isinstance(v, complex):
                return Node("const", value=v)
            raise self.bad(node)
        if isinstance(node, ast.BoolOp):
            op = "and" if isinstance(node.op, ast.And) else "or"
            return Node(op, tuple(self.convert(v) for v in node.values))
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):
                return Node("not", (self.convert(node.operand),))
            if isinstance(node.op, ast.USub):
                inner = self.convert(node.operand)
                if (
                    inner.op == "const"
                    and isinstance(inner.value, int | float)
                    and not isinstance(inner.value, bool)
                ):
                    return Node("const", value=-inner.value)
                return Node("neg", (inner,))
            if isinstance(node.op, ast.UAdd):
                return self.convert(node.operand)
            raise self.bad(node.op if type(node.op) in _NODE_WORDS else node)
        if isinstance(node, ast.BinOp):
            sym = _BIN_OPS.get(type(node.op))
            if sym is None:
                raise self.bad(node, _NODE_WORDS.get(type(node.op)))
            return Node("arith", (self.convert(node.left), self.convert(node.right)), sym)
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        raise self.bad(node)

    def compare(self, node: ast.Compare) -> Node:
        parts: list[Node] = []
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            sym = _CMP_OPS.get(type(op))
            if sym is None:
                raise self.bad(node, _NODE_WORDS.get(type(op)))
            if sym in ("in", "not in"):
                values = self.literal_set(right)
                parts.append(Node("in" if sym == "in" else "notin", (self.convert(left),), values))
            else:
                parts.append(Node("cmp", (self.convert(left), self.convert(right)), sym))
            left = right
        return parts[0] if len(parts) == 1 else Node("and", tuple(parts))

    def literal_set(self, node: ast.AST) -> tuple[Any, ...]:
        if not isinstance(node, ast.Tuple | ast.List):
            raise self.bad(node, "'in' needs a literal list or tuple, e.g. x in (1, 2)")
        out: list[Any] = []
        for elt in node.elts:  # one vectorised test, however long: not counted as nodes
            negative = isinstance(elt, ast.UnaryOp) and isinstance(elt.op, ast.USub)
            if negative or isinstance(elt, ast.Constant):
                elt_node = self._convert(elt)
            else:
                raise self.bad(elt, "only literal numbers or strings inside 'in (...)'")
            if elt_node.op != "const":
                raise self.bad(elt, "only literal numbers or strings inside 'in (...)'")
            out.append(elt_node.value)
        return tuple(out)

    def call(self, node: ast.Call) -> Node:
        if not isinstance(node.func, ast.Name):
            raise self.bad(node.func, "only the built-in functions may be called")
        name = node.func.id
        if name not in FUNCTIONS:
            known = ", ".join(sorted(FUNCTIONS))
            raise self.bad(node.func, f"unknown function '{name}' (known: {known})")
        if node.keywords:
            raise self.bad(node.keywords[0].value, f"keyword arguments in '{name}(...)'")
        lo, hi = FUNCTIONS[name]
        n = len(node.args)
        if n < lo or (hi is not None and n > hi):
            want = str(lo) if lo == hi else f"at least {lo}"
            raise self.bad(node, f"'{name}' takes {want} argument(s), got {n}")
        for a in node.args:
            if isinstance(a, ast.Starred):
                raise self.bad(a, "'*' arguments")
        return Node("call", tuple(self.convert(a) for a in node.args), name)


# --------------------------------------------------------------------------- static types
def _type_of(n: Node, types: Mapping[str, ValueType]) -> ValueType:
    if n.op == "name":
        return types.get(n.value, "any")
    if n.op == "const":
        v = n.value
        return "bool" if isinstance(v, bool) else "text" if isinstance(v, str) else "number"
    if n.op in ("and", "or", "not", "cmp", "in", "notin"):
        return "bool"
    if n.op in ("neg", "arith"):
        return "number"
    if n.value in ("any_of", "all_of", "between", "isnull", "notnull"):
        return "bool"
    if n.value == "count_true":
        return "number"
    kinds = {_type_of(a, types) for a in n.args}  # coalesce
    return kinds.pop() if len(kinds) == 1 else "any"


__all__ = ["FUNCTIONS", "Expr", "Node", "ValueType", "parse", "to_float"]
