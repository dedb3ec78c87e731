"""Small real datasets for the sharing tests: quasi-identifiers, a weight, a household id,
direct identifiers flagged as the importer flags them, and a variable the user drops."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.export_writer import AuditList
from workbench.share.anonymise import build
from workbench.share.export import Shared, write
from workbench.share.spec import Recipient, ShareSpec

#: the passphrase of the Freedonia vault fixture (tests/share/conftest.py)
PASS = "correct horse battery staple"
#: values that must never appear in a written file
SECRET_NAMES = ("Zorbulina Quaxley", "Mervinto Plaskett")
SECRET_PHONE = "+999 71 555 0199"
SECRET_NOTE = "lives behind the blue mosque"


def dataset(rows: list[tuple[Any, ...]], seed: int = 0) -> Dataset:
    """Records of (sex, region, age, size) with a weight, a household id, a name, a phone and
    a free-text note (identifiers) and a dropped variable (``note``)."""
    rng = np.random.default_rng(seed)
    n = len(rows)
    frame = pd.DataFrame(rows, columns=["sex", "region", "age", "size"])
    frame["sex"] = frame["sex"].astype(float)
    frame["age"] = frame["age"].astype(float)
    frame["size"] = frame["size"].astype(float)
    frame["region"] = frame["region"].astype(object)
    frame["weight"] = rng.uniform(20, 80, n).round(3)
    frame["hh"] = (np.arange(n) // 2 + 1000).astype(float)
    frame["name"] = [SECRET_NAMES[i % 2] + f" {i}" for i in range(n)]
    frame["phone"] = [SECRET_PHONE] * n
    frame["note"] = [SECRET_NOTE] * n
    frame["health"] = rng.integers(1, 4, n).astype(float)
    variables = {c: Variable(c, kind="string" if frame[c].dtype == object else "numeric",
                             label=f"{c} label") for c in frame.columns}  # fmt: skip
    variables["sex"].value_labels = {1.0: "Male", 2.0: "Female"}
    variables["name"].identifier = "name"
    variables["phone"].identifier = "phone"
    return Dataset("people", frame, variables, unit="individual", key=None)


def spec(k: int, **kw: Any) -> ShareSpec:
    return ShareSpec(dataset="people", keys=("sex", "region", "age", "size"), k=k,
                     weight="weight", household="hh", drop=("note",), **kw)  # fmt: skip


def export(data: Dataset, s: ShareSpec, out: Path, langs: tuple[str, ...] = ("en",),
           audit: AuditList | None = None) -> tuple[Shared, list[dict[str, Any]]]:  # fmt: skip
    """Write through the real writer with an in-memory audit sink; returns the records the
    store received."""
    sink = audit if audit is not None else AuditList()
    stored: list[dict[str, Any]] = []

    def store(record: dict[str, Any], completed: dict[str, Any], inside: Any) -> None:
        sink.record("export.completed", record["ref"], completed, inside)
        stored.append(record)

    extract = build(data, s)
    shared = write(
        extract,
        s,
        Recipient("Partner NGO", "Joint analysis", "DSA-1", languages=langs),
        out,
        audit=sink,
        store=store,
    )
    return shared, stored
