"""Annex tables of a rounds analysis: beside each annex file of the report, a ``-rounds`` file
with every round's estimates, comparisons and solutions and the tables of change (publishable
copy; the layout is :mod:`workbench.stats.rounds_export`'s)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.export_writer import OutFile

if TYPE_CHECKING:
    from workbench.stats.rounds import RoundsResults


def rounds_annex_path(path: Path) -> Path:
    """``annex.xlsx`` → ``annex-rounds.xlsx``."""
    return path.with_name(f"{path.stem}-rounds{path.suffix}")


def rounds_annex_files(rounds: RoundsResults, annex_paths: Iterable[Path]) -> list[OutFile]:
    from workbench.stats.rounds_export import rounds_files

    out: list[OutFile] = []
    for path in annex_paths:
        out += rounds_files(rounds, rounds_annex_path(Path(path)))
    return out
