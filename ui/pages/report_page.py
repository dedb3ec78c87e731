"""Report: validation (errors block, warnings need a written justification), language, sections,
PDF/A, export of the PDF and its annex, then open the folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.pages.base import Page
from ui.pages.report_facts import SurveyFactsBox
from ui.widgets import ProgressPanel, heading
from workbench.paths import default_vault_dir
from workbench.reporting.options import PAGE_SIZES, REPORT_LANGUAGES
from workbench.reporting.sections import REPORT_SECTIONS


def justification_key(finding: Any) -> str:
    """The key ReportOptions.justification_for reads: ``code@value`` (first where) or ``code``."""
    values = list(finding.where.values())
    return f"{finding.code}@{values[0]}" if values else finding.code


class ReportPage(Page):
    def title(self) -> str:
        return self.tr("Report")

    def __init__(self, service, tasks, parent: QWidget | None = None) -> None:
        super().__init__(service, tasks, parent)
        self.findings: list[Any] = []
        # the run the findings shown are about (checked again on a visit only if it changed)
        self.checked_run: int | None = None
        self.written: Path | None = None
        self.runs: dict[int, Any] = {}
        self.facts = SurveyFactsBox()
        self.facts.saveRequested.connect(self.save_facts)
        self.run_combo = QComboBox()
        self.run_combo.setObjectName("reportRun")
        self.run_combo.setMinimumContentsLength(24)
        self.run_combo.activated.connect(lambda _i: self._run_chosen())
        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        for code in REPORT_LANGUAGES:
            self.language.addItem(i18n.language_name(code), code)
        self.page_size = QComboBox()
        for size in PAGE_SIZES:
            self.page_size.addItem(size, size)
        self.pdfa = QCheckBox(self.tr("PDF/A (for archiving)"))
        self.pdfa.setObjectName("pdfa")
        self.pdfa.setToolTip(self.tr("Self-contained PDF that stays readable for decades."))
        self.annex = QCheckBox(self.tr("Also write the annex tables (Excel)"))
        self.annex.setObjectName("annex")
        self.annex.setChecked(True)
        self.word = QCheckBox(self.tr("Also write the editable Word report (.docx)"))
        self.word.setObjectName("wordReport")
        self.word.setToolTip(
            self.tr(
                "The same sections, tables and charts as the PDF, passed through the same checks."
            )
        )
        self.briefing = QCheckBox(
            self.tr("Also write the briefing for decision-makers (PDF and Word)")
        )
        self.briefing.setObjectName("briefing")
        self.briefing.setToolTip(
            self.tr(
                "Two to four pages: the traffic light, the IDP stock, the largest gaps with "
                "their charts, the solutions measure and the method in brief."
            )
        )
        self.sections: dict[str, QCheckBox] = {}
        sec_box = QGroupBox(self.tr("Sections"))
        grid = QGridLayout(sec_box)
        for i, s in enumerate(REPORT_SECTIONS.codes):
            box = QCheckBox(REPORT_SECTIONS.label(s, i18n.current_language()))
            box.setObjectName(f"section_{s}")
            box.setChecked(True)
            self.sections[s] = box
            grid.addWidget(box, i // 4, i % 4)
        self.out_path = QLineEdit()
        self.out_path.setObjectName("reportPath")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_path, 1)
        out_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Results:"), self.run_combo)
        form.addRow(self.tr("Report language:"), self.language)
        form.addRow(self.tr("Page size:"), self.page_size)
        form.addRow("", self.pdfa)
        form.addRow("", self.annex)
        form.addRow("", self.word)
        form.addRow("", self.briefing)
        form.addRow(self.tr("Save as:"), out_row)

        self.validate_button = QPushButton(self.tr("Check the report"))
        self.validate_button.setObjectName("validateReport")
        self.validate_button.clicked.connect(self.validate)
        self.summary = QLabel()
        self.summary.setObjectName("validationSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("validationTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Severity"),
                self.tr("Finding"),
                self.tr("Justification (required for warnings)"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(self._justified)
        self.export_button = QPushButton(self.tr("Export report"))
        self.export_button.setObjectName("exportReport")
        self.export_button.clicked.connect(self.export)
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.setObjectName("openFolder")
        self.open_button.clicked.connect(self.open_folder)
        self.open_button.hide()
        self.progress = ProgressPanel()
        self.result = QLabel()
        self.result.setObjectName("reportResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.same_button = QPushButton(self.tr("Use this justification for all similar warnings"))
        self.same_button.setObjectName("sameJustification")
        self.same_button.setToolTip(
            self.tr(
                "Copies the justification of the selected warning to every warning with the same "
                "check."
            )
        )
        self.same_button.clicked.connect(self.copy_justification)
        buttons = QHBoxLayout()
        buttons.addWidget(self.validate_button)
        buttons.addWidget(self.same_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_button)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Report")))
        lay.addLayout(form)
        lay.addWidget(sec_box)
        lay.addWidget(self.facts)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.progress)
        lay.addLayout(buttons)
        lay.addWidget(self.result)
        self.export_button.setEnabled(False)

    # ---------------------------------------------------------------- load
    def activate(self) -> None:
        s = self.service.settings
        self.language.setCurrentIndex(max(self.language.findData(s.language), 0))
        self.page_size.setCurrentIndex(max(self.page_size.findData(s.page_size), 0))
        self.pdfa.setChecked(bool(s.report_pdfa))
        self.tasks.run(self.service.runs, progress=False, on_done=self._runs, label="runs")

    def _runs(self, runs) -> None:
        self.runs = {r.id: r for r in runs}
        keep = self.run_combo.currentData()
        self.run_combo.clear()
        for r in reversed(runs):
            self.run_combo.addItem(
                f"{r.plan_name} v{r.plan_version} — {r.created_at.replace('T', ' ')[:16]}", r.id
            )
        if keep is not None:
            self.run_combo.setCurrentIndex(max(self.run_combo.findData(keep), 0))
        self.validate_button.setEnabled(bool(runs))
        if not runs:
            self.summary.setText(self.tr("Run an analysis first (Analysis page)."))
            return
        if not self.out_path.text():
            r = runs[-1]
            self.out_path.setText(str(default_vault_dir() / f"{r.plan_name}-report.pdf"))
        if self.checked_run != self.run_combo.currentData():  # not again on every visit
            self._run_chosen()

    def _run_chosen(self) -> None:
        """Show the chosen run's survey facts (its plan's, frozen with it), then check."""
        run_id = self.run_combo.currentData()
        if run_id is not None:
            self.tasks.run(
                self.service.load_results, run_id, progress=False, label="report facts",
                on_done=self._facts_loaded, on_error=self._failed,
            )  # fmt: skip
        self.validate()

    def _facts_loaded(self, results) -> None:
        snap = getattr(results, "snapshot", None)
        info = dict(snap.texts.report_info) if snap is not None else {}
        self.facts.load(info, self.language.currentData())

    def save_facts(self) -> None:
        """Keep the typed facts in a new version of the run's plan (texts in the report's
        language), so the next analyses carry them."""
        run = self.runs.get(self.run_combo.currentData())
        if run is None:
            return
        texts, names = self.facts.plan_changes()
        lang = self.language.currentData()

        def save(progress, cancel):
            from workbench.plan.commands import SetReportInfo, with_report_texts

            plan = self.service.load_plan(run.plan_name)
            info = with_report_texts(plan.report, lang, texts=texts, names=names)
            new, _inverse = SetReportInfo(info).apply(plan)
            return self.service.save_plan_checked(new, note="report facts")[0]

        self.tasks.run(save, on_done=self._facts_saved, on_error=self._failed, label="plan")

    def _facts_saved(self, rec) -> None:
        self.facts.status.setText(
            self.tr("Saved in plan %1, version %2: the next analyses will use these facts.")
            .replace("%1", rec.name)
            .replace("%2", str(rec.version))
        )

    # ---------------------------------------------------------- validation
    def options(self):
        from workbench.reporting.options import ReportOptions

        out = Path(self.out_path.text().strip() or "report.pdf")
        facts = self.facts.options()
        return ReportOptions(
            language=self.language.currentData(),
            page_size=self.page_size.currentData(),
            pdfa=self.pdfa.isChecked(),
            sections=tuple(s for s, b in self.sections.items() if b.isChecked()),
            justifications=self.justifications(),
            annex_paths=(out.with_name(out.stem + "-annex.xlsx"),)
            if self.annex.isChecked()
            else (),
            docx_path=out.with_name(out.stem + ".docx") if self.word.isChecked() else None,
            briefing_paths=(
                out.with_name(out.stem + "-briefing.pdf"),
                out.with_name(out.stem + "-briefing.docx"),
            )
            if self.briefing.isChecked()
            else (),
            area=facts["area"],
            reference_period=facts["reference_period"],
            currency=facts["currency"],
            office=facts["office"],
            contact=facts["contact"],
        )

    def validate(self) -> None:
        run_id = self.run_combo.currentData()
        if run_id is None:
            return
        self.summary.setText(self.tr("Checking…"))
        self.tasks.run(
            self.service.validate_report,
            run_id,
            self.options(),
            progress=False,
            on_done=self._validated,
            on_error=self._failed,
            label="validate report",
        )

    def _validated(self, findings) -> None:
        self.checked_run = self.run_combo.currentData()
        kept = self.justifications()
        self.findings = [f for f in findings if f.severity in ("error", "warning")]
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        names = {"error": self.tr("Error"), "warning": self.tr("Warning")}
        for f in self.findings:
            r = self.table.rowCount()
            self.table.insertRow(r)
            sev = QTableWidgetItem(("✗ " if f.severity == "error" else "⚠ ") + names[f.severity])
            sev.setFlags(sev.flags() & ~Qt.ItemFlag.ItemIsEditable)
            msg = QTableWidgetItem(i18n.finding_text(f))
            msg.setToolTip(f"{f.code} {f.where}")
            msg.setFlags(msg.flags() & ~Qt.ItemFlag.ItemIsEditable)
            just = QTableWidgetItem(kept.get(justification_key(f), ""))
            if f.severity == "error":
                just.setFlags(Qt.ItemFlag.NoItemFlags)
                just.setText(self.tr("Fix this before exporting."))
            self.table.setItem(r, 0, sev)
            self.table.setItem(r, 1, msg)
            self.table.setItem(r, 2, just)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        self._update_export()
        self._summarise()

    def _failed(self, exc: BaseException) -> None:
        from ui.error_dialog import user_message

        msg, step = user_message(exc)
        self.summary.setText(f"{msg} {step}".strip())
        self.export_button.setEnabled(False)

    def _justification(self, row: int) -> QTableWidgetItem:
        """The justification cell of ``row`` (every row gets one when the findings are shown)."""
        item = self.table.item(row, 2)
        assert item is not None, row
        return item

    def justifications(self) -> dict[str, str]:
        out = {}
        for r, f in enumerate(self.findings):
            text = self._justification(r).text().strip()
            if f.severity == "warning" and text:
                out[justification_key(f)] = text
        return out

    def set_justification(self, row: int, text: str) -> None:
        self._justification(row).setText(text)

    def copy_justification(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.findings)) or self.findings[row].severity != "warning":
            return
        text = self._justification(row).text().strip()
        if not text:
            return
        code = self.findings[row].code
        for r, f in enumerate(self.findings):
            if f.severity == "warning" and f.code == code:
                self._justification(r).setText(text)

    def blocking(self) -> list[Any]:
        just = self.justifications()
        return [
            f for f in self.findings if f.severity == "error" or justification_key(f) not in just
        ]

    def _justified(self, _item: Any = None) -> None:
        self._update_export()
        self._summarise()

    def _update_export(self) -> None:
        ok = self.run_combo.currentData() is not None and not self.blocking()
        self.export_button.setEnabled(ok)

    def _summarise(self) -> None:
        """What still stands between the checks and the export, counted again as the user
        types the justifications (issue 21 finding 7: it kept counting justified warnings)."""
        if not self.findings:
            self.summary.setText(self.tr("All checks passed."))
            return
        errors = sum(f.severity == "error" for f in self.findings)
        warns = len(self.findings) - errors
        open_ = sum(1 for f in self.blocking() if f.severity == "warning")
        if errors or open_:
            self.summary.setText(
                self.tr("%1 error(s) block the export; %2 warning(s) need a written justification.")
                .replace("%1", str(errors))
                .replace("%2", str(open_))
            )
        else:
            self.summary.setText(
                self.tr("Every warning is justified (%1): the report can be exported.").replace(
                    "%1", str(warns)
                )
            )

    # -------------------------------------------------------------- export
    def _browse(self) -> None:
        dlg = QFileDialog(self, self.tr("Save the report as"), self.out_path.text(), "PDF (*.pdf)")
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setDefaultSuffix("pdf")
        dlg.fileSelected.connect(self.out_path.setText)
        dlg.open()

    def export(self) -> None:
        run_id = self.run_combo.currentData()
        if run_id is None or self.blocking():
            return
        out = Path(self.out_path.text().strip())
        opts = self.options()
        self.export_button.setEnabled(False)
        self.result.clear()
        self.open_button.hide()

        def write(progress, cancel):
            out.parent.mkdir(parents=True, exist_ok=True)
            return self.service.write_report(run_id, out, opts, progress=progress, cancel=cancel)

        task = self.tasks.run(
            write, on_done=self._written, on_error=self._export_failed, label="report"
        )
        self.progress.track(task, self.tr("Writing the report…"))

    def _written(self, path) -> None:
        self.written = Path(path)
        self.result.setText(self.tr("Report saved: %1").replace("%1", str(path)))
        self.open_button.show()
        self._update_export()

    def _export_failed(self, exc: BaseException) -> None:
        from ui.error_dialog import user_message

        msg, step = user_message(exc)
        self.result.setText(f"{msg} {step}".strip())
        self._update_export()

    def open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))

    def clear(self) -> None:
        self.findings = []
        self.checked_run = None
        self.written = None
        self.table.setRowCount(0)
        self.run_combo.clear()
        self.summary.clear()
        self.result.clear()
        self.open_button.hide()
        self.export_button.setEnabled(False)
