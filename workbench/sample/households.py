"""Household answers before missing codes and skip patterns are applied (all vectorised).

Every answer is drawn for every household; :mod:`workbench.sample.skips` blanks what the form
would not have asked. Values are numeric codes (float arrays) except select_multiple options,
which are returned as 0/1 arrays per option.
"""

from __future__ import annotations

import numpy as np

from workbench.sample.design import Design
from workbench.sample.draws import Drawer, DrawMemo, choice_by, pick
from workbench.sample.params import CLAIM_STATUS, HH_EXTRA_MEMBERS, POVERTY_LINE, STRATA

Arrays = dict[str, np.ndarray]

# FIES items ordered from least to most severe
FIES_ITEMS = (
    "worried",
    "healthy",
    "fewfoods",
    "skipped",
    "ateless",
    "ranout",
    "hungry",
    "wholeday",
)


def frame_groups(design: Design) -> tuple[np.ndarray, np.ndarray]:
    """(population group of the frame, district) per household."""
    grp = np.array([s.group for s in STRATA])[design.ea_stratum][design.hh_ea]
    dist = np.array([s.district for s in STRATA])[design.ea_stratum][design.hh_ea]
    return grp, dist


def household_sizes(rng: np.random.Generator, group: np.ndarray) -> np.ndarray:
    lam = np.vectorize(HH_EXTRA_MEMBERS.get)(group)
    return 1 + np.minimum(rng.poisson(lam), 14)


def _f(a: np.ndarray) -> np.ndarray:
    return a.astype(np.float64)


def _yes(a: np.ndarray) -> np.ndarray:
    return a.astype(np.float64)


def _fies(rng: np.random.Generator, insecure: np.ndarray) -> Arrays:
    n = len(insecure)
    score = np.where(
        insecure,
        rng.integers(4, 9, size=n),
        choice_by(rng, np.zeros(n, dtype=np.int64), [0, 1, 2, 3], {0: [0.45, 0.25, 0.18, 0.12]}),
    )
    # Rasch-like: less severe items are affirmed first; Gumbel noise picks which `score` items
    severity = np.linspace(-2.0, 2.0, len(FIES_ITEMS))
    keys = -severity[None, :] + rng.gumbel(0.0, 0.7, size=(n, len(FIES_ITEMS)))
    rank = np.argsort(np.argsort(-keys, axis=1), axis=1)
    yes = rank < score[:, None]
    return {f"fies_{item}": _f(yes[:, j]) for j, item in enumerate(FIES_ITEMS)}


def _displacement(rng: np.random.Generator, group: np.ndarray, district: np.ndarray) -> Arrays:
    n = len(group)
    cause = choice_by(
        rng,
        group,
        [1, 2, 3],
        {1: [0.8, 0.08, 0.12], 2: [0.7, 0.2, 0.1], 3: [0.75, 0.15, 0.1], 4: [1, 0, 0]},
    )
    conflict_year = choice_by(
        rng,
        np.zeros(n, dtype=np.int64),
        list(range(2012, 2026)),
        {0: [2, 4, 9, 10, 7, 5, 4, 3, 3, 2, 2, 2, 1, 1]},
    )
    disaster_year = choice_by(
        rng, np.zeros(n, dtype=np.int64), list(range(2018, 2026)), {0: [1, 1, 2, 2, 6, 3, 2, 1]}
    )
    year = np.where(cause == 2, disaster_year, conflict_year)
    other = (district - 1 + rng.integers(1, 4, size=n)) % 4 + 1
    origin = np.where(rng.random(n) < 0.12, 5, other)
    origin = np.where(group == 3, np.where(rng.random(n) < 0.9, district, origin), origin)
    moves = 1 + rng.poisson(np.where(group == 1, 1.6, 0.9))
    ret_year = np.minimum(2025, year + 1 + rng.poisson(3.0, size=n))
    return {
        "disp_year": _f(year),
        "disp_cause": _f(cause),
        "origin_district": _f(origin),
        "disp_moves": _f(moves),
        "return_year": _f(ret_year),
    }


def _future(rng: np.random.Generator, group: np.ndarray) -> Arrays:
    n = len(group)
    pref = choice_by(
        rng,
        group,
        [1, 2, 3, 98],
        {1: [0.35, 0.45, 0.15, 0.05], 2: [0.5, 0.3, 0.15, 0.05], 3: [1, 0, 0, 0], 4: [1, 0, 0, 0]},
    )
    probs = {
        "safety": 0.55,
        "housing": 0.6,
        "livelihood": 0.5,
        "services": 0.3,
        "documents": 0.15,
        "compensation": 0.2,
        "family": 0.1,
        "other": 0.06,
    }
    out: Arrays = {"settle_pref": _f(pref)}
    chosen = np.zeros(n, dtype=bool)
    for opt, p in probs.items():
        boost = np.where((pref == 2) & (opt in ("safety", "compensation")), 0.2, 0.0)
        sel = rng.random(n) < p + boost
        out[f"settle_cond_{opt}"] = _f(sel)
        chosen |= sel
    out["settle_cond_housing"] = np.where(chosen, out["settle_cond_housing"], 1.0)
    out["settle_plan"] = _yes(rng.random(n) < np.where(group == 1, 0.12, 0.18))
    return out


def _multi(rng: np.random.Generator, n: int, prefix: str, probs: dict[str, float]) -> Arrays:
    out: Arrays = {}
    chosen = np.zeros(n, dtype=bool)
    first = next(iter(probs))
    for opt, p in probs.items():
        sel = rng.random(n) < p
        out[f"{prefix}_{opt}"] = _f(sel)
        chosen |= sel
    out[f"{prefix}_{first}"] = np.where(chosen, out[f"{prefix}_{first}"], 1.0)
    return out


def _housing(rng: np.random.Generator, d: Drawer, size: np.ndarray) -> Arrays:
    g, n = d.group, d.n
    water_ok = d.binary("improved_water")
    water = np.where(
        water_ok,
        choice_by(
            rng,
            g,
            [1, 2, 3, 6],
            {
                1: [0.02, 0.6, 0.08, 0.3],
                2: [0.3, 0.35, 0.3, 0.05],
                3: [0.3, 0.3, 0.35, 0.05],
                4: [0.5, 0.2, 0.28, 0.02],
            },
        ),
        pick(rng, np.ones(n, dtype=bool), [4, 5], [0.7, 0.3]),
    )
    san_ok = d.binary("improved_sanitation")
    toilet = np.where(
        san_ok,
        pick(rng, np.ones(n, dtype=bool), [1, 2, 3], [0.3, 0.3, 0.4]),
        pick(rng, np.ones(n, dtype=bool), [4, 5, 6], [0.6, 0.15, 0.25]),
    )
    shared = rng.random(n) < np.where(g == 1, 0.8, np.where(g == 4, 0.15, 0.4))
    crowded = d.binary("crowded_if_4plus") & (size >= 4)
    third = np.ceil(size / 3.0).astype(np.int64)
    rooms = np.where(
        crowded,
        1 + np.floor(rng.random(n) * np.maximum(third - 1, 1)).astype(np.int64),
        third + rng.integers(0, 3, size=n),
    )
    durable = d.binary("durable_walls")
    walls = np.where(
        durable,
        pick(rng, np.ones(n, dtype=bool), [1, 2], [0.6, 0.4]),
        choice_by(
            rng,
            g,
            [3, 4, 5],
            {1: [0.1, 0.8, 0.1], 2: [0.6, 0.2, 0.2], 3: [0.6, 0.2, 0.2], 4: [0.8, 0.05, 0.15]},
        ),
    )
    dwelling = np.where(
        walls == 4,
        np.where(g == 1, 3, pick(rng, np.ones(n, dtype=bool), [3, 2], [0.7, 0.3])),
        np.where(g == 1, 4, pick(rng, np.ones(n, dtype=bool), [1, 2, 4], [0.8, 0.15, 0.05])),
    )
    docs = d.binary("tenure_docs")
    tenure = np.where(
        docs,
        pick(rng, np.ones(n, dtype=bool), [1, 2], [0.6, 0.4]),
        np.where(
            g == 1,
            4,
            choice_by(
                rng,
                g,
                [1, 2, 3, 5],
                {
                    2: [0.1, 0.4, 0.35, 0.15],
                    3: [0.5, 0.2, 0.2, 0.1],
                    4: [0.5, 0.35, 0.1, 0.05],
                    1: [0, 0, 0, 1],
                },
            ),
        ),
    )
    secure = d.binary("tenure_secure")
    fear = np.where(
        secure,
        pick(rng, np.ones(n, dtype=bool), [3, 4], [0.5, 0.5]),
        pick(rng, np.ones(n, dtype=bool), [1, 2], [0.4, 0.6]),
    )
    return {
        "water_source": _f(water),
        "toilet_type": _f(toilet),
        "toilet_shared": _yes(shared),
        "dwelling_type": _f(dwelling),
        "wall_material": _f(walls),
        "rooms_sleep": _f(rooms),
        "tenure_status": _f(tenure),
        "tenure_docs": _yes(docs),
        "tenure_fear": _f(fear),
        "evicted_12m": _yes(d.binary("evicted")),
    }


def _livelihood(rng: np.random.Generator, d: Drawer, size: np.ndarray) -> Arrays:
    g, n = d.group, d.n
    poor = d.binary("poor")
    source = choice_by(
        rng,
        g,
        [1, 2, 3, 4, 5, 6],
        {
            1: [0.15, 0.15, 0.05, 0.15, 0.45, 0.05],
            2: [0.35, 0.25, 0.1, 0.15, 0.1, 0.05],
            3: [0.25, 0.2, 0.35, 0.1, 0.05, 0.05],
            4: [0.4, 0.25, 0.2, 0.05, 0.0, 0.1],
        },
    )
    no_income = poor & (rng.random(n) < 0.08)
    source = np.where(no_income, 7, source)
    per_head = np.where(
        poor,
        POVERTY_LINE * rng.uniform(0.2, 0.97, size=n),
        POVERTY_LINE * (1.03 + rng.lognormal(-0.3, 0.7, size=n)),
    )
    income = np.where(no_income, 0.0, np.floor(per_head * size / 10.0) * 10.0)
    return {
        "income_source": _f(source),
        "income_month": income,
        "cannot_pay_basic": _yes(d.binary("cannot_pay_basic")),
        "loan_basic": _yes(d.binary("loan_basic")),
    }


def _hlp(rng: np.random.Generator, d: Drawer) -> Arrays:
    g, n = d.group, d.n
    out: Arrays = {"hlp_left": _yes(d.binary("hlp_left"))}
    out.update(
        _multi(rng, n, "hlp_type", {"house": 0.8, "land": 0.55, "business": 0.15, "livestock": 0.3})
    )
    out["hlp_docs"] = _yes(d.binary("hlp_docs"))
    out["hlp_claim"] = _yes(d.binary("hlp_claim"))
    probs = dict(CLAIM_STATUS) | {4: CLAIM_STATUS[3]}
    out["hlp_claim_status"] = _f(choice_by(rng, g, [1, 2, 3, 4], probs))
    return out


def household_answers(
    rng: np.random.Generator,
    design: Design,
    size: np.ndarray,
    memo: DrawMemo | None = None,
    previous: np.ndarray | None = None,
) -> Arrays:
    group, district = frame_groups(design)
    d = Drawer(rng, group, district, design.hh_ea, len(design.ea_id), memo, previous)
    n = d.n
    out: Arrays = {}
    out.update(_displacement(rng, group, district))
    out["discrim"] = _yes(d.binary("discrim"))
    out["discrim_disp"] = _yes(rng.random(n) < 0.6)
    out.update(_future(rng, group))
    safe = d.binary("safe")
    out["safe_walk"] = _f(
        np.where(
            safe,
            pick(rng, np.ones(n, dtype=bool), [1, 2], [0.4, 0.6]),
            pick(rng, np.ones(n, dtype=bool), [3, 4], [0.6, 0.4]),
        )
    )
    out["violence_12m"] = _yes(d.binary("violence"))
    out["violence_reported"] = _yes(d.binary("violence_reported"))
    out["move_restrict"] = _yes(d.binary("move_restrict"))
    out.update(
        _multi(
            rng,
            n,
            "move_restrict_type",
            {"checkpoints": 0.5, "documents": 0.35, "curfew": 0.25, "insecurity": 0.4, "cost": 0.3},
        )
    )
    out.update(_fies(rng, d.binary("food_insecure")))
    out.update(_housing(rng, d, size))
    out.update(_livelihood(rng, d, size))
    out.update(_hlp(rng, d))
    out["docs_lost"] = _yes(d.binary("docs_lost"))
    out["docs_replace_know"] = _yes(rng.random(n) < 0.5)
    out["family_sep"] = _yes(d.binary("family_sep"))
    out["n_separated"] = _f(1 + rng.poisson(0.6, size=n))
    out["tracing"] = _f(
        choice_by(
            rng,
            group,
            [1, 2, 3],
            {1: [0.3, 0.3, 0.4], 2: [0.2, 0.3, 0.5], 3: [0.25, 0.3, 0.45], 4: [0.1, 0.3, 0.6]},
        )
    )
    out["want_reunify"] = _yes(rng.random(n) < 0.9)
    out["justice_aware"] = _yes(d.binary("justice_aware"))
    out["justice_sought"] = _yes(rng.random(n) < 0.25)
    out["justice_satisfied"] = _f(
        pick(rng, np.ones(n, dtype=bool), [1, 2, 3, 4], [0.1, 0.3, 0.35, 0.25])
    )
    out["_frame_group"] = group
    out["_district"] = district
    return out
