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
REQUIRED_LANGUAGES = ("en", "fr")


def _f(code: str, severity: Severity, where: dict[str, str], **params: Any) -> Finding:
    """A ``library.<code>`` finding worded by the message registry (see findings_i18n)."""
    return Finding.of(f"library.{code}", severity, where=where, **params)


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
                _f("stray_language", "error", {**where, "field": field}, lang=lang, label=label)
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
                    {**where, "field": field, "lang": lang},
                    label=label,
                )
            )
        elif required and lang in REQUIRED_LANGUAGES:
            out.append(
                _f(
                    "missing_translation",
                    "warning",
                    {**where, "field": field, "lang": lang},
                    label=label,
                )
            )
        else:
            out.append(
                _f(
                    "missing_translation",
                    "info",
                    {**where, "field": field, "lang": lang},
                    label=label,
                )
            )
    return out


def _enum(value: Any, allowed: tuple[str, ...], what: str, where: dict[str, str]) -> list[Finding]:
    if value is None or value in allowed:
        return []
    return [
        _f("bad_enum", "error", {**where, "field": what}, value=value, allowed=", ".join(allowed))
    ]


def check_indicator(ind: Indicator, lib: Library | None = None) -> list[Finding]:
    """Findings for one indicator (standalone checks, plus references when ``lib`` is given)."""
    where = {"indicator": ind.id} | ({"file": ind.file} if ind.file else {})
    out: list[Finding] = []
    if not ID_RE.match(ind.id):
        out.append(_f("bad_id", "error", where))
    out += _enum(ind.unit, UNITS, "unit", where)
    out += _enum(ind.statistic, STATISTICS, "statistic", where)
    out += _enum(ind.direction, DIRECTIONS, "direction", where)
    out += _enum(ind.iris_role, IRIS_ROLES, "iris_role", where)
    out += _enum(ind.source, SOURCES, "source", where)
    if ind.code is not None and not CODE_RE.match(ind.code):
        out.append(_f("bad_code", "error", where, library_code=ind.code))
    if (ind.iris is None) != (ind.iris_role is None):
        out.append(_f("iris_role", "error", where))
    mid = ind.min_important_difference
    if ind.statistic == "proportion" and mid is not None and mid > 1:
        out.append(_f("mid_range", "error", where, value=mid))
    if ind.statistic == "ratio" and ind.denominator is None:
        out.append(_f("ratio_denominator", "error", where))
    if ind.statistic != "ratio" and ind.denominator is not None:
        out.append(_f("ratio_denominator", "error", where, statistic=ind.statistic))
    for key in ind.extra:
        out.append(_f("stray_field", "error", {**where, "field": key}, what="indicator", id=ind.id))
    try:
        read = ind.inputs
    except LibraryError:
        read = frozenset(ind.optional)  # reported below as bad_expression
    for name in sorted(set(ind.optional) - read):
        out.append(_f("stray_field", "error", {**where, "field": "optional"}, input=name))
    types = lib.input_types if lib is not None else {}
    for attr in ("numerator", "universe", "denominator"):
        try:
            expr = getattr(ind, f"{attr}_expr")
        except LibraryError as exc:
            out.append(_f("bad_expression", "error", {**where, "field": attr}, message=exc.message))
            continue
        if expr is None:
            continue
        if lib is not None:
            for name in sorted(expr.inputs - set(lib.inputs)):
                out.append(_f("unknown_input", "error", {**where, "field": attr, "input": name}))
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
                    {**where, "field": attr},
                    expression=expr.text,
                    gives=kind,
                    want=want,
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
                {**where, "field": "criterion"},
                criterion=ind.criterion,
            )
        )
    elif ind.sub_theme is not None and ind.sub_theme not in {
        s.id for s in groups[ind.criterion].sub_themes
    }:
        out.append(
            _f(
                "unknown_reference",
                "error",
                {**where, "field": "sub_theme"},
                sub_theme=ind.sub_theme,
                criterion=ind.criterion,
                wording="sub_theme",
            )
        )
    if ind.iris is not None and ind.iris not in {s.id for s in lib.iris_subcriteria}:
        out.append(
            _f(
                "unknown_reference",
                "error",
                {**where, "field": "iris"},
                iris=ind.iris,
                wording="iris",
            )
        )
    if ind.reference_period is not None and ind.reference_period not in {
        p.id for p in lib.reference_periods
    }:
        out.append(
            _f(
                "unknown_reference",
                "error",
                {**where, "field": "reference_period"},
                period=ind.reference_period,
                wording="reference_period",
            )
        )
    core = lib.core_inputs
    for d in ind.disaggregations:
        if d not in core:
            out.append(
                _f(
                    "unknown_reference",
                    "error",
                    {**where, "field": "disaggregations"},
                    disaggregation=d,
                    wording="disaggregation",
                )
            )
    for name, text in _texts(ind, "indicator"):
        out += _check_text(text, name, lib.languages, where, required=not ind.custom)
    return out
