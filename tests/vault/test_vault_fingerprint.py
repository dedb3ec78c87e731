"""The vault's fast fingerprint equals the model's reference implementation, byte for byte."""

from __future__ import annotations

import pandas as pd
from vault_testkit import every_dtype_frame

from workbench.datasets.model import fingerprint_frame
from workbench.vault.fingerprint import fingerprint_frame_fast


def test_fast_fingerprint_matches_model():
    frame = every_dtype_frame(60)
    frame["ids"] = pd.Series([f"ID{i}" for i in range(60)], dtype="str")
    frame["ids_missing"] = pd.Series([None if i % 9 == 0 else f"I{i}" for i in range(60)],
                                     dtype=object)  # fmt: skip
    frame["mixed"] = pd.Series([1, "a", None] * 20, dtype=object)
    frame["cat"] = pd.Categorical(["a", "b", None] * 20)
    frame["Int"] = pd.Series([1, None, 3] * 20, dtype="Int64")
    assert fingerprint_frame_fast(frame) == fingerprint_frame(frame)
    changed = frame.copy()
    changed.loc[5, "comment"] = "different"
    assert fingerprint_frame_fast(changed) != fingerprint_frame_fast(frame)


def test_stored_fingerprint_matches_loaded_dataset(vault):
    from vault_testkit import labelled_dataset

    ds = labelled_dataset(n=3000)  # large enough for the plain (identifier-like) codec
    ds.frame["uid"] = pd.Series([f"U{i}" for i in range(3000)], dtype="str")
    info = vault.save_datasets([ds])[0]
    assert info.fingerprint == ds.fingerprint() == vault.load_dataset(ds.name).fingerprint()
    assert vault.list_datasets()[0].fingerprint == info.fingerprint
