"""Vectorised draws for the generator: clustered binary outcomes and categorical choices."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from workbench.sample.params import DISTRICT_CODES, GROUPS, SIGMA_EA
from workbench.sample.population import active


@dataclass
class DrawMemo:
    """Round 1's random effects, kept so a later round can reuse them: the EA intercepts of
    every outcome (EAs revisited keep their level) and each household's own error, which a
    re-interviewed household carries into the next round as ``rho·e₁ + √(1−rho²)·e₂`` (still
    N(0, 1), so every probability stays exact while the rounds correlate)."""

    ea: dict[str, np.ndarray] = field(default_factory=dict)
    unit: dict[str, np.ndarray] = field(default_factory=dict)
    replay: bool = False
    rho: float = 0.6


class Drawer:
    """Draws outcomes for a set of units (households or individuals) living in EAs."""

    def __init__(
        self,
        rng: np.random.Generator,
        group: np.ndarray,
        district: np.ndarray,
        ea: np.ndarray,
        n_ea: int,
        memo: DrawMemo | None = None,
        previous: np.ndarray | None = None,
    ) -> None:
        """``memo``: records round 1's effects, or replays them (``memo.replay``);
        ``previous``: each unit's row in round 1 (−1: a new unit), households only."""
        self.memo, self.previous = memo, previous
        self.rng = rng
        self.group = group
        self.district = district
        self.ea = ea
        self.n_ea = n_ea
        self.n = len(group)

    def binary(self, outcome: str) -> np.ndarray:
        """Bool array with P(True | group, district) = ``OUTCOMES[outcome].p_gd`` exactly,
        correlated within EAs through a probit random intercept."""
        o = active().outcomes[outcome]
        table = np.full((5, 5), np.nan)
        for g in GROUPS:
            if o.p_group(g) is None:
                continue
            for d in DISTRICT_CODES:
                table[g, d] = o.eta(g, d) * math.sqrt(1.0 + SIGMA_EA**2)
        eta = table[self.group, self.district]
        z_ea = self.rng.normal(0.0, SIGMA_EA, size=self.n_ea)
        e = self.rng.standard_normal(self.n)
        m = self.memo
        if m is not None and not m.replay:
            m.ea[outcome], m.unit[outcome] = z_ea, e
        elif m is not None:
            z_ea = m.ea.get(outcome, z_ea)
            prev = self.previous
            if prev is not None and outcome in m.unit:
                kept = m.unit[outcome][np.maximum(prev, 0)]
                e = np.where(prev >= 0, m.rho * kept + math.sqrt(1 - m.rho**2) * e, e)
        z = z_ea[self.ea]
        # units of a group the outcome is not drawn for get False (their question is skipped)
        return np.nan_to_num(eta, nan=-np.inf) + z + e > 0

    def choice(
        self, codes: Sequence[int], probs_by_group: dict[int, Sequence[float]]
    ) -> np.ndarray:
        """A categorical draw whose probabilities depend on the population group."""
        return choice_by(self.rng, self.group, codes, probs_by_group)


def choice_by(
    rng: np.random.Generator,
    key: np.ndarray,
    codes: Sequence[int],
    probs_by_key: Mapping[int, Sequence[float]],
) -> np.ndarray:
    """Vectorised categorical draw: row i uses ``probs_by_key[key[i]]``."""
    out = np.zeros(len(key), dtype=np.int64)
    u = rng.random(len(key))
    code_arr = np.asarray(codes, dtype=np.int64)
    for k, probs in probs_by_key.items():
        mask = key == k
        if not mask.any():
            continue
        cum = np.cumsum(np.asarray(probs, dtype=float))
        cum /= cum[-1]
        idx = np.searchsorted(cum, u[mask], side="right")
        out[mask] = code_arr[np.minimum(idx, len(codes) - 1)]
    return out


def pick(
    rng: np.random.Generator, mask: np.ndarray, codes: Sequence[int], probs: Sequence[float]
) -> np.ndarray:
    """Codes drawn with ``probs`` where ``mask`` is True; 0 elsewhere."""
    return choice_by(rng, mask.astype(np.int64), codes, {1: probs})
