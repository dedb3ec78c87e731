"""What one row of a file is, read from the data's structure, and whether its parent exists.

- A Kobo repeat sheet (``_parent_index``) is individual: one row per member.
- A file with a household key column (``hh_id``, ``hhid``, ``household_id`` …) is household when
  that key is unique over the whole file, individual when it repeats.
- The link of an individual file is the column it shares with a household dataset's unique key;
  the key of a file is a unique identifier column (household key, member id, Kobo ``_index``).

These are defaults a user confirms; the checks on the whole file come from the same frame.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import pandas as pd

from workbench.dataset_model import Dataset
from workbench.datasets.checks import check_dataset
from workbench.datasets.columns import blank_to_none
from workbench.errors import ImportError_
from workbench.findings import Finding


class DatasetInfo(Protocol):  # what is needed of workbench.vault.records.DatasetInfo
    @property
    def name(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def key(self) -> str | None: ...


_HOUSEHOLD_KEY = re.compile(
    r"^(?:hh|hhld|household|menage|ménage|hogar|usra)[ _.]?(?:id|code|no|num|number|key)?$"
    r"|^(?:id|code|num)[ _.]?(?:hh|household|menage|ménage|hogar)$",
    re.IGNORECASE,
)
_PERSON_KEY = re.compile(
    r"^(?:member|person|indiv|individual|ind|pid|line|membre|personne)[ _.]?"
    r"(?:id|code|no|num|number|key)?$|^_index$",
    re.IGNORECASE,
)
KOBO_PARENT = "_parent_index"


@dataclass(frozen=True)
class Structure:
    """Suggested unit, key and link of one dataset, with the reason (a short code)."""

    unit: str = "other"
    key: str | None = None
    parent: str | None = None
    parent_key: str | None = None
    reason: str = "none"  # kobo_repeat | household_key_repeats | household_key_unique | none


def is_household_key(name: str) -> bool:
    return bool(_HOUSEHOLD_KEY.match(name.strip()))


def is_unique_key(s: pd.Series) -> bool:
    """Every value present and distinct (over the whole column)."""
    if not len(s):
        return False
    if s.dtype.kind not in "fiub":
        s = blank_to_none(s)
    return bool(s.notna().all() and s.is_unique)


def household_parents(infos: Sequence[DatasetInfo]) -> list[DatasetInfo]:
    """The datasets a member file may link to: household-unit datasets with a key column."""
    return [i for i in infos if i.unit == "household" and i.key]


def suggest_structure(ds: Dataset, infos: Sequence[DatasetInfo] = ()) -> Structure:
    """Unit, key and link defaults for ``ds`` as read (the whole file), given the datasets already
    in the vault (``infos``)."""
    cols = [str(c) for c in ds.frame.columns]
    if ds.unit != "other" and ds.source.get("sheet") and ds.key:  # a Kobo sheet: the reader knows
        reason = "kobo_repeat" if ds.parent_key == KOBO_PARENT else "kobo_main"
        return Structure(ds.unit, ds.key, ds.parent, ds.parent_key, reason)
    hh_keys = [c for c in cols if is_household_key(c)]
    parent_keys = {str(i.key) for i in household_parents(infos)}
    candidates = [c for c in cols if c in hh_keys or c in parent_keys or _PERSON_KEY.match(c)]
    unique = {c for c in candidates if is_unique_key(ds.frame[c])}
    person = next((c for c in cols if _PERSON_KEY.match(c) and c in unique), None)
    link = _shared_key(cols, unique, infos)
    if link is not None:  # shares a household dataset's key, which repeats here: members
        return Structure("individual", person, link[0], link[1], "household_key_repeats")
    if any(c in unique for c in hh_keys):
        key = next(c for c in hh_keys if c in unique)
        return Structure("household", key, reason="household_key_unique")
    if hh_keys:
        return Structure("individual", person, None, hh_keys[0], "household_key_repeats")
    return Structure("other", person)


def _shared_key(
    cols: list[str], unique: set[str], infos: Sequence[DatasetInfo]
) -> tuple[str, str] | None:
    """(household dataset, column): a column of this file that is the key of a household dataset
    and repeats here (or is a household key by name), preferring the most recent import."""
    for info in reversed(household_parents(infos)):
        if info.key in cols and info.key not in unique:
            return info.name, str(info.key)
    return None


def check_parent(parent: str | None, infos: Sequence[DatasetInfo], file_name: str) -> None:
    """The parent dataset a user names must exist and be a household (or unit-less) dataset."""
    if not parent:
        return
    by_name = {i.name: i for i in infos}
    candidates = ", ".join(i.name for i in infos if i.unit != "individual") or "—"
    if parent not in by_name:
        raise ImportError_.of(
            "import.unknown_parent", file=file_name, parent=parent, available=candidates
        )
    if by_name[parent].unit == "individual":
        raise ImportError_.of(
            "import.parent_not_household", file=file_name, parent=parent, available=candidates
        )


def check_key(ds: Dataset, key: str | None) -> list[Finding]:
    """Whether ``key`` identifies one row of ``ds`` (every value present and distinct): the key
    findings of :func:`check_dataset`, over the whole frame."""
    if not key or key not in ds.frame.columns:
        return []
    one = Dataset(ds.name, ds.frame[[key]], {key: ds.variables[key]}, key=key)
    codes = ("dataset.duplicate_keys", "dataset.missing_keys")
    return [f for f in check_dataset(one) if f.code in codes]
