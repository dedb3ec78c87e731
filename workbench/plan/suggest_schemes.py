"""Well-known naming schemes: what a column's name says through a published scheme.

A DHS recode file names its columns ``hv005``, ``hv104`` …: the name alone says nothing to a
reader who does not know the recode manual, and a CSV export has lost the labels. The schemes in
``suggest_data/schemes.toml`` (each with its source) give such a bare name the label its scheme
gives it, so it is read as the labelled file would be. A scheme applies to a file only when
enough of its columns follow it; a column that kept its own label is read by its label.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "suggest_data" / "schemes.toml"


@cache
def _schemes() -> dict[str, dict[str, Any]]:
    with DATA.open("rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True)
class Known:
    """What a scheme says of one column."""

    scheme: str
    meaning: str


def known_names(names: Iterable[str]) -> dict[str, Known]:
    """Column → what a scheme the file follows says of it (columns no scheme knows: absent)."""
    cols = list(names)
    out: dict[str, Known] = {}
    for scheme in _schemes().values():
        meanings = {k.casefold(): str(v) for k, v in scheme["names"].items()}
        found = {c: Known(str(scheme["title"]), meanings[c.casefold()])
                 for c in cols if c.casefold() in meanings}  # fmt: skip
        if len(found) >= int(scheme["min_names"]):
            for c, k in found.items():
                out.setdefault(c, k)
    return out
