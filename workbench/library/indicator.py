"""One indicator: its expressions, evaluation into analysis-frame columns and contextualisation
by a plan. (Its engine view, :class:`~workbench.stats.frame.IndicatorSpec`, is made by the plan:
:func:`workbench.plan.indicators.indicator_spec`; the library does not depend on the engine.)"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from workbench.errors import LibraryError
from workbench.library.entities import Text
from workbench.library.expr import Expr, parse

#: indicator fields that :meth:`Indicator.contextualise` may change
CONTEXTUALISABLE: tuple[str, ...] = (
    "universe", "numerator", "denominator", "reference_period", "disaggregations", "title",
    "definition", "direction", "unit",
)  # fmt: skip


@dataclass(frozen=True)
class Indicator:
    """One indicator: "share of the <universe> who <numerator>" (or a mean / median / total …).

    ``numerator`` is a condition for proportions and a number for means, medians and totals;
    ratios divide ``numerator`` by ``denominator`` (both numbers). ``universe`` selects the target
    population (``None``: everyone of the unit). All are expressions over named inputs.
    """

    id: str
    criterion: str  # "1".."8", "A", "B"
    title: Text
    definition: Text
    unit: str
    statistic: str
    numerator: str
    universe: str | None = None
    denominator: str | None = None
    reference_period: str | None = None
    direction: str = "higher_is_worse"
    disaggregations: tuple[str, ...] = ("sex", "age", "location")
    sub_theme: str | None = None
    code: str | None = None
    code_confirmed: bool = False
    sdg: str | None = None
    iris: str | None = None
    iris_role: str | None = None
    source: str = "library"
    source_note: str = ""
    notes: Text = field(default_factory=Text)
    #: inputs a plan may leave unmapped, with the constant used then (e.g. has_other_id = false)
    optional: Mapping[str, bool | int | float | str] = field(default_factory=dict, hash=False)
    #: smallest gap that matters (None: the library default for the statistic)
    min_important_difference: float | None = None
    #: False: the universe excludes the comparator by definition (described, not compared)
    comparable: bool = True
    custom: bool = False
    #: "money": an amount in the survey's currency (reports show the plan's currency with it)
    measure: str | None = None
    #: what the estimate counts when not its rows' unit: "household" for a share of household
    #: heads, "individual" for a total of the members households report (None: ``unit``)
    counts: str | None = None
    #: the unit of a mean, median, ratio or total's numbers ("people per household")
    value_unit: Text = field(default_factory=Text)
    changes: tuple[str, ...] = ()  # human-readable notes of what a plan changed
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)
    file: str = ""

    # ---- expressions
    def _parse(self, attr: str) -> Expr | None:
        text = getattr(self, attr)
        if text is None:
            return None
        try:
            return parse(text)
        except LibraryError as exc:
            where = f"{self.file}: " if self.file else ""
            raise LibraryError.of(
                "library.indicator_field_invalid",
                where=where,
                id=self.id,
                attr=attr,
                message=exc.message,
            ) from None

    @cached_property
    def numerator_expr(self) -> Expr:
        expr = self._parse("numerator")
        assert expr is not None
        return expr

    @cached_property
    def universe_expr(self) -> Expr | None:
        return self._parse("universe")

    @cached_property
    def denominator_expr(self) -> Expr | None:
        return self._parse("denominator")

    @property
    def expressions(self) -> dict[str, Expr]:
        out = {"numerator": self.numerator_expr}
        if self.universe_expr is not None:
            out["universe"] = self.universe_expr
        if self.denominator_expr is not None:
            out["denominator"] = self.denominator_expr
        return out

    @property
    def inputs(self) -> frozenset[str]:
        """Every named input the indicator reads."""
        out: frozenset[str] = frozenset()
        for e in self.expressions.values():
            out |= e.inputs
        return out

    @property
    def required_inputs(self) -> frozenset[str]:
        """The inputs a plan must map (all inputs except the :attr:`optional` ones)."""
        return self.inputs - frozenset(self.optional)

    @property
    def contextualised(self) -> str | None:
        return "; ".join(self.changes) if self.changes else None

    # ---- evaluation (the analysis-frame column convention)
    def evaluate(
        self, env: Mapping[str, pd.Series], index: pd.Index | None = None
    ) -> dict[str, pd.Series]:
        """Columns for the analysis frame: ``{id: values}`` (+ ``{id}__den`` for ratios).

        Values are float: 1.0 / 0.0 for proportions, numbers otherwise; NaN where the row is
        outside the universe (or its universe is unknown) or the answer is missing. Optional
        inputs absent from ``env`` take their default constant; ``env`` values may be scalars.
        """
        if self.optional:
            env = {**{k: v for k, v in self.optional.items() if k not in env}, **env}
        num = self.numerator_expr.evaluate_float(env, index)
        inside = None
        if self.universe_expr is not None:
            uni = self.universe_expr.evaluate_bool(env, num.index)
            inside = uni.fillna(False).to_numpy(dtype=bool)
            num = num.where(inside)
        out = {self.id: num}
        if self.statistic == "ratio" and self.denominator_expr is not None:
            den = self.denominator_expr.evaluate_float(env, num.index)
            out[f"{self.id}__den"] = den.where(inside) if inside is not None else den
        return out

    # ---- contextualisation
    def contextualise(self, **changes: Any) -> Indicator:
        """A copy with some fields changed, recording what changed in :attr:`changes`.

        Allowed: universe, numerator, denominator (expression text or None), reference_period,
        disaggregations, title / definition (a string or language → string), direction.
        New expressions are parsed at once (LibraryError naming the indicator if invalid).
        """
        unknown = sorted(set(changes) - set(CONTEXTUALISABLE))
        if unknown:
            raise LibraryError.of(
                "library.contextualise_unknown",
                id=self.id,
                fields=", ".join(unknown),
                allowed=", ".join(CONTEXTUALISABLE),
            )
        new: dict[str, Any] = {}
        notes: list[str] = []
        for key, value in changes.items():
            if key in ("title", "definition"):
                value = Text.of(value, f"indicator '{self.id}' {key}")
                merged = Text({**getattr(self, key).values, **value.values})
                if merged != getattr(self, key):
                    notes.append(f"{key} changed")
                new[key] = merged
                continue
            if key == "disaggregations":
                value = tuple(value)
            if isinstance(value, str):
                value = " ".join(value.split()) or None
            old = getattr(self, key)
            if value == old:
                continue
            new[key] = value
            notes.append(_describe_change(key, old, value))
        if not new:
            return self
        out = dataclasses.replace(self, **new, changes=self.changes + tuple(n for n in notes if n))
        # surface bad expressions now, naming the indicator
        _ = out.expressions
        return out


def _describe_change(key: str, old: Any, new: Any) -> str:
    def show(v: Any) -> str:
        if v is None:
            return "everyone" if key == "universe" else "none"
        if isinstance(v, tuple):
            return ", ".join(v) or "none"
        return str(v)

    return f"{key.replace('_', ' ')} changed from '{show(old)}' to '{show(new)}'"
