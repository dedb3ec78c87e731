# ruff: noqa: E501 - one indicator per line reads best
"""Survey frames with small cells for the complementary-suppression tests.

``camps_frame`` rebuilds the structure of the finding of issue 15 (IDPs in camps × Disaster ×
2018: 15 households beside 65 and 38 of the other displaced groups, all displaced published);
``small_cells_frame`` draws a seeded survey in which many cells of every table are small.
"""

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
    GroupSpec("3", "Returnees", "displaced"),
    GroupSpec("4", "Host community", "comparator"),
]


def _frame(
    df: pd.DataFrame, indicators: list[IndicatorSpec], stock: list[StockTableSpec]
) -> AnalysisFrame:
    return AnalysisFrame(
        units={"household": UnitFrame("household", df, DesignSpec())},
        groups=list(GROUPS),
        disaggregations=[
            DisaggregationSpec(
                "location", "District", ("Alvora", "Bendeki", "Corvalle", "Dunmere")
            ),
            DisaggregationSpec("sex", "Sex of the head", ("Female", "Male")),
        ],
        indicators=indicators,
        stock_tables=stock,
        provenance={
            "dataset_fingerprint": "synthetic",
            "plan_name": "synthetic",
            "plan_version": 1,
        },
    )


def _design(n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    psu = rng.integers(0, 40, n)
    return {
        "_weight": rng.uniform(40, 60, n),
        "_stratum": psu // 10,
        "_psu": psu,
        "_hh": np.arange(n),
    }


def camps_frame(seed: int = 15) -> AnalysisFrame:
    """Cause × year of displacement: IDPs in camps have 15 households displaced by a disaster in
    2018, the other displaced groups 65 and 38; the host community is the comparator."""
    rng = np.random.default_rng(seed)
    rows = []
    for group, small in (("1", 15), ("2", 65), ("3", 38)):
        rows += [(group, "Disaster", "2018")] * small
        rows += [(group, "Conflict", "2018")] * 200 + [(group, "Conflict", "2019")] * 200
    rows += [("4", "Conflict", "2019")] * 300
    df = pd.DataFrame(rows, columns=["_group", "cause", "year"])
    df = df.assign(**_design(len(df), rng))
    df["location"] = rng.choice(np.array(["Alvora", "Bendeki", "Corvalle", "Dunmere"]), len(df))
    df["sex"] = rng.choice(np.array(["Female", "Male"]), len(df))
    df["food"] = (rng.random(len(df)) < 0.4).astype(float)
    ind = IndicatorSpec("food", "Food insecure", "2", "household", "proportion", "higher_is_worse")
    stock = [
        StockTableSpec(
            "cause_by_year", "IDP households by cause and year", "household", "cause", "year"
        )
    ]
    return _frame(df, [ind], stock)


def small_cells_frame(seed: int, n: int = 700) -> AnalysisFrame:
    """Four groups of very different sizes (the smallest a few dozen households), breakdowns by
    district and sex, proportions on small universes, a mean, a count, stock tables by
    district × sex and by district: many cells fall under every threshold."""
    rng = np.random.default_rng(seed)
    group = rng.choice(np.array(["1", "2", "3", "4"]), n, p=[0.06, 0.44, 0.15, 0.35])
    df = pd.DataFrame({"_group": group, **_design(n, rng)})
    df["location"] = rng.choice(
        np.array(["Alvora", "Bendeki", "Corvalle", "Dunmere"]), n, p=[0.55, 0.3, 0.1, 0.05]
    )
    df["sex"] = rng.choice(np.array(["Female", "Male"]), n, p=[0.3, 0.7])
    base = {"1": 0.6, "2": 0.45, "3": 0.35, "4": 0.2}
    p = df["_group"].map(base).to_numpy(float)
    df["food"] = (rng.random(n) < p).astype(float)
    universe = rng.random(n) < 0.25  # a small universe (e.g. households with a claim)
    df["claim_resolved"] = np.where(universe, (rng.random(n) < 1 - p).astype(float), np.nan)
    df["income"] = rng.gamma(2.0, 400.0 * (1.5 - p))
    df["members"] = rng.integers(1, 9, n).astype(float)
    disagg = ("location", "sex")
    inds = [
        IndicatorSpec("food", "Food insecure", "2", "household", "proportion", "higher_is_worse", iris_subcriterion="2.1", disaggregations=disagg),
        IndicatorSpec("claim_resolved", "HLP claim resolved", "4", "household", "proportion", "higher_is_better", iris_subcriterion="4.1", disaggregations=disagg),
        IndicatorSpec("income", "Income", "3", "household", "mean", "higher_is_better", iris_subcriterion="3.2", disaggregations=("location",)),
        IndicatorSpec("members", "People", "A", "household", "total", "neutral", disaggregations=("location",)),
    ]  # fmt: skip
    stock = [
        StockTableSpec("location_by_sex", "by district and sex", "household", "location", "sex"),
        StockTableSpec("location", "by district", "household", "location"),
    ]
    return _frame(df, inds, stock)
