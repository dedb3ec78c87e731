"""A small synthetic survey (no real person) with every column type the cleaning log edits, and a
vault holding it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.service import Workbench
from workbench.settings import Settings
from workbench.vault import KdfParams, Vault

FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
N = 12


def household_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "uuid": pd.Series([f"u{i:02d}" for i in range(N)], dtype="str"),
            "age": [34.0, 120.0, 8.0, 45.0, 150.0, 29.0, 61.0, 33.0, 40.0, 22.0, 19.0, np.nan],
            "sex": [1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 99.0, 1.0, 99.0, 1.0],
            "visit": pd.Series(pd.date_range("2024-03-01", periods=N, freq="D")),
            "remark": pd.Series(["ok", "=1+1", "@SUM(A1)", None] * 3, dtype="str"),
            "code": pd.Series(["007", "010", "+12"] * 4, dtype="str"),
            "members": np.arange(1, N + 1, dtype=np.int64),
            "owner": np.array([True, False] * (N // 2)),
        }
    )


def household() -> Dataset:
    sex = Variable(
        name="sex", kind="numeric", label="Sex of the respondent", measure="nominal",
        value_labels={1.0: "Male", 2.0: "Female", 99.0: "Refused"},
    )  # fmt: skip
    return Dataset("hh", household_frame(), {"sex": sex}, unit="household", key="uuid")


def members() -> Dataset:
    """A dataset without a key column: records are named by their row number."""
    frame = pd.DataFrame({"hh": ["u00", "u00", "u01", "u02"], "age": [30.0, 5.0, 200.0, 41.0]})
    frame["hh"] = frame["hh"].astype("str")
    return Dataset("members", frame, {}, unit="individual", parent="hh", parent_key="hh")


def make_vault(path: Path, passphrase: str) -> Path:
    v = Vault.create(path, passphrase, kdf=FAST_KDF)
    v.save_datasets([household(), members()])
    v.lock()
    return path


def open_wb(path: Path, passphrase: str) -> Workbench:
    wb = Workbench(Settings())
    wb.open_vault(path, passphrase)
    return wb
