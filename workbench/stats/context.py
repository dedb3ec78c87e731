"""Everything the estimators share for one unit of analysis: design, groups, fine cells."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.stats.calibration_replicates import calibrate_any
from workbench.stats.cells import TOTAL, Cells, build_cells, level_codes, string_codes
from workbench.stats.design import Design, build_design
from workbench.stats.frame import GROUP, AnalysisFrame, UnitFrame
from workbench.stats.replicates import ReplicateDesign
from workbench.stats.results import ALL_DISPLACED

ALL_DISPLACED_LABEL = "All displaced"


@dataclass
class UnitContext:
    unit: str
    df: pd.DataFrame
    design: Design | ReplicateDesign
    cells: Cells
    codes: list[str]  # group codes in frame order, then ALL_DISPLACED
    labels: list[str]
    displaced: np.ndarray  # (G,) bool
    comparator: int | None
    output_groups: np.ndarray  # (G+1,) bool: displaced, comparator, pooled
    group_row: np.ndarray  # (n,) group index (−1: unknown code)
    disaggs: list[str]  # TOTAL first

    @property
    def n_groups(self) -> int:
        return len(self.codes) - 1

    @property
    def pooled(self) -> int:
        return self.n_groups

    def levels(self, disagg: str) -> list[str]:
        return self.cells.level_names[disagg]

    def row_domains(self, disagg: str) -> tuple[np.ndarray, np.ndarray, int]:
        """Row → domain index in the (group, level) partition and the pooled partition."""
        lev = self.cells.levels[disagg][self.cells.row_cell]
        n_lev = len(self.levels(disagg))
        g = self.group_row
        ok = (g >= 0) & (lev >= 0)
        by_group = np.where(ok, g * n_lev + lev, -1)
        disp = np.zeros(len(g), dtype=bool)
        disp[ok] = self.displaced[g[ok]]
        pooled = np.where(disp & ok, lev, -1)
        return by_group, pooled, n_lev


def build_context(frame: AnalysisFrame, uf: UnitFrame, disagg_ids: list[str]) -> UnitContext:
    df = uf.frame
    if GROUP not in df:
        raise StatsError.of("stats.group_column_missing", unit=uf.unit, column=GROUP)
    design = calibrate_any(df, build_design(df, uf.design, unit=uf.unit), uf.design.calibration)
    codes = [g.code for g in frame.groups]
    group_row = string_codes(df[GROUP], codes)
    displaced = np.array([g.role == "displaced" for g in frame.groups], dtype=bool)
    comp = next((i for i, g in enumerate(frame.groups) if g.role == "comparator"), None)
    specs = {d.id: d for d in frame.disaggregations}
    dis_codes: dict[str, tuple[np.ndarray, list[str]]] = {}
    for d in disagg_ids:
        if d not in df:
            raise StatsError.of("stats.disaggregation_column_missing", d=d, unit=uf.unit)
        levels = specs[d].levels if d in specs else ()
        dis_codes[d] = level_codes(df[d], levels)
    cells = build_cells(design.psu, design.n_units, group_row, len(codes), dis_codes)
    out = np.append(displaced, True)
    if comp is not None:
        out[comp] = True
    return UnitContext(
        unit=uf.unit,
        df=df,
        design=design,
        cells=cells,
        codes=[*codes, ALL_DISPLACED],
        labels=[g.label for g in frame.groups] + [ALL_DISPLACED_LABEL],
        displaced=displaced,
        comparator=comp,
        output_groups=out,
        group_row=group_row,
        disaggs=[TOTAL, *disagg_ids],
    )
