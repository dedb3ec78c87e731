"""Datasets round-trip exactly: every dtype, column order, all metadata."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from vault_testkit import labelled_dataset

from workbench.dataset_model import Dataset, Variable
from workbench.errors import DamagedVault, NotFound, VaultError, VaultLocked
from workbench.vault import Vault, codec
from workbench.vault.fingerprint import fingerprint_frame


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert list(a.dtypes.astype(str)) == list(b.dtypes.astype(str))
    for col in a.columns:
        if a[col].dtype == object:  # None stays None, NaN stays NaN
            assert [type(v) for v in a[col]] == [type(v) for v in b[col]], col


def test_every_dtype_and_metadata_round_trip(vault, vault_path, passphrase):
    ds = labelled_dataset()
    infos = vault.save_datasets([ds])
    assert infos[0].fingerprint == fingerprint_frame(ds.frame)
    vault.lock()
    v = Vault.open(vault_path, passphrase)
    out = v.load_dataset("households")
    _same(out.frame, ds.frame)
    assert list(out.frame.columns) == list(ds.frame.columns)
    assert [x.to_dict() for x in out.variables.values()] == [
        x.to_dict() for x in ds.variables.values()
    ]
    assert out.variables["region"].value_labels == {1.0: "North", 2.0: "South", 99.0: "Refused"}
    assert out.variables["region"].missing_ranges == [(97.0, 99.0)]
    for attr in ("name", "unit", "key", "parent", "parent_key", "source", "languages"):
        assert getattr(out, attr) == getattr(ds, attr), attr
    assert fingerprint_frame(out.frame) == fingerprint_frame(ds.frame)
    info = v.list_datasets()[0]
    assert (info.n_rows, info.n_cols, info.unit, info.key) == (50, 9, "household", "hh_id")
    assert [x.name for x in v.variables("households")] == list(ds.frame.columns)
    v.lock()


@pytest.mark.parametrize(
    "series",
    [
        pd.Series([1.5, np.nan, -0.0, np.inf, -np.inf, 5e-324]),
        pd.Series([1.0, 2.0, np.nan, 3e9]),  # integral but beyond int32: stays float64
        pd.Series([0.0, -0.0, 1.0]),  # -0.0 must not become 0.0
        pd.Series(np.array([2**62, -(2**62)], dtype=np.int64)),
        pd.Series(np.array([1, 2, 250], dtype=np.uint8)),
        pd.Series(np.array([1.25, 2.5], dtype=np.float32)),
        pd.Series([True, False] * 9 + [True]),
        pd.Series(pd.to_datetime(["2020-01-01 10:11:12.123456789", None])).astype("datetime64[ns]"),
        pd.Series(pd.to_datetime(["2020-01-01", None])),  # pandas 3 default unit
        pd.Series(pd.to_datetime(["2021-06-01 12:00", None])).dt.tz_localize("Africa/Khartoum"),
        pd.Series(["a", None, "", "é ✓"], dtype="str"),
        pd.Series(["a", pd.NA, "b"], dtype="string"),
        pd.Series(["a", None, "b"], dtype=object),
        pd.Series(["a", pd.NA, "b"], dtype=object),
        pd.Series(["a", np.nan, "b"], dtype=object),
        pd.Series([1, None, 3], dtype="Int64"),
        pd.Series([1.5, None], dtype="Float64"),
        pd.Series([True, None, False], dtype="boolean"),
        pd.Series(pd.Categorical(["x", None, "y"], categories=["y", "x"], ordered=True)),
        pd.Series([1, "a", None, 2.5, True], dtype=object),
        pd.Series([], dtype=float),
        pd.Series([], dtype="str"),
        pd.Series([None, None], dtype=object),
    ],
    ids=lambda s: str(s.dtype),
)
def test_codec_round_trip_exact(series):
    enc = codec.encode_column("c", series)
    out = codec.decode_column(enc, len(series))
    pd.testing.assert_series_equal(out, series.rename("c"), check_exact=True)
    if series.dtype.kind == "f":
        assert np.array_equal(np.signbit(out.to_numpy()), np.signbit(series.to_numpy()))
    if series.dtype == object:
        assert [type(v) for v in out] == [type(v) for v in series]


def test_small_integer_codes_are_stored_narrow():
    s = pd.Series([1.0, 2.0, np.nan, 99.0] * 100)
    enc = codec.encode_column("q", s)
    assert enc.chunks[0].physical == "|i1" and enc.chunks[0].mask is not None
    assert codec.encode_column("f", pd.Series([0.5] * 10)).chunks[0].physical == "<f8"


def test_identifier_like_text_uses_plain_codec_and_dictionary_otherwise():
    ids = pd.Series([f"HH-{i}" for i in range(3000)], dtype="str")
    ids[5] = None
    assert codec.encode_column("id", ids).codec == "plain"
    assert codec.encode_column("r", pd.Series(["a", "b"] * 1500, dtype="str")).codec == "text"
    nul = pd.Series([f"x\x00{i}" for i in range(3000)], dtype="str")
    enc = codec.encode_column("nul", nul)  # NUL inside values: falls back to the dictionary
    assert enc.codec == "text"
    pd.testing.assert_series_equal(codec.decode_column(enc, 3000), nul.rename("nul"))


@pytest.mark.slow
def test_many_chunks_and_many_columns(vault, monkeypatch):
    monkeypatch.setattr(codec, "CHUNK_ROWS", 64)
    n = 1000
    rng = np.random.default_rng(0)
    data = {f"c{i:04d}": rng.integers(0, 5, n).astype(float) for i in range(2100)}
    data["id"] = pd.Series([f"P{i}" for i in range(n)], dtype="str")
    frame = pd.DataFrame(data)
    vault.save_datasets([Dataset("wide", frame, {})])
    out = vault.load_dataset("wide")
    _same(out.frame, frame)
    part = vault.load_dataset("wide", columns=["id", "c2099", "c0000"])
    assert list(part.frame.columns) == ["id", "c2099", "c0000"]
    _same(part.frame, frame[["id", "c2099", "c0000"]])


def test_zero_rows(vault):
    frame = pd.DataFrame({"a": pd.Series([], dtype=float), "b": pd.Series([], dtype="str")})
    vault.save_datasets([Dataset("empty", frame, {})])
    _same(vault.load_dataset("empty").frame, frame)


def test_name_clash_replace_delete_and_not_found(vault):
    a = Dataset("hh", pd.DataFrame({"x": [1.0, 2.0]}), {"x": Variable("x", label="old")})
    vault.save_datasets([a])
    with pytest.raises(VaultError, match="'hh'"):
        vault.save_datasets([a])
    b = Dataset("hh", pd.DataFrame({"y": [3.0]}), {})
    vault.save_datasets([b], replace=True)
    assert list(vault.load_dataset("hh").frame.columns) == ["y"]
    with pytest.raises(NotFound, match="known: hh"):
        vault.load_dataset("nope")
    with pytest.raises(NotFound, match="'zz'"):
        vault.load_dataset("hh", columns=["zz"])
    vault.delete_dataset("hh")
    assert vault.list_datasets() == []
    with pytest.raises(NotFound, match="known: none"):
        vault.delete_dataset("hh")


def test_unstorable_value_is_a_clear_error_and_nothing_is_saved(vault):
    frame = pd.DataFrame({"ok": [1.0, 2.0], "bad": [object(), object()]})
    with pytest.raises(VaultError, match="'bad'"):
        vault.save_datasets([Dataset("x", frame, {})])
    assert vault.list_datasets() == []


def test_locked_vault_refuses_work(vault):
    vault.lock()
    assert not vault.is_open
    with pytest.raises(VaultLocked):
        vault.list_datasets()
    vault.lock()  # twice is fine


def test_cancel_midway_leaves_nothing(vault):
    from workbench.errors import Cancelled
    from workbench.progress import CancelToken

    vault.save_datasets([Dataset("keep", pd.DataFrame({"a": [1.0]}), {})])
    token = CancelToken()

    class CancelAfterThree:
        def update(self, done, total=None, message=""):  # type: ignore[no-untyped-def]
            if done >= 3:
                token.cancel()

    frames = [Dataset(f"d{i}", pd.DataFrame({f"c{j}": [1.0, 2.0] for j in range(4)}), {})
              for i in range(2)]  # fmt: skip
    with pytest.raises(Cancelled):
        vault.save_datasets(frames, cancel=token, progress=CancelAfterThree())
    assert [d.name for d in vault.list_datasets()] == ["keep"]
    assert [e.action for e in vault.audit_log(action="dataset")] == ["dataset.import"]
    assert vault.check().ok


def test_database_errors_become_vault_errors(vault, monkeypatch):
    import workbench.vault.dataset_store as store
    from workbench.vault.connection import DatabaseError

    def broken(conn):  # type: ignore[no-untyped-def]
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(store, "list_datasets", broken)
    with pytest.raises(VaultError, match="The disk reported an error") as info:
        vault.list_datasets()
    assert not isinstance(info.value, DamagedVault)  # an I/O error is not damage

    def odd(conn):  # type: ignore[no-untyped-def]
        raise DatabaseError("something SQLite had not said before")

    monkeypatch.setattr(store, "list_datasets", odd)
    with pytest.raises(VaultError, match="could not complete"):
        vault.list_datasets()
