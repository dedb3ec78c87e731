"""Import wizard page: the XLSForm that labels the data, and the label language.

The forms beside the data file are found and scored by the core (``workbench.datasets.form_match``);
this page only lists them, lets the user pick another file, and shows what the form covers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from ui.error_dialog import user_message

FORM_FILTER = "XLSForm (*.xlsx *.xlsm *.xls);;All files (*)"


class LabelsPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Labels from the XLSForm"))
        self.setSubTitle(
            self.tr(
                "The form the data was collected with gives every question its label and every "
                "code its answer text. Without it, codes show instead of answers."
            )
        )
        self.form = QComboBox()
        self.form.setObjectName("xlsformCombo")
        self.form.setMinimumContentsLength(40)
        browse = QPushButton(self.tr("Choose another…"))
        browse.setObjectName("xlsformBrowse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.form, 1)
        row.addWidget(browse)
        self.lang = QComboBox()
        self.lang.setObjectName("labelLanguage")
        self.status = QLabel()
        self.status.setObjectName("xlsformStatus")
        self.status.setWordWrap(True)
        form = self.layout_form = QFormLayout()
        form.addRow(self.tr("XLSForm:"), row)
        form.addRow(self.tr("Label language:"), self.lang)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.form.currentIndexChanged.connect(self._form_changed)
        self._searched_for: Path | None = None

    # ------------------------------------------------------------- choices
    def form_path(self) -> Path | None:
        match = self.form.currentData()
        return match.path if match is not None else None

    def language(self) -> str | None:
        return self.lang.currentData() if self.form.currentData() is not None else None

    def select(self, path: Path) -> None:
        """Choose the form at ``path`` (added to the list when it was not found beside the data)."""
        for i in range(self.form.count()):
            match = self.form.itemData(i)
            if match is not None and match.path == Path(path):
                self.form.setCurrentIndex(i)
                return
        self._load(Path(path))

    # --------------------------------------------------------------- search
    def initializePage(self) -> None:
        path = self.w.path()
        if path == self._searched_for:
            return  # keep the user's choice when coming back
        self._searched_for = path
        self.form.blockSignals(True)
        self.form.clear()
        self.form.addItem(self.tr("(no XLSForm: keep the codes)"), None)
        self.form.blockSignals(False)
        self.status.setText(self.tr("Looking for the XLSForm beside the file…"))
        from workbench.service import Workbench

        columns = self.w.preview.columns if self.w.preview else []
        self.w.tasks.run(
            Workbench.find_forms,
            path,
            columns,
            progress=False,
            on_done=self._found,
            on_error=self._failed,
            label="find XLSForm",
        )

    def _found(self, matches) -> None:
        for m in matches:
            self.form.addItem(self._item_text(m), m)
        from workbench.service import Workbench

        own = self.w.preview is not None and Workbench.carries_labels(self.w.preview.main)
        if matches and matches[0].good and not own:
            self.form.setCurrentIndex(1)
        self._form_changed()
        if matches and own:
            self.status.setText(
                self.tr(
                    "This file carries its own labels; choose the form only to replace them "
                    "with the form's."
                )
            )
        if not matches:
            self.status.setText(
                self.tr(
                    "No XLSForm was found in the folder of the data file. Choose one if you have "
                    "it; without it, codes show instead of answers in the data, the analysis "
                    "and the report."
                )
            )

    def _item_text(self, m) -> str:
        return (
            self.tr("%1 — %2 of %3 columns")
            .replace("%1", m.path.name)
            .replace("%2", str(m.matched))
            .replace("%3", str(m.columns))
        )

    def _browse(self) -> None:
        folder = str(self.w.path().parent)
        dlg = QFileDialog(self, self.tr("Choose the XLSForm"), folder, FORM_FILTER)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        dlg.fileSelected.connect(lambda p: self._load(Path(p)))
        dlg.open()

    def _load(self, path: Path) -> None:
        from workbench.service import Workbench

        columns = self.w.preview.columns if self.w.preview else []
        self.w.tasks.run(
            Workbench.load_form,
            path,
            columns,
            self.w.path(),
            progress=False,
            on_done=self._loaded,
            on_error=self._failed,
            label="read XLSForm",
        )

    def _loaded(self, match) -> None:
        self.form.addItem(self._item_text(match), match)
        self.form.setCurrentIndex(self.form.count() - 1)

    def _failed(self, exc: BaseException) -> None:
        msg, step = user_message(exc)
        self.status.setText(f"{msg} {step}".strip())

    # ---------------------------------------------------------------- shown
    def _form_changed(self) -> None:
        match = self.form.currentData()
        self.lang.clear()
        self.lang.setEnabled(match is not None)
        if match is None:
            self.status.setText(self.tr("The data keeps its codes; no labels are added."))
            return
        form = match.form
        for code in form.languages:
            self.lang.addItem(form.language_names.get(code, code), code)
        # the form's default, as `workbench import --xlsform` (every language is kept anyway)
        self.lang.setCurrentIndex(max(0, self.lang.findData(form.default_language)))
        n_sm = sum(1 for q in form.questions.values() if q.type == "select_multiple")
        text = (
            self.tr(
                "%1 of the file's %2 columns are questions or answer options of this form "
                "(%3 questions, %4 answer lists, %5 multiple-choice questions)."
            )
            .replace("%1", str(match.matched))
            .replace("%2", str(match.columns))
            .replace("%3", str(len(form.questions)))
            .replace("%4", str(len(form.choices)))
            .replace("%5", str(n_sm))
        )
        if match.matched < match.columns:
            text += " " + self.tr("The other columns keep their names and codes.")
        self.status.setText(text)
