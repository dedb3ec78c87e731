"""A damaged SPSS/Stata file that crashes libreadstat must not take the app down."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from workbench.datasets import sandbox
from workbench.datasets.importing import ImportOptions, read_datasets
from workbench.datasets.sandbox import run_isolated
from workbench.errors import ImportError_

CRASHER = Path(__file__).parent / "data" / "readstat_crash.sav"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGSEGV by os.kill is POSIX")
def test_a_crashing_helper_becomes_an_import_error_and_recovers() -> None:
    # the helper runs in isolated mode with a clean environment: only importable modules count
    crashed = r"x\.sav: not a readable SPSS file \(damaged: the reader crashed on it\)"
    with pytest.raises(ImportError_, match=crashed) as err:
        run_isolated("os:abort", timeout=60, what={"name": "x.sav", "kind": "SPSS"})
    assert err.value.render("fr").startswith("x.sav : ce n’est pas un fichier SPSS lisible")
    # the next call gets a fresh helper
    assert run_isolated("operator:mul", 21, 2, timeout=60, what={"name": "x", "kind": "SPSS"}) == 42
    with sandbox._lock:
        sandbox._discard()


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_the_helper_has_a_clean_environment_and_bounded_memory(
    monkeypatch: pytest.MonkeyPatch, sav_path: Path
) -> None:
    import resource

    monkeypatch.setenv("WORKBENCH_PASSPHRASE", "secret")
    monkeypatch.setenv("PYTHONPATH", "/nowhere")
    with sandbox._lock:
        sandbox._discard()  # a helper started now, with these variables in our environment
    assert sandbox.probe_readstat(sav_path, "sav") is None
    env = run_isolated(
        "os:getenv", "WORKBENCH_PASSPHRASE", timeout=60, what={"name": "x", "kind": "SPSS"}
    )
    assert env is None
    assert (
        run_isolated("os:getenv", "PYTHONPATH", timeout=60, what={"name": "x", "kind": "SPSS"})
        is None
    )
    soft, _hard = run_isolated(
        "resource:getrlimit", resource.RLIMIT_AS, timeout=60, what={"name": "x", "kind": "SPSS"}
    )
    assert soft != resource.RLIM_INFINITY and soft < 8 * 2**30
    with sandbox._lock:
        sandbox._discard()


def test_file_that_crashed_pyreadstat_gives_one_line(tmp_path: Path) -> None:
    # a truncated-and-flipped synthetic .sav found by fuzzing; it segfaults pyreadstat 1.3.7
    path = tmp_path / "damaged.sav"
    shutil.copy(CRASHER, path)
    try:
        datasets = read_datasets(path, ImportOptions())
    except ImportError_ as err:
        assert "damaged.sav" in str(err)
    else:  # a later pyreadstat may read it; then it must come back whole
        assert all(
            ds.n_rows >= 0 and list(ds.variables) == list(ds.frame.columns) for ds in datasets
        )
