"""How a run judges gaps: multiple comparisons, minimum important differences and equivalence,
the criterion rating rule, and the interval methods. Boxes are built from the engine's
registries and start at the run's defaults (settings, then the plan's ``[analysis]`` table,
``Workbench.default_options(plan)``); ``options(base)`` returns ``base`` with what they set."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QWidget,
)

from ui import i18n
from workbench.registry import Registry
from workbench.stats.ci_methods import PROPORTION_CI_METHODS, TOTAL_CI_METHODS
from workbench.stats.multiplicity import P_ADJUST_METHODS
from workbench.stats.options import AnalysisOptions
from workbench.stats.rating_rules import RATING_RULES


def _combo(name: str, registry: Registry) -> QComboBox:  # type: ignore[type-arg]
    lang = i18n.current_language()
    box = QComboBox()
    box.setObjectName(name)
    for code in registry.codes:
        box.addItem(registry.label(code, lang), code)
        if registry.has_help:
            box.setItemData(box.count() - 1, registry.help(code, lang), Qt.ItemDataRole.ToolTipRole)
    return box


def _select(box: QComboBox, value: str) -> None:
    box.setCurrentIndex(max(box.findData(value), 0))


class JudgementOptions(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Judging gaps"))
        self.p_adjust = _combo("pAdjust", P_ADJUST_METHODS)
        self.scope = QComboBox()
        self.scope.setObjectName("pAdjustScope")
        self.scope.addItem(self.tr("within each criterion"), "criterion")
        self.scope.addItem(self.tr("across the whole plan"), "plan")
        self.use_adjusted = QCheckBox(self.tr("Assess with the adjusted p-values"))
        self.use_adjusted.setObjectName("useAdjustedP")
        self.use_adjusted.setToolTip(
            self.tr("Otherwise the adjusted p-values are shown beside the raw ones.")
        )
        self.substantive = QCheckBox(self.tr("Worse only when the gap matters"))
        self.substantive.setObjectName("substantive")
        self.substantive.setToolTip(
            self.tr(
                "Worse or better only when the difference is significant and at least the "
                "indicator's minimum important difference (5 points for shares by default)."
            )
        )
        self.equivalence = QCheckBox(self.tr("Show “no gap” when equivalence is proven"))
        self.equivalence.setObjectName("equivalence")
        self.equivalence.setToolTip(
            self.tr("Two one-sided tests (TOST) against the minimum important difference.")
        )
        self.rule = _combo("ratingRule", RATING_RULES)
        self.red_share = QDoubleSpinBox()
        self.red_share.setObjectName("redShare")
        self.red_share.setRange(0.05, 1.0)
        self.red_share.setSingleStep(0.05)
        self.red_share.setDecimals(2)
        self.red_share.setToolTip(
            self.tr("Share of a criterion's assessed indicators worse that makes it red.")
        )
        self.rule.currentIndexChanged.connect(
            lambda _i: self.red_share.setEnabled(self.rule.currentData() == "share_worse")
        )
        self.proportion_ci = _combo("proportionCi", PROPORTION_CI_METHODS)
        self.total_ci = _combo("totalCi", TOTAL_CI_METHODS)
        form = QFormLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.p_adjust)
        row.addWidget(self.scope)
        row.addWidget(self.use_adjusted)
        row.addStretch(1)
        form.addRow(self.tr("Multiple comparisons:"), row)
        row = QHBoxLayout()
        row.addWidget(self.substantive)
        row.addWidget(self.equivalence)
        row.addStretch(1)
        form.addRow(self.tr("Substantive gaps:"), row)
        row = QHBoxLayout()
        row.addWidget(self.rule)
        row.addWidget(self.red_share)
        row.addStretch(1)
        form.addRow(self.tr("Criterion rating:"), row)
        row = QHBoxLayout()
        row.addWidget(self.proportion_ci)
        row.addWidget(self.total_ci)
        row.addStretch(1)
        form.addRow(self.tr("Intervals (shares, counts):"), row)
        self.show_options(AnalysisOptions())

    def show_options(self, opts: AnalysisOptions) -> None:
        """Set every box from ``opts`` (the run's defaults: settings + the plan's table)."""
        _select(self.p_adjust, opts.p_adjust)
        _select(self.scope, opts.p_adjust_scope)
        self.use_adjusted.setChecked(opts.use_adjusted_p)
        self.substantive.setChecked(opts.substantive)
        self.equivalence.setChecked(opts.equivalence)
        _select(self.rule, opts.rating_rule)
        self.red_share.setValue(opts.red_share)
        self.red_share.setEnabled(opts.rating_rule == "share_worse")
        _select(self.proportion_ci, opts.proportion_ci)
        _select(self.total_ci, opts.total_ci)

    def options(self, base: AnalysisOptions) -> AnalysisOptions:
        return dataclasses.replace(
            base,
            p_adjust=self.p_adjust.currentData(),
            p_adjust_scope=self.scope.currentData(),
            use_adjusted_p=self.use_adjusted.isChecked(),
            substantive=self.substantive.isChecked(),
            equivalence=self.equivalence.isChecked(),
            rating_rule=self.rule.currentData(),
            red_share=round(self.red_share.value(), 4),
            proportion_ci=self.proportion_ci.currentData(),
            total_ci=self.total_ci.currentData(),
        )
