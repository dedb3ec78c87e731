"""Small synthetic survey frames for the engine's tests (imported by tests/stats/test_stats_*)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.stats.frame import (
    AnalysisFrame,
    DesignSpec,
    DisaggregationSpec,
    GroupSpec,
    IndicatorSpec,
    StockTableSpec,
    UnitFrame,
)

GROUPS = [
    GroupSpec("1", "IDPs in camps", "displaced"),
    GroupSpec("2", "IDPs outside camps", "displaced"),
    GroupSpec("3", "Host community", "comparator"),
    GroupSpec("9", "Unknown status", "exclude"),
]


def households(
    n: int = 600, seed: int = 0, n_strata: int = 4, psu_per_stratum: int = 6
) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    psu = rng.integers(0, n_strata * psu_per_stratum, n)
    group = rng.choice(np.array(["1", "2", "3", "9"]), n, p=[0.3, 0.25, 0.4, 0.05])
    df = pd.DataFrame(
        {
            "_weight": rng.uniform(1, 5, n),
            "_stratum": psu // psu_per_stratum,
            "_psu": psu,
            "_group": group,
            "_hh": np.arange(n),
            "sex": rng.choice(np.array(["female", "male"]), n),
            "location": rng.choice(np.array(["north", "south"]), n),
            "origin_location": rng.choice(np.array(["east", "west"]), n),
            "displacement_year": rng.choice(np.array(["2019", "2020"]), n),
        }
    )
    worse = np.where(group == "3", 0.0, 0.15)
    df["food"] = (rng.random(n) < 0.3 + worse).astype(float)
    df["tenure"] = (rng.random(n) < 0.6 - worse).astype(float)  # higher is better
    df["docs"] = np.where(rng.random(n) < 0.1, np.nan, (rng.random(n) < 0.2 + worse).astype(float))
    df["income"] = rng.gamma(2.0, 50.0 - 100 * worse, n)
    df["size"] = rng.integers(1, 8, n).astype(float)
    return df


def indicators() -> list[IndicatorSpec]:
    return [
        IndicatorSpec(
            "food",
            "Food insecure",
            "2",
            "household",
            "proportion",
            "higher_is_worse",
            iris_subcriterion="2.1",
            disaggregations=("sex",),
        ),
        IndicatorSpec(
            "tenure",
            "Secure tenure",
            "4",
            "household",
            "proportion",
            "higher_is_better",
            iris_subcriterion="4.1",
            disaggregations=("sex",),
        ),
        IndicatorSpec(
            "docs",
            "No documents",
            "5",
            "household",
            "proportion",
            "higher_is_worse",
            iris_subcriterion="5.1",
        ),
        IndicatorSpec(
            "income",
            "Income",
            "3",
            "household",
            "mean",
            "higher_is_better",
            iris_subcriterion="3.2",
        ),
        IndicatorSpec(
            "income_med", "Median income", "3", "household", "median", "higher_is_better"
        ),
        IndicatorSpec("size", "People", "A", "household", "total", "neutral"),
    ]


def frame(df: pd.DataFrame | None = None, design: DesignSpec | None = None) -> AnalysisFrame:
    df = households() if df is None else df
    df = df.assign(income_med=df["income"])
    return AnalysisFrame(
        units={"household": UnitFrame("household", df, design or DesignSpec())},
        groups=list(GROUPS),
        disaggregations=[
            DisaggregationSpec("sex", "Sex", ("female", "male")),
            DisaggregationSpec("location", "Location"),
        ],
        indicators=indicators(),
        stock_tables=[
            StockTableSpec("by_sex", "IDP households by sex", "household", "sex"),
            StockTableSpec("loc_sex", "by location and sex", "household", "location", "sex"),
        ],
        provenance={"dataset_fingerprint": "test"},
    )
