"""SIGKILL during an export (issue 15): after the next unlock there is either no file and an
``export.failed`` entry, or the file and ``export.completed`` — never a file without a completed
entry, never a completed entry without its file, never a partial file left behind."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.service import Workbench
from workbench.settings import Settings
from workbench.vault import KdfParams, Vault

pytestmark = pytest.mark.slow  # three child processes
CHILD = Path(__file__).with_name("export_kill_child.py")
ROOT = Path(__file__).resolve().parents[2]


def _kill_at(mode: str, vault: Path, out: Path, passphrase: str, tmp_path: Path) -> None:
    ready = tmp_path / f"ready-{mode}"
    env = {**os.environ, "WORKBENCH_PASSPHRASE": passphrase, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(CHILD), str(vault), str(out), mode, str(ready)],
                             env=env, stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
        assert time.monotonic() < deadline
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait()
    if child.stderr:
        child.stderr.close()


def _outcome(wb: Workbench, out: Path) -> list[str]:
    """The actions of the export to ``out``, from its start."""
    entries = wb.audit_log(action="export")
    ids = {
        e.params["export_id"]
        for e in entries
        if any(isinstance(f, dict) and f["path"] == str(out) for f in e.params["files"])
    }
    return [e.action for e in entries if e.params["export_id"] in ids]


@pytest.mark.parametrize(
    ("mode", "expect_file", "expect"),
    [
        ("writing", False, ["export.started", "export.failed"]),
        ("renamed", True, ["export.started", "export.completed"]),
        ("done", True, ["export.started", "export.completed"]),
    ],
)
def test_sigkill_during_an_export(mode, expect_file, expect, tmp_path, passphrase):
    vault = tmp_path / "v.dsvault"
    Vault.create(vault, passphrase, kdf=KdfParams(memory_kib=8192, iterations=1, lanes=1)).lock()
    out = tmp_path / "out" / "log.json"
    out.parent.mkdir()
    _kill_at(mode, vault, out, passphrase, tmp_path)
    wb = Workbench(Settings())
    wb.open_vault(vault, passphrase)  # the unlock closes what the killed process left open
    try:
        assert out.exists() is expect_file
        assert [p.name for p in out.parent.iterdir() if p != out] == []  # no partial file
        assert _outcome(wb, out) == expect
        last = wb.audit_log(action="export")[-1].params
        if expect_file:
            listed = last["files"][0]
            assert listed["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
            assert last.get("recovered", False) is (mode == "renamed")
        else:
            assert last["reason"] == "interrupted"
        assert wb.verify_audit().ok
    finally:
        wb.lock()
