"""Shared report fixtures: one full English and one full French report per test session."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reporting_fixture import make_results

FIXED = "2026-11-22T06:00:00+00:00"
#: every suppressed estimate is set to this impossible value (7777.8% or 77.78), found nowhere else
SENTINEL = 77.7777


def sentinel_results():
    """The fixture with every suppressed row carrying a distinctive, impossible value."""
    r = make_results()
    sup = r.estimates["flag"] == "suppressed"
    r.estimates.loc[sup, ["estimate", "ci_low", "ci_high"]] = [
        SENTINEL,
        SENTINEL - 0.001,
        SENTINEL + 0.001,
    ]
    csup = r.comparisons["flag"] == "suppressed"
    r.comparisons.loc[csup, "difference"] = SENTINEL
    return r


def with_host_outside_by_definition(r):
    """``r`` with "property restituted" outside the host community's universe by definition
    (the engine's ``not_compared_reason``): its comparisons not compared, the host estimate
    still a number. Returns the comparisons (a copy, set on ``r``)."""
    cmp_ = r.comparisons.copy()
    cmp_["not_compared_reason"] = ""
    lost = cmp_["indicator_id"] == "hlp_restituted"
    cmp_.loc[lost, ["assessment", "not_compared_reason"]] = ["not_compared", "by_definition"]
    cmp_.loc[lost, ["difference", "p_value"]] = float("nan")
    r.comparisons = cmp_
    return cmp_


def sheets_by_id(wb) -> dict[str, str]:
    """An annex workbook's table id → the sheet it is on, read from the workbook's defined
    names (what a script looks a sheet up by, whatever its name in the report's language)."""
    out = {}
    for name, dn in wb.defined_names.items():
        (sheet, _ref), *_ = dn.destinations
        out[name] = sheet
    return out
