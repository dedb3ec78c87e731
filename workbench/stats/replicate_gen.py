"""Replicate weights made from a linearisation design, R ``as.svrepdesign`` (survey 4.x).

Built from the first stage (R drops later-stage FPCs; BRR and Fay drop the FPC), one
multiplier row per first-stage PSU (R's compressed replicate weights):

* ``jk1`` (unstratified): replicate j deletes PSU j, the others × n/(n−1); ``scale =
  f (n−1)/n`` with ``f = (N−n)/N`` (1 without FPC).
* ``jkn``: per stratum h and PSU j of h, delete j, the other PSUs of h × n_h/(n_h−1);
  ``rscales = f_h (n_h−1)/n_h``. A stratum with one PSU: ``adjust`` makes one replicate that
  deletes it and multiplies every other PSU by H/(H−1) with rscale (H−1)/H; ``remove``,
  ``certainty`` and ``average`` make none (``average`` then scales by #PSUs/#replicates);
  a fully enumerated stratum (f_h = 0) makes none.
* ``bootstrap`` (Rao–Wu as R's ``bootweights``): in each stratum draw n_h PSUs with
  replacement (with an FPC: n_h of the N_h PSUs of the stratum, the sample repeated to N_h,
  without replacement); the multiplier is the number of draws; ``scale = n̄/((n̄−1)(R−1))``
  with n̄ the harmonic mean of the n_h. Seeded: the same seed gives the same replicates.
* ``brr`` / ``fay``: two PSUs per stratum (strata with an even number are split in pairs);
  replicate r gives the half chosen by column r of a Hadamard matrix of the smallest order
  above the number of pairs (2 − rho) and the other half rho; ``scale = 1/(R (1−rho)²)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.stats.design import Design, linearisation_design, stage_fpcs
from workbench.stats.frame import DesignSpec, ReplicateSpec
from workbench.stats.hadamard import hadamard
from workbench.stats.replicates import ReplicateDesign, from_multipliers


def generated_design(
    design: Design, df: pd.DataFrame, spec: DesignSpec, where: str
) -> ReplicateDesign:
    rs = spec.replicates
    assert rs is not None
    one = DesignSpec(
        has_strata=spec.has_strata,
        has_psu=spec.has_psu,
        has_fpc=spec.has_fpc and rs.type not in ("brr", "fay"),
        weighted=spec.weighted,
        lonely_psu=spec.lonely_psu,
    )
    first = linearisation_design(df, one, design.weights, where)
    st = first.first
    stratum = st.stratum_of_psu
    n_h = st.n_h
    pop_h = np.full(st.n_strata, np.inf)
    fpcs = stage_fpcs(df, one, where)
    if fpcs:
        per_psu = np.zeros(st.n_psu)
        per_psu[first.psu] = fpcs[0]
        given = np.zeros(st.n_strata)
        given[stratum] = per_psu
        pop_h = given if (fpcs[0] > 1).any() else n_h / given
    if rs.type == "jk1":
        if spec.has_strata and st.n_strata > 1:
            raise StatsError.of("stats.jk1_stratified", where=where)
        mult, scale, rscales = _jk1(st.n_psu, pop_h[0])
    elif rs.type == "jkn":
        mult, scale, rscales = _jkn(stratum, n_h, pop_h, spec.lonely_psu, where)
    elif rs.type == "bootstrap":
        mult, scale, rscales = _bootstrap(stratum, n_h, pop_h, rs)
    elif rs.type in ("brr", "fay"):
        mult, scale, rscales = _brr(stratum, n_h, rs.rho if rs.type == "fay" else 0.0, where)
    else:
        raise StatsError.of("stats.replicate_type_not_generated", type=rs.type)
    if rs.scale is not None:
        scale = rs.scale
    return from_multipliers(
        design.weights, mult, scale, rscales, rs.mse, rs.type, generated=True, unit=first.psu
    )


def _f(pop: float, n: float) -> float:
    return 1.0 if np.isinf(pop) else (pop - n) / pop


def _jk1(n: int, pop: float) -> tuple[np.ndarray, float, np.ndarray]:
    mult = np.full((n, n), n / (n - 1)) if n > 1 else np.zeros((1, 1))
    np.fill_diagonal(mult, 0.0)
    return mult, _f(pop, n) * (n - 1) / n, np.ones(n)


def _jkn(
    stratum: np.ndarray, n_h: np.ndarray, pop_h: np.ndarray, lonely: str, where: str
) -> tuple[np.ndarray, float, np.ndarray]:
    n_psu, n_str = stratum.shape[0], n_h.shape[0]
    cols: list[np.ndarray] = []
    rscales: list[float] = []
    for h in range(n_str):
        in_h = np.flatnonzero(stratum == h)
        f = _f(pop_h[h], n_h[h])
        if f == 0:
            continue
        if n_h[h] == 1:
            if lonely == "fail":
                raise StatsError.of("stats.lonely_psu", count=1, where=where)
            if lonely == "adjust":
                col = np.full(n_psu, n_str / (n_str - 1))
                col[in_h] = 0.0
                cols.append(col)
                rscales.append((n_str - 1) / n_str)
            continue
        for j in in_h:
            col = np.ones(n_psu)
            col[in_h] = n_h[h] / (n_h[h] - 1)
            col[j] = 0.0
            cols.append(col)
            rscales.append(f * (n_h[h] - 1) / n_h[h])
    if not cols:
        raise StatsError.of("stats.replicates_census", where=where)
    scale = n_psu / len(cols) if (len(cols) < n_psu and lonely == "average") else 1.0
    return np.column_stack(cols), scale, np.array(rscales)


def _bootstrap(
    stratum: np.ndarray, n_h: np.ndarray, pop_h: np.ndarray, rs: ReplicateSpec
) -> tuple[np.ndarray, float, np.ndarray]:
    rng = np.random.default_rng(rs.seed)
    reps = rs.replicates
    mult = np.zeros((stratum.shape[0], reps))
    for h in range(n_h.shape[0]):
        in_h = np.flatnonzero(stratum == h)
        n = in_h.shape[0]
        if np.isinf(pop_h[h]):
            mult[in_h] = rng.multinomial(n, np.full(n, 1.0 / n), size=reps).T
        else:
            pop = round(float(pop_h[h]))
            copies = np.full(n, pop // n)
            copies[rng.permutation(n)[: pop % n]] += 1
            for r in range(reps):
                mult[in_h, r] = rng.multivariate_hypergeometric(copies, n)
    nbar = float(1.0 / np.mean(1.0 / n_h))
    return mult, nbar / ((nbar - 1) * (reps - 1)), np.ones(reps)


def _brr(
    stratum: np.ndarray, n_h: np.ndarray, rho: float, where: str
) -> tuple[np.ndarray, float, np.ndarray]:
    if (n_h < 2).any():
        raise StatsError.of("stats.brr_small_strata", where=where)
    if (n_h % 2 == 1).any():
        raise StatsError.of("stats.brr_odd_strata", where=where)
    half = np.zeros(stratum.shape[0], dtype=np.int64)  # 0 / 1: which half of its pair
    pair = np.zeros(stratum.shape[0], dtype=np.int64)
    n_pairs = 0
    for h in range(n_h.shape[0]):
        in_h = np.flatnonzero(stratum == h)
        half[in_h] = np.arange(in_h.shape[0]) % 2
        pair[in_h] = n_pairs + np.arange(in_h.shape[0]) // 2
        n_pairs += in_h.shape[0] // 2
    h_mat = hadamard(n_pairs)  # rows 1.. give the pairs' signs (row 0 is all ones)
    sign = h_mat[1 + pair] > 0  # (P, R): True → first half is in
    chosen = np.where(half[:, None] == 0, sign, ~sign)
    mult = np.where(chosen, 2.0 - rho, rho)
    reps = h_mat.shape[1]
    return mult, 1.0 / (reps * (1.0 - rho) ** 2), np.ones(reps)
