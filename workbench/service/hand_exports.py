"""The façade's operations for results taken out by hand and for the session's notices:
copying a table to the clipboard, saving a chart, the failed unlocks before this unlock, the
open vault's file. Mixed into ``Workbench``; each export is audited by the one export writer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.vault.vault import Vault

#: chart formats a user can save, by file suffix
CHART_FORMATS = ("png", "svg")


class HandExportOps:
    """Mixed into ``Workbench`` (which provides ``vault``)."""

    @property
    def vault(self) -> Vault:  # pragma: no cover - Workbench defines it
        raise NotImplementedError

    def copy_table(
        self,
        rows: Sequence[Sequence[Any]],
        *,
        kind: str,
        obj: str = "",
        audience: str = "internal",
    ) -> str:
        """Tab-separated text of ``rows`` (header first) for the clipboard, audited as an
        ``export.clipboard`` of the open vault (raises when it is locked: nothing copied)."""
        from workbench.export_writer import clipboard_export

        return clipboard_export(rows, kind=kind, obj=obj, audit=self.vault, audience=audience)

    def save_chart(self, path: str | Path, data: bytes, *, obj: str = "") -> Path:
        """A chart the app drew (PNG or SVG bytes) written through the export writer: audited
        before and after, atomic. Charts show publishable values only."""
        from workbench.errors import ExportError
        from workbench.export_writer import OutFile, export_files

        target = Path(path)
        fmt = target.suffix.lower().lstrip(".")
        if fmt not in CHART_FORMATS:
            raise ExportError.of("export.chart_format", name=target.name,
                                 formats=", ".join(CHART_FORMATS))  # fmt: skip
        export_files([OutFile(target, data)], kind="chart", obj=obj, audit=self.vault,
                     audience="publishable", details={"format": fmt})  # fmt: skip
        return target

    @staticmethod
    def audit_sentence(action: str, obj: str, params: dict[str, Any], language: str) -> str:
        """An audit entry in plain words in ``language`` (workbench/service/audit_text.py)."""
        from workbench.service.audit_text import describe

        return describe(action, obj, params, language)

    def failed_unlocks(self) -> dict[str, Any]:
        """Wrong passphrases typed for this vault since the unlock before this one:
        ``{"failed": n, "first": utc, "last": utc}`` (``{"failed": 0}`` when none)."""
        return dict(self.vault.failed_unlocks)

    def vault_path(self) -> Path:
        """The open vault's database file."""
        return self.vault.path
