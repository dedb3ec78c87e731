"""User settings (language, idle lock, disclosure preset, …) kept in the config folder.

Settings hold preferences and vault *paths* only — never data values, never secrets.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from workbench.languages import DEFAULT_LANGUAGE, LANGUAGES
from workbench.paths import config_dir


@dataclass
class Settings:
    language: str = DEFAULT_LANGUAGE
    idle_lock_minutes: int = 10
    disclosure_preset: str = "dhs"
    alpha: float = 0.05
    office_name: str = ""
    report_pdfa: bool = True
    page_size: str = "A4"
    recent_vaults: list[str] = field(default_factory=list)
    window_geometry: str = ""  # base64 of QWidget.saveGeometry(), set by the app

    def remember_vault(self, path: str | Path, keep: int = 8) -> None:
        p = str(Path(path).resolve())
        self.recent_vaults = [p, *[v for v in self.recent_vaults if v != p][: keep - 1]]

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        try:
            raw = json.loads(cls.path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        s = cls(**{k: v for k, v in raw.items() if k in known})
        if s.language not in LANGUAGES:
            s.language = DEFAULT_LANGUAGE
        return s

    def save(self) -> None:
        target = self.path()
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".settings-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self.to_dict(), fh, indent=2)
        os.replace(tmp, target)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
