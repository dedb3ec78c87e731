"""The indicator library's model: criteria, modules, IRIS sub-criteria, inputs and indicators.

Everything here is plain, immutable data built by :mod:`workbench.library.loader` from the TOML
files in ``indicator_library/``. Translatable texts are :class:`Text` values (language → string);
a missing language falls back to English and says so (:meth:`Text.get`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.errors import LibraryError
from workbench.library.expr import Expr, parse
from workbench.stats.frame import IndicatorSpec

LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "ar")
FALLBACK_LANGUAGE = "en"
UNITS: tuple[str, ...] = ("individual", "household")
STATISTICS: tuple[str, ...] = ("proportion", "mean", "median", "ratio", "total")
DIRECTIONS: tuple[str, ...] = ("higher_is_better", "higher_is_worse", "neutral")
IRIS_ROLES: tuple[str, ...] = ("recommended", "alternative")
SOURCES: tuple[str, ...] = ("library", "sdg", "iris-mapping", "workbench", "custom")
INPUT_KINDS: tuple[str, ...] = ("condition", "number", "category", "code")
APPLIES: tuple[str, ...] = ("always", "in_many_contexts")


@dataclass(frozen=True)
class Text:
    """A translatable text: language code → string."""

    values: Mapping[str, str] = field(default_factory=dict)

    def get(self, lang: str = FALLBACK_LANGUAGE) -> tuple[str, bool]:
        """``(text, fell_back)``: the text in ``lang``, else English with ``fell_back=True``."""
        val = self.values.get(lang)
        if val:
            return val, False
        return self.values.get(FALLBACK_LANGUAGE, ""), lang != FALLBACK_LANGUAGE

    def __call__(self, lang: str = FALLBACK_LANGUAGE) -> str:
        return self.get(lang)[0]

    @property
    def en(self) -> str:
        return self.values.get(FALLBACK_LANGUAGE, "")

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(k for k, v in self.values.items() if v)

    @staticmethod
    def of(value: Any, where: str) -> Text:
        if value is None:
            return Text({})
        if isinstance(value, str):
            return Text({FALLBACK_LANGUAGE: value})
        if isinstance(value, Mapping) and all(isinstance(v, str) for v in value.values()):
            return Text({str(k): v for k, v in value.items()})
        raise LibraryError(f'{where}: a text must be a string or a table of language = "text".')


@dataclass(frozen=True)
class SubTheme:
    id: str  # "1.1"
    name: Text


@dataclass(frozen=True)
class Criterion:
    id: str  # "1".."8"
    short: Text
    name: Text
    applies: str  # always | in_many_contexts
    sub_themes: tuple[SubTheme, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Module:
    id: str  # "A" | "B"
    short: Text
    name: Text
    sub_themes: tuple[SubTheme, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class IrisSubcriterion:
    id: str  # "1.1" .. "5.1"
    criterion: str
    name: Text
    note: Text = field(default_factory=Text)
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReferencePeriod:
    id: str  # e.g. "past_12_months_or_since_displacement"
    label: Text
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InputDef:
    """A named input that indicator expressions read and analysis plans map columns onto.

    ``kind``: ``condition`` (a yes/no fact; the plan chooses which answer codes count as yes),
    ``number``, ``category`` (labelled values, compared with ``==`` / ``in``) or ``code``.
    ``core`` inputs serve the design and disaggregations (sex, age, weight, …).
    """

    name: str
    kind: str
    unit: str
    description: Text
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    hxl: tuple[str, ...] = ()
    core: bool = False
    role: str | None = None  # core only: weight, stratum, psu, disaggregation, group, ...
    values: tuple[str, ...] = ()  # category: expected values (documentation, suggestions)
    extra: Mapping[str, Any] = field(default_factory=dict)
    file: str = "inputs.toml"

    @property
    def all_keywords(self) -> tuple[str, ...]:
        """The name and every keyword in every language (for auto-suggest)."""
        out: list[str] = [self.name]
        for words in self.keywords.values():
            out.extend(words)
        return tuple(dict.fromkeys(w for w in out if w))

    @property
    def value_type(self) -> str:
        return {"condition": "bool", "number": "number"}.get(self.kind, "any")


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
    optional: Mapping[str, bool | int | float | str] = field(default_factory=dict)
    custom: bool = False
    changes: tuple[str, ...] = ()  # human-readable notes of what a plan changed
    extra: Mapping[str, Any] = field(default_factory=dict)
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
            raise LibraryError(f"{where}indicator '{self.id}', {attr}: {exc.message}") from None

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

    # ---- engine view
    def to_spec(
        self, lang: str = FALLBACK_LANGUAGE, disaggregations: Iterable[str] | None = None
    ) -> IndicatorSpec:
        """The engine's view (:class:`workbench.stats.frame.IndicatorSpec`)."""
        return IndicatorSpec(
            id=self.id,
            title=self.title(lang),
            criterion=self.criterion,
            unit=self.unit,  # type: ignore[arg-type]
            statistic=self.statistic,  # type: ignore[arg-type]
            direction=self.direction,  # type: ignore[arg-type]
            iris_subcriterion=self.iris,
            code=self.code,
            sdg=self.sdg,
            disaggregations=tuple(
                self.disaggregations if disaggregations is None else disaggregations
            ),
            custom=self.custom,
            contextualised=self.contextualised,
        )

    # ---- contextualisation
    def contextualise(self, **changes: Any) -> Indicator:
        """A copy with some fields changed, recording what changed in :attr:`changes`.

        Allowed: universe, numerator, denominator (expression text or None), reference_period,
        disaggregations, title / definition (a string or language → string), direction.
        New expressions are parsed at once (LibraryError naming the indicator if invalid).
        """
        unknown = sorted(set(changes) - set(CONTEXTUALISABLE))
        if unknown:
            raise LibraryError(
                f"Indicator '{self.id}': cannot contextualise {', '.join(unknown)} "
                f"(allowed: {', '.join(CONTEXTUALISABLE)})."
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


@dataclass(frozen=True)
class Library:
    """The loaded indicator library. Build with :func:`workbench.library.load_library`."""

    version: str
    criteria: tuple[Criterion, ...]
    modules: tuple[Module, ...]
    iris_subcriteria: tuple[IrisSubcriterion, ...]
    reference_periods: tuple[ReferencePeriod, ...]
    inputs: Mapping[str, InputDef]
    indicators: tuple[Indicator, ...]
    languages: tuple[str, ...] = LANGUAGES
    path: Path | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    # ---- look-ups
    def indicator(self, ind_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == ind_id:
                return ind
        import difflib

        close = difflib.get_close_matches(ind_id, [i.id for i in self.indicators], n=3, cutoff=0.5)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise LibraryError(f"Unknown indicator '{ind_id}' in the indicator library.{hint}")

    def has_indicator(self, ind_id: str) -> bool:
        return any(i.id == ind_id for i in self.indicators)

    def input(self, name: str) -> InputDef:
        try:
            return self.inputs[name]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(name, list(self.inputs), n=3, cutoff=0.5)
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            raise LibraryError(f"Unknown input '{name}' in inputs.toml.{hint}") from None

    def criterion(self, cid: str | int) -> Criterion | Module:
        key = str(cid).upper()
        groups: tuple[Criterion | Module, ...] = (*self.criteria, *self.modules)
        for c in groups:
            if c.id == key:
                return c
        raise LibraryError(f"Unknown criterion or module '{cid}' (criteria 1-8, modules A, B).")

    def iris(self, sub: str) -> IrisSubcriterion:
        key = sub.rstrip(".")
        for s in self.iris_subcriteria:
            if s.id == key:
                return s
        raise LibraryError(f"Unknown IRIS sub-criterion '{sub}' (1.1 to 5.1).")

    def reference_period(self, pid: str) -> ReferencePeriod:
        for p in self.reference_periods:
            if p.id == pid:
                return p
        raise LibraryError(f"Unknown reference period '{pid}' in criteria.toml.")

    def by_criterion(self, cid: str | int) -> list[Indicator]:
        key = str(cid).upper()
        self.criterion(key)
        return [i for i in self.indicators if i.criterion == key]

    def by_iris(self, sub: str, role: str | None = None) -> list[Indicator]:
        key = self.iris(sub).id
        return [
            i for i in self.indicators if i.iris == key and (role is None or i.iris_role == role)
        ]

    @property
    def core_inputs(self) -> dict[str, InputDef]:
        return {k: v for k, v in self.inputs.items() if v.core}

    @property
    def input_types(self) -> dict[str, str]:
        return {k: v.value_type for k, v in self.inputs.items()}

    # ---- translations
    def text(
        self, obj_or_key: Any, field_name: str, lang: str = FALLBACK_LANGUAGE
    ) -> tuple[str, bool]:
        """``(text, fell_back)`` of ``field_name`` of an object or a key.

        Keys: an indicator id, an input name, or ``criterion:1``, ``module:A``, ``iris:1.1``,
        ``period:<id>``, ``input:<name>``, ``indicator:<id>``.
        """
        obj = self._resolve(obj_or_key) if isinstance(obj_or_key, str) else obj_or_key
        value = getattr(obj, field_name, None)
        if not isinstance(value, Text):
            raise LibraryError(
                f"'{field_name}' is not a translatable text of {type(obj).__name__}."
            )
        return value.get(lang)

    def _resolve(self, key: str) -> Any:
        kind, sep, rest = key.partition(":")
        if sep:
            resolvers = {
                "criterion": self.criterion,
                "module": self.criterion,
                "iris": self.iris,
                "period": self.reference_period,
                "input": self.input,
                "indicator": self.indicator,
            }
            if kind not in resolvers:
                raise LibraryError(f"Unknown text key '{key}'.")
            return resolvers[kind](rest)
        if self.has_indicator(key):
            return self.indicator(key)
        if key in self.inputs:
            return self.inputs[key]
        raise LibraryError(f"Unknown text key '{key}': not an indicator id or input name.")
