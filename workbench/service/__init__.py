"""The Workbench façade: the one object both the CLI and the desktop app call.

It owns at most one open vault. Every method is a plain, synchronous call; long ones take a
``progress`` sink and a ``cancel`` token. The app runs them on its single vault executor thread.
Every method that exports or changes data writes to the vault's audit log.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cleaning_model import CleanedView
from workbench.errors import VaultLocked, WorkbenchError
from workbench.findings import Finding
from workbench.progress import NULL_PROGRESS, CancelToken, Progress
from workbench.service.calibration_ops import CalibrationOps
from workbench.service.cleaning_ops import CleaningOps
from workbench.service.hand_exports import HandExportOps
from workbench.service.plan_warnings import PlanWarningsOps
from workbench.service.rounds import RoundsOps
from workbench.service.sharing import SharingOps
from workbench.service.standalone import StandaloneOps
from workbench.settings import Settings

if TYPE_CHECKING:
    from workbench.dataset_model import (
        Dataset,  # pandas: not at start (issue 21, speed)
        Variable,
    )
    from workbench.datasets.importing import ImportOptions, Preview
    from workbench.library.indicator import Indicator
    from workbench.library.model import Library
    from workbench.plan.model import IndicatorUse, Plan
    from workbench.plan.suggest import Suggestion
    from workbench.reporting.context import ReportContext
    from workbench.reporting.summary import Grid
    from workbench.stats.options import AnalysisOptions
    from workbench.stats.results import AnalysisResults
    from workbench.stats.snapshot import RunSnapshot
    from workbench.vault.records import IntegrityReport
    from workbench.vault.vault import DatasetInfo, PlanRecord, RunRecord, StoredRun, Vault


@dataclasses.dataclass(frozen=True)
class RunSummary:
    """What ``Workbench.run_summary`` returns: the report's context, grid and headline."""

    context: ReportContext
    grid: Grid
    headline: str | None
    #: (criterion, group) → (indicators substantively worse, indicators assessed), as the
    #: report's traffic light shows them (empty for runs made before the rating rules)
    counts: dict[tuple[str, str], tuple[int, int]] = dataclasses.field(default_factory=dict)
    #: the rating rule's name in the summary's language
    rule: str = ""


class Workbench(
    CleaningOps,
    RoundsOps,
    StandaloneOps,
    HandExportOps,
    CalibrationOps,
    SharingOps,
    PlanWarningsOps,
):
    def __init__(self, settings: Settings | None = None, library_dir: Path | None = None) -> None:
        self.settings = settings if settings is not None else Settings.load()
        self._vault: Vault | None = None
        self._library: Library | None = None
        #: the indicator library folder (None: the bundled one)
        self._library_dir = library_dir
        #: decrypted datasets loaded during this unlock, by name: (stored fingerprint, dataset).
        #: Plan checks run after every edit in the app, then the analysis; without this each
        #: of them decrypted every dataset again. Dropped on lock with the vault.
        self._loaded: dict[str, tuple[str, Dataset]] = {}
        #: the same with the cleaning log applied, by (entries, last entry id) of the log
        self._cleaned: dict[str, tuple[tuple[int, int], CleanedView]] = {}
        #: plan checks made in this unlock, by (plan hash, datasets, cleaning logs): the
        #: analysis records the warnings of the check made when the plan was saved
        self._checked: dict[tuple[str, ...], list[Finding]] = {}

    # ------------------------------------------------------------------ vault
    @property
    def vault(self) -> Vault:
        if self._vault is None or not self._vault.is_open:
            raise VaultLocked.of("vault.locked_unlock_first")
        return self._vault

    @property
    def is_unlocked(self) -> bool:
        return self._vault is not None and self._vault.is_open

    def create_vault(self, path: str | Path, passphrase: str | bytearray) -> Vault:
        """A new vault; the passphrase must score at least "fair" (workbench.passphrase)."""
        from workbench.passphrase import require_strong
        from workbench.vault import Vault

        require_strong(passphrase)
        self.lock()
        self._vault = Vault.create(Path(path), passphrase)
        self._remember_recent(path)
        return self._vault

    def open_vault(self, path: str | Path, passphrase: str | bytearray) -> Vault:
        from workbench.vault import Vault

        self.lock()
        self._vault = Vault.open(Path(path), passphrase)
        self._remember_recent(path)
        return self._vault

    def open_remembered(self, path: str | Path) -> Vault:
        """Unlock with the key remembered in the OS keyring (raises KeyringUnavailable)."""
        from workbench.vault import Vault

        self.lock()
        self._vault = Vault.open_remembered(Path(path))
        self._remember_recent(path)
        return self._vault

    def keyring_status(self) -> dict[str, Any]:
        """``{"available": bool, "backend": str, "reason": str}`` — never raises."""
        from workbench.vault.keystore import keyring_status

        return keyring_status()

    def lock(self) -> None:
        self._loaded.clear()
        self._cleaned.clear()
        self._checked.clear()
        self._forget_share_utility()
        if self._vault is not None:
            self._vault.lock()
        self._vault = None

    def _remember_recent(self, path: str | Path) -> None:
        try:
            self.settings.remember_vault(path)
            self.settings.save()
        except OSError:
            pass  # a read-only config folder must not stop the work

    # --------------------------------------------------- vault administration
    # The faces (CLI, app) administer a vault only through these; each change is written to the
    # vault's audit log by the vault itself, in the transaction that makes it.
    @staticmethod
    def harden_process() -> None:
        """Disable core dumps and turn on SQLCipher's memory wiping: before the first unlock."""
        from workbench.vault.process import harden_process

        harden_process()

    def vault_info(self) -> dict[str, Any]:
        """Cipher and key settings, versions, sizes and counts — never a data value."""
        return self.vault.info()

    def check_vault(self) -> IntegrityReport:
        """Verify every page's authentication code and the database structure."""
        return self.vault.check()

    def change_passphrase(self, old: str | bytearray, new: str | bytearray) -> None:
        """Re-wrap the data key under a new passphrase (``old`` must be right; ``new`` must
        score at least "fair", as for a new vault)."""
        from workbench.passphrase import require_strong

        require_strong(new)
        self.vault.change_passphrase(old, new)

    def rotate_key(
        self, progress: Progress = NULL_PROGRESS, cancel: CancelToken | None = None
    ) -> None:
        """A new random data key; every page re-encrypted."""
        self.vault.rotate_key(progress=progress, cancel=cancel)

    def backup_vault(self, dest: str | Path) -> Path:
        """An encrypted, single-file backup (opens with the passphrase of this moment)."""
        return self.vault.backup(Path(dest))

    def remember_key(self) -> str:
        """Remember the key in the OS keyring; returns the keyring's name."""
        return self.vault.remember()

    def forget_key(self) -> None:
        """Remove the remembered key from the OS keyring."""
        self.vault.forget()

    # --------------------------------------------------------------- datasets
    def preview_file(
        self,
        path: str | Path,
        options: ImportOptions | None = None,
        n_rows: int | None = 50,
        progress: Progress = NULL_PROGRESS,
        cancel: CancelToken | None = None,
    ) -> Preview:
        """The first ``n_rows`` of a file as it would be imported (the whole file, every sheet,
        with identifiers and checks over all rows, when ``n_rows`` is None)."""
        from workbench.datasets.importing import ImportOptions, preview

        return preview(Path(path), options or ImportOptions(), n_rows, progress, cancel)

    def import_file(
        self,
        path: str | Path,
        options: ImportOptions | None = None,
        progress: Progress = NULL_PROGRESS,
        cancel: CancelToken | None = None,
    ) -> list[DatasetInfo]:
        """Read a file (all of its datasets: a Kobo export gives main + repeat sheets) and store
        them in the vault in one transaction. Identifier columns are handled per the options."""
        from workbench.datasets.importing import ImportOptions, read_datasets
        from workbench.datasets.structure import check_parent
        from workbench.vault.encode_ahead import encode_ahead

        opts = options or ImportOptions()
        check_parent(opts.parent, self.datasets(), Path(path).name)
        with encode_ahead():  # numeric columns are encoded while the import finishes
            datasets = read_datasets(Path(path), opts, progress=progress, cancel=cancel)
            return self.vault.save_datasets(datasets, replace=opts.replace, cancel=cancel)

    def datasets(self) -> list[DatasetInfo]:
        return self.vault.list_datasets()

    def load_dataset(self, name: str, columns: Sequence[str] | None = None) -> Dataset:
        """A dataset as every analysis and view reads it: the imported data with its cleaning
        log applied (dropped records removed). Whole datasets are kept for the rest of this
        unlock and reused while their fingerprint and log are unchanged; callers get their own
        shallow copy."""
        return self.view_dataset(name, columns).dataset

    def view_dataset(self, name: str, columns: Sequence[str] | None = None) -> CleanedView:
        """The cleaned dataset with, for each of its rows, the imported row position and the
        record's name in the cleaning log (the data viewer edits through these)."""
        from workbench.cleaning_model import cell_edits
        from workbench.datasets.cleaning_apply import apply_log, record_ids

        if columns:
            raw = self.vault.load_dataset(name, columns=list(columns))
            ds, kept = apply_log(raw, self.vault.cleaning_log(name))
            return CleanedView(ds, kept, None)
        stamp = next((d.fingerprint for d in self.vault.list_datasets() if d.name == name), None)
        if stamp is None:
            self.vault.load_dataset(name)  # NotFound for an unknown name
        log = self.vault.cleaning_stamp(name)
        hit = self._loaded.get(name)
        if hit is None or hit[0] != stamp:
            hit = self._loaded[name] = (str(stamp), self.vault.load_dataset(name))
            self._cleaned.pop(name, None)
        cleaned = self._cleaned.get(name)
        if cleaned is None or cleaned[0] != log:
            raw = hit[1]
            entries = self.vault.cleaning_log(name) if log[0] else []
            ds, kept = apply_log(raw, entries)
            view = CleanedView(ds, kept, record_ids(raw)[kept], cell_edits(entries))
            cleaned = self._cleaned[name] = (log, view)
        view = cleaned[1]
        ds = view.dataset
        return dataclasses.replace(
            view,
            dataset=dataclasses.replace(
                ds, frame=ds.frame.copy(deep=False), variables=dict(ds.variables)
            ),
        )

    def variables(self, name: str) -> list[Variable]:
        return self.vault.variables(name)

    def delete_dataset(self, name: str) -> None:
        self._loaded.pop(name, None)
        self._cleaned.pop(name, None)
        self.vault.delete_dataset(name)

    def check_import_link(self, parent: str, dataset: Dataset, parent_key: str) -> list[Finding]:
        """Linking checks of a file about to be imported (``dataset``, read whole) against the
        stored household dataset ``parent``: the wizard shows them where the link is chosen."""
        from workbench.datasets.linking import check_link
        from workbench.datasets.structure import check_parent

        infos = self.datasets()
        check_parent(parent, infos, dataset.name)
        key = next(i.key for i in infos if i.name == parent)
        household = self.load_dataset(parent, columns=[key] if key else None)
        household.key = key
        member = dataclasses.replace(dataset, parent=parent, parent_key=parent_key)
        return check_link(household, member)

    def check_link(self, household: str, individual: str) -> list[Finding]:
        from workbench.datasets.linking import check_link

        return check_link(self.load_dataset(household), self.load_dataset(individual))

    # ----------------------------------------------------------------- checks
    def run_checks(
        self,
        dataset: str | None = None,
        plan_name: str | None = None,
        progress: Progress = NULL_PROGRESS,
        cancel: CancelToken | None = None,
    ) -> list[Finding]:
        """The data checks (workbench/checks) over one stored dataset or all of them — the data
        with the cleaning log applied, records named as the log names them — with the column
        roles and rules of ``plan_name`` (default: the plan that names the dataset)."""
        from workbench.checks import run_checks

        infos = self.datasets()
        known = {i.name: i for i in infos}
        if dataset is not None and dataset not in known:
            self.load_dataset(dataset)  # the vault's error for an unknown name
        names = [dataset] if dataset else [i.name for i in infos]
        related = set(names) | {str(known[n].parent) for n in names if known[n].parent}
        related |= {i.name for i in infos if i.parent in names}
        views = {n: self.view_dataset(n) for n in sorted(related) if n in known}
        loaded = {n: v.dataset for n, v in views.items()}
        records = {n: v.records for n, v in views.items() if v.records is not None}
        plan = self._checks_plan(names, plan_name)
        return run_checks(
            loaded, plan, only=names, progress=progress, cancel=cancel, records=records
        )

    def _checks_plan(self, names: Sequence[str], plan_name: str | None) -> Plan | None:
        if plan_name:
            return self.load_plan(plan_name)
        for rec in sorted(self.plans(), key=lambda r: r.saved_at, reverse=True):
            plan = self.load_plan(rec.name)
            if set(names) & set(plan.dataset_names()):
                return plan
        return None

    # ---------------------------------------------------------------- library
    def library(self) -> Library:
        if self._library is None:
            from workbench.library import load_library

            self._library = load_library(self._library_dir)
        return self._library

    def plan_indicator(self, use: IndicatorUse, plan: Plan) -> Indicator:
        """The indicator a plan entry stands for — the library's, contextualised, or the plan's
        own custom one, checked (a PlanError naming what is wrong)."""
        from workbench.plan.indicators import resolve_indicator

        return resolve_indicator(use, self.library(), plan)

    # ------------------------------------------------------------------- plan
    def _plan_datasets(self, plan: Plan) -> dict[str, Dataset]:
        return {name: self.load_dataset(name) for name in plan.dataset_names()}

    def suggest_plan(self, datasets: Sequence[str], name: str = "plan") -> Plan:
        from workbench.plan.suggest import suggest_plan

        loaded = {n: self.load_dataset(n) for n in datasets}
        return suggest_plan(self.library(), loaded, name=name)

    def check_plan(self, plan: Plan) -> list[Finding]:
        from workbench.plan.checks import check_plan

        return check_plan(plan, self.library(), self._plan_datasets(plan))

    def save_plan(self, plan: Plan, note: str = "") -> PlanRecord:
        """Check the plan against its datasets, then save a new version: a plan with errors is
        saved as a DRAFT (``rec.draft_errors``), which ``analyze`` refuses (docs/plans.md)."""
        return self.save_plan_checked(plan, note)[0]

    def save_plan_checked(self, plan: Plan, note: str = "") -> tuple[PlanRecord, list[Finding]]:
        """:meth:`save_plan`, returning the checks' findings too (the faces list the errors of
        a draft)."""
        from workbench.findings import errors

        findings = self.check_plan(plan)
        rec = self.vault.save_plan(plan.name, plan.to_toml(), note=note,
                                   draft_errors=len(errors(findings)))  # fmt: skip
        self.remember_check(rec.sha256, findings)
        return rec, findings

    def _refuse_draft(self, rec: PlanRecord) -> None:
        """A draft (saved with errors) is never analysed; the message names the last version
        that is not a draft, if any."""
        from workbench.errors import PlanError

        if not rec.is_draft:
            return
        ready = [r.version for r in self.vault.plan_versions(rec.name) if not r.is_draft]
        params: dict[str, Any] = {"plan": rec.name, "version": rec.version,
                                  "count": rec.draft_errors}  # fmt: skip
        if ready:
            raise PlanError.of("plan.is_draft", ready=ready[-1], **params)
        raise PlanError.of("plan.is_draft_only", **params)

    def load_plan(self, name: str, version: int | None = None) -> Plan:
        from workbench.plan.model import Plan

        rec = self.vault.load_plan(name, version)
        return Plan.from_toml(rec.toml_text)

    def plan_versions(self, name: str) -> list[PlanRecord]:
        return self.vault.plan_versions(name)

    def plans(self) -> list[PlanRecord]:
        return self.vault.list_plans()

    def import_plan_file(
        self, path: str | Path, note: str = "imported"
    ) -> tuple[PlanRecord, list[Finding]]:
        """Read a plan or template TOML, re-match it to the vault's datasets, save a version."""
        from workbench.plan.calibration import resolve_margins_file
        from workbench.plan.templates import import_template

        text = self.read_plan_text(path)
        datasets = {d.name: self.load_dataset(d.name) for d in self.datasets()}
        plan, findings = import_template(text, self.library(), datasets, source=Path(path).name)
        plan = resolve_margins_file(plan, Path(path).parent)  # margins = "file.csv" beside it
        rec, checks = self.save_plan_checked(plan, note=note)
        findings = findings + [f for f in checks if f.severity == "error"]
        self.vault.audit("plan.import", plan.name, {"file": str(path), "version": rec.version})
        return rec, findings

    @staticmethod
    def read_plan_text(path: str | Path) -> str:
        """A plan or template file's text: unreadable, not UTF-8 (naming the line) and the
        like are PlanErrors naming the file."""
        from workbench.errors import PlanError
        from workbench.library.tomlread import decode

        p = Path(path)
        try:
            raw = p.read_bytes()
        except OSError as exc:
            raise PlanError.of(
                "plan.file_unreadable", file=str(p), reason=exc.strerror or type(exc).__name__
            ) from None
        return decode(raw, p.name, PlanError, "plan")

    @staticmethod
    def read_plan_file(path: str | Path) -> Plan:
        """A plan TOML file, parsed and checked for structure (not against datasets)."""
        from workbench.plan.calibration import resolve_margins_file
        from workbench.plan.model import Plan

        plan = Plan.from_toml(Workbench.read_plan_text(path), source=Path(path).name)
        return resolve_margins_file(plan, Path(path).parent)  # margins = "file.csv" beside it

    def export_plan_file(self, name: str, path: str | Path, template: bool = False) -> Path:
        """Write the latest version of a stored plan to a file (see :meth:`write_plan_file`)."""
        return self.write_plan_file(self.load_plan(name), path, template=template)

    def write_plan_file(self, plan: Plan, path: str | Path, template: bool = False) -> Path:
        """Write a plan — stored or just suggested — as TOML, or as a shareable template (no
        dataset names; the vault's datasets the plan reads give it their column details)."""
        from workbench.export_writer import OutFile, export_files
        from workbench.plan.templates import export_template

        if template:
            stored = {d.name for d in self.datasets()}
            datasets = {n: self.load_dataset(n) for n in plan.dataset_names() if n in stored}
            text = export_template(plan, datasets)
        else:
            text = plan.to_toml()
        out = Path(path)
        export_files(
            [OutFile(out, text.encode("utf-8"))], kind="plan", obj=plan.name, audit=self.vault,
            audience="internal", details={"template": template},
        )  # fmt: skip
        return out

    # --------------------------------------------------------------- analysis
    def default_options(
        self, plan_name: str | None = None, plan_version: int | None = None
    ) -> AnalysisOptions:
        """The options of a run nobody adjusted: ``AnalysisOptions()`` with the user's settings
        (significance level, disclosure preset), then — given a plan — what its ``[analysis]``
        table fixes. The CLI and the app start from these and change only what the user chose,
        so the two faces cannot disagree on a default."""
        from workbench.plan.analysis import apply_analysis
        from workbench.plan.model import Plan
        from workbench.stats.options import AnalysisOptions

        base = AnalysisOptions(
            alpha=self.settings.alpha, disclosure_preset=self.settings.disclosure_preset
        )
        if plan_name is None:
            return base
        rec = self.vault.load_plan(plan_name, plan_version)
        return apply_analysis(base, Plan.from_toml(rec.toml_text).analysis)

    def analyze(
        self,
        plan_name: str,
        plan_version: int | None = None,
        options: AnalysisOptions | None = None,
        progress: Progress = NULL_PROGRESS,
        cancel: CancelToken | None = None,
    ) -> tuple[RunRecord, AnalysisResults]:
        from workbench.plan.evaluate import evaluate
        from workbench.plan.model import Plan
        from workbench.stats import analyze

        rec = self.vault.load_plan(plan_name, plan_version)
        self._refuse_draft(rec)
        plan = Plan.from_toml(rec.toml_text)
        opts = options or self.default_options(plan_name, plan_version)
        datasets = self._plan_datasets(plan)
        frame = evaluate(plan, self.library(), datasets)
        # the fingerprints are the ones computed over the data as stored at import, so a reader
        # can check a report against a vault (`workbench datasets list --json`)
        stored = {d.name: d.fingerprint for d in self.vault.list_datasets()}
        fingerprints = {name: stored[name] for name in datasets if name in stored}
        frame.provenance.update(
            {
                "plan_name": rec.name,
                "plan_version": str(rec.version),
                "plan_hash": rec.sha256,
                "library_version": self.library().version,
                "dataset_fingerprints": fingerprints,
                # what the cleaning logs changed in the data this run read (length, hash, counts)
                "cleaning_logs": {name: self.cleaning_summary(name).to_dict() for name in datasets},
                # the plan check's warnings: the report's methodology lists them
                "plan_warnings": self.plan_warnings(rec, plan),
            }
        )
        results = analyze(frame, opts, progress=progress, cancel=cancel)
        assert results.snapshot is not None  # the engine snapshots every run
        run = self.vault.save_run(
            results.tables(), results.meta, results.snapshot.to_dict(),
            plan_name=rec.name, plan_version=rec.version,
        )  # fmt: skip
        return run, results

    def runs(self) -> list[RunRecord]:
        return self.vault.list_results()

    def load_results(self, run_id: int) -> AnalysisResults:
        """A stored run: its tables, meta and snapshot. A run stored before snapshots existed
        gets one reconstructed and stored the first time it is loaded (docs/vault.md)."""
        from workbench.stats.results import AnalysisResults
        from workbench.stats.snapshot import RunSnapshot

        stored = self.vault.load_run(run_id)
        if stored.snapshot is not None:
            snapshot = RunSnapshot.from_dict(stored.snapshot)
        else:
            snapshot = self._reconstruct_snapshot(stored)
        return AnalysisResults.from_tables(stored.tables, stored.meta, snapshot)

    def _reconstruct_snapshot(self, stored: StoredRun) -> RunSnapshot:
        """The snapshot of an old run, from its stored meta, the plan version it ran and the
        library installed now; stored once, marked reconstructed, audited."""
        from workbench.plan.snapshot import run_texts
        from workbench.stats.snapshot import snapshot_from_meta

        run = stored.record
        plan = self.load_plan(run.plan_name, run.plan_version)
        hh = plan.datasets.household
        known = {d.name for d in self.vault.list_datasets()}
        variables = {v.name: v for v in self.vault.variables(hh)} if hh in known else {}
        library = self.library()
        note = (
            f"reconstructed on {datetime.now(UTC).date().isoformat()} from plan "
            f"{run.plan_name} v{run.plan_version} and indicator library {library.version}"
        )
        texts = run_texts(plan, library, variables)
        snapshot = snapshot_from_meta(stored.meta, texts, reconstructed=True, note=note)
        if self.vault.store_snapshot(run.id, snapshot.to_dict(), note):
            return snapshot
        # another session stored one meanwhile: that one is the run's snapshot
        from workbench.stats.snapshot import RunSnapshot

        return RunSnapshot.from_dict(self.vault.load_run(run.id).snapshot or {})

    @staticmethod
    def results_export_path(path: str | Path, *, internal: bool = False) -> Path:
        """The file ``export_results`` writes: ``path``, or for the internal copy ``path`` with
        ``-INTERNAL-not-for-publication`` before its suffix (unless already marked)."""
        from workbench.stats.export import internal_path

        return internal_path(Path(path)) if internal else Path(path)

    def export_results(
        self, run_id: int, path: str | Path, *, internal: bool = False, language: str | None = None
    ) -> Path:
        """The publishable copy of a run's results (suppressed values removed); the full copy
        only with ``internal=True``, named and marked as not for publication, audited as such
        (``export.started``/``export.completed`` with ``copy``: ``publishable`` or
        ``internal``). ``language`` (default: the settings') is the meta sheet's note on what
        the file is."""
        from workbench.stats.export import write_results

        return write_results(
            self.load_results(run_id), Path(path), audit=self.vault, obj=str(run_id),
            internal=internal, language=language or self.settings.language,
        )  # fmt: skip

    # ----------------------------------------------------------------- report
    # A report, its annex and the app's results views read only the stored run: its results and
    # their snapshot. The current plan and library are never consulted, so a report of an old
    # run says what that run said.
    def validate_report(self, run_id: int, options: Any = None) -> list[Finding]:
        from workbench.reporting.validation import validate_report

        return validate_report(self.load_results(run_id), options)

    def write_report(
        self,
        run_id: int,
        out: str | Path,
        options: Any = None,
        progress: Progress = NULL_PROGRESS,
        cancel: CancelToken | None = None,
    ) -> Path:
        """Validate, then write the PDF (options: language, PDF/A, page size, justifications,
        annex path …). Raises ReportError when the validation gate finds errors."""
        from workbench.reporting import build_report

        results = self.load_results(run_id)
        rounds = self.load_rounds(run_id) if self.is_rounds_run(run_id) else None
        path = build_report(
            results, Path(out), options, audit=self.vault, obj=str(run_id),
            settings=self.settings, progress=progress, cancel=cancel, rounds=rounds,
        )  # fmt: skip
        self.vault.record_report(run_id, str(path), getattr(options, "to_dict", dict)())
        return path

    # ------------------------------------------------- app views (added for ui/)
    def restore_vault(
        self,
        backup: str | Path,
        path: str | Path,
        passphrase: str | bytearray,
        replace_other: bool = False,
    ) -> Vault:
        """Verify a backup completely, put it in place at ``path`` and open it (the app's
        damaged-vault path; same as ``workbench vault restore``). A different vault at ``path``
        is replaced only with ``replace_other`` (RestoreOtherVault otherwise)."""
        from workbench.vault import Vault

        self.lock()
        self._vault = Vault.restore(Path(backup), Path(path), passphrase,
                                    replace_other=replace_other)  # fmt: skip
        self._remember_recent(path)
        return self._vault

    def indicator_views(self, run_id: int, language: str | None = None) -> dict[str, Any]:
        """Per-indicator tables and chart data exactly as the report shows them (publishable
        values only); the app's analysis page draws them with the report's chart builder."""
        from workbench.reporting.context import build_context
        from workbench.reporting.options import ReportOptions
        from workbench.reporting.views import build_views

        results = self.load_results(run_id)
        opts = ReportOptions(language=language or self.settings.language)
        ctx = build_context(results, opts, self.settings)
        return build_views(results.publishable(), ctx)

    # ---------------------------------------------------- suggestions and summaries
    # (the operations that need no vault are in workbench/service/standalone.py)

    def suggest(
        self,
        datasets: Sequence[str],
        name: str = "plan",
        accept: Mapping[str, str] | None = None,
        templates: Sequence[tuple[str, str]] = (),
        confirmed: bool = True,
    ) -> Suggestion:
        """A plan suggested for the stored ``datasets``, with how each input was matched and
        its ranked candidates; ``accept`` (input → column) maps the user's choices.

        Mappings confirmed before are matched first: ``templates`` ((name, template TOML)
        pairs, e.g. a partner's exported template), then, with ``confirmed``, the plans saved
        in this vault (a team saving a plan confirms its mappings; versions saved straight from
        ``plan suggest --save`` are not confirmations)."""
        from workbench.plan.suggest import suggest

        loaded = {n: self.load_dataset(n) for n in datasets}
        texts = list(templates) + (self.confirmed_templates() if confirmed else [])
        return suggest(self.library(), loaded, name=name, accept=accept, templates=texts)

    def confirmed_templates(self) -> list[tuple[str, str]]:
        """Each saved plan (latest version, unless only suggested) as a template: its mappings
        with the labels and codes of the columns they read."""
        from workbench.plan.templates import export_template

        stored = {d.name for d in self.datasets()}
        out = []
        for rec in self.plans():
            if rec.note == "suggested":
                continue
            plan = self.load_plan(rec.name, rec.version)
            datasets = {n: self.load_dataset(n) for n in plan.dataset_names() if n in stored}
            out.append((f"{rec.name} v{rec.version}", export_template(plan, datasets)))
        return out

    @staticmethod
    def run_summary(results: AnalysisResults, language: str) -> RunSummary:
        """The report's traffic-light grid and solutions headline for ``results``, with the
        context that names their groups and criteria."""
        from workbench.reporting.context import build_context
        from workbench.reporting.judging import grid_counts, rating_rule
        from workbench.reporting.options import ReportOptions
        from workbench.reporting.summary import solutions_headline, traffic_light
        from workbench.stats.rating_rules import RATING_RULES

        ctx = build_context(results.publishable(), ReportOptions(language=language))
        return RunSummary(
            context=ctx,
            grid=traffic_light(results, ctx),
            headline=solutions_headline(results.publishable(), ctx),
            counts=grid_counts(results),
            rule=RATING_RULES.label(rating_rule(results)[0], language),
        )

    # ------------------------------------------------------------------ audit
    def audit_log(self, action: str | None = None, since: str | None = None) -> list[Any]:
        return self.vault.audit_log(action=action, since=since)

    def verify_audit(self) -> Any:
        """Recompute the audit log's hash chain: ``ChainReport`` (ok, entries, head, or the
        first break as a message code and its parameters)."""
        return self.vault.verify_audit()

    def export_audit(self, path: str | Path) -> Any:
        """The whole audit log with its hash chain as .csv, .xlsx or .json (audited); returns
        the ``ChainReport`` of the entries written."""
        return self.vault.export_audit(Path(path))


def describe_error(err: BaseException, language: str = "en") -> str:
    """One line for a user in ``language``: a WorkbenchError's message, a generic line otherwise."""
    if isinstance(err, WorkbenchError):
        return err.render(language, with_hint=False)
    from workbench.messages import render

    return render("error.unexpected_logged", {"kind": type(err).__name__}, language)
