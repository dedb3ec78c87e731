"""Disclosure-risk measures of microdata, with sdcMicro's definitions (docs/sharing.md).

- ``fk`` / ``Fk``: sample frequency and weighted population frequency of each record's key
  (:mod:`workbench.stats.sdc_keys`; a missing value matches every value).
- k-anonymity: the records with ``fk < k`` violate k-anonymity (counted for k = 2, 3, 5 and the
  requested k).
- Individual risk: the expected value of ``1/F_k`` given ``f_k`` when ``F_k − f_k`` follows a
  negative binomial with success probability ``p_k = f_k / F_k`` (Benedetti & Franconi 1998, the
  approximation sdcMicro's ``measure_risk`` implements): closed forms for ``f_k`` = 1, 2, 3 and
  ``p_k / (f_k − (1 − p_k))`` above; ``1/f_k`` when the weights say the key is the whole
  population (``p_k = 1``).
- Global risk: the mean individual risk; expected re-identifications: their sum.
- Household risk: ``1 − ∏(1 − r_i)`` over a household's members (sdcMicro's hierarchical risk,
  the probability that at least one member is re-identified — never below the risk of its most
  exposed member, which is reported beside it).
- l-diversity: the number of distinct values of a sensitive variable among the records sharing a
  key; ``l = 1`` means the key reveals it.
- SUDA and DIS-SUDA scores (optional): :mod:`workbench.stats.sdc_suda`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbench.stats.sdc_keys import Frequencies, KeyCounts, encode, key_groups
from workbench.stats.sdc_suda import DIS_FRACTION, suda2

#: the k-anonymity levels every risk summary counts violations of
K_LEVELS = (2, 3, 5)


def individual_risk(fk: np.ndarray, Fk: np.ndarray) -> np.ndarray:
    """Each record's re-identification risk from its key's ``fk`` and ``Fk``."""
    f = np.asarray(fk, dtype=float)
    F = np.maximum(np.asarray(Fk, dtype=float), f)  # weights below 1 cannot shrink a population
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(F > 0, f / F, 1.0)
        q = 1.0 - p
        whole = q < 1e-9  # the key's records are its whole population: risk 1/fk
        qs = np.where(whole, 0.5, q)
        ps = np.where(whole, 0.5, p)
        logp = np.log(ps)
        r1 = ps / qs * -logp
        r2 = ps / qs**2 * (ps * logp + qs)
        r3 = ps**3 / (2 * qs**3) * (qs / ps**2 - 3 * qs - 3 * qs**2 - 3 * qs**3 / ps - 2 * logp)
        r_more = ps / (f - qs)
        risk = np.select([f == 1, f == 2, f == 3], [r1, r2, r3], default=r_more)
        # near p = 1 the closed forms cancel catastrophically: sum the expectation's series
        near = (qs < SERIES_BELOW) & (f <= 3)
        if near.any():
            risk[near] = _series(f[near], ps[near], qs[near])
        risk = np.where(whole, 1.0 / np.maximum(f, 1.0), risk)
    return np.clip(risk, 0.0, 1.0)


#: below this 1 − p_k the risk of f_k ≤ 3 is summed as a series (exact to double precision)
SERIES_BELOW = 0.05


def _series(f: np.ndarray, p: np.ndarray, q: np.ndarray, terms: int = 80) -> np.ndarray:
    """E[1/F | f] = Σ_{h ≥ f} C(h−1, f−1) p^f q^(h−f) / h, summed term by term."""
    total = np.zeros(len(f))
    coef = np.ones(len(f))  # C(f−1+j, f−1)
    qj = np.ones(len(f))
    for j in range(terms):
        total += coef * qj / (f + j)
        coef = coef * (f + j) / (j + 1)
        qj = qj * q
    return p**f * total


@dataclass
class RiskSummary:
    """What a risk report says about one file (all counts are records, risks are 0–1)."""

    n: int
    keys: tuple[str, ...]
    k: int
    violations: dict[int, int]
    global_risk: float
    expected_reidentifications: float
    max_risk: float
    #: records whose individual risk is above the threshold (``risk_threshold``)
    high_risk: int
    risk_threshold: float
    households: int | None = None
    household_risk: float | None = None
    household_expected: float | None = None
    household_max: float | None = None
    #: per sensitive variable: smallest l and the records whose key has l = 1
    l_diversity: dict[str, dict[str, int]] = field(default_factory=dict)
    #: distinct key combinations and how many are unique in the sample
    combinations: int = 0
    sample_uniques: int = 0
    #: SUDA and DIS-SUDA scores when asked (:meth:`workbench.stats.sdc_suda.SudaScores.summary`)
    suda: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n, "keys": list(self.keys), "k": self.k,
            "violations": {str(k): v for k, v in self.violations.items()},
            "global_risk": self.global_risk,
            "expected_reidentifications": self.expected_reidentifications,
            "max_risk": self.max_risk, "high_risk": self.high_risk,
            "risk_threshold": self.risk_threshold, "households": self.households,
            "household_risk": self.household_risk, "household_expected": self.household_expected,
            "household_max": self.household_max, "l_diversity": self.l_diversity,
            "combinations": self.combinations, "sample_uniques": self.sample_uniques,
            "suda": self.suda,
        }  # fmt: skip


@dataclass
class RiskMeasures:
    """The summary, and per-record measures on demand (computed per distinct key, spread to
    the records only when asked: they would be the largest arrays of a measurement)."""

    summary: RiskSummary
    groups: np.ndarray
    fk_key: np.ndarray
    Fk_key: np.ndarray
    risk_key: np.ndarray

    @property
    def freq(self) -> Frequencies:
        return Frequencies(self.fk_key[self.groups], self.Fk_key[self.groups])

    @property
    def risk(self) -> np.ndarray:
        return self.risk_key[self.groups]


def household_risk(risk: np.ndarray, household: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per household (in ``np.unique`` order of ``household``): ``1 − ∏(1 − r)`` and the
    largest member risk."""
    _u, inv = np.unique(household, return_inverse=True)
    log_safe = np.bincount(inv, weights=np.log1p(-np.minimum(risk, 1 - 1e-15)))
    top = np.zeros(len(_u))
    np.maximum.at(top, inv, risk)
    return -np.expm1(log_safe), top


def l_diversity(
    codes: np.ndarray, sensitive: pd.Series, groups: np.ndarray | None = None
) -> np.ndarray:
    """Each record's l: distinct non-missing values of ``sensitive`` among its key's records
    (``groups``: the records' exact key groups, when already known)."""
    groups = key_groups(codes) if groups is None else groups
    values, _u = pd.factorize(sensitive, use_na_sentinel=True)
    seen = values >= 0
    pairs = np.unique(np.stack([groups[seen], values[seen]], axis=1), axis=0)
    distinct = np.bincount(pairs[:, 0], minlength=int(groups.max(initial=-1)) + 1)
    return distinct[groups]


def measure(
    frame: pd.DataFrame,
    keys: Sequence[str],
    *,
    k: int = 3,
    weight: str | None = None,
    household: str | None = None,
    sensitive: Sequence[str] = (),
    risk_threshold: float = 0.1,
    suda: bool = False,
    dis_fraction: float = DIS_FRACTION,
    suda_max_size: int | None = None,
) -> RiskMeasures:
    """Every measure of the module for ``frame`` with quasi-identifiers ``keys`` (and, with
    ``suda``, the SUDA scores of MSUs up to ``suda_max_size`` keys)."""
    keys = list(keys)
    codes = encode(frame, keys)
    w = None if weight is None else frame[weight].to_numpy(dtype=float, na_value=np.nan)
    if w is not None:
        w = np.where(np.isfinite(w) & (w > 0), w, 1.0)
    # everything but the household risk depends on the key only: computed once per distinct
    # key (the counter's distinct rows are the exact key groups), weighted by its records
    counts = KeyCounts(codes, w)
    fk_d, Fk_d = counts.own_distinct()
    risk_d = individual_risk(fk_d, Fk_d)
    sizes = counts.src_n
    n = len(frame)
    levels = sorted({*K_LEVELS, int(k)})
    expected = float(risk_d @ sizes)
    summary = RiskSummary(
        n=n, keys=tuple(keys), k=int(k),
        violations={lv: int(sizes[fk_d < lv].sum()) for lv in levels},
        global_risk=expected / n if n else 0.0, expected_reidentifications=expected,
        max_risk=float(risk_d.max(initial=0.0)),
        high_risk=int(sizes[risk_d > risk_threshold].sum()), risk_threshold=risk_threshold,
        combinations=len(sizes), sample_uniques=int((sizes == 1).sum()),
    )  # fmt: skip
    out = RiskMeasures(summary, counts.inv, fk_d, Fk_d, risk_d)
    if household is not None and len(frame):
        hh_risk, _member_max = household_risk(out.risk, frame[household].to_numpy())
        summary.households = len(hh_risk)
        summary.household_risk = float(hh_risk.mean())
        summary.household_expected = float(hh_risk.sum())
        summary.household_max = float(hh_risk.max(initial=0.0))  # the most exposed household
    for name in sensitive:
        ell = l_diversity(codes, frame[name], counts.inv)
        seen = ell[ell > 0]  # l = 0: the key's records all lack the value (nothing to reveal)
        summary.l_diversity[name] = {
            "min_l": int(seen.min()) if len(seen) else 0, "records_l1": int((ell == 1).sum()),
        }  # fmt: skip
    if suda and len(frame):
        scores = suda2(codes, keys, dis_fraction=dis_fraction, max_size=suda_max_size)
        summary.suda = scores.summary(risk_threshold)
    return out
