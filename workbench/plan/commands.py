"""Plan edits as pure command values, each with an inverse.

``cmd.apply(plan) -> (new_plan, inverse)``: the plan is immutable, so applying never changes the
argument, and ``inverse.apply(new_plan)[0] == plan``. The app's undo/redo (and the CLI) rest on
this; :class:`workbench.plan.undo.UndoStack` keeps the history. Invalid edits raise
:class:`PlanError` naming what is wrong and leave nothing changed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Protocol

from workbench.errors import PlanError
from workbench.plan.codes import Code, canon, norm_code
from workbench.plan.model import (
    ROLES,
    DatasetLinks,
    Design,
    Disaggregation,
    Groups,
    GroupValue,
    IndicatorUse,
    InputMapping,
    Plan,
    ReportInfo,
    Role,
    StockTable,
)


class Command(Protocol):
    @property
    def label(self) -> str: ...

    def apply(self, plan: Plan) -> tuple[Plan, Command]: ...


@dataclass(frozen=True)
class SetMapping:
    """Map an input (``mapping=None`` removes the mapping)."""

    input: str
    mapping: InputMapping | None
    index: int | None = None  # where a new mapping goes (end)

    @property
    def label(self) -> str:
        return f"Map input {self.input}" if self.mapping else f"Unmap input {self.input}"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        old = plan.input(self.input)
        items = list(plan.inputs)
        idx = next((i for i, m in enumerate(items) if m.name == self.input), None)
        new = dataclasses.replace(self.mapping, name=self.input) if self.mapping else None
        if idx is None:
            if new is not None:
                items.insert(_at(self.index, items), new)
        elif new is None:
            del items[idx]
        else:
            items[idx] = new
        return dataclasses.replace(plan, inputs=tuple(items)), SetMapping(self.input, old, idx)


@dataclass(frozen=True)
class SetRole:
    """Give a group code a role (and labels); ``role=None`` removes the code from the plan."""

    code: Code
    role: Role | None
    labels: dict[str, str] | None = None  # None keeps the current labels
    index: int | None = None  # where a new code goes (end)

    @property
    def label(self) -> str:
        return f"Set role of group {self.code} to {self.role or 'none'}"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        if self.role is not None and self.role not in ROLES:
            raise PlanError.of("plan.role_unknown", plan=plan.name, role=self.role, roles=ROLES)
        values = list(plan.groups.values)
        idx = next((i for i, v in enumerate(values) if canon(v.code) == canon(self.code)), None)
        old = values[idx] if idx is not None else None
        if self.role is None:
            if idx is not None:
                del values[idx]
        else:
            labels = self.labels if self.labels is not None else (old.labels if old else {})
            gv = GroupValue(norm_code(self.code), self.role, dict(labels))
            if old is not None:  # what else the plan says of the group (returnees) is kept
                gv = dataclasses.replace(old, code=gv.code, role=gv.role, labels=gv.labels)
            if idx is None:
                values.insert(_at(self.index, values), gv)
            else:
                values[idx] = gv
        inverse = SetRole(self.code, old.role if old else None, old.labels if old else None, idx)
        groups = dataclasses.replace(plan.groups, values=tuple(values))
        return dataclasses.replace(plan, groups=groups), inverse


@dataclass(frozen=True)
class SetGroupColumn:
    column: str | None

    @property
    def label(self) -> str:
        return f"Use {self.column} as population group"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        groups = dataclasses.replace(plan.groups, column=self.column)
        return dataclasses.replace(plan, groups=groups), SetGroupColumn(plan.groups.column)


@dataclass(frozen=True)
class SetGroups:
    groups: Groups

    @property
    def label(self) -> str:
        return "Set population groups"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        return dataclasses.replace(plan, groups=self.groups), SetGroups(plan.groups)


@dataclass(frozen=True)
class AddIndicator:
    """Add an indicator (by library id, or a full :class:`IndicatorUse`) at ``index`` (end)."""

    indicator: str | IndicatorUse
    index: int | None = None

    @property
    def use(self) -> IndicatorUse:
        ind = self.indicator
        return ind if isinstance(ind, IndicatorUse) else IndicatorUse(id=ind)

    @property
    def label(self) -> str:
        return f"Add indicator {self.use.id}"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        use = self.use
        if plan.indicator(use.id) is not None:
            raise PlanError.of("plan.indicator_already_in_plan", plan=plan.name, id=use.id)
        unknown = [d for d in use.disaggregations if plan.disaggregation(d) is None]
        if unknown:
            raise PlanError.of(
                "plan.indicator_unknown_disaggregation",
                plan=plan.name,
                id=use.id,
                unknown=unknown[0],
            )
        items = list(plan.indicators)
        items.insert(len(items) if self.index is None else self.index, use)
        return dataclasses.replace(plan, indicators=tuple(items)), RemoveIndicator(use.id)


@dataclass(frozen=True)
class RemoveIndicator:
    id: str

    @property
    def label(self) -> str:
        return f"Remove indicator {self.id}"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        items = list(plan.indicators)
        idx = next((i for i, u in enumerate(items) if u.id == self.id), None)
        if idx is None:
            raise PlanError.of("plan.indicator_not_in_plan", plan=plan.name, id=self.id)
        old = items.pop(idx)
        return dataclasses.replace(plan, indicators=tuple(items)), AddIndicator(old, idx)


@dataclass(frozen=True)
class SetIndicator:
    """Replace an indicator's settings (disaggregations, contextualisation, note …)."""

    indicator: IndicatorUse

    @property
    def label(self) -> str:
        return f"Edit indicator {self.indicator.id}"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        old = plan.indicator(self.indicator.id)
        if old is None:
            raise PlanError.of("plan.indicator_not_in_plan", plan=plan.name, id=self.indicator.id)
        items = tuple(self.indicator if u.id == old.id else u for u in plan.indicators)
        return dataclasses.replace(plan, indicators=items), SetIndicator(old)


@dataclass(frozen=True)
class SetDesign:
    design: Design

    @property
    def label(self) -> str:
        return "Set survey design"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        return dataclasses.replace(plan, design=self.design), SetDesign(plan.design)


@dataclass(frozen=True)
class SetLinks:
    links: DatasetLinks

    @property
    def label(self) -> str:
        return "Set datasets and link"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        return dataclasses.replace(plan, datasets=self.links), SetLinks(plan.datasets)


@dataclass(frozen=True)
class SetDisaggregation:
    """Add or replace a disaggregation by id (``disaggregation=None`` with ``id`` removes it;
    removing also drops it from the indicators that used it — the inverse restores them)."""

    id: str
    disaggregation: Disaggregation | None
    index: int | None = None  # where a new disaggregation goes (end)

    @property
    def label(self) -> str:
        return f"Set disaggregation {self.id}"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        items = list(plan.disaggregations)
        idx = next((i for i, d in enumerate(items) if d.id == self.id), None)
        old = items[idx] if idx is not None else None
        new_plan = plan
        if self.disaggregation is None:
            if idx is None:
                return plan, self
            del items[idx]
            inds = tuple(
                dataclasses.replace(
                    u, disaggregations=tuple(d for d in u.disaggregations if d != self.id)
                )
                for u in plan.indicators
            )
            tables = tuple(t for t in plan.stock_tables if self.id not in (t.rows, t.cols))
            new_plan = dataclasses.replace(plan, indicators=inds, stock_tables=tables)
            inverse: Command = _Restore(plan)
        else:
            new = dataclasses.replace(self.disaggregation, id=self.id)
            if idx is None:
                items.insert(_at(self.index, items), new)
            else:
                items[idx] = new
            inverse = SetDisaggregation(self.id, old, idx)
        return dataclasses.replace(new_plan, disaggregations=tuple(items)), inverse


@dataclass(frozen=True)
class SetCutPoints:
    """Change the age-group cut points of an ``age_groups`` disaggregation."""

    id: str
    cut_points: tuple[float, ...]

    @property
    def label(self) -> str:
        return f"Set age groups of {self.id}"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        dis = plan.disaggregation(self.id)
        if dis is None or dis.kind != "age_groups":
            raise PlanError.of("plan.not_age_grouping", plan=plan.name, id=self.id)
        cuts = tuple(float(x) for x in self.cut_points)
        if not cuts or list(cuts) != sorted(set(cuts)):
            raise PlanError.of("plan.cut_points_increase", plan=plan.name, id=self.id)
        new = dataclasses.replace(dis, cut_points=cuts)
        items = tuple(new if d.id == self.id else d for d in plan.disaggregations)
        return dataclasses.replace(plan, disaggregations=items), SetCutPoints(
            self.id, dis.cut_points
        )


@dataclass(frozen=True)
class SetStockTables:
    tables: tuple[StockTable, ...]

    @property
    def label(self) -> str:
        return "Set IRIS stock tables"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        return dataclasses.replace(plan, stock_tables=self.tables), SetStockTables(
            plan.stock_tables
        )


@dataclass(frozen=True)
class SetAnalysisOption:
    """Set one key of the plan's ``[analysis]`` table (``value=None`` removes it: the run takes
    the settings' or the engine's default), checked as a plan file's table is."""

    key: str
    value: object = None

    @property
    def label(self) -> str:
        return f"Set analysis option {self.key}"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        from workbench.plan.analysis import check_analysis

        table = {k: v for k, v in plan.analysis.items() if k != self.key}
        if self.value is not None:
            table[self.key] = self.value
            check_analysis(table, plan.name)
        old = plan.analysis.get(self.key)
        return dataclasses.replace(plan, analysis=table), SetAnalysisOption(self.key, old)


@dataclass(frozen=True)
class SetInfo:
    """Rename / describe the plan, or change its report language."""

    name: str
    description: str = ""
    language: str = "en"

    @property
    def label(self) -> str:
        return "Edit plan name and description"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        if not self.name.strip():
            raise PlanError.of("plan.needs_name")
        new = dataclasses.replace(
            plan, name=self.name, description=self.description, language=self.language
        )
        return new, SetInfo(plan.name, plan.description, plan.language)


@dataclass(frozen=True)
class SetReportInfo:
    """The report's facts about the survey (area, reference period, cover subtitle, currency,
    producing office, contact): the plan's ``[report]`` table."""

    report: ReportInfo

    @property
    def label(self) -> str:
        return "Edit the report's survey facts"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        return dataclasses.replace(plan, report=self.report), SetReportInfo(plan.report)


def with_report_texts(
    info: ReportInfo, lang: str, *, texts: dict[str, str | None], names: dict[str, str | None]
) -> ReportInfo:
    """``info`` with some texts set in ``lang`` (area, reference_period, subtitle, office; ""
    removes that language's text) and some plain fields set (currency, contact); None keeps."""
    changes: dict[str, object] = {}
    for key, value in texts.items():
        if value is None:
            continue
        current = dict(getattr(info, key))
        if value.strip():
            current[lang] = value.strip()
        else:
            current.pop(lang, None)
        changes[key] = current
    for key, value in names.items():
        if value is not None:
            changes[key] = value.strip()
    return dataclasses.replace(info, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Restore:
    """Inverse of a structural edit: put back the whole earlier plan."""

    plan: Plan

    @property
    def label(self) -> str:
        return "Restore"

    def apply(self, plan: Plan) -> tuple[Plan, Command]:
        return self.plan, _Restore(plan)


def _at(index: int | None, items: list) -> int:
    return len(items) if index is None else min(index, len(items))
