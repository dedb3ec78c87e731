"""Plain data of the library: languages and allowed values, translatable texts, criteria,
modules, IRIS sub-criteria, reference periods and named inputs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.errors import LibraryError
from workbench.languages import DEFAULT_LANGUAGE, with_catalogue
from workbench.statistics import STATISTICS as _STATISTICS

#: languages of the library's texts (the registry: workbench/languages.py)
LANGUAGES: tuple[str, ...] = with_catalogue("library")
FALLBACK_LANGUAGE = DEFAULT_LANGUAGE
UNITS: tuple[str, ...] = ("individual", "household")
STATISTICS: tuple[str, ...] = _STATISTICS.codes  # the registry: workbench/statistics.py
DIRECTIONS: tuple[str, ...] = ("higher_is_better", "higher_is_worse", "neutral")
IRIS_ROLES: tuple[str, ...] = ("recommended", "alternative")
SOURCES: tuple[str, ...] = ("library", "sdg", "iris-mapping", "workbench", "custom")
INPUT_KINDS: tuple[str, ...] = ("condition", "number", "category", "code")
APPLIES: tuple[str, ...] = ("always", "in_many_contexts")


@dataclass(frozen=True)
class Text:
    """A translatable text: language code → string."""

    values: Mapping[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.values.items())))

    def get(self, lang: str = FALLBACK_LANGUAGE) -> tuple[str, bool]:
        """``(text, fell_back)``: the text in ``lang``, else English with ``fell_back=True``."""
        val = self.values.get(lang)
        if val:
            return val, False
        return self.values.get(FALLBACK_LANGUAGE, ""), lang != FALLBACK_LANGUAGE

    def __call__(self, lang: str = FALLBACK_LANGUAGE) -> str:
        return self.get(lang)[0]

    def render(self, language: str = FALLBACK_LANGUAGE) -> str:
        """The text in ``language`` (English when it has none): a finding's parameter that is
        a title or a label is shown in the language of the sentence that holds it."""
        return self(language)

    def __str__(self) -> str:
        return self.en

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
        raise LibraryError.of("library.text_not_text", where=where)


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
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Module:
    id: str  # "A" | "B"
    short: Text
    name: Text
    sub_themes: tuple[SubTheme, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class IrisSubcriterion:
    id: str  # "1.1" .. "5.1"
    criterion: str
    name: Text
    note: Text = field(default_factory=Text)
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class ReferencePeriod:
    id: str  # e.g. "past_12_months_or_since_displacement"
    label: Text
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)


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
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    hxl: tuple[str, ...] = ()
    core: bool = False
    role: str | None = None  # core only: weight, stratum, psu, disaggregation, group, ...
    values: tuple[str, ...] = ()  # category: expected values (documentation, suggestions)
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)
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
