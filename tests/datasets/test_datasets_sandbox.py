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
def test_a_crashing_helper_becomes_an_import_error_and_recovers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(
        "PYTHONPATH", str(Path(__file__).parent)
    )  # the helper imports datasets_files
    with sandbox._lock:
        sandbox._discard()  # start a helper that sees PYTHONPATH
    crashed = r"x\.sav: not a readable SPSS file \(damaged: the reader crashed on it\)"
    with pytest.raises(ImportError_, match=crashed) as err:
        run_isolated(
            "datasets_files:crash_helper", timeout=60, what={"name": "x.sav", "kind": "SPSS"}
        )
    assert err.value.render("fr").startswith("x.sav : ce n’est pas un fichier SPSS lisible")
    # the next call gets a fresh helper
    assert (
        run_isolated(
            "datasets_files:answer_helper", 21, timeout=60, what={"name": "x", "kind": "SPSS"}
        )
        == 42
    )
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
