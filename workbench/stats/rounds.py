"""``analyze_rounds(frames, rounds, options) -> RoundsResults``: rounds of one survey over time.

Each round is analysed on its own (its own design, disclosure control and comparisons — the
per-round annex tables); then every later round is compared with the baseline (the first
round): changes per indicator × group × breakdown cell, changes in the gap with the comparator,
the solutions measure's change and the IDP stock's. Independent rounds take the table arithmetic
of :mod:`workbench.stats.change_table` (no second pass over the data); a panel (households
re-interviewed, linked by the household key) the stacked design of
:mod:`workbench.stats.change_stacked`, whose covariance between the rounds R would compute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.progress import NULL_PROGRESS, CancelToken, Progress, check_cancel
from workbench.stats.change_table import (
    CELL,
    assess_changes,
    assess_gap_changes,
    independent_changes,
)
from workbench.stats.change_z import changes_from_z
from workbench.stats.estimates import ZSink
from workbench.stats.frame import AnalysisFrame
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import AnalysisResults
from workbench.stats.rounds_extra import solutions_change, stock_change

STACK_KEYS = [*CELL, "unit"]


@dataclass(frozen=True)
class RoundInfo:
    label: str
    date: str = ""  # ISO date of the fieldwork (or its midpoint)


@dataclass
class RoundsResults:
    rounds: list[RoundInfo]
    results: list[AnalysisResults]  # one per round, in round order
    changes: pd.DataFrame  # change_table.CHANGE_COLUMNS + round_from, round_to
    gap_changes: pd.DataFrame  # change_table.GAP_CHANGE_COLUMNS + round_from, round_to
    solutions: pd.DataFrame  # rounds_extra.SOLUTIONS_CHANGE_COLUMNS
    stock: pd.DataFrame  # rounds_extra.STOCK_CHANGE_COLUMNS
    meta: dict[str, Any] = field(default_factory=dict)

    def publishable(self) -> RoundsResults:
        """Per-round results with every suppressed value blanked, and no change of a
        suppressed estimate (those rows are already ``insufficient_data``)."""

        def blank(t: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
            t = t.copy()
            if "flag" in t:
                t.loc[t["flag"] == "suppressed", [c for c in cols if c in t]] = np.nan
            return t

        nums = ["estimate_from", "estimate_to", "gap_from", "gap_to", "change", "se_change",
                "ci_low", "ci_high", "p_value"]  # fmt: skip
        return RoundsResults(
            self.rounds,
            [r.publishable() for r in self.results],
            blank(self.changes, nums),
            blank(self.gap_changes, nums),
            blank(self.solutions, ["share_from", "share_to", *nums]),
            self.stock.copy(),
            dict(self.meta),
        )


def analyze_rounds(
    frames: list[AnalysisFrame],
    rounds: list[RoundInfo],
    options: AnalysisOptions | None = None,
    *,
    panel: bool = False,
    not_comparable: set[str] | frozenset[str] = frozenset(),
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
) -> RoundsResults:
    from workbench.stats.engine import analyze

    opts = options or AnalysisOptions()
    if len(frames) < 2 or len(frames) != len(rounds):
        raise StatsError.of("stats.rounds_too_few", n=len(frames))
    if panel:
        _panel_designs(frames)
    steps = 2 * len(frames)
    results, sinks = [], []
    for r, frame in enumerate(frames):
        progress.update(r, steps, rounds[r].label)
        sinks.append(ZSink(keep_z=panel))  # the stock; a panel's PSU totals (its covariance)
        results.append(analyze(frame, opts, cancel=cancel, z_sink=sinks[-1]))
    parts: dict[str, list[pd.DataFrame]] = {"c": [], "g": [], "s": [], "k": []}
    skipped: set[str] = set()
    for r in range(1, len(frames)):
        check_cancel(cancel)
        progress.update(len(frames) + r - 1, steps, f"{rounds[0].label} → {rounds[r].label}")
        pair = [frames[0], frames[r]]
        ch, gaps = independent_changes(results[0], results[r])
        if panel:
            ch, gaps, skip = _panel(pair, [sinks[0], sinks[r]], ch, gaps)
            skipped |= skip
        tags = {"round_from": rounds[0].label, "round_to": rounds[r].label}
        nc = set(not_comparable)
        parts["c"].append(assess_changes(ch, frames[r], opts, nc).assign(**tags))
        parts["g"].append(assess_gap_changes(gaps, frames[r], opts, nc).assign(**tags))
        parts["s"].append(solutions_change(results[0], results[r], opts).assign(**tags))
        parts["k"].append(stock_change(pair, [sinks[0], sinks[r]], panel, opts).assign(**tags))
    progress.update(steps, steps, "Done")
    meta = {
        "rounds": [{"label": x.label, "date": x.date} for x in rounds],
        "panel": panel,
        "baseline": rounds[0].label,
        "not_comparable": sorted(not_comparable),
        "changes_not_estimated": sorted(skipped),
        "methods": {
            "change": "stacked design, svyby(covmat=TRUE) + svycontrast (R survey)"
            if panel
            else "independent samples: Var = V_from + V_to",
            "solutions_change": "independent samples (covariance between rounds not estimated)",
        },
    }
    return RoundsResults(
        rounds=list(rounds),
        results=results,
        changes=pd.concat(parts["c"], ignore_index=True),
        gap_changes=pd.concat(parts["g"], ignore_index=True),
        solutions=pd.concat(parts["s"], ignore_index=True),
        stock=pd.concat(parts["k"], ignore_index=True),
        meta=meta,
    )


def _panel_designs(frames: list[AnalysisFrame]) -> None:
    """A panel's stacked design places one-stage PSU totals: later stages and replicate
    weights are refused before any work (independent rounds take every design)."""
    for frame in frames:
        for unit in dict.fromkeys(i.unit for i in frame.indicators):
            spec = frame.units[unit].design if unit in frame.units else None
            if spec is not None and (spec.stages > 1 or spec.replicates is not None):
                raise StatsError.of("stats.rounds_design_unsupported", unit=unit)


def _panel(
    pair: list[AnalysisFrame],
    sinks: list[ZSink],
    ch: pd.DataFrame,
    gaps: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame, set[str]]:
    """Replace the independent variances by the stacked design's, from the rounds' linearised
    PSU totals (:mod:`workbench.stats.change_z`) — a median's are its CDF's divided by the
    Woodruff slope, so its covariance between rounds is the CDF's, as within a round."""
    ids = {i.id for i in pair[1].indicators}
    common = [i for i in pair[0].indicators if i.id in ids]
    skipped: set[str] = set()
    stacked: list[pd.DataFrame] = []
    for unit in dict.fromkeys(i.unit for i in common):
        ids = {i.id for i in common if i.unit == unit and i.id not in skipped}
        if ids:
            stacked.append(changes_from_z(sinks, pair, unit, panel=True, only=ids))
    if not stacked:
        return ch.iloc[0:0], gaps.iloc[0:0], skipped
    st = pd.concat(stacked, ignore_index=True)
    c = ch.drop(columns=["var_change", "df"]).merge(
        st[[*CELL, "var_change", "df"]], on=CELL, how="inner"
    )
    g = gaps.drop(columns=["var_change", "df"]).merge(
        st[[*CELL, "var_gap_change", "df"]].rename(columns={"var_gap_change": "var_change"}),
        on=CELL,
        how="inner",
    )
    return c, g, skipped
