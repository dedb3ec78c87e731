"""Suggest the plan's frame: which dataset is which, the link key, the design, the groups and the
disaggregations, from core-input matches and the data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from workbench.dataset_model import Dataset
from workbench.plan.codes import canon, canon_series, norm_code
from workbench.plan.model import (
    Design,
    Disaggregation,
    Groups,
    GroupValue,
    Level,
    StockTable,
)
from workbench.plan.suggest_assign import Candidate
from workbench.plan.suggest_codes import difficulty_codes, group_role, is_camp_label
from workbench.plan.suggest_columns import ColumnProfile
from workbench.plan.suggest_text import fold
from workbench.plan.suggest_values import MAX_TEXT_CHOICES

AGE_CUTS = (0.0, 5.0, 18.0, 60.0)
DIS_LABELS = {
    "sex": {"en": "Sex", "fr": "Sexe"},
    "age": {"en": "Age group", "fr": "Groupe d'âge"},
    "location": {"en": "Location", "fr": "Lieu"},
    "area_type": {"en": "Urban / rural", "fr": "Urbain / rural"},
    "disability": {"en": "Disability", "fr": "Handicap"},
    "origin_location": {"en": "Place of origin", "fr": "Lieu d'origine"},
    "displacement_year": {"en": "Year of displacement", "fr": "Année du déplacement"},
    "displacement_cause": {"en": "Cause of displacement", "fr": "Cause du déplacement"},
    "location_type": {"en": "Location type", "fr": "Type de lieu"},
}


def dataset_roles(datasets: Mapping[str, Dataset]) -> tuple[Dataset, Dataset | None]:
    """(household, individual): by declared unit / parent, else the smaller file is households."""
    ds = list(datasets.values())
    if not ds:
        raise ValueError("no datasets")
    hh = next((d for d in ds if d.unit == "household"), None)
    ind = next((d for d in ds if d.unit == "individual" or d.parent), None)
    if hh is None:
        hh = min((d for d in ds if d is not ind), key=lambda d: d.n_rows, default=ds[0])
    if ind is None and len(ds) > 1:
        ind = max((d for d in ds if d is not hh), key=lambda d: d.n_rows)
    return hh, ind


def head_of(ind: Dataset | None, match: Candidate | None) -> tuple[str | None, tuple]:
    if ind is None or match is None:
        return None, ()
    var = match.column.var
    labels = var.value_labels or match.column.values.choices
    codes = tuple(
        norm_code(k)
        for k, v in labels.items()
        if any(w in fold(str(v)) for w in ("head", "chef", "jefe", "رب"))
    )
    return (match.column.name, codes[:1]) if codes else (None, ())


def design(hh: Dataset, matches: Mapping[str, Candidate | None]) -> Design:
    def col(role: str, numeric: bool = False) -> str | None:
        m = matches.get(role)
        if m is None or m.column.dataset != hh.name:
            return None
        s = hh.frame[m.column.name]
        if numeric and not pd.api.types.is_numeric_dtype(s.dtype):
            return None
        return m.column.name

    weight = col("weight", numeric=True)
    if weight is not None:
        w = pd.to_numeric(hh.frame[weight], errors="coerce")
        if w.isna().mean() > 0.01 or (w < 0).any():
            weight = None
    strata, psu, fpc = col("stratum"), col("psu"), col("fpc", numeric=True)
    if strata is None and psu is None:
        kind = "weights_only" if weight else "unweighted"
        return Design(kind, weight)  # type: ignore[arg-type]
    return Design("complex" if weight else "unweighted", weight, strata, psu, fpc, "adjust")


def group_column(hh: Dataset, match: Candidate | None) -> str | None:
    """The matched population-group column, else the household column whose answer labels name
    both displaced people and a comparator (e.g. "IDP in camp" … "Host community")."""
    if match is not None and match.column.dataset == hh.name:
        return match.column.name
    for name in hh.variables:
        roles = {group_role(str(v)) for v in answers(hh, name).values()}
        if {"displaced", "comparator"} <= roles:
            return name
    return None


def answers(ds: Dataset, column: str) -> dict[Any, str]:
    """A column's value labels; for a text column without them, its few distinct answers (each
    its own label: ``idp``, ``host_community``)."""
    var = ds.variables[column]
    if var.value_labels:
        return dict(var.value_labels)
    s = ds.frame[column]
    if pd.api.types.is_numeric_dtype(s.dtype):
        return {}
    values = s.dropna().astype(str).unique()
    return {v: v for v in sorted(values)} if len(values) <= MAX_TEXT_CHOICES else {}


def groups(hh: Dataset, match: Candidate | None) -> Groups:
    column = group_column(hh, match)
    if column is None:
        return Groups()
    var = hh.variables[column]
    present = set(canon_series(hh.frame[column]).dropna())
    values: list[GroupValue] = []
    for code, label in answers(hh, column).items():
        if canon(code) not in present and values:
            continue
        role = group_role(str(label)) or "exclude"
        labels = {"en": str(label)}
        for lang, lab in var.value_labels_i18n.items():
            if code in lab:
                labels[lang] = str(lab[code])
        values.append(GroupValue(norm_code(code), role, labels))  # type: ignore[arg-type]
    return Groups(column, tuple(values))


def disaggregations(
    matches: Mapping[str, Candidate | None], wg: list[ColumnProfile], grp: Groups
) -> tuple[Disaggregation, ...]:
    out: list[Disaggregation] = []

    def cat(dis_id: str, role: str, head: bool = False) -> None:
        m = matches.get(role)
        if m is not None:
            unit = m.column.unit
            out.append(
                Disaggregation(
                    dis_id, "category", unit, m.column.name,  # type: ignore[arg-type]
                    labels=DIS_LABELS[dis_id], head=head and unit == "individual",
                )
            )  # fmt: skip

    cat("sex", "sex", head=True)
    age = matches.get("age")
    if age is not None:
        out.append(Disaggregation("age", "age_groups", age.column.unit, age.column.name,  # type: ignore[arg-type]
                                  labels=DIS_LABELS["age"], cut_points=AGE_CUTS))  # fmt: skip
    cat("location", "location")
    cat("area_type", "area_type")
    if wg:
        codes = difficulty_codes(wg[0].var)
        domains = tuple(p.name for p in wg)
        out.append(
            Disaggregation(
                "disability", "disability", wg[0].unit, columns=domains,  # type: ignore[arg-type]
                labels=DIS_LABELS["disability"], codes=codes,
            )
        )  # fmt: skip
    cat("origin_location", "origin_location")
    cat("displacement_year", "displacement_year")
    cat("displacement_cause", "displacement_cause")
    camp = [v.code for v in grp.values if v.role != "exclude" and is_camp_label(v.label())]
    if grp.column and camp:
        rest = tuple(v.code for v in grp.values if v.role != "exclude" and v.code not in camp)
        levels = (
            Level(tuple(camp), {"en": "Camp", "fr": "Camp"}),
            Level(rest, {"en": "Non-camp", "fr": "Hors camp"}),
        )
        out.append(Disaggregation("location_type", "category", "household", grp.column,
                                  labels=DIS_LABELS["location_type"], levels=levels))  # fmt: skip
    return tuple(out)


def wg_columns(profiles: list[ColumnProfile]) -> list[ColumnProfile]:
    """Washington Group domain questions: labelled "a lot of difficulty" / "cannot do at all"."""
    return [
        p
        for p in profiles
        if p.unit == "individual" and len(difficulty_codes(p.var)) >= 2 and p.n_labels >= 3
    ]


def stock_tables(dis: tuple[Disaggregation, ...], has_individuals: bool) -> tuple[StockTable, ...]:
    ids = {d.id for d in dis}
    unit = "individual" if has_individuals else "household"
    wanted = [
        ("sex_by_age", "Displaced population by sex and age group", "sex", "age"),
        (
            "location_by_origin",
            "Displaced population by current location and place of origin",
            "location",
            "origin_location",
        ),
        (
            "cause_by_year",
            "Displaced population by cause and year of displacement",
            "displacement_cause",
            "displacement_year",
        ),
        (
            "location_type",
            "Displaced population by location type and urban / rural",
            "location_type",
            "area_type",
        ),
    ]
    out = []
    for tid, title, rows, cols in wanted:
        if rows in ids:
            if unit == "household" and rows in ("sex", "age"):
                continue
            both = cols if cols in ids else None
            if both is None:  # one way: the title names its rows only
                title = title.removesuffix(" and urban / rural")
            out.append(StockTable(tid, title, unit, rows, both))  # type: ignore[arg-type]
    return tuple(out)
