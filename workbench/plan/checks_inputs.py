"""Checks of input mappings: column types, codes counting as the condition, undeclared values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.findings import Finding, Severity
from workbench.plan.checks_missing import missing_share, text_numeric_codes
from workbench.plan.checks_structure import finding
from workbench.plan.codes import canon, canon_series, codes_for_labels
from workbench.plan.evaluate import input_kind
from workbench.plan.model import InputMapping, Plan

if TYPE_CHECKING:
    from workbench.library.model import Library


def check_inputs(plan: Plan, library: Library, datasets: Mapping[str, Dataset]) -> list[Finding]:
    out: list[Finding] = []
    custom_inputs = _custom_inputs(plan)
    used = _used_inputs(plan, library)
    for m in plan.inputs:
        where = {"section": f"inputs.{m.name}", "input": m.name}
        if m.name not in library.inputs and m.name not in custom_inputs:
            out.append(finding("input_unknown", "warning", where))
        if not m.is_mapped:
            continue
        ds = datasets.get(plan.dataset_for(m.unit) or "")
        if ds is None or any(c not in ds.frame.columns for c in m.source_columns):
            continue  # reported by check_columns
        kind = input_kind(m, library)
        lib_unit = library.inputs[m.name].unit if m.name in library.inputs else None
        if lib_unit == "individual" and m.unit == "household":
            # each member takes the household's answer: a warning unless the mapping's note
            # says why (a question asked of the respondent for the household, say)
            severity: Severity = "info" if m.note.strip() else "warning"
            name = library.inputs[m.name].description
            out.append(finding("input_unit", severity, where, input_name=name,
                               column=", ".join(m.source_columns)))  # fmt: skip
        for col in m.source_columns:
            where_col = {**where, "dataset": ds.name, "column": col}
            out += _check_column(m, kind, ds, col, where_col, m.name in used)
    return out


def _custom_inputs(plan: Plan) -> set[str]:
    return inputs_of([t for u in plan.indicators for t in (u.numerator, u.universe, u.denominator)])


def _used_inputs(plan: Plan, library: Library) -> set[str]:
    """Inputs read by the plan's indicators (library ones, as contextualised, and custom ones)."""
    names = _custom_inputs(plan)
    for use in plan.indicators:
        if not use.custom and library.has_indicator(use.id):
            ind = library.indicator(use.id)
            texts = [use.numerator or ind.numerator, use.universe or ind.universe]
            names |= inputs_of([*texts, use.denominator or ind.denominator])
    return names


def inputs_of(texts: list[str | None]) -> set[str]:
    """The input names the expressions read (unparsable ones are the indicator checks')."""
    from workbench.library.expr import parse

    names: set[str] = set()
    for text in texts:
        if text:
            try:
                names |= parse(text).inputs
            except Exception:  # reported by the indicator checks
                continue
    return names


def _check_column(
    m: InputMapping, kind: str, ds: Dataset, col: str, where: dict[str, str], used: bool
) -> list[Finding]:
    s, var = ds.frame[col], ds.variables[col]
    out: list[Finding] = []
    if var.kind in ("date", "datetime"):
        return [finding("input_wrong_type", "error", where, kind=kind, column_kind=var.kind)]
    missing = list(m.missing) if m.missing is not None else list(var.missing_codes)
    miss_keys = {canon(c) for c in missing}
    values = canon_series(s).dropna()
    present = set(values.unique()) - miss_keys
    if kind == "number":
        num = pd.to_numeric(s, errors="coerce")
        bad = int((num.isna() & s.notna() & (canon_series(s).notna())).sum())
        if bad:
            out.append(finding("input_wrong_type", "error", where, kind=kind, count=bad))
        return out
    labelled = {canon(k) for k in var.value_labels}
    if kind == "condition":
        out += _check_condition(m, s, var, where, labelled | present, used)
    numeric_text = text_numeric_codes(m, s, miss_keys, where) if kind == "condition" else []
    out += numeric_text
    if kind in ("condition", "category") and not numeric_text:
        out += missing_share(m, s, var, miss_keys, where)
    if kind == "category" and m.categories:
        mapped = {canon(c) for codes in m.categories.values() for c in codes}
        unmapped = sorted(present - mapped, key=str)
        if unmapped:
            out.append(finding("input_values_unmapped", "warning", where, values=unmapped[:20]))
    if labelled and m.columns == ():
        undeclared = sorted(present - labelled, key=str)
        if undeclared:
            n = int(values.isin(undeclared).sum())
            out.append(
                finding(
                    "input_values_undeclared",
                    "warning",
                    where,
                    values=undeclared[:20],
                    count=n,
                )
            )
    return out


def _check_condition(
    m: InputMapping,
    s: pd.Series,
    var: Variable,
    where: dict[str, str],
    known: set[str | None],
    used: bool,
) -> list[Finding]:
    out: list[Finding] = []
    is_bool = pd.api.types.is_bool_dtype(s.dtype)
    if not (m.true_codes or m.true_labels) and not is_bool and not m.columns:
        return [finding("input_no_true_codes", "error" if used else "warning", where)]
    for label in m.true_labels:
        hits = [
            codes_for_labels(lab, [label])
            for lab in (var.value_labels, *var.value_labels_i18n.values())
        ]
        if not any(hits):
            out.append(finding("input_label_unknown", "error", where, label=label))
    unknown = [c for c in m.true_codes if canon(c) not in known]
    if unknown and not is_bool:
        out.append(finding("input_code_absent", "warning", where, codes=list(unknown)))
    return out
