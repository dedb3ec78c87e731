"""Freedonia's follow-up round, two years after the baseline, with known truth (issue 19).

:func:`generate_rounds` draws the baseline exactly as :func:`~workbench.sample.generate.generate`
does (same seed, same frames) while recording its random effects, then the follow-up:

* **design** — the same enumeration areas revisited with the same number of interviews each;
  ``PANEL_SHARE`` of the baseline's households are re-interviewed (same ``hh_id``, same EA: the
  panel subset), the others replaced by new households (ids from ``ea_id·100 + 51``); weights
  follow the frame's growth per group (:data:`~workbench.sample.population.FOLLOW_UP_GROWTH`:
  the IDP stock changes);
* **answers** — drawn from the follow-up population
  (:data:`~workbench.sample.population.FOLLOW_UP`: documentation gaps closing, the camps'
  employment gap widening, returnees' safety improving), with the baseline's EA effects and,
  for re-interviewed households, their own errors carried over (the rounds correlate);
* **questionnaire changes** — the national ID question renamed ``national_id_card`` (same
  question, so the plan confirms it comparable) and a choice added to the drinking-water
  question (code 10, bottled or sachet water, counted as improved: a change of definition the
  plan check flags).

The truth of each round is :func:`~workbench.sample.truth.truth_dict` under its population;
:func:`truth_of_changes` gives the change of each indicator and of each gap with the host
community (the values the coverage simulation checks).
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from workbench.dataset_model import Variable
from workbench.progress import NULL_PROGRESS, CancelToken, Progress
from workbench.sample.design import Design, build_design
from workbench.sample.draws import DrawMemo
from workbench.sample.generate import (
    DEFAULT_HOUSEHOLDS,
    DEFAULT_SEED,
    FreedoniaSample,
    sample_of_design,
)
from workbench.sample.population import BASELINE, FOLLOW_UP, FOLLOW_UP_GROWTH, population
from workbench.sample.truth import INDICATORS

PANEL_SHARE = 0.4
#: the follow-up's fieldwork, two years after the baseline's
ROUND_DATES = ("2024-04-15", "2026-04-15")
ROUND_LABELS = ("Baseline 2024", "Follow-up 2026")
RENAMED = ("national_id", "national_id_card")
WATER_NEW_CODE = 10.0
WATER_NEW_LABELS = {"en": "Bottled or sachet water", "fr": "Eau en bouteille ou en sachet"}
#: share of households with an improved source who name the new choice at the follow-up
WATER_NEW_SHARE = 0.12


def follow_up_design(base: Design, rng: np.random.Generator) -> tuple[Design, np.ndarray]:
    """The follow-up's design over the baseline's EAs, and each household's baseline row
    (−1 for a new household)."""
    n_ea = len(base.ea_id)
    kept = rng.random(base.n_households) < PANEL_SHARE
    new_per_ea = base.ea_respondents - np.bincount(base.hh_ea[kept], minlength=n_ea)
    new_ea = np.repeat(np.arange(n_ea), new_per_ea)
    serial = np.arange(len(new_ea)) - np.repeat(np.cumsum(new_per_ea) - new_per_ea, new_per_ea)
    hh_ea = np.concatenate([base.hh_ea[kept], new_ea])
    hh_id = np.concatenate([base.hh_id[kept], base.ea_id[new_ea] * 100 + 51 + serial])
    previous = np.concatenate([np.flatnonzero(kept), np.full(len(new_ea), -1)])
    order = np.lexsort((hh_id, hh_ea))
    from workbench.sample.params import STRATA

    growth_h = np.array([FOLLOW_UP_GROWTH[s.group] for s in STRATA])
    w_ea = np.zeros(n_ea)
    w_ea[base.hh_ea] = base.weight
    design = dataclasses.replace(
        base,
        ea_size=np.round(base.ea_size * growth_h[base.ea_stratum]).astype(np.int64),
        frame_households=base.frame_households * growth_h,
        hh_ea=hh_ea[order],
        hh_id=hh_id[order],
        weight=np.round((w_ea * growth_h[base.ea_stratum])[hh_ea[order]], 4),
    )
    return design, previous[order]


def generate_rounds(
    households: int = DEFAULT_HOUSEHOLDS,
    seed: int = DEFAULT_SEED,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
    plant: bool = True,
) -> tuple[FreedoniaSample, FreedoniaSample]:
    """(baseline, follow-up). The baseline equals ``generate(households, seed, plant=plant)``;
    the follow-up has no planted problems (its checks are the baseline's story)."""
    rng = np.random.default_rng(seed)
    design = build_design(households, rng)
    memo = DrawMemo()
    with population(BASELINE):
        base = sample_of_design(rng, design, seed, plant, memo=memo, cancel=cancel)
    rng2 = np.random.default_rng([seed, 2])
    design2, previous = follow_up_design(design, rng2)
    replay = dataclasses.replace(memo, replay=True)
    with population(FOLLOW_UP):
        follow = sample_of_design(
            rng2, design2, seed, False, memo=replay, previous=previous, progress=progress,
            cancel=cancel,
        )  # fmt: skip
    _questionnaire_changes(follow, rng2)
    follow.meta |= {"round": ROUND_LABELS[1], "date": ROUND_DATES[1],
                    "panel_households": int((previous >= 0).sum())}  # fmt: skip
    base.meta |= {"round": ROUND_LABELS[0], "date": ROUND_DATES[0]}
    follow.truth["changes"] = truth_of_changes()
    return base, follow


def _questionnaire_changes(s: FreedoniaSample, rng: np.random.Generator) -> None:
    old, new = RENAMED
    s.individuals = s.individuals.rename(columns={old: new})
    var = s.individual_variables.pop(old)
    s.individual_variables[new] = dataclasses.replace(var, name=new)
    water = s.household["water_source"].to_numpy(dtype=float)
    improved = np.isin(water, (1.0, 2.0, 3.0, 6.0))
    switch = improved & (rng.random(len(water)) < WATER_NEW_SHARE)
    s.household["water_source"] = np.where(switch, WATER_NEW_CODE, water)
    v: Variable = s.household_variables["water_source"]
    labels = dict(v.value_labels) | {WATER_NEW_CODE: WATER_NEW_LABELS["en"]}
    i18n = {k: dict(x) for k, x in v.value_labels_i18n.items()}
    for lang, text in WATER_NEW_LABELS.items():
        i18n.setdefault(lang, {})[WATER_NEW_CODE] = text
    s.household_variables["water_source"] = dataclasses.replace(
        v, value_labels=labels, value_labels_i18n=i18n
    )


def truth_of_changes() -> dict[str, Any]:
    """Per indicator: each group's change (follow-up − baseline) and each displaced group's
    change in the gap with the host community (group − host at the follow-up minus the same
    at the baseline). Exact values (not rounded)."""
    values = {}
    for pop in (BASELINE, FOLLOW_UP):
        with population(pop):
            values[pop.name] = {i.id: {g: i.value(g) for g in i.groups} for i in INDICATORS}
    out: dict[str, Any] = {}
    for ind in INDICATORS:
        a, b = values["baseline"][ind.id], values["follow_up"][ind.id]
        entry: dict[str, Any] = {"change": {str(g): b[g] - a[g] for g in ind.groups}}
        if 4 in ind.groups:
            entry["gap_change"] = {
                str(g): (b[g] - b[4]) - (a[g] - a[4]) for g in ind.groups if g != 4
            }
        out[ind.id] = entry
    return out


def rounds_truth(follow: FreedoniaSample) -> dict[str, Any]:
    """The content of ``truth_rounds.json``: the rounds, each round's population values, the
    truth of every change and change in the gap, and the questionnaire's changes."""
    per_round = {}
    for label, pop in zip(ROUND_LABELS, (BASELINE, FOLLOW_UP), strict=True):
        with population(pop):
            per_round[label] = {i.id: {str(g): round(i.value(g), 6) for g in i.groups}
                                for i in INDICATORS}  # fmt: skip
    return {
        "rounds": [{"label": x, "date": d} for x, d in zip(ROUND_LABELS, ROUND_DATES, strict=True)],
        "panel": {"share": PANEL_SHARE, "households": follow.meta.get("panel_households")},
        "frame_growth": {str(g): x for g, x in FOLLOW_UP_GROWTH.items()},
        "questionnaire_changes": {
            "renamed": {"from": RENAMED[0], "to": RENAMED[1]},
            "choice_added": {
                "question": "water_source",
                "code": int(WATER_NEW_CODE),
                "label": WATER_NEW_LABELS["en"],
                "counts_as": "improved",
            },
        },
        "values": per_round,
        "changes": {
            k: {part: {g: round(x, 6) + 0.0 for g, x in v.items()} for part, v in entry.items()}
            for k, entry in truth_of_changes().items()
        },
    }
