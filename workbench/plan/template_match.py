"""Finding a template's question in another dataset: by labels (any language) or by
auto-suggest; and the inputs that confirmed plans (templates) map, matched first by auto-suggest
when a new round or a partner's dataset arrives (``from_templates``)."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.dataset_model import Dataset
from workbench.errors import WorkbenchError
from workbench.plan.codes import norm_code
from workbench.plan.model import InputMapping
from workbench.plan.suggest_text import tokens
from workbench.plan.toml_io import toml_input

if TYPE_CHECKING:
    from workbench.library.model import Library


def _similarity(a: str, b: str) -> float:
    ta, tb = set(tokens(a)), set(tokens(b))
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def by_labels(labels: Mapping[str, str], ds: Dataset, threshold: float) -> str | None:
    """The column whose label (in any language) is most like one of ``labels``."""
    if not labels:
        return None
    best, best_score = None, 0.0
    for name, var in ds.variables.items():
        theirs = {lg: t for lg, t in var.labels.items() if t}
        if var.label:
            theirs.setdefault("", var.label)
        for lang, text in labels.items():
            for their_lang, their_text in theirs.items():
                same_lang = lang == their_lang or not their_lang
                score = _similarity(text, their_text) * (1.0 if same_lang else 0.9)
                if score > best_score:
                    best, best_score = name, score
    return best if best_score >= threshold else None


def by_suggestion(input_name: str, unit: str, library: Library, ds: Dataset) -> str | None:
    from workbench.plan.suggest import DEFAULT_THRESHOLD
    from workbench.plan.suggest_assign import assign, rank
    from workbench.plan.suggest_columns import InputText, profile_columns
    from workbench.plan.suggest_text import Idf

    if input_name not in library.inputs:
        return None
    profiles = profile_columns(ds, unit)
    idf = Idf(p.text_toks + p.name_toks for p in profiles)
    # every input of the unit competes for the columns, as in auto-suggest
    ranked = {
        n: rank(InputText.of(i), profiles, idf)
        for n, i in library.inputs.items()
        if (i.unit == unit and i.role != "parameter") or n == input_name
    }
    best = assign(ranked).get(input_name)
    if best is not None and best.confidence >= DEFAULT_THRESHOLD:
        return best.column.name
    return None


#: design and breakdown columns of a template → the input they answer
FRAME_INPUTS = ("weight", "stratum", "psu", "fpc", "household_id", "population_group")
CONFIRMED = 0.95


@dataclass(frozen=True)
class Confirmed:
    """An input's column in the new datasets, as a confirmed plan (template) mapped it."""

    input: str
    unit: str
    column: str
    source: str
    mapping: InputMapping | None


def from_templates(
    texts: Sequence[tuple[str, str]], library: Library, hh: Dataset, ind: Dataset | None
) -> dict[str, Confirmed]:
    """Inputs the confirmed plans ``texts`` ((name, exported template TOML) pairs, most trusted
    first) map, found in ``hh`` / ``ind``: a column of the same name whose labels (when both
    have some) and codes agree, else the column with the template's label in any language.
    The codes that count are re-found by their labels."""
    out: dict[str, Confirmed] = {}
    for source, text in texts:
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            continue
        info = raw.pop("template", {}).get("columns", {})
        for name, unit, column, mapping in _template_columns(raw):
            if name in out or name not in library.inputs:
                continue
            ds = hh if unit == "household" else ind
            if ds is None:
                continue
            meta = info.get(f"{unit}:{column}", {})
            target = _same_column(column, meta, ds, mapping) or by_labels(
                meta.get("label", {}), ds, LABEL_MATCH
            )
            if target is None:
                continue
            if mapping is not None:
                mapping = _retarget(mapping, target, meta, ds)
            out[name] = Confirmed(name, unit, target, source, mapping)
    return out


LABEL_MATCH = 0.6


def _template_columns(raw: dict[str, Any]) -> list[tuple[str, str, str, InputMapping | None]]:
    """(input, unit, column, mapping or None) of every single-column input and design column."""
    out: list[tuple[str, str, str, InputMapping | None]] = []
    for name, spec in (raw.get("inputs") or {}).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("column"), str):
            continue
        if spec.get("columns"):
            continue
        try:
            m = toml_input(name, spec)
        except WorkbenchError:
            continue
        out.append((name, m.unit, m.column or "", m))
    design = raw.get("design") or {}
    links = raw.get("datasets") or {}
    groups = raw.get("groups") or {}
    frame = {"weight": design.get("weight"), "stratum": design.get("strata"),
             "psu": design.get("psu"), "fpc": design.get("fpc"),
             "household_id": links.get("household_key"),
             "population_group": groups.get("column")}  # fmt: skip
    for name in FRAME_INPUTS:
        col = frame[name]
        if isinstance(col, str) and col:
            out.append((name, "household", col, None))
    return out


def _same_column(
    column: str, meta: Mapping[str, Any], ds: Dataset, mapping: InputMapping | None
) -> str | None:
    var = ds.variables.get(column)
    if var is None:
        return None
    theirs = [t for t in (var.label, *var.labels.values()) if t]
    mine = list((meta.get("label") or {}).values())
    if theirs and mine and max(_similarity(a, b) for a in mine for b in theirs) < 0.5:
        return None  # same name, another question
    if mapping is not None and mapping.true_codes and var.value_labels:
        known = {str(norm_code(k)) for k in var.value_labels}
        if not any(str(norm_code(c)) in known for c in mapping.true_codes):
            return None
    return column


def _retarget(
    mapping: InputMapping, target: str, meta: Mapping[str, Any], ds: Dataset
) -> InputMapping:
    from workbench.plan.templates import map_codes

    codes = mapping.true_codes
    if codes:
        codes, _lost = map_codes(codes, meta.get("value_labels", {}), ds.variables[target])
    return dataclasses.replace(mapping, column=target, true_codes=codes)
