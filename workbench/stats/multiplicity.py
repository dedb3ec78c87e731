"""Adjusting p-values for multiple comparisons (R ``p.adjust``), family by family.

A *family* is the set of comparisons one judgement rests on. ``scope = "criterion"`` (default):
the indicators of one criterion for one displaced group in one cell (the total, or one level of a
breakdown) — the tests a criterion's rating counts. ``scope = "plan"``: every indicator of the
plan for that group and cell. Only comparisons that were tested are in a family (not those with
insufficient data or not compared). Methods are R's, to the last digit (``holm``, ``hochberg``,
``BH`` = Benjamini–Hochberg, ``BY``, ``bonferroni``, ``none``); the adjusted value sits beside the
raw one in ``p_adjusted`` and decides the assessment when ``AnalysisOptions.use_adjusted_p``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from workbench.registry import Registry

PAdjustMethod = Literal["BH", "holm", "hochberg", "BY", "bonferroni", "none"]
PAdjustScope = Literal["criterion", "plan"]


@dataclass(frozen=True)
class PAdjust:
    code: str
    #: the R call giving the same values
    r_equivalent: str


P_ADJUST_METHODS: Registry[PAdjust] = Registry(
    "p_adjust",
    (
        PAdjust("BH", 'p.adjust(p, method = "BH")'),
        PAdjust("holm", 'p.adjust(p, method = "holm")'),
        PAdjust("hochberg", 'p.adjust(p, method = "hochberg")'),
        PAdjust("BY", 'p.adjust(p, method = "BY")'),
        PAdjust("bonferroni", 'p.adjust(p, method = "bonferroni")'),
        PAdjust("none", "p"),
    ),
    has_help=True,
)
P_ADJUST_SCOPES: tuple[str, ...] = ("criterion", "plan")


def p_adjust(p: np.ndarray, method: str) -> np.ndarray:
    """R ``p.adjust(p, method)`` of one family (NaN stay NaN and do not count)."""
    p = np.asarray(p, dtype=np.float64)
    out = p.copy()
    ok = np.flatnonzero(~np.isnan(p))
    n = ok.size
    if n <= 1 or method == "none":
        return out
    q = p[ok]
    if method == "bonferroni":
        out[ok] = np.minimum(1.0, n * q)
        return out
    if method == "holm":
        o = np.argsort(q, kind="stable")
        i = np.arange(1, n + 1)
        adj = np.minimum(1.0, np.maximum.accumulate((n + 1 - i) * q[o]))
    elif method in ("BH", "BY", "hochberg"):
        o = np.argsort(-q, kind="stable")
        i = np.arange(n, 0, -1)
        if method == "hochberg":
            factor = (n + 1 - i).astype(np.float64)
        else:
            factor = n / i
            if method == "BY":
                factor = factor * np.sum(1.0 / np.arange(1, n + 1))
        adj = np.minimum(1.0, np.minimum.accumulate(factor * q[o]))
    else:
        raise ValueError(method)
    res = np.empty(n)
    res[o] = adj
    out[ok] = res
    return out


def family_keys(scope: str) -> list[str]:
    keys = ["group", "disaggregation", "disaggregation_value"]
    return [*keys, "criterion"] if scope == "criterion" else keys


def adjusted(cmp_: pd.DataFrame, tested: np.ndarray, method: str, scope: str) -> np.ndarray:
    """``p_adjusted`` of every comparison row (NaN where not ``tested``)."""
    p = np.where(tested, cmp_["p_value"].to_numpy(dtype=np.float64), np.nan)
    out = np.full(len(cmp_), np.nan)
    if not len(cmp_):
        return out
    text = [cmp_[c].astype(str) for c in family_keys(scope)]
    keys = text[0]
    for col in text[1:]:  # the values joined by \x1f, column by column (not row by row)
        keys = keys + "\x1f" + col
    for _, idx in keys.groupby(keys, sort=False, dropna=False).indices.items():
        out[idx] = p_adjust(p[idx], method)
    return out


def family_sizes(cmp_: pd.DataFrame, scope: str, disaggregation: str | None = None) -> list[int]:
    """How many tests each family of the run held (its comparisons with a ``p_adjusted``), one
    count per family, in the order met; only the families of one ``disaggregation`` (``"total"``:
    the cells the traffic light rates) when given. Empty for a run without adjusted p-values."""
    if cmp_.empty or "p_adjusted" not in cmp_:
        return []
    sel = cmp_[cmp_["p_adjusted"].notna()]
    if disaggregation is not None:
        sel = sel[sel["disaggregation"] == disaggregation]
    if sel.empty:
        return []
    keys = [sel[c].astype(str) for c in family_keys(scope)]
    return [int(n) for n in sel.groupby(keys, sort=False).size()]
