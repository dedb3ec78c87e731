"""Build the anonymised extract of one dataset: drop direct identifiers, join the household
variables asked for, pseudonymise record keys, then apply the engine's methods in the order
sdcMicro's guidelines give — global recoding, PRAM, local suppression to k, noise."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.errors import ExportError
from workbench.progress import CancelToken, check_cancel
from workbench.share.spec import ShareSpec
from workbench.stats.sdc_methods import MethodRecord, add_noise, pram, recode, suppress_to_k


@dataclass
class Extract:
    """The extract before it is written, and how it was made."""

    frame: pd.DataFrame
    variables: dict[str, Variable]
    #: the same records and columns before any method (risk "before" is measured on it)
    original: pd.DataFrame
    records: list[MethodRecord] = field(default_factory=list)
    #: variables of the dataset not in the extract: direct identifiers, and the rest
    identifiers: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    pseudonymised: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        """Per variable: values suppressed, and values changed by recoding, PRAM or noise."""
        sup: Counter[str] = Counter()
        rec: Counter[str] = Counter()
        for r in self.records:
            (sup if r.method == "local_suppression" else rec)[r.variable] += r.changed
        names = [n for n in self.frame.columns if n in sup or n in rec]
        return {n: {"suppressed": sup[n], "recoded": rec[n]} for n in names}


def _wanted(spec: ShareSpec) -> list[str]:
    named = [*spec.keys, *spec.sensitive, *spec.pram, *spec.noise]
    named += [r.variable for r in spec.recodes]
    named += [x for x in (spec.weight, spec.household) if x]
    return list(dict.fromkeys([*named, *(spec.include or ())]))


def join_parent(data: Dataset, parent: Dataset | None, spec: ShareSpec) -> Dataset:
    """``data`` with the parent dataset's columns that the spec names and ``data`` lacks."""
    wanted = [c for c in _wanted(spec) if c not in data.frame.columns]
    if not wanted:
        return data
    if parent is None or data.parent_key is None:
        raise ExportError.of("share.unknown_variable", variable=wanted[0])
    missing = [c for c in wanted if c not in parent.frame.columns]
    if missing:
        raise ExportError.of("share.unknown_variable", variable=missing[0])
    link = data.parent_key
    side = parent.frame[[link, *wanted]].drop_duplicates(subset=[link])
    frame = data.frame.merge(side, on=link, how="left", validate="many_to_one")
    frame.index = data.frame.index
    variables = {**data.variables, **{c: parent.variables[c] for c in wanted}}
    return dataclasses.replace(data, frame=frame, variables=variables)


def _columns(data: Dataset, spec: ShareSpec) -> tuple[list[str], list[str], list[str]]:
    """(written, identifiers removed, other variables left out)."""
    identifiers = [n for n, v in data.variables.items() if v.identifier]
    for name in _wanted(spec):
        if name not in data.frame.columns:
            raise ExportError.of("share.unknown_variable", variable=name)
        if name in identifiers:
            raise ExportError.of("share.identifier_named", variable=name)
    base = list(data.frame.columns) if spec.include is None else [
        c for c in data.frame.columns if c in set(_wanted(spec))
    ]  # fmt: skip
    written = [c for c in base if c not in identifiers and c not in spec.drop]
    for name in _wanted(spec):
        if name in spec.drop:
            raise ExportError.of("share.dropped_named", variable=name)
    left_out = [c for c in data.frame.columns if c not in written and c not in identifiers]
    return written, identifiers, left_out


def _pseudonyms(frame: pd.DataFrame, columns: list[str], seed: int) -> pd.DataFrame:
    """Record keys replaced by random numbers 1…n, the same value for the same key (so members
    of one household still share one), unrelated to the original codes."""
    out = frame.copy()
    rng = np.random.default_rng(seed)
    for name in columns:
        codes, uniques = pd.factorize(frame[name], use_na_sentinel=True)
        new = rng.permutation(len(uniques)) + 1
        out[name] = np.where(codes >= 0, new[np.maximum(codes, 0)], np.nan)
    return out


def build(
    data: Dataset,
    spec: ShareSpec,
    parent: Dataset | None = None,
    cancel: CancelToken | None = None,
) -> Extract:
    """The anonymised extract of ``data`` (with the cleaning log applied) for ``spec``."""
    if not spec.keys:
        raise ExportError.of("share.no_keys")
    data = join_parent(data, parent, spec)
    written, identifiers, left_out = _columns(data, spec)
    links = [c for c in dict.fromkeys([data.key, data.parent_key, spec.household]) if c]
    pseudo = [c for c in links if c in written]
    original = data.frame[written].reset_index(drop=True)
    frame = _pseudonyms(original, pseudo, spec.seed)
    variables = {n: dataclasses.replace(data.variables[n]) for n in written}
    for n in pseudo:
        variables[n].value_labels = {}
    missing = {n: list(v.missing_codes) for n, v in variables.items()}
    records: list[MethodRecord] = []
    for step in spec.recodes:
        frame, rec, labels = recode(frame, step, missing.get(step.variable, ()))
        records.append(rec)
        var = variables[step.variable]
        var.value_labels = {**{k: v for k, v in var.value_labels.items()
                               if k in set(frame[step.variable].dropna())}, **labels}  # fmt: skip
        var.value_labels_i18n = {}
    check_cancel(cancel)
    if spec.pram:
        frame, recs = pram(frame, spec.pram, spec.pram_keep, spec.seed, missing)
        records += recs
    check_cancel(cancel)
    frame, recs = suppress_to_k(frame, spec.keys, spec.k, spec.importance or None, cancel=cancel)
    records += recs
    if spec.noise:
        frame, recs = add_noise(frame, spec.noise, spec.noise_level, spec.seed + 1, missing)
        records += recs
    return Extract(frame=frame, variables=variables, original=original, records=records,
                   identifiers=identifiers, dropped=left_out, pseudonymised=pseudo)  # fmt: skip


def describe(extract: Extract) -> dict[str, Any]:
    """The extract's facts for the sharing record (names and counts, never values)."""
    return {"records": len(extract.frame), "variables": len(extract.frame.columns),
            "identifiers_removed": extract.identifiers, "left_out": extract.dropped,
            "pseudonymised": extract.pseudonymised,
            "methods": [r.to_dict() for r in extract.records if r.changed or
                        r.method != "local_suppression"]}  # fmt: skip
