"""Fixtures for the vault tests: fast-KDF vaults in tmp_path and datasets with every dtype."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.vault import KdfParams
from workbench.vault.connection import connect
from workbench.vault.header import read_header
from workbench.vault.keys import derive_kek, unwrap_key

#: tests only: Argon2id at 1 MiB / 1 pass (the CLI and app always use the ≥ 64 MiB default)
FAST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
MARKER = "ZQXMARKER-7f3a9c"


def raw_connection(path: Path, passphrase: str) -> Any:
    """The vault's database opened directly (tests that put a vault into an older state)."""
    h = read_header(path)
    kek = derive_kek(passphrase, h.salt, h.kdf)
    key = unwrap_key(kek, h.wrap.nonce, h.wrap.wrapped, h.aad())
    return connect(path, key, page_size=h.page_size)


def every_dtype_frame(n: int = 50, marker: str = MARKER) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    codes = rng.integers(1, 6, n).astype(float)
    codes[::7] = np.nan
    codes[3] = 99.0
    floats = rng.normal(size=n)
    floats[::5] = np.nan
    dates = pd.Series(pd.date_range("2024-01-01", periods=n, freq="D")).astype("datetime64[ns]")
    dates[::4] = pd.NaT
    text = pd.Series([f"{marker}-{i % 3}" if i % 6 else None for i in range(n)], dtype="str")
    obj = pd.Series(["Zoë", None, "Ñandú", "علي", "x"] * (n // 5), dtype=object)
    return pd.DataFrame(
        {
            "hh_id": np.arange(n, dtype=np.int64) * 1_000_003,
            "region": codes,
            "income": floats,
            "big": np.linspace(-1e300, 1e300, n),
            "flag": rng.random(n) < 0.5,
            "interview_date": dates,
            "comment": text,
            "name_obj": obj,
            "small_int": rng.integers(-3, 3, n).astype(np.int64),
        }
    )


def labelled_dataset(name: str = "households", n: int = 50) -> Dataset:
    frame = every_dtype_frame(n)
    variables = {
        "region": Variable(
            name="region",
            kind="numeric",
            label="Region of residence",
            labels={"en": "Region", "fr": "Région"},
            measure="nominal",
            value_labels={1.0: "North", 2.0: "South", 99.0: "Refused"},
            value_labels_i18n={"fr": {1.0: "Nord", 2.0: "Sud"}},
            missing_codes=[99.0],
            missing_ranges=[(97.0, 99.0)],
            question_type="select_one",
            hxl="#adm1+name",
            extra={"spss_format": "F8.0", "nested": {"a": [1, 2]}},
        ),
        "name_obj": Variable(
            name="name_obj",
            kind="string",
            label="Respondent name",
            identifier="name",
            identifier_action="keep",
        ),
        "comment": Variable(
            name="comment", kind="string", identifier="free_text", identifier_action="hash"
        ),
    }
    return Dataset(
        name=name,
        frame=frame,
        variables=variables,
        unit="household",
        key="hh_id",
        parent=None,
        parent_key=None,
        source={"file": "survey.csv", "format": "csv", "encoding": "utf-8", "sha256": "ab" * 32},
        languages=["en", "fr"],
    )


ROOT = Path(__file__).resolve().parents[2]

HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {root!r})
    from vault_testkit import raw_connection
    conn = raw_connection(__import__("pathlib").Path({vault!r}), {passphrase!r})
    conn.execute("BEGIN {mode}")
    conn.execute("INSERT INTO meta VALUES ('import-in-progress', 'x')")
    print("held", flush=True)
    sys.stdin.readline()  # until the test says so
    conn.execute("COMMIT")
    print("committed", flush=True)
    """
)


class LockHolder:
    """A second process in the middle of a write (an import), holding the vault's lock."""

    def __init__(self, vault: Path, passphrase: str, mode: str = "IMMEDIATE") -> None:
        code = HOLD_LOCK.format(root=str(ROOT), vault=str(vault), passphrase=passphrase,
                                mode=mode)  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + str(ROOT / "tests" / "vault")}
        self.proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, env=env)  # fmt: skip
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "held"

    def finish(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "committed"
        assert self.proc.wait(timeout=30) == 0
