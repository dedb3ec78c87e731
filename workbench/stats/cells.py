"""Fine cells: the one vectorised group-by pass over the rows (ARCHITECTURE.md principle 6).

A fine cell is a combination (PSU, population group, level of every disaggregation). Every
domain the engine reports — a group, a disaggregation cell, all displaced pooled — is a union of
fine cells, so sums per (PSU, domain) are sums of the fine-cell sums: the rows are read once.

Summing fine cells into a disaggregation's (PSU, group, level) grid is a scatter-add of whole
rows. numpy has no fast primitive for that (``np.add.at`` and ``np.add.reduceat`` loop per
element or per segment; ``np.bincount`` per column is strided), so each disaggregation gets a
:class:`SumPlan` once per analysis: the grid entries grouped by how many cells they sum (L), with
the cells of each entry in an (entries, L) index array. A sum is then L row gathers added into
one (entries, K) block per distinct L — all K columns at once, a cache-sized chunk of entries
at a time — and one scatter into the grid. Measured against scipy.sparse's CSR product (used
before) on 200,000 rows, 150 columns: 1.3–1.5× its time with 2,000 PSUs and one
disaggregation (~12 ms vs 8 ms for the grids of one analysis), up to 2× with three
disaggregations, on par without PSUs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

TOTAL = "total"
_CHUNK_VALUES = 1 << 16  # values gathered per step of SumPlan.apply (512 KB of float64)


def level_codes(col: pd.Series, levels: tuple[str, ...]) -> tuple[np.ndarray, list[str]]:
    """Integer codes of a disaggregation column (−1 where unknown), display levels first."""
    raw, as_str = _factorized(col)
    present = [str(v) for v in pd.unique(as_str.dropna())]
    names = [lv for lv in levels if lv in present] + sorted(v for v in present if v not in levels)
    return _recode(raw, as_str, names), names


def string_codes(col: pd.Series, categories: list[str]) -> np.ndarray:
    """Position of each value, read as text, in ``categories`` (−1: missing or not listed) —
    ``pd.Categorical(col.astype("string"), categories).codes``, converting only the distinct
    values to text."""
    raw, as_str = _factorized(col)
    return _recode(raw, as_str, categories)


def _factorized(col: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """(code of each row's distinct value, −1 when missing; the distinct values as text).
    A text column is factorised as the object array it stores (same codes, about half the
    time of pandas' string-array path: ~9 vs 17 ms on 200,000 rows)."""
    values = col
    if isinstance(col.dtype, pd.StringDtype) and col.dtype.storage == "python":
        values = col.to_numpy(dtype=object)
    raw, uniques = pd.factorize(values)
    return raw, pd.Series(uniques).astype("string")


def _recode(raw: np.ndarray, as_str: pd.Series, names: list[str]) -> np.ndarray:
    pos = {n: i for i, n in enumerate(names)}
    lut = np.array([-1 if pd.isna(v) else pos.get(str(v), -1) for v in as_str] + [-1])
    return lut[raw].astype(np.int64)  # raw −1 (missing) takes the last entry


@dataclass(frozen=True)
class SumPlan:
    """Scatter-add of rows into ``size`` targets, grouped by the number of rows per target."""

    size: int
    runs: tuple[tuple[np.ndarray, np.ndarray], ...]  # (rows (count, L), targets (count,)) per L

    @staticmethod
    def build(index: np.ndarray, size: int) -> SumPlan:
        """``index``: (n,) target of each row, −1 for none."""
        keep = np.flatnonzero(index >= 0)
        target = index[keep]
        if not (np.diff(target) >= 0).all():  # fine cells are often already in grid order
            order = np.argsort(target, kind="stable")
            keep, target = keep[order], target[order]
        if not keep.size:
            return SumPlan(size, ())
        starts = np.flatnonzero(np.r_[True, target[1:] != target[:-1]])
        lengths = np.diff(np.r_[starts, keep.size])
        runs = []
        for length in np.unique(lengths).tolist():
            first = starts[lengths == length]
            runs.append((keep[first[:, None] + np.arange(length)], target[first]))
        return SumPlan(size, tuple(runs))

    def apply(self, values: np.ndarray) -> np.ndarray:
        """(n, k) row values → (size, k) sums per target (0 where no row).

        Works through the targets in chunks of 512 KB so the gathered rows are added while
        still in cache (twice as fast as whole-array gathers for 150 columns)."""
        values = np.asarray(values, dtype=np.result_type(values, np.float64))
        k = values.shape[1]
        # every target once, in order (targets are sorted): fill the output directly
        direct = len(self.runs) == 1 and self.runs[0][1].shape[0] == self.size
        out = (np.empty if direct else np.zeros)((self.size, k), dtype=values.dtype)
        step = max(64, _CHUNK_VALUES // max(k, 1))
        buf = np.empty((0 if direct else step, k), dtype=values.dtype)
        for rows, target in self.runs:
            for a in range(0, rows.shape[0], step):
                chunk = rows[a : a + step]
                acc = out[a : a + step] if direct else buf[: chunk.shape[0]]
                np.take(values, chunk[:, 0], axis=0, out=acc)
                for j in range(1, chunk.shape[1]):
                    acc += values.take(chunk[:, j], axis=0)
                if not direct:
                    out[target[a : a + step]] = acc
        return out


@dataclass
class Cells:
    row_cell: np.ndarray  # (n,) fine-cell index of each row
    psu: np.ndarray  # (C,) PSU of each cell
    group: np.ndarray  # (C,) group index of each cell (−1: none)
    levels: dict[str, np.ndarray]  # disaggregation id → (C,) level index (−1: unknown)
    level_names: dict[str, list[str]]
    n_psu: int
    n_groups: int
    _plans: dict[str, SumPlan] = field(default_factory=dict, repr=False, compare=False)

    @property
    def n_cells(self) -> int:
        return int(self.psu.shape[0])

    def domain_map(self, disagg: str) -> tuple[np.ndarray, int]:
        """Cell → index into the (PSU, group, level) grid for one disaggregation (−1: none)."""
        lev = self.levels[disagg]
        n_lev = len(self.level_names[disagg])
        ok = (self.group >= 0) & (lev >= 0)
        idx = (self.psu * self.n_groups + self.group) * n_lev + lev
        return np.where(ok, idx, -1), n_lev

    def to_grid(self, cell_values: np.ndarray, disagg: str) -> np.ndarray:
        """(C, k) → (P, G, L, k) sums per PSU, group and level of ``disagg``."""
        n_lev = len(self.level_names[disagg])
        plan = self._plans.get(disagg)
        if plan is None:
            idx, _ = self.domain_map(disagg)
            plan = self._plans[disagg] = SumPlan.build(idx, self.n_psu * self.n_groups * n_lev)
        out = plan.apply(cell_values)
        return out.reshape(self.n_psu, self.n_groups, n_lev, cell_values.shape[1])


def build_cells(
    psu: np.ndarray,
    n_psu: int,
    group: np.ndarray,
    n_groups: int,
    disagg_codes: dict[str, tuple[np.ndarray, list[str]]],
) -> Cells:
    """Combine the integer codes into one key, compressing with ``np.unique`` as it grows."""
    parts: list[tuple[str, np.ndarray, int]] = [("_group", group + 1, n_groups + 1)]
    parts += [(d, c + 1, len(names) + 1) for d, (c, names) in disagg_codes.items()]
    key = psu.astype(np.int64)
    for _, codes, radix in parts:
        if int(key.max(initial=0)) * radix > 2**62:  # Python ints: no silent overflow
            _, key = np.unique(key, return_inverse=True)
        key = key * radix + codes
    uniq, row_cell = np.unique(key, return_inverse=True)
    # decode the components of each unique cell from its first row
    first = np.zeros(uniq.shape[0], dtype=np.int64)
    first[row_cell[::-1]] = np.arange(row_cell.shape[0])[::-1]
    levels = {d: c[first] for d, (c, _) in disagg_codes.items()}
    levels[TOTAL] = np.zeros(uniq.shape[0], dtype=np.int64)
    names = {d: n for d, (_, n) in disagg_codes.items()}
    names[TOTAL] = [TOTAL]
    return Cells(
        row_cell=row_cell.astype(np.int64),
        psu=psu[first],
        group=group[first],
        levels=levels,
        level_names=names,
        n_psu=n_psu,
        n_groups=n_groups,
    )
