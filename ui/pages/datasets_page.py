"""Datasets: the list, the data viewer (lazy), the variable dictionary, import and delete."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.models.data_table_model import DataTableModel
from ui.models.dataset_list_model import DatasetListModel
from ui.models.variables_model import VariablesModel, missing_rates
from ui.pages.base import Page
from ui.widgets import CONTENTS_ROWS, ProgressPanel, compact, heading


def _table(model, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    compact(view)
    return view


class DatasetsPage(Page):
    def title(self) -> str:
        return self.tr("Datasets")

    def __init__(self, service, tasks, parent: QWidget | None = None) -> None:
        super().__init__(service, tasks, parent)
        self.list_model = DatasetListModel(self)
        self.data_model = DataTableModel(self)
        self.data_model.runner = self._run_off_thread
        self.vars_model = VariablesModel(self)
        self.vars_model.language = service.settings.language
        self.current: str | None = None
        #: a record to show once its dataset is loaded (dataset, row as stored, column name)
        self._pending: tuple[str, int, str] | None = None

        self.import_button = QPushButton(self.tr("Import a file…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.open_import)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("deleteDataset")
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.confirm_delete)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Datasets")))
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.delete_button)

        self.list_view = _table(self.list_model, "datasetList")
        self.list_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.list_view.verticalHeader().hide()
        self.list_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.list_view.horizontalHeader().setResizeContentsPrecision(CONTENTS_ROWS)
        self.list_view.selectionModel().currentRowChanged.connect(self._selected)
        self.empty_hint = QLabel(
            self.tr("No datasets yet. Import a CSV, Excel (Kobo), SPSS or Stata file to begin.")
        )
        self.empty_hint.setObjectName("emptyHint")

        # viewer
        self.show_labels = QCheckBox(self.tr("Show value labels"))
        self.show_labels.setChecked(True)
        self.show_labels.toggled.connect(self.data_model.set_show_labels)
        self.filter_column = QComboBox()
        self.filter_column.setObjectName("filterColumn")
        self.filter_column.setMinimumContentsLength(12)
        self.filter_text = QLineEdit()
        self.filter_text.setObjectName("filterText")
        self.filter_text.setPlaceholderText(self.tr("contains…"))
        self.filter_text.setClearButtonEnabled(True)
        self.filter_text.returnPressed.connect(self.apply_filter)
        apply = QPushButton(self.tr("Filter"))
        apply.clicked.connect(self.apply_filter)
        self.row_count = QLabel()
        tools = QHBoxLayout()
        tools.addWidget(self.show_labels)
        tools.addSpacing(16)
        tools.addWidget(QLabel(self.tr("Column:")))
        tools.addWidget(self.filter_column)
        tools.addWidget(self.filter_text, 1)
        tools.addWidget(apply)
        tools.addWidget(self.row_count)
        self.data_view = _table(self.data_model, "dataView")
        # no sort until the user clicks a header (setSortingEnabled sorts by the indicator)
        self.data_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.data_view.setSortingEnabled(True)
        self.data_view.horizontalHeader().setSortIndicatorShown(True)
        self.data_view.horizontalHeader().setStretchLastSection(False)
        self.data_view.horizontalHeader().setDefaultSectionSize(110)
        # rows of one height: the scrollbar spans every row of a 1M-row dataset at no cost
        self.data_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.data_model.modelReset.connect(self._update_count)
        self.data_model.modelReset.connect(self._reveal_pending)
        self.data_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.data_view.customContextMenuRequested.connect(self._cell_menu)
        self.dropped = 0
        self._restore_scroll = 0
        self.setAcceptDrops(True)  # data files dropped here open the import wizard
        self._drop_queue: list[str] = []
        #: the cleaning log's (entries, last id) of each dataset when last loaded
        self._shown_stamp: dict[str, tuple[int, int]] = {}
        viewer = QWidget()
        vlay = QVBoxLayout(viewer)
        vlay.setContentsMargins(0, 0, 0, 0)
        vlay.addLayout(tools)
        vlay.addWidget(self.data_view, 1)
        self.vars_view = _table(self.vars_model, "variablesView")
        self.vars_view.verticalHeader().hide()
        self.vars_model.modelReset.connect(self._size_variable_columns)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(viewer, self.tr("Data"))
        self.detail_tabs.addTab(self.vars_view, self.tr("Variables"))
        self.progress = ProgressPanel()

        split = QSplitter(Qt.Orientation.Vertical)
        top_box = QWidget()
        tlay = QVBoxLayout(top_box)
        tlay.setContentsMargins(0, 0, 0, 0)
        tlay.addWidget(self.list_view)
        tlay.addWidget(self.empty_hint)
        split.addWidget(top_box)
        split.addWidget(self.detail_tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        lay.addWidget(self.progress)

    # ----------------------------------------------------------------- list
    def activate(self) -> None:
        self.refresh()
        if self.current and self.data_model.columnCount():
            name = self.current
            self.tasks.run(
                self.service.cleaning_stamp,
                name,
                progress=False,
                label="cleaning stamp",
                on_done=lambda stamp: self._reload_if_cleaned(name, stamp),
            )

    def _reload_if_cleaned(self, name: str, stamp: tuple[int, int]) -> None:
        """Load the dataset again when its cleaning log changed since it was shown (an undo on
        the Cleaning log page)."""
        if name == self.current and stamp != self._shown_stamp.get(name):
            self.load_dataset(name)

    def refresh(self, select: str | None = None) -> None:
        self.tasks.run(
            self.service.datasets,
            progress=False,
            label="datasets",
            on_done=lambda infos: self._listed(infos, select),
        )

    def _listed(self, infos, select: str | None) -> None:
        keep = select or self.current
        self.list_model.set_datasets(infos)
        self.empty_hint.setVisible(not infos)
        self.list_view.resizeColumnsToContents()
        names = self.list_model.names()
        if keep in names:
            self.list_view.selectionModel().setCurrentIndex(
                self.list_model.index(names.index(keep), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        elif keep is not None:
            self._show_dataset(None)

    def _selected(self, current, _previous) -> None:
        if not current.isValid():
            return
        name = self.list_model.info(current.row()).name
        if name != self.current or self.data_model.columnCount() == 0:
            self.load_dataset(name)

    # --------------------------------------------------------------- viewer
    def load_dataset(self, name: str) -> None:
        self.current = name
        self.delete_button.setEnabled(True)

        def load(progress, cancel):
            progress.update(0, 2, self.tr("Decrypting %1…").replace("%1", name))
            stamp = self.service.cleaning_stamp(name)
            view = self.service.view_dataset(name)
            cancel.raise_if_cancelled()
            self._shown_stamp[name] = stamp
            return view

        task = self.tasks.run(load, on_done=self._show_dataset, label="load dataset")
        self.progress.track(task, self.tr("Loading %1…").replace("%1", name))

    def show_record(self, name: str, row: int, column: str = "") -> None:
        """Open dataset ``name`` in the viewer at ``row`` (position as stored) and ``column``:
        where a data-check finding points."""
        self.detail_tabs.setCurrentIndex(0)
        self._pending = (name, row, column)
        if self.current == name and self.data_model.columnCount():
            self._reveal_pending()
            return
        self.refresh(select=name)

    def _reveal_pending(self) -> None:
        if self._pending is None or self._pending[0] != self.current:
            return
        _name, row, column = self._pending
        view_row = self.data_model.reveal(row)
        if view_row is None and self.filter_text.text():
            self.filter_text.clear()
            self.apply_filter()  # the pending record is shown when the filter is gone
            return
        self._pending = None
        if view_row is None:
            return
        col = self.data_model.column_index(column) if column else None
        index = self.data_model.index(view_row, col if col is not None else 0)
        self.data_view.setCurrentIndex(index)
        self.data_view.scrollTo(index, QTableView.ScrollHint.PositionAtCenter)
        self.data_view.setFocus()

    def _show_dataset(self, view) -> None:
        """Show a cleaned dataset (``Workbench.view_dataset``), or nothing."""
        ds = None if view is None else view.dataset
        infos = [self.list_model.info(r) for r in range(self.list_model.rowCount())]
        stored = next((i.n_rows for i in infos if ds is not None and i.name == ds.name), None)
        self.dropped = stored - ds.n_rows if ds is not None and stored is not None else 0
        if view is None:
            self.data_model.set_dataset(None)
        else:
            self.data_model.set_dataset(ds, view.rows, view.records, view.edits)
            scroll, self._restore_scroll = self._restore_scroll, 0
            self.data_view.verticalScrollBar().setValue(scroll)  # where the last edit was
        self.vars_model.clear()
        kept = (self.filter_column.currentText(), self.filter_text.text())
        self.filter_column.clear()
        if ds is None:
            self.current = None
            self.delete_button.setEnabled(False)
            return
        self.filter_column.addItems([str(c) for c in ds.frame.columns])
        self._keep_filter(*kept)
        self.vars_model.set_variables(list(ds.variables.values()), None)
        self.tasks.run(
            missing_rates,
            ds,
            progress=False,
            label="missing rates",
            on_done=lambda rates: (
                self.vars_model.set_variables(list(ds.variables.values()), rates)
                if self.current == ds.name
                else None
            ),
        )

    def _keep_filter(self, column: str, text: str) -> None:
        """The filter typed before stays applied when the dataset shown has its column (another
        dataset, or this one after a cleaning edit); otherwise it is cleared — a filter in the box
        always filters the rows shown (issue 21 finding 8)."""
        if text and self.filter_column.findText(column) >= 0:
            self.filter_column.setCurrentText(column)
            self.apply_filter()
        else:
            self.filter_text.clear()

    def _size_variable_columns(self) -> None:
        for col, width in enumerate((150, 330, 110, 80, 300)):
            self.vars_view.setColumnWidth(col, width)

    def apply_filter(self) -> None:
        col = self.filter_column.currentIndex()
        self.data_model.set_filter(col if col >= 0 else None, self.filter_text.text())

    def _update_count(self) -> None:
        total = self.data_model.total_rows()
        text = self.tr("%n row(s)", "", total) if self.current else ""
        if self.current and self.dropped:
            text += " " + self.tr("(%n dropped by the cleaning log)", "", self.dropped)
        self.row_count.setText(text)

    # ------------------------------------------------------------- cleaning
    def _cell_menu(self, pos: QPoint) -> None:
        index = self.data_view.indexAt(pos)
        if not index.isValid() or not self.current:
            return
        row, col = index.row(), index.column()
        menu = QMenu(self.data_view)
        menu.setObjectName("cellMenu")
        for kind, text in (
            ("change", self.tr("Change value…")),
            ("missing", self.tr("Set missing…")),
            ("drop", self.tr("Drop record…")),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, k=kind: self.edit_cell(k, row, col))
        copier = getattr(self.data_view, "copier", None)
        if copier is not None:  # ui/table_copy.py: Ctrl+C and the menu copy the selection
            menu.addSeparator()
            menu.addAction(copier.copy_action)
        self.cell_menu = menu
        menu.popup(self.data_view.viewport().mapToGlobal(pos))

    def edit_cell(self, kind: str, row: int, col: int) -> None:
        """Ask for the reason (and the new value) of a change to the cell shown at row, col."""
        from ui.dialogs.cleaning_dialog import CleaningDialog

        m = self.data_model
        var = m.variable(col)
        dialog = CleaningDialog(
            kind,  # type: ignore[arg-type]  # one of the menu's three kinds
            self.current or "",
            m.record(row),
            None if kind == "drop" else var.name,
            m.display(m.value(row, col), col),
            var.value_labels,
            self,
        )
        dialog.accepted.connect(lambda: self._store_change(dialog.change()))
        self.cleaning_dialog = dialog
        dialog.open()

    def _store_change(self, change) -> None:
        scroll = self.data_view.verticalScrollBar().value()

        def done(_entries) -> None:
            self._restore_scroll = scroll
            self.load_dataset(change.dataset)

        self.tasks.run(
            self.service.clean,
            [change],
            progress=False,
            on_done=done,
            on_error=self._change_refused,
            label="clean",
        )

    def _change_refused(self, exc: BaseException) -> None:
        from ui.error_dialog import show_error

        self.error_box = show_error(self, exc, self.tr("Change not made"))

    def _run_off_thread(self, fn, done) -> None:
        task = self.tasks.run(fn, progress=False, on_done=done, label="sort/filter")
        self.progress.track(task, self.tr("Sorting and filtering…"))

    # -------------------------------------------------------- import/delete
    def open_import(self, path: str = "") -> None:
        from ui.dialogs.import_wizard import ImportWizard

        wizard = ImportWizard(self.service, self.tasks, self)
        wizard.imported.connect(lambda names: self.refresh(select=names[0] if names else None))
        if path:
            wizard.file_page.path.setText(path)
        wizard.finished.connect(self._next_dropped)
        wizard.open()
        self.wizard = wizard

    # ------------------------------------------------------- drag and drop
    @staticmethod
    def _data_files(mime) -> list[str]:
        from workbench.datasets.formats import file_filter_patterns

        suffixes = tuple(p.lstrip("*").lower() for p in file_filter_patterns())
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
        return [f for f in files if f.lower().endswith(suffixes)]

    def dragEnterEvent(self, event) -> None:
        if self.service.is_unlocked and self._data_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        """Each data file dropped opens the import wizard on it, one after the other."""
        files = self._data_files(event.mimeData())
        if not files or not self.service.is_unlocked:
            event.ignore()
            return
        event.acceptProposedAction()
        self._drop_queue = files[1:]
        self.open_import(files[0])

    def _next_dropped(self, _result: int = 0) -> None:
        if self._drop_queue and self.service.is_unlocked:
            self.open_import(self._drop_queue.pop(0))

    def confirm_delete(self) -> None:
        if not self.current:
            return
        name = self.current
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete dataset"),
            self.tr("Delete the dataset “%1” from the vault? This cannot be undone.").replace(
                "%1", name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes = QMessageBox.StandardButton.Yes
        box.buttonClicked.connect(
            lambda b: self._delete(name) if box.standardButton(b) == yes else None
        )
        box.open()

    def _delete(self, name: str) -> None:
        self.current = None
        self.data_model.clear()
        self.vars_model.clear()
        self.tasks.run(
            self.service.delete_dataset,
            name,
            progress=False,
            on_done=lambda _v: self.refresh(),
            label="delete dataset",
        )

    def clear(self) -> None:
        self.current = None
        self._drop_queue = []
        self.list_model.set_datasets([])
        self.data_model.clear()
        self.vars_model.clear()
        self.filter_column.clear()
        self.filter_text.clear()
        self.delete_button.setEnabled(False)
