"""Executable definitions of the truth indicators on the generated frames.

For each indicator of :mod:`workbench.sample.truth`, :func:`observe` returns one row per unit
(household, or member joined to its household) with the survey design, the population group, the
universe flag and the numerator flag, so that any estimator (ours, R's ``survey``) can be checked
against ``truth.json``. Ratio indicators (unemployment) are shares of their universe (the labour
force), so the same columns serve.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from workbench.sample.generate import FreedoniaSample
from workbench.sample.params import POVERTY_LINE

Flags = tuple[pd.Series, pd.Series]  # (universe, numerator)
DESIGN = ["hh_id", "stratum", "ea_id", "weight", "fpc_ea", "pop_group"]
_FIES = ["fies_worried", "fies_healthy", "fies_fewfoods", "fies_skipped", "fies_ateless",
         "fies_ranout", "fies_hungry", "fies_wholeday"]  # fmt: skip
_WG = ["wg_seeing", "wg_hearing", "wg_walking", "wg_cognition", "wg_selfcare", "wg_communication"]


def _valid(s: pd.Series, codes: tuple[float, ...] = (98.0, 99.0)) -> pd.Series:
    return s.notna() & ~s.isin(codes)


def _yes(col: str) -> Callable[[pd.DataFrame], Flags]:
    return lambda df: (_valid(df[col]), df[col] == 1)


def _in(col: str, codes: tuple[float, ...]) -> Callable[[pd.DataFrame], Flags]:
    return lambda df: (_valid(df[col]), df[col].isin(codes))


def _aged(lo: float, hi: float, col: str, test: Callable[[pd.Series], pd.Series]):  # type: ignore[no-untyped-def]
    def f(df: pd.DataFrame) -> Flags:
        return (df["age"] >= lo) & (df["age"] <= hi) & _valid(df[col]), test(df[col])

    return f


def _food(df: pd.DataFrame) -> Flags:
    items = df[_FIES]
    return items.isin([0.0, 1.0]).all(axis=1), (items == 1).sum(axis=1) >= 4


def _crowded(df: pd.DataFrame) -> Flags:
    ok = _valid(df["rooms_sleep"])
    return ok, df["hh_size"] / df["rooms_sleep"].where(ok) > 3


def _inadequate(df: pd.DataFrame) -> Flags:
    parts = ["water_source", "toilet_type", "rooms_sleep", "wall_material", "tenure_docs"]
    ok = pd.concat([_valid(df[c]) for c in parts], axis=1).all(axis=1)
    lacking = (
        ~df["water_source"].isin([1.0, 2.0, 3.0, 6.0])
        | ~df["toilet_type"].isin([1.0, 2.0, 3.0])
        | _crowded(df)[1]
        | ~df["wall_material"].isin([1.0, 2.0])
        | (df["tenure_docs"] != 1)
    )
    return ok, lacking


def _poor(df: pd.DataFrame) -> Flags:
    ok = _valid(df["income_month"], (999998.0, 999999.0))
    return ok, df["income_month"] / df["hh_size"] < POVERTY_LINE


def _restituted(df: pd.DataFrame) -> Flags:
    ok = (df["hlp_left"] == 1) & _valid(df["hlp_claim"])
    return ok, (df["hlp_claim"] == 1) & (df["hlp_claim_status"] == 1)


def _hlp_docs(df: pd.DataFrame) -> Flags:
    return (df["hlp_left"] == 1) & _valid(df["hlp_docs"]), df["hlp_docs"] == 1


def _health(df: pd.DataFrame) -> Flags:
    return (df["health_need"] == 1) & _valid(df["health_access"]), df["health_access"] == 1


def _labour(df: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    ok = _valid(df["work_7d"])
    employed = (df["work_7d"] == 1) | (df["work_absent"] == 1)
    unemployed = (df["look_work"] == 1) & (df["avail_work"] == 1)
    return ok, employed, unemployed


def _unemployment(df: pd.DataFrame) -> Flags:
    ok, employed, unemployed = _labour(df)
    return ok & (employed | unemployed), unemployed


def _neet(df: pd.DataFrame) -> Flags:
    ok, employed, _ = _labour(df)
    young = (df["age"] >= 15) & (df["age"] <= 24)
    return young & ok & _valid(df["edu_train_now"]), ~employed & (df["edu_train_now"] == 0)


def _disability(df: pd.DataFrame) -> Flags:
    items = df[_WG]
    ok = (df["age"] >= 5) & items.isin([1.0, 2.0, 3.0, 4.0]).all(axis=1)
    return ok, items.isin([3.0, 4.0]).any(axis=1)


OBSERVERS: dict[str, Callable[[pd.DataFrame], Flags]] = {
    "safe_walking": _in("safe_walk", (1.0, 2.0)),
    "violence_victim": _yes("violence_12m"),
    "movement_restricted": _yes("move_restrict"),
    "food_insecure": _food,
    "improved_water": _in("water_source", (1.0, 2.0, 3.0, 6.0)),
    "improved_sanitation": _in("toilet_type", (1.0, 2.0, 3.0)),
    "crowded": _crowded,
    "durable_housing": _in("wall_material", (1.0, 2.0)),
    "tenure_documented": _yes("tenure_docs"),
    "inadequate_housing": _inadequate,
    "tenure_perceived_secure": _in("tenure_fear", (3.0, 4.0)),
    "below_poverty_line": _poor,
    "cannot_pay_basic": _yes("cannot_pay_basic"),
    "hlp_documented": _hlp_docs,
    "hlp_restituted": _restituted,
    "family_separated": _yes("family_sep"),
    "justice_aware": _yes("justice_aware"),
    "discrimination": _yes("discrim"),
    "health_access": _health,
    "primary_attendance": _aged(6, 11, "school_attend", lambda s: s == 1),
    "secondary_attendance": _aged(12, 17, "school_attend", lambda s: s == 1),
    "primary_completion": _aged(15, 17, "edu_level", lambda s: s >= 2),
    "unemployment_rate": _unemployment,
    "youth_neet": _neet,
    "birth_registered_u5": _aged(0, 4, "birth_registered", lambda s: s == 1),
    "national_id": _aged(16, 200, "national_id", lambda s: s == 1),
    "voted": _aged(18, 200, "voted", lambda s: s == 1),
    "community_participation": _aged(18, 200, "community_part", lambda s: s == 1),
    "disability": _disability,
}


def unit_frame(sample: FreedoniaSample, unit: str) -> pd.DataFrame:
    """Households, or members with their household's design columns and group."""
    if unit == "household":
        return sample.household
    design = sample.household[DESIGN]
    return sample.individuals.merge(design, on="hh_id", how="left", validate="many_to_one")


def observe(sample: FreedoniaSample, indicator: str) -> pd.DataFrame:
    """Design columns + ``universe`` and ``y`` (bools) for one truth indicator."""
    unit = sample.truth["indicators"][indicator]["unit"]
    df = unit_frame(sample, unit)
    universe, y = OBSERVERS[indicator](df)
    out = df[["stratum", "ea_id", "weight", "fpc_ea", "pop_group"]].copy()
    out["universe"] = universe.fillna(False).astype(bool).to_numpy()
    out["y"] = (np.asarray(y.fillna(False), dtype=bool)) & out["universe"].to_numpy()
    return out
