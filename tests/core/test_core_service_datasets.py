"""The façade keeps decrypted datasets for one unlock, reuses them only while the stored data is
unchanged, gives callers copies, and drops everything on lock."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.dataset_model import Dataset
from workbench.errors import NotFound, VaultLocked
from workbench.service import Workbench
from workbench.vault import KdfParams, Vault


def _ds(values: list[float]) -> Dataset:
    return Dataset("hh", pd.DataFrame({"hh_id": [1.0, 2.0, 3.0], "x": values}), {}, "household")


@pytest.fixture
def wb(tmp_path, passphrase):
    Vault.create(tmp_path / "v.wbvault", passphrase, kdf=KdfParams(8192, 1, 1)).lock()
    w = Workbench()
    w.open_vault(tmp_path / "v.wbvault", passphrase)
    w.vault.save_datasets([_ds([1.0, 2.0, 3.0])])
    yield w
    w.lock()


def test_loaded_dataset_is_reused_but_each_caller_gets_a_copy(wb) -> None:
    a = wb.load_dataset("hh")
    a.frame["x"] = 0.0  # a caller editing its copy
    a.variables.clear()
    b = wb.load_dataset("hh")
    assert list(b.frame["x"]) == [1.0, 2.0, 3.0]
    assert list(b.variables) == ["hh_id", "x"]
    assert b.frame is not a.frame


def test_replaced_dataset_is_read_again(wb) -> None:
    assert list(wb.load_dataset("hh").frame["x"]) == [1.0, 2.0, 3.0]
    wb.vault.save_datasets([_ds([7.0, 8.0, 9.0])], replace=True)
    assert list(wb.load_dataset("hh").frame["x"]) == [7.0, 8.0, 9.0]


def test_deleted_and_locked_datasets_are_gone(wb) -> None:
    wb.load_dataset("hh")
    wb.delete_dataset("hh")
    with pytest.raises(NotFound):
        wb.load_dataset("hh")
    wb.lock()
    assert wb._loaded == {}  # no decrypted data outlives the lock
    with pytest.raises(VaultLocked):
        wb.load_dataset("hh")
