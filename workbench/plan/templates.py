"""Plan templates: share a plan between teams and datasets.

``export_template(plan, datasets=None)`` writes the plan without dataset names and adds a
``[template.columns]`` table describing each question it reads (unit, labels in every language,
the labels of the codes it uses) when the datasets are given. ``import_template(text, library,
datasets)`` re-targets a template (or an ordinary plan file) at other datasets: each question is
found by its name, else by its labels (any language, e.g. French only), else by the auto-suggest
match of the input; the codes that count as a condition are re-found by their labels. What no
longer matches is reported as findings and left unmapped.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from workbench.dataset_model import Dataset, Variable
from workbench.errors import PlanError
from workbench.findings import Finding
from workbench.library import tomlread
from workbench.plan import toml_write
from workbench.plan.checks_structure import finding
from workbench.plan.codes import canon, norm_code
from workbench.plan.model import InputMapping, Plan
from workbench.plan.suggest_frame import dataset_roles
from workbench.plan.template_columns import column_refs, rename_columns
from workbench.plan.toml_io import plan_from_dict, plan_to_dict

if TYPE_CHECKING:
    from workbench.library.model import Library

LABEL_MATCH = 0.6


def export_template(plan: Plan, datasets: Mapping[str, Dataset] | None = None) -> str:
    anonymous = dataclasses.replace(plan.datasets, household="", individual=None)
    doc = plan_to_dict(dataclasses.replace(plan, datasets=anonymous))
    doc["datasets"]["individual"] = "" if plan.datasets.individual else None
    if doc["datasets"]["individual"] is None:
        del doc["datasets"]["individual"]
    columns: dict[str, Any] = {}
    for unit, col, _section in column_refs(plan):
        info: dict[str, Any] = {"unit": unit}
        ds = datasets.get(plan.dataset_for(unit) or "") if datasets else None
        var = ds.variables.get(col) if ds is not None else None
        if var is not None:
            labels = {lg: t for lg, t in var.labels.items() if t} or (
                {"en": var.label} if var.label else {}
            )
            if labels:
                info["label"] = labels
            used = _codes_used(plan, col)
            vl = {
                str(norm_code(k)): _all_labels(var, k) for k in var.value_labels if canon(k) in used
            }
            if vl:
                info["value_labels"] = vl
        columns[f"{unit}:{col}"] = info
    doc["template"] = {"columns": columns}
    header = "\n".join([
        f"Plan template exported from '{plan.name}' without dataset names.",
        "[template.columns] describes each question so that the plan can be re-matched",
        "to other datasets (by name, by label in any language, or by auto-suggest).",
    ])  # fmt: skip
    return toml_write.dumps(doc, header)


def _all_labels(var: Variable, code: Any) -> dict[str, str]:
    out = {"": str(var.value_labels[code])}
    for lang, labels in var.value_labels_i18n.items():
        if code in labels:
            out[lang] = str(labels[code])
    return out


def _codes_used(plan: Plan, col: str) -> set[str | None]:
    out: set[str | None] = set()
    for m in plan.inputs:
        if col in m.source_columns:
            out |= {canon(c) for c in m.true_codes}
    return out


def import_template(
    text: str, library: Library, datasets: Mapping[str, Dataset], source: str = "template"
) -> tuple[Plan, list[Finding]]:
    try:
        raw = tomlread.loads(text, source, PlanError, "plan")
    except tomllib.TOMLDecodeError as exc:
        raise PlanError.of("plan.toml", source=source, detail=str(exc)) from None
    info = raw.pop("template", {}).get("columns", {})
    links = raw.setdefault("datasets", {})
    if not datasets:
        raise PlanError.of("plan.template_no_datasets", source=source)
    findings: list[Finding] = []
    if links.get("household") not in datasets or (
        links.get("individual") and links["individual"] not in datasets
    ):
        hh, ind = dataset_roles(datasets)
        if links.get("household"):
            findings.append(finding("template_datasets", "info", {"section": "datasets"}))
        links["household"] = hh.name
        if "individual" in links:
            if ind is None:
                raise PlanError.of("plan.template_needs_individuals", source=source, hh=hh.name)
            links["individual"] = ind.name
    plan = plan_from_dict(raw, source)
    renames, target_meta, found = _resolve_columns(plan, library, datasets, info)
    findings += found
    plan = rename_columns(plan, renames)
    plan, found = _recode(plan, datasets, target_meta)
    return plan, findings + found


def _resolve_columns(
    plan: Plan, library: Library, datasets: Mapping[str, Dataset], info: Mapping[str, Any]
) -> tuple[dict[tuple[str, str], str | None], dict[tuple[str, str], Any], list[Finding]]:
    """Where each question of the plan is in the target datasets, and the template's
    description of each (keyed by the target column)."""
    from workbench.plan.template_match import by_labels, by_suggestion

    renames: dict[tuple[str, str], str | None] = {}
    target_meta: dict[tuple[str, str], Any] = {}
    findings: list[Finding] = []
    for unit, col, section in column_refs(plan):
        if (unit, col) in renames:
            continue
        ds = datasets[plan.dataset_for(unit) or ""]
        meta = info.get(f"{unit}:{col}", {})
        where = {"section": section, "dataset": ds.name, "column": col}
        target: str | None = col if col in ds.frame.columns else None
        how = ""
        if target is None:
            target, how = by_labels(meta.get("label", {}), ds, LABEL_MATCH), "its labels"
        if target is None and section.startswith("inputs."):
            target = by_suggestion(section.removeprefix("inputs."), unit, library, ds)
            how = "the input's auto-suggest match"
        renames[(unit, col)] = target
        if target is not None:
            target_meta[(unit, target)] = meta
        if target is None:
            findings.append(finding("template_unmatched", "warning", where))
        elif how:
            findings.append(finding("template_rematched", "info", {**where, "target": target}))
    return renames, target_meta, findings


def _recode(
    plan: Plan, datasets: Mapping[str, Dataset], target_meta: Mapping[tuple[str, str], Any]
) -> tuple[Plan, list[Finding]]:
    """Re-find condition codes by their labels where the target's codes differ."""
    findings: list[Finding] = []
    inputs = []
    for m in plan.inputs:
        ds = datasets.get(plan.dataset_for(m.unit) or "")
        column = m.column
        if ds is None or not column or column not in ds.variables:
            inputs.append(m)
            continue
        m = _relabel(m, ds.variables[column], findings)
        if not m.true_codes:
            inputs.append(m)
            continue
        wanted = target_meta.get((m.unit, column), {}).get("value_labels", {})
        new_codes, lost = map_codes(m.true_codes, wanted, ds.variables[column])
        where = {"section": f"inputs.{m.name}", "input": m.name}
        if lost:
            findings.append(finding("template_code_unmatched", "warning", where))
        elif new_codes != m.true_codes:
            findings.append(finding("template_recoded", "info", where))
        inputs.append(dataclasses.replace(m, true_codes=new_codes))
    return dataclasses.replace(plan, inputs=tuple(inputs)), findings


def _relabel(m: InputMapping, var: Variable, findings: list[Finding]) -> InputMapping:
    """``true_labels`` absent from the target: "Yes" becomes the target's own yes label."""
    from workbench.plan.suggest_columns import YES_LABELS

    all_labels = (var.value_labels, *var.value_labels_i18n.values())
    known = {str(v).strip().casefold() for lab in all_labels for v in lab.values()}
    if not m.true_labels or any(t.strip().casefold() in known for t in m.true_labels):
        return m
    if not any(t.strip().casefold() in YES_LABELS for t in m.true_labels):
        return m
    yes = [str(var.value_labels[k]) for k in var.value_labels
           if str(var.value_labels[k]).strip().casefold() in YES_LABELS]  # fmt: skip
    if not yes:
        return m
    findings.append(
        finding("template_recoded", "info", {"section": f"inputs.{m.name}", "input": m.name})
    )
    return dataclasses.replace(m, true_labels=tuple(yes))


def map_codes(codes: tuple, wanted: Mapping[str, Any], var: Variable) -> tuple[tuple, list[str]]:
    """The target's codes with the same answer labels (any language; yes/no across languages)."""
    if not wanted:
        return codes, []
    out, lost = [], []
    for code in codes:
        labels = wanted.get(str(norm_code(code)))
        if labels is None:
            out.append(code)
            continue
        texts = list(labels.values()) if isinstance(labels, dict) else [str(labels)]
        label = texts[0]
        hits = _codes_labelled(var, {t.strip().casefold() for t in texts})
        if hits:
            out.append(hits[0])
        elif not var.value_labels:
            out.append(code)
        else:
            lost.append(f"'{label}'")
    return tuple(dict.fromkeys(out)), lost


def _codes_labelled(var: Variable, wanted: set[str]) -> list[Any]:
    from workbench.plan.suggest_codes import yes_codes
    from workbench.plan.suggest_columns import YES_LABELS

    all_labels = (var.value_labels, *var.value_labels_i18n.values())
    hits = [norm_code(k) for labels in all_labels for k, v in labels.items()
            if str(v).strip().casefold() in wanted]  # fmt: skip
    if not hits and wanted & set(YES_LABELS):
        hits = list(yes_codes(var))
    return hits
