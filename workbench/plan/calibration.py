"""The plan's calibration (``[design.calibration]``): margins files, frame columns, checks.

The plan holds the engine's value type (:class:`~workbench.stats.calibration_spec.
CalibrationSpec`) with *dataset column names* as variables and the data's codes (canonical text:
``1``, ``1.0`` and ``"1"`` are one code) as levels; a crossed margin's cells are its variables'
codes joined by ``:``. A margins file is CSV with the header ``variable,level,total``:

```
variable,level,total
region,1,120500
region,2,80200
sex:age_band,1:1,15000      # a crossed margin: variables and codes joined by ":"
hh_size,,812345             # a numeric total (calibrate only): empty level
```

Reading a file inlines its totals in the plan (``source`` keeps the file name) so a stored plan
never depends on a file outside the vault.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.errors import PlanError, StatsError
from workbench.findings import Finding
from workbench.messages import Message
from workbench.plan.codes import canon, canon_series
from workbench.plan.link import Link
from workbench.plan.model import Plan
from workbench.stats.calibration_spec import (
    R_DEFAULT_EPSILON,
    R_DEFAULT_MAXIT,
    CalibrationSpec,
    Margin,
    cal_column,
)
from workbench.stats.frame import DesignSpec

SEP = ":"
HEADER = ("variable", "level", "total")


def split_cell(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in str(text).split(SEP))


def read_margins_csv(
    text: str, source: str
) -> tuple[tuple[Margin, ...], tuple[tuple[str, float], ...]]:
    """Margins and numeric totals of a ``variable,level,total`` file (see the module doc)."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or tuple(c.strip().lower() for c in rows[0][:3]) != HEADER:
        raise PlanError.of("plan.margins_header", file=source, header=",".join(HEADER))
    cells: dict[tuple[str, ...], list[tuple[tuple[str, ...], float]]] = {}
    numeric: list[tuple[str, float]] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < 3:
            raise PlanError.of("plan.margins_row", file=source, line=line)
        var, level, total_text = row[0].strip(), row[1].strip(), row[2].strip()
        try:
            total = float(total_text)
        except ValueError:
            raise PlanError.of(
                "plan.margins_total", file=source, line=line, value=total_text
            ) from None
        if not math.isfinite(total) or total < 0:
            raise PlanError.of("plan.margins_total", file=source, line=line, value=total_text)
        if not level:
            numeric.append((var, total))
            continue
        names, codes = split_cell(var), split_cell(level)
        if len(names) != len(codes):
            raise PlanError.of("plan.margins_row", file=source, line=line)
        canon_codes = tuple(canon(c) or c for c in codes)
        cells.setdefault(names, []).append((canon_codes, total))
    margins = tuple(Margin(names, tuple(c)) for names, c in cells.items())
    return margins, tuple(numeric)


def margins_csv(spec: CalibrationSpec) -> str:
    """The totals of ``spec`` as a margins file (the inverse of :func:`read_margins_csv`)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    for m in spec.margins:
        for cell, total in m.cells:
            w.writerow([SEP.join(m.variables), SEP.join(cell), _num(total)])
    for var, total in spec.numeric:
        w.writerow([var, "", _num(total)])
    return out.getvalue()


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def with_margins_file(spec: CalibrationSpec, text: str, source: str) -> CalibrationSpec:
    margins, numeric = read_margins_csv(text, source)
    return dataclasses.replace(spec, margins=margins, numeric=numeric, source=source)


def with_calibration(plan: Plan, spec: CalibrationSpec | None) -> Plan:
    """A new plan whose design calibrates to ``spec`` (None: no calibration)."""
    return dataclasses.replace(plan, design=dataclasses.replace(plan.design, calibration=spec))


# ------------------------------------------------------------------------ the engine's frame
def calibration_columns(
    spec: CalibrationSpec, hh: Dataset, ind: Dataset | None, link: Link
) -> dict[str, Any]:
    """``_cal_<var>`` columns of the calibrated unit: margin variables as canonical code text,
    numeric ones as floats. An individual calibration reads the individual dataset's column,
    else the household's through the link."""
    numeric = {v for v, _ in spec.numeric}
    out: dict[str, Any] = {}
    for var in spec.variables:
        values = _column(spec, var, hh, ind, link)
        if var in numeric:
            out[cal_column(var)] = pd.to_numeric(values, errors="coerce").to_numpy(np.float64)
        else:
            # categorical: the engine reads the codes without hashing a million strings again
            out[cal_column(var)] = pd.Categorical(canon_series(values))
    return out


def _column(
    spec: CalibrationSpec, var: str, hh: Dataset, ind: Dataset | None, link: Link
) -> pd.Series:
    if spec.unit == "individual":
        if ind is None:
            raise PlanError.of("plan.calibration_needs_individuals")
        if var in ind.frame.columns:
            rows = link.rows if link.rows is not None else np.arange(ind.n_rows)
            return ind.frame[var].iloc[rows].reset_index(drop=True)
        if var in hh.frame.columns and link.parent is not None:
            return hh.frame[var].iloc[link.parent].reset_index(drop=True)
    elif var in hh.frame.columns:
        return hh.frame[var].reset_index(drop=True)
    raise PlanError.of("plan.calibration_column_missing", variable=var, unit=spec.unit)


def calibrated_spec(spec: DesignSpec, cal: CalibrationSpec | None, unit: str) -> DesignSpec:
    """The unit's design spec, with the calibration when it is this unit's."""
    if cal is None or cal.unit != unit:
        return spec
    return dataclasses.replace(spec, calibration=cal)


# --------------------------------------------------------------------------------- checks
def check_calibration(plan: Plan, datasets: Mapping[str, Dataset]) -> list[Finding]:
    """Totals that do not add up across margins (a warning), and what the engine would stop on
    (levels without totals, empty cells, non-convergence, missing values: errors), by running
    the calibration of the weights on the data."""
    spec = plan.design.calibration
    if spec is None:
        return []
    where = {"section": "design.calibration"}
    out: list[Finding] = []
    if not spec.margins and spec.source != "plan":
        unread = Finding.of(
            "plan.calibration_margins_unread", "error", where=where, file=spec.source
        )
        return [unread]
    if not spec.margins:
        return [Finding.of("stats.calibration_no_margins", "error", where=where, unit=spec.unit)]
    totals = [m.total for m in spec.margins]
    if max(totals) - min(totals) > 1e-6 * max(1.0, max(totals)):
        detail = ", ".join(f"{m.label} = {_num(m.total)}" for m in spec.margins)
        out.append(
            Finding.of("plan.calibration_totals_differ", "warning", where=where, totals=detail)
        )
    try:
        weights = _weights_for_check(plan, spec, datasets)
    except (StatsError, PlanError) as exc:
        reason = Message(exc.code, dict(exc.params))  # worded in the finding's language
        failed = Finding.of("plan.calibration_fails", "error", where=where, reason=reason)
        return [*out, failed]
    if weights is not None and (weights < 0).any():
        out.append(
            Finding.of(
                "plan.calibration_negative_weights",
                "warning",
                where=where,
                count=int((weights < 0).sum()),
            )
        )
    return out


def _weights_for_check(
    plan: Plan, spec: CalibrationSpec, datasets: Mapping[str, Dataset]
) -> np.ndarray | None:
    from workbench.plan.consent import respondents
    from workbench.plan.design import design_columns, individual_design
    from workbench.plan.link import build_link
    from workbench.stats.calibration_replicates import calibrate_any
    from workbench.stats.design import build_design

    hh = datasets.get(plan.datasets.household)
    if hh is None:
        return None
    ind_name = plan.datasets.individual
    ind = datasets.get(ind_name) if ind_name else None
    kept = respondents(plan, hh, ind)
    hh, ind = kept.household, kept.individual
    link = build_link(plan, hh, ind)
    frame, dspec = design_columns(plan, hh, link)
    if spec.unit == "individual":
        if ind is None:
            raise PlanError.of("plan.calibration_needs_individuals")
        frame, dspec = individual_design(frame, dspec, link)
    frame = frame.assign(**calibration_columns(spec, hh, ind, link))
    design = build_design(frame, dspec, unit=spec.unit)
    return calibrate_any(frame, design, spec).weights


def describe(spec: CalibrationSpec) -> dict[str, Any]:
    """A short summary for listings (CLI ``plan calibration show``, the app)."""
    return {
        "unit": spec.unit,
        "method": spec.method,
        "margins": [
            {"variables": list(m.variables), "cells": len(m.cells), "total": _num(m.total)}
            for m in spec.margins
        ],
        "numeric": [[v, _num(t)] for v, t in spec.numeric],
        "source": spec.source,
        **settings(spec),
    }


def settings(spec: CalibrationSpec) -> dict[str, Any]:
    """Every setting the plan holds beside its totals, with what the method uses where the plan
    leaves R's default (``epsilon`` None) and R's own defaults for comparison."""
    calibrate = spec.method == "calibrate"
    bounds = [None if math.isinf(b) else _num(b) for b in spec.bounds]  # JSON: open is None
    return {
        "calfun": spec.calfun if calibrate else None,
        "bounds": bounds if calibrate and bounds != [None, None] else None,
        "max_iterations": spec.max_iterations,
        "epsilon": spec.epsilon,
        "epsilon_used": spec.tolerance,
        "r_default": {
            "max_iterations": R_DEFAULT_MAXIT.get(spec.method),
            "epsilon": R_DEFAULT_EPSILON.get(spec.method),
        },
        "trim": [_num(t) for t in spec.trim] if spec.trim else None,
        "trim_strict": spec.trim_strict,
    }


def resolve_margins_file(plan: Plan, base: Path) -> Plan:
    """A plan read from a file whose calibration names a margins file (``margins = "x.csv"``)
    and has no totals yet: the file (relative to the plan file) is read and inlined."""
    spec = plan.design.calibration
    if spec is None or spec.margins or spec.source == "plan":
        return plan
    path = base / spec.source
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise PlanError.of(
            "plan.file_unreadable", file=str(path), reason=exc.strerror or type(exc).__name__
        ) from None
    except UnicodeDecodeError:
        raise PlanError.of("plan.margins_encoding", file=str(path)) from None
    return with_calibration(plan, with_margins_file(spec, text, path.name))
