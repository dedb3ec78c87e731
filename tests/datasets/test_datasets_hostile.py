"""Hostile files through the real CLI, in a child process whose address space is limited to 1 GiB:
each exits 1 with exactly one line on stderr naming the file, and leaves the vault as it was.

The files are written by ``hostile_files`` at test time (a few KB each; the zip bomb about 1.6 MB),
so nothing large is committed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from datasets_files import make_dta, make_sav
from hostile_files import (
    damaged_sav,
    deep_xml_xlsx,
    far_cell_xlsx,
    huge_shared_strings_xlsx,
    lying_dimension_xlsx,
    many_members_xlsx,
    many_sheets_xlsx,
    ordinary_xlsx,
    utf16_csv,
    zip_bomb_xlsx,
)

resource = pytest.importorskip("resource")
vault_mod = pytest.importorskip("workbench.vault")
pytestmark = [
    pytest.mark.slow,  # each test runs the CLI in subprocesses
    pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux"),
]

FAST = vault_mod.KdfParams(memory_kib=8192, iterations=1, lanes=1)
MEMORY_LIMIT = 2**30
ROOT = Path(__file__).resolve().parents[2]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def cli(*argv: str, limit: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin"),
        "PYTHONPATH": str(ROOT),
        "WORKBENCH_PASSPHRASE": "pw",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "HOME": os.environ.get("HOME", "/tmp"),
    }
    return subprocess.run(
        [sys.executable, "-m", "workbench.cli", *argv],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_limit_memory if limit else None,
        timeout=600,
    )


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile-vault") / "v.db"
    vault_mod.Vault.create(path, "pw", kdf=FAST).lock()
    seed = tmp_path_factory.mktemp("seed") / "seed.csv"
    seed.write_text("a,b\n1,2\n", encoding="utf-8")
    assert cli("import", "--vault", str(path), str(seed)).returncode == 0
    return path


def _state(vault: Path) -> tuple[list[str], list[str]]:
    """The datasets (with fingerprints) and the audit log without its unlock/lock entries."""
    v = vault_mod.Vault.open(vault, "pw")
    try:
        datasets = [repr(d) for d in v.list_datasets()]
        entries = [repr(e) for e in v.audit_log() if not str(e.action).startswith("vault")]
    finally:
        v.lock()
    return datasets, entries


def _refused(vault: Path, path: Path, *extra: str) -> str:
    before = _state(vault)
    run = cli("import", "--vault", str(vault), str(path), *extra)
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 1, run.stderr[-2000:]
    assert len(lines) == 1, run.stderr[-2000:]
    assert lines[0].startswith(f"workbench: error: {path.name}:"), lines[0]
    assert "Traceback" not in run.stderr and "panicked" not in run.stderr
    assert _state(vault) == before
    return lines[0]


HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "far_cell.xlsx": (far_cell_xlsx, "spans 1,048,576 rows × 16,384 columns"),
    "far_cell_no_dimension.xlsx": (
        lambda p: far_cell_xlsx(p, dimension=None),
        "spans 1,048,576 rows × 16,384 columns",
    ),
    "lying_dimension.xlsx": (lying_dimension_xlsx, "spans 900,000 rows × 702 columns"),
    "zip_bomb.xlsx": (lambda p: zip_bomb_xlsx(p, 560_000_000), "the limit per part is 512 MB"),
    "small_bomb.xlsx": (lambda p: zip_bomb_xlsx(p, 60_000_000), "the limit is 200:1"),
    "deep_xml.xlsx": (deep_xml_xlsx, "nests XML elements more than 100 deep"),
    "huge_strings.xlsx": (huge_shared_strings_xlsx, "xl/sharedStrings.xml is compressed"),
    "many_sheets.xlsx": (many_sheets_xlsx, "has 5,000 sheets; the limit is 1,000"),
    "many_parts.xlsx": (many_members_xlsx, "holds 20,005 parts; the limit is 10,000"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_workbook_is_refused_in_one_line(vault: Path, tmp_path: Path, name: str) -> None:
    build, expected = HOSTILE[name]
    path = build(tmp_path / name)
    assert path.stat().st_size < 2_500_000
    line = _refused(vault, path)
    assert expected in line, line


def test_an_xlsform_and_a_kobo_export_go_through_the_same_limits(
    vault: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data.csv"
    data.write_text("a,b\n1,2\n", encoding="utf-8")
    form = far_cell_xlsx(tmp_path / "form.xlsx")
    before = _state(vault)
    run = cli("import", "--vault", str(vault), str(data), "--xlsform", str(form))
    assert run.returncode == 1 and run.stderr.count("\n") == 1
    assert "form.xlsx: sheet Sheet1 spans" in run.stderr
    assert _state(vault) == before
    _refused(vault, far_cell_xlsx(tmp_path / "export.xlsx"), "--format", "kobo")


def test_damaged_spss_and_stata_files_are_refused_in_one_line(vault: Path, tmp_path: Path) -> None:
    good = make_sav(tmp_path).read_bytes()
    assert "not a readable SPSS file" in _refused(vault, damaged_sav(tmp_path / "cut.sav", good))
    dta = make_dta(tmp_path).read_bytes()
    at = dta.index(b"<N>") + 3
    huge = tmp_path / "huge_obs.dta"
    huge.write_bytes(dta[:at] + (2**40).to_bytes(8, "little") + dta[at + 8 :])
    assert "not a readable Stata file" in _refused(vault, huge)


def test_ordinary_files_still_import_under_the_same_memory_limit(
    vault: Path, tmp_path: Path
) -> None:
    for path in (ordinary_xlsx(tmp_path / "ordinary.xlsx"), make_sav(tmp_path)):
        run = cli("import", "--vault", str(vault), str(path))
        assert run.returncode == 0, run.stderr
        assert run.stderr == ""


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_are_read(vault: Path, tmp_path: Path, codec: str) -> None:
    from workbench.datasets.importing import ImportOptions, read_datasets

    path = utf16_csv(tmp_path / f"wide_{codec.replace('-', '_')}.csv", codec)
    (ds,) = read_datasets(path, ImportOptions())
    assert list(ds.frame.columns) == ["id", "town", "size"]
    assert ds.frame["town"].tolist() == ["Aden", "Ibb", "شمال"]
    assert ds.frame["size"].tolist() == [3.0, 4.0, 5.0]
    assert ds.source["encoding"] == codec
    run = cli("import", "--vault", str(vault), str(path))
    assert run.returncode == 0 and run.stderr == "", run.stderr


def test_nul_bytes_that_are_not_utf16_are_named(vault: Path, tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"a,b\n1,2\n" + bytes(range(256)) * 8)
    line = _refused(vault, path)
    assert "NUL bytes but is not UTF-16 or UTF-32" in line


def test_a_pandas_dtype_warning_never_reaches_stderr(vault: Path, tmp_path: Path) -> None:
    # numbers in the rows pandas types first, text later in the same block: DtypeWarning
    path = tmp_path / "mixed.csv"
    pad = ",1" * 40
    with path.open("w", encoding="utf-8") as f:
        f.write("id,x" + "".join(f",p{j}" for j in range(40)) + "\n")
        for i in range(100_000):
            f.write(f"{i},{i if i < 30_000 else 'abc'}{pad}\n")
    run = cli("import", "--vault", str(vault), str(path))
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench.cli", "library", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert first and err == b""
