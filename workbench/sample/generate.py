"""Generate the Freedonia sample: two linked frames, their codebook variables and the truth."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.progress import NULL_PROGRESS, CancelToken, Progress, check_cancel
from workbench.sample import codebook
from workbench.sample.design import Design, build_design
from workbench.sample.draws import Drawer, DrawMemo
from workbench.sample.households import frame_groups, household_answers, household_sizes
from workbench.sample.identifiers import (
    fake_gps,
    fake_names,
    fake_phones,
    kobo_metadata,
    other_texts,
)
from workbench.sample.individuals import individual_answers, roster_structure
from workbench.sample.params import STATUS_UNKNOWN_RATE, STRATA
from workbench.sample.planted import plant_problems
from workbench.sample.skips import apply_form_logic
from workbench.sample.truth import truth_dict

DEFAULT_HOUSEHOLDS = 3000
DEFAULT_SEED = 20261122
#: select_multiple questions of the household file: summary column -> option columns prefix
MULTI = ("settle_cond", "move_restrict_type", "hlp_type")


@dataclass
class FreedoniaSample:
    household: pd.DataFrame
    individuals: pd.DataFrame
    household_variables: dict[str, Variable]
    individual_variables: dict[str, Variable]
    truth: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def variables(self) -> dict[str, dict[str, Variable]]:
        return {"household": self.household_variables, "individual": self.individual_variables}

    def datasets(self) -> list[Dataset]:
        """The two frames as linked :class:`Dataset` objects (household first)."""
        hh = Dataset(
            "freedonia_household",
            self.household.copy(),
            dict(self.household_variables),
            unit="household",
            key="hh_id",
            languages=["en", "fr"],
            source={"format": "generated", "seed": self.meta.get("seed")},
        )
        ind = Dataset(
            "freedonia_individual",
            self.individuals.copy(),
            dict(self.individual_variables),
            unit="individual",
            key=None,
            parent="freedonia_household",
            parent_key="hh_id",
            languages=["en", "fr"],
            source={"format": "generated", "seed": self.meta.get("seed")},
        )
        return [hh, ind]


def _summary(df: pd.DataFrame, q: str) -> pd.Series:
    """Kobo's space-separated summary of a select_multiple question from its 0/1 columns
    (each row's selection as a bit mask, mapped through a table of the 2^k possible texts)."""
    opts = [c.option for c in codebook.columns("household") if c.question.name == q and c.option]
    mask = np.zeros(len(df), dtype=np.int64)
    for bit, o in enumerate(opts):
        mask |= (df[f"{q}_{o}"].to_numpy() == 1).astype(np.int64) << bit
    table = np.array(
        [" ".join(o for bit, o in enumerate(opts) if m >> bit & 1) for m in range(1 << len(opts))],
        dtype=object,
    )
    text = pd.Series(table[mask], index=df.index, dtype=object)
    asked = df[f"{q}_{opts[0]}"].notna()
    return text.where(asked, None).astype("str")


def _household_frame(
    rng: np.random.Generator,
    design: Design,
    size: np.ndarray,
    memo: DrawMemo | None = None,
    previous: np.ndarray | None = None,
) -> pd.DataFrame:
    group, district = frame_groups(design)
    n = design.n_households
    answers = household_answers(rng, design, size, memo, previous)
    unknown = rng.random(n) < STATUS_UNKNOWN_RATE
    stratum_idx = design.ea_stratum[design.hh_ea]
    lat, lon = fake_gps(rng, district)
    cols: dict[str, Any] = kobo_metadata(rng, district, design.hh_ea)
    cols |= {
        "consent": np.ones(n),
        "resp_name": fake_names(rng, n),
        "resp_phone": fake_phones(rng, n),
        "hh_gps_lat": lat,
        "hh_gps_lon": lon,
        "hh_id": design.hh_id.astype(np.float64),
        "district": district.astype(np.float64),
        "urban": np.where(design.ea_urban[design.hh_ea], 1.0, 2.0),
        "ea_id": design.ea_id[design.hh_ea].astype(np.float64),
        "pop_group": np.where(unknown, 99.0, group.astype(np.float64)),
        "stratum": np.array([s.code for s in STRATA], dtype=np.float64)[stratum_idx],
        "weight": design.weight,
        "fpc_ea": design.frame_eas[stratum_idx].astype(np.float64),
        "hh_size": size.astype(np.float64),
        "settle_cond_specify": other_texts(rng, n),
    }
    cols |= {k: v for k, v in answers.items() if not k.startswith("_")}
    for q in MULTI:
        cols[q] = np.full(n, "", dtype=object)
    frame = pd.DataFrame({name: cols[name] for name in codebook.column_names("household")})
    apply_form_logic(frame, "household", rng)
    for q in MULTI:
        frame[q] = _summary(frame, q)
    return frame


def _inject_bad_ages(
    rng: np.random.Generator, age: np.ndarray, member: np.ndarray, hh: np.ndarray, apply: bool
) -> None:
    """A few deliberate errors for the checks to find: heads aged 9, members over 110 (drawn
    even when not ``apply``-ed, so a clean sample's other answers are the planted one's)."""
    n_hh = int(hh.max()) + 1 if len(hh) else 0
    k = max(1, n_hh // 1500)
    heads = np.flatnonzero(member == 1)
    young = rng.choice(heads, size=k, replace=False)
    if apply:
        age[young] = 9
    others = np.flatnonzero(member > 1)
    if len(others):
        # the order of the draws is the one `age[choice] = integers` had (right side first)
        ages = rng.integers(111, 119, size=min(k, len(others)))
        old = rng.choice(others, size=min(k, len(others)), replace=False)
        if apply:
            age[old] = ages


def _individual_frame(
    rng: np.random.Generator,
    design: Design,
    size: np.ndarray,
    plant: bool,
    memo: DrawMemo | None = None,
) -> pd.DataFrame:
    group, district = frame_groups(design)
    hh, member, demo = roster_structure(rng, size, group)
    age = demo["age"].astype(np.int64)
    _inject_bad_ages(rng, age, member, hh, plant)
    demo["age"] = age.astype(np.float64)
    d = Drawer(rng, group[hh], district[hh], design.hh_ea[hh], len(design.ea_id), memo)
    answers = individual_answers(rng, d, age)
    cols: dict[str, Any] = {
        "hh_id": design.hh_id[hh].astype(np.float64),
        "member_no": member.astype(np.float64),
        "member_name": fake_names(rng, len(hh), with_family=False),
        **demo,
        **answers,
    }
    frame = pd.DataFrame({name: cols[name] for name in codebook.column_names("individual")})
    apply_form_logic(frame, "individual", rng)
    return frame


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    for name in frame.columns:
        if frame[name].dtype == object:
            frame[name] = frame[name].astype("str").where(frame[name].notna(), None).astype("str")
    return frame


def generate(
    households: int = DEFAULT_HOUSEHOLDS,
    seed: int = DEFAULT_SEED,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
    plant: bool = True,
) -> FreedoniaSample:
    """Deterministic: the same ``households`` and ``seed`` give identical frames. ``plant``:
    the deliberate problems for the data checks (bad ages, duplicates, skip violations, a
    household without consent — :mod:`workbench.sample.planted`); False gives a clean sample."""
    rng = np.random.default_rng(seed)
    progress.update(0, 3, "design")
    design = build_design(households, rng)
    return sample_of_design(rng, design, seed, plant, progress=progress, cancel=cancel)


def sample_of_design(
    rng: np.random.Generator,
    design: Design,
    seed: int,
    plant: bool,
    memo: DrawMemo | None = None,
    previous: np.ndarray | None = None,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
) -> FreedoniaSample:
    """The frames of one round drawn over ``design`` (the active population's outcomes);
    ``memo`` / ``previous``: a round's random effects recorded or carried into the next
    (:class:`~workbench.sample.draws.DrawMemo`)."""
    group, _ = frame_groups(design)
    size = household_sizes(rng, group)
    check_cancel(cancel)
    progress.update(1, 3, "households")
    hh_frame = _household_frame(rng, design, size, memo, previous)
    planted = plant_problems(hh_frame, seed) if plant else {}
    hh = _finish(hh_frame)
    check_cancel(cancel)
    progress.update(2, 3, "individuals")
    ind = _finish(_individual_frame(rng, design, size, plant, memo))
    progress.update(3, 3, "done")
    meta = {
        "households": len(hh),
        "individuals": len(ind),
        "seed": int(seed),
        "enumeration_areas": len(design.ea_id),
        "strata": len(design.frame_eas),
        "frame_scale": float(design.scale),
        "planted": planted,
    }
    truth = truth_dict() | {"sample": meta}
    return FreedoniaSample(
        household=hh,
        individuals=ind,
        household_variables=codebook.variables("household"),
        individual_variables=codebook.variables("individual"),
        truth=truth,
        meta=meta,
    )
