"""Nothing readable on disk: marker scans, no plaintext header, no temp-file spill."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from vault_testkit import FAST_KDF, MARKER

from workbench.dataset_model import Dataset, Variable
from workbench.vault import Vault

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

IMPORT_SCRIPT = """
import sys
from pathlib import Path
import pandas as pd
sys.path.insert(0, sys.argv[4])
from vault_testkit import FAST_KDF, labelled_dataset
from workbench.dataset_model import Dataset
from workbench.vault import Vault
v = Vault.create(Path(sys.argv[1]), sys.argv[2], kdf=FAST_KDF)
ds = labelled_dataset(n=5000)
frame = ds.frame.copy()
frame["note"] = pd.Series([sys.argv[3] + f" row {i}" for i in range(5000)], dtype="str")
frame["obj"] = pd.Series([sys.argv[3]] * 5000, dtype=object)
v.save_datasets([Dataset("marked", frame, {}, source={"file": "m.csv"})])
v.save_plan("p", "note = 'plan text'")
v.delete_dataset("marked")
v.save_datasets([Dataset("marked", frame, {})])
v.lock()
"""


def _scan(folders: list[Path], needle: bytes) -> list[str]:
    hits = []
    for folder in folders:
        for p in folder.rglob("*"):
            if p.is_file() and needle in p.read_bytes():
                hits.append(str(p))
    return hits


@pytest.mark.slow
def test_marker_is_in_no_byte_on_disk(tmp_path, passphrase):
    vault_dir, tmp, cfg, cache = (tmp_path / n for n in ("vaults", "tmp", "cfg", "cache"))
    for d in (vault_dir, tmp, cfg, cache):
        d.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "SQLITE_TMPDIR": str(tmp),
           "WORKBENCH_CONFIG_DIR": str(cfg), "XDG_CACHE_HOME": str(cache),
           "XDG_CONFIG_HOME": str(cfg), "PYTHONPATH": str(ROOT)}  # fmt: skip
    path = vault_dir / "marked.dsv"
    subprocess.run(
        [sys.executable, "-c", IMPORT_SCRIPT, str(path), passphrase, MARKER, str(HERE)],
        env=env, check=True, timeout=120,
    )  # fmt: skip
    files = sorted(p.name for p in vault_dir.iterdir())
    assert files == ["marked.dsv", "marked.dsv.header"], files  # no journal left behind
    raw = path.read_bytes()
    assert not raw.startswith(b"SQLite format 3\x00")
    for needle in (MARKER.encode(), MARKER.encode("utf-16-le"), b"plan text", b"households"):
        assert _scan([vault_dir, tmp, cfg, cache], needle) == [], needle
    assert passphrase.encode() not in (vault_dir / "marked.dsv.header").read_bytes()
    # and the data really is in there
    v = Vault.open(path, passphrase)
    assert MARKER in v.load_dataset("marked").frame["note"].iloc[0]
    v.lock()


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
def test_large_sort_and_temp_table_write_no_readable_temp_file(tmp_path, passphrase):
    path = tmp_path / "v.dsv"
    Vault.create(path, passphrase, kdf=FAST_KDF).lock()
    spill = tmp_path / "spill"
    spill.mkdir()
    env = {**os.environ, "SQLITE_TMPDIR": str(spill), "TMPDIR": str(spill),
           "PYTHONPATH": str(ROOT)}  # fmt: skip

    def run(mode: str) -> str:
        out = subprocess.run(
            [sys.executable, str(HERE / "spill_child.py"), str(path), passphrase, MARKER, mode],
            env=env, check=True, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        return out.stdout.strip()

    # control: with temp_store=FILE the same work does leak (so this test can fail)
    assert "found=True" in run("raw-file")
    assert run("vault") == "files=0 found=False"


def test_every_connection_has_memory_temp_store_and_no_plaintext_header(vault):
    conn = vault._conn
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA cipher_plaintext_header_size").fetchone()[0] in ("0", 0)


def test_lock_drops_key_and_connection(vault):
    key = vault._key
    assert key is not None and any(key)
    vault.save_datasets([Dataset("d", pd.DataFrame({"a": [1.0]}), {"a": Variable("a")})])
    vault.lock()
    assert vault._conn is None and vault._key is None
    assert not any(key), "the data key was not wiped"


def test_data_key_is_sqlcipher_raw_key(vault, vault_path):
    """The 32-byte key is given as x'<hex>' (no SQLCipher PBKDF2 on open): a plain connection
    keyed that way reads the file; keyed with the same bytes as a passphrase, it cannot."""
    import sqlcipher3

    key = bytes(vault._key)
    page = vault._header.page_size
    vault.lock()
    good = sqlcipher3.connect(str(vault_path))
    good.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    good.execute(f"PRAGMA cipher_page_size = {page}")
    assert good.execute("SELECT count(*) FROM audit").fetchone()[0] >= 1
    good.close()
    bad = sqlcipher3.connect(str(vault_path))
    bad.execute("PRAGMA cipher_log_level = NONE")
    bad.set_key(key)
    bad.execute(f"PRAGMA cipher_page_size = {page}")
    with pytest.raises(sqlcipher3.DatabaseError):
        bad.execute("SELECT count(*) FROM audit").fetchone()
    bad.close()


@pytest.mark.slow
def test_harden_process_disables_core_dumps():
    code = (
        "import resource; from workbench.vault.process import harden_process; harden_process();"
        "print(resource.getrlimit(resource.RLIMIT_CORE))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)  # fmt: skip
    assert out.stdout.strip() == "(0, 0)"
