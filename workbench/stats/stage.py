"""One sampling stage's between-unit variance, as R survey 4.x ``onestage``/``onestrat``.

Units (the stage's clusters) are grouped in strata; each stratum contributes
``f_h n_h/(n_h-1) Σ_j (Z_hj - Z̄_h)²`` with ``f_h = (N_h-n_h)/N_h`` (1 without FPC; 0 when
``f_h < 1e-7``), multiplied by ``prior`` — the product of the sampling fractions ``n/N`` of the
earlier stages (R ``multistage``: each later stage's variance is weighted by the fraction of the
stage above). A stratum with a single unit follows ``options(survey.lonely.psu=)``: ``fail``
raises, ``remove`` and ``certainty`` contribute 0, ``adjust`` contributes ``f_h Z_h1²`` (not
centred), ``average`` drops the stratum and scales by ``#strata / #strata with more than one
unit`` — at the first stage counting the strata with rows in each domain
(:meth:`Stage.average_factor`), at later stages per unit of the stage above (R calls
``onestage`` once per such unit), folded into the scale.

Sums per stratum take a few numpy calls whatever the number of strata: strata are numbered by
(number of units, label) and units stratum by stratum, so the strata with ``L`` units own one
contiguous run of ``c·L`` unit rows, and their sums are ``flat[run].reshape(c, L, m).sum(1)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.errors import StatsError


@dataclass
class Stage:
    stratum_of_psu: np.ndarray  # (P,)
    n_h: np.ndarray  # (H,) units per stratum
    scale_psu: np.ndarray  # (P,) variance scale incl. the lonely factor and the prior fraction
    centre_psu: np.ndarray  # (P,) 1.0 = centre on the stratum mean, 0.0 = do not centre
    # (L, first stratum, number of strata) per distinct stratum size L, in unit order
    size_runs: tuple[tuple[int, int, int], ...]
    avg_lonely: np.ndarray  # (H,) lonely strata under the first-stage "average" rule

    @property
    def n_psu(self) -> int:
        return int(self.stratum_of_psu.shape[0])

    @property
    def n_strata(self) -> int:
        return int(self.n_h.shape[0])

    @property
    def df(self) -> int:
        """R ``degf()``: #PSUs - #strata (first stage)."""
        return self.n_psu - self.n_strata

    def stratum_sums(self, flat: np.ndarray) -> np.ndarray:
        """(P, m) per unit → (H, m) sums per stratum."""
        return self._per_stratum(flat, np.sum, np.result_type(flat, np.float64))

    def strata_with(self, flat: np.ndarray) -> np.ndarray:
        """(P, m) per unit → (H, m) bool: does any unit of the stratum have a non-zero value."""
        return self._per_stratum(flat, np.any, np.dtype(bool))

    def _per_stratum(self, flat: np.ndarray, reduce: Any, dtype: np.dtype[Any]) -> np.ndarray:
        out = np.empty((self.n_strata, flat.shape[1]), dtype=dtype)
        first = 0
        for size, h0, count in self.size_runs:
            run = flat[first : first + size * count]
            out[h0 : h0 + count] = reduce(run.reshape(count, size, flat.shape[1]), axis=1)
            first += size * count
        return out

    def scaled_centred(self, z: np.ndarray) -> np.ndarray:
        """``z``: (P, ...) unit totals of linearised variables → (P, ...) for crossproducts."""
        flat = z.reshape(self.n_psu, -1)
        means = self.stratum_sums(flat) / self.n_h[:, None]
        centred = flat - means[self.stratum_of_psu] * self.centre_psu[:, None]
        return (centred * np.sqrt(self.scale_psu)[:, None]).reshape(z.shape)

    def average_factor(self, present: np.ndarray) -> np.ndarray:
        """``#strata / #non-lonely strata`` among strata with rows in each domain (``present``:
        (P, ...) bool); 1 unless the first-stage lonely rule is ``average``."""
        shape = present.shape[1:]
        if not self.avg_lonely.any():
            return np.ones(shape)
        has = self.strata_with(present.reshape(self.n_psu, -1))
        n_all = has.sum(axis=0)
        n_ok = (has & ~self.avg_lonely[:, None]).sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            return (n_all / n_ok).reshape(shape)

    def domain_df(self, present: np.ndarray) -> np.ndarray:
        """degf of a subset design: ``present`` (P, m) bool, units with rows in the domain."""
        flat = present.reshape(self.n_psu, -1)
        n_psu = flat.sum(axis=0)
        n_str = self.strata_with(flat).sum(axis=0)
        return (n_psu - n_str).reshape(present.shape[1:])


@dataclass
class BuiltStage:
    stage: Stage
    unit: np.ndarray  # (n,) the stage's unit index of each row (Stage numbering)
    fraction: np.ndarray  # (n,) n_h/N_h of each row's stratum (0 without FPC): next prior
    stratum: np.ndarray  # (n,) the stage's stratum index of each row (Stage numbering)

    def per_stratum(self, per_unit: np.ndarray) -> np.ndarray:
        out = np.zeros(self.stage.n_strata)
        out[self.stage.stratum_of_psu] = per_unit
        return out


def build_stage(
    strat: np.ndarray,
    unit: np.ndarray,
    fpc: np.ndarray | None,
    prior: np.ndarray,
    lonely: str,
    *,
    fpc_is_size: bool = True,
    where: str,
    stage: int = 1,
    parent: np.ndarray | None = None,
) -> BuiltStage:
    """``strat``, ``unit``: (n,) non-negative integer codes (units nested in strata); ``fpc``:
    (n,) population sizes of each row's stratum (already converted from fractions, ``inf`` =
    none) or None; ``prior``: (n,) product of the earlier stages' fractions (1 at stage 1);
    ``parent``: (n,) the unit of the stage above (stage ≥ 2, for the ``average`` rule)."""
    radix = int(unit.max(initial=0)) + 1
    uniq, inv = np.unique(strat * radix + unit, return_inverse=True)
    strat_of_uniq = uniq // radix
    s_codes, s_of_uniq = np.unique(strat_of_uniq, return_inverse=True)
    n_strata = s_codes.shape[0]
    sizes = np.bincount(s_of_uniq, minlength=n_strata)
    by_size = np.lexsort((np.arange(n_strata), sizes))
    rank = np.empty(n_strata, dtype=np.int64)
    rank[by_size] = np.arange(n_strata)
    psu_order = np.argsort(rank[s_of_uniq], kind="stable")
    new_index = np.empty(uniq.shape[0], dtype=np.int64)
    new_index[psu_order] = np.arange(uniq.shape[0])
    row_unit = new_index[inv.ravel()]
    stratum_of_psu = rank[s_of_uniq][psu_order]
    row_stratum = stratum_of_psu[row_unit]
    n_h = sizes[by_size].astype(np.float64)
    run_sizes, run_first, run_count = np.unique(
        sizes[by_size], return_index=True, return_counts=True
    )
    size_runs = tuple(
        (int(s), int(h0), int(c)) for s, h0, c in zip(run_sizes, run_first, run_count, strict=True)
    )
    f_h = np.ones(n_strata)
    frac_h = np.zeros(n_strata)
    if fpc is not None:
        given = _per_stratum_value(fpc, row_stratum, n_strata, where, stage)
        pop = given if fpc_is_size else n_h / given
        if (pop < n_h - 1e-9).any():
            raise StatsError.of("stats.fpc_over_100", where=where)
        f_h = np.where(np.isinf(pop), 1.0, (pop - n_h) / pop)
        frac_h = np.where(np.isinf(pop), 0.0, n_h / pop)
    prior_h = _per_stratum_value(prior, row_stratum, n_strata, where, stage, check=False)
    scale_h = np.where(n_h > 1, f_h * n_h / np.maximum(n_h - 1, 1), f_h)
    scale_h = np.where(f_h < 1e-7, 0.0, scale_h) * prior_h
    centre_h = np.ones(n_strata)
    lonely_h = n_h == 1
    avg_lonely = np.zeros(n_strata, dtype=bool)
    if lonely_h.any():
        scale_h, centre_h = _lonely(lonely, lonely_h, scale_h, centre_h, where, stage)
        if lonely == "average":
            if stage == 1:
                avg_lonely = lonely_h.copy()
            else:
                assert parent is not None
                scale_h = scale_h * _average_by_parent(
                    parent, row_stratum, n_strata, lonely_h & (f_h >= 1e-7), where
                )
    built = Stage(
        stratum_of_psu=stratum_of_psu,
        n_h=n_h,
        scale_psu=scale_h[stratum_of_psu],
        centre_psu=centre_h[stratum_of_psu],
        size_runs=size_runs,
        avg_lonely=avg_lonely,
    )
    return BuiltStage(built, row_unit.astype(np.int64), frac_h[row_stratum], row_stratum)


def _per_stratum_value(
    values: np.ndarray,
    row_stratum: np.ndarray,
    n_strata: int,
    where: str,
    stage: int,
    *,
    check: bool = True,
) -> np.ndarray:
    per_h = np.full(n_strata, np.nan)
    per_h[row_stratum] = values
    if check and not np.array_equal(per_h[row_stratum], values):
        raise StatsError.of("stats.fpc_varies", where=where, stage=stage)
    return per_h


def _average_by_parent(
    parent: np.ndarray, row_stratum: np.ndarray, n_strata: int, lonely_h: np.ndarray, where: str
) -> np.ndarray:
    """Per stratum: #strata / #non-lonely strata within its parent unit (R's per-call factor)."""
    parent_h = np.zeros(n_strata, dtype=np.int64)
    parent_h[row_stratum] = parent
    n_parent = int(parent_h.max(initial=0)) + 1
    n_all = np.bincount(parent_h, minlength=n_parent)
    n_ok = np.bincount(parent_h, weights=~lonely_h, minlength=n_parent)
    if (n_ok[parent_h] == 0).any():
        raise StatsError.of("stats.all_lonely_stage", where=where)
    return n_all[parent_h] / n_ok[parent_h]


def _lonely(
    rule: str,
    lonely: np.ndarray,
    scale_h: np.ndarray,
    centre_h: np.ndarray,
    where: str,
    stage: int,
) -> tuple[np.ndarray, np.ndarray]:
    if rule == "fail":
        raise StatsError.of("stats.lonely_psu", count=int(lonely.sum()), where=where)
    scale_h, centre_h = scale_h.copy(), centre_h.copy()
    if rule in ("remove", "certainty"):
        scale_h[lonely] = 0.0
    elif rule == "adjust":
        centre_h[lonely] = 0.0
    elif rule == "average":
        if lonely.all() and stage == 1:
            raise StatsError.of("stats.all_lonely", where=where)
        scale_h[lonely] = 0.0
    else:
        raise StatsError.of("stats.lonely_psu_rule_unknown", rule=rule)
    return scale_h, centre_h
