"""Undo / redo over plan commands, in pure Python (the app wraps it; no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.plan.commands import Command
from workbench.plan.model import Plan


@dataclass(frozen=True)
class _Entry:
    label: str
    forward: Command  # re-applies the edit
    inverse: Command  # undoes it


class UndoStack:
    """Holds the current plan and the history of edits.

    ``do(cmd)`` applies a command (clearing the redo history); ``undo()`` / ``redo()`` step
    through it. ``mark_clean()`` records the saved state; ``dirty`` says whether the plan
    changed since. ``limit`` bounds the history (oldest edits are forgotten).
    """

    def __init__(self, plan: Plan, limit: int = 500) -> None:
        self._plan = plan
        self._undo: list[_Entry] = []
        self._redo: list[_Entry] = []
        self._limit = limit
        self._clean_depth: int | None = 0

    @property
    def plan(self) -> Plan:
        return self._plan

    def do(self, cmd: Command) -> Plan:
        new, inverse = cmd.apply(self._plan)
        self._plan = new
        self._undo.append(_Entry(cmd.label, cmd, inverse))
        if self._clean_depth is not None and self._clean_depth > len(self._undo) - 1:
            self._clean_depth = None  # the saved state was in the discarded redo branch
        self._redo.clear()
        if len(self._undo) > self._limit:
            del self._undo[0]
            self._clean_depth = None if not self._clean_depth else self._clean_depth - 1
        return new

    def undo(self) -> Plan:
        if not self._undo:
            return self._plan
        entry = self._undo.pop()
        new, forward = entry.inverse.apply(self._plan)
        self._plan = new
        self._redo.append(_Entry(entry.label, forward, entry.inverse))
        return new

    def redo(self) -> Plan:
        if not self._redo:
            return self._plan
        entry = self._redo.pop()
        new, inverse = entry.forward.apply(self._plan)
        self._plan = new
        self._undo.append(_Entry(entry.label, entry.forward, inverse))
        return new

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_text(self) -> str:
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_text(self) -> str:
        return self._redo[-1].label if self._redo else ""

    def mark_clean(self) -> None:
        self._clean_depth = len(self._undo)

    @property
    def dirty(self) -> bool:
        return self._clean_depth != len(self._undo)

    def reset(self, plan: Plan) -> None:
        """Start over from ``plan`` (e.g. after loading another version)."""
        self._plan = plan
        self._undo.clear()
        self._redo.clear()
        self._clean_depth = 0
