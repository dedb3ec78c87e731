"""Design and group columns of the unit frames (household dataset; individuals inherit them).

- ``complex``: weight + optional strata, PSU, FPC. No strata → one stratum; no PSU → each
  household is its own PSU (for individuals: their household is the PSU, since members of one
  household are not independent). Later stages (``[[design.stages]]``) add ``_psu2``,
  ``_fpc2``, ``_stratum2`` … columns; replicate weights (``[design.replicates]``) are copied
  as ``_rep1`` … ``_repR`` (individuals inherit their household's, like every design column).
- ``weights_only``: weights, no strata, households as PSUs.
- ``unweighted``: weight 1 for every unit.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.errors import PlanError
from workbench.plan.codes import canon, canon_series
from workbench.plan.link import Link, column
from workbench.plan.model import Plan
from workbench.stats.frame import (
    FPC,
    HH,
    PSU,
    STRATUM,
    WEIGHT,
    DesignSpec,
    GroupSpec,
    ReplicateSpec,
    fpc_column,
    psu_column,
    replicate_column,
    stratum_column,
)


def design_columns(plan: Plan, hh: Dataset, link: Link) -> tuple[pd.DataFrame, DesignSpec]:
    d = plan.design
    where = f"plan {plan.name}: [design]"
    out = pd.DataFrame(index=pd.RangeIndex(hh.n_rows))
    if d.type == "unweighted":
        out[WEIGHT] = 1.0
    else:
        w = pd.to_numeric(column(hh, d.weight, where + " weight"), errors="coerce")
        w = w.astype("float64").reset_index(drop=True)
        bad = int((w.isna() | (w < 0)).sum())
        if bad:
            raise PlanError.of("plan.weight_invalid", where=where, weight=d.weight, bad=bad)
        out[WEIGHT] = w.to_numpy()
    complex_ = d.type == "complex"
    has_strata = complex_ and bool(d.strata)
    has_psu = complex_ and bool(d.psu)
    if has_strata:
        out[STRATUM] = canon_series(column(hh, d.strata, where + " strata")).to_numpy()
    else:
        out[STRATUM] = "1"
    if has_psu:
        psu = canon_series(column(hh, d.psu, where + " psu")).to_numpy()
        out[PSU] = psu
    else:
        out[PSU] = link.hh_keys.to_numpy()
    has_fpc = complex_ and bool(d.fpc)
    if has_fpc and d.fpc:
        out[FPC] = _numbers(hh, d.fpc, where + " fpc")
    stages = 1
    if complex_ and has_psu:
        for s, st in enumerate(d.stages, start=2):
            at = f"{where} stages #{s - 1}"
            out[psu_column(s)] = canon_series(column(hh, st.psu, at + " psu")).to_numpy()
            if st.fpc:
                out[fpc_column(s)] = _numbers(hh, st.fpc, at + " fpc")
            if st.strata:
                out[stratum_column(s)] = canon_series(column(hh, st.strata, at)).to_numpy()
            stages = s
    replicates = None
    if d.replicates is not None and d.type != "unweighted":
        replicates = _replicates(plan, hh, out)
    out[HH] = link.hh_keys.to_numpy()
    spec = DesignSpec(
        has_strata=has_strata,
        has_psu=has_psu,
        has_fpc=has_fpc,
        weighted=d.type != "unweighted",
        lonely_psu=d.lonely_psu,
        stages=stages,
        replicates=replicates,
    )
    return out, spec


def _numbers(hh: Dataset, name: str, where: str) -> np.ndarray:
    values = pd.to_numeric(column(hh, name, where), errors="coerce")
    return values.astype("float64").to_numpy()


def replicate_columns(plan: Plan, hh: Dataset) -> list[str]:
    """The household dataset's replicate-weight columns the plan names (listed, or matching
    the pattern, in dataset order); [] when the replicates are generated."""
    rep = plan.design.replicates
    if rep is None or rep.generate:
        return []
    if rep.columns:
        return list(rep.columns)
    if rep.pattern:
        pat = re.compile(rep.pattern)
        return [str(c) for c in hh.frame.columns if pat.fullmatch(str(c))]
    return []


def _replicates(plan: Plan, hh: Dataset, out: pd.DataFrame) -> ReplicateSpec:
    rep = plan.design.replicates
    assert rep is not None
    where = f"plan {plan.name}: [design.replicates]"
    cols = replicate_columns(plan, hh)
    for r, name in enumerate(cols, start=1):
        out[replicate_column(r)] = _numbers(hh, name, where)
    return ReplicateSpec(
        type=rep.type,
        generated=rep.generate,
        columns=len(cols),
        scale=rep.scale,
        rscales=rep.rscales or None,
        rho=rep.rho,
        mse=rep.mse,
        combined=rep.combined,
        replicates=rep.replicates,
        seed=rep.seed,
    )


def group_column(plan: Plan, hh: Dataset, lang: str) -> tuple[np.ndarray, list[GroupSpec]]:
    """``_group`` codes as text (None where unknown) and every group's spec (unlisted codes found
    in the data are added with role ``exclude``)."""
    g = plan.groups
    if not g.column:
        raise PlanError.of("plan.group_column_not_set", plan=plan.name)
    s = column(hh, g.column, f"plan {plan.name}: [groups] column")
    codes = canon_series(s).reset_index(drop=True)
    specs = [
        GroupSpec(canon(v.code) or "", v.label(lang), v.role, v.returnees and v.role == "displaced")
        for v in g.values
    ]
    known = {sp.code for sp in specs}
    var = hh.variables[g.column]
    labels = var.value_labels_i18n.get(lang) or var.value_labels
    label_of = {canon(k): str(v) for k, v in labels.items()}
    for code in sorted(set(codes.dropna()) - known):
        specs.append(GroupSpec(code, label_of.get(code, code), "exclude"))
    return codes.to_numpy(dtype=object), specs


def individual_design(
    hh_frame: pd.DataFrame, spec: DesignSpec, link: Link
) -> tuple[pd.DataFrame, DesignSpec]:
    assert link.parent is not None
    out = hh_frame.iloc[link.parent].reset_index(drop=True)
    if not spec.has_psu:
        out[PSU] = out[HH].to_numpy()
        spec = replace(spec, has_psu=True)
    return out, spec
