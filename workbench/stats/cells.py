"""Fine cells: the one vectorised group-by pass over the rows (ARCHITECTURE.md principle 6).

A fine cell is a combination (PSU, population group, level of every disaggregation). Every
domain the engine reports — a group, a disaggregation cell, all displaced pooled — is a union of
fine cells, so sums per (PSU, domain) are sums of the fine-cell sums: the rows are read once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

TOTAL = "total"


def level_codes(col: pd.Series, levels: tuple[str, ...]) -> tuple[np.ndarray, list[str]]:
    """Integer codes of a disaggregation column (−1 where unknown), display levels first."""
    as_str = col.astype("string")
    present = [str(v) for v in pd.unique(as_str.dropna())]
    names = [lv for lv in levels if lv in present] + sorted(v for v in present if v not in levels)
    codes = pd.Categorical(as_str, categories=names).codes
    return np.asarray(codes, dtype=np.int64), names


@dataclass
class Cells:
    row_cell: np.ndarray  # (n,) fine-cell index of each row
    psu: np.ndarray  # (C,) PSU of each cell
    group: np.ndarray  # (C,) group index of each cell (−1: none)
    levels: dict[str, np.ndarray]  # disaggregation id → (C,) level index (−1: unknown)
    level_names: dict[str, list[str]]
    n_psu: int
    n_groups: int

    @property
    def n_cells(self) -> int:
        return int(self.psu.shape[0])

    def sums(self, values: np.ndarray) -> np.ndarray:
        """(n, k) row values → (C, k) sums per fine cell."""
        n = self.row_cell.shape[0]
        m = sparse.csr_matrix((np.ones(n), (self.row_cell, np.arange(n))), shape=(self.n_cells, n))
        return np.asarray(m @ values)

    def domain_map(self, disagg: str) -> tuple[np.ndarray, int]:
        """Cell → index into the (PSU, group, level) grid for one disaggregation (−1: none)."""
        lev = self.levels[disagg]
        n_lev = len(self.level_names[disagg])
        ok = (self.group >= 0) & (lev >= 0)
        idx = (self.psu * self.n_groups + self.group) * n_lev + lev
        return np.where(ok, idx, -1), n_lev

    def to_grid(self, cell_values: np.ndarray, disagg: str) -> np.ndarray:
        """(C, k) → (P, G, L, k) sums per PSU, group and level of ``disagg``."""
        idx, n_lev = self.domain_map(disagg)
        keep = idx >= 0
        size = self.n_psu * self.n_groups * n_lev
        m = sparse.csr_matrix(
            (np.ones(int(keep.sum())), (idx[keep], np.flatnonzero(keep))),
            shape=(size, self.n_cells),
        )
        out = np.asarray(m @ cell_values)
        return out.reshape(self.n_psu, self.n_groups, n_lev, -1)


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
