"""The plan's ``[analysis]`` table: every analysis option (``workbench.stats.AnalysisOptions``)
a plan may fix — multiple comparisons, minimum important differences, the rating rule, the
interval methods, the solutions measure (methods, benchmark, ``missing_by_design`` …).

Keys are the option names; values are TOML scalars, arrays (tuples) or tables (mappings). A key
the plan sets becomes the run's default: the settings give alpha and the preset, the plan's
table overrides them, and a choice made on the command line or in the app for that run wins
(``Workbench.default_options(plan)``). The table is checked on load — an unknown key, a value of
the wrong type or outside the option's choices is one PlanError naming the key
(docs/plans.md, "[analysis]").
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any

from workbench.errors import PlanError, StatsError
from workbench.messages import Message
from workbench.stats.options import AnalysisOptions


@dataclasses.dataclass(frozen=True)
class OptionType:
    kind: str  # bool, int, float, str, list, table
    choices: tuple[str, ...] = ()
    optional: bool = False


def _kind(hint: Any) -> OptionType:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        inner = _kind(next(a for a in args if a is not type(None)))
        return dataclasses.replace(inner, optional=True)
    if origin is typing.Literal:
        return OptionType("str", tuple(str(a) for a in args))
    if origin is tuple:
        return OptionType("list")
    if origin is dict:
        return OptionType("table")
    return OptionType({bool: "bool", int: "int", float: "float"}.get(hint, "str"))


@cache
def option_types() -> dict[str, OptionType]:
    """Option name → its TOML type (from AnalysisOptions' annotations)."""
    hints = typing.get_type_hints(AnalysisOptions)
    return {f.name: _kind(hints[f.name]) for f in dataclasses.fields(AnalysisOptions)}


def _ok(value: Any, t: OptionType) -> bool:
    if t.kind == "bool":
        return isinstance(value, bool)
    if t.kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if t.kind == "float":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if t.kind == "str":
        return isinstance(value, str) and (not t.choices or value in t.choices)
    if t.kind == "list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, dict) and all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in value.values()
    )


def read_analysis(raw: Any, error: Any) -> dict[str, Any]:
    """The ``[analysis]`` table checked (``error(Message) -> PlanError``)."""
    if not isinstance(raw, dict):
        raise error(Message.of("plan.not_a_table", kind=type(raw).__name__))
    types_ = option_types()
    out: dict[str, Any] = {}
    for key, value in raw.items():
        t = types_.get(key)
        if t is None:
            raise error(Message.of("plan.unknown_key", key=key, known=sorted(types_)))
        if not _ok(value, t):
            expected = "|".join(t.choices) if t.choices else t.kind
            raise error(
                Message.of("plan.analysis_value", key=key, value=repr(value), expected=expected)
            )
        out[key] = dict(value) if isinstance(value, dict) else value
    try:
        apply_analysis(AnalysisOptions(), out)
    except StatsError as exc:
        detail = Message.of(exc.code, **exc.params)
        raise error(Message.of("plan.analysis_invalid", detail=detail)) from None
    return out


def apply_analysis(base: AnalysisOptions, table: dict[str, Any]) -> AnalysisOptions:
    """``base`` with the plan's ``[analysis]`` values (StatsError when they do not fit)."""
    if not table:
        return base
    kinds = {k: option_types()[k].kind for k in table}
    values: dict[str, Any] = {
        k: tuple(v) if kinds[k] == "list" else float(v) if kinds[k] == "float" else v
        for k, v in table.items()
    }
    return dataclasses.replace(base, **values)


def check_analysis(table: dict[str, Any], source: str) -> None:
    """Raise the PlanError of an invalid table (used by commands that edit it)."""

    def error(msg: Message) -> PlanError:
        return PlanError.of("plan.invalid", source=source, where="analysis", detail=msg)

    read_analysis(table, error)
