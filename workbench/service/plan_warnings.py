"""The plan check's warnings a run records (the report's methodology lists them with their
justifications). Mixed into ``Workbench``: the check made when a plan is saved is kept for this
unlock, so analysing the plan just saved does not check it again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.cleaning_model import LogSummary
    from workbench.findings import Finding
    from workbench.plan.model import Plan
    from workbench.vault.vault import Vault


class PlanWarningsOps:
    """Mixed into ``Workbench`` (which provides ``vault``, ``check_plan``, ``cleaning_summary``
    and the ``_checked`` cache, emptied on lock)."""

    _checked: dict[tuple[str, ...], list[Finding]]

    @property
    def vault(self) -> Vault:  # pragma: no cover - Workbench defines it
        raise NotImplementedError

    def check_plan(self, plan: Plan) -> list[Finding]:  # pragma: no cover - Workbench's
        raise NotImplementedError

    def cleaning_summary(self, dataset: str) -> LogSummary:  # pragma: no cover - Workbench's
        raise NotImplementedError

    def _check_key(self, plan_sha256: str) -> tuple[str, ...]:
        """A plan's check holds for that plan text over the datasets as they are now."""
        sets = tuple(sorted((d.name, d.fingerprint) for d in self.vault.list_datasets()))
        logs = tuple(sorted((n, self.cleaning_summary(n).sha256) for n, _f in sets))
        return (plan_sha256, repr(sets), repr(logs))

    def remember_check(self, plan_sha256: str, findings: list[Finding]) -> None:
        self._checked[self._check_key(plan_sha256)] = findings

    def plan_warnings(self, rec: Any, plan: Plan) -> list[dict[str, Any]]:
        """The plan check's warnings for a run of ``rec`` (the check made when it was saved in
        this unlock, else made now), as plain dicts for the run's snapshot."""
        key = self._check_key(rec.sha256)
        findings = self._checked.get(key)
        if findings is None:
            findings = self._checked[key] = self.check_plan(plan)
        return [f.to_dict() for f in findings if f.severity == "warning"]
