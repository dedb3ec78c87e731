"""Result tables that fit their pane and explain their symbols (issue 21 finding 9): the last
column (the assessment) takes the width left and wraps instead of needing a horizontal
scrollbar, and a legend under the table says what ``*``, ``(*)`` and ``†`` mean when cells hold
them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from ui.widgets import RefitOnResize

#: the disclosure symbols of workbench/reporting/fmt.py (SUPPRESSED, SECONDARY, CAUTION): "(*)"
#: a complement, withheld with enough cases only so that a withheld value cannot be worked out
SUPPRESSED, SECONDARY, CAUTION = "*", "(*)", "†"
#: a cell with no case at all (fmt.NOT_APPLICABLE): nothing was hidden; a count's interval not
#: published (fmt.NO_INTERVAL_MARK)
NOT_APPLICABLE, NO_INTERVAL = "–", "‡"
#: the narrowest a wrapping column gets (pixels)
MIN_WRAP = 90
#: the narrowest any column gets when every column must give up width (pixels)
MIN_NARROW = 48


class _Fitter(RefitOnResize):
    """Columns as wide as their contents; when that is wider than the view, the first column
    (the group) and the last (the assessment) share what is left and wrap."""

    def fit(self) -> None:
        view, model = self.view, self.view.model()
        if model is None or model.columnCount() == 0:
            return
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.resizeColumnsToContents()
        last = model.columnCount() - 1
        widths = [view.columnWidth(c) for c in range(last + 1)]
        room = view.viewport().width() - sum(widths[1:last]) if last else view.viewport().width()
        ends = [0, last] if last else [0]
        if sum(widths[c] for c in ends) > room:
            share = max(room, MIN_WRAP * len(ends)) // len(ends)
            for c in ends:
                view.setColumnWidth(c, max(MIN_WRAP, min(widths[c], share)))
        over = sum(view.columnWidth(c) for c in range(last + 1)) - view.viewport().width()
        if over > 0:  # still too wide (many columns): every column gives up width and wraps
            _shrink(view, last, over)
        spare = view.viewport().width() - sum(view.columnWidth(c) for c in range(last + 1))
        if spare > 0:
            view.setColumnWidth(last, view.columnWidth(last) + spare)
        view.resizeRowsToContents()


def _shrink(view: QTableView, last: int, over: int) -> None:
    """Take ``over`` pixels from the columns in proportion to what each has above
    ``MIN_NARROW``, so the table fits its pane and cells wrap rather than scroll sideways."""
    widths = [view.columnWidth(c) for c in range(last + 1)]
    slack = [max(w - MIN_NARROW, 0) for w in widths]
    total = sum(slack)
    if total <= 0:
        return
    take = min(over, total)
    for c, (w, s) in enumerate(zip(widths, slack, strict=True)):
        view.setColumnWidth(c, w - -(-take * s // total))


def wrap_last_column(view: QTableView) -> None:
    """Fit ``view``'s columns to its width after every reset and resize (see ``_Fitter``)."""
    view.setWordWrap(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    fitter = _Fitter(view)
    model = view.model()
    if model is not None:
        model.modelReset.connect(fitter.fit)
        model.layoutChanged.connect(fitter.fit)
    fitter.fit()


class FlagLegend(QLabel):
    """Says what the symbols in ``view``'s cells mean, in the report's own words (``notes``:
    mark → the report's footnote, from the façade's ``flag_notes``); hidden when no cell holds
    a mark with a note. The app had its own wording ("too few respondents") while the report
    said "too few cases or too unreliable" (issue 20)."""

    def __init__(self, view: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagLegend")
        self.setWordWrap(True)
        self.view = view
        self.notes: dict[str, str] = {}
        model = view.model()
        if model is not None:
            model.modelReset.connect(self.refresh)
        self.hide()

    def set_notes(self, notes: dict[str, str]) -> None:
        """The report's footnote of each mark ("*", "(*)", "†", "–", "‡") for the run shown; any
        other key is a cell's beginning (the bound "< 0.5%" in the table's language)."""
        self.notes = dict(notes)
        self.refresh()

    def refresh(self) -> None:
        model = self.view.model()
        cells = [
            str(model.data(model.index(r, c)) or "").strip()
            for r in range(model.rowCount())
            for c in range(model.columnCount())
        ] if model is not None else []  # fmt: skip
        parts = [note for mark, note in self.notes.items() if _shows(cells, mark)]
        self.setText("\n".join(parts))  # one note a line, as under the report's tables
        self.setVisible(bool(parts))


def _shows(cells: list[str], mark: str) -> bool:
    """Whether a cell shows ``mark``: "*", "(*)", "–" and "‡" alone in it, "†" after a value, any
    other mark (a bound's "< ") at its start."""
    if mark in (SUPPRESSED, SECONDARY, NOT_APPLICABLE, NO_INTERVAL):
        return mark in cells
    if mark == CAUTION:
        return any(c.endswith(CAUTION) for c in cells)
    return any(c.startswith(mark) for c in cells)


def note_of(cell: str, notes: dict[str, str]) -> str:
    """The note (``notes``: as :meth:`FlagLegend.set_notes`) of the mark or word ``cell``
    shows, for its tooltip; "" when it shows none."""
    cells = [str(cell or "").strip()]
    return next((note for mark, note in notes.items() if _shows(cells, mark)), "")
