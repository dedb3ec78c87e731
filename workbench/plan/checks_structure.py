"""Checks of the plan's frame: datasets, columns, the link, the survey design and the groups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from workbench.dataset_model import Dataset
from workbench.findings import Finding, Severity
from workbench.plan.codes import canon, canon_series, isin_codes
from workbench.plan.model import Plan


def finding(code: str, severity: Severity, where: Mapping[str, Any], /, **params: Any) -> Finding:
    """A plan finding, worded by the registry's ``plan.<code>`` template."""
    place = {k: str(v) for k, v in where.items() if v is not None}
    return Finding.of(f"plan.{code}", severity, where=place, **params)


def check_datasets(plan: Plan, datasets: Mapping[str, Dataset]) -> list[Finding]:
    out = []
    if not plan.datasets.household:
        out.append(finding("dataset_not_set", "error", {"section": "datasets"}))
    for role in ("household", "individual"):
        name = plan.dataset_for(role)
        if name and name not in datasets:
            out.append(
                finding("dataset_unknown", "error", {"section": "datasets", "dataset": name})
            )
    return out


def plan_columns(plan: Plan) -> list[tuple[str, str, str]]:
    """Every (unit, column, section) the plan names."""
    d, links = plan.design, plan.datasets
    cols: list[tuple[str, str | None, str]] = [
        ("household", links.household_key or None, "datasets.household_key"),
        ("individual", links.individual_key, "datasets.individual_key"),
        ("individual", links.head_column, "datasets.head_column"),
        ("household", plan.groups.column, "groups.column"),
    ]
    if d.type != "unweighted":
        cols.append(("household", d.weight, "design.weight"))
    if d.type == "complex":
        cols += [("household", d.strata, "design.strata"), ("household", d.psu, "design.psu")]
        cols.append(("household", d.fpc, "design.fpc"))
        for st in d.stages:
            cols += [("household", c, "design.stages") for c in (st.psu, st.fpc, st.strata)]
    if d.replicates is not None and not d.replicates.generate:
        cols += [("household", c, "design.replicates") for c in d.replicates.columns]
    for dis in plan.disaggregations:
        for c in (dis.column, *dis.columns):
            cols.append((dis.unit, c, f"disaggregations.{dis.id}"))
    for m in plan.inputs:
        for c in m.source_columns:
            cols.append((m.unit, c, f"inputs.{m.name}"))
    return [(u, c, s) for u, c, s in cols if c]


def check_columns(plan: Plan, datasets: Mapping[str, Dataset]) -> list[Finding]:
    out = []
    for unit, col, section in plan_columns(plan):
        name = plan.dataset_for(unit)
        if unit == "individual" and not name:
            out.append(finding("dataset_not_set", "error", {"section": section}))
            continue
        ds = datasets.get(name or "")
        if ds is not None and col not in ds.frame.columns:
            out.append(
                finding(
                    "column_unknown",
                    "error",
                    {"section": section, "dataset": ds.name, "column": col},
                )
            )
    return out


def check_link(plan: Plan, hh: Dataset, ind: Dataset | None) -> list[Finding]:
    links, out = plan.datasets, []
    where = {"section": "datasets", "dataset": hh.name}
    if not links.household_key:
        if ind is not None:
            out.append(
                finding(
                    "link_key_missing",
                    "error",
                    where,
                )
            )
        return out
    if links.household_key not in hh.frame.columns:
        return out
    keys = canon_series(hh.frame[links.household_key])
    n_missing, n_dup = int(keys.isna().sum()), int(keys.duplicated(keep=False).sum())
    if n_missing or n_dup:
        key = links.household_key
        kw = {"missing": n_missing, "duplicated": n_dup}
        out.append(finding("link_key_not_unique", "error", {**where, "column": key}, **kw))
    if ind is None or not links.individual_key:
        if ind is not None:
            out.append(finding("link_key_missing", "error", where))
        return out
    if links.individual_key not in ind.frame.columns:
        return out
    ind_keys = canon_series(ind.frame[links.individual_key])
    known = set(keys.dropna())
    orphans = int((~ind_keys.isin(known)).sum())
    iwhere = {"section": "datasets", "dataset": ind.name, "column": links.individual_key}
    if orphans:
        out.append(finding("link_orphans", "warning", iwhere, count=orphans))
    empty = len(known - set(ind_keys.dropna()))
    if empty:
        out.append(finding("link_empty_households", "info", where, count=empty))
    if links.aggregation == "head" or any(d.head for d in plan.disaggregations):
        out += _check_heads(plan, ind, ind_keys, known)
    return out


def _check_heads(plan: Plan, ind: Dataset, ind_keys: pd.Series, known: set[str]) -> list[Finding]:
    links = plan.datasets
    where = {"section": "datasets", "dataset": ind.name, "column": links.head_column or ""}
    if not links.head_column:
        return [finding("link_no_head_column", "warning", where)]
    if links.head_column not in ind.frame.columns:
        return []
    flag = isin_codes(ind.frame[links.head_column], links.head_codes or (1,))
    heads = ind_keys[flag.to_numpy()].value_counts()
    none = len(known - set(heads.index))
    several = int((heads > 1).sum())
    out = []
    if none or several:
        out.append(finding("link_heads", "warning", where, none=none, several=several))
    return out


def check_design(plan: Plan, hh: Dataset) -> list[Finding]:
    d, out = plan.design, []
    where = {"section": "design", "dataset": hh.name}
    if d.type != "unweighted":
        if not d.weight:
            out.append(
                finding(
                    "weight_not_set",
                    "error",
                    where,
                )
            )
        elif d.weight in hh.frame.columns:
            out += _check_weights(hh, d.weight, where)
    if d.type == "complex" and d.psu and d.psu in hh.frame.columns:
        strata = (
            canon_series(hh.frame[d.strata]) if d.strata and d.strata in hh.frame.columns else None
        )
        if strata is None and not d.strata:
            strata = pd.Series("1", index=hh.frame.index, dtype=object)
        if strata is not None:
            out += _check_lonely(plan, strata, canon_series(hh.frame[d.psu]), where)
    if d.type == "complex" and d.fpc and d.fpc in hh.frame.columns:
        fpc = pd.to_numeric(hh.frame[d.fpc], errors="coerce")
        if fpc.isna().any() or (fpc <= 0).any():
            out.append(finding("fpc_invalid", "error", {**where, "column": d.fpc}))
    return out


def _check_weights(hh: Dataset, col: str, where: dict[str, str]) -> list[Finding]:
    w = pd.to_numeric(hh.frame[col], errors="coerce").astype("float64")
    where = {**where, "column": col}
    out = []
    n_missing, n_neg, n_zero = int(w.isna().sum()), int((w < 0).sum()), int((w == 0).sum())
    if n_missing:
        out.append(finding("weight_missing", "error", where, count=n_missing))
    if n_neg:
        out.append(finding("weight_negative", "error", where, count=n_neg))
    if n_zero:
        out.append(finding("weight_zero", "warning", where, count=n_zero))
    return out


def _check_lonely(
    plan: Plan, strata: pd.Series, psu: pd.Series, where: dict[str, str]
) -> list[Finding]:
    frame = pd.DataFrame({"s": strata.to_numpy(), "p": psu.to_numpy()}).dropna()
    n_psu = frame.drop_duplicates().groupby("s")["p"].size()
    lonely = sorted(n_psu[n_psu == 1].index, key=str)
    setting = plan.design.lonely_psu
    sev: Severity = "error" if setting == "fail" else "warning"
    out = []
    for s in lonely:
        out.append(
            finding("lonely_psu", sev, {**where, "stratum": s}, stratum=s, lonely_psu=setting)
        )
    return out


def check_groups(plan: Plan, hh: Dataset) -> list[Finding]:
    g = plan.groups
    where = {"section": "groups", "dataset": hh.name, "column": g.column}
    if not g.column:
        return [
            finding(
                "group_not_set",
                "error",
                {"section": "groups"},
            )
        ]
    if g.column not in hh.frame.columns:
        return []
    codes = canon_series(hh.frame[g.column])
    counts = codes.value_counts()
    out = []
    for v in g.values:
        if canon(v.code) not in counts.index:
            out.append(finding("group_code_absent", "warning", where, code=v.code))
    declared = {canon(v.code) for v in g.values}
    for code in sorted(set(counts.index) - declared, key=str):
        out.append(
            finding("group_code_unassigned", "warning", where, code=code, count=int(counts[code]))
        )
    present = {v.role for v in g.values if canon(v.code) in counts.index}
    for role in ("displaced", "comparator"):
        if role not in present:
            out.append(finding("group_role_missing", "error", where, role=role))
    return out
