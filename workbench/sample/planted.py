"""Deliberate data problems for the checks to find (besides the ages of ``_inject_bad_ages``).

Planted in the household frame after the form logic, from their own random stream (seeded from
the sample's seed) so that every other answer of the sample stays as drawn:

- an exact duplicate: an interview whose answers repeat another's of the same enumeration area
  (same group and household size), under its own id, submission and times;
- a soft duplicate: a second such copy with two answers changed;
- two skip-pattern violations: a host household answering the returnees' ``return_year``, and a
  displaced household with the required ``disp_year`` left blank;
- one household that did not consent (``consent = 0``, no name, phone or GPS point, as the form
  skips them), which every analysis leaves out.

:func:`plant_problems` returns the household ids concerned, recorded in the sample's meta (and so
in ``truth.json`` and the README) for the tests and the user guide.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.sample import codebook

#: modules whose columns are answers (not metadata, identifiers or design)
_ANSWER_MODULES = ("A", "B", "C")


def _answer_columns() -> list[str]:
    return [
        n
        for n, v in codebook.variables("household").items()
        if v.extra.get("module") in _ANSWER_MODULES and n != "hh_size"
    ]


def _pairs(hh: pd.DataFrame, rng: np.random.Generator, k: int) -> list[tuple[int, int]]:
    """``k`` disjoint pairs of rows of IDP households sharing EA, group and household size."""
    idp = hh["pop_group"].isin([1.0, 2.0])
    keys = hh.loc[idp, ["ea_id", "pop_group", "hh_size"]].astype(float)
    groups = [g.index.to_numpy() for _, g in keys.groupby(list(keys.columns)) if len(g) >= 2]
    if len(groups) < k:
        return []
    picked = rng.choice(len(groups), size=k, replace=False)
    return [(int(groups[i][0]), int(groups[i][1])) for i in sorted(picked)]


def plant_problems(hh: pd.DataFrame, seed: int) -> dict[str, list[int]]:
    """In place; returns {problem: [hh_id, ...]} (empty when the sample is too small)."""
    rng = np.random.default_rng([seed, 16])
    pairs = _pairs(hh, rng, 2)
    if not pairs:
        return {}
    cols = _answer_columns()
    out: dict[str, list[int]] = {}
    (a, b), (c, d) = pairs
    hh.loc[b, cols] = hh.loc[a, cols].to_numpy()
    out["duplicate_interview"] = [int(hh.at[b, "hh_id"]), int(hh.at[a, "hh_id"])]
    hh.loc[d, cols] = hh.loc[c, cols].to_numpy()
    hh.at[d, "safe_walk"] = 1.0 if hh.at[c, "safe_walk"] != 1.0 else 2.0
    hh.at[d, "fies_worried"] = 0.0 if hh.at[c, "fies_worried"] == 1.0 else 1.0
    out["soft_duplicate"] = [int(hh.at[d, "hh_id"]), int(hh.at[c, "hh_id"])]
    used = {a, b, c, d}
    host = [i for i in np.flatnonzero(hh["pop_group"].to_numpy() == 4.0) if i not in used]
    e = int(rng.choice(host))
    hh.at[e, "return_year"] = 2024.0
    out["skip_answered"] = [int(hh.at[e, "hh_id"])]
    displaced = (
        hh["pop_group"].isin([1.0, 2.0, 3.0]).to_numpy() & hh["disp_year"].notna().to_numpy()
    )
    f = int(rng.choice([i for i in np.flatnonzero(displaced) if i not in used | {e}]))
    hh.at[f, "disp_year"] = np.nan
    out["skip_missing"] = [int(hh.at[f, "hh_id"])]
    rest = [i for i in range(len(hh)) if i not in used | {e, f}]
    g = int(rng.choice(rest))
    hh.at[g, "consent"] = 0.0
    for col in ("resp_name", "resp_phone", "hh_gps_lat", "hh_gps_lon"):  # asked after consent
        hh.at[g, col] = np.nan if hh[col].dtype.kind == "f" else None
    out["no_consent"] = [int(hh.at[g, "hh_id"])]
    return out
