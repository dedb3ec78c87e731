"""Qt-free helpers of the disaggregation dialog: cut points and code lists typed as text."""

from __future__ import annotations

import itertools
import re
from typing import Any

_SPLIT = re.compile(r"[,;\s]+")


def code_text(code: Any) -> str:
    return str(int(code)) if isinstance(code, float) and code.is_integer() else str(code)


def parse_code(text: str) -> Any:
    from workbench.service import Workbench

    try:
        return Workbench.normalize_code(float(text))
    except ValueError:
        return text


def parse_codes(text: str) -> tuple[Any, ...]:
    """``"1, 2 3"`` → ``(1, 2, 3)``; words stay text codes."""
    return tuple(parse_code(t) for t in _SPLIT.split(text.strip()) if t)


def parse_cuts(text: str) -> tuple[tuple[float, ...], str | None]:
    """Cut points typed as ``"0, 5, 18, 60"`` → ``((0, 5, 18, 60), None)`` or ``((), problem)``
    where ``problem`` is one of ``"empty"``, ``"number:<token>"``, ``"negative"``, ``"order"``."""
    tokens = [t for t in _SPLIT.split(text.strip()) if t]
    if not tokens:
        return (), "empty"
    cuts = []
    for t in tokens:
        try:
            cuts.append(float(t))
        except ValueError:
            return (), f"number:{t}"
    if any(c < 0 for c in cuts):
        return (), "negative"
    if any(b <= a for a, b in itertools.pairwise(cuts)):
        return (), "order"
    return tuple(cuts), None


def cuts_text(cuts: tuple[float, ...]) -> str:
    return ", ".join(f"{c:g}" for c in cuts)


IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def suggest_id(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_]+", "_", text.strip().lower()).strip("_") or "breakdown"
    if base[0].isdigit():
        base = "d_" + base
    out, n = base, 2
    while out in taken:
        out, n = f"{base}_{n}", n + 1
    return out
