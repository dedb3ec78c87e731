"""Every export of a real vault goes through the one writer (issue 15): no formula leaves in any
file (finding 3), a busy vault writes nothing (finding 4), every file of the CSV results is in
the completed entry (finding 10, last part)."""

from __future__ import annotations

import csv
import hashlib
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from export_testkit import HOSTILE, hostile_service

from workbench.errors import WorkbenchError
from workbench.reporting.options import ReportOptions
from workbench.vault import Vault
from workbench.vault.connection import transaction

pytestmark = pytest.mark.slow  # a vault, an analysis and a report per module: ~10 s
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FIXED = "2026-01-02T03:04:05+00:00"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    wb, run_id = hostile_service(folder, "correct horse battery staple")
    yield wb, run_id, folder
    wb.lock()


def _formulas(path: Path) -> list[str]:
    """Cells openpyxl reads as formulas, and raw <f> elements in the sheets' XML."""
    wb = openpyxl.load_workbook(path)
    cells = [f"{ws.title}!{c.coordinate}" for ws in wb for row in ws.iter_rows() for c in row
             if c.data_type == "f"]  # fmt: skip
    with zipfile.ZipFile(path) as z:
        raw = [n for n in z.namelist() if n.startswith("xl/worksheets/") and b"<f>" in z.read(n)]
    return cells + raw


def _xlsx_texts(path: Path) -> set[str]:
    wb = openpyxl.load_workbook(path)
    return {c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


def _csv_fields(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [f for row in csv.reader(fh) for f in row]


def _completed(wb, kind: str) -> dict:
    done = [e.params for e in wb.audit_log(action="export.completed") if e.params["kind"] == kind]
    return done[-1]


def _number(field: str) -> bool:
    try:
        float(field)
    except ValueError:
        return False
    return field.strip() == field and field.lower().lstrip("+-") not in ("nan", "inf")


def _check_csvs(paths: list[Path], expect: set[str], negatives: bool = False) -> None:
    fields = [f for p in paths for f in _csv_fields(p)]
    live = [f for f in fields if f.startswith(TRIGGERS) and not _number(f)]
    assert not live, f"live formulas in a CSV: {live[:3]}"
    if negatives:  # negative numbers are written as numbers, not escaped
        assert any(f.startswith("-") and _number(f) for f in fields)
    escaped = {f[1:] for f in fields if f.startswith("'")}
    assert expect <= escaped, expect - escaped  # each hostile label is there, made inert


def test_results_xlsx_holds_no_formula(hostile, tmp_path):
    wb, run_id, _ = hostile
    assert _formulas(wb.export_results(run_id, tmp_path / "results.xlsx")) == []  # publishable
    out = wb.export_results(run_id, tmp_path / "results.xlsx", internal=True)  # every value
    assert _formulas(out) == []
    texts = _xlsx_texts(out)
    assert {HOSTILE["tab"], HOSTILE["cr"]} <= texts  # the labels are there, as text
    est = openpyxl.load_workbook(out)["estimates"]
    header = [c.value for c in est[1]]
    col = header.index("estimate") + 1
    values = [est.cell(r, col).value for r in range(2, est.max_row + 1)]
    assert all(v is None or isinstance(v, int | float) for v in values) and any(values)
    done = _completed(wb, "results")
    assert done["files"][0]["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()


def test_results_csv_escapes_every_field_and_audits_all_six_files(hostile, tmp_path):
    wb, run_id, _ = hostile
    (tmp_path / "pub").mkdir()
    wb.export_results(run_id, tmp_path / "pub" / "results.csv")  # the publishable copy
    _check_csvs(sorted((tmp_path / "pub").glob("*.csv")), {HOSTILE["tab"], HOSTILE["cr"]})
    out = wb.export_results(run_id, tmp_path / "results.csv", internal=True)  # every value
    written = sorted(tmp_path.glob("*.csv"))
    assert len(written) == 6
    _check_csvs(written, {HOSTILE["tab"], HOSTILE["cr"]}, negatives=True)
    est = pd.read_csv(out)
    assert est["estimate"].dtype.kind == "f" and est["n"].dtype.kind in "if"  # numbers: numbers
    done = _completed(wb, "results")  # finding 10: the audit names all six, hashed
    listed = {Path(f["path"]): f for f in done["files"]}
    assert set(listed) == set(written)
    for p in written:
        assert listed[p]["sha256"] == hashlib.sha256(p.read_bytes()).hexdigest()
        assert listed[p]["bytes"] == p.stat().st_size


def test_report_and_annex_hold_no_formula(hostile, tmp_path):
    wb, run_id, _ = hostile
    opts = ReportOptions(
        fixed_timestamp=FIXED, pdfa=False, sections=("summary", "validation"),
        annex_paths=(tmp_path / "annex.xlsx", tmp_path / "csv"),
    )  # fmt: skip
    pdf = wb.write_report(run_id, tmp_path / "report.pdf", opts)
    assert pdf.read_bytes().startswith(b"%PDF")
    annex = tmp_path / "annex.xlsx"
    assert _formulas(annex) == []
    groups = {HOSTILE["hyperlink"], HOSTILE["plus"], HOSTILE["minus"]}
    assert groups <= _xlsx_texts(annex)  # group labels in the header, as text
    csvs = sorted((tmp_path / "csv").glob("*.csv"))
    _check_csvs(csvs, groups)
    done = _completed(wb, "report")
    assert done["audience"] == "publishable"
    assert {Path(f["path"]) for f in done["files"]} == {pdf, annex, *csvs}


def test_plan_export_is_audited_with_its_hash(hostile, tmp_path):
    wb, _run, _ = hostile
    out = wb.export_plan_file("tiny", tmp_path / "plan.toml")
    done = _completed(wb, "plan")
    assert done["files"] == [{"path": str(out), "bytes": out.stat().st_size,
                              "sha256": hashlib.sha256(out.read_bytes()).hexdigest()}]  # fmt: skip


def test_audit_export_is_formula_safe_and_itself_audited(hostile, tmp_path):
    wb, _run, _folder = hostile
    wb.vault.audit("dataset.note", HOSTILE["hyperlink"], {"why": HOSTILE["at"]})
    xlsx = tmp_path / "log.xlsx"
    report = wb.export_audit(xlsx)
    assert report.ok and _formulas(xlsx) == []
    assert HOSTILE["hyperlink"] in _xlsx_texts(xlsx)
    assert wb.export_audit(tmp_path / "log.csv").ok
    _check_csvs([tmp_path / "log.csv"], {HOSTILE["hyperlink"]})
    assert _completed(wb, "audit")["audience"] == "internal"


@pytest.fixture
def busy(hostile, tmp_path):
    """Another connection (another process's, for SQLite) holds the vault's write lock."""
    wb, run_id, _ = hostile
    other = Vault.open(wb.vault.path, "correct horse battery staple")
    assert other._conn is not None
    held = transaction(other._conn)
    held.__enter__()
    waiting = wb.vault._conn  # wait 0.2 s instead of SQLite's 5 s before "busy": a faster test
    waiting.execute("PRAGMA busy_timeout = 200")
    yield wb, run_id
    waiting.execute("PRAGMA busy_timeout = 5000")
    held.__exit__(None, None, None)
    other.lock()


def test_busy_vault_writes_no_file_and_no_completed_entry(busy, tmp_path):
    """Finding 4: the report and annex were on disk with no audit entry."""
    wb, run_id = busy
    before = len(wb.audit_log())
    opts = ReportOptions(fixed_timestamp=FIXED, pdfa=False, sections=("summary",),
                         annex_paths=(tmp_path / "annex.xlsx",))  # fmt: skip
    with pytest.raises(WorkbenchError) as err:
        wb.write_report(run_id, tmp_path / "report.pdf", opts)
    assert "Unexpected" not in err.value.render("en")
    with pytest.raises(WorkbenchError):
        wb.export_results(run_id, tmp_path / "results.csv")
    assert list(tmp_path.iterdir()) == []  # nothing at all, not even a partial file
    busy_entries = wb.audit_log()[before:]
    assert busy_entries == []  # the intent could not be committed, so nothing was written


def test_export_refused_by_the_format_writes_no_intent(hostile, tmp_path):
    wb, run_id, _ = hostile
    before = len(wb.audit_log())
    with pytest.raises(WorkbenchError):
        wb.export_results(run_id, tmp_path / "results.ods")
    with pytest.raises(WorkbenchError) as err:
        wb.export_audit(tmp_path / "log.txt")
    assert ".json" in err.value.render("en")
    assert len(wb.audit_log()) == before and list(tmp_path.iterdir()) == []


def test_hostile_labels_reach_the_files(hostile):
    """Guard for the guards above: the run really carries the formula labels."""
    wb, run_id, _ = hostile
    results = wb.load_results(run_id)
    values = set(results.estimates["disaggregation_value"])
    assert {HOSTILE["tab"], HOSTILE["cr"]} <= values
