"""The façade's operations on survey rounds (mixed into :class:`~workbench.service.Workbench`).

``analyze_rounds`` evaluates each round's plan (its datasets and mappings), runs the engine's
:func:`~workbench.stats.rounds.analyze_rounds` and stores every round as a run of its own (so
each round's results, report and annex are those of an ordinary run); the last round's run also
holds the tables of change (``changes``, ``gap_changes``, ``rounds_solutions``,
``rounds_stock``) and, in its meta, the rounds and the ids of the earlier rounds' runs.
``load_rounds`` rebuilds the :class:`~workbench.stats.rounds.RoundsResults` of such a run.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.errors import PlanError, StatsError
from workbench.progress import NULL_PROGRESS, CancelToken, Progress

if TYPE_CHECKING:
    from workbench.cleaning_model import LogSummary
    from workbench.dataset_model import Dataset
    from workbench.library.model import Library
    from workbench.plan.model import Plan
    from workbench.reporting.progress_data import ProgressData
    from workbench.settings import Settings
    from workbench.stats.options import AnalysisOptions
    from workbench.stats.results import AnalysisResults
    from workbench.stats.rounds import RoundsResults
    from workbench.vault.records import RunRecord
    from workbench.vault.vault import PlanRecord, Vault

#: the tables of change a rounds run stores beside the last round's own tables
ROUNDS_TABLES = {
    "changes": "changes",
    "gap_changes": "gap_changes",
    "rounds_solutions": "solutions",
    "rounds_stock": "stock",
}
ROUNDS_META = "rounds"


class RoundsOps:
    if TYPE_CHECKING:  # what the mixin uses of Workbench

        @property
        def vault(self) -> Vault: ...

        def library(self) -> Library: ...
        def default_options(
            self, plan_name: str | None = None, plan_version: int | None = None
        ) -> AnalysisOptions: ...
        def cleaning_summary(self, name: str) -> LogSummary: ...
        def load_results(self, run_id: int) -> AnalysisResults: ...
        def _refuse_draft(self, rec: PlanRecord) -> None: ...
        def _plan_datasets(self, plan: Plan) -> dict[str, Dataset]: ...

        settings: Settings

    def analyze_rounds(
        self,
        plan_name: str,
        plan_version: int | None = None,
        options: AnalysisOptions | None = None,
        progress: Progress = NULL_PROGRESS,
        cancel: CancelToken | None = None,
    ) -> tuple[list[RunRecord], RoundsResults]:
        """Analyse every round of a plan with rounds and the changes since the baseline."""
        from workbench.plan.evaluate import evaluate
        from workbench.plan.model import Plan
        from workbench.plan.rounds import indicator_inputs, not_comparable
        from workbench.stats.rounds import RoundInfo, analyze_rounds

        rec = self.vault.load_plan(plan_name, plan_version)
        self._refuse_draft(rec)
        plan = Plan.from_toml(rec.toml_text)
        if not plan.rounds:
            raise PlanError.of("plan.no_rounds", plan=plan.name)
        library = self.library()
        datasets = self._plan_datasets(plan)
        stored = {d.name: d.fingerprint for d in self.vault.list_datasets()}
        frames = []
        for rnd, rplan in zip(plan.rounds.rounds, plan.round_plans(), strict=True):
            frame = evaluate(rplan, library, datasets)
            names = rplan.dataset_names()
            frame.provenance.update(
                {
                    "plan_name": rec.name,
                    "plan_version": str(rec.version),
                    "plan_hash": rec.sha256,
                    "library_version": library.version,
                    "dataset_fingerprints": {n: stored[n] for n in names if n in stored},
                    "cleaning_logs": {n: self.cleaning_summary(n).to_dict() for n in names},
                    "round": rnd.label,
                    "round_date": rnd.date,
                }
            )
            frames.append(frame)
        result = analyze_rounds(
            frames,
            [RoundInfo(r.label, r.date) for r in plan.rounds.rounds],
            options or self.default_options(plan_name, plan_version),
            panel=plan.rounds.panel,
            not_comparable=not_comparable(plan, indicator_inputs(plan, library)),
            progress=progress,
            cancel=cancel,
        )
        runs: list[RunRecord] = []
        for k, res in enumerate(result.results):
            assert res.snapshot is not None
            tables = res.tables()
            meta = dict(res.meta)
            if k == len(result.results) - 1:
                tables |= {name: getattr(result, attr) for name, attr in ROUNDS_TABLES.items()}
                meta[ROUNDS_META] = {**result.meta, "runs": [r.id for r in runs]}
            runs.append(
                self.vault.save_run(
                    tables,
                    meta,
                    res.snapshot.to_dict(),
                    plan_name=rec.name,
                    plan_version=rec.version,
                )
            )
        return runs, result

    def export_rounds(self, run_id: int, path: str | Path, *, internal: bool = False) -> Path:
        """The tables of change and each round's tables as XLSX/CSV (publishable copy unless
        ``internal``), through the export writer."""
        from workbench.stats.rounds_export import write_rounds

        return write_rounds(
            self.load_rounds(run_id), Path(path), audit=self.vault, obj=str(run_id),
            internal=internal,
        )  # fmt: skip

    def rounds_of_run(self, run_id: int) -> int | None:
        """The rounds analysis run ``run_id`` belongs to (the id of its last round's run, which
        holds the changes), or None for a one-round run."""
        for r in self.rounds_runs():
            if r.id == run_id or run_id in r.meta[ROUNDS_META].get("runs", []):
                return r.id
        return None

    def rounds_progress(
        self, run_id: int, language: str | None = None, width_in: float = 7.0
    ) -> ProgressData:
        """The app's progress view of the rounds analysis whose last round is ``run_id``:
        the report's texts, table and slope charts (publishable values only)."""
        from workbench.reporting.context import build_context
        from workbench.reporting.options import ReportOptions
        from workbench.reporting.progress_data import progress_data

        rr = self.load_rounds(run_id)
        opts = ReportOptions(language=language or self.settings.language)
        ctx = build_context(rr.results[-1], opts, self.settings)
        info = self.vault.load_run(run_id).meta[ROUNDS_META]
        ids = [int(i) for i in info.get("runs", [])] + [run_id]
        return progress_data(ctx, rr.publishable(), ids, width_in)

    def is_rounds_run(self, run_id: int) -> bool:
        """Whether run ``run_id`` is the last round of a rounds analysis (holds the changes)."""
        return any(r.id == run_id for r in self.rounds_runs())

    def rounds_runs(self) -> list[RunRecord]:
        """Runs holding the changes between rounds (the last round of each rounds analysis)."""
        return [r for r in self.vault.list_results() if ROUNDS_META in (r.meta or {})]

    def load_rounds(self, run_id: int) -> RoundsResults:
        """The rounds analysis whose last round is run ``run_id``."""
        from workbench.stats.rounds import RoundInfo, RoundsResults

        stored = self.vault.load_run(run_id)
        info: dict[str, Any] | None = stored.meta.get(ROUNDS_META)
        if not info:
            raise StatsError.of("stats.run_not_rounds", run_id=run_id)
        results = [self.load_results(int(i)) for i in info.get("runs", [])]
        results.append(self.load_results(run_id))
        return RoundsResults(
            rounds=[RoundInfo(r["label"], r.get("date", "")) for r in info["rounds"]],
            results=results,
            **{attr: stored.tables[name] for name, attr in ROUNDS_TABLES.items()},
            meta={k: v for k, v in info.items() if k != "runs"},
        )
