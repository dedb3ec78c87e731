"""The indicator library as a tree: criterion (or IRIS sub-criterion) → indicator."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

IndicatorRole = Qt.ItemDataRole.UserRole + 1  # the indicator id (None on group rows)
CustomRole = Qt.ItemDataRole.UserRole + 2  # True on the plan's own (custom) indicators
FALLBACK_MARK = " ⁽ᴱᴺ⁾"
STATUS_BRUSH = {
    "error": QBrush(QColor("#b00020")),
    "warning": QBrush(QColor("#8a5a00")),
}


def text_in(text: Any, lang: str) -> tuple[str, bool]:
    """A library Text in ``lang``, with whether it fell back to English."""
    return text.get(lang)


class LibraryTreeModel(QStandardItemModel):
    """Two columns: title, status (in plan / findings). Rebuilt when the grouping changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.by = "criterion"

    def build(
        self,
        library: Any | None,
        lang: str = "en",
        by: str = "criterion",
        in_plan: set[str] | None = None,
        status: dict[str, str] | None = None,
        custom: tuple[Any, ...] = (),
    ) -> None:
        """``custom``: the plan's own indicators (resolved), shown under their criterion or
        IRIS sub-criterion, marked as the plan's."""
        self.clear()
        self.lang, self.by = lang, by
        self.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("In plan")])
        if library is None:
            return
        in_plan = in_plan or set()
        status = status or {}
        if by == "iris":
            groups = [
                (
                    f"{s.id} {text_in(s.name, lang)[0]}",
                    text_in(s.note, lang)[0],
                    [*library.by_iris(s.id), *(i for i in custom if i.iris == s.id)],
                )
                for s in library.iris_subcriteria
            ]
        else:
            groups = [
                (
                    f"{c.id}. {text_in(c.name, lang)[0]}",
                    "",
                    [*library.by_criterion(c.id), *(i for i in custom if i.criterion == c.id)],
                )
                for c in (*library.criteria, *library.modules)
            ]
        root = self.invisibleRootItem()
        for title, tip, indicators in groups:
            head = QStandardItem(title)
            head.setEditable(False)
            head.setToolTip(tip or title)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            count = QStandardItem(str(sum(1 for i in indicators if i.id in in_plan) or ""))
            count.setEditable(False)
            for ind in indicators:
                head.appendRow(self._indicator_row(ind, lang, ind.id in in_plan, status))
            root.appendRow([head, count])

    def _indicator_row(self, ind: Any, lang: str, used: bool, status: dict[str, str]):
        title, fell_back = text_in(ind.title, lang)
        definition, def_fb = text_in(ind.definition, lang)
        if ind.custom:  # the plan's words, in whatever language its author wrote them
            fell_back = def_fb = False
            title = self.tr("%1 (custom)").replace("%1", title)
        item = QStandardItem(title + (FALLBACK_MARK if fell_back else ""))
        item.setEditable(False)
        item.setData(ind.id, IndicatorRole)
        item.setData(bool(ind.custom), CustomRole)
        tip = definition
        if fell_back or def_fb:
            tip += "\n\n" + self.tr("Not yet translated: shown in English.")
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        item.setToolTip(tip)
        state = status.get(ind.id, "")
        mark = QStandardItem(
            {"error": "✗", "warning": "⚠"}.get(state, "✓" if used else "") if used else ""
        )
        mark.setEditable(False)
        mark.setData(ind.id, IndicatorRole)
        if state in STATUS_BRUSH:
            mark.setForeground(STATUS_BRUSH[state])
            mark.setToolTip(self.tr("Has errors") if state == "error" else self.tr("Has warnings"))
        return [item, mark]
