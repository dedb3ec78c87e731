"""The façade's calibration operations (``Workbench`` inherits them): set or clear a plan's
calibration, read a margins file, summarise what a plan calibrates to. The logic is
``workbench/plan/calibration.py``; each change saves a new plan version (checked, audited)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from workbench.findings import Finding

if TYPE_CHECKING:
    from workbench.plan.model import Plan
    from workbench.stats.calibration_spec import CalibrationSpec, Margin
    from workbench.vault.vault import PlanRecord


class _Plans(Protocol):
    def load_plan(self, name: str, version: int | None = None) -> Plan: ...
    def save_plan_checked(self, plan: Plan, note: str = "") -> tuple[PlanRecord, list[Finding]]: ...


class CalibrationOps:
    @staticmethod
    def read_margins_file(
        path: str | Path,
    ) -> tuple[tuple[Margin, ...], tuple[tuple[str, float], ...]]:
        """The margins and numeric totals of a ``variable,level,total`` CSV file."""
        from workbench.errors import PlanError
        from workbench.plan.calibration import read_margins_csv

        p = Path(path)
        try:
            text = p.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise PlanError.of(
                "plan.file_unreadable", file=str(p), reason=exc.strerror or type(exc).__name__
            ) from None
        except UnicodeDecodeError:
            raise PlanError.of("plan.margins_encoding", file=str(p)) from None
        return read_margins_csv(text, p.name)

    @staticmethod
    def margins_text(spec: CalibrationSpec) -> str:
        """A calibration's totals as a margins file's text (``variable,level,total``)."""
        from workbench.plan.calibration import margins_csv

        return margins_csv(spec)

    @staticmethod
    def describe_calibration(spec: CalibrationSpec) -> dict[str, Any]:
        from workbench.plan.calibration import describe

        return describe(spec)

    def set_calibration(
        self: _Plans, plan_name: str, spec: CalibrationSpec | None, note: str = ""
    ) -> tuple[PlanRecord, list[Finding]]:
        """Save a new version of the plan calibrating to ``spec`` (None: no calibration); the
        plan checks run (levels without totals, empty cells, non-convergence are errors)."""
        from workbench.plan.calibration import with_calibration

        plan = with_calibration(self.load_plan(plan_name), spec)
        return self.save_plan_checked(plan, note or ("calibration" if spec else "no calibration"))
