"""Data checks: plausibility, outliers, skip patterns, "other, specify", duplicates, duration,
consent and the plan's own rules — each problem one finding (``check.*`` codes) with a "where"
that names the record (see :mod:`workbench.checks.collect`).

:func:`run_checks` runs every check over whole datasets, vectorised. Column roles come from
:mod:`workbench.checks.roles`; thresholds are documented in each module and in
``docs/checks.md``. A household dataset is checked with its member roster (``Dataset.parent``)
when both are given: household size against the roster, heads' ages, members' skip rules that
name household questions. Nothing here writes: the façade runs it at import and on demand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import pandas as pd

from workbench.checks.collect import Collector
from workbench.checks.duplicates import check_duplicates
from workbench.checks.duration import check_duration
from workbench.checks.link import member_rows, take_rows
from workbench.checks.other import check_other_specify
from workbench.checks.outliers import check_outliers, group_codes
from workbench.checks.ranges import check_ages, check_amounts, check_dates, check_household_size
from workbench.checks.roles import Roles, find_roles
from workbench.checks.rules import check_rules
from workbench.checks.skips import check_skips
from workbench.dataset_model import Dataset
from workbench.errors import Cancelled
from workbench.findings import Finding
from workbench.plan.consent import consent_mask, consent_rule
from workbench.plan.model import Plan
from workbench.progress import NULL_PROGRESS, CancelToken, Progress, check_cancel

__all__ = ["CHECK_STEPS", "run_checks"]

#: the checks, in the order they run (progress messages name them)
CHECK_STEPS = (
    "consent",
    "ranges",
    "dates",
    "outliers",
    "skips",
    "other",
    "duplicates",
    "duration",
    "rules",
)


def run_checks(
    datasets: Mapping[str, Dataset],
    plan: Plan | None = None,
    only: Sequence[str] | None = None,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
    records: Mapping[str, np.ndarray] | None = None,
) -> list[Finding]:
    """Every check over ``datasets`` (name → dataset; a roster's household dataset should be
    among them); findings only for the datasets named in ``only`` (all when None); ``records``:
    each dataset's record names in the cleaning log (see :mod:`workbench.checks.collect`).

    A check that fails on data it was not written for is one ``check.step_failed`` warning naming
    it, and the other checks still run: the user sees what was not checked, never a crash."""
    names = list(only) if only is not None else list(datasets)
    total = len(names) * len(CHECK_STEPS)
    out: list[Finding] = []
    for i, name in enumerate(names):
        ds = datasets[name]
        parent = datasets.get(ds.parent) if ds.parent else None
        children = [d for d in datasets.values() if d.parent == ds.name]
        c = Collector(ds, find_roles(ds, plan), records=(records or {}).get(name))
        steps = _steps(c, parent, children, plan)
        for k, what in enumerate(CHECK_STEPS):
            check_cancel(cancel)
            progress.update(i * len(CHECK_STEPS) + k, total, f"{name}: {what}")
            try:
                steps[what]()
            except Cancelled:
                raise
            except Exception as exc:
                where = {"dataset": name}
                c.findings.append(
                    Finding.of(
                        "check.step_failed",
                        "warning",
                        where=where,
                        step=what,
                        error=type(exc).__name__,
                        detail=str(exc),
                    )
                )
        out += c.findings
    progress.update(total, total, "")
    return out


def _steps(
    c: Collector, parent: Dataset | None, children: list[Dataset], plan: Plan | None
) -> dict[str, Callable[[], None]]:
    ds = c.ds

    def ranges() -> None:
        check_ages(c)
        check_amounts(c)
        for child in children:
            check_household_size(c, child)

    def dates() -> None:
        up = find_roles(parent, plan) if parent is not None else None
        check_dates(c, _from_parent(ds, parent, up))

    return {
        "consent": lambda: _consent(c, plan) if parent is None else None,
        "ranges": ranges,
        "dates": dates,
        "outliers": lambda: check_outliers(c, _groups(ds, c.roles, parent, plan)),
        "skips": lambda: check_skips(c, parent),
        "other": lambda: check_other_specify(c),
        "duplicates": lambda: check_duplicates(c) if parent is None else None,
        "duration": lambda: check_duration(c),
        "rules": lambda: check_rules(c, plan),
    }


def _consent(c: Collector, plan: Plan | None) -> None:
    rule = consent_rule(plan, c.ds)
    if rule is None:
        return
    refused = ~consent_mask(rule, c.ds)
    c.add("check.no_consent", "info", refused, rule.column, {"value": c.ds.frame[rule.column]})


def _from_parent(ds: Dataset, parent: Dataset | None, roles: Roles | None) -> pd.Series | None:
    """Members' interview date: their household's."""
    if parent is None or roles is None or not roles.interview_date:
        return None
    where = member_rows(ds, parent)
    if where is None:
        return None
    dates = parent.frame[roles.interview_date].to_numpy(dtype="datetime64[ns]")
    out = dates[np.where(where >= 0, where, 0)]
    out[where < 0] = np.datetime64("NaT")
    return pd.Series(out)


def _groups(
    ds: Dataset, roles: Roles, parent: Dataset | None, plan: Plan | None
) -> np.ndarray | None:
    if roles.group:
        return group_codes(ds.frame[roles.group])
    if parent is None:
        return None
    up = find_roles(parent, plan)
    where = member_rows(ds, parent)
    if not up.group or where is None:
        return None
    return group_codes(take_rows(parent.frame[up.group], where))
