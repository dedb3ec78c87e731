"""The indicator library: load + validate ``indicator_library/``, translations, expressions.

Public API::

    load_library(path=None) -> Library          # default: paths.library_dir()
    validate_library(lib) -> list[Finding]
    check_indicator(ind, lib=None) -> list[Finding]
    custom_indicator(definition, library=None) -> Indicator
    suggest_inputs(library, name, labels=None, *, top=3, kinds=None, unit=None) -> list[InputMatch]
    parse(text) -> Expr                         # the safe expression language
"""

from __future__ import annotations

from workbench.library.custom import custom_indicator
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
from workbench.library.suggest import InputMatch, suggest_inputs
from workbench.library.validate import check_indicator, validate_library

__all__ = [
    "LANGUAGES",
    "Criterion",
    "Expr",
    "Indicator",
    "InputDef",
    "InputMatch",
    "IrisSubcriterion",
    "Library",
    "Module",
    "ReferencePeriod",
    "Text",
    "check_indicator",
    "custom_indicator",
    "load_library",
    "parse",
    "suggest_inputs",
    "validate_library",
]
