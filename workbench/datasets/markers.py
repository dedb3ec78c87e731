"""Missing-value markers: ``NA`` (R's ``write.csv``), ``.`` (Stata), ``#N/A`` (Excel) and kin.

At import (:data:`DEFAULT_NA` plus the import's ``--na`` extras) a marker means "missing" only
in a column that is otherwise numeric: there it becomes NaN and is counted
(``Dataset.missing_markers``: column → marker → count), so the import can say what it turned
into missing. In a text column (a real category ``NA``, a code ``-``) the values stay as they
are and the import says so (``checks.markers_kept_as_text``). Empty and blank values are always
missing and are not listed as markers. Matching is on the value with surrounding white space
removed, and exact otherwise (``na`` is not ``NA``).

:data:`MISSING_MARKERS` is the wider set, compared in lower case, that identifier detection
leaves out of a column's values and ``plan check`` looks for in a text input (hand-made sheets
add ``missing``, ``none`` …).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from workbench.datasets.importing import ImportOptions

MISSING_MARKERS = frozenset(
    {"", "na", "n/a", "#n/a", "nan", "null", "none", ".", "-", "--", "missing", "manquant",
     "not available", "non disponible", "no disponible"}
)  # fmt: skip

#: the markers applied unless the import says ``default_na=False`` (``--no-default-na``)
DEFAULT_NA: tuple[str, ...] = ("NA", "N/A", "n/a", "#N/A", "NaN", ".", "-", "")

#: column → marker → how many values it replaced
Counts = dict[str, dict[str, int]]


def marker_set(na_values: Iterable[str] = (), default_na: bool = True) -> frozenset[str]:
    """The non-empty markers of an import: the defaults (unless turned off) plus ``na_values``."""
    chosen = [*(DEFAULT_NA if default_na else ()), *na_values]
    return frozenset(m.strip() for m in chosen if m.strip())


def import_markers(opts: ImportOptions) -> frozenset[str]:
    """The markers of an import (its ``na_values`` and ``default_na``)."""
    return marker_set(opts.na_values, opts.default_na)


def split_markers(values: Iterable[str], markers: frozenset[str]) -> tuple[list[str], list[str]]:
    """Distinct present values split into (not markers, markers)."""
    rest: list[str] = []
    found: list[str] = []
    for v in values:
        (found if v.strip() in markers else rest).append(v)
    return rest, found


def count_values(text: pd.Series, found: list[str]) -> dict[str, int]:
    """How often each marker (values as written, keyed by the stripped marker) occurs."""
    if not found:
        return {}
    return tally(text[text.isin(found)], None) or {}


def tally(values: pd.Series, markers: frozenset[str] | None) -> dict[str, int] | None:
    """Counts of the values, keyed with white space stripped; None when ``markers`` is given and
    some value is not one of them."""
    counts = values.value_counts()
    out: dict[str, int] = {}
    for v, n in zip(counts.index.tolist(), counts.to_numpy().tolist(), strict=True):
        key = str(v).strip()
        if markers is not None and key not in markers:
            return None
        out[key] = out.get(key, 0) + int(n)
    return out


def add_counts(into: Counts, column: str, counts: dict[str, int]) -> None:
    if not counts:
        return
    col = into.setdefault(column, {})
    for marker, n in counts.items():
        col[marker] = col.get(marker, 0) + n
