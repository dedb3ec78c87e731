"""Share: an anonymised extract for a named partner (issue 18; docs/sharing.md).

Choose the dataset and its quasi-identifiers (suggested from the plan; the list order is the
importance order — drag to change it), k and the recoding; *Measure risk* shows the risk before
and after without writing anything; *Export…* asks for the file and writes the extract with its
disclosure-risk reports, refused without a recipient and a purpose. The table at the bottom is
every sharing recorded in this vault."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import current_language
from ui.locale_fmt import decimal, integer
from ui.pages.base import Page
from ui.widgets import checkable_item, checked_items, compact, heading
from workbench.errors import WorkbenchError
from workbench.messages import render
from workbench.share.spec import (
    K_CHOICES,
    Recipient,
    ShareSpec,
    names,
    parse_bands,
    parse_cap,
    parse_merge,
)

#: the extract formats offered, by file-dialog filter
EXPORT_FILTERS = "SPSS (*.sav);;Stata (*.dta);;CSV (*.csv);;Excel (*.xlsx)"
REPORT_LANGUAGES = ("en", "fr", "es", "ar")


class SharePage(Page):
    def title(self) -> str:
        return self.tr("Data sharing")

    def __init__(self, service, tasks, parent: QWidget | None = None) -> None:
        super().__init__(service, tasks, parent)
        self.dataset = QComboBox()
        self.dataset.setObjectName("shareDataset")
        self.dataset.currentIndexChanged.connect(self._dataset_changed)
        self.keys = QListWidget()
        self.keys.setObjectName("shareKeys")
        self.keys.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.keys.setToolTip(
            self.tr(
                "Tick the quasi-identifiers. Their order is the importance "
                "order: values are suppressed from the bottom up."
            )
        )
        self.k = QComboBox()
        self.k.setObjectName("shareK")
        for k in K_CHOICES:
            self.k.addItem(str(k), k)
        self.k.setCurrentIndex(K_CHOICES.index(3))
        self.weight, self.household = QComboBox(), QComboBox()
        self.sensitive = QLineEdit()
        self.bands, self.top, self.merge = QLineEdit(), QLineEdit(), QLineEdit()
        self.pram, self.noise = QLineEdit(), QLineEdit()
        self.bands.setPlaceholderText("age=0,5,18,35,60")
        self.top.setPlaceholderText("hh_size=10")
        self.merge.setPlaceholderText("district=3+4:3")
        form = QFormLayout()
        form.addRow(self.tr("Dataset:"), self.dataset)
        form.addRow(self.tr("k-anonymity:"), self.k)
        form.addRow(self.tr("Weight:"), self.weight)
        form.addRow(self.tr("Household id:"), self.household)
        form.addRow(self.tr("Sensitive variables:"), self.sensitive)
        form.addRow(self.tr("Age bands:"), self.bands)
        form.addRow(self.tr("Top coding:"), self.top)
        form.addRow(self.tr("Merge categories:"), self.merge)
        form.addRow(self.tr("PRAM:"), self.pram)
        form.addRow(self.tr("Noise:"), self.noise)
        self.suda = QCheckBox(self.tr("Also compute SUDA scores (special uniques)"))
        self.suda.setObjectName("shareSuda")
        self.suda.setToolTip(
            self.tr(
                "Minimal sample uniques and DIS-SUDA scores as sdcMicro's suda2 computes "
                "them, before and after; slower on large files."
            )
        )
        form.addRow(self.suda)
        self.measure_button = QPushButton(self.tr("Measure risk"))
        self.measure_button.setObjectName("shareMeasure")
        self.measure_button.clicked.connect(self.measure)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(QLabel(self.tr("Quasi-identifiers (most important first):")))
        left.addWidget(self.keys, 1)
        left.addWidget(self.measure_button)
        self.risk = QTableWidget(0, 3)
        self.risk.setObjectName("shareRisk")
        self.losses = QTableWidget(0, 3)
        self.losses.setObjectName("shareLoss")
        self.indicators = QTableWidget(0, 6)
        self.indicators.setObjectName("shareIndicators")
        for table in (self.risk, self.losses, self.indicators):
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            compact(table)
        # the indicator's title takes the room left: every figure stays in view (the whole
        # title and the indicator's code are in the cell's tooltip)
        self.indicators.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.indicator_note = QLabel()
        self.indicator_note.setWordWrap(True)
        answers = QWidget()
        answers_lay = QVBoxLayout(answers)
        answers_lay.setContentsMargins(0, 0, 0, 0)
        answers_lay.addWidget(self.indicator_note)
        answers_lay.addWidget(self.indicators, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("shareTabs")
        self.tabs.addTab(self.risk, self.tr("Disclosure risk"))
        self.tabs.addTab(self.losses, self.tr("Values lost"))
        self.tabs.addTab(answers, self.tr("Indicators"))
        right = QVBoxLayout()
        right.addWidget(self.tabs, 1)
        right.addWidget(self._recipient_box())
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addLayout(right, 3)
        self.status = QLabel()
        self.status.setObjectName("shareStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.records = QTableWidget(0, 7)
        self.records.setObjectName("shareRecords")
        self.records.verticalHeader().hide()
        self.records.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.records.horizontalHeader().setStretchLastSection(True)
        compact(self.records)
        lay = QVBoxLayout(self)
        lay.addWidget(heading(self.tr("Share microdata")))
        intro = QLabel(self.tr("Direct identifiers are always removed. Values of the "
                               "quasi-identifiers are suppressed until every record shares its "
                               "combination with at least k − 1 others; the file is read back "
                               "and measured before it is written."))  # fmt: skip
        intro.setWordWrap(True)
        lay.addWidget(intro)
        lay.addLayout(top, 3)
        lay.addWidget(self.status)
        lay.addWidget(QLabel(self.tr("Shared so far")))
        lay.addWidget(self.records, 1)
        self._variables: list[dict[str, Any]] = []

    def _recipient_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sharing record"))
        self.recipient, self.purpose = QLineEdit(), QLineEdit()
        self.agreement, self.approved_by = QLineEdit(), QLineEdit()
        self.recipient.setObjectName("shareRecipient")
        self.purpose.setObjectName("sharePurpose")
        self.use_expiry = QCheckBox(self.tr("Expires:"))
        self.expires = QDateEdit(QDate.currentDate().addYears(1))
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat("yyyy-MM-dd")
        self.expires.setEnabled(False)
        self.use_expiry.toggled.connect(self.expires.setEnabled)
        self.report_langs = QListWidget()
        self.report_langs.setFlow(QListWidget.Flow.LeftToRight)
        self.report_langs.setMaximumHeight(34)
        for code in REPORT_LANGUAGES:
            self.report_langs.addItem(checkable_item(code, code, code == current_language()))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("shareExport")
        self.export_button.clicked.connect(self.choose_export)
        form = QFormLayout(box)
        form.addRow(self.tr("Recipient organisation:"), self.recipient)
        form.addRow(self.tr("Purpose:"), self.purpose)
        form.addRow(self.tr("Data-sharing agreement:"), self.agreement)
        form.addRow(self.tr("Approved by:"), self.approved_by)
        form.addRow(self.use_expiry, self.expires)
        form.addRow(self.tr("Report languages:"), self.report_langs)
        form.addRow(self.export_button)
        return box

    # ------------------------------------------------------------- loading
    def activate(self) -> None:
        self.tasks.run(self._fetch, progress=False, on_done=self._loaded, label="share")

    def _fetch(self) -> tuple[list[str], list[Any]]:
        return [d.name for d in self.service.datasets()], self.service.sharing_records()

    def _loaded(self, value: tuple[list[str], list[Any]]) -> None:
        datasets, records = value
        current = self.dataset.currentText()
        self.dataset.blockSignals(True)
        self.dataset.clear()
        self.dataset.addItems(datasets)
        if current in datasets:
            self.dataset.setCurrentText(current)
        self.dataset.blockSignals(False)
        self._show_records(records)
        if datasets and (not current or current not in datasets or not self._variables):
            self._dataset_changed()

    def _dataset_changed(self) -> None:
        name = self.dataset.currentText()
        if name:
            self.tasks.run(self._variables_of, name, progress=False, on_done=self._fill_variables,
                           label="share variables")  # fmt: skip

    def _variables_of(self, name: str) -> tuple[list[dict[str, Any]], list[str]]:
        return self.service.share_variables(name), self.service.suggest_share_keys(name)

    def _fill_variables(self, value: tuple[list[dict[str, Any]], list[str]]) -> None:
        variables, suggested = value
        self._variables = variables
        self.keys.clear()
        usable = [v for v in variables if not v["identifier"]]
        by_name = {v["name"]: v for v in usable}
        ordered = [by_name[n] for n in suggested if n in by_name]
        ordered += [v for v in usable if v["name"] not in suggested]
        for v in ordered:
            text = f"{v['name']} — {v['label']}" if v["label"] else v["name"]
            self.keys.addItem(checkable_item(text, v["name"], v["name"] in suggested))
        for box, guess in ((self.weight, ("weight", "wt")), (self.household, ("hh_id",))):
            box.clear()
            box.addItem(self.tr("(none)"), None)
            for v in usable:
                box.addItem(v["name"], v["name"])
            found = next((i for i in range(box.count()) if box.itemData(i) in guess), 0)
            box.setCurrentIndex(found)

    # ------------------------------------------------------------- spec
    def spec(self) -> ShareSpec:
        keys = tuple(str(k) for k in checked_items(self.keys))
        recodes = [*(parse_bands(t) for t in _parts(self.bands)),
                   *(parse_cap(t, True) for t in _parts(self.top)),
                   *(parse_merge(t) for t in _parts(self.merge))]  # fmt: skip
        return ShareSpec(
            dataset=self.dataset.currentText(), keys=keys, k=int(self.k.currentData()),
            importance=keys, sensitive=names(self.sensitive.text()),
            weight=self.weight.currentData(), household=self.household.currentData(),
            recodes=tuple(recodes), pram=names(self.pram.text()), noise=names(self.noise.text()),
            suda=self.suda.isChecked(),
        )  # fmt: skip

    def recipient_value(self) -> Recipient:
        langs = tuple(str(c) for c in checked_items(self.report_langs)) or ("en",)
        expires = self.expires.date().toString("yyyy-MM-dd") if self.use_expiry.isChecked() else ""
        return Recipient(self.recipient.text(), self.purpose.text(), self.agreement.text(),
                         self.approved_by.text(), expires, langs)  # fmt: skip

    # ------------------------------------------------------------- measure
    def measure(self) -> None:
        try:
            spec = self.spec()
        except WorkbenchError as exc:
            self._say(False, exc.render(current_language()))
            return
        self.status.clear()
        self.tasks.run(self.service.share_risk, spec, indicators=True, on_done=self._measured,
                       on_error=self._failed, label="share risk")  # fmt: skip

    def _measured(self, preview: Any) -> None:
        self._show_risk(preview.before, preview.after, preview.counts)
        problem = preview.utility_problem
        note = "" if problem is None else problem.render(current_language())
        self._show_indicators(preview.utility, note, preview.plan,
                              preview.utility_labels)  # fmt: skip

    def _show_indicators(self, table: Any, note: str, plan: str | None, labels: Any) -> None:
        """The plan's overall estimates on the original data and on the extract."""
        self.indicators.setHorizontalHeaderLabels([
            self.tr("Indicator"), self.tr("Group"), self.tr("Original"), self.tr("Extract"),
            self.tr("Difference"), self.tr("CI overlap"),
        ])  # fmt: skip
        if table is None:
            self.indicator_note.setText(note)
            _fill(self.indicators, [])
            return
        self.indicator_note.setText(
            self.tr("Plan %1: overall estimates on the original data and on the extract; "
                    "CI overlap 1 = the same confidence interval.").replace("%1", plan or "")
        )  # fmt: skip
        from workbench.share.report import overall_rows  # reportlab: only once measured

        totals = overall_rows(table, labels, current_language())
        _fill(self.indicators, [[r.indicator_label, r.group_label, _num(r.estimate_original),
                                 _num(r.estimate_extract), _num(r.difference),
                                 _num(r.ci_overlap, 2)] for r in totals.itertuples()])  # fmt: skip
        for row, code in enumerate(totals["indicator_id"].astype(str)):
            item = self.indicators.item(row, 0)
            if item is not None:
                item.setToolTip(f"{item.text()} ({code})")

    def _show_risk(self, before: Any, after: Any, counts: dict[str, dict[str, int]]) -> None:
        lang = current_language()
        from workbench.share.report import risk_rows  # reportlab: not before the page is used

        rows = risk_rows(before, after, lang)
        self.risk.setHorizontalHeaderLabels(
            [self.tr("Measure"), self.tr("Before"), self.tr("After")]
        )
        _fill(self.risk, rows)
        self.losses.setHorizontalHeaderLabels(
            [self.tr("Variable"), self.tr("Suppressed"), self.tr("Recoded")]
        )
        _fill(self.losses, [[n, integer(c["suppressed"]), integer(c["recoded"])]
                            for n, c in counts.items()])  # fmt: skip

    # ------------------------------------------------------------- export
    def choose_export(self) -> None:
        try:
            self.spec()
            self.recipient_value().checked()
        except WorkbenchError as exc:
            self._say(False, exc.render(current_language()))
            return
        name = f"{self.dataset.currentText() or 'extract'}_k{self.k.currentData()}.sav"
        dlg = QFileDialog(self, self.tr("Export the anonymised extract"), name, EXPORT_FILTERS)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.fileSelected.connect(self.export_to)
        dlg.open()

    def export_to(self, path: str) -> None:
        try:
            spec, recipient = self.spec(), self.recipient_value().checked()
        except WorkbenchError as exc:
            self._say(False, exc.render(current_language()))
            return
        self.status.clear()
        self.tasks.run(self.service.share_export, spec, recipient, path,
                       on_done=lambda shared: self._exported(Path(path), shared),
                       on_error=self._failed, label="share export")  # fmt: skip

    def _exported(self, path: Path, shared: Any) -> None:
        self._show_risk(shared.before, shared.after, shared.counts)
        self._show_indicators(shared.utility, "", shared.record.get("plan"),
                              shared.utility_labels)  # fmt: skip
        text = render("share.cli.exported", {"ref": shared.ref, "sha256": shared.sha256,
                                             "recipient": self.recipient.text()},
                      current_language())  # fmt: skip
        self._say(True, text + " " + ", ".join(p.name for p in shared.paths))
        self.activate()

    def _failed(self, exc: BaseException) -> None:
        from ui.error_dialog import user_message

        msg, step = user_message(exc)
        self._say(False, f"{msg} {step}".strip())

    def _say(self, ok: bool, text: str) -> None:
        self.status.setProperty("ok", ok)
        self.status.setStyleSheet(f"color: {'#1b7f3b' if ok else '#b3261e'};")
        self.status.setText(("✓ " if ok else "✗ ") + text)

    def _show_records(self, records: list[Any]) -> None:
        self.records.setHorizontalHeaderLabels([
            self.tr("Reference"), self.tr("Date"), self.tr("Recipient"), self.tr("Purpose"),
            self.tr("Agreement"), self.tr("Expires"), self.tr("File"),
        ])  # fmt: skip
        _fill(self.records, [[r.ref, r.created_at[:10], r.recipient, r.purpose, r.agreement,
                              r.expires, Path(r.file).name] for r in records])  # fmt: skip
        self.records.resizeColumnsToContents()  # the reference whole: it names the sharing

    def clear(self) -> None:
        self._variables = []
        self.keys.clear()
        for table in (self.risk, self.losses, self.indicators, self.records):
            table.setRowCount(0)
        self.indicator_note.clear()
        for edit in (self.recipient, self.purpose, self.agreement, self.approved_by):
            edit.clear()
        self.status.clear()


def _num(x: Any, decimals: int = 3) -> str:
    """A number as the interface language writes it ("–" when missing: not answerable or
    suppressed)."""
    try:
        value = float(x)
    except (TypeError, ValueError):
        return "–"
    return "–" if value != value else decimal(value, decimals)


def _parts(edit: QLineEdit) -> list[str]:
    """Several recodes in one field, separated by ``;``."""
    return [p.strip() for p in edit.text().split(";") if p.strip()]


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(value)))
