"""The golden rounds data (tests/reference/rounds_stacked.csv) as per-round analysis frames."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from workbench.stats.frame import (
    AnalysisFrame,
    DesignSpec,
    DisaggregationSpec,
    GroupSpec,
    IndicatorSpec,
    UnitFrame,
)

REF = Path(__file__).resolve().parents[1] / "reference"
INDICATORS = [
    IndicatorSpec("y_prop", "Y share", "1", "household", "proportion", disaggregations=("sex",)),
    IndicatorSpec(
        "y_mean", "Y mean", "2", "household", "mean", "higher_is_better", disaggregations=("sex",)
    ),
    IndicatorSpec("y_total", "Y total", "3", "household", "total", disaggregations=("sex",)),
    IndicatorSpec("y_ratio", "Y ratio", "3", "household", "ratio", disaggregations=("sex",)),
]
GROUPS = [
    GroupSpec("1", "Camps", "displaced"),
    GroupSpec("2", "Outside camps", "displaced"),
    GroupSpec("3", "Host", "comparator"),
]


def _round_df(d: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "_weight": d["weight"],
            "_stratum": d["stratum"].astype(str),
            "_psu": d["psu"].astype(str),
            "_hh": d["hh_id"].astype(str),
            "_group": d["grp"].astype(str),
            "sex": d["sex"],
            "y_prop": d["y_prop"],
            "y_mean": d["y_mean"],
            "y_total": d["y_total"],
            "y_ratio": d["y_num"],
            "y_ratio__den": d["y_den"],
        }
    )


def _frame(df: pd.DataFrame, spec: DesignSpec) -> AnalysisFrame:
    return AnalysisFrame(
        units={"household": UnitFrame("household", df, spec)},
        groups=list(GROUPS),
        disaggregations=[DisaggregationSpec("sex", "Sex", ("F", "M"))],
        indicators=list(INDICATORS),
    )


def round_frames(design: str = "panel") -> list[AnalysisFrame]:
    """``design``: panel / independent / panel_hh (no clusters: the household key links)."""
    raw = pd.read_csv(REF / "rounds_stacked.csv")
    spec = DesignSpec(has_psu=design != "panel_hh")
    return [_frame(_round_df(raw[raw["round"] == r].reset_index(drop=True)), spec) for r in (0, 1)]


def golden(design: str, name: str = "golden_rounds.csv") -> pd.DataFrame:
    g = pd.read_csv(REF / name, dtype={"group": str})
    g = g[g["design"] == design].copy()
    g["disaggregation_value"] = g["level"]
    return g


def max_rel_diff(table: pd.DataFrame, ours_col: str, theirs_col: str) -> float:
    """Largest difference of two columns relative to max(|R's value|, 1); both missing in the
    same places."""
    ours, theirs = table[ours_col].to_numpy(float), table[theirs_col].to_numpy(float)
    ok = np.isfinite(theirs)
    assert np.array_equal(ok, np.isfinite(ours))
    return float(np.max(np.abs(ours[ok] - theirs[ok]) / np.maximum(np.abs(theirs[ok]), 1.0)))


def design_frames(design: str) -> list[AnalysisFrame]:
    """Independent rounds of tests/reference/rounds_designs.csv (make_golden_rounds_designs.R):
    ``ms2_independent`` two stages (clusters, households) with an FPC at each;
    ``jkn_independent`` JKn replicate weights generated from each round's clusters (mse)."""
    from workbench.stats.frame import ReplicateSpec

    raw = pd.read_csv(REF / "rounds_designs.csv")
    out = []
    for r in (0, 1):
        d = raw[raw["round"] == r].reset_index(drop=True)
        df = _round_df(d)
        if design == "ms2_independent":
            df = df.assign(_psu2=df["_hh"], _fpc=d["fpc1"], _fpc2=d["fpc2"])
            spec = DesignSpec(has_fpc=True, stages=2)
        else:
            spec = DesignSpec(replicates=ReplicateSpec("jkn", generated=True, mse=True))
        out.append(_frame(df, spec))
    return out
