"""Result tables of the analysis page: the criteria × groups traffic light, plain string tables."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ui.i18n import italics
from workbench.reporting.palette import RATING_STYLE
from workbench.stats.summary import DESCRIBED, indicator_counts, limited_evidence, ratings

Index = QModelIndex | QPersistentModelIndex
#: the report's traffic light (Okabe–Ito fills, a symbol per rating, its text colour)
RATING_COLOURS = {rating: QColor(fill) for rating, (fill, _s, _t) in RATING_STYLE.items()}
RATING_TEXT = {rating: QColor(text) for rating, (_f, _s, text) in RATING_STYLE.items()}
RATING_SYMBOL = {rating: symbol for rating, (_f, symbol, _t) in RATING_STYLE.items()}
RatingRole = Qt.ItemDataRole.UserRole + 1
CriterionRole = Qt.ItemDataRole.UserRole + 2


class CriteriaSummaryModel(QAbstractTableModel):
    """Rows: criteria; columns: displaced groups; cell: rating colour + counts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._criteria: list[tuple[str, str]] = []  # (id, name)
        self._groups: list[tuple[str, str]] = []  # (code, label)
        self._cells: dict[tuple[str, str], dict[str, Any]] = {}

    def set_summary(
        self, summary: Any, criterion_names: dict[str, str], group_labels: dict[str, str]
    ) -> None:
        self.beginResetModel()
        self._cells = {}
        if summary is None or len(summary) == 0:
            self._criteria, self._groups = [], []
        else:
            crits = list(dict.fromkeys(str(c) for c in summary["criterion"]))
            groups = list(dict.fromkeys(str(g) for g in summary["group"]))
            self._criteria = [(c, criterion_names.get(c, c)) for c in crits]
            self._groups = [(g, group_labels.get(g, g)) for g in groups]
            # the engine's rating: green ('No gap') only when every assessed indicator was shown
            # not worse, else inconclusive (a run stored before that rating is re-rated)
            rated = ratings(summary).to_numpy()
            # the engine's mark: a rating on fewer than half of the criterion's indicators
            few = limited_evidence(summary).to_numpy()
            total = indicator_counts(summary).to_numpy()
            cells = zip(summary.to_dict("records"), rated, few, total, strict=True)
            for rec, rating, limited, indicators in cells:
                rec["rating"] = str(rating)
                rec["limited_evidence"] = bool(limited)
                rec["indicators"] = int(indicators)
                self._cells[(str(rec["criterion"]), str(rec["group"]))] = rec
        self.endResetModel()

    def clear(self) -> None:
        self.set_summary(None, {}, {})

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._criteria)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._groups)

    def criterion_at(self, row: int) -> str:
        return self._criteria[row][0]

    def rating_text(self, rating: str, rec: dict[str, Any] | None = None) -> str:
        if rating == "grey" and rec is not None and _described_only(rec):
            return self.tr("Described, not compared")
        return {
            DESCRIBED: self.tr("Described, not rated"),
            "red": self.tr("Worse"),
            "amber": self.tr("Mixed"),
            "inconclusive": self.tr("Inconclusive"),
            "green": self.tr("No gap"),
            "grey": self.tr("Not assessable"),
        }.get(rating, rating)

    def legend(self) -> str:
        """What each symbol and its colour mean, each rating named by its word as its cells show
        it (the report's legend, in the interface language) — not by a colour: the legend said
        "Amber" / "Orange" beside yellow cells once the palette became Okabe–Ito's."""
        words = {
            "red": self.tr(
                "Worse: displaced substantively worse off on the share of indicators the "
                "rating rule names"
            ),
            "amber": self.tr("Mixed: worse on some, or not enough data"),
            "inconclusive": self.tr(
                "Inconclusive: none worse, but some not shown equivalent or better either"
            ),
            "green": self.tr("No gap: every indicator shown equivalent or better"),
            "grey": self.tr("Not assessable: no data, or described but not compared"),
        }
        # a profile module: its gaps are shown, never rated (the report leaves it out of its
        # grid; the app keeps its row, the way to its indicators)
        described = self.tr("Described, not rated: a profile module, whose gaps are not rated")
        text = " · ".join([*(f"{RATING_SYMBOL[r]} {t}" for r, t in words.items()), described])
        text += "."
        return (
            text
            + " "
            + self.tr(
                "“k better”: indicators on which the group is substantively better off. "
                "Hatched cell, “limited evidence”: fewer than half of the criterion's "
                "indicators could be assessed; the same rule rates it, on few indicators."
            )
            + " "
            + self.tr(
                "“k inconclusive” (“k of n inconclusive” in an Inconclusive cell, where none "
                "is worse): not significant, but the interval reaches the minimum important "
                "difference; counted as assessed, and the cell is never “No gap”."
            )
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cid = self._criteria[index.row()][0]
        rec = self._cells.get((cid, self._groups[index.column()][0]))
        if role == CriterionRole:
            return cid
        if rec is None:
            return None
        rating = str(rec.get("rating", "grey"))
        if role == RatingRole:
            return rating
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = RATING_COLOURS.get(rating, RATING_COLOURS["grey"])
            if rec.get("limited_evidence"):  # hatched, as in the report: few indicators
                return QBrush(colour, Qt.BrushStyle.BDiagPattern)
            return QBrush(colour)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(RATING_TEXT.get(rating, RATING_TEXT["grey"]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            if rating == DESCRIBED:  # a profile module: no rating, so no counts beside one
                return self.rating_text(rating, rec)
            worse = int(rec.get("worse", 0) or 0)
            text = f"{RATING_SYMBOL.get(rating, '')} {self.rating_text(rating, rec)}".strip()
            assessed = rec.get("assessed")
            unsure = rec.get("inconclusive", 0)  # a run stored before the code: none
            unsure = int(unsure) if unsure == unsure and unsure else 0
            if rating == "inconclusive" and assessed == assessed and int(assessed or 0) > 0:
                # none is worse: no "(0/2)" led by a zero, and the count says of how many
                # ("◆ Inconclusive (0/2) · 2 inconclusive" named the word twice, rd19)
                n = str(int(assessed or 0))
                if unsure:
                    count = self.tr("%1 of %2 inconclusive").replace("%1", str(unsure))
                    text += " · " + count.replace("%2", n)
                else:
                    text += " · " + self.tr("%1 assessed").replace("%1", n)
                unsure = 0
            elif assessed is not None and assessed == assessed and int(assessed) > 0:
                text = f"{text} ({worse}/{int(assessed)})"  # worse of those assessed
            elif worse:
                text = f"{text} ({worse})"
            better = rec.get("better", 0)
            if better == better and better and int(better) > 0:  # "Worse 11/13" hid the better
                text += " · " + self.tr("%1 better").replace("%1", str(int(better)))
            if unsure > 0:
                text += " · " + self.tr("%1 inconclusive").replace("%1", str(unsure))
            if rec.get("limited_evidence"):
                text += " · " + (
                    self.tr("limited evidence: %1 of %2 assessed")
                    .replace("%1", str(int(assessed or 0)))
                    .replace("%2", str(int(rec.get("indicators", 0))))
                )
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if rating == DESCRIBED:
                return self.tr(
                    "A profile module: its indicators are described and compared in its "
                    "tables, never rated."
                )
            text = (
                self.tr("%1 worse, %2 better, %3 no significant difference, %4 insufficient data")
                .replace("%1", str(rec.get("worse", 0)))
                .replace("%2", str(rec.get("better", 0)))
                .replace("%3", str(rec.get("no_significant_difference", 0)))
                .replace("%4", str(rec.get("insufficient_data", 0)))
            )
            if "inconclusive" in rec:
                text += "\n" + self.tr(
                    "%1 inconclusive (not significant, the interval reaching the minimum "
                    "important difference)"
                ).replace("%1", str(rec.get("inconclusive", 0)))
            if "assessed" in rec:
                more = self.tr(
                    "%1 significant under the threshold, %2 equivalent (no gap), %3 not compared"
                )
                text += "\n" + (
                    more.replace("%1", str(rec.get("small_difference", 0)))
                    .replace("%2", str(rec.get("equivalent", 0)))
                    .replace("%3", str(rec.get("not_compared", 0)))
                )
            return text
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and section < len(self._groups):
            return self._groups[section][1]
        if orientation == Qt.Orientation.Vertical and section < len(self._criteria):
            cid, name = self._criteria[section]
            return f"{cid}. {name}"
        return None


def _described_only(rec: dict[str, Any]) -> bool:
    """A criterion the run described but, by the engine's record, compared nowhere: every
    indicator of it not compared (displaced-only questions), none short of data."""

    def count(key: str) -> int:
        v = rec.get(key, 0)
        return int(v) if v == v and v is not None else 0

    return count("not_compared") > 0 and count("assessed") == 0 and count("insufficient_data") == 0


class StringTableModel(QAbstractTableModel):
    """A header and rows of ready-formatted strings (report TableData, solutions table)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._header: list[str] = []
        self._rows: list[list[str]] = []
        self.bold_row: int | None = None
        self._tips: dict[tuple[int, int], str] = {}

    def set_table(
        self,
        header: list[str],
        rows: list[list[str]],
        bold_row: int | None = None,
        tips: dict[tuple[int, int], str] | None = None,
    ):
        """``tips``: (row, column) → the tooltip of a cell whose mark or word has a note (its
        legend line); any other cell's tooltip is its text."""
        self.beginResetModel()
        self._header, self._rows, self.bold_row = list(header), [list(r) for r in rows], bold_row
        self._tips = dict(tips or {})
        self.endResetModel()

    def clear(self) -> None:
        self.set_table([], [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        tip = self._tips.get((index.row(), index.column()))
        if role == Qt.ItemDataRole.ToolTipRole and tip:
            return tip
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            text = row[index.column()] if index.column() < len(row) else ""
            # a value's column, marks too: "*", and "(*)" a complement (table_fit.SECONDARY)
            numeric = text == "(*)" or (bool(text) and (text[0].isdigit() or text[0] in "−-–+*—"))
            side = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() == self.bold_row:
            f = QFont()
            f.setItalic(italics())
            return f
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and section < len(self._header)
        ):
            return self._header[section]
        return None
