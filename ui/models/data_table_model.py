"""A lazy table over a stored dataset (spyder's DataFrameModel idea, without dialogs).

Every row is counted at once (``canFetchMore``/``fetchMore`` remain for smaller chunks) and cells
are formatted only when a view asks for them, so a 1,000,000-row dataset shows its first rows at
once and its scrollbar spans all of them. Sorting and filtering
build a row order (a numpy index array) with vectorised pandas/numpy calls; for large tables
that work is handed to a ``runner`` (the app's task manager) so the GUI thread never waits on it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui import locale_fmt

Index = QModelIndex | QPersistentModelIndex
#: rows added per fetchMore. Every row at once by default, so the scrollbar spans the whole
#: dataset (issue 21 finding 8: it covered the first 50,000 of a million); the view gives its
#: rows one fixed height, which keeps a 1M-row header cheap. Smaller chunks remain for tests.
CHUNK = 100_000_000
#: tables above this size sort and filter through the runner (off the GUI thread)
ASYNC_ROWS = 100_000
Runner = Callable[[Callable[[], Any], Callable[[Any], None]], None]
MISSING_BRUSH = QBrush(QColor("#8a8a8a"))
#: an answer the cleaning log changed or blanked
EDITED_BRUSH = QBrush(QColor("#fff3c4"))


class DataTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, chunk: int = CHUNK) -> None:
        super().__init__(parent)
        self.chunk = chunk
        self.runner: Runner | None = None
        self._frame: pd.DataFrame | None = None
        self._columns: list[Any] = []  # numpy arrays, one per column
        self._vars: list[Any] = []
        self._order: np.ndarray | None = None  # row positions shown, after filter + sort
        #: each row's position in the imported file and its record name in the cleaning log
        #: (None: the frame's own positions, row numbers as names)
        self._source_rows: np.ndarray | None = None
        self._records: np.ndarray | None = None
        self._edits: dict[tuple[int, str], Any] = {}
        self._loaded = 0
        self.show_labels = True
        self._filter: tuple[int, str] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ---------------------------------------------------------------- data in
    def set_dataset(
        self, dataset: Any | None, source_rows: Any = None, records: Any = None, edits: Any = None
    ) -> None:
        """Show ``dataset`` (a :class:`workbench.dataset_model.Dataset`), or nothing.
        ``source_rows``: each row's position in the imported file (the row numbers shown, which
        stay those of the import when the cleaning log drops records); ``records``: each row's
        name in the cleaning log; ``edits``: (imported row, column) → the log entry that changed
        the answer (shaded, with the entry and the imported value in its tooltip)."""
        self.beginResetModel()
        self._edits = dict(edits or {})
        self._source_rows = None if source_rows is None else np.asarray(source_rows)
        self._records = None if records is None else np.asarray(records, dtype=object)
        if dataset is None:
            self._frame, self._columns, self._vars = None, [], []
        else:
            self._frame = dataset.frame
            self._columns = [dataset.frame[c].to_numpy() for c in dataset.frame.columns]
            self._vars = [dataset.variables[str(c)] for c in dataset.frame.columns]
        self._order = None
        self._filter = None
        self._sort = None
        self._loaded = min(self.chunk, self.total_rows())
        self.endResetModel()

    def clear(self) -> None:
        self.set_dataset(None)

    def total_rows(self) -> int:
        if self._frame is None:
            return 0
        return len(self._order) if self._order is not None else len(self._frame)

    def set_show_labels(self, on: bool) -> None:
        self.show_labels = on
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    # ----------------------------------------------------------- lazy rows
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._loaded < self.total_rows()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        more = min(self.chunk, self.total_rows() - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def reveal(self, source_row: int) -> int | None:
        """The view row showing ``source_row`` (a position in the dataset as stored), loading
        rows up to it; None when the filter hides it or there is no such row."""
        if self._frame is None or not 0 <= source_row < len(self._frame):
            return None
        if self._order is None:
            view = source_row
        else:
            hits = np.flatnonzero(self._order == source_row)
            if not len(hits):
                return None
            view = int(hits[0])
        if view >= self._loaded:
            self.beginInsertRows(QModelIndex(), self._loaded, view)
            self._loaded = view + 1
            self.endInsertRows()
        return view

    def column_index(self, name: str) -> int | None:
        if self._frame is None or name not in self._frame.columns:
            return None
        return int(self._frame.columns.get_loc(name))

    # ---------------------------------------------------------------- cells
    def _row(self, row: int) -> int:
        return int(self._order[row]) if self._order is not None else row

    def value(self, row: int, col: int) -> Any:
        return self._columns[col][self._row(row)]

    def source_row(self, row: int) -> int:
        """The imported file's 0-based position of the row shown at ``row``."""
        r = self._row(row)
        return int(self._source_rows[r]) if self._source_rows is not None else r

    def record(self, row: int) -> str:
        """The name in the cleaning log (``uuid``) of the record shown at ``row``."""
        r = self._row(row)
        return str(self._records[r]) if self._records is not None else str(r + 1)

    def variable(self, col: int) -> Any:
        return self._vars[col]

    def display(self, value: Any, col: int) -> str:
        if value is None or value is pd.NA or value is pd.NaT:
            return ""
        if isinstance(value, float | np.floating):
            number = float(value)
            if math.isnan(number):
                return ""
            var = self._vars[col]
            if self.show_labels and number in var.value_labels:
                return str(var.value_labels[number])
            return locale_fmt.raw_number(number)  # an id stays 10234; 2,5 in French
        if isinstance(value, np.datetime64 | pd.Timestamp):
            return str(pd.Timestamp(value))[:19]
        var = self._vars[col]
        if self.show_labels and var.value_labels and value in var.value_labels:
            return str(var.value_labels[value])
        return str(value)

    def _is_user_missing(self, value: Any, col: int) -> bool:
        var = self._vars[col]
        try:
            return bool(var.missing_codes) and value in var.missing_codes
        except TypeError:
            return False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._loaded:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(self.value(index.row(), col), col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self._vars[col].kind == "numeric":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._is_user_missing(self.value(index.row(), col), col):
                return MISSING_BRUSH
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return EDITED_BRUSH if self.edit_at(index.row(), col) is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            edit = self.edit_at(index.row(), col)
            if edit is not None:
                old = "" if edit.old is None else str(edit.old)
                return (
                    self.tr("Changed by the cleaning log (entry %1: %2); imported value: %3")
                    .replace("%1", str(edit.id))
                    .replace("%2", edit.issue)
                    .replace("%3", old or self.tr("(missing)"))
                )
            value = self.value(index.row(), col)
            if self._is_user_missing(value, col):
                return self.tr("Missing code")
            return None
        return None

    def edit_at(self, row: int, col: int) -> Any:
        """The cleaning-log entry that changed the answer shown at ``row``, ``col`` (or None)."""
        if not self._edits:
            return None
        return self._edits.get((self.source_row(row), self._vars[col].name))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._vars):
            var = self._vars[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return var.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return var.label or var.name
        vertical = orientation == Qt.Orientation.Vertical
        if vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._loaded:
            return str(self.source_row(section) + 1)
        return None

    # --------------------------------------------------------- sort + filter
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self._columns)):
            return
        self._sort = (column, order)
        self._reorder()

    def set_filter(self, column: int | None, text: str) -> None:
        """Keep the rows whose shown value in ``column`` contains ``text`` (case-insensitive)."""
        self._filter = None if column is None or not text.strip() else (column, text.strip())
        self._reorder()

    def _reorder(self) -> None:
        if self._frame is None:
            return
        compute = self._order_function()
        if self.runner is not None and len(self._frame) > ASYNC_ROWS:
            self.runner(compute, self._apply_order)
        else:
            self._apply_order(compute())

    def _order_function(self) -> Callable[[], np.ndarray | None]:
        columns, vars_, labels = self._columns, self._vars, self.show_labels
        filt, srt = self._filter, self._sort
        display = self.display

        def compute() -> np.ndarray | None:
            order: np.ndarray | None = None
            if filt is not None:
                col, text = filt
                order = _filter_rows(columns[col], lambda v: display(v, col), text)
            if srt is not None:
                col, how = srt
                keys = columns[col] if order is None else columns[col][order]
                idx = _argsort(keys, vars_[col], labels)
                if how == Qt.SortOrder.DescendingOrder:  # missing values stay last
                    present = len(idx) - int(pd.isna(pd.Series(keys, copy=False)).sum())
                    idx = np.concatenate([idx[:present][::-1], idx[present:]])
                order = idx if order is None else order[idx]
            return order

        return compute

    def _apply_order(self, order: np.ndarray | None) -> None:
        self.beginResetModel()
        self._order = order
        self._loaded = min(self.chunk, self.total_rows())
        self.endResetModel()


def _filter_rows(values: np.ndarray, show: Callable[[Any], str], text: str) -> np.ndarray:
    """Row positions whose displayed value contains ``text``: each distinct value is formatted
    once (factorize), so the cost is one pass over the rows plus one per distinct value."""
    codes, uniques = pd.factorize(pd.Series(values, copy=False), use_na_sentinel=True)
    needle = text.casefold()
    hit = np.fromiter(
        (needle in show(u).casefold() for u in uniques), dtype=bool, count=len(uniques)
    )
    keep = np.zeros(len(codes), dtype=bool)
    valid = codes >= 0
    keep[valid] = hit[codes[valid]]
    return np.flatnonzero(keep)


def _argsort(values: np.ndarray, var: Any, labels: bool) -> np.ndarray:
    """Stable ascending order, missing values last. Numbers sort as numbers; labelled codes (when
    labels are shown) and text sort by their text, via one pass over the distinct values."""
    arr = np.asarray(values)
    if arr.dtype.kind in "fiub" and not (labels and var.value_labels):
        return np.argsort(arr, kind="stable")
    codes, uniques = pd.factorize(pd.Series(values, copy=False), use_na_sentinel=True)
    shown = [var.value_labels.get(u, u) if labels and var.value_labels else u for u in uniques]
    try:
        rank_of = np.argsort(np.argsort(np.asarray(shown), kind="stable"), kind="stable")
    except TypeError:
        rank_of = np.argsort(np.argsort(np.asarray([str(x) for x in shown])), kind="stable")
    row_rank = np.where(codes >= 0, rank_of[np.maximum(codes, 0)], len(uniques))
    return np.argsort(row_rank, kind="stable")
