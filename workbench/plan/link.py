"""Household ↔ individual linking for evaluation: parent positions and the head of each household.

All vectorised: keys are matched through their canonical text (so a float key ``12.0`` in one file
matches ``"12"`` in the other) with one hash join over unique values.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.errors import PlanError
from workbench.plan.codes import canon_series, isin_codes
from workbench.plan.model import Plan


@dataclass
class Link:
    n_households: int
    #: household key per household row (canonical text)
    hh_keys: pd.Series
    #: individual rows (positions in the individual dataset) that belong to a household
    rows: np.ndarray | None = None
    #: for each kept individual row: the position of its household
    parent: np.ndarray | None = None
    #: for each household: the position (among kept individuals) of its head, or -1
    head: np.ndarray | None = None
    #: individuals whose household key matched no household
    orphans: int = 0

    @property
    def n_individuals(self) -> int:
        return 0 if self.rows is None else len(self.rows)


def column(ds: Dataset, name: str | None, where: str) -> pd.Series:
    if not name or name not in ds.frame.columns:
        raise PlanError.of("plan.link_column_missing", where=where, name=name, ds=ds.name)
    return ds.frame[name]


def build_link(plan: Plan, hh: Dataset, ind: Dataset | None) -> Link:
    where = f"plan {plan.name}: [datasets]"
    links = plan.datasets
    if links.household_key:
        hh_keys = canon_series(column(hh, links.household_key, where + " household_key"))
    else:
        hh_keys = pd.Series([str(i) for i in range(hh.n_rows)], dtype=object)
    link = Link(n_households=hh.n_rows, hh_keys=hh_keys.reset_index(drop=True))
    if ind is None:
        return link
    if not links.household_key or not links.individual_key:
        raise PlanError.of("plan.link_keys_needed", where=where, ind=ind.name)
    ind_keys = canon_series(column(ind, links.individual_key, where + " individual_key"))
    if hh_keys.duplicated().any() or hh_keys.isna().any():
        raise PlanError.of(
            "plan.household_key_not_unique",
            where=where,
            household_key=links.household_key,
            hh=hh.name,
        )
    pos = pd.Index(hh_keys.to_numpy()).get_indexer(ind_keys.to_numpy())
    keep = pos >= 0
    link.rows = np.flatnonzero(keep)
    link.parent = pos[keep].astype(np.int64)
    link.orphans = int((~keep).sum())
    link.head = _heads(plan, ind, link)
    return link


def _heads(plan: Plan, ind: Dataset, link: Link) -> np.ndarray:
    """First member flagged as head (or the first member listed when no head column is set)."""
    assert link.parent is not None and link.rows is not None
    links = plan.datasets
    if links.head_column:
        col = column(ind, links.head_column, f"plan {plan.name}: [datasets] head_column")
        flag = isin_codes(col, links.head_codes or (1,)).to_numpy()[link.rows]
    else:
        flag = np.ones(len(link.rows), dtype=bool)
    head = np.full(link.n_households, -1, dtype=np.int64)
    cand = np.flatnonzero(flag)
    households, first = np.unique(link.parent[cand], return_index=True)
    head[households] = cand[first]
    return head
