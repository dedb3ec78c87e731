"""Registry of the disclosure-control presets: which estimates are flagged ``caution`` or
``suppressed`` (applied by ``workbench/stats/disclosure.py``).

``workbench analyze --preset``, the app's settings page (combo box) and ``Settings`` are built from
``DISCLOSURE_PRESETS``; ``custom`` (thresholds given in ``AnalysisOptions``) is not a preset.

To add a preset: add an entry below with its published thresholds and source, and a name in
``workbench/i18n/messages_<lang>.json`` (``vocab.disclosure_preset.<code>``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workbench.registry import Registry

#: the preset that reads its thresholds from AnalysisOptions
CUSTOM = "custom"


@dataclass(frozen=True)
class Thresholds:
    suppress_below_n: int = 0
    caution_below_n: int = 0
    caution_cv: float = math.inf  # caution when CV > this (nchs: ≥)
    suppress_cv: float = math.inf
    cv_inclusive: bool = False
    #: complementary suppression: a reader must not bound a suppressed cell more tightly than
    #: ± this share of its value (of min(p, 1 − p) for a proportion). Presets with a caution CV
    #: use it (a cell known that well is as good as a caution estimate); the others 0.20.
    protection_ratio: float = 0.20

    def as_meta(self) -> dict[str, float | int | bool | None]:
        return {k: (None if v == math.inf else v) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class DisclosurePreset:
    code: str
    thresholds: Thresholds
    #: where the rule comes from
    source: str


DISCLOSURE_PRESETS: Registry[DisclosurePreset] = Registry(
    "disclosure_preset",
    (
        DisclosurePreset(
            "dhs",
            Thresholds(suppress_below_n=25, caution_below_n=50),
            "DHS: fewer than 25 cases suppressed, 25–49 bracketed",
        ),
        DisclosurePreset(
            "statcan",
            Thresholds(
                suppress_below_n=10, caution_cv=0.165, suppress_cv=0.333, protection_ratio=0.165
            ),
            "Statistics Canada: CV above 33.3% suppressed, 16.5–33.3% caution",
        ),
        DisclosurePreset(
            "nchs",
            Thresholds(
                suppress_below_n=30, caution_cv=0.30, cv_inclusive=True, protection_ratio=0.30
            ),
            "NCHS: n below 30 suppressed; relative SE of 30% or more caution",
        ),
        DisclosurePreset("minimal", Thresholds(suppress_below_n=5), "internal use only"),
    ),
)
