"""The one hierarchy of expected failures.

Every error a user can cause or meet derives from :class:`WorkbenchError` and carries a one-line,
human message (``str(err)``) that names the file, row or column involved. The CLI prints that line
and exits 1; the app shows it in a dialog. Anything else reaching the top is a bug.
"""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base of all expected, user-facing failures."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None, hint: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.hint = hint

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class VaultError(WorkbenchError):
    code = "vault"


class WrongPassphrase(VaultError):
    code = "vault.wrong_passphrase"


class NotAVault(VaultError):
    code = "vault.not_a_vault"


class DamagedVault(VaultError):
    code = "vault.damaged"

    def __init__(self, message: str, *, report: list[str] | None = None, hint: str | None = None):
        hint = hint or "Restore the latest backup (workbench vault restore)."
        super().__init__(message, hint=hint)
        self.report = report or []


class VaultLocked(VaultError):
    code = "vault.locked"


class KeyringUnavailable(VaultError):
    code = "vault.keyring_unavailable"


class ImportError_(WorkbenchError):
    """A file could not be imported. The message names the file and the place."""

    code = "import"


class PlanError(WorkbenchError):
    code = "plan"


class LibraryError(WorkbenchError):
    code = "library"


class StatsError(WorkbenchError):
    code = "stats"


class ReportError(WorkbenchError):
    code = "report"


class Cancelled(WorkbenchError):
    """Raised by long work when its cancel token was set; nothing was changed."""

    code = "cancelled"

    def __init__(self, message: str = "Cancelled; nothing was changed.") -> None:
        super().__init__(message)


class NotFound(WorkbenchError):
    code = "not_found"
