"""The façade's microdata-sharing operations (issue 18; docs/sharing.md), mixed into
``Workbench``: suggest quasi-identifiers, measure risk without writing, export an anonymised
extract with its risk reports and sharing record, list what was shared with whom."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.errors import WorkbenchError
from workbench.progress import NULL_PROGRESS, CancelToken, Progress, check_cancel

if TYPE_CHECKING:
    import pandas as pd

    from workbench.dataset_model import Dataset  # pandas: not at start (issue 21, speed)
    from workbench.library.model import Library
    from workbench.plan.model import Plan
    from workbench.share.export import Shared
    from workbench.share.spec import Recipient, ShareSpec
    from workbench.share.utility import IndicatorChanges, UtilityLabels
    from workbench.stats.options import AnalysisOptions
    from workbench.stats.sdc_risk import RiskSummary
    from workbench.vault.sharing_store import SharingRecord
    from workbench.vault.vault import PlanRecord, Vault


@dataclass
class RiskPreview:
    """``share_risk``'s answer: the risk before and after the methods (in memory, nothing
    written) and what each variable lost."""

    before: RiskSummary
    after: RiskSummary
    counts: dict[str, dict[str, int]]
    methods: list[dict[str, Any]]
    identifiers: list[str]
    records: int
    #: the plan's indicators on the extract against the original (``indicators=True``)
    utility: pd.DataFrame | None = None
    #: why the indicator table is missing (no plan reads the dataset, the plan failed …)
    utility_problem: WorkbenchError | None = None
    plan: str | None = None
    #: the words of the indicator table in any language
    utility_labels: UtilityLabels | None = None

    def utility_rows(self, lang: str = "en") -> list[dict[str, Any]] | None:
        """The indicator table as JSON-ready rows, labelled in ``lang`` (None when not
        computed)."""
        from workbench.export_writer import plain_value

        if self.utility is None:
            return None
        table = self.utility
        if self.utility_labels is not None:
            table = self.utility_labels.labelled(table, lang)
        return [{k: plain_value(v) for k, v in row.items()}
                for row in table.to_dict(orient="records")]  # fmt: skip


class SharingOps:
    """Mixed into ``Workbench`` (which provides ``vault``, ``load_dataset``, ``library``…)."""

    if TYPE_CHECKING:

        @property
        def vault(self) -> Vault: ...
        def load_dataset(self, name: str, columns: Any = None) -> Dataset: ...
        def library(self) -> Library: ...
        def plans(self) -> list[PlanRecord]: ...
        def default_options(self) -> AnalysisOptions: ...

    def _share_inputs(self, dataset: str) -> tuple[Dataset, Dataset | None]:
        data = self.load_dataset(dataset)
        parent = self.load_dataset(data.parent) if data.parent else None
        return data, parent

    def _plans_reading(self, dataset: str) -> list[tuple[str, Plan]]:
        from workbench.plan.model import Plan

        out = []
        for rec in self.plans():
            if rec.is_draft:
                continue
            plan = Plan.from_toml(rec.toml_text)
            if dataset in plan.dataset_names():
                out.append((rec.name, plan))
        return out

    def share_variables(self, dataset: str) -> list[dict[str, Any]]:
        """The variables an extract of ``dataset`` can hold (its own, then its household's),
        each with its label and whether it is a direct identifier (always removed)."""
        data, parent = self._share_inputs(dataset)
        out = []
        for src in [data] + ([parent] if parent is not None else []):
            for name, var in src.variables.items():
                if src is parent and name in data.variables:
                    continue
                out.append({"name": name, "label": var.label, "identifier": var.identifier,
                            "from": src.name, "measure": var.measure})  # fmt: skip
        return out

    def suggest_share_keys(self, dataset: str) -> list[str]:
        """Suggested quasi-identifiers of ``dataset`` (docs/sharing.md)."""
        from workbench.share.suggest import suggest_keys

        data, parent = self._share_inputs(dataset)
        return suggest_keys(data, parent, [p for _n, p in self._plans_reading(dataset)])

    def share_risk(
        self,
        spec: ShareSpec,
        progress: Progress = NULL_PROGRESS,
        cancel: CancelToken | None = None,
        indicators: bool = False,
    ) -> RiskPreview:
        """The risk of ``spec``'s extract before and after its methods (and, with
        ``indicators``, what it changes in the plan's indicators); nothing is written and
        nothing audited (no data leaves the vault)."""
        from workbench.share.anonymise import build, describe
        from workbench.share.export import risk_of

        progress.update(0, 3)
        data, parent = self._share_inputs(spec.dataset)
        extract = build(data, spec, parent, cancel=cancel)
        progress.update(1, 3)
        check_cancel(cancel)
        before = risk_of(extract.original, spec)
        after = risk_of(extract.frame, spec)
        progress.update(2, 3)
        changes, problem, plan = (self._utility(spec, extract) if indicators
                                  else (None, None, None))  # fmt: skip
        progress.update(3, 3)
        return RiskPreview(before, after, extract.counts(), describe(extract)["methods"],
                           extract.identifiers, len(extract.frame),
                           None if changes is None else changes.table, problem, plan,
                           None if changes is None else changes.labels)  # fmt: skip

    _share_utility: tuple[Any, IndicatorChanges] | None = None

    def _forget_share_utility(self) -> None:
        """Drop the kept comparison (on lock: no data stays in memory)."""
        self._share_utility = None

    def _utility(
        self, spec: ShareSpec, extract: Any
    ) -> tuple[IndicatorChanges | None, WorkbenchError | None, str | None]:
        """The plan's indicators on the extract against the original, or why not. The last
        comparison is kept: a Measure then an Export of the same extract from the same data
        and plan run the plan twice, not four times."""
        from workbench.share.utility import frame_digest, indicator_changes

        plans = self._plans_reading(spec.dataset)
        if spec.plan is not None:
            plans = [(n, p) for n, p in plans if n == spec.plan]
            if not plans:
                from workbench.errors import ExportError

                raise ExportError.of("share.plan_not_reading", plan=spec.plan,
                                     dataset=spec.dataset)  # fmt: skip
        if not plans:
            from workbench.errors import ExportError

            return None, ExportError.of("share.report.no_plan"), None
        name, plan = plans[-1]
        datasets = {n: self.load_dataset(n) for n in plan.dataset_names()}
        options = self.default_options()
        key = (name, repr(plan), repr(options), spec.dataset, frame_digest(extract.frame),
               tuple((n, frame_digest(d.frame)) for n, d in sorted(datasets.items())))  # fmt: skip
        cached = self._share_utility
        if cached is not None and cached[0] == key:
            return cached[1], None, name
        try:
            changes = indicator_changes(plan, self.library(), datasets, spec.dataset, extract,
                                        options)  # fmt: skip
        except WorkbenchError as exc:
            return None, exc, name
        self._share_utility = (key, changes)
        return changes, None, name

    def share_export(
        self,
        spec: ShareSpec,
        recipient: Recipient,
        out: str | Path,
        progress: Progress = NULL_PROGRESS,
        cancel: CancelToken | None = None,
    ) -> Shared:
        """Write ``spec``'s extract to ``out`` (SAV, DTA, CSV or XLSX by suffix) with a risk
        report per language beside it, and store the sharing record — refused without a
        recipient and a purpose, or when the written file misses k."""
        from workbench.share.anonymise import build
        from workbench.share.export import write
        from workbench.share.spec import file_format

        recipient = recipient.checked()
        file_format(Path(out))
        progress.update(0, 4)
        data, parent = self._share_inputs(spec.dataset)
        extract = build(data, spec, parent, cancel=cancel)
        progress.update(1, 4)
        check_cancel(cancel)
        changes, problem, plan = self._utility(spec, extract)
        progress.update(2, 4)
        check_cancel(cancel)
        vault = self.vault
        shared = write(extract, spec, recipient, Path(out), audit=vault,
                       store=vault.store_sharing, utility=changes, utility_problem=problem,
                       plan=plan)  # fmt: skip
        progress.update(4, 4)
        return shared

    def sharing_records(self, recipient: str | None = None) -> list[SharingRecord]:
        """Every sharing record (or those of one recipient), oldest first."""
        return self.vault.sharing_records(recipient)
