"""The sample design of Freedonia: strata, EA selection, interviews per EA and weights.

Two-stage stratified cluster design. Strata are district × frame population group. In each stratum
``a_h`` EAs are drawn by simple random sampling out of ``A_h`` EAs in the frame; in each sampled EA
``m`` households are approached and ``r`` respond. The weight of a responding household is::

    weight = (A_h / a_h) * (M_ea / r_ea)

where ``M_ea`` is the number of households listed in the EA: the design weight times a
non-response adjustment, so weights vary within strata. Allocation is deliberately
disproportionate (camps and returnees oversampled), so weighted and unweighted results differ.
When the requested sample would exceed ``MAX_SAMPLING_FRACTION`` of a stratum, every stratum's
frame is scaled up by the same factor: shares (and the truth) do not change.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from workbench.errors import WorkbenchError
from workbench.sample.params import MAX_SAMPLING_FRACTION, STRATA, TAKE_PER_EA


@dataclass(frozen=True)
class Design:
    """One row per responding household (arrays of equal length), plus per-EA arrays."""

    #: per EA
    ea_id: np.ndarray
    ea_stratum: np.ndarray  # index into STRATA
    ea_size: np.ndarray  # M_ea
    ea_respondents: np.ndarray  # r_ea
    ea_urban: np.ndarray
    frame_eas: np.ndarray  # A_h per stratum (len(STRATA))
    frame_households: np.ndarray  # N_h per stratum (scaled)
    scale: float
    #: per household
    hh_ea: np.ndarray  # index into the EA arrays
    hh_id: np.ndarray
    weight: np.ndarray

    @property
    def n_households(self) -> int:
        return len(self.hh_id)


def _largest_remainder(shares: np.ndarray, total: int, minimum: int) -> np.ndarray:
    """Integers >= minimum, proportional to shares, summing to total."""
    k = len(shares)
    if total < minimum * k:
        raise WorkbenchError.of("sample.too_few_units", total=total, k=k, minimum=minimum)
    base = np.full(k, minimum, dtype=np.int64)
    rest = total - minimum * k
    raw = shares / shares.sum() * rest
    add = np.floor(raw).astype(np.int64)
    left = rest - int(add.sum())
    order = np.argsort(-(raw - add), kind="stable")
    add[order[:left]] += 1
    return base + add


_URBAN_SHARE = {1: 0.7, 2: 0.4, 3: 0.3, 4: 0.5}


def build_design(households: int, rng: np.random.Generator) -> Design:
    if households < 2 * len(STRATA) * 5:
        raise WorkbenchError.of(
            "sample.too_few_households", minimum=2 * len(STRATA) * 5, households=households
        )
    n_eas = max(2 * len(STRATA), round(households / TAKE_PER_EA))
    alloc = np.array([s.allocation for s in STRATA], dtype=float)
    a_h = _largest_remainder(alloc, n_eas, 2)
    ea_stratum = np.repeat(np.arange(len(STRATA)), a_h)
    # interviews per EA: varying (14..26 around 20), summing exactly to `households`
    raw = rng.uniform(0.7, 1.3, size=n_eas)
    r_ea = _largest_remainder(raw, households, 3)
    n_h = np.bincount(ea_stratum, weights=r_ea, minlength=len(STRATA))
    base_n = np.array([s.households for s in STRATA], dtype=float)
    scale = max(1.0, float(np.max(n_h / (MAX_SAMPLING_FRACTION * base_n))))
    frame_households = base_n * scale
    ea_mean = np.array([s.ea_size for s in STRATA], dtype=float)
    frame_eas = np.maximum(np.round(frame_households / ea_mean), a_h).astype(np.int64)
    mean_size = frame_households / frame_eas
    # listed households in each sampled EA, at least the number approached
    approached = np.ceil(r_ea / rng.uniform(0.75, 1.0, size=n_eas)).astype(np.int64)
    size = np.round(mean_size[ea_stratum] * rng.uniform(0.6, 1.4, size=n_eas)).astype(np.int64)
    size = np.maximum(size, approached)
    districts = np.array([s.district for s in STRATA])[ea_stratum]
    p_urban = np.vectorize(_URBAN_SHARE.get)(districts)
    urban = rng.random(n_eas) < p_urban
    ea_id = 1001 + np.arange(n_eas)
    hh_ea = np.repeat(np.arange(n_eas), r_ea)
    serial = np.arange(len(hh_ea)) - np.repeat(np.cumsum(r_ea) - r_ea, r_ea) + 1
    hh_id = ea_id[hh_ea] * 100 + serial
    w_ea = frame_eas[ea_stratum] / a_h[ea_stratum] * size / r_ea
    return Design(
        ea_id=ea_id,
        ea_stratum=ea_stratum,
        ea_size=size,
        ea_respondents=r_ea,
        ea_urban=urban,
        frame_eas=frame_eas,
        frame_households=frame_households,
        scale=scale,
        hh_ea=hh_ea,
        hh_id=hh_id,
        weight=np.round(w_ea[hh_ea], 4),
    )
