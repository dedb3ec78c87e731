"""The façade's cleaning-log operations (mixed into :class:`~workbench.service.Workbench`).

Edits never change the imported data: they are entries of an append-only log per dataset (each
with its audit entry, written by the vault in the transaction that stores it), and
``Workbench.load_dataset`` applies them. Old values are read from the data as the log leaves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.cleaning_model import CleanedView, CleaningEntry, LogSummary, NewChange

if TYPE_CHECKING:
    from workbench.dataset_model import Dataset
    from workbench.datasets.cleaning_edit import EditSession
    from workbench.vault.vault import DatasetInfo, Vault


class CleaningOps:
    if TYPE_CHECKING:  # what the mixin uses of Workbench

        @property
        def vault(self) -> Vault: ...

        def datasets(self) -> list[DatasetInfo]: ...
        def view_dataset(self, name: str, columns: Sequence[str] | None = None) -> CleanedView: ...

        _loaded: dict[str, tuple[str, Dataset]]

    def cleaning_log(self, dataset: str | None = None) -> list[CleaningEntry]:
        """The log of one dataset, or of every dataset, in order (undo entries included)."""
        names = [dataset] if dataset else [d.name for d in self.datasets()]
        entries = [e for n in names for e in self.vault.cleaning_log(n)]
        return sorted(entries, key=lambda e: e.id)

    def cleaning_stamp(self, dataset: str) -> tuple[int, int]:
        """(entries, last entry id) of the dataset's log: a view compares it to know whether the
        data it shows are still the cleaned data (cheap)."""
        return self.vault.cleaning_stamp(dataset)

    def cleaning_summary(self, dataset: str) -> LogSummary:
        """What the dataset's log does: its length and hash, and answers changed, set missing,
        records dropped and categories recoded."""
        from workbench.cleaning_model import summarise

        return summarise(dataset, self.vault.cleaning_log(dataset))

    def _edit_session(self, dataset: str) -> tuple[EditSession, int]:
        from workbench.datasets.cleaning_edit import EditSession

        self.view_dataset(dataset)  # the stored data as they are now (read again if replaced)
        entries = self.vault.cleaning_log(dataset)
        last = max((e.id for e in entries), default=0)
        return EditSession(self._loaded[dataset][1], entries), last

    def clean(self, changes: Sequence[NewChange]) -> list[CleaningEntry]:
        """Add changes to the cleaning logs (all of them, or none when one is refused)."""
        sessions: dict[str, tuple[EditSession, int]] = {}
        planned: dict[str, list[dict[str, Any]]] = {}
        for change in changes:
            if change.dataset not in sessions:
                sessions[change.dataset] = self._edit_session(change.dataset)
            planned.setdefault(change.dataset, []).append(sessions[change.dataset][0].plan(change))
        batches = [(name, rows, sessions[name][1]) for name, rows in planned.items()]
        return self.vault.append_cleaning(batches, {"via": "edit"})

    def undo_cleaning(self, entry_id: int, reason: str) -> CleaningEntry:
        """Revert an entry with a new ``undo`` entry (undoing an undo applies its edit again)."""
        from workbench.datasets.cleaning_edit import undo_change

        target = self.vault.cleaning_entry(entry_id)
        entries = self.vault.cleaning_log(target.dataset)
        change = undo_change(entries, target, reason)
        after = max((e.id for e in entries), default=0)
        return self.vault.append_cleaning([(target.dataset, [change], after)], {"via": "undo"})[0]

    def export_cleaning_log(self, path: str | Path, dataset: str | None = None) -> int:
        """Write the edits that apply (undone ones left out) in the exchange layout (XLSX);
        returns the number of rows. Audited."""
        from workbench.cleaning_model import active_entries
        from workbench.datasets.cleaning_exchange import entry_row, log_xlsx
        from workbench.export_writer import export_files

        names = [dataset] if dataset else [d.name for d in self.datasets()]
        rows = [entry_row(e) for n in names for e in active_entries(self.vault.cleaning_log(n))]
        export_files(
            [log_xlsx(rows, Path(path))], kind="cleaning_log", obj=dataset or "*",
            audit=self.vault, audience="internal", details={"rows": len(rows)},
        )  # fmt: skip
        return len(rows)

    def import_cleaning_log(
        self, path: str | Path, dataset: str | None = None
    ) -> tuple[list[CleaningEntry], int]:
        """Add a log prepared elsewhere (XLSX or CSV in the exchange layout), every row checked
        against the data (old values must match), in one transaction; the first problem refuses
        it all. Returns the entries added and the ``no_action`` rows skipped."""
        from workbench.datasets.cleaning_exchange import plan_import, read_log_file

        rows = read_log_file(Path(path))
        sessions: dict[str, tuple[EditSession, int]] = {}

        def session(name: str) -> EditSession:
            if name not in sessions:
                sessions[name] = self._edit_session(name)
            return sessions[name][0]

        planned, skipped = plan_import(Path(path).name, rows, dataset, session)
        batches = [(name, rows_, sessions[name][1]) for name, rows_ in planned.items()]
        added = self.vault.append_cleaning(batches, {"via": "import", "file": str(path)})
        counts = {"file": str(path), "entries": len(added), "skipped": skipped}
        self.vault.audit("clean.import", dataset or "*", counts)
        return added, skipped
