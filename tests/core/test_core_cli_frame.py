"""The CLI frame: exit codes and one-line errors, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workbench import __version__
from workbench.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2


def test_unknown_command_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["no-such-command"])
    assert exc.value.code == 2


@pytest.mark.slow
def test_console_script_entry_point_runs() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "--help"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert "workbench" in out.stdout
    assert "Traceback" not in out.stderr
