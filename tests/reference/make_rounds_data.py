"""Writes rounds_stacked.csv: two rounds of a small stratified cluster survey with a panel.

Run from the repository root: ``python tests/reference/make_rounds_data.py``. Deterministic
(seed below). Round 1 (``round`` 0) and round 2 (``round`` 1) visit the same 24 clusters (4 strata
of 6 PSUs); in round 2 about 40% of households are re-interviewed (same
``hh_id``, same PSU) and the rest are new. Outcomes keep a household effect and a cluster effect,
so the rounds are positively correlated in a panel. Groups 1 and 2 are displaced, 3 is the
comparator; ``sex`` is a breakdown. ``y_prop`` has missing answers, ``y_mean`` is a mean,
``y_total`` a count (estimated as a total) and ``y_num``/``y_den`` a ratio.
make_golden_rounds.R reads the file with three designs (panel, independent, and a panel without
clusters whose PSU is the household key).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED = 20261206


def make() -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    rows = []
    hh_next = 1
    hh_effect: dict[int, float] = {}
    r1: list[dict] = []
    for stratum in range(1, 5):
        for j in range(6):
            psu = stratum * 100 + j
            c_eff = rng.normal(0, 0.5)
            m = int(rng.integers(5, 10))
            for _ in range(m):
                hh = hh_next
                hh_next += 1
                hh_effect[hh] = rng.normal(0, 0.8)
                r1.append(
                    {
                        "hh_id": hh,
                        "stratum": stratum,
                        "psu": psu,
                        "c_eff": c_eff,
                        "group": int(rng.choice([1, 2, 3], p=[0.3, 0.3, 0.4])),
                        "sex": str(rng.choice(["F", "M"])),
                    }
                )
    for r in (0, 1):
        members = []
        if r == 0:
            members = r1
        else:
            by_psu: dict[int, list[dict]] = {}
            for h in r1:
                by_psu.setdefault(h["psu"], []).append(h)
            for hs in by_psu.values():
                for h in hs:
                    if rng.random() < 0.4:
                        members.append(h)  # re-interviewed
                for _ in range(int(rng.integers(3, 7))):
                    hh = hh_next
                    hh_next += 1
                    hh_effect[hh] = rng.normal(0, 0.8)
                    members.append(
                        {
                            **hs[0],
                            "hh_id": hh,
                            "group": int(rng.choice([1, 2, 3], p=[0.3, 0.3, 0.4])),
                            "sex": str(rng.choice(["F", "M"])),
                        }
                    )
        for h in members:
            shift = {1: -0.6, 2: -0.3, 3: 0.2}[h["group"]] + r * {1: 0.5, 2: -0.2, 3: 0.1}[
                h["group"]
            ]
            lat = shift + h["c_eff"] + hh_effect[h["hh_id"]] + rng.normal(0, 1)
            y_prop = float(lat > 0)
            if rng.random() < 0.08:
                y_prop = np.nan
            rows.append(
                {
                    "round": r,
                    "hh_id": h["hh_id"],
                    "stratum": h["stratum"],
                    "psu": h["psu"],
                    "weight": float(np.round(rng.uniform(20, 80) * (1 + 0.3 * r), 3)),
                    "grp": h["group"],
                    "sex": h["sex"],
                    "y_prop": y_prop,
                    "y_mean": float(np.round(10 + 3 * lat + rng.normal(0, 2), 3)),
                    "y_total": float(rng.poisson(np.exp(0.3 * lat + 0.5))),
                    "y_num": float(np.round(np.exp(1 + 0.2 * lat), 4)),
                    "y_den": float(rng.integers(1, 6)),
                }
            )
    return pd.DataFrame(rows)


if __name__ == "__main__":
    out = Path(__file__).with_name("rounds_stacked.csv")
    make().to_csv(out, index=False)
    print(out)
