"""A household survey "from another organisation" to develop and test auto-suggest against.

Descriptive column names only (no XLSForm, no labels), in the styles seen in real exports:
numbered prefixes (``H_4_2_safe_walking_night``), glued words (``watersource``), short forms
(``hhid``, ``hh_size``, ``ea``), answers as yes/no text, 1/0 or 1/2, and many columns that answer
nothing in the library (the distractors, some with tempting names: ``hh``, ``house``,
``cook_str``, ``dist_health_km``). ``TRUTH`` is the hand mapping (input → column) and
``TRUE_CODES`` the codes that count for coded conditions.

Written for this project (synthetic values, no real person); it is *not* one of the corpus
questionnaires, so measuring on the corpus stays a hold-out.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.datasets.importing import ImportOptions, read_datasets

TRUTH: dict[str, str] = {
    "household_id": "hhid",
    "weight": "weight",
    "stratum": "strata",
    "psu": "ea",
    "location": "region",
    "area_type": "urban_rural",
    "population_group": "pop_status",
    "household_size": "hh_size",
    "household_income": "income_total",
    "feels_safe_walking_alone": "H_4_2_safe_walking_night",
    "has_bank_account": "C_4_15_bank_account",
    "free_to_move": "B_2_1_free_to_move",
    "improved_drinking_water": "watersource",
    "family_separated": "D_1_3_separated_family_members",
    "number_separated_members": "D_1_4_num_separated",
    "has_electricity": "electricity_access",
    "evicted_past_12_months": "H_2_7_evicted_last_12m",
    "displacement_year": "year_displaced",
    "food_expenditure": "exp_food_month",
    "owns_productive_assets": "owns_productive_assets",
    "loan_for_basic_expenses": "borrowed_money_basic_needs",
    "has_tenure_document": "house_ownership_document",
    "experienced_violence": "F_1_victim_violence_12m",
    "sex": "sex",
    "age": "age",
    "attends_school": "currently_attending_school",
    "worked_past_7_days": "worked_last_7_days",
    "has_birth_certificate": "birth_cert",
    "has_national_id": "nationalidcard",
    "is_household_head": "relation_to_head",
}
TRUE_CODES: dict[str, tuple[object, ...]] = {
    "feels_safe_walking_alone": ("yes",),
    "has_bank_account": (1,),
    "free_to_move": ("yes",),
    "improved_drinking_water": ("piped", "borehole", "protected_well"),
    "family_separated": (1,),
    "has_electricity": ("yes",),
    "evicted_past_12_months": (1,),
    "owns_productive_assets": (1,),
    "loan_for_basic_expenses": ("yes",),
    "has_tenure_document": (1,),
    "experienced_violence": (1,),
    "attends_school": ("yes",),
    "worked_past_7_days": (1,),
    "has_birth_certificate": (1,),
    "has_national_id": ("yes",),
}


def _yn(rng: np.random.Generator, n: int, p: float = 0.5) -> np.ndarray:
    return np.where(rng.random(n) < p, "yes", "no")


def _b(rng: np.random.Generator, n: int, p: float = 0.5) -> np.ndarray:
    return (rng.random(n) < p).astype(int)


def _b12(rng: np.random.Generator, n: int, p: float = 0.5) -> np.ndarray:
    return np.where(rng.random(n) < p, 1, 2)


def frames(households: int = 240, seed: int = 5) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    n = households
    region = rng.choice(["north", "south", "east", "west", "centre"], n)
    urban = rng.choice(["urban", "rural"], n)
    strata = pd.Series(region).str[:2] + "_" + pd.Series(urban).str[0]
    ea = np.array([f"{s}{rng.integers(1, 5)}" for s in strata])  # nested in strata
    ea_codes = pd.Series(ea).astype("category").cat.codes.to_numpy() + 101
    size = rng.integers(1, 10, n)
    hh = {
        "hhid": np.arange(5001, 5001 + n),
        "interview_date": pd.Timestamp("2025-03-01") + pd.to_timedelta(rng.integers(0, 30, n), "D"),
        "enumerator_code": rng.integers(1, 15, n),
        "region": region,
        "district_code": rng.integers(1, 21, n),
        "urban_rural": urban,
        "strata": strata,
        "ea": ea_codes,
        "hh": rng.integers(1, 13, n),  # household number inside the EA: not an id
        "weight": np.round(rng.gamma(4.0, 40.0, n), 4),
        "pop_status": rng.choice(["idp", "returnee", "host_community"], n),
        "year_displaced": rng.choice([2015, 2017, 2019, 2021], n),
        "hh_size": size,
        "hh_size_under5": np.minimum(size, rng.integers(0, 3, n)),
        "house": rng.choice(["apartment", "tent", "traditional", "unfinished"], n),
        "roof_mat": rng.choice(["tin", "thatch", "concrete"], n),
        "cook_str": rng.choice(["inside", "outside", "none"], n),
        "cooking_fuel": rng.choice(["wood", "charcoal", "gas"], n),
        "watersource": rng.choice(
            ["piped", "borehole", "protected_well", "unprotected_well", "river"], n
        ),
        "water_treatment": _yn(rng, n),
        "toilet_facility": rng.choice(["flush", "pit_slab", "open"], n),
        "electricity_access": _yn(rng, n, 0.6),
        "income_total": np.round(rng.lognormal(5.5, 0.8, n), 2),
        "income_main_source": rng.choice(["salary", "trade", "agriculture", "aid"], n),
        "exp_food_month": np.round(rng.lognormal(4.5, 0.5, n), 2),
        "exp_rent_month": np.round(rng.lognormal(3.5, 0.5, n), 2),
        "borrowed_money_basic_needs": _yn(rng, n, 0.4),
        "owns_productive_assets": _b(rng, n, 0.3),
        "livestock_goats": rng.integers(0, 8, n),
        "radio_owned": _b(rng, n),
        "dist_health_km": np.round(rng.gamma(2.0, 2.0, n), 1),
        "dist_market_minutes": rng.integers(5, 120, n),
        "aid_received_3m": _yn(rng, n),
        "phone_network_ok": _yn(rng, n),
        "house_ownership_document": _b(rng, n, 0.3),
        "H_2_7_evicted_last_12m": _b(rng, n, 0.1),
        "H_4_1_feel_safe_at_home": _yn(rng, n, 0.8),
        "H_4_2_safe_walking_night": _yn(rng, n, 0.6),
        "H_4_3_police_station_near": _yn(rng, n),
        "B_2_1_free_to_move": _yn(rng, n, 0.7),
        "B_2_2_checkpoints_count": rng.integers(0, 6, n),
        "C_4_14_savings_group": _b(rng, n, 0.2),
        "C_4_15_bank_account": _b(rng, n, 0.25),
        "C_4_16_remittances": _b(rng, n, 0.2),
        "D_1_3_separated_family_members": _b(rng, n, 0.2),
        "D_1_4_num_separated": rng.integers(0, 4, n),
        "F_1_victim_violence_12m": _b(rng, n, 0.1),
        "F_2_community_meetings": _b12(rng, n),
        "G_1_intention_6m": rng.choice(["stay", "return", "move", "dont_know"], n),
        "consent": np.full(n, "yes"),
    }
    household = pd.DataFrame(hh)
    rows = []
    for hid, k in zip(household["hhid"], size, strict=True):
        for j in range(int(k)):
            age = int(rng.integers(30, 70)) if j == 0 else int(rng.integers(0, 60))
            school = "yes" if 5 <= age < 18 and rng.random() < 0.7 else "no"
            rows.append({
                "hhid": hid,
                "member_no": j + 1,
                "relation_to_head": "head" if j == 0 else rng.choice(["spouse", "child", "other"]),
                "sex": rng.choice(["male", "female"]),
                "age": age,
                "marital_status": rng.choice(["single", "married", "widowed"]),
                "currently_attending_school": school,
                "highest_grade": int(rng.integers(0, 12)),
                "worked_last_7_days": int(age >= 15 and rng.random() < 0.5),
                "hours_worked": int(rng.integers(0, 60)),
                "birth_cert": int(rng.random() < 0.6),
                "nationalidcard": "yes" if age >= 18 and rng.random() < 0.7 else "no",
                "chronic_illness": int(rng.random() < 0.1),
            })  # fmt: skip
    return household, pd.DataFrame(rows)


def datasets(folder: Path, households: int = 240, seed: int = 5) -> dict[str, Dataset]:
    """The survey written as two CSV files and read back by the importer (names only)."""
    hh, ind = frames(households, seed)
    hh.to_csv(folder / "survey_hh.csv", index=False)
    ind.to_csv(folder / "survey_members.csv", index=False)
    out: dict[str, Dataset] = {}
    for stem, unit in (("survey_hh", "household"), ("survey_members", "individual")):
        opts = ImportOptions(unit=unit, default_identifier_action="keep")
        for ds in read_datasets(folder / f"{stem}.csv", opts):
            out[ds.name] = ds
    return out
