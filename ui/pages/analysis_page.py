"""Analysis: run with progress and cancel; criteria × groups overview first, then criterion →
indicator with the report's own chart, the table (CI, n, difference, assessment, flags) and
disaggregations; the solutions measure."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import locale_fmt, table_fit
from ui.chart_export import ChartExporter
from ui.models.results_models import CriteriaSummaryModel, StringTableModel
from ui.pages.analysis_options import SolutionsOptions
from ui.pages.base import Page
from ui.pages.judgement_options import JudgementOptions
from ui.pages.progress_view import ProgressView
from ui.table_fit import note_of as _note_of
from ui.widgets import ImageLabel, ProgressPanel, compact, fit_every_row, heading
from workbench.reporting.fmt import COMPLEMENTARY
from workbench.stats.results import ALL_DISPLACED

CHART_WIDTH_IN = 6.4


def _table(model, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    compact(view)
    return view


class AnalysisPage(Page):
    def title(self) -> str:
        return self.tr("Analysis")

    def __init__(self, service, tasks, parent: QWidget | None = None) -> None:
        super().__init__(service, tasks, parent)
        self.lang = service.settings.language
        self.results: Any = None
        self.breakdowns: dict[tuple[str, str], str] = {}
        self.run_id: int | None = None
        self.views: dict[str, Any] = {}
        self.criterion: str | None = None

        self.plan_combo = QComboBox()
        self.plan_combo.setObjectName("analysisPlan")
        self.plan_combo.setMinimumContentsLength(16)
        self.run_button = QPushButton(self.tr("Run analysis"))
        self.run_button.setObjectName("runAnalysis")
        self.run_button.clicked.connect(self.run)
        self.runs_combo = QComboBox()
        self.runs_combo.setObjectName("runsCombo")
        self.runs_combo.setMinimumContentsLength(24)
        self.runs_combo.activated.connect(lambda i: self.show_run(self.runs_combo.itemData(i)))
        self.export_button = QPushButton(self.tr("Export results…"))
        self.export_button.setObjectName("exportResults")
        self.export_button.setToolTip(
            self.tr("The publishable copy by default: suppressed values removed and flagged.")
        )
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_results)
        bar = QHBoxLayout()
        bar.addWidget(heading(self.tr("Analysis")))
        bar.addWidget(QLabel(self.tr("Plan:")))
        bar.addWidget(self.plan_combo)
        bar.addWidget(self.run_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Results:")))
        bar.addWidget(self.runs_combo)
        bar.addWidget(self.export_button)
        self.options = SolutionsOptions()
        self.judgement = JudgementOptions()
        self._plan_options: dict[str, Any] = {}
        self.plan_combo.currentIndexChanged.connect(lambda _i: self._plan_defaults())
        self.progress = ProgressPanel()
        self.status = QLabel()
        self.status.setObjectName("analysisStatus")
        self.status.setWordWrap(True)

        # overview
        self.summary_model = CriteriaSummaryModel(self)
        self.summary_view = QTableView()
        self.summary_view.setObjectName("criteriaOverview")
        self.summary_view.setModel(self.summary_model)
        self.summary_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary_view.verticalHeader().setDefaultSectionSize(34)
        self.summary_view.setToolTip(self.tr("Double-click a criterion to see its indicators."))
        self.summary_view.doubleClicked.connect(self._criterion_clicked)
        self.summary_view.activated.connect(self._criterion_clicked)
        legend = QLabel(
            self.summary_model.legend()
            + " "
            + self.tr("In brackets: indicators worse / indicators assessed.")
        )
        legend.setObjectName("ratingLegend")
        legend.setWordWrap(True)
        self.rule_label = QLabel()
        self.rule_label.setObjectName("ratingRule")
        self.rule_label.setWordWrap(True)
        overview = QWidget()
        olay = QVBoxLayout(overview)
        olay.setContentsMargins(0, 0, 0, 0)
        olay.addWidget(self.summary_view, 1)
        olay.addWidget(legend)
        olay.addWidget(self.rule_label)

        # drill-down
        self.back = QPushButton(self.tr("← All criteria"))
        self.back.setObjectName("backToOverview")
        self.back.clicked.connect(self.show_overview)
        self.crit_title = QLabel()
        self.crit_title.setWordWrap(True)
        self.indicators = QListWidget()
        self.indicators.setObjectName("indicatorList")
        self.indicators.currentItemChanged.connect(self._indicator_chosen)
        self.indicators.setWordWrap(True)
        self.indicators.setSpacing(3)
        self.indicators.setMinimumWidth(280)
        self.ind_title = QLabel()
        self.ind_title.setObjectName("indicatorTitle")
        self.ind_title.setWordWrap(True)
        self.chart = ImageLabel()
        self.chart.setObjectName("indicatorChart")
        self.chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_export = ChartExporter(self)  # right-click: save as PNG / SVG
        self.disagg = QComboBox()
        self.disagg.setObjectName("disaggregationCombo")
        self.disagg.currentIndexChanged.connect(self._show_table)
        self.table_model = StringTableModel(self)
        self.table_view = _table(self.table_model, "indicatorTable")
        table_fit.wrap_last_column(self.table_view)  # the assessment wraps, no sideways scroll
        self.flag_legend = table_fit.FlagLegend(self.table_view)  # what * and † mean
        detail = QWidget()
        dlay = QVBoxLayout(detail)
        dlay.addWidget(self.ind_title)
        dlay.addWidget(self.chart)
        drow = QHBoxLayout()
        drow.addWidget(QLabel(self.tr("Show by:")))
        drow.addWidget(self.disagg)
        drow.addStretch(1)
        dlay.addLayout(drow)
        dlay.addWidget(self.table_view, 1)
        dlay.addWidget(self.flag_legend)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.indicators)
        split.addWidget(scroll)
        split.setStretchFactor(1, 3)
        drill = QWidget()
        drlay = QVBoxLayout(drill)
        drlay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.crit_title, 1)
        drlay.addLayout(top)
        drlay.addWidget(split, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(overview)
        self.stack.addWidget(drill)

        self.solutions_model = StringTableModel(self)
        self.solutions_view = _table(self.solutions_model, "solutionsTable")
        fit_every_row(self.solutions_view)  # a long cell below the first 100 rows was cut
        # what its "*", "(*)" and "†" mean, as under the indicator table
        self.solutions_legend = table_fit.FlagLegend(self.solutions_view)
        solutions = QWidget()
        slay = QVBoxLayout(solutions)
        slay.setContentsMargins(0, 0, 0, 0)
        slay.addWidget(self.solutions_view, 1)
        slay.addWidget(self.solutions_legend)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.stack, self.tr("Criteria"))
        self.tabs.addTab(solutions, self.tr("Solutions measure"))
        self.progress_view = ProgressView(service, tasks, self.show_run)
        self.tabs.addTab(self.progress_view, self.tr("Progress since the baseline"))
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        # the run's options, one tab each: each box gets the page's full width
        self.option_tabs = QTabWidget()
        self.option_tabs.setObjectName("optionTabs")
        self.option_tabs.addTab(self.options, self.tr("Solutions measure"))
        self.option_tabs.addTab(self.judgement, self.tr("Judging gaps"))
        self.option_tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        lay.addWidget(self.option_tabs)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.tabs, 1)

    # ---------------------------------------------------------------- load
    def activate(self) -> None:
        self.lang = self.service.settings.language

        def load():
            return self.service.plans(), self.service.runs()

        self.tasks.run(load, progress=False, on_done=self._loaded, label="runs")

    def _loaded(self, value) -> None:
        plans, runs = value
        keep = self.plan_combo.currentData()
        self.plan_combo.clear()
        for rec in plans:
            label = self.tr("%1 (v%2, draft)") if rec.is_draft else "%1 (v%2)"
            self.plan_combo.addItem(
                label.replace("%1", rec.name).replace("%2", str(rec.version)), rec.name
            )
        if keep:
            self.plan_combo.setCurrentIndex(max(self.plan_combo.findData(keep), 0))
        self.run_button.setEnabled(bool(plans))
        if not plans:
            self.status.setText(self.tr("Save an analysis plan first (Plan page)."))
        self._fill_runs(runs)
        if self.run_id is None and runs:
            self.show_run(runs[-1].id)

    def _plan_defaults(self) -> None:
        """Show the chosen plan's run defaults (its [analysis] table) in the option boxes."""
        name = self.plan_combo.currentData()
        if not name:
            return

        def shown(opts) -> None:
            self._plan_options[name] = opts
            if self.plan_combo.currentData() == name:
                self.options.show_options(opts)
                self.judgement.show_options(opts)

        self.tasks.run(
            self.service.default_options, name, progress=False, on_done=shown,
            on_error=self._failed, label="plan options",
        )  # fmt: skip

    def _fill_runs(self, runs) -> None:
        self.runs_combo.clear()
        for r in reversed(runs):
            text = (
                self.tr("%1 v%2 — %3")
                .replace("%1", r.plan_name)
                .replace("%2", str(r.plan_version))
                .replace("%3", r.created_at.replace("T", " ")[:16])
            )
            self.runs_combo.addItem(text, r.id)
        if self.run_id is not None:
            self.runs_combo.setCurrentIndex(max(self.runs_combo.findData(self.run_id), 0))

    # ----------------------------------------------------------------- run
    def run(self) -> None:
        from ui.error_dialog import user_message

        name = self.plan_combo.currentData()
        if not name:
            return
        try:
            # settings + the plan's [analysis] (loaded when the plan was chosen), then the boxes
            base = self._plan_options.get(name) or self.service.default_options()
            opts = self.judgement.options(self.options.options(base))
        except Exception as exc:
            self.status.setText(user_message(exc)[0])
            return
        self.run_button.setEnabled(False)
        self.status.setText("")
        task = self.tasks.run(
            self._analyze,
            name,
            opts,
            on_done=self._ran,
            on_error=self._failed,
            label="analysis",
        )
        self.progress.track(task, self.tr("Computing estimates…"))

    def _analyze(self, name, opts, progress, cancel):
        if self.service.load_plan(name).rounds:  # every round, then the change since baseline
            runs, _ = self.service.analyze_rounds(name, options=opts, progress=progress,
                                                  cancel=cancel)  # fmt: skip
            run = runs[-1]
        else:
            run, _results = self.service.analyze(name, options=opts, progress=progress,
                                                 cancel=cancel)  # fmt: skip
        return run.id, self._fetch(run.id), self.service.runs()

    def _fetch(self, run_id: int):
        results = self.service.load_results(run_id)
        views = self.service.indicator_views(run_id, self.lang)
        snap = results.snapshot
        assert snap is not None  # every stored run has one (old runs get theirs rebuilt)
        names = {c.id: snap.criterion_short(c.id, self.lang) for c in snap.texts.criteria}

        # the plan's group labels in the interface language (the run's own columns are English)
        def pick(labels, default: str) -> str:
            return labels.get(self.lang) or labels.get("en") or default

        groups = {g.code: pick(g.labels, g.code) for g in snap.texts.groups}
        # breakdowns and their levels too: (id, "") → the breakdown, (id, value) → the level
        breakdowns = {}
        for d in snap.texts.disaggregations:
            breakdowns[(d.id, "")] = pick(d.labels, d.id)
            for level in d.levels:
                breakdowns[(d.id, level.value)] = pick(level.labels, level.value)
        notes = self.service.flag_notes(results, self.lang)  # the report's "*", "(*)", "†", "–"
        sol_notes = self.service.flag_notes(results, self.lang, solutions=True)
        # the solutions table's cells as the report prints them ("Not applicable", "< 0.5%")
        sol_cells = self.service.solutions_cells(results, self.lang)
        return results, views, names, groups, breakdowns, (notes, sol_notes), sol_cells

    def _ran(self, value) -> None:
        run_id, fetched, runs = value
        self.run_button.setEnabled(True)
        self.run_id = run_id
        self._fill_runs(runs)
        self._show(fetched)
        self.status.setText(self.tr("Analysis finished and stored in the vault."))

    def _failed(self, exc: BaseException) -> None:
        from ui.error_dialog import user_message

        self.run_button.setEnabled(True)
        msg, step = user_message(exc)
        self.status.setText(f"{msg} {step}".strip())

    def show_run(self, run_id: int | None) -> None:
        if run_id is None:
            return
        self.run_id = run_id
        self.runs_combo.setCurrentIndex(max(self.runs_combo.findData(run_id), 0))
        self.tasks.run(self._fetch, run_id, progress=False, on_done=self._show, label="results")

    # -------------------------------------------------------------- export
    def export_results(self, *, dialog=None) -> None:
        """Ask where and which copy (publishable by default), then export in the background.
        ``dialog``: an already filled dialog (tests), else one is shown."""
        from ui.dialogs.export_results import ExportResultsDialog
        from workbench.paths import default_vault_dir

        if self.run_id is None:
            return
        if dialog is None:
            dialog = ExportResultsDialog(
                default_vault_dir() / f"results-run{self.run_id}.xlsx", self
            )
            if dialog.exec() != ExportResultsDialog.DialogCode.Accepted:
                return
        internal = dialog.is_internal()
        self.status.setText(self.tr("Exporting…"))
        self.tasks.run(
            self.service.export_results,
            self.run_id,
            dialog.path(),
            internal=internal,
            progress=False,
            on_done=lambda out: self._exported(out, internal),
            on_error=self._failed,
            label="export results",
        )

    def _exported(self, out, internal: bool) -> None:
        text = (
            self.tr("INTERNAL copy (not for publication) written to %1.")
            if internal
            else self.tr("Publishable copy written to %1 (suppressed values removed).")
        )
        self.status.setText(text.replace("%1", str(out)))

    # ------------------------------------------------------------- display
    def _show(self, fetched) -> None:
        self.results, self.views, self.criterion_names, plan_labels, self.breakdowns = fetched[:5]
        self.flag_legend.set_notes(fetched[5][0])
        self.solutions_legend.set_notes(fetched[5][1])
        self.export_button.setEnabled(True)
        est = self.results.estimates
        labels = {}
        if "group_label" in est:
            labels = dict(
                zip(est["group"].astype(str), est["group_label"].astype(str), strict=False)
            )
        labels.update({code: text for code, text in plan_labels.items() if code in labels})
        if ALL_DISPLACED in labels:  # the engine's pooled group is labelled in English
            labels[ALL_DISPLACED] = self.tr("All displaced")
        self.group_labels = labels
        self.summary_model.set_summary(self.results.criteria_summary, self.criterion_names, labels)
        self.rule_label.setText(self._rule_text())
        self._show_solutions(labels, fetched[6], fetched[5][1])
        self.show_overview()
        self.progress_view.load(self.run_id, self.lang)

    def _rule_text(self) -> str:
        """The rule the run rated criteria with (recorded by the engine), in the UI language."""
        from workbench.stats.rating_rules import RATING_RULES

        cs = self.results.criteria_summary
        if cs is None or cs.empty or "rule" not in cs:
            return ""
        rule = str(cs["rule"].iloc[0])
        text = self.tr("Rating rule: %1").replace("%1", RATING_RULES.label(rule, self.lang))
        red = (self.results.meta.get("options") or {}).get("red_share")
        if rule == "share_worse" and red is not None:
            text += " " + self.tr("(red from %1% of the assessed indicators)").replace(
                "%1", f"{100 * float(red):g}"
            )
        return text

    def _breakdown(self, r: dict[str, Any]) -> str:
        """ "Sexe : Femme": the run's breakdown and level in the interface language."""
        dis, value = str(r.get("disaggregation")), str(r.get("disaggregation_value"))
        names = self.breakdowns
        # "%1 : %2" in French (fr: "Sexe: Féminin" lacked the space before the colon)
        text = self.tr("%1: %2").replace("%1", names.get((dis, ""), dis))
        return text.replace("%2", names.get((dis, value), value))

    def _show_solutions(
        self, labels: dict[str, str], cells: list[Any], notes: dict[str, str]
    ) -> None:
        """The publishable solutions rows; their share, interval and number are the report's
        (``cells``: the façade's ``solutions_cells``, in the rows' order) — the app printed "–"
        for the host under homogeneous cells where the report prints "Not applicable" with its
        reason (issue 20); a cell whose mark or word has a note explains it in its tooltip."""
        # the publishable copy: a withheld row's share and number were shown in clear here
        # while the report printed "*" (issue 20, app 1)
        sol = self.results.publishable().solutions
        if sol is None or sol.empty:
            self.solutions_model.set_table([self.tr("No solutions measure in this run.")], [])
            return
        header = [
            self.tr("Method"),
            self.tr("Group"),
            self.tr("Breakdown"),
            self.tr("Share"),
            self.tr("95% CI"),
            self.tr("Number"),
            self.tr("n"),
            self.tr("Flag"),
        ]
        flags = {"suppressed": self.tr("Not published"), "caution": self.tr("Caution"),
                 "empty": self.tr("Nothing to estimate"),  # "–": nothing hidden
                 # a complement: withheld, with enough cases, to protect another value (the
                 # report's "(*)"); "Not published" alone read as too few cases
                 COMPLEMENTARY: self.tr("(*) Not published: protects another value")}  # fmt: skip
        rows, tips = [], {}
        for i, (r, cell) in enumerate(zip(sol.to_dict("records"), cells, strict=True)):
            breakdown = "" if r.get("disaggregation") == "total" else self._breakdown(r)
            # "Not applicable" is its own flag: the report's word, not "Nothing to estimate"
            flag = cell.share if cell.kind == "not_applicable" else flags.get(cell.flag, "")
            rows.append(
                [
                    self.options.method_name(str(r["method"])),
                    labels.get(str(r["group"]), str(r["group"])),
                    breakdown,
                    cell.share,
                    cell.ci,
                    cell.number,
                    self._solutions_n(r),
                    flag,
                ]
            )
            for col in (3, 5, 7):  # the legend's line for what the cell shows, at the cell
                if note := _note_of(rows[-1][col], notes):
                    tips[(i, col)] = note
        self.solutions_model.set_table(header, rows, tips=tips)

    @staticmethod
    def _solutions_n(r: dict[str, Any]) -> str:
        """The row's households assessed; a share published as a bound keeps it (the
        publishable copy's ``n_assessable``, as the report's "n assessable": the app left it
        blank beside "< 0.5%" where the report printed 552)."""
        for key in ("n", "n_assessable"):
            n = r.get(key)
            if n is not None and n == n:
                return locale_fmt.integer(n)
        return ""

    def show_overview(self) -> None:
        self.stack.setCurrentIndex(0)

    def _criterion_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_criterion(self.summary_model.criterion_at(index.row()))

    def open_criterion(self, cid: str) -> None:
        self.criterion = cid
        self.crit_title.setText(f"<b>{cid}. {self.criterion_names.get(cid, '')}</b>")
        self.indicators.clear()
        for ind_id, view in self.views.items():
            if str(view.info.criterion) == str(cid):
                item = QListWidgetItem(view.info.title.shown())
                item.setData(Qt.ItemDataRole.UserRole, ind_id)
                item.setToolTip(view.info.definition.shown())
                self.indicators.addItem(item)
        self.stack.setCurrentIndex(1)
        if self.indicators.count():
            self.indicators.setCurrentRow(0)
        else:
            self.ind_title.setText(self.tr("No indicator of this criterion is in the results."))
            self.chart.clear()
            self.table_model.clear()

    def _indicator_chosen(self, item, _previous=None) -> None:
        view = self.views.get(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        if view is None:
            return
        self.current_view = view
        self.ind_title.setText(f"<b>{item.text()}</b><br>{item.toolTip()}")
        self.disagg.blockSignals(True)
        self.disagg.clear()
        self.disagg.addItem(self.tr("Population group"), None)
        for dis_id, label, _t, _c in view.disaggregations:
            self.disagg.addItem(label, dis_id)
        self.disagg.blockSignals(False)
        self._show_table()

    def _show_table(self) -> None:
        from workbench.reporting.charts import indicator_chart

        view = getattr(self, "current_view", None)
        if view is None:
            return
        dis_id = self.disagg.currentData()
        table = view.table
        if dis_id is not None:
            table = next(p for p in view.disaggregations if p[0] == dis_id)[2]
        # every row, those the report leaves out because they print no figure too: the app is
        # where the analyst sees the whole table, each cell with its mark, as the annex does
        # (the report names them in a note; here they had silently gone)
        self.table_model.set_table(table.header, table.every_row(), table.comparator_row)
        # drawing takes a few hundred ms: on the worker, like all long work
        self.tasks.run(
            partial(indicator_chart, lang=self.lang),  # axis numbers and marks' key in it
            *self.chart_request(),  # type: ignore[misc]  # set: current_view is not None
            progress=False,
            label="chart",
            on_done=partial(self._chart_ready, view=view, dis_id=dis_id),
        )

    def chart_request(self) -> tuple[Any, ...] | None:
        """The chart builder's arguments for the chart shown (None when none is)."""
        view = getattr(self, "current_view", None)
        if view is None:
            return None
        dis_id = self.disagg.currentData()
        parts = []
        if dis_id is not None:
            part = next(p for p in view.disaggregations if p[0] == dis_id)
            parts = [(part[1], part[3])]
        return (view.chart, parts, CHART_WIDTH_IN, self.tr("Overall"), self.lang == "ar")

    def _chart_ready(self, image: bytes | None, view: Any, dis_id: Any) -> None:
        if view is not getattr(self, "current_view", None) or dis_id != self.disagg.currentData():
            return  # the user moved on meanwhile
        pix = QPixmap()
        if image and pix.loadFromData(image):  # PNG or JPEG, whatever the report embeds
            self.chart.set_image(pix)
        else:
            self.chart.clear()
            self.chart.setFixedHeight(40)
            self.chart.setText(self.tr("Too many categories for a chart; see the table."))

    # --------------------------------------------------------------- clear
    def clear(self) -> None:
        self.results, self.views, self.run_id = None, {}, None
        self.current_view = None
        self.summary_model.clear()
        self.solutions_model.clear()
        self.table_model.clear()
        self.indicators.clear()
        self.chart.clear()
        self.ind_title.clear()
        self.runs_combo.clear()
        self.plan_combo.clear()
        self.status.clear()
        self.export_button.setEnabled(False)
        self.progress_view.show_single()
        self.show_overview()
