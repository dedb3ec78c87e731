"""Results taken out by hand (issue 21): a table copied as TSV and a chart saved, each audited
through the one export writer; a locked vault copies nothing."""

from __future__ import annotations

import hashlib

import pytest

from workbench.errors import ExportError, VaultLocked
from workbench.export_writer import tsv_text
from workbench.service import Workbench
from workbench.settings import Settings
from workbench.vault import KdfParams, Vault


@pytest.fixture
def wb(tmp_path, passphrase):
    path = tmp_path / "v.dsvault"
    Vault.create(path, passphrase, kdf=KdfParams(8192, 1, 1)).lock()
    w = Workbench(Settings())
    w.open_vault(path, passphrase)
    yield w
    w.lock()


def test_tsv_keeps_numbers_and_neutralises_formulas():
    text = tsv_text([["Group", "Share"], ["=HYPERLINK(\"x\")", "-3.2"], ["a\tb\nc", "14 542"],
                     ["@SUM(1)", "0,050"], [None, 1.5]])  # fmt: skip
    lines = text.splitlines()
    assert lines[0] == "Group\tShare"
    assert lines[1] == '\'=HYPERLINK("x")\t-3.2'
    assert lines[2] == "a b c\t14 542"
    assert lines[3] == "'@SUM(1)\t0,050"
    assert lines[4] == "\t1.5"


def test_copy_is_audited_with_its_hash(wb):
    rows = [["Indicator", "Estimate"], ["Food", "0.31"], ["Water", "0.52"]]
    text = wb.copy_table(rows, kind="results", obj="run 1", audience="publishable")
    entry = wb.audit_log(action="export.clipboard")[-1]
    assert entry.object == "run 1"
    assert entry.params["rows"] == 2 and entry.params["columns"] == 2
    assert entry.params["sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert entry.params["audience"] == "publishable"
    assert wb.verify_audit().ok


def test_locked_vault_copies_nothing(wb):
    wb.lock()
    with pytest.raises(VaultLocked):
        wb.copy_table([["a"], ["b"]], kind="results")


def test_chart_saved_through_the_export_writer(wb, tmp_path):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"/>'
    out = wb.save_chart(tmp_path / "chart.svg", svg, obj="food_security")
    assert out.read_bytes() == svg
    actions = [e.action for e in wb.audit_log() if e.params.get("kind") == "chart"]
    assert actions == ["export.started", "export.completed"]
    with pytest.raises(ExportError) as err:
        wb.save_chart(tmp_path / "chart.gif", b"GIF89a", obj="x")
    assert "png, svg" in err.value.render("en")
    assert not (tmp_path / "chart.gif").exists()
