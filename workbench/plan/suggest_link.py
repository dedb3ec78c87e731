"""The household key and the member file's link to it, found from the data.

A household id is unique on household rows; the member file's household key is a column whose
values are (nearly all) household ids and repeat (several members per household). Names only
order the search: the key the importer declared, the column the household-id input matched,
Kobo's submission keys (``_index``, ``_uuid`` …), then columns whose name says id or key. Of
the pairs the data allow, the one whose names agree wins (``_parent_index`` points to
``_index``, ``hhid`` to ``hhid``), so a submission number that happens to equal the row number
is not taken for the link. Without a member file the first unique candidate is the key.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.dataset_model import Dataset
from workbench.plan.codes import canon_series
from workbench.plan.suggest_text import fold

#: Kobo / ODK submission keys: the submission's own id first (stable across exports; the row
#: ``_index`` is renumbered by each export, but a repeat's ``_parent_index`` points to it)
SUBMISSION_KEYS = ("_uuid", "uuid", "instanceid", "meta/instanceid", "_id", "_index", "key")
#: a member column must hold household ids on at least this share of its rows
LINK_SHARE = 0.95
#: words in a name that make an id column something else than a household key
NOT_KEYS = ("device", "phone", "enumerator", "enum", "survey", "form", "version", "sim")


@dataclass(frozen=True)
class Link:
    """The household key, the member column holding it (None: no member file or none found)
    and how the household key was found (``declared``, ``matched``, ``roster``, ``submission``,
    ``unique``)."""

    household_key: str
    individual_key: str | None
    how: str


def _says_key(name: str) -> bool:
    f = fold(name)
    return ("id" in f or "key" in f) and not any(w in f for w in NOT_KEYS)


def _household_candidates(hh: Dataset, matched: str | None) -> list[str]:
    cols = [str(c) for c in hh.frame.columns]
    by_fold = {fold(c).replace(" ", ""): c for c in cols}
    out = [c for c in (hh.key, matched) if c]
    out += [by_fold[k] for k in SUBMISSION_KEYS if k in by_fold]
    out += [c for c in cols if _says_key(c)]
    return [c for c in dict.fromkeys(out) if c in hh.frame.columns]


def _unique_keys(hh: Dataset, col: str) -> set[str] | None:
    keys = canon_series(hh.frame[col])
    if keys.isna().any() or keys.duplicated().any():
        return None
    return set(keys)


def _affinity(hh_col: str, ind_col: str, parent_key: str | None) -> int:
    """How strongly the member column's name says it points to ``hh_col`` (0: not at all)."""
    if ind_col == parent_key:
        return 3
    h, i = fold(hh_col).strip(" _"), fold(ind_col).strip(" _")
    if h == i:
        return 3
    if h and i.endswith(h) and "parent" in i:
        return 3
    if h and (i.endswith(h) or i.startswith(h)):
        return 2
    return 1 if "parent" in i else 0


def _holds_keys(ind: Dataset, col: str, known: set[str]) -> bool:
    s = ind.frame[col]
    if pd.api.types.is_float_dtype(s.dtype) and (s.dropna() % 1 != 0).any():
        return False
    ik = canon_series(s).dropna()
    return bool(len(ik)) and ik.isin(known).mean() > LINK_SHARE and bool(ik.duplicated().any())


def link_keys(hh: Dataset, ind: Dataset | None, matched: str | None = None) -> Link:
    """The household key (unique in households) and the member column holding it; ``matched``:
    the column the household-id input matched by its name, tried right after a declared key."""
    cands = _household_candidates(hh, matched)
    uniques = [(c, k) for c in cands if (k := _unique_keys(hh, c)) is not None]
    if not uniques:
        found = _data_link(hh, ind, set(cands))
        if found is not None:
            return found
        return Link(hh.key or "", ind.parent_key if ind is not None else None, "declared")
    how = {c: "submission" for c in cands if fold(c).replace(" ", "") in SUBMISSION_KEYS}
    how |= {c: w for c, w in ((matched, "matched"), (hh.key, "declared")) if c}
    if ind is None:
        col = uniques[0][0]
        return Link(col, None, how.get(col, "unique"))
    ind_cols = [str(c) for c in ind.frame.columns]
    best: tuple[int, int, str, str] | None = None
    for rank, (col, known) in enumerate(uniques):
        for icol in ind_cols:
            aff = _affinity(col, icol, ind.parent_key)
            if aff == 0 or (best is not None and (aff, -rank) <= best[:2]):
                continue
            if _holds_keys(ind, icol, known):
                best = (aff, -rank, col, icol)
    if best is None:  # no name agrees: any member column that holds the ids
        for col, known in uniques:
            held = next((c for c in ind_cols if _holds_keys(ind, c, known)), None)
            if held is not None:
                return Link(col, held, "roster")
        data = _data_link(hh, ind, set(cands))
        if data is not None:
            return data
        return Link(uniques[0][0], ind.parent_key, how.get(uniques[0][0], "unique"))
    return Link(best[2], best[3], "roster")


def _data_link(hh: Dataset, ind: Dataset | None, tried: set[str]) -> Link | None:
    """When no column's name says it is a key (``hargeisa179``): a household column unique per
    row (whole numbers or text) that a member column holds — the same name first."""
    if ind is None:
        return None
    ind_cols = [str(c) for c in ind.frame.columns]
    for name in hh.frame.columns:
        col = str(name)
        s = hh.frame[col]
        if col in tried or pd.api.types.is_bool_dtype(s.dtype):
            continue
        if pd.api.types.is_float_dtype(s.dtype) and (s.dropna() % 1 != 0).any():
            continue
        known = _unique_keys(hh, col)
        if known is None or len(known) < 2:
            continue
        order = [c for c in ind_cols if c == col] + [c for c in ind_cols if c != col]
        held = next((c for c in order if _holds_keys(ind, c, known)), None)
        if held is not None:
            return Link(col, held, "roster")
    return None
