"""Checks of one indicator (library or custom) and the helpers all library checks share.

The rules and their finding codes are listed in :mod:`workbench.library.validate`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from workbench.errors import LibraryError
from workbench.findings import Finding, Severity
from workbench.library import schema
from workbench.library.model import (
    DIRECTIONS,
    IRIS_ROLES,
    SOURCES,
    STATISTICS,
    UNITS,
    Criterion,
    Indicator,
    Library,
    Module,
    Text,
)

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
CODE_RE = re.compile(r"^DS \d\.\d+\.\d+$")
MIN_PER_CRITERION = 3
_WANT = {"bool": "yes/no condition", "number": "number"}
REQUIRED_LANGUAGES = ("en", "fr")


def _f(code: str, severity: Severity, message: str, **where: str) -> Finding:
    return Finding(code=f"library.{code}", severity=severity, message=message, where=where)


def _texts(obj: Any, kind: str) -> Iterable[tuple[str, Text]]:
    for name in schema.TEXT_FIELDS[kind]:
        value = getattr(obj, name, None)
        if isinstance(value, Text):
            yield name, value


def _check_text(
    text: Text, field: str, langs: tuple[str, ...], where: dict[str, str], required: bool
) -> list[Finding]:
    out: list[Finding] = []
    label = ", ".join(f"{k}={v}" for k, v in where.items())
    for lang in text.values:
        if lang not in langs:
            out.append(
                _f(
                    "stray_language",
                    "error",
                    f"{field}: unknown language '{lang}' ({label}).",
                    **where,
                    field=field,
                )
            )
    if not text.values:
        return out
    for lang in langs:
        if text.values.get(lang):
            continue
        if lang == "en":
            out.append(
                _f(
                    "missing_translation",
                    "error",
                    f"{field}: no English text ({label}).",
                    **where,
                    field=field,
                    lang=lang,
                )
            )
        elif required and lang in REQUIRED_LANGUAGES:
            out.append(
                _f(
                    "missing_translation",
                    "warning",
                    f"{field}: no '{lang}' translation; English is shown ({label}).",
                    **where,
                    field=field,
                    lang=lang,
                )
            )
        else:
            out.append(
                _f(
                    "missing_translation",
                    "info",
                    f"{field}: no '{lang}' translation; falls back to English ({label}).",
                    **where,
                    field=field,
                    lang=lang,
                )
            )
    return out


def _enum(value: Any, allowed: tuple[str, ...], what: str, where: dict[str, str]) -> list[Finding]:
    if value is None or value in allowed:
        return []
    return [
        _f(
            "bad_enum",
            "error",
            f"{what} '{value}' is not one of {', '.join(allowed)}.",
            **where,
            field=what,
        )
    ]


def check_indicator(ind: Indicator, lib: Library | None = None) -> list[Finding]:
    """Findings for one indicator (standalone checks, plus references when ``lib`` is given)."""
    where = {"indicator": ind.id} | ({"file": ind.file} if ind.file else {})
    out: list[Finding] = []
    if not ID_RE.match(ind.id):
        out.append(
            _f("bad_id", "error", f"Indicator id '{ind.id}' must be lower snake_case.", **where)
        )
    out += _enum(ind.unit, UNITS, "unit", where)
    out += _enum(ind.statistic, STATISTICS, "statistic", where)
    out += _enum(ind.direction, DIRECTIONS, "direction", where)
    out += _enum(ind.iris_role, IRIS_ROLES, "iris_role", where)
    out += _enum(ind.source, SOURCES, "source", where)
    if ind.code is not None and not CODE_RE.match(ind.code):
        out.append(
            _f(
                "bad_code",
                "error",
                f"Library code '{ind.code}' must look like 'DS 1.4.1'.",
                **where,
            )
        )
    if (ind.iris is None) != (ind.iris_role is None):
        out.append(
            _f("iris_role", "error", "Give both 'iris' and 'iris_role', or neither.", **where)
        )
    if ind.statistic == "ratio" and ind.denominator is None:
        out.append(
            _f("ratio_denominator", "error", "A ratio indicator needs a 'denominator'.", **where)
        )
    if ind.statistic != "ratio" and ind.denominator is not None:
        out.append(
            _f(
                "ratio_denominator",
                "error",
                f"Only ratio indicators take a 'denominator' (this is a {ind.statistic}).",
                **where,
            )
        )
    for key in ind.extra:
        out.append(
            _f(
                "stray_field",
                "error",
                f"Unknown field '{key}' in indicator '{ind.id}'.",
                **where,
                field=key,
            )
        )
    try:
        read = ind.inputs
    except LibraryError:
        read = frozenset(ind.optional)  # reported below as bad_expression
    for name in sorted(set(ind.optional) - read):
        out.append(
            _f(
                "stray_field",
                "error",
                f"Optional input '{name}' is not read by any expression.",
                **where,
                field="optional",
            )
        )
    types = lib.input_types if lib is not None else {}
    for attr in ("numerator", "universe", "denominator"):
        try:
            expr = getattr(ind, f"{attr}_expr")
        except LibraryError as exc:
            out.append(_f("bad_expression", "error", exc.message, **where, field=attr))
            continue
        if expr is None:
            continue
        if lib is not None:
            for name in sorted(expr.inputs - set(lib.inputs)):
                out.append(
                    _f(
                        "unknown_input",
                        "error",
                        f"{attr} reads input '{name}', which inputs.toml does not declare.",
                        **where,
                        field=attr,
                        input=name,
                    )
                )
        kind = expr.result_type(types)  # type: ignore[arg-type]
        want = (
            "bool"
            if attr == "universe" or (attr == "numerator" and ind.statistic == "proportion")
            else "number"
        )
        ok = kind in ("any", want) or (want == "number" and kind == "bool")
        if not ok:
            out.append(
                _f(
                    "expression_type",
                    "error",
                    f"{attr} '{expr.text}' gives {kind} but a {_WANT[want]} is needed.",
                    **where,
                    field=attr,
                )
            )
    if lib is not None:
        out += _references(ind, lib, where)
    return out


def _references(ind: Indicator, lib: Library, where: dict[str, str]) -> list[Finding]:
    out: list[Finding] = []
    all_groups: tuple[Criterion | Module, ...] = (*lib.criteria, *lib.modules)
    groups = {c.id: c for c in all_groups}
    if ind.criterion not in groups:
        out.append(
            _f(
                "unknown_reference",
                "error",
                f"Unknown criterion '{ind.criterion}'.",
                **where,
                field="criterion",
            )
        )
    elif ind.sub_theme is not None and ind.sub_theme not in {
        s.id for s in groups[ind.criterion].sub_themes
    }:
        out.append(
            _f(
                "unknown_reference",
                "error",
                f"Sub-theme '{ind.sub_theme}' is not a sub-theme of criterion {ind.criterion}.",
                **where,
                field="sub_theme",
            )
        )
    if ind.iris is not None and ind.iris not in {s.id for s in lib.iris_subcriteria}:
        out.append(
            _f(
                "unknown_reference",
                "error",
                f"Unknown IRIS sub-criterion '{ind.iris}'.",
                **where,
                field="iris",
            )
        )
    if ind.reference_period is not None and ind.reference_period not in {
        p.id for p in lib.reference_periods
    }:
        out.append(
            _f(
                "unknown_reference",
                "error",
                f"Unknown reference period '{ind.reference_period}'.",
                **where,
                field="reference_period",
            )
        )
    core = lib.core_inputs
    for d in ind.disaggregations:
        if d not in core:
            out.append(
                _f(
                    "unknown_reference",
                    "error",
                    f"Disaggregation '{d}' is not a core input of inputs.toml.",
                    **where,
                    field="disaggregations",
                )
            )
    for name, text in _texts(ind, "indicator"):
        out += _check_text(text, name, lib.languages, where, required=not ind.custom)
    return out
