"""SIGKILL during a dataset save, at ≥ 20 random points: the vault opens, passes both integrity
checks, and holds either the old state or the complete new datasets."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sys
import time

import numpy as np
import pandas as pd
import pytest
from vault_testkit import FAST_KDF

from workbench.dataset_model import Dataset
from workbench.vault import Vault

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
KILLS = 22


def _frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(11)
    old = pd.DataFrame({"a": [1.0, 2.0, 3.0], "t": pd.Series(["x", "y", None], dtype="str")})
    new_base = pd.DataFrame({"a": [9.0, 8.0], "t": pd.Series(["new", "rows"], dtype="str")})
    n = 40_000
    big = pd.DataFrame({f"q{i}": rng.integers(1, 6, n).astype(float) for i in range(24)})
    big["w"] = rng.random(n)
    big["id"] = pd.Series([f"ID{i}" for i in range(n)], dtype="str")
    return old, new_base, big


def _copy(src, dst):  # type: ignore[no-untyped-def]
    shutil.copyfile(src, dst)
    shutil.copyfile(src.with_name(src.name + ".header"), dst.with_name(dst.name + ".header"))


@pytest.mark.slow
def test_sigkill_during_save_leaves_old_or_complete_new(tmp_path, passphrase):
    old, new_base, big = _frames()
    template = tmp_path / "template.dsv"
    v = Vault.create(template, passphrase, kdf=FAST_KDF)
    v.save_datasets([Dataset("base", old, {})])
    v.lock()

    timing = tmp_path / "timing.dsv"
    _copy(template, timing)
    vv = Vault.open(timing, passphrase)
    t0 = time.perf_counter()
    vv.save_datasets([Dataset("base", new_base, {}), Dataset("big", big, {})], replace=True)
    duration = time.perf_counter() - t0  # the save alone: kills aim inside it
    vv.lock()

    rng = random.Random(20240601)
    outcomes = {"old": 0, "new": 0}
    for i in range(KILLS):
        path = tmp_path / f"run{i}.dsv"
        _copy(template, path)
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: open, signal readiness, save; never returns into pytest
            try:
                os.close(r)
                vv = Vault.open(path, passphrase)
                os.write(w, b"1")
                vv.save_datasets(
                    [Dataset("base", new_base, {}), Dataset("big", big, {})], replace=True
                )
                vv.lock()
            finally:
                os._exit(0)
        os.close(w)
        assert os.read(r, 1) == b"1"
        os.close(r)
        time.sleep(rng.uniform(0, duration * 1.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)

        vv = Vault.open(path, passphrase)
        report = vv.check()
        assert report.ok, report.problems
        names = [d.name for d in vv.list_datasets()]
        base = vv.load_dataset("base").frame
        if names == ["base"]:
            pd.testing.assert_frame_equal(base, old)
            outcomes["old"] += 1
        else:
            assert names == ["base", "big"]
            pd.testing.assert_frame_equal(base, new_base)
            pd.testing.assert_frame_equal(vv.load_dataset("big").frame, big)
            outcomes["new"] += 1
        vv.lock()
        for p in tmp_path.glob(f"run{i}.dsv*"):
            p.unlink()
    print(f"kills={KILLS} outcomes={outcomes} save={duration:.2f}s", file=sys.stderr)
    assert sum(outcomes.values()) == KILLS
    assert outcomes["old"] >= 3, outcomes  # most kills must land inside the save
