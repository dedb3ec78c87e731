"""Dataset fingerprints: over the stored encoding, equal before and after a vault round trip,
and changed by any change of value, dtype, name or column order."""

from __future__ import annotations

import numpy as np
import pandas as pd
from vault_testkit import every_dtype_frame

from workbench.vault.fingerprint import fingerprint_frame


def _frame() -> pd.DataFrame:
    frame = every_dtype_frame(60)
    frame["ids"] = pd.Series([f"ID{i}" for i in range(60)], dtype="str")
    frame["ids_missing"] = pd.Series([None if i % 9 == 0 else f"I{i}" for i in range(60)],
                                     dtype=object)  # fmt: skip
    frame["mixed"] = pd.Series([1, "a", None] * 20, dtype=object)
    frame["cat"] = pd.Categorical(["a", "b", None] * 20)
    frame["Int"] = pd.Series([1, None, 3] * 20, dtype="Int64")
    return frame


def test_fingerprint_is_stable_and_sees_every_change():
    frame = _frame()
    base = fingerprint_frame(frame)
    assert len(base) == 64 and base == fingerprint_frame(frame.copy())
    changed = [frame.copy() for _ in range(6)]
    changed[0].loc[5, "comment"] = "different"
    changed[1] = frame.rename(columns={"ids": "ids2"})
    changed[2] = frame[list(reversed(frame.columns))]
    changed[3]["Int"] = frame["Int"].astype("float64")  # same values, another dtype
    changed[4].loc[3, "cat"] = "b"
    assert not np.isnan(frame.loc[1, "income"])
    changed[5].loc[1, "income"] = np.nextafter(frame.loc[1, "income"], np.inf)  # one ulp
    prints = [fingerprint_frame(f) for f in changed]
    assert base not in prints and len(set(prints)) == len(prints)


def test_missing_is_not_the_empty_string():
    a = pd.DataFrame({"t": pd.Series(["x", None, "y"], dtype="str")})
    b = pd.DataFrame({"t": pd.Series(["x", "", "y"], dtype="str")})
    assert fingerprint_frame(a) != fingerprint_frame(b)


def test_stored_fingerprint_matches_loaded_dataset(vault):
    from vault_testkit import labelled_dataset

    ds = labelled_dataset(n=3000)  # large enough for the plain (identifier-like) codec
    ds.frame["uid"] = pd.Series([f"U{i}" for i in range(3000)], dtype="str")
    info = vault.save_datasets([ds])[0]
    loaded = vault.load_dataset(ds.name)
    assert info.fingerprint == fingerprint_frame(ds.frame) == fingerprint_frame(loaded.frame)
    assert vault.list_datasets()[0].fingerprint == info.fingerprint


def test_every_dtype_round_trips_to_the_same_fingerprint(vault):
    from workbench.dataset_model import Dataset

    frame = _frame()
    vault.save_datasets([Dataset("all", frame, {}, unit="household")])
    assert fingerprint_frame(vault.load_dataset("all").frame) == fingerprint_frame(frame)
