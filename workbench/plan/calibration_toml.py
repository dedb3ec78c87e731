"""``[design.calibration]`` of the plan file, read and written (docs/plans.md, "Calibration").

```toml
[design.calibration]
unit = "individual"            # whose weights: household | individual
method = "rake"                # poststratify | rake | calibrate
margins = "census_2024.csv"    # optional: a margins file, read when the plan file is read
calfun = "linear"              # calibrate: linear | raking | logit
bounds = [0.5, 2.0]            # calibrate: limits of calibrated / design weight
max_iterations = 50
epsilon = 1.0                  # rake: cross-table change (< 1: share of the weight total)
trim = [5.0, 800.0]            # trimWeights(lower, upper) after calibration
trim_strict = false
numeric = { hh_size = 812345 } # calibrate: totals of numeric variables

[[design.calibration.margin]]
variables = ["region"]
totals = { "1" = 120500, "2" = 80200 }

[[design.calibration.margin]]
variables = ["sex", "age_band"]       # crossed: a cell is "sex code:age code"
totals = { "1:1" = 15000, "1:2" = 21000, "2:1" = 14800, "2:2" = 22100 }
```
"""

from __future__ import annotations

import math
from typing import Any, Protocol

from workbench.errors import PlanError
from workbench.messages import Message
from workbench.plan.calibration import split_cell
from workbench.plan.codes import canon
from workbench.stats.calibration_spec import CAL_FUNS, CAL_METHODS, CalibrationSpec, Margin

KEYS = {
    "unit", "method", "margins", "margin", "calfun", "bounds", "max_iterations", "epsilon",
    "trim", "trim_strict", "numeric", "source",
}  # fmt: skip
MARGIN_KEYS = {"variables", "totals"}
UNITS = ("household", "individual")


class Section(Protocol):
    """What the plan reader's ``_Section`` offers (workbench/plan/toml_io.py)."""

    data: Any

    def error(self, msg: Message) -> PlanError: ...
    def text(self, key: str, default: str | None = None, required: bool = False) -> Any: ...
    def choice(self, key: str, options: tuple[str, ...], default: str | None) -> Any: ...
    def flag(self, key: str, default: bool = False) -> bool: ...
    def items(self, key: str, kind: type | tuple[type, ...] | None = None) -> tuple[Any, ...]: ...
    def tables(self, key: str) -> list[Any]: ...


def _number(s: Section, key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise s.error(Message.of("plan.key_bad_item", key=key, value=repr(value)))
    return float(value)


def _pair(s: Section, key: str, default: tuple[float, float] | None) -> Any:
    if key not in s.data:
        return default
    v = s.items(key, (int, float))
    if len(v) != 2 or not float(v[0]) < float(v[1]):
        raise s.error(Message.of("plan.calibration_pair", key=key, value=repr(list(v))))
    return (float(v[0]), float(v[1]))


def read_calibration(s: Section, make_section: Any) -> CalibrationSpec:
    """``s``: the ``[design.calibration]`` section; ``make_section(where, data, keys)`` makes a
    section of a sub-table."""
    margins = []
    for k, raw in enumerate(s.tables("margin")):
        ms = make_section(f"design.calibration.margin[{k}]", raw, MARGIN_KEYS)
        variables = tuple(str(v) for v in ms.items("variables", str))
        if not variables:
            raise ms.error(Message.of("plan.key_required", key="variables"))
        totals = ms.data.get("totals", {})
        if not isinstance(totals, dict) or not totals:
            raise ms.error(Message.of("plan.key_not_table", key="totals"))
        cells = []
        for level, total in totals.items():
            codes = tuple(canon(c) or c for c in split_cell(level))
            if len(codes) != len(variables):
                raise ms.error(
                    Message.of("plan.calibration_cell_arity", cell=level, count=len(variables))
                )
            cells.append((codes, _number(ms, f"totals.{level}", total)))
        margins.append(Margin(variables, tuple(cells)))
    numeric_raw = s.data.get("numeric", {})
    if not isinstance(numeric_raw, dict):
        raise s.error(Message.of("plan.key_not_table", key="numeric"))
    numeric = tuple((str(k), _number(s, f"numeric.{k}", v)) for k, v in numeric_raw.items())
    file = s.text("margins")
    max_it = s.data.get("max_iterations", 50)
    if isinstance(max_it, bool) or not isinstance(max_it, int) or max_it < 1:
        raise s.error(Message.of("plan.key_bad_item", key="max_iterations", value=repr(max_it)))
    eps = s.data.get("epsilon")
    return CalibrationSpec(
        unit=s.choice("unit", UNITS, "household"),
        method=s.choice("method", CAL_METHODS, "rake"),
        margins=tuple(margins),
        numeric=numeric,
        calfun=s.choice("calfun", CAL_FUNS, "linear"),
        bounds=_pair(s, "bounds", (float("-inf"), float("inf"))),
        max_iterations=max_it,
        epsilon=None if eps is None else _number(s, "epsilon", eps),
        trim=_pair(s, "trim", None),
        trim_strict=s.flag("trim_strict"),
        source=file or s.text("source", "plan") or "plan",
    )


def calibration_dict(spec: CalibrationSpec) -> dict[str, Any]:
    """The ``[design.calibration]`` table: totals always inline (``source`` names their file)."""
    out: dict[str, Any] = {"unit": spec.unit, "method": spec.method}
    if spec.method == "calibrate":
        out["calfun"] = spec.calfun
        if math.isfinite(spec.bounds[0]) or math.isfinite(spec.bounds[1]):
            out["bounds"] = list(spec.bounds)
    if spec.max_iterations != 50:
        out["max_iterations"] = spec.max_iterations
    if spec.epsilon is not None:
        out["epsilon"] = spec.epsilon
    if spec.trim is not None:
        out["trim"] = list(spec.trim)
        if spec.trim_strict:
            out["trim_strict"] = True
    if spec.source != "plan":
        out["source"] = spec.source
    if spec.numeric:
        out["numeric"] = {v: _plain(t) for v, t in spec.numeric}
    out["margin"] = [
        {
            "variables": list(m.variables),
            "totals": {":".join(c): _plain(t) for c, t in m.cells},
        }
        for m in spec.margins
    ]
    return out


def _plain(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x
