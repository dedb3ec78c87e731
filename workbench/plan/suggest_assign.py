"""Assign columns to inputs from the score matrix: the best-scoring pairs first, one column per
input, a column shared between inputs only when the runner-up is clearly worse."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.plan.suggest_columns import ColumnProfile, InputText, score
from workbench.plan.suggest_text import Idf

#: a column already taken is shared only if the input's next free column scores this much less
SHARE_MARGIN = 0.15
#: and a shared column's confidence is lowered by this factor (two facts rarely share a question)
SHARE_PENALTY = 0.85


@dataclass(frozen=True)
class Candidate:
    column: ColumnProfile
    confidence: float
    reason: str


def rank(inp: InputText, columns: list[ColumnProfile], idf: Idf, keep: int = 4) -> list[Candidate]:
    scored = []
    for col in columns:
        conf, why = score(inp, col, idf)
        if conf > 0.05:
            scored.append(Candidate(col, conf, why))
    scored.sort(key=lambda c: (-c.confidence, c.column.name))
    return scored[:keep]


def assign(ranked: dict[str, list[Candidate]]) -> dict[str, Candidate | None]:
    order = sorted(ranked, key=lambda n: -(ranked[n][0].confidence if ranked[n] else 0.0))
    taken: set[tuple[str, str]] = set()
    out: dict[str, Candidate | None] = {}
    for name in order:
        cands = ranked[name]
        if not cands:
            out[name] = None
            continue
        best = cands[0]
        free = next((c for c in cands if _key(c) not in taken), None)
        if _key(best) in taken and (
            free is None or best.confidence - free.confidence > SHARE_MARGIN
        ):
            reason = best.reason + "; shares the column with another input"
            chosen: Candidate | None = Candidate(
                best.column, best.confidence * SHARE_PENALTY, reason
            )
        else:
            chosen = free
        out[name] = chosen
        if chosen is not None:
            taken.add(_key(chosen))
    return out


def _key(c: Candidate) -> tuple[str, str]:
    return (c.column.dataset, c.column.name)
