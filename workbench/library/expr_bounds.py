"""The range of one input an expression allows: ``age >= 15 and worked`` → ages 15 and over.

An indicator's universe often bounds an age (``age >= 15``, ``between(age, 15, 24)``,
``6 <= age <= 11``); a report's age groups then name only the ages in the universe ("15–17",
not "5–17", for the labour force). :func:`bounds` reads those bounds from the parsed expression
without evaluating it, and says nothing it cannot prove: a bound inside ``not``, inside
arithmetic or on only one side of an ``or`` is no bound.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from workbench.library.expr import Expr, Node


@dataclass(frozen=True)
class Bounds:
    """``low`` ≤ x ≤ ``high`` (``strict``: < instead of ≤ at that end); infinite = no bound."""

    low: float = -math.inf
    high: float = math.inf
    low_strict: bool = False
    high_strict: bool = False

    @property
    def bounded(self) -> bool:
        return self.low > -math.inf or self.high < math.inf

    def meet(self, other: Bounds) -> Bounds:
        """Both at once (``and``): the higher low end, the lower high end."""
        low, low_strict = _end(self.low, self.low_strict, other.low, other.low_strict, max, any)
        high, high_strict = _end(
            self.high, self.high_strict, other.high, other.high_strict, min, any
        )
        return Bounds(low, high, low_strict, high_strict)

    def join(self, other: Bounds) -> Bounds:
        """Either (``or``): the smallest range holding both."""
        low, low_strict = _end(self.low, self.low_strict, other.low, other.low_strict, min, all)
        high, high_strict = _end(
            self.high, self.high_strict, other.high, other.high_strict, max, all
        )
        return Bounds(low, high, low_strict, high_strict)


def _end(
    a: float,
    a_strict: bool,
    b: float,
    b_strict: bool,
    pick: Callable[[float, float], float],
    strict: Callable[[Iterable[bool]], bool],
) -> tuple[float, bool]:
    """One end of two ranges put together: the value ``pick`` chooses, strict when the range(s)
    ending there are (``strict``: any for an intersection, all for a union)."""
    if a == b:
        return a, strict((a_strict, b_strict))
    return (a, a_strict) if pick(a, b) == a else (b, b_strict)


EVERYTHING = Bounds()
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "=="}


def bounds(expr: Expr | None, names: frozenset[str] | set[str]) -> Bounds:
    """What ``expr`` being true says about the input(s) ``names`` (one quantity under several
    input names, e.g. the same age column mapped twice)."""
    if expr is None:
        return EVERYTHING
    return _bounds(expr.root, frozenset(names))


def _number(n: Node) -> float | None:
    if n.op == "const" and isinstance(n.value, int | float) and not isinstance(n.value, bool):
        return float(n.value)
    return None


def _is(n: Node, names: frozenset[str]) -> bool:
    return n.op == "name" and n.value in names


def _compare(sym: str, value: float) -> Bounds:
    if sym == ">=":
        return Bounds(low=value)
    if sym == ">":
        return Bounds(low=value, low_strict=True)
    if sym == "<=":
        return Bounds(high=value)
    if sym == "<":
        return Bounds(high=value, high_strict=True)
    if sym == "==":
        return Bounds(value, value)
    return EVERYTHING


def _bounds(n: Node, names: frozenset[str]) -> Bounds:
    if n.op == "and":
        out = EVERYTHING
        for a in n.args:
            out = out.meet(_bounds(a, names))
        return out
    if n.op == "or":
        parts = [_bounds(a, names) for a in n.args]
        out = parts[0]
        for p in parts[1:]:
            out = out.join(p)
        return out
    if n.op == "cmp":
        left, right = n.args
        if _is(left, names) and (v := _number(right)) is not None:
            return _compare(str(n.value), v)
        if _is(right, names) and (v := _number(left)) is not None:
            return _compare(_FLIP.get(str(n.value), "!="), v)
        return EVERYTHING
    if n.op == "call" and n.value == "between" and _is(n.args[0], names):
        lo, hi = _number(n.args[1]), _number(n.args[2])
        if lo is not None and hi is not None:
            return Bounds(lo, hi)
    if n.op == "in" and _is(n.args[0], names):
        values = [float(v) for v in n.value if isinstance(v, int | float)]
        if values and len(values) == len(n.value):
            return Bounds(min(values), max(values))
    return EVERYTHING
