"""The indicator library: load + validate ``indicator_library/``, translations, expressions.

Public API::

    load_library(path=None) -> Library
    validate_library(lib) -> list[Finding]
    custom_indicator(definition, library=None) -> Indicator
    parse(text) -> Expr
"""

from __future__ import annotations

from workbench.library.expr import Expr, parse
from workbench.library.loader import load_library
from workbench.library.model import (
    LANGUAGES,
    Criterion,
    Indicator,
    InputDef,
    IrisSubcriterion,
    Library,
    Module,
    ReferencePeriod,
    Text,
)

__all__ = [
    "LANGUAGES",
    "Criterion",
    "Expr",
    "Indicator",
    "InputDef",
    "IrisSubcriterion",
    "Library",
    "Module",
    "ReferencePeriod",
    "Text",
    "load_library",
    "parse",
]

from workbench.library.custom import custom_indicator
from workbench.library.validate import check_indicator, validate_library

__all__ += ["check_indicator", "custom_indicator", "validate_library"]

from workbench.library.suggest import InputMatch, suggest_inputs  # noqa: E402

__all__ += ["InputMatch", "suggest_inputs"]
