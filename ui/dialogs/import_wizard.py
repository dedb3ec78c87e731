"""Import wizard: file → reading options with live preview → XLSForm labels → identifiers (the
whole file is read here) → unit/link (defaults from the data, checked on the page) → import.

Every decision is the core's (``workbench.datasets``): the wizard presents the preview, the forms
found beside the file, the identifiers, the suggested structure and the link checks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ui.dialogs.import_labels import LabelsPage
from ui.dialogs.import_unit import UnitPage
from ui.error_dialog import user_message
from ui.i18n import current_language, finding_text
from ui.models.data_table_model import DataTableModel
from ui.widgets import ProgressPanel, compact
from workbench.dataset_model import Dataset
from workbench.datasets.formats import file_filter_patterns
from workbench.service import Workbench

if TYPE_CHECKING:
    from ui.tasks import Task
    from workbench.datasets.importing import Preview

FILE_FILTER = f"Data files ({' '.join(file_filter_patterns())});;All files (*)"
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "latin-1", "cp1256", "utf-16")
DELIMITERS = ((",", ","), (";", ";"), ("Tab", "\t"), ("|", "|"))
ACTIONS = ("drop", "hash", "keep")
PREVIEW_ROWS = 50


def findings_text(findings, limit: int = 6) -> str:
    """Warnings and errors first, one line each, then how many more."""
    order = {"error": 0, "warning": 1, "info": 2}
    shown = sorted(findings, key=lambda f: order.get(f.severity, 3))
    mark = {"error": "✗ ", "warning": "⚠ "}
    lines = [mark.get(f.severity, "• ") + finding_text(f) for f in shown[:limit]]
    if len(shown) > limit:
        more = QCoreApplication.translate("ImportWizard", "… (%1 more)")
        lines.append(more.replace("%1", str(len(shown) - limit)))
    return "\n".join(lines)


class ImportWizard(QWizard):
    imported = Signal(list)  # names of the datasets stored

    def __init__(self, service, tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.tasks = service, tasks
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import a file"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(820, 600)
        self.preview: Preview | None = None  # the first rows (options page)
        self.whole: Preview | None = None  # the whole file as read (identifiers page on)
        self.infos: list = []  # the datasets already in the vault
        self.task: Task[Any] | None = None
        self.file_page = FilePage(self)
        self.options_page = OptionsPage(self)
        self.labels_page = LabelsPage(self)
        self.ids_page = IdentifiersPage(self)
        self.unit_page = UnitPage(self)
        self.run_page = RunPage(self)
        for page in (
            self.file_page,
            self.options_page,
            self.labels_page,
            self.ids_page,
            self.unit_page,
            self.run_page,
        ):
            self.addPage(page)

    def path(self) -> Path:
        return Path(self.file_page.path.text().strip())

    def reading_options(self):
        """How to read the file (options and labels pages), without unit, link or identifiers."""
        from workbench.datasets.importing import ImportOptions

        o = self.options_page
        return ImportOptions(
            sheet=o.sheet.currentText() or None if o.sheet.count() else None,
            encoding=o.encoding.currentData(),
            delimiter=o.delimiter.currentData(),
            header_row=o.header.value(),
            name=self.file_page.name.text().strip() or None,
            xlsform=self.labels_page.form_path(),
            label_language=self.labels_page.language(),
            na_values=o.na_values(),
            default_na=o.default_na.isChecked(),
        )

    def options(self):
        """Everything the import needs, as chosen on every page."""
        from dataclasses import replace

        unit = self.unit_page
        parent = unit.parent_ds.currentData() if unit.unit.currentData() == "individual" else None
        return replace(
            self.reading_options(),
            unit=unit.unit.currentData(),
            key=unit.key.currentData(),
            parent=parent,
            parent_key=unit.parent_key.currentData() if parent else None,
            identifier_actions=self.ids_page.identifier_actions(),
        )

    def reject(self) -> None:
        if self.task is not None and not self.task.done:
            self.task.cancel()
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        self.whole = None  # the whole file's frames: not kept once the wizard is closed


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("CSV, Excel (including Kobo exports), SPSS or Stata."))
        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.name = QLineEdit()
        self.name.setObjectName("importName")
        self.name.setToolTip(self.tr("How the dataset is called in the vault."))
        self.path.textChanged.connect(self._suggest_name)
        self.path.textChanged.connect(self.completeChanged)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Dataset name:"), self.name)

    def _browse(self) -> None:
        dlg = QFileDialog(self, self.tr("Choose a data file"), "", FILE_FILTER)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        dlg.fileSelected.connect(self.path.setText)
        dlg.open()

    def _suggest_name(self, text: str) -> None:
        self.name.setText(Path(text).stem if text else "")

    def isComplete(self) -> bool:
        return Path(self.path.text().strip()).is_file()


class OptionsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("How to read it"))
        self.setSubTitle(self.tr("Check the preview: one row per record, one column per question."))
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheetCombo")
        self.encoding = QComboBox()
        self.encoding.setObjectName("encodingCombo")
        self.encoding.addItem(self.tr("Detect automatically"), None)
        for enc in ENCODINGS:
            self.encoding.addItem(enc, enc)
        self.delimiter = QComboBox()
        self.delimiter.setObjectName("delimiterCombo")
        self.delimiter.addItem(self.tr("Detect automatically"), None)
        for label, value in DELIMITERS:
            self.delimiter.addItem(label, value)
        self.header = QSpinBox()
        self.header.setObjectName("headerRow")
        self.header.setRange(0, 50)
        self.header.setToolTip(self.tr("Rows to skip before the row of column names."))
        self.default_na = QCheckBox(
            self.tr("Read NA, N/A, #N/A, NaN, “.” and “-” as missing in number columns")
        )
        self.default_na.setObjectName("defaultNa")
        self.default_na.setChecked(True)
        self.default_na.setToolTip(
            self.tr("A text column whose real answers include such a value stays text.")
        )
        self.na_extra = QLineEdit()
        self.na_extra.setObjectName("naExtra")
        self.na_extra.setPlaceholderText(self.tr("e.g. -99, missing (separated by commas)"))
        self.na_extra.setToolTip(self.tr("Other values that mean “missing” in this file."))
        self.model = DataTableModel(self, chunk=50)
        self.table = QTableView()
        self.table.setObjectName("previewTable")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setDefaultSectionSize(100)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        compact(self.table)
        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        self.status.setWordWrap(True)
        form = self.form = QFormLayout()
        form.addRow(self.tr("Sheet:"), self.sheet)
        form.addRow(self.tr("Encoding:"), self.encoding)
        form.addRow(self.tr("Delimiter:"), self.delimiter)
        form.addRow(self.tr("Header row:"), self.header)
        form.addRow(self.tr("Missing values:"), self.default_na)
        form.addRow(self.tr("Other missing markers:"), self.na_extra)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.refresh)
        for combo in (self.sheet, self.encoding, self.delimiter):
            combo.currentIndexChanged.connect(self.timer.start)
        self.header.valueChanged.connect(self.timer.start)
        self.default_na.toggled.connect(self.timer.start)
        self.na_extra.textChanged.connect(self.timer.start)
        self._ok = False

    def na_values(self) -> tuple[str, ...]:
        return tuple(v.strip() for v in self.na_extra.text().split(",") if v.strip())

    def initializePage(self) -> None:
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        self.status.setText(self.tr("Reading the first rows…"))
        self._ok = False
        self.completeChanged.emit()
        self.w.tasks.run(
            self.w.service.preview_file,
            self.w.path(),
            self.w.reading_options(),
            PREVIEW_ROWS,
            progress=False,
            on_done=self._shown,
            on_error=self._failed,
            label="preview",
        )

    def _shown(self, preview) -> None:
        self.w.preview = preview
        if preview.sheets and self.sheet.count() == 0:
            self.sheet.blockSignals(True)
            self.sheet.addItems(preview.sheets)
            self.sheet.blockSignals(False)
        self.sheet.setVisible(bool(preview.sheets))
        self.form.labelForField(self.sheet).setVisible(bool(preview.sheets))
        # shown where they mean something: a delimiter for text files, an encoding for text and
        # SPSS/Stata files — never for a workbook (the reader said which it used)
        for field, used in ((self.encoding, preview.encoding), (self.delimiter, preview.delimiter)):
            field.setVisible(used is not None)
            self.form.labelForField(field).setVisible(used is not None)
        self.model.set_dataset(Dataset("preview", preview.frame.copy(), {}))
        parts = [
            self.tr("Format: %1").replace("%1", preview.format),
            self.tr("%n column(s)", "", len(preview.columns)),
        ]
        if preview.encoding:
            parts.append(self.tr("encoding %1").replace("%1", preview.encoding))
        text = " · ".join(parts)
        if preview.warnings:
            head = self.tr(
                "In the first %Ln row(s) (the whole file is checked later):", "", len(preview.frame)
            )
            text += "\n" + head + "\n" + findings_text(preview.warnings, 3)
        self.status.setText(text)
        self._ok = True
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self.model.clear()
        msg, step = user_message(exc)
        self.status.setText(f"{msg} {step}".strip())

    def isComplete(self) -> bool:
        return self._ok


class IdentifiersPage(QWizardPage):
    """Reads the whole file (every sheet) once: identifiers and column checks over all rows."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Direct identifiers"))
        self.setSubTitle(
            self.tr(
                "These columns may identify people (names, phones, GPS, free text). Drop them "
                "unless you need them; hashing keeps a code for linking without the value. "
                "Quasi-identifiers (dates, villages) are kept unless you choose otherwise."
            )
        )
        self.progress = ProgressPanel()
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("identifierTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Why flagged"), self.tr("Action")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.none = QLabel(self.tr("No likely identifiers were found."))
        self.checks = QLabel()
        self.checks.setObjectName("wholeFileChecks")
        self.checks.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.progress)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.none)
        lay.addWidget(self.checks)
        self._read_with = None  # the reading options of the last whole read

    def initializePage(self) -> None:
        opts = self.w.reading_options()
        if self.w.whole is not None and opts == self._read_with:
            return  # back and forth: keep the read and the user's choices
        self.w.whole = None
        self._read_with = opts
        self.table.setRowCount(0)
        self.none.hide()
        self.checks.setText(self.tr("Reading the whole file…"))
        self.completeChanged.emit()
        service, path = self.w.service, self.w.path()

        def read_whole(progress, cancel):
            whole = service.preview_file(path, opts, None, progress, cancel)
            return whole, service.datasets()

        self.w.task = self.w.tasks.run(
            read_whole, on_done=self._read, on_error=self._failed, label="read whole file"
        )
        if not self.w.task.done:
            self.progress.track(self.w.task, self.tr("Reading the whole file…"))

    def _read(self, result) -> None:
        whole, self.w.infos = result
        self.w.whole = whole
        self._fill(whole.identifiers)
        main = whole.main
        text = self.tr("Checked over the whole file: %Ln row(s).", "", main.n_rows)
        if whole.warnings:
            text += "\n" + findings_text(whole.warnings)
        self.checks.setText(text)
        self.completeChanged.emit()

    def _failed(self, exc: BaseException) -> None:
        self._read_with = None
        msg, step = user_message(exc)
        self.checks.setText(f"{msg} {step}".strip())

    def _fill(self, ids: dict[str, str]) -> None:
        names = {"keep": self.tr("Keep"), "drop": self.tr("Drop"), "hash": self.tr("Hash")}
        for col, reason in ids.items():
            r = self.table.rowCount()
            self.table.insertRow(r)
            item = QTableWidgetItem(col)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, item)
            lang = current_language()
            reason_text = Workbench.identifier_reason(reason, lang)
            why = QTableWidgetItem(f"{reason_text} — {Workbench.identifier_tier(reason, lang)}")
            why.setFlags(why.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 1, why)
            combo = QComboBox()
            for a in ACTIONS:
                combo.addItem(names[a], a)
            combo.setCurrentIndex(combo.findData(Workbench.identifier_default_action(reason)))
            self.table.setCellWidget(r, 2, combo)
        self.table.resizeColumnsToContents()
        self.none.setVisible(not ids)
        self.table.setVisible(bool(ids))

    def isComplete(self) -> bool:
        return self.w.whole is not None

    def _row(self, row: int) -> tuple[str, QComboBox]:
        """The column name and the action combo box of ``row`` (initializePage makes both)."""
        item, combo = self.table.item(row, 0), self.table.cellWidget(row, 2)
        assert item is not None and isinstance(combo, QComboBox), row
        return item.text(), combo

    def identifier_actions(self) -> dict[str, str]:
        """Column → "drop" / "hash" / "keep", as chosen. (Not ``actions``: that is QWidget's.)"""
        rows = (self._row(r) for r in range(self.table.rowCount()))
        return {column: combo.currentData() for column, combo in rows}

    def set_action(self, column: str, action: str) -> None:
        for r in range(self.table.rowCount()):
            name, combo = self._row(r)
            if name == column:
                combo.setCurrentIndex(combo.findData(action))


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("The data is encrypted as it is stored in the vault."))
        self.progress = ProgressPanel()
        self.result = QLabel()
        self.result.setObjectName("importResult")
        self.result.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.progress)
        lay.addWidget(self.result)
        lay.addStretch(1)
        self._done = False

    def initializePage(self) -> None:
        self._done = False
        self.result.clear()
        task = self.w.task = self.w.tasks.run(
            self.w.service.import_file,
            self.w.path(),
            self.w.options(),
            on_done=self._finished,
            on_error=self._failed,
            label="import",
        )
        if not task.done:
            self.progress.track(task, self.tr("Reading and encrypting…"))

    def _finished(self, infos) -> None:
        self._done = True
        read = {d.name: d for d in (self.w.whole.datasets if self.w.whole else [])}
        lines = []
        for i in infos:
            lines.append(
                self.tr("Stored “%1”: %2 rows, %3 columns.")
                .replace("%1", i.name)
                .replace("%2", QLocale().toString(i.n_rows))
                .replace("%3", str(i.n_cols))
            )
            if i.source.get("xlsform"):
                lines.append("  " + self.tr("Labelled from %1.").replace("%1", i.source["xlsform"]))
            markers = i.source.get("missing_markers") or getattr(
                read.get(i.name), "missing_markers", None
            )
            lines += self.marker_lines(markers or {})
        self.result.setText("\n".join(lines))
        self.completeChanged.emit()
        self.w.imported.emit([i.name for i in infos])

    def marker_lines(self, markers: dict[str, dict[str, int]]) -> list[str]:
        """One line per column: the missing-value markers read as empty, and how many."""
        if not markers:
            return []
        out = ["  " + self.tr("Read as missing:")]
        for col, found in markers.items():
            counts = ", ".join(f"“{m}” × {QLocale().toString(n)}" for m, n in found.items())
            out.append(f"    {col}: {counts}")
        return out

    def _failed(self, exc: BaseException) -> None:
        msg, step = user_message(exc)
        self.result.setText(f"{msg}\n{step}".strip())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._done
