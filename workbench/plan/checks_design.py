"""Checks of the plan's later sampling stages and replicate weights (docs/plans.md).

What R's ``svydesign`` / ``svrepdesign`` would refuse or warn about, said before the analysis:
an FPC that varies within a stratum or mixes sizes and fractions, a stage without an FPC (its
variance and that of the stages below are then not counted — the standard errors of a
multistage sample come out too small), strata of a later stage with a single unit, replicate
columns that are missing, fewer than declared or not valid weights, replicate scales of the
wrong length, and generated replicates the design cannot give.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.findings import Finding, Severity
from workbench.plan.checks_structure import finding
from workbench.plan.codes import canon_series
from workbench.plan.design import replicate_columns
from workbench.plan.model import Plan


def check_stages_and_replicates(plan: Plan, hh: Dataset) -> list[Finding]:
    d = plan.design
    out: list[Finding] = []
    if d.stages:
        out += _check_stages(plan, hh)
    if d.replicates is not None:
        out += _check_replicates(plan, hh)
    return out


def _col(hh: Dataset, name: str | None) -> pd.Series | None:
    return hh.frame[name] if name and name in hh.frame.columns else None


def _check_stages(plan: Plan, hh: Dataset) -> list[Finding]:
    d = plan.design
    where = {"section": "design.stages", "dataset": hh.name}
    if d.type != "complex" or not d.psu:
        return [finding("stages_without_psu", "error", where)]
    out: list[Finding] = []
    fpcs = [d.fpc, *(s.fpc for s in d.stages)]
    given = [f for f in fpcs if f]
    if given and not d.fpc:
        out.append(finding("stage_fpc_without_first", "warning", where))
    elif d.fpc:
        missing = next((i + 1 for i, f in enumerate(fpcs) if not f), None)
        if missing is not None:
            out.append(finding("stage_fpc_missing", "warning", where, stage=missing))
    values = [pd.to_numeric(_col(hh, f), errors="coerce") for f in given if _col(hh, f) is not None]
    if values:
        every = pd.concat(values)
        if (every > 1).any() and (every < 1).any():
            out.append(finding("fpc_mixed_stages", "error", where))
    out += _check_nesting(plan, hh, where)
    return out


def _check_nesting(plan: Plan, hh: Dataset, where: dict[str, str]) -> list[Finding]:
    """Per stage: FPC constant within each stratum (nested in the units above), strata of a
    later stage with a single unit."""
    d = plan.design
    parent = canon_series(_col(hh, d.strata)) if _col(hh, d.strata) is not None else None
    parent = (parent if parent is not None else pd.Series("1", index=hh.frame.index)).astype(str)
    ids = [d.psu, *(s.psu for s in d.stages)]
    strata = [None, *(s.strata for s in d.stages)]
    fpcs = [d.fpc, *(s.fpc for s in d.stages)]
    out: list[Finding] = []
    for stage, (unit_col, st_col, fpc_col) in enumerate(zip(ids, strata, fpcs, strict=True), 1):
        unit = _col(hh, unit_col)
        if unit is None:
            return out
        stratum = parent
        own = _col(hh, st_col)
        if stage > 1 and own is not None:
            stratum = parent + "\x1f" + canon_series(own).astype(str)
        fpc = _col(hh, fpc_col)
        if fpc is not None:
            varies = pd.to_numeric(fpc, errors="coerce").groupby(stratum.to_numpy()).nunique()
            if (varies > 1).any():
                out.append(
                    finding(
                        "fpc_varies",
                        "error",
                        {**where, "column": str(fpc_col)},
                        stage=stage,
                        count=int((varies > 1).sum()),
                    )
                )
        unit_key = stratum + "\x1f" + canon_series(unit).astype(str)
        if stage > 1:
            per = pd.DataFrame({"s": stratum.to_numpy(), "u": unit_key.to_numpy()})
            sizes = per.drop_duplicates().groupby("s")["u"].size()
            lonely = int((sizes == 1).sum())
            if lonely:
                sev: Severity = "error" if plan.design.lonely_psu == "fail" else "info"
                out.append(
                    finding(
                        "lonely_unit_stage",
                        sev,
                        where,
                        stage=stage,
                        count=lonely,
                        lonely_psu=plan.design.lonely_psu,
                    )
                )
        parent = unit_key
    return out


def _check_replicates(plan: Plan, hh: Dataset) -> list[Finding]:
    d = plan.design
    rep = d.replicates
    assert rep is not None
    where = {"section": "design.replicates", "dataset": hh.name}
    out: list[Finding] = []
    if d.type == "unweighted":
        return [finding("replicates_unweighted", "error", where)]
    if rep.type == "fay" and rep.rho == 0:
        out.append(finding("replicates_fay_rho", "error", where))
    if rep.generate:
        return out + _check_generated(plan, hh, where)
    if rep.columns and rep.pattern:
        out.append(finding("replicates_columns_and_pattern", "error", where))
    cols = [c for c in replicate_columns(plan, hh) if c in hh.frame.columns]
    if len(cols) < 2:
        out.append(finding("replicates_too_few", "error", where, count=len(cols)))
        return out
    if rep.rscales and len(rep.rscales) != len(cols):
        out.append(
            finding(
                "replicates_rscales_length", "error", where, given=len(rep.rscales), count=len(cols)
            )
        )
    if rep.type == "jkn" and not rep.rscales and rep.combined:
        out.append(finding("replicates_jkn_rscales", "error", where))
    values = hh.frame[cols].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=np.float64)
    bad = int((~np.isfinite(values) | (values < 0)).any(axis=1).sum())
    if bad:
        out.append(finding("replicates_invalid", "error", where, count=bad))
    if d.stages or d.fpc:
        out.append(finding("replicates_ignore_design", "info", where))
    return out


def _check_generated(plan: Plan, hh: Dataset, where: dict[str, str]) -> list[Finding]:
    d = plan.design
    rep = d.replicates
    assert rep is not None
    out: list[Finding] = []
    if rep.type in ("sdr", "other"):
        return [finding("replicates_not_generated", "error", where, type=rep.type)]
    if d.type != "complex":
        return [finding("replicates_generate_needs_design", "error", where)]
    strata = _col(hh, d.strata)
    if rep.type == "jk1" and strata is not None and canon_series(strata).nunique() > 1:
        out.append(finding("replicates_jk1_stratified", "error", where))
    if rep.type in ("brr", "fay"):
        psu = _col(hh, d.psu)
        s = (
            canon_series(strata).astype(str)
            if strata is not None
            else pd.Series("1", hh.frame.index)
        )
        p = (
            canon_series(psu).astype(str)
            if psu is not None
            else pd.Series(hh.frame.index.astype(str))
        )
        sizes = pd.DataFrame({"s": s.to_numpy(), "p": p.to_numpy()}).drop_duplicates()
        n_h = sizes.groupby("s")["p"].size()
        if ((n_h < 2) | (n_h % 2 == 1)).any():
            out.append(finding("replicates_brr_pairs", "error", where))
        if d.fpc:
            out.append(finding("replicates_fpc_dropped", "info", where))
    if d.stages:
        out.append(finding("replicates_first_stage_only", "info", where))
    return out
