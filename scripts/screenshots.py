"""Drive the app through every screen and save a PNG of each, in English, French and Arabic.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py --out out/screenshots

Uses the bundled Freedonia sample in a fresh vault (in a temporary folder), the real backends and
a synchronous task runner, so every screen is captured after its work is done.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PASS = "screenshots passphrase words"
SIZE = (1280, 800)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--out", default="out/screenshots")
    p.add_argument("--languages", default="en,fr,ar")
    args = p.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="wb-shots-"))
    os.environ["WORKBENCH_CONFIG_DIR"] = str(tmp / "config")

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    vault = tmp / "freedonia.dsvault"
    prepare(vault, tmp)
    for lang in args.languages.split(","):
        shoot(app, lang, vault, tmp, out)
    print(f"screenshots in {out}")
    return 0


def prepare(vault: Path, tmp: Path) -> None:
    """A vault with the Freedonia sample, the bundled plan and one analysis run."""
    from workbench.datasets.importing import ImportOptions
    from workbench.paths import sample_dir
    from workbench.service import Workbench
    from workbench.settings import Settings
    from workbench.vault import KdfParams, Vault

    Vault.create(vault, PASS, kdf=KdfParams(8192, 1, 1)).lock()
    wb = Workbench(Settings())
    wb.open_vault(vault, PASS)
    s = sample_dir()
    wb.import_file(s / "freedonia_household.sav", ImportOptions(unit="household", key="hh_id"))
    wb.import_file(
        s / "freedonia_individual.sav",
        ImportOptions(unit="individual", parent="freedonia_household", parent_key="hh_id"),
    )
    rec, _ = wb.import_plan_file(s / "freedonia-plan.toml")
    wb.analyze(rec.name)
    wb.lock()


def shoot(app, lang: str, vault: Path, tmp: Path, out: Path) -> None:
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.pages.analysis_page import AnalysisPage
    from ui.pages.audit_page import AuditPage
    from ui.pages.checks_page import ChecksPage
    from ui.pages.cleaning_page import CleaningPage
    from ui.pages.datasets_page import DatasetsPage
    from ui.pages.plan_page import PlanPage
    from ui.pages.report_page import ReportPage
    from ui.pages.settings_page import SettingsPage
    from ui.pages.share_page import SharePage
    from ui.tasks import TaskManager
    from workbench.paths import sample_dir
    from workbench.service import Workbench
    from workbench.settings import Settings

    i18n.install(app, lang)
    settings = Settings(language=lang, recent_vaults=[str(vault)], office_name="Freedonia NSO")
    service = Workbench(settings)
    tasks = TaskManager(synchronous=True)
    w = MainWindow(service, tasks)
    w.resize(*SIZE)
    w.show()
    n = [0]

    def snap(name: str, widget=None) -> None:
        app.processEvents()
        n[0] += 1
        target = widget or w
        target.grab().save(str(out / f"{lang}-{n[0]:02d}-{name}.png"))

    s = w.start_screen
    snap("start-open")
    s.tabs.setCurrentIndex(1)
    s.new_path.setText(str(tmp / "new-vault.dsvault"))
    s.new_pass.setText("freedonia survey")
    s.new_pass2.setText("freedonia")
    snap("start-create")
    s.tabs.setCurrentIndex(0)
    s.open_path.setText(str(vault))
    s.open_pass.setText("not the passphrase")
    s.unlock()
    snap("start-wrong-passphrase")
    s.open_pass.setText(PASS)
    s.unlock()

    ds = w.workspace.show_page(DatasetsPage)
    ds.refresh(select="freedonia_household")
    snap("datasets")
    ds.detail_tabs.setCurrentIndex(1)
    snap("datasets-variables")
    ds.detail_tabs.setCurrentIndex(0)
    clean(ds, lang, snap)
    w.workspace.show_page(CleaningPage)
    snap("cleaning-log")
    w.workspace.show_page(DatasetsPage)
    ds.open_import()
    wiz = ds.wizard
    wiz.resize(900, 640)
    wiz.file_page.path.setText(str(sample_dir() / "freedonia_individual.csv"))
    wiz.file_page.name.setText("members_csv")
    snap("import-file", wiz)
    wiz.next()
    snap("import-preview", wiz)
    wiz.next()
    snap("import-labels", wiz)
    wiz.next()
    snap("import-identifiers", wiz)
    wiz.next()
    snap("import-unit", wiz)
    wiz.reject()

    checks = w.workspace.show_page(ChecksPage)
    snap("checks")
    checks.severity.setCurrentIndex(checks.severity.findData("error"))
    snap("checks-errors")
    checks.view.doubleClicked.emit(checks.model.index(0, 0))
    snap("checks-open-record")

    plan = w.workspace.show_page(PlanPage)
    plan.run_checks()
    ids = [u.id for u in plan.plan.indicators]
    plan.select_indicator(ids[0])
    snap("plan-indicator")
    first_input = plan.inputs.item(0)
    if first_input is not None:
        plan.open_mapping(first_input.data(0x0100))
        snap("plan-mapping")
        plan.suggest_candidates()  # auto-suggest's ranked candidates, one click each
        snap("plan-mapping-candidates")
    plan.tabs.setCurrentIndex(2)
    snap("plan-design")
    plan.grouping.setCurrentIndex(1)
    plan.tabs.setCurrentIndex(0)
    snap("plan-by-iris")
    plan.edit_custom(None)  # a custom indicator of the plan's own
    custom = plan.custom_dialog
    custom.title.setText(
        {"fr": "A emprunté pour les besoins de base", "ar": "اقترض لتغطية الاحتياجات الأساسية"}.get(
            lang, "Borrowed money for basic needs"
        )
    )
    custom.criterion.setCurrentIndex(custom.criterion.findData("3"))
    custom.numerator.setText("loan_for_basic_expenses")
    custom.iris.setCurrentIndex(custom.iris.findData("3.2"))
    snap("plan-custom-indicator", custom)
    custom.reject()

    an = w.workspace.show_page(AnalysisPage)
    snap("analysis-overview")
    an.open_criterion(an.summary_model.criterion_at(0))
    snap("analysis-indicator")
    if an.disagg.count() > 1:
        an.disagg.setCurrentIndex(1)
        snap("analysis-disaggregation")
    an.tabs.setCurrentIndex(1)
    snap("analysis-solutions")

    rp = w.workspace.show_page(ReportPage)
    rp.out_path.setText(str(tmp / f"report-{lang}.pdf"))
    rp.validate()
    snap("report")
    sp = w.workspace.show_page(SharePage)
    sp.dataset.setCurrentText("freedonia_household")
    sp.measure_button.click()
    snap("share-measured")
    w.workspace.show_page(AuditPage)
    snap("audit")
    w.workspace.show_page(SettingsPage)
    snap("settings")
    admin_screens(w, snap)
    w.lock()
    snap("locked")
    w.close()
    tasks.shutdown()


def admin_screens(w, snap) -> None:
    """The Vault menu's dialogs, the guide (F1 on the Plan page) and the About box."""
    from ui.pages.plan_page import PlanPage

    admin = w.vault_admin
    admin.show_info()
    snap("vault-info", admin.box)
    admin.box.close()
    admin.check()
    snap("vault-check", admin.box)
    admin.box.close()
    admin.open_change_passphrase()
    dialog = admin.dialog
    dialog.current.setText("x")
    dialog.new.setText("short")
    snap("vault-passphrase", dialog)
    dialog.reject()
    admin.confirm_rotate()
    snap("vault-rotate-confirm", admin.box)
    admin.box.close()
    w.workspace.show_page(PlanPage)
    w.context_help()
    w.help_window.resize(760, 640)
    snap("help-plan", w.help_window)
    w.show_help("getting-started")
    snap("help-getting-started", w.help_window)
    w.help_window.close()


def clean(ds, lang: str, snap) -> None:
    """The data viewer's right-click menu, the reason dialog, a change and a dropped record (on
    records of their own in each language, as every language edits the same vault)."""
    from PySide6.QtCore import Qt

    m = ds.data_model
    names = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    col = names.index("hh_size")
    row = 3 * ["en", "fr", "es", "ar"].index(lang) if lang in ("en", "fr", "es", "ar") else 0
    rect = ds.data_view.visualRect(m.index(row, col))
    ds._cell_menu(rect.center())
    snap("cleaning-menu", ds.cell_menu)
    ds.cell_menu.close()
    ds.edit_cell("change", row, col)
    dialog = ds.cleaning_dialog
    dialog.value.setEditText(str(int(float(m.value(row, col))) + 1))
    dialog.reason.setText("Roster lists one more member (callback)")
    dialog.check.setText("check.hh_size_roster")
    snap("cleaning-dialog", dialog)
    dialog.accept()
    ds.edit_cell("drop", row + 1, col)
    ds.cleaning_dialog.reason.setText("Duplicate interview")
    ds.cleaning_dialog.accept()
    snap("cleaning-viewer")


if __name__ == "__main__":
    sys.exit(main())
