"""Text that stands for a missing value in exported files, compared in lower case.

R writes ``NA``, Stata ``.``, Excel ``#N/A``; hand-made sheets add ``N/A``, ``-`` or ``missing``.
Identifier detection leaves these out of a column's values; ``plan check`` warns when many of an
input's values are such markers that the plan does not count as missing.
"""

from __future__ import annotations

MISSING_MARKERS = frozenset(
    {"", "na", "n/a", "#n/a", "nan", "null", "none", ".", "-", "--", "missing", "manquant",
     "not available", "non disponible", "no disponible"}
)  # fmt: skip
