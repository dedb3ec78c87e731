"""The indicator library's model: criteria, modules, IRIS sub-criteria, inputs and indicators.

Everything here is plain, immutable data built by :mod:`workbench.library.loader` from the TOML
files in ``indicator_library/``. Translatable texts are :class:`Text` values (language → string);
a missing language falls back to English and says so (:meth:`Text.get`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import LibraryError
from workbench.library.entities import (
    APPLIES,
    DIRECTIONS,
    FALLBACK_LANGUAGE,
    INPUT_KINDS,
    IRIS_ROLES,
    LANGUAGES,
    SOURCES,
    STATISTICS,
    UNITS,
    Criterion,
    InputDef,
    IrisSubcriterion,
    Module,
    ReferencePeriod,
    SubTheme,
    Text,
)
from workbench.library.indicator import CONTEXTUALISABLE, Indicator

__all__ = [
    "APPLIES",
    "CONTEXTUALISABLE",
    "DIRECTIONS",
    "FALLBACK_LANGUAGE",
    "INPUT_KINDS",
    "IRIS_ROLES",
    "LANGUAGES",
    "SOURCES",
    "STATISTICS",
    "UNITS",
    "Criterion",
    "Indicator",
    "InputDef",
    "IrisSubcriterion",
    "Library",
    "Module",
    "ReferencePeriod",
    "SubTheme",
    "Text",
]


@dataclass(frozen=True)
class Library:
    """The loaded indicator library. Build with :func:`workbench.library.load_library`."""

    version: str
    criteria: tuple[Criterion, ...]
    modules: tuple[Module, ...]
    iris_subcriteria: tuple[IrisSubcriterion, ...]
    reference_periods: tuple[ReferencePeriod, ...]
    inputs: Mapping[str, InputDef] = field(hash=False)
    indicators: tuple[Indicator, ...]
    languages: tuple[str, ...] = LANGUAGES
    path: Path | None = None
    #: criteria.toml ``[min_important_difference]``: default margin per statistic
    min_important_differences: Mapping[str, float] = field(default_factory=dict, hash=False)
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    # ---- look-ups
    def min_important_difference(self, ind: Indicator) -> float | None:
        """The indicator's own margin, else the library default for its statistic."""
        if ind.min_important_difference is not None:
            return ind.min_important_difference
        return self.min_important_differences.get(ind.statistic)

    def indicator(self, ind_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == ind_id:
                return ind
        import difflib

        close = difflib.get_close_matches(ind_id, [i.id for i in self.indicators], n=3, cutoff=0.5)
        code = "library.indicator_unknown_close" if close else "library.indicator_unknown"
        raise LibraryError.of(code, ind_id=ind_id, close=close)

    def has_indicator(self, ind_id: str) -> bool:
        return any(i.id == ind_id for i in self.indicators)

    def input(self, name: str) -> InputDef:
        try:
            return self.inputs[name]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(name, list(self.inputs), n=3, cutoff=0.5)
            code = "library.input_unknown_close" if close else "library.input_unknown"
            raise LibraryError.of(code, name=name, close=close) from None

    def criterion(self, cid: str | int) -> Criterion | Module:
        key = str(cid).upper()
        groups: tuple[Criterion | Module, ...] = (*self.criteria, *self.modules)
        for c in groups:
            if c.id == key:
                return c
        raise LibraryError.of("library.criterion_unknown", cid=cid)

    def iris(self, sub: str) -> IrisSubcriterion:
        key = sub.rstrip(".")
        for s in self.iris_subcriteria:
            if s.id == key:
                return s
        raise LibraryError.of("library.subcriterion_unknown", sub=sub)

    def reference_period(self, pid: str) -> ReferencePeriod:
        for p in self.reference_periods:
            if p.id == pid:
                return p
        raise LibraryError.of("library.period_unknown", pid=pid)

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
            raise LibraryError.of(
                "library.not_translatable", field_name=field_name, kind=type(obj).__name__
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
                raise LibraryError.of("library.text_key_unknown", key=key)
            return resolvers[kind](rest)
        if self.has_indicator(key):
            return self.indicator(key)
        if key in self.inputs:
            return self.inputs[key]
        raise LibraryError.of("library.text_key_unknown_kind", key=key)
