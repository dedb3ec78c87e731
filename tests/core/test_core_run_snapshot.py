"""A report of run N says what run N said: the run snapshot, end to end through the façade.

Real vault, real sample data, a real copy of the indicator library that the test edits."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from workbench import paths
from workbench.cli.demo import import_freedonia
from workbench.reporting import ReportOptions
from workbench.sample import generate, write_sample
from workbench.service import Workbench
from workbench.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "vault"))
from vault_testkit import raw_connection

pytestmark = pytest.mark.slow

FIXED = "2026-11-22T06:00:00+00:00"
NEW_TITLE = "Edited title that run one never showed"


def _pipeline(tmp: Path, passphrase: str) -> tuple[Path, Path, int]:
    """A library copy, a vault with the Freedonia sample, its plan and one run."""
    library = tmp / "library"
    shutil.copytree(paths.library_dir(), library)
    files = write_sample(generate(400), tmp / "sample", ("csv",))
    hh = next(p for p in files if p.name.endswith("household.csv"))
    ind = next(p for p in files if p.name.endswith("individual.csv"))
    wb = Workbench(Settings(), library_dir=library)
    vault = tmp / "v.wbvault"
    wb.create_vault(vault, passphrase)
    import_freedonia(wb, hh, ind)
    rec, _ = wb.import_plan_file(paths.sample_dir() / "freedonia-plan.toml")
    run, _ = wb.analyze(rec.name, rec.version)
    wb.lock()
    return library, vault, run.id


def _report(
    wb: Workbench, run_id: int, folder: Path, sections: tuple[str, ...] | None = None
) -> tuple[list[str], list[list]]:
    """(PDF text per page, annex cells of every sheet) of a report of ``run_id`` (without the
    breakdown charts, which the snapshot does not touch, to keep the test short)."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    folder.mkdir(parents=True)
    annex = folder / "annex.xlsx"
    opts = ReportOptions(
        fixed_timestamp=FIXED, annex_paths=(annex,), pdfa=False, disaggregation_charts=False
    )
    if sections:
        opts.sections = sections
    pdf = wb.write_report(run_id, folder / "report.pdf", opts)
    pages = [page.extract_text() for page in PdfReader(str(pdf)).pages]
    book = load_workbook(annex, read_only=True)
    cells = [[ws.title, *[list(r) for r in ws.iter_rows(values_only=True)]] for ws in book]
    return pages, cells


def _edit_title(library: Path, old: str, new: str) -> None:
    hits = [
        p for p in (library / "indicators").glob("*.toml") if f'"{old}"' in p.read_text("utf-8")
    ]
    assert len(hits) == 1, hits
    text = hits[0].read_text("utf-8")
    assert text.count(f'"{old}"') == 1
    hits[0].write_text(text.replace(f'"{old}"', f'"{new}"'), "utf-8")


def test_report_of_a_run_is_unchanged_by_library_and_plan_edits(tmp_path, passphrase):
    library, vault, run_id = _pipeline(tmp_path, passphrase)
    wb = Workbench(Settings(), library_dir=library)
    wb.open_vault(vault, passphrase)
    results = wb.load_results(run_id)
    snap = results.snapshot
    assert snap is not None and not snap.reconstructed
    ind_id = str(results.estimates["indicator_id"].iloc[0])
    text = snap.indicator(ind_id)
    assert text is not None and set(text.title) == {"en", "fr", "es", "ar"}
    old_title = text.title["en"]
    before = _report(wb, run_id, tmp_path / "before")
    assert any(old_title in page for page in before[0])
    wb.lock()

    # the library changes an indicator's title; the plan gets a new version
    _edit_title(library, old_title, NEW_TITLE)
    wb = Workbench(Settings(), library_dir=library)
    wb.open_vault(vault, passphrase)
    assert wb.library().indicator(ind_id).title("en") == NEW_TITLE
    plan = wb.load_plan(snap.plan_name)
    rec = wb.save_plan(plan, note="a new version after the library changed")
    assert rec.version == int(snap.plan_version) + 1

    after = _report(wb, run_id, tmp_path / "after")
    assert after == before  # every page's text and every annex cell
    assert not any(NEW_TITLE in page for page in after[0])

    # only a new run shows the new title
    new_run, _ = wb.analyze(rec.name, rec.version)
    pages, cells = _report(wb, new_run.id, tmp_path / "new")
    assert any(NEW_TITLE in page for page in pages)
    assert any(NEW_TITLE in str(cell) for sheet in cells for row in sheet[1:] for cell in row)
    assert not any(old_title in page for page in pages)
    wb.lock()


def test_run_stored_without_snapshot_gets_one_reconstructed_once(tmp_path, passphrase):
    library, vault, run_id = _pipeline(tmp_path, passphrase)
    wb = Workbench(Settings(), library_dir=library)
    wb.open_vault(vault, passphrase)
    original = wb.load_results(run_id).snapshot
    wb.lock()
    con = raw_connection(vault, passphrase)  # the state a run saved before snapshots is in
    con.execute("UPDATE runs SET snapshot_json = NULL WHERE id = ?", (run_id,))
    con.commit()
    con.close()

    wb = Workbench(Settings(), library_dir=library)
    wb.open_vault(vault, passphrase)
    rebuilt = wb.load_results(run_id).snapshot
    assert rebuilt is not None and original is not None
    assert rebuilt.reconstructed and rebuilt.reconstructed_on and not original.reconstructed
    # the same texts and facts, from the stored meta, plan version and library
    assert rebuilt.texts == original.texts
    assert rebuilt.designs == original.designs and rebuilt.options == original.options
    assert (rebuilt.plan_hash, rebuilt.dataset_fingerprints) == (
        original.plan_hash,
        original.dataset_fingerprints,
    )
    assert len(wb.audit_log("results.snapshot_reconstructed")) == 1
    # stored once: loading again reads it back, it is not rebuilt
    assert wb.load_results(run_id).snapshot == rebuilt
    assert len(wb.audit_log("results.snapshot_reconstructed")) == 1
    pages, _cells = _report(wb, run_id, tmp_path / "report", sections=("validation",))
    provenance = " ".join(pages).replace("\n", " ")
    assert "Reconstructed on" in provenance and "before run snapshots existed" in provenance
    wb.lock()
