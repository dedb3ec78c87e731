"""The one export writer: formula-safe CSV and XLSX, atomic all-or-nothing files, audited before
and after (issue 15, findings 3 and 4)."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import stat

import openpyxl
import pandas as pd
import pytest

from workbench.errors import ExportError
from workbench.export_writer import (
    AuditList,
    OutFile,
    Sheet,
    close_interrupted,
    csv_bytes,
    export_files,
    frame_rows,
    is_formula_like,
    xlsx_bytes,
)

HOSTILE = ['=HYPERLINK("http://x","click")', "+1", "-1+2", "@SUM(A1)", "\tTab", "\rCR"]


def _csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_text_with_a_formula_trigger_is_neutralised_and_quoted():
    data = csv_bytes([["label", "value"], *[[h, 1.5] for h in HOSTILE]])
    raw = data.decode("utf-8")
    rows = _csv(data)
    for h, row in zip(HOSTILE, rows[1:], strict=True):
        assert row[0] == "'" + h  # OWASP: a single quote before the trigger
        assert "\"'" + h.replace('"', '""') + '"' in raw  # and the field quoted
        assert row[1] == "1.5"
    # nothing a spreadsheet would evaluate: no field starts with a trigger
    assert not any(f.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for f in r)


def test_csv_numbers_stay_numbers_and_plain_text_is_untouched():
    frame = pd.DataFrame({
        "text": ["North", "-3.2", "a,b", 'say "hi"', None],
        "num": [-3.2, 0.0, float("nan"), 2.5e-7, 7.0],
        "int": pd.array([-1, 2, None, 4, 5], dtype="Int64"),
    })  # fmt: skip
    data = csv_bytes(frame_rows(frame))
    back = pd.read_csv(io.BytesIO(data), keep_default_na=True)
    assert back["num"].dtype.kind == "f" and back["num"].iloc[0] == -3.2
    assert back["int"].dropna().tolist() == [-1, 2, 4, 5]
    rows = _csv(data)
    assert [r[0] for r in rows[1:]] == ["North", "'-3.2", "a,b", 'say "hi"', ""]  # text: escaped
    assert data.decode().splitlines()[1].startswith("North,-3.2,-1")  # numbers are bare
    assert is_formula_like("-1+2") and is_formula_like("+1") and not is_formula_like("4")


def test_xlsx_text_is_never_a_formula(tmp_path):
    rows = [["label", "value"], *[[h, -2.5] for h in HOSTILE], ["bad\x01char", 3]]
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([Sheet("=cmd|' /C calc'!A0", rows)])))
    ws = wb.worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert cells and not [c.coordinate for c in cells if c.data_type == "f"]
    assert [ws.cell(r, 1).value for r in range(2, 8)] == HOSTILE  # kept as written, as text
    assert all(ws.cell(r, 1).quotePrefix for r in range(2, 8))  # editing keeps them text
    assert [ws.cell(r, 2).value for r in range(2, 8)] == [-2.5] * 6  # numbers stay numbers
    assert ws.cell(8, 1).value == "bad\ufffdchar"  # XML cannot hold \x01: replaced, not a crash
    assert "/" not in wb.sheetnames[0] and len(wb.sheetnames[0]) <= 31  # a valid sheet name


def test_export_is_audited_before_and_after_with_sizes_and_hashes(tmp_path):
    sink = AuditList()
    files = [OutFile(tmp_path / "a.csv", b"x,y\n"), OutFile(tmp_path / "sub" / "b.csv", b"1\n")]
    seen: list[list[str]] = []
    out = export_files(
        files, kind="results", obj="7", audit=sink, audience="internal",
        before_write=lambda: seen.append(sorted(p.name for p in tmp_path.rglob("*"))),
    )  # fmt: skip
    assert out == [f.path for f in files]
    assert seen == [[]]  # the started entry was committed before any byte or folder
    assert sink.actions() == ["export.started", "export.completed"]
    started, done = sink.entries[0][2], sink.entries[1][2]
    assert started["export_id"] == done["export_id"] and started["kind"] == "results"
    assert [f["bytes"] for f in done["files"]] == [4, 2]
    assert done["files"][0]["sha256"] == hashlib.sha256(b"x,y\n").hexdigest()
    assert started["files"] == done["files"]  # the intent already names every file's hash
    assert (tmp_path / "a.csv").read_bytes() == b"x,y\n"
    assert stat.S_IMODE((tmp_path / "a.csv").stat().st_mode) == 0o600  # internal: owner only
    assert not list(tmp_path.rglob("*.partial"))


def test_publishable_files_get_the_usual_mode(tmp_path):
    old = os.umask(0o022)
    try:
        export_files([OutFile(tmp_path / "r.pdf", b"%PDF")], kind="report", obj="1",
                     audit=AuditList(), audience="publishable")  # fmt: skip
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.pdf").stat().st_mode) == 0o644


def test_a_failure_midway_leaves_no_file_and_a_failed_entry(tmp_path):
    (tmp_path / "blocker").write_text("a file where a folder should be")
    sink = AuditList()
    files = [OutFile(tmp_path / "ok.csv", b"1\n"), OutFile(tmp_path / "blocker" / "b.csv", b"2\n")]
    with pytest.raises(ExportError) as err:
        export_files(files, kind="annex", obj="1", audit=sink, audience="publishable")
    assert "nothing was exported" in err.value.render("en")
    assert "rien n’a été exporté" in err.value.render("fr")
    assert sink.actions() == ["export.started", "export.failed"]
    assert sink.entries[1][2]["reason"].startswith(("FileExistsError", "NotADirectoryError"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker"]


class _RefusesCompletion(AuditList):
    """A log that cannot take the completion (the vault became busy after the start)."""

    def record(self, action, obj, params, inside=None):
        if action == "export.completed":
            if inside is not None:
                inside()  # the files are renamed inside the transaction…
            raise ExportError.of("export.write_failed", folder="vault", reason="busy")  # …then
        super().record(action, obj, params, inside)


def test_a_completion_that_cannot_be_committed_takes_the_files_back(tmp_path):
    sink = _RefusesCompletion()
    with pytest.raises(ExportError):
        export_files([OutFile(tmp_path / "r.xlsx", b"PK")], kind="results", obj="1", audit=sink,
                     audience="internal")  # fmt: skip
    assert list(tmp_path.iterdir()) == []
    assert sink.actions() == ["export.started", "export.failed"]


def test_an_export_interrupted_by_a_dead_process_is_closed(tmp_path):
    target = tmp_path / "r.csv"
    (tmp_path / ".r.csv.0123abcd.partial").write_bytes(b"half")
    sha = hashlib.sha256(b"full\n").hexdigest()
    started = {"kind": "results", "export_id": "e1", "pid": 2**22 + 12345,
               "files": [{"path": str(target), "bytes": 5, "sha256": sha}]}  # fmt: skip
    assert close_interrupted({**started, "pid": os.getpid()}) is None  # still running: untouched
    action, params = close_interrupted(started)
    assert action == "export.failed" and params["reason"] == "interrupted"
    assert list(tmp_path.iterdir()) == []  # the partial file is gone
    target.write_bytes(b"full\n")  # killed after the rename, before the commit
    action, params = close_interrupted(started)
    assert action == "export.completed" and params["recovered"] is True
    assert target.exists()
