"""Individual roster answers before missing codes and skip patterns (vectorised).

Household composition depends on the population group only (never on the district), so the
expected number of members in any age band per household is the same across districts of a
group; that keeps the individual-level truth a simple frame-weighted mean (see ``truth``).
"""

from __future__ import annotations

import numpy as np

from workbench.sample.draws import Drawer, choice_by, pick
from workbench.sample.params import FEMALE_HEAD

Arrays = dict[str, np.ndarray]

WG_DOMAINS = ("seeing", "hearing", "walking", "cognition", "selfcare", "communication")


def _f(a: np.ndarray) -> np.ndarray:
    return a.astype(np.float64)


def roster_structure(
    rng: np.random.Generator, size: np.ndarray, group: np.ndarray
) -> tuple[np.ndarray, np.ndarray, Arrays]:
    """(household index per member, member number, {sex, age, relation})."""
    hh = np.repeat(np.arange(len(size)), size)
    member = np.arange(len(hh)) - np.repeat(np.cumsum(size) - size, size) + 1
    n = len(hh)
    g = group[hh]
    head_age = 20 + np.floor(55 * rng.beta(2.0, 3.2, size=len(size))).astype(np.int64)
    head_female = rng.random(len(size)) < np.vectorize(FEMALE_HEAD.get)(group)
    spouse = (size >= 2) & (rng.random(len(size)) < np.where(head_female, 0.35, 0.85))
    is_head = member == 1
    is_spouse = (member == 2) & spouse[hh]
    rel_other = choice_by(
        rng, g, [3, 6, 4, 5, 7, 8], {k: [0.72, 0.06, 0.05, 0.08, 0.07, 0.02] for k in (1, 2, 3, 4)}
    )
    relation = np.where(is_head, 1, np.where(is_spouse, 2, rel_other))
    ha = head_age[hh]
    u = rng.random(n)
    age = np.select(
        [relation == 1, relation == 2, relation == 3, relation == 6, relation == 4, relation == 5],
        [
            ha,
            np.maximum(16, ha + rng.integers(-8, 4, size=n)),
            np.floor(u * np.clip(ha - 16, 1, 30)),
            np.floor(u * 11),
            np.minimum(95, ha + 18 + np.floor(u * 20)),
            np.maximum(0, ha + rng.integers(-10, 11, size=n)),
        ],
        default=np.floor(u * 70),
    ).astype(np.int64)
    hf = head_female[hh]
    sex = np.where(
        is_head,
        np.where(hf, 2, 1),
        np.where(is_spouse, np.where(hf, 1, 2), 1 + (rng.random(n) < 0.5)),
    )
    return hh, member, {"sex": _f(sex), "age": _f(age), "relation": _f(relation)}


def _wg(rng: np.random.Generator, d: Drawer) -> Arrays:
    n = d.n
    disabled = d.binary("disability")
    levels = np.where(rng.random((n, len(WG_DOMAINS))) < 0.1, 2, 1)
    hit = rng.integers(0, len(WG_DOMAINS), size=n)
    severe = pick(rng, np.ones(n, dtype=bool), [3, 4], [0.75, 0.25])
    rows = np.flatnonzero(disabled)
    levels[rows, hit[rows]] = severe[rows]
    return {f"wg_{dom}": _f(levels[:, j]) for j, dom in enumerate(WG_DOMAINS)}


def _education(rng: np.random.Generator, d: Drawer, age: np.ndarray) -> Arrays:
    n = d.n
    prim = d.binary("attend_primary")
    sec = d.binary("attend_secondary")
    attend = np.where(age <= 11, prim, sec)
    completed = d.binary("primary_completed")
    above = np.select(
        [age <= 14, age <= 17],
        [2, 2 + (rng.random(n) < 0.4)],
        default=pick(rng, np.ones(n, dtype=bool), [2, 3, 4, 5], [0.35, 0.3, 0.22, 0.13]),
    )
    below = np.where(rng.random(n) < 0.6, 1, 0)
    young = np.where(attend | (age >= 8), 1, 0)
    level = np.where(age <= 11, young, np.where(completed, above, below))
    return {
        "school_attend": _f(attend),
        "edu_level": _f(level),
        "edu_train_now": _f(sec),
    }


def _labour(rng: np.random.Generator, d: Drawer) -> Arrays:
    n = d.n
    employed = d.binary("employed")
    seeking = d.binary("seeking_if_not_employed")
    worked = employed & (rng.random(n) < 0.95)
    absent = employed & ~worked
    looked_only = ~employed & ~seeking & (rng.random(n) < 0.3)
    look = ~employed & (seeking | looked_only)
    return {
        "work_7d": _f(worked),
        "work_absent": _f(absent),
        "look_work": _f(look),
        "avail_work": _f(seeking),
    }


def individual_answers(rng: np.random.Generator, d: Drawer, age: np.ndarray) -> Arrays:
    n = d.n
    out: Arrays = {}
    out.update(_wg(rng, d))
    need = d.binary("health_need")
    out["health_need"] = _f(need)
    out["health_access"] = _f(d.binary("health_access"))
    out["health_barrier"] = _f(
        pick(rng, np.ones(n, dtype=bool), [1, 2, 3, 4, 5], [0.4, 0.25, 0.1, 0.15, 0.1])
    )
    out.update(_education(rng, d, age))
    out.update(_labour(rng, d))
    registered = d.binary("birth_registered")
    cert_5plus = d.binary("birth_cert")
    has_cert = np.where(age < 5, registered & (rng.random(n) < 0.85), cert_5plus)
    out["birth_cert"] = _f(
        np.where(has_cert, pick(rng, np.ones(n, dtype=bool), [1, 2], [0.6, 0.4]), 3)
    )
    out["birth_registered"] = _f(registered)
    out["national_id"] = _f(d.binary("national_id"))
    out["voted"] = _f(d.binary("voted"))
    out["community_part"] = _f(d.binary("community_part"))
    return out
