"""The Vault: one SQLCipher file plus its key header. See docs/vault.md."""

from __future__ import annotations

import contextlib
import functools
import os
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from workbench.cleaning_model import CleaningEntry
from workbench.dataset_model import Dataset, Variable
from workbench.errors import (
    DamagedVault,
    KeyringUnavailable,
    NotAVault,
    VaultBusy,
    VaultError,
    VaultLocked,
    WrongPassphrase,
)
from workbench.export_writer import export_files
from workbench.progress import NULL_PROGRESS, CancelToken, Progress, check_cancel
from workbench.vault import audit_log, unlock_attempts
from workbench.vault import cleaning_store as clean_store
from workbench.vault import dataset_store as ds_store
from workbench.vault import records_store as rec_store
from workbench.vault.audit_carry import read_carry, record_carry
from workbench.vault.audit_export import audit_files
from workbench.vault.audit_log import ChainReport
from workbench.vault.backup import (
    read_backup,
    remove_leftovers,
    sidecar_files,
    work_file,
    write_backup,
)
from workbench.vault.connection import (
    PAGE_SIZE,
    Connection,
    DatabaseError,
    cipher_check,
    connect,
    raw_key_literal,
    sqlite_check,
    transaction,
)
from workbench.vault.describe import describe
from workbench.vault.diagnose import damaged, os_failure, sqlite_failure
from workbench.vault.header import Header, Wrap, header_path, read_header, write_header
from workbench.vault.identity import check_replacing
from workbench.vault.keys import (
    DEFAULT_KDF,
    KdfParams,
    derive_kek,
    new_data_key,
    new_salt,
    unwrap_key,
    wrap_key,
    zero,
)
from workbench.vault.records import (
    AuditEntry,
    DatasetInfo,
    IntegrityReport,
    PlanRecord,
    ReportRecord,
    RunRecord,
    StoredRun,
)
from workbench.vault.schema import SCHEMA_VERSION, migrate, schema_version
from workbench.vault.sharing_store import SharingVault

__all__ = [
    "AuditEntry", "DatasetInfo", "IntegrityReport", "KdfParams", "PlanRecord", "ReportRecord",
    "RunRecord", "StoredRun", "Vault",
]  # fmt: skip

F = TypeVar("F", bound=Callable[..., Any])
SQLITE_MAGIC = b"SQLite format 3\x00"


def _unlocked(fn: F) -> F:
    """Hold the mutex, refuse when locked, and turn SQLCipher errors into one-line VaultErrors
    that say what happened (busy, disk full, damaged …: :mod:`workbench.vault.diagnose`)."""

    @functools.wraps(fn)
    def wrapper(self: Vault, *args: Any, **kwargs: Any) -> Any:
        with self._mutex:
            if self._conn is None:
                raise VaultLocked.of("vault.is_locked", name=self.path.name)
            try:
                return fn(self, *args, **kwargs)
            except DatabaseError as exc:
                failure = sqlite_failure(self.path, exc)
                if isinstance(failure, DamagedVault) and self._rekeyed_elsewhere():
                    self._close()
                    raise VaultError.of("vault.key_changed_elsewhere", name=self.path.name) from exc
                raise failure from exc

    return wrapper  # type: ignore[return-value]


def _check_file(path: Path) -> None:
    """Tell 'no file', 'empty' and 'plain SQLite' apart before any key is tried."""
    if not path.exists():
        raise NotAVault.of("vault.no_vault", path=path)
    if path.is_dir():
        raise NotAVault.of("vault.is_folder", path=path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise NotAVault.of("vault.unreadable", path=path, reason=exc.strerror) from exc
    if not head:
        raise NotAVault.of("vault.empty_file", name=path.name)
    if head == SQLITE_MAGIC:
        raise NotAVault.of("vault.plain_sqlite", name=path.name)
    if len(head) < 16:
        raise NotAVault.of("vault.too_short", name=path.name, count=len(head))


class Vault(SharingVault):
    """An unlocked (or locked) vault. Thread-safe: every call holds one mutex."""

    def __init__(self, path: Path, header: Header) -> None:
        self.path = Path(path)
        self._header = header
        self._conn: Connection | None = None
        self._key: bytearray | None = None
        self._kek: bytearray | None = None
        self._mutex = threading.RLock()
        #: wrong passphrases typed since the unlock before this one (unlock_attempts.py)
        self.failed_unlocks: dict[str, Any] = {"failed": 0}

    # ---------------------------------------------------------------- lifecycle
    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @classmethod
    def create(
        cls, path: Path, passphrase: str | bytes | bytearray, *, kdf: KdfParams | None = None
    ) -> Vault:
        path = Path(path)
        if path.exists() or header_path(path).exists():
            raise VaultError.of("vault.exists", path=path)
        if not path.parent.is_dir():
            raise VaultError.of("vault.folder_missing", parent=path.parent)
        params = kdf or DEFAULT_KDF
        salt = new_salt()
        header = Header(uuid.uuid4().hex, params, salt, Wrap(b"", b""), ds_store.now_utc(),
                        page_size=PAGE_SIZE)  # fmt: skip
        kek = derive_kek(passphrase, salt, params)
        key = new_data_key()
        header.wrap = Wrap(*wrap_key(kek, key, header.aad()))
        vault = cls(path, header)
        try:
            # owner-only from the first byte: SQLite gives its journal the database's mode too
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            conn = connect(path, key, page_size=header.page_size)
            vault._attach(conn, key, kek)
            migrate(conn, path.name)
            with transaction(conn):
                conn.execute("INSERT INTO meta VALUES ('vault_id', ?)", (header.vault_id,))
                conn.execute("INSERT INTO meta VALUES ('created_at', ?)", (header.created_at,))
                rec_store.audit(conn, "vault.create", path.name,
                                {"kdf": params.to_dict(), "schema": SCHEMA_VERSION})  # fmt: skip
            write_header(path, header)
        except BaseException as exc:
            vault._close()
            for p in (path, header_path(path), *sidecar_files(path)):
                p.unlink(missing_ok=True)
            if isinstance(exc, DatabaseError):
                raise sqlite_failure(path, exc) from exc
            if isinstance(exc, OSError):
                raise os_failure(path, exc) from exc
            raise
        return vault

    @classmethod
    def open(cls, path: Path, passphrase: str | bytes | bytearray) -> Vault:
        path = Path(path)
        _check_file(path)
        header = read_header(path)
        kek = derive_kek(passphrase, header.salt, header.kdf)
        try:
            key = unwrap_key(kek, header.wrap.nonce, header.wrap.wrapped, header.aad())
        except WrongPassphrase:
            zero(kek)
            unlock_attempts.record_failure(path)
            raise
        pending = None
        if header.pending is not None:
            try:
                pending = unwrap_key(
                    kek, header.pending.nonce, header.pending.wrapped, header.aad()
                )
            except WrongPassphrase:
                pending = None
        vault = cls(path, header)
        vault._unlock(key, kek, pending, "passphrase")
        return vault

    @classmethod
    def open_remembered(cls, path: Path) -> Vault:
        path = Path(path)
        _check_file(path)
        header = read_header(path)
        rem = header.remembered
        if not rem:
            raise KeyringUnavailable.of("vault.not_remembered", name=path.name)
        from workbench.vault.keystore import load_device_key

        device = load_device_key(str(rem.get("account", "")), str(rem.get("backend", "")))
        try:
            wrap = Wrap.from_dict(rem, header_path(path))
            key = unwrap_key(device, wrap.nonce, wrap.wrapped, header.remember_aad())
        except WrongPassphrase as exc:
            raise VaultError.of("vault.remembered_key_stale") from exc
        finally:
            zero(device)
        vault = cls(path, header)
        vault._unlock(key, None, None, "keyring")
        return vault

    def _unlock(
        self, key: bytearray, kek: bytearray | None, pending: bytearray | None, how: str
    ) -> None:
        try:
            conn, key = self._connect_recovering(key, pending)
        except BaseException:
            for secret in (key, kek, pending):
                zero(secret)
            raise
        self._attach(conn, key, kek)
        try:
            problems = cipher_check(conn)
            if problems:
                raise DamagedVault.of(
                    "vault.integrity_failed",
                    report=problems,
                    name=self.path.name,
                    count=len(problems),
                    problem=problems[0],
                )
            migrate(conn, self.path.name)
            attempts = unlock_attempts.read(self.path)
            params: dict[str, Any] = {"method": how}
            if attempts["failed"]:
                params.update(failed_attempts=attempts["failed"], first_failed=attempts["first"],
                              last_failed=attempts["last"])  # fmt: skip
            with transaction(conn):
                rec_store.audit(conn, "vault.unlock", self.path.name, params)
                audit_log.close_open_exports(conn)  # left by a killed process
            self.failed_unlocks = attempts
            if attempts["failed"]:
                unlock_attempts.clear(self.path)
        except DatabaseError as exc:
            self._close()
            raise sqlite_failure(self.path, exc) from exc
        except BaseException:
            self._close()
            raise

    def _connect_recovering(
        self, key: bytearray, pending: bytearray | None
    ) -> tuple[Connection, bytearray]:
        """Connect; after an interrupted key rotation, whichever key the file now uses wins."""
        try:
            conn = connect(self.path, key, page_size=self._header.page_size)
            if pending is not None:
                zero(pending)
                self._header.pending = None
                write_header(self.path, self._header)
            return conn, key
        except DamagedVault:
            if pending is None:
                raise
        conn = connect(self.path, pending, page_size=self._header.page_size)
        assert self._header.pending is not None
        self._header.wrap, self._header.pending = self._header.pending, None
        self._header.remembered = None  # wrapped the old key
        write_header(self.path, self._header)
        zero(key)
        return conn, pending

    def _rekeyed_elsewhere(self) -> bool:
        """Did another process rotate the key, change the vault or restore over it since this
        one was unlocked? (Its pages then fail this connection's key: not damage.)"""
        try:
            on_disk = read_header(self.path)
        except VaultError:
            return False
        mine = self._header
        return on_disk.pending is not None or (on_disk.vault_id, on_disk.wrap) != (
            mine.vault_id,
            mine.wrap,
        )

    def _attach(self, conn: Connection, key: bytearray, kek: bytearray | None) -> None:
        self._conn, self._key, self._kek = conn, key, kek

    def _close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(DatabaseError):
                self._conn.close()
        self._conn = None
        zero(self._key)
        zero(self._kek)
        self._key = self._kek = None

    def lock(self) -> None:
        """Close every connection and wipe the keys. Safe to call when already locked."""
        with self._mutex:
            if self._conn is not None:
                try:
                    with transaction(self._conn):
                        rec_store.audit(self._conn, "vault.lock", self.path.name, {})
                except DatabaseError:
                    pass
            self._close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    def _audit(self, action: str, obj: str, params: dict[str, Any]) -> None:
        assert self._conn is not None
        with transaction(self._conn):
            rec_store.audit(self._conn, action, obj, params)

    # ------------------------------------------------------------------ keys
    @_unlocked
    def change_passphrase(
        self, old: str | bytes | bytearray, new: str | bytes | bytearray,
        *, kdf: KdfParams | None = None,
    ) -> None:  # fmt: skip
        """Re-wrap the data key under a new passphrase (no re-encryption). Old must be right."""
        h = self._header
        check = derive_kek(old, h.salt, h.kdf)
        try:
            zero(unwrap_key(check, h.wrap.nonce, h.wrap.wrapped, h.aad()))
        finally:
            zero(check)
        assert self._key is not None
        params = kdf or DEFAULT_KDF
        salt = new_salt()
        new_header = Header(h.vault_id, params, salt, h.wrap, h.created_at, h.remembered, None,
                            dict(h.extra), h.page_size)  # fmt: skip
        kek = derive_kek(new, salt, params)
        new_header.wrap = Wrap(*wrap_key(kek, self._key, new_header.aad()))
        write_header(self.path, new_header)
        self._header = new_header
        zero(self._kek)
        self._kek = kek
        self._audit("vault.passphrase", self.path.name, {"kdf": params.to_dict()})

    @_unlocked
    def rotate_key(
        self, progress: Progress = NULL_PROGRESS, cancel: CancelToken | None = None
    ) -> None:
        """New random data key; every page re-encrypted (SQLCipher rekey, one transaction)."""
        if self._kek is None:
            raise VaultError.of("vault.rotate_needs_passphrase")
        check_cancel(cancel)
        assert self._conn is not None and self._key is not None
        self._remove_leftovers()  # plaintext-free, but full-size copies under the old key
        progress.update(0, 3, "Preparing the new key")
        h = self._header
        new_key = new_data_key()
        h.pending = Wrap(*wrap_key(self._kek, new_key, h.aad()))
        write_header(self.path, h)
        progress.update(1, 3, "Re-encrypting every page")
        raw = raw_key_literal(new_key)
        try:
            self._conn.reset_key(raw)
        except DatabaseError as exc:
            zero(new_key)
            self._after_failed_rekey()
            h.pending = None
            write_header(self.path, h)
            failure = sqlite_failure(self.path, exc)
            if isinstance(failure, VaultBusy | DamagedVault):
                raise failure from exc  # busy: nothing changed, try again
            raise VaultError.of("vault.rotate_failed", detail=failure.render()) from exc
        finally:
            zero(raw)
        h.wrap, h.pending = h.pending, None
        if h.remembered:
            from workbench.vault.keystore import delete_device_key

            delete_device_key(str(h.remembered.get("account", "")))
            h.remembered = None
        write_header(self.path, h)
        zero(self._key)
        self._key = new_key
        progress.update(2, 3, "Checking")
        self._audit("vault.rotate_key", self.path.name, {})
        progress.update(3, 3, "Done")

    def _after_failed_rekey(self) -> None:
        """After a failed ``reset_key`` SQLCipher keeps the NEW key for this connection's writes
        while the file is still under the old one: one more write through it (an audit entry, the
        lock entry) would leave pages under two keys. Close it unused and connect again with the
        old key (the file is unchanged: the rekey is one transaction, rolled back)."""
        assert self._conn is not None and self._key is not None
        with contextlib.suppress(DatabaseError):
            self._conn.close()
        self._conn = None
        try:
            self._conn = connect(self.path, self._key, page_size=self._header.page_size)
        except BaseException:
            self._close()  # locked; the next unlock opens it normally
            raise

    @_unlocked
    def remember(self) -> str:
        """Keep a second wrap of the key under a device key in the OS keyring; returns the
        keyring backend's name (KeyringUnavailable when there is no trustworthy keyring)."""
        from workbench.vault.keystore import store_device_key

        assert self._key is not None
        h = self._header
        device = new_data_key()
        try:
            backend = store_device_key(h.vault_id, device)
            nonce, wrapped = wrap_key(device, self._key, h.remember_aad())
        finally:
            zero(device)
        h.remembered = {"backend": backend, "account": h.vault_id,
                        **Wrap(nonce, wrapped).to_dict()}  # fmt: skip
        write_header(self.path, h)
        self._audit("vault.remember", self.path.name, {"backend": backend})
        return backend

    @_unlocked
    def forget(self) -> None:
        from workbench.vault.keystore import delete_device_key

        h = self._header
        if h.remembered:
            delete_device_key(str(h.remembered.get("account", h.vault_id)))
        h.remembered = None
        write_header(self.path, h)
        self._audit("vault.forget", self.path.name, {})

    # ------------------------------------------------------------- integrity
    @_unlocked
    def check(self) -> IntegrityReport:
        assert self._conn is not None
        problems = [f"page authentication: {p}" for p in cipher_check(self._conn)]
        problems += [f"database structure: {p}" for p in sqlite_check(self._conn)]
        fk = self._conn.execute("PRAGMA foreign_key_check").fetchall()
        problems += [f"broken link in table {r[0]} row {r[1]}" for r in fk]
        self._audit("vault.check", self.path.name, {"ok": not problems})
        return IntegrityReport(ok=not problems, problems=problems)

    @_unlocked
    def backup(self, dest: Path) -> Path:
        dest = Path(dest)
        if dest.resolve() in (self.path.resolve(), header_path(self.path).resolve()):
            raise VaultError.of("vault.backup_over_vault")
        assert self._conn is not None and self._key is not None
        self._remove_leftovers()
        self._audit("vault.backup", self.path.name, {"file": str(dest)})
        return write_backup(self._conn, self._key, self._header, dest, self.path)

    def _remove_leftovers(self) -> None:
        """Remove what an interrupted backup or restore left beside the vault, and say so."""
        removed = remove_leftovers(self.path)
        if removed:
            self._audit("vault.leftovers_removed", self.path.name,
                        {"files": [p.name for p in removed]})  # fmt: skip

    @classmethod
    def restore(
        cls,
        backup: Path,
        dest: Path,
        passphrase: str | bytes | bytearray,
        *,
        replace_other: bool = False,
    ) -> Vault:
        """Verify a backup completely, then (and only then) put it in place at dest. A vault of
        another id at dest is replaced only with ``replace_other`` (RestoreOtherVault otherwise)."""
        backup, dest = Path(backup), Path(dest)
        if not dest.parent.is_dir():
            raise VaultError.of("vault.folder_missing", parent=dest.parent)
        remove_leftovers(dest)
        staging = work_file(dest, "restore")
        try:
            header = read_backup(backup, staging)
            replaced = check_replacing(dest, header, backup, replace_other)
            header.remembered = None
            header.pending = None
            key = header.unwrap(passphrase)
            try:
                conn = connect(staging, key, page_size=header.page_size)
                try:
                    problems = cipher_check(conn) + sqlite_check(conn)
                    if schema_version(conn) > SCHEMA_VERSION:
                        problems.append("the backup comes from a newer Workbench")
                    point = audit_log.last_content(conn)  # the backup point
                finally:
                    conn.close()
            except DatabaseError as exc:
                failure = sqlite_failure(dest, exc)
                if isinstance(failure, DamagedVault):
                    failure = damaged(backup, exc)
                raise failure from exc
            except DamagedVault as exc:  # connect's verdict names the staging file
                raise DamagedVault.of("vault.backup_verify_failed", report=exc.report,
                                      hint_code="vault.hint_older_backup",
                                      backup=backup.name) from exc  # fmt: skip
            finally:
                zero(key)
            if problems:
                raise DamagedVault.of(
                    "vault.backup_verify_failed",
                    report=problems,
                    hint_code="vault.hint_older_backup",
                    backup=backup.name,
                )
            carry = read_carry(dest, passphrase, point)  # the replaced vault's later entries
            for side in sidecar_files(dest):
                side.unlink(missing_ok=True)
            os.replace(staging, dest)
            write_header(dest, header)
        except OSError as exc:
            raise os_failure(dest, exc) from exc
        finally:
            staging.unlink(missing_ok=True)
            for side in sidecar_files(staging):
                side.unlink(missing_ok=True)
        vault = cls.open(dest, passphrase)
        assert vault._conn is not None
        with transaction(vault._conn):
            record_carry(vault._conn, carry, dest.name)
        params: dict[str, Any] = {"from": str(backup)}
        if replaced is not None:
            params["replaced_other_vault"] = replaced
        vault._audit("vault.restore", dest.name, params)
        return vault

    @_unlocked
    def info(self) -> dict[str, Any]:
        """Settings, versions, sizes and counts — never a data value."""
        assert self._conn is not None
        return describe(self._conn, self.path, self._header)

    # -------------------------------------------------------------- datasets
    @_unlocked
    def save_datasets(
        self,
        datasets: list[Dataset],
        *,
        replace: bool = False,
        cancel: CancelToken | None = None,
        progress: Progress = NULL_PROGRESS,
    ) -> list[DatasetInfo]:
        """Store every dataset in ONE transaction: all of them, or (on any error, cancel or crash)
        none, with the vault exactly as before."""
        names = [d.name for d in datasets]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise VaultError.of("vault.import_duplicate_names", dup=dup[0])
        check_cancel(cancel)
        total = sum(d.n_cols for d in datasets) or 1
        out: list[DatasetInfo] = []
        assert self._conn is not None
        with transaction(self._conn):
            done = 0
            for ds in datasets:
                replaced = self._conn.execute(
                    "SELECT 1 FROM datasets WHERE name = ?", (ds.name,)
                ).fetchone() is not None  # fmt: skip
                info = ds_store.save_dataset(self._conn, ds, replace=replace,
                                             progress=progress, cancel=cancel, done=done,
                                             total=total)  # fmt: skip
                done += ds.n_cols
                rec_store.audit(self._conn, "dataset.import", ds.name, {
                    "unit": ds.unit, "rows": ds.n_rows, "columns": ds.n_cols,
                    "replaced": replaced, "fingerprint": info.fingerprint,
                    "source": {k: ds.source.get(k) for k in ("file", "format", "sheet", "sha256")
                               if k in ds.source},
                    "identifiers": ds_store.identifier_actions(ds),
                })  # fmt: skip
                out.append(info)
            check_cancel(cancel)
        return out

    @_unlocked
    def list_datasets(self) -> list[DatasetInfo]:
        assert self._conn is not None
        return ds_store.list_datasets(self._conn)

    @_unlocked
    def load_dataset(self, name: str, columns: list[str] | None = None) -> Dataset:
        assert self._conn is not None
        return ds_store.load_dataset(self._conn, name, columns)

    @_unlocked
    def variables(self, name: str) -> list[Variable]:
        assert self._conn is not None
        return ds_store.load_variables(self._conn, ds_store.dataset_id(self._conn, name))

    @_unlocked
    def delete_dataset(self, name: str) -> None:
        assert self._conn is not None
        with transaction(self._conn):
            ds_store.delete_dataset(self._conn, name)
            rec_store.audit(self._conn, "dataset.delete", name, {})

    # --------------------------------------------------------- cleaning log
    @_unlocked
    def cleaning_log(self, dataset: str) -> list[CleaningEntry]:
        """Every entry of the dataset's cleaning log (for the data stored now), in order."""
        assert self._conn is not None
        return clean_store.load_log(self._conn, dataset)

    @_unlocked
    def cleaning_stamp(self, dataset: str) -> tuple[int, int]:
        """(entries, last entry id) of the dataset's cleaning log."""
        assert self._conn is not None
        return clean_store.log_stamp(self._conn, dataset)

    @_unlocked
    def cleaning_entry(self, entry_id: int) -> CleaningEntry:
        assert self._conn is not None
        return clean_store.entry(self._conn, entry_id)

    @_unlocked
    def append_cleaning(
        self,
        batches: list[tuple[str, list[dict[str, Any]], int]],
        source: dict[str, Any] | None = None,
    ) -> list[CleaningEntry]:
        """Append changes to datasets' cleaning logs — ``(dataset, changes, after)`` each, where
        ``after`` is the last entry id the old values were read against (refused when the log
        moved since) — each with its audit entry, in ONE transaction: all of them or none."""
        assert self._conn is not None
        out: list[CleaningEntry] = []
        with transaction(self._conn):
            for dataset, changes, after in batches:
                out += clean_store.append(self._conn, dataset, changes, after=after,
                                          source=source or {})  # fmt: skip
        return out

    # ----------------------------------------------------------------- plans
    @_unlocked
    def save_plan(
        self, name: str, toml_text: str, note: str = "", draft_errors: int = 0
    ) -> PlanRecord:
        """A new version of plan ``name``; ``draft_errors`` > 0 saves it as a draft."""
        assert self._conn is not None
        with transaction(self._conn):
            rec = rec_store.save_plan(self._conn, name, toml_text, note, draft_errors)
            params: dict[str, Any] = {"version": rec.version, "sha256": rec.sha256}
            if rec.is_draft:
                params["draft_errors"] = rec.draft_errors
            rec_store.audit(self._conn, "plan.save", name, params)
        return rec

    @_unlocked
    def load_plan(self, name: str, version: int | None = None) -> PlanRecord:
        assert self._conn is not None
        return rec_store.load_plan(self._conn, name, version)

    @_unlocked
    def plan_versions(self, name: str) -> list[PlanRecord]:
        assert self._conn is not None
        return rec_store.plan_versions(self._conn, name)

    @_unlocked
    def list_plans(self) -> list[PlanRecord]:
        assert self._conn is not None
        return rec_store.list_plans(self._conn)

    # --------------------------------------------------------------- results
    @_unlocked
    def save_run(
        self,
        tables: dict[str, Any],
        meta: dict[str, Any],
        snapshot: dict[str, Any],
        *,
        plan_name: str,
        plan_version: int,
    ) -> RunRecord:
        """Store one analysis run: its tables (DataFrames by name), the engine's meta and the
        run snapshot (a JSON-ready dict)."""
        assert self._conn is not None
        with transaction(self._conn):
            run = rec_store.save_run(self._conn, tables, meta, snapshot, plan_name, plan_version)
            counts: dict[str, Any] = {
                k: len(tables[k]) for k in ("estimates", "comparisons") if k in tables
            }
            rec_store.audit(self._conn, "results.save", str(run.id), {
                "plan": plan_name, "plan_version": plan_version, "sha256": run.results_sha256,
                **counts,
            })  # fmt: skip
        return run

    @_unlocked
    def load_run(self, run_id: int) -> StoredRun:
        assert self._conn is not None
        return rec_store.load_run(self._conn, run_id)

    @_unlocked
    def store_snapshot(self, run_id: int, snapshot: dict[str, Any], note: str) -> bool:
        """Write the snapshot of a run stored without one (once; False if it has one)."""
        assert self._conn is not None
        with transaction(self._conn):
            done = rec_store.store_snapshot(self._conn, run_id, snapshot)
            if done:
                rec_store.audit(
                    self._conn, "results.snapshot_reconstructed", str(run_id), {"note": note}
                )
        return done

    @_unlocked
    def list_results(self) -> list[RunRecord]:
        assert self._conn is not None
        return rec_store.list_results(self._conn)

    @_unlocked
    def record_report(self, run_id: int, path: str, options: dict[str, Any]) -> int:
        assert self._conn is not None
        with transaction(self._conn):
            return rec_store.record_report(self._conn, run_id, path, options)

    @_unlocked
    def list_reports(self) -> list[ReportRecord]:
        assert self._conn is not None
        return rec_store.list_reports(self._conn)

    # ----------------------------------------------------------------- audit
    @_unlocked
    def audit(self, action: str, obj: str, params: dict[str, Any]) -> None:
        self._audit(action, obj, params)

    @_unlocked
    def record(
        self,
        action: str,
        obj: str,
        params: dict[str, Any],
        inside: Callable[[], None] | None = None,
    ) -> None:
        """Append one audit entry; ``inside`` runs in the same transaction before the commit
        (the export writer renames its files there), and its failure rolls the entry back.
        The vault is an ``export_writer.AuditSink``."""
        assert self._conn is not None
        with transaction(self._conn):
            rec_store.audit(self._conn, action, obj, params)
            if inside is not None:
                inside()

    @_unlocked
    def audit_log(self, action: str | None = None, since: str | None = None) -> list[AuditEntry]:
        assert self._conn is not None
        return rec_store.audit_log(self._conn, action, since)

    @_unlocked
    def export_audit(self, path: Path) -> ChainReport:
        """Write the whole audit log (with its hash chain) to ``path`` for a reviewer: .csv,
        .xlsx or .json, through the export writer (the export is itself audited). Returns the
        verification of the rows written."""
        assert self._conn is not None
        rows = audit_log.rows(self._conn)
        files = audit_files(rows, Path(path), self.path.name)
        export_files(files, kind="audit", obj=self.path.name, audit=self, audience="internal")
        return audit_log.verify_rows(rows)

    @_unlocked
    def verify_audit(self) -> ChainReport:
        """Recompute the audit log's hash chain; the first break, if any."""
        assert self._conn is not None
        return audit_log.verify(self._conn)
