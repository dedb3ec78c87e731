"""Columns encoded ahead during a CSV import (``workbench.vault.encode_ahead``): the save uses that
work only for the very column it was done for, and stores the same bytes (so the same
fingerprint) as a save that encodes everything itself."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from vault_testkit import FAST_KDF

from workbench import column_handoff
from workbench.datasets.importing import ImportOptions, read_datasets
from workbench.vault import Vault
from workbench.vault.encode_ahead import EncodeAhead, encode_ahead
from workbench.vault.fingerprint import fingerprint_frame

ROWS = 21_000  # past the 20,000-row type sample: a late leading zero makes a column text again


def _csv(path: Path) -> Path:
    rng = np.random.default_rng(5)
    codes = rng.integers(1, 6, ROWS).astype(object)
    codes[rng.random(ROWS) < 0.05] = ""
    late_zero = rng.integers(10, 99, ROWS).astype(object)
    late_zero[20_500] = "007"  # past the sample: read again as text, the numeric encoding unused
    frame = pd.DataFrame(
        {
            "hh_id": [f"H{i:06d}" for i in range(ROWS)],
            "q1": codes,
            "weight": rng.gamma(2.0, 150.0, ROWS).round(3),
            "hashed_code": rng.integers(1, 9, ROWS),
            "latitude": rng.normal(2.0, 0.5, ROWS),  # flagged as GPS: dropped by default
            "late_zero": late_zero,
            "size": rng.integers(1, 12, ROWS),
        }
    )
    frame.to_csv(path, index=False)
    return path


def _import(
    csv: Path, vault_path: Path, passphrase: str, ahead: bool
) -> tuple[str, int, pd.DataFrame]:
    """(recorded fingerprint, encodings the save took from the work done ahead, the imported
    frame, checked equal to the one loaded back)."""
    opts = ImportOptions(identifier_actions={"hashed_code": "hash"})
    v = Vault.create(vault_path, passphrase, kdf=FAST_KDF)
    try:
        if ahead:
            with encode_ahead() as work:
                datasets = read_datasets(csv, opts)
                info = v.save_datasets(datasets)[0]
            used = work.used
        else:
            datasets = read_datasets(csv, opts)
            info = v.save_datasets(datasets)[0]
            used = 0
        loaded = v.load_dataset(info.name)
    finally:
        v.lock()
    pd.testing.assert_frame_equal(loaded.frame, datasets[0].frame, check_exact=True)
    return info.fingerprint, used, datasets[0].frame


def test_import_stores_the_same_bytes_with_and_without_encoding_ahead(
    tmp_path: Path, passphrase: str
) -> None:
    csv = _csv(tmp_path / "survey.csv")
    plain, _, plain_frame = _import(csv, tmp_path / "plain.dsv", passphrase, ahead=False)
    ahead, used, ahead_frame = _import(csv, tmp_path / "ahead.dsv", passphrase, ahead=True)
    # what was stored is the encoding of the imported frame, column by column, done afresh
    assert ahead == fingerprint_frame(ahead_frame)
    assert plain == fingerprint_frame(plain_frame)
    # the same data either way but for the hashed column (a fresh salt per import)
    assert "latitude" not in ahead_frame and ahead_frame["late_zero"].dtype == "str"
    unsalted = [c for c in plain_frame.columns if c != "hashed_code"]
    pd.testing.assert_frame_equal(ahead_frame[unsalted], plain_frame[unsalted], check_exact=True)
    assert fingerprint_frame(ahead_frame[unsalted]) == fingerprint_frame(plain_frame[unsalted])
    # q1, weight and size were encoded ahead and used; hashed_code and late_zero were replaced
    # (hashed, read again as text) and latitude dropped after their hand-off: encoded by the save
    assert used == 3


def test_work_is_used_only_for_the_same_column_under_its_saved_name() -> None:
    frame = pd.DataFrame({"a": np.arange(10, dtype="float64"), "b": np.ones(10)})
    work = EncodeAhead()
    try:
        work.offer("a", frame["a"])
        work.offer("b", frame["b"])
        work.offer("text", pd.Series(["x"] * 10, dtype="str"))  # not numeric: not encoded ahead
        renamed = work.take("a_renamed", frame["a"])
        assert renamed is not None and renamed.name == "a_renamed"
        assert renamed.digest is not None
        frame["b"] = frame["b"] * 2  # replaced: another buffer
        assert work.take("b", frame["b"]) is None
        assert work.take("text", pd.Series(["x"] * 10, dtype="str")) is None
        assert work.take("a_renamed", frame["a"]) is None  # handed over once
        assert work.used == 1
    finally:
        work.close()


def test_outside_the_block_nothing_is_encoded_ahead() -> None:
    seen: list[str] = []
    column_handoff.offer("a", pd.Series([1.0]))  # no receiver: nothing happens
    with column_handoff.receiving(lambda name, _: seen.append(name)):
        column_handoff.offer("a", pd.Series([1.0]))
    column_handoff.offer("b", pd.Series([1.0]))
    assert seen == ["a"]


def test_a_failed_import_leaves_no_encoding_thread(tmp_path: Path) -> None:
    before = {t.ident for t in threading.enumerate()}
    with pytest.raises(RuntimeError), encode_ahead() as work:
        work.offer("a", pd.Series(np.arange(100_000, dtype="float64")))
        raise RuntimeError("the import failed")
    left = [t for t in threading.enumerate() if t.ident not in before and t.is_alive()]
    assert not [t for t in left if t.name.startswith("vault-ahead")]


def test_a_column_written_in_place_after_its_hand_off_is_encoded_again() -> None:
    """Copy-on-write (pandas ≥ 3, the pinned floor): a value set in a handed-on column gives the
    frame a new buffer, so the save never takes an encoding of the old values."""
    frame = pd.DataFrame({"a": np.arange(10, dtype="float64"), "b": np.ones(10)})
    work = EncodeAhead()
    try:
        work.offer("a", frame["a"])
        frame.loc[3, "a"] = 98.0  # e.g. a marker set after the hand-off
        frame["b"].to_numpy()  # reading does not copy
        assert work.take("a", frame["a"]) is None
        assert frame.loc[3, "a"] == 98.0
    finally:
        work.close()
