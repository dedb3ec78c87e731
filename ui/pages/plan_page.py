"""Plan: the indicator library tree, mappings, design and groups, undo/redo, versions, checks."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import confidence_text, current_language, finding_text, italics
from ui.models.library_tree import IndicatorRole, LibraryTreeModel
from ui.pages import plan_start
from ui.pages.base import Page
from ui.pages.plan_design import DesignEditor
from ui.pages.plan_judging import JudgingEditor
from ui.pages.plan_mapping import MappingEditor
from ui.pages.plan_universe import UniverseEditor
from ui.plan_undo import PlanEdit
from ui.widgets import heading
from workbench.findings_i18n import LRI, PDI
from workbench.statistics import STATISTICS

if TYPE_CHECKING:
    from workbench.plan.model import UnitRole

SEVERITY_MARK = {"error": "✗", "warning": "⚠", "info": "ℹ"}


class PlanPage(Page):
    def title(self) -> str:
        return self.tr("Plan")

    def __init__(self, service, tasks, parent: QWidget | None = None) -> None:
        super().__init__(service, tasks, parent)
        self.lang = service.settings.language
        self.library: Any = None
        self.plan: Any = None
        self.variables: dict[str, dict[str, Any]] = {}  # unit -> name -> Variable
        #: auto-suggest's match per input (ranked candidates); None until suggested
        self.matches: dict[str, Any] | None = None
        #: the open plan was suggested and is not saved yet (the plan list marks it)
        self.unsaved = False
        self.findings: list[Any] = []
        self.undo = QUndoStack(self)
        self.undo.cleanChanged.connect(self._update_title)

        self.plan_combo = QComboBox()
        self.plan_combo.setObjectName("planCombo")
        self.plan_combo.setMinimumContentsLength(24)
        self.plan_combo.activated.connect(self._plan_chosen)
        new = QPushButton(self.tr("New from datasets"))
        new.setObjectName("newPlan")
        new.setToolTip(self.tr("Suggest a plan from the datasets in the vault."))
        new.clicked.connect(self.new_plan)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoButton")
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.setObjectName("redoButton")
        self.undo_button.clicked.connect(self.undo.undo)
        self.redo_button.clicked.connect(self.undo.redo)
        self.undo.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo.undoTextChanged.connect(lambda t: self.undo_button.setToolTip(t))
        self.undo.redoTextChanged.connect(lambda t: self.redo_button.setToolTip(t))
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        undo_action = self.undo.createUndoAction(self)
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        redo_action = self.undo.createRedoAction(self)
        redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([undo_action, redo_action])
        self.save_button = QPushButton(self.tr("Save version"))
        self.save_button.setObjectName("savePlan")
        self.save_button.clicked.connect(self.save_version)
        imp = QPushButton(self.tr("Import…"))
        imp.setToolTip(
            self.tr("Read a plan or template file (.toml) and fit it to these datasets.")
        )
        imp.clicked.connect(self.import_template)
        exp = QPushButton(self.tr("Export template…"))
        exp.clicked.connect(self.export_template)
        self.custom_button = QPushButton(self.tr("New custom indicator…"))
        self.custom_button.setObjectName("newCustomIndicator")
        self.custom_button.setToolTip(
            self.tr(
                "An indicator of your own, from the inputs you map (it can stand for an IRIS "
                "sub-criterion in the solutions measure)."
            )
        )
        self.custom_button.clicked.connect(lambda: self.edit_custom(None))
        self.plan_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(heading(self.tr("Analysis plan")))
        bar.addWidget(self.plan_combo)
        bar.addWidget(self.plan_label, 1)
        actions = QHBoxLayout()
        for b in (self.undo_button, self.redo_button, self.save_button, self.custom_button):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (new, imp, exp):
            actions.addWidget(b)

        # library tree
        self.grouping = QComboBox()
        self.grouping.setObjectName("grouping")
        self.grouping.addItem(self.tr("By criterion"), "criterion")
        self.grouping.addItem(self.tr("By IRIS sub-criterion"), "iris")
        self.grouping.currentIndexChanged.connect(self._rebuild_tree)
        self.tree_model = LibraryTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("libraryTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)

        self.tree.selectionModel().currentChanged.connect(self._indicator_chosen)
        left = QWidget()
        llay = QVBoxLayout(left)
        llay.setContentsMargins(0, 0, 0, 0)
        llay.addWidget(self.grouping)
        llay.addWidget(self.tree, 1)

        # indicator tab
        self.definition = QTextBrowser()
        self.definition.setObjectName("definition")
        self.use_button = QPushButton()
        self.use_button.setObjectName("useIndicator")
        self.use_button.clicked.connect(self.toggle_indicator)
        self.inputs = QListWidget()
        self.inputs.setObjectName("indicatorInputs")
        self.inputs.currentItemChanged.connect(self._input_chosen)
        self.mapping = MappingEditor()
        self.mapping.changed.connect(self._mapping_changed)
        self.mapping.suggest_requested.connect(self.suggest_candidates)
        self.mapping.candidate_used.connect(self._candidate_used)
        self.universe_editor = UniverseEditor(self.apply_universe)
        self.universe = self.universe_editor.edit
        self.universe_button = self.universe_editor.button
        ind_tab = QWidget()
        ilay = QVBoxLayout(ind_tab)
        ilay.addWidget(self.definition, 2)
        ilay.addWidget(self.universe_editor)
        self.judging = JudgingEditor(self.apply_judging)
        ilay.addWidget(self.judging)
        self.edit_custom_button = QPushButton(self.tr("Edit custom indicator…"))
        self.edit_custom_button.setObjectName("editCustomIndicator")
        self.edit_custom_button.clicked.connect(lambda: self.edit_custom(self._current_indicator()))
        self.edit_custom_button.hide()
        uses = QHBoxLayout()
        uses.addWidget(self.use_button, 1)
        uses.addWidget(self.edit_custom_button)
        ilay.addLayout(uses)
        ilay.addWidget(QLabel(self.tr("Inputs (click one to map it):")))
        ilay.addWidget(self.inputs, 1)
        self.design = DesignEditor()
        self.design.command.connect(self.push)
        design_scroll = QScrollArea()
        design_scroll.setWidgetResizable(True)
        design_scroll.setWidget(self.design)
        self.tabs = QTabWidget()
        self.tabs.addTab(ind_tab, self.tr("Indicator"))
        self.tabs.addTab(self.mapping, self.tr("Mapping"))
        self.tabs.addTab(design_scroll, self.tr("Design and groups"))

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 500])
        self.checks_label = QLabel()
        self.checks_label.setObjectName("checksLabel")
        self.checks = QListWidget()
        self.checks.setObjectName("checksList")
        self.checks.setMaximumHeight(110)
        self.checks.setWordWrap(True)  # a finding is a sentence: all of it, not clipped
        self.empty_hint = QLabel()  # what to do first, while there is no plan
        self.empty_hint.setObjectName("planEmptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addLayout(actions)
        lay.addWidget(self.empty_hint)
        lay.addWidget(split, 1)
        lay.addWidget(self.checks_label)
        lay.addWidget(self.checks)
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(300)
        self.check_timer.timeout.connect(self.run_checks)
        self._set_plan_enabled(False)

    # ---------------------------------------------------------------- load
    def activate(self) -> None:
        self.lang = self.service.settings.language

        def load():
            return self.service.library(), self.service.plans(), self.service.datasets()

        self.tasks.run(load, progress=False, on_done=self._loaded, label="plans")

    def _loaded(self, value) -> None:
        self.library, plans, datasets = value
        self.has_datasets = bool(datasets)
        plan_start.fill_plan_list(self.plan_combo, plans)
        self._rebuild_tree()
        self.empty_hint.setText(plan_start.empty_hint(self.has_datasets))
        self.empty_hint.setVisible(self.plan is None and not plans)
        if self.plan is None and plans:
            self.open_plan(plans[0].name)
        elif self.plan is not None and self.unsaved:
            plan_start.mark_unsaved(self.plan_combo, self.plan.name)
        elif self.plan is not None:
            self.plan_combo.setCurrentIndex(max(self.plan_combo.findData(self.plan.name), 0))

    def _plan_chosen(self, index: int) -> None:
        if self.plan_combo.itemData(index, plan_start.UNSAVED_ROLE):
            return  # the suggested plan, open already
        name = self.plan_combo.itemData(index)
        if name and (self.plan is None or name != self.plan.name):
            self.open_plan(name)

    def open_plan(self, name: str, version: int | None = None) -> None:
        def load():
            plan = self.service.load_plan(name, version)
            return plan, self._load_variables(plan)

        self.tasks.run(load, progress=False, on_done=self._show_new_plan, label="load plan")

    def _load_variables(self, plan) -> dict[str, dict[str, Any]]:
        out = {}
        for unit in ("household", "individual"):
            ds = plan.dataset_for(unit)
            if ds:
                out[unit] = {v.name: v for v in self.service.variables(ds)}
        return out

    def _show_new_plan(self, value) -> None:
        plan_start.drop_unsaved(self.plan_combo)  # another plan opened (or this one again)
        self.unsaved = False
        self.plan, self.variables = value[:2]
        self.matches = value[2] if len(value) > 2 else None
        self.undo.clear()
        self.undo.setClean()
        self.empty_hint.hide()
        self._set_plan_enabled(True)
        self._refresh()
        i = self.plan_combo.findData(self.plan.name)
        if i >= 0:
            self.plan_combo.setCurrentIndex(i)

    def new_plan(self) -> None:
        """Ask which datasets the plan reads, then suggest it from them."""
        self.tasks.run(self.service.datasets, progress=False, on_done=self._choose_datasets,
                       label="datasets")  # fmt: skip

    def _choose_datasets(self, infos) -> None:
        if not infos:
            self.empty_hint.setText(plan_start.empty_hint(False))
            self.empty_hint.show()
            return
        dlg = plan_start.ChooseDatasetsDialog(infos, self)
        dlg.accepted.connect(lambda: self.suggest_from(dlg.names()))
        dlg.open()
        self.choose_dialog = dlg

    def suggest_from(self, names: list[str]) -> None:
        def suggest():
            result = self.service.suggest(names, name="plan")
            plan = result.plan
            return plan, self._load_variables(plan), {m.input: m for m in result.matches}

        self.tasks.run(suggest, progress=False, on_done=self._show_suggested, label="suggest")

    def _show_suggested(self, value) -> None:
        self._show_new_plan(value)
        self.unsaved = True  # not in the vault until saved (plan_start.mark_unsaved)
        plan_start.mark_unsaved(self.plan_combo, self.plan.name)

    def suggest_candidates(self) -> None:
        """Rank candidate columns for every input of the open plan (its datasets)."""
        if self.plan is None:
            return
        plan = self.plan

        def suggest():
            result = self.service.suggest(plan.dataset_names(), name=plan.name)
            return {m.input: m for m in result.matches}

        self.tasks.run(suggest, progress=False, on_done=self._suggested, label="suggest")

    def _suggested(self, matches: dict[str, Any]) -> None:
        self.matches = matches
        self._input_chosen(self.inputs.currentItem())

    # ---------------------------------------------------------------- edits
    def push(self, cmd: Any) -> None:
        """Apply a core command through the undo stack (errors become a dialog, nothing changes)."""
        from ui.error_dialog import show_error
        from workbench.errors import WorkbenchError

        if self.plan is None:
            return
        try:
            cmd.apply(self.plan)  # validate first: a failing command never enters the stack
        except WorkbenchError as exc:
            show_error(self, exc)
            return
        self.undo.push(PlanEdit(cmd, lambda: self.plan, self._set_plan))

    def _set_plan(self, plan) -> None:
        self.plan = plan
        self._refresh()

    def _refresh(self) -> None:
        editing = self.mapping.name
        self._update_title()
        self._rebuild_tree()
        cols = sorted(self.variables.get("household", {}))
        self.design.show_plan(self.plan, cols, self.lang, self.variables)
        self._indicator_chosen(self.tree.currentIndex(), None)
        if editing:  # keep the input being mapped open, showing its new mapping
            self._select_input(editing)
        self.check_timer.start()

    def _update_title(self, *_: object) -> None:
        if self.plan is None:
            self.plan_label.clear()
            return
        dirty = "" if self.undo.isClean() else " " + self.tr("(unsaved changes)")
        self.plan_label.setText(self.tr("%n indicator(s)", "", len(self.plan.indicators)) + dirty)

    def toggle_indicator(self) -> None:
        from workbench.plan.commands import AddIndicator, RemoveIndicator

        ind_id = self._current_indicator()
        if ind_id is None or self.plan is None:
            return
        if self.plan.indicator(ind_id) is None:
            self.push(AddIndicator(ind_id))
        else:
            self.push(RemoveIndicator(ind_id))

    def apply_universe(self) -> None:
        """Override (or restore, when empty) the universe of the selected indicator."""
        import dataclasses

        from workbench.plan.commands import SetIndicator

        ind_id = self._current_indicator()
        use = self.plan.indicator(ind_id) if self.plan is not None and ind_id else None
        if use is None or not self.universe_editor.validate():
            return
        text = self.universe.text().strip() or None
        if text != use.universe:
            self.push(SetIndicator(dataclasses.replace(use, universe=text)))

    def apply_judging(self) -> None:
        """Set (or give back to the library) the selected indicator's margin and comparison."""
        import dataclasses

        from workbench.plan.commands import SetIndicator

        ind_id = self._current_indicator()
        use = self.plan.indicator(ind_id) if self.plan is not None and ind_id else None
        if use is None:
            return
        margin, comparable = self.judging.choice()
        if (margin, comparable) != (use.min_important_difference, use.comparable):
            new = dataclasses.replace(use, min_important_difference=margin, comparable=comparable)
            self.push(SetIndicator(new))

    def _mapping_changed(self, name: str, mapping: Any) -> None:
        from workbench.plan.commands import SetMapping

        self.push(SetMapping(name, mapping))

    def _candidate_used(self, name: str, mapping: Any) -> None:
        """Map the input to the accepted candidate and add the indicators that it completes,
        as one undoable step."""
        from workbench.plan.commands import AddIndicator, SetMapping

        if self.plan is None or self.library is None:
            return
        self.undo.beginMacro(self.tr("Use suggested column for %1").replace("%1", name))
        self.push(SetMapping(name, mapping))
        mapped = {m.name for m in self.plan.inputs if m.is_mapped}
        for ind in self.library.indicators:
            if name in ind.inputs and ind.inputs <= mapped and self.plan.indicator(ind.id) is None:
                self.push(AddIndicator(ind.id))
        self.undo.endMacro()

    # ------------------------------------------------------------- display
    def _rebuild_tree(self) -> None:
        current = self._current_indicator()
        in_plan = {u.id for u in self.plan.indicators} if self.plan else set()
        self.tree_model.build(
            self.library,
            self.lang,
            self.grouping.currentData(),
            in_plan,
            self._status(),
            tuple(self._customs()),
        )
        self.tree.expandAll()
        head = self.tree.header()  # the model's clear() resets the sections: size them again
        head.setStretchLastSection(False)
        if head.count() >= 2:
            head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        if current:
            self.select_indicator(current)

    def _customs(self) -> list[Any]:
        """The plan's custom indicators that resolve (one that does not is named by the plan
        checks, with its error)."""
        from workbench.errors import WorkbenchError

        out = []
        for use in self.plan.indicators if self.plan is not None and self.library else ():
            if use.custom:
                try:
                    out.append(self.service.plan_indicator(use, self.plan))
                except WorkbenchError:
                    continue
        return out

    def _indicator(self, ind_id: str) -> Any:
        """The library's indicator, or the plan's custom one (None when it does not resolve)."""
        from workbench.errors import WorkbenchError

        if self.library.has_indicator(ind_id):
            return self.library.indicator(ind_id)
        use = self.plan.indicator(ind_id) if self.plan is not None else None
        if use is None:
            return None
        try:
            return self.service.plan_indicator(use, self.plan)
        except WorkbenchError:
            return None

    def edit_custom(self, ind_id: str | None) -> None:
        """Create (``None``) or edit the plan's custom indicator ``ind_id`` in a dialog; OK
        applies it (and the plan's handling of skipped questions) as one undoable step."""
        from ui.dialogs.custom_indicator import CustomIndicatorDialog

        if self.plan is None or self.library is None:
            return
        use = self.plan.indicator(ind_id) if ind_id else None
        if use is not None and not use.custom:
            return
        dlg = CustomIndicatorDialog(self.service, self.library, self.plan, use, self)
        dlg.accepted.connect(lambda: self._custom_done(dlg))
        self.custom_dialog = dlg
        dlg.open()

    def _custom_done(self, dlg: Any) -> None:
        from workbench.plan.commands import AddIndicator, SetAnalysisOption, SetIndicator

        use = dlg.use
        if use is None or self.plan is None:
            return
        editing = self.plan.indicator(use.id) is not None
        self.undo.beginMacro(
            (self.tr("Edit %1") if editing else self.tr("Add %1")).replace(
                "%1", use.title_in(self.lang)
            )
        )
        self.push(SetIndicator(use) if editing else AddIndicator(use))
        mbd = dlg.missing_by_design()
        if mbd is not None and mbd != self.plan.analysis.get("missing_by_design"):
            self.push(SetAnalysisOption("missing_by_design", mbd))
        self.undo.endMacro()
        self.select_indicator(use.id)

    def _status(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for f in self.findings:
            ind = f.where.get("indicator")
            if ind and (out.get(ind) != "error"):
                out[ind] = f.severity if f.severity in ("error", "warning") else out.get(ind, "")
        return out

    def select_indicator(self, ind_id: str) -> bool:
        matches = self.tree_model.match(
            self.tree_model.index(0, 0),
            IndicatorRole,
            ind_id,
            1,
            Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly,
        )
        if matches:
            self.tree.setCurrentIndex(matches[0])
            return True
        return False

    def _current_indicator(self) -> str | None:
        idx = self.tree.currentIndex()
        return idx.data(IndicatorRole) if idx.isValid() else None

    def _indicator_chosen(self, index, _previous) -> None:
        ind_id = index.data(IndicatorRole) if index is not None and index.isValid() else None
        self.inputs.clear()
        if ind_id is None or self.library is None:
            self.definition.clear()
            self.use_button.setEnabled(False)
            self.use_button.setText(self.tr("Add to plan"))
            return
        ind = self._indicator(ind_id)
        if ind is None:
            self.definition.clear()
            self.use_button.setEnabled(False)
            return
        self.edit_custom_button.setVisible(ind.custom)
        title, fb_t = ind.title.get(self.lang)
        definition, fb_d = ind.definition.get(self.lang)
        note = ""
        if (fb_t or fb_d) and not ind.custom:
            note = self.tr("Not yet translated: shown in English.")
            note = f"<p><i>{note}</i></p>" if italics() else f"<p>{note}</p>"
        # an expression reads left to right, also in right-to-left text: isolate it (LRI … PDI);
        # escaped, or "age < 18" would open a tag
        universe = f"{LRI}{escape(ind.universe)}{PDI}" if ind.universe else ""
        universe = universe or self.tr("everyone in the unit")
        units = {"household": self.tr("household"), "individual": self.tr("individual")}
        statistic = STATISTICS.label(ind.statistic, current_language())
        unit_l, stat_l, univ_l = self.tr("Unit:"), self.tr("Statistic:"), self.tr("Universe:")
        html = (
            f"<h3>{title}</h3>{note}<p>{definition}</p>"
            f"<p><b>{unit_l}</b> {units.get(ind.unit, ind.unit)} · <b>{stat_l}</b> {statistic} · "
            f"<b>{univ_l}</b> {universe}</p>"
        )
        mine = [f for f in self.findings if f.where.get("indicator") == ind_id]
        if mine:
            html += (
                "<ul>"
                + "".join(
                    f"<li>{SEVERITY_MARK.get(f.severity, '')} {escape(finding_text(f))}</li>"
                    for f in mine
                )
                + "</ul>"
            )
        self.definition.setHtml(html)
        used = self.plan is not None and self.plan.indicator(ind_id) is not None
        use = self.plan.indicator(ind_id) if used else None
        self.universe.setText(use.universe or "" if use is not None else "")
        self.universe.setPlaceholderText(ind.universe or self.tr("everyone in the unit"))
        self.universe_editor.set_known(set(self.library.inputs))
        self.universe_editor.set_active(used)
        self.judging.show_for(
            use, self.library.min_important_difference(ind), ind.comparable, ind.statistic
        )
        self.use_button.setEnabled(self.plan is not None)
        self.use_button.setText(self.tr("Remove from plan") if used else self.tr("Add to plan"))
        for name in sorted(ind.inputs):
            mapping = self.plan.input(name) if self.plan else None
            match = (self.matches or {}).get(name)
            if mapping is not None and mapping.is_mapped:
                text = f"✓ {name} ← {', '.join(mapping.source_columns)}"
            elif match is not None and match.status == "review" and match.column:
                if match.values_only:  # no calibrated confidence: say what it rests on
                    text = f"? {name} — " + self.tr("to review: %1 (from its values only)").replace(
                        "%1", match.column
                    )
                else:
                    pct = confidence_text(match.confidence)
                    text = f"? {name} — " + self.tr("to review: %1 (%2%)").replace(
                        "%1", match.column
                    ).replace("%2", pct)
                if match.held is not None:  # why a rule keeps it for the user's word
                    text += "\n    " + match.held.render(current_language())
            else:
                text = f"○ {name}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, name)
            defn = self.library.inputs.get(name)
            if defn is not None:
                item.setToolTip(defn.description(self.lang))
            self.inputs.addItem(item)

    def _input_chosen(self, item, _previous=None) -> None:
        if item is None or self.plan is None or self.library is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        defn = self.library.inputs.get(name)
        unit: UnitRole = (
            "individual" if defn is not None and defn.unit == "individual" else "household"
        )
        mapping = self.plan.input(name)
        if mapping is not None:
            unit = mapping.unit  # a household column may answer an individual-level input
        ind = (
            self.library.indicator(self._current_indicator()) if self._current_indicator() else None
        )
        suggestion = ""
        if mapping is not None and mapping.note:
            suggestion = self.tr("Suggestion: %1").replace("%1", mapping.note)
        offers = None
        if self.matches is not None:
            match = self.matches.get(name)
            offers = match.candidates if match is not None else ()
            if match is not None and mapping is not None and match.column == mapping.column:
                # the plan keeps its note in English: say the suggestion in the user's words
                note = match.said.render(self.lang)
                suggestion = self.tr("Suggestion: %1").replace("%1", note)
        variables = self.variables.get(unit, {})
        if offers:
            unit = offers[0].unit if mapping is None else unit
            variables = self.variables.get(unit, {})
        self.mapping.edit(
            name,
            defn.description(self.lang) if defn else "",
            unit,
            mapping,
            variables,
            ind.universe if ind else "",
            suggestion,
            offers,
            self.lang,
        )

    def open_mapping(self, input_name: str) -> None:
        if self._select_input(input_name):
            self.tabs.setCurrentWidget(self.mapping)

    def _select_input(self, input_name: str) -> bool:
        for i in range(self.inputs.count()):
            if self.inputs.item(i).data(Qt.ItemDataRole.UserRole) == input_name:
                self.inputs.setCurrentRow(i)
                return True
        return False

    # --------------------------------------------------------------- checks
    def run_checks(self) -> None:
        if self.plan is None:
            return
        plan = self.plan
        self.tasks.run(
            self.service.check_plan,
            plan,
            progress=False,
            label="check plan",
            on_done=lambda f: self._checked(plan, f),
            on_error=self._check_failed,
        )

    def _checked(self, plan, findings) -> None:
        if plan is not self.plan:
            return
        self.findings = list(findings)
        self.checks.clear()
        errors = sum(1 for f in findings if f.severity == "error")
        warns = sum(1 for f in findings if f.severity == "warning")
        self.checks_label.setText(
            self.tr("Checks: %1, %2")
            .replace("%1", self.tr("%n error(s)", "", errors))
            .replace("%2", self.tr("%n warning(s)", "", warns))
        )
        for f in plan_start.by_severity(findings):  # errors first
            where = ", ".join(f"{k}: {v}" for k, v in f.where.items())
            item = QListWidgetItem(f"{SEVERITY_MARK.get(f.severity, '')} {finding_text(f)}")
            item.setToolTip(where)
            self.checks.addItem(item)
        self._rebuild_tree()

    def _check_failed(self, exc: BaseException) -> None:
        from ui.error_dialog import user_message

        self.checks_label.setText(
            self.tr("Checks could not run: %1").replace("%1", user_message(exc)[0])
        )

    # ------------------------------------------------------ save/templates
    def save_version(self) -> None:
        if self.plan is None:
            return
        dlg = QInputDialog(self)
        dlg.setWindowTitle(self.tr("Save version"))
        dlg.setLabelText(self.tr("Note for this version (what changed):"))
        dlg.textValueSelected.connect(self._save)
        dlg.open()

    def _save(self, note: str) -> None:
        plan = self.plan
        self.tasks.run(
            self.service.save_plan,
            plan,
            note,
            progress=False,
            label="save plan",
            on_done=self._saved,
        )

    def _saved(self, rec) -> None:
        self.undo.setClean()
        self.unsaved = False
        if rec.is_draft:  # saved with errors: kept, but the analysis will not run it
            self.plan_label.setText(
                self.tr(
                    "Saved as version %1, a draft: %2 error(s) to fix before the analysis "
                    "can run it (see the checks)."
                )
                .replace("%1", str(rec.version))
                .replace("%2", str(rec.draft_errors))
            )
            self.run_checks()
        else:
            self.plan_label.setText(self.tr("Saved as version %1.").replace("%1", str(rec.version)))
        self.tasks.run(self.service.plans, progress=False, on_done=self._replans)

    def _replans(self, plans) -> None:
        self._loaded((self.library, plans, []))

    def import_template(self) -> None:
        dlg = QFileDialog(self, self.tr("Import a plan or template"), "", "TOML (*.toml)")
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        dlg.fileSelected.connect(self.import_file)
        dlg.open()

    def import_file(self, path: str) -> None:
        def run():
            rec, _findings = self.service.import_plan_file(path)
            plan = self.service.load_plan(rec.name, rec.version)
            return plan, self._load_variables(plan)

        self.tasks.run(run, progress=False, on_done=self._imported, label="import plan")

    def _imported(self, value) -> None:
        self._show_new_plan(value)
        self.tasks.run(self.service.plans, progress=False, on_done=self._replans)

    def export_template(self) -> None:
        if self.plan is None:
            return
        dlg = QFileDialog(
            self, self.tr("Export template"), f"{self.plan.name}.toml", "TOML (*.toml)"
        )
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.fileSelected.connect(
            lambda p: self.tasks.run(
                self.service.export_plan_file, self.plan.name, p, True, progress=False
            )
        )
        dlg.open()

    # ---------------------------------------------------------------- clear
    def _set_plan_enabled(self, on: bool) -> None:
        for w in (self.save_button, self.tabs, self.custom_button):
            w.setEnabled(on)

    def clear(self) -> None:
        self.plan, self.library, self.variables, self.findings = None, None, {}, []
        self.matches, self.unsaved = None, False
        self.undo.clear()
        self.tree_model.build(None)
        self.plan_combo.clear()
        self.definition.clear()
        self.inputs.clear()
        self.mapping.clear()
        self.design.clear()
        self.checks.clear()
        self.checks_label.clear()
        self.plan_label.clear()
        self._set_plan_enabled(False)
