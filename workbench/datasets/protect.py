"""Applying identifier actions at import: keep, drop, or hash (salted SHA-256 prefix).

Unless told otherwise, direct identifiers get the import's default action (drop) and
quasi-identifiers (dates of birth and of the interview, villages) are kept.

One random salt per import, never stored: hashed values link rows *within* one import (a household
sheet and its repeat sheet share the salt) but cannot be linked to other imports or reversed by
trying likely values.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

import pandas as pd

from workbench.dataset_model import Dataset
from workbench.datasets.columns import as_key_strings
from workbench.datasets.identifiers import default_action, detect_identifiers
from workbench.errors import ImportError_

ACTIONS = ("keep", "drop", "hash")
HASH_CHARS = 16


def hash_values(s: pd.Series, salt: bytes) -> pd.Series:
    text = as_key_strings(s)
    cache: dict[str, str] = {}

    def one(v: object) -> str | None:
        if v is None or (isinstance(v, float) and pd.isna(v)):
            return None
        key = str(v)
        if key not in cache:
            cache[key] = hashlib.sha256(salt + key.encode("utf-8")).hexdigest()[:HASH_CHARS]
        return cache[key]

    return pd.Series([one(v) for v in text.astype(object)], index=s.index, dtype="str", name=s.name)


def _check_actions(
    path: Path, actions: dict[str, str], default: str, datasets: list[Dataset]
) -> None:
    if default not in ACTIONS:
        raise ImportError_.of("import.unknown_identifier_action", name=path.name, default=default)
    columns = {str(c) for ds in datasets for c in ds.frame.columns}
    for col, act in actions.items():
        if act not in ACTIONS:
            raise ImportError_.of("import.unknown_column_action", name=path.name, act=act, col=col)
        if col not in columns:
            raise ImportError_.of("import.action_column_missing", name=path.name, col=col, act=act)


def protect_identifiers(
    path: Path, datasets: list[Dataset], actions: dict[str, str], default: str
) -> None:
    """Flag, then keep / drop / hash identifier columns of every dataset, in place."""
    _check_actions(path, actions, default, datasets)
    salt = secrets.token_bytes(16)
    for ds in datasets:
        keys = {k for k in (ds.key, ds.parent_key) if k}
        flagged = {
            c: r for c, r in detect_identifiers(ds.frame, ds.variables).items() if c not in keys
        }
        for col in actions:
            if col in ds.frame.columns and col not in flagged:
                flagged[col] = "user"
        audit = []
        drop = []
        for col, reason in flagged.items():
            act = actions.get(col, default_action(reason, default))
            if col in keys and act == "drop":
                raise ImportError_.of("import.link_column_dropped", name=path.name, col=col)
            audit.append({"column": col, "reason": reason, "action": act})
            var = ds.variables[col]
            var.identifier, var.identifier_action = reason, act  # type: ignore[assignment]
            if act == "drop":
                drop.append(col)
            elif act == "hash":
                ds.frame[col] = hash_values(ds.frame[col], salt)
                var.kind = "string"
                var.value_labels, var.value_labels_i18n = {}, {}
                var.missing_codes, var.missing_ranges = [], []
        if drop:
            ds.frame = ds.frame.drop(columns=drop)
            ds.variables = {c: v for c, v in ds.variables.items() if c not in drop}
        ds.source["identifiers"] = audit
