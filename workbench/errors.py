"""The one hierarchy of expected failures.

Every error a user can cause or meet derives from :class:`WorkbenchError` and carries a one-line,
human message (``str(err)``) that names the file, row or column involved. The CLI prints that line
and exits 1; the app shows it in a dialog. Anything else reaching the top is a bug.
"""

from __future__ import annotations

from typing import Any, Self


class WorkbenchError(Exception):
    """Base of all expected, user-facing failures.

    Raise it as data: ``raise PlanError.of("plan.unknown_key", key=k)`` — the code is registered
    in ``workbench/i18n/messages_en.json`` (see :mod:`workbench.messages`) and the message is
    rendered in the user's language where it is shown (:meth:`render`). ``hint_code`` names a
    registered hint rendered after the message with the same parameters.
    """

    code: str = "error"
    #: the parameters of a coded error's template (empty for a plain-text error)
    params: dict[str, Any]
    hint_code: str | None = None

    def __init__(self, message: str, *, code: str | None = None, hint: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.hint = hint
        self.params = {}

    @classmethod
    def of(cls, code: str, /, *, hint_code: str | None = None, **params: Any) -> Self:
        """The error for a registered ``code`` with its template's parameters."""
        from workbench.messages import render

        err = cls.__new__(cls)
        hint = render(hint_code, params) if hint_code else None
        WorkbenchError.__init__(err, render(code, params), code=code, hint=hint)
        err.params = dict(params)
        err.hint_code = hint_code
        return err

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code

    def render(self, language: str = "en", *, with_hint: bool = True) -> str:
        """The message (and hint) in ``language``; English text for a plain-text error."""
        from workbench.messages import is_registered, render

        hint = self.render_hint(language) if with_hint else ""
        if is_registered(self.code) and (self.params or self.message == render(self.code)):
            text = render(self.code, self.params, language)
        else:
            text = self.message
        return f"{text} {hint}" if hint else text

    def render_hint(self, language: str = "en") -> str:
        """The next step in ``language`` (empty when there is none)."""
        from workbench.messages import render

        if self.hint_code:
            return render(self.hint_code, self.params, language)
        return self.hint or ""


class VaultError(WorkbenchError):
    code = "vault"


class WrongPassphrase(VaultError):
    code = "vault.wrong_passphrase"


class NotAVault(VaultError):
    code = "vault.not_a_vault"


#: the default next step for a damaged vault
RESTORE_HINT = "vault.hint_restore_backup"


def render_message(code: str) -> str:
    from workbench.messages import render

    return render(code)


class DamagedVault(VaultError):
    code = "vault.damaged"

    def __init__(self, message: str, *, report: list[str] | None = None, hint: str | None = None):
        hint = hint or render_message(RESTORE_HINT)
        super().__init__(message, hint=hint)
        self.hint_code = None if hint != render_message(RESTORE_HINT) else RESTORE_HINT
        self.report = report or []

    @classmethod
    def of(
        cls,
        code: str,
        /,
        *,
        hint_code: str | None = RESTORE_HINT,
        report: list[str] | None = None,
        **params: Any,
    ) -> Self:
        """The coded error; ``report`` lists the integrity problems found (English, technical)."""
        err = super().of(code, hint_code=hint_code, **params)
        err.report = list(report or [])
        return err


class VaultLocked(VaultError):
    code = "vault.locked"


class RestoreOtherVault(VaultError):
    """A restore would replace a DIFFERENT vault (or one whose id is unknown); its ``params``
    name both (the app asks before retrying with ``replace_other``)."""

    code = "vault.restore_other_vault"


class VaultBusy(VaultError):
    """Another process holds the vault's write lock: nothing is wrong, try again later."""

    code = "vault.busy"


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


class CleaningError(WorkbenchError):
    """A change to the cleaning log was refused (the message names the record and question)."""

    code = "clean"


class ExportError(WorkbenchError):
    """A file could not be written out of the vault (``workbench/export_writer.py``)."""

    code = "export"


class Cancelled(WorkbenchError):
    """Raised by long work when its cancel token was set; nothing was changed."""

    code = "cancelled"

    def __init__(self, message: str = "Cancelled; nothing was changed.") -> None:
        super().__init__(message, code="error.cancelled")


class NotFound(WorkbenchError):
    code = "not_found"
