"""Helpers shared by the Freedonia tests: a small design-based share estimator."""

from __future__ import annotations

import numpy as np
import pandas as pd


def share_and_se(obs: pd.DataFrame, group: float) -> tuple[float, float, int]:
    """Weighted share of ``y`` in the universe of one population group, with a Taylor-linearised
    standard error (stratified, PSUs with replacement, domain estimation over all PSUs)."""
    dom = (obs["pop_group"] == group) & obs["universe"]
    w = obs["weight"].to_numpy()
    u = dom.to_numpy().astype(float)
    y = (obs["y"] & dom).to_numpy().astype(float)
    den = float(np.sum(w * u))
    r = float(np.sum(w * y)) / den
    z = w * (y - r * u) / den
    psu = pd.DataFrame({"h": obs["stratum"].to_numpy(), "psu": obs["ea_id"].to_numpy(), "z": z})
    totals = psu.groupby(["h", "psu"], sort=True)["z"].sum().reset_index()
    var = 0.0
    for _h, t in totals.groupby("h"):
        n = len(t)
        if n > 1:
            var += n / (n - 1) * float(np.sum((t["z"] - t["z"].mean()) ** 2))
    return r, var**0.5, int(u.sum())
