"""Which column plays which part in the checks: age, head of household, household size,
interview date and times, amounts, the record's identifier.

Sources, first found wins: the analysis plan (``[inputs.age]``, ``[inputs.household_size]``,
``[datasets] head_column / head_codes``, ``[groups] column``), the variable dictionary (the
XLSForm's question types and value labels, the generator's ``extra["role"]``), then the names Kobo
exports and the Freedonia sample use (``age``, ``relation``, ``hh_size``, ``start`` / ``end``,
``interview_start`` / ``interview_end``, ``today``, ``_uuid``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.dataset_model import Dataset
from workbench.plan.codes import Code, norm_code
from workbench.plan.model import Plan

_AGE = ("age", "age_years", "member_age", "ind_age", "hh_member_age", "age_member")
_SIZE = ("hh_size", "household_size", "hhsize", "hh_members", "size_household", "nb_members")
_HEAD = ("relation", "relationship", "rel_head", "relation_head", "relationship_head", "hh_rel")
_START = ("interview_start", "start", "starttime", "start_time", "_start")
_END = ("interview_end", "end", "endtime", "end_time", "_end")
_TODAY = ("today", "interview_date", "date_interview", "survey_date", "_submission_time")
_UUID = ("_uuid", "uuid", "kobo_uuid", "instanceid", "meta/instanceid", "_id")
_HEAD_WORDS = ("head", "chef", "jefe", "jefa", "رب", "ربة")
_AMOUNT = re.compile(
    r"(income|expend|expense|amount|spent|spend|cost|price|rent|debt|loan_amount|salary|wage|"
    r"revenu|depense|dépense|montant|loyer|ingreso|gasto|monto)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Roles:
    """The columns of one dataset that the checks read (None / empty when absent)."""

    age: str | None = None
    head: str | None = None
    head_codes: tuple[Code, ...] = ()
    size: str | None = None
    start: str | None = None
    end: str | None = None
    interview_date: str | None = None
    #: the record's identifier shown in findings (``uuid`` or the key)
    ident: str | None = None
    group: str | None = None
    amounts: tuple[str, ...] = ()
    #: columns never compared for duplicates (metadata, identifiers, design)
    metadata: tuple[str, ...] = field(default_factory=tuple)
    #: missing codes the plan declares for a column (``[inputs.x] missing``), beside the
    #: variable's own: a CSV carries none, so 98 / 9998 would otherwise read as values
    missing: dict[str, tuple[Code, ...]] = field(default_factory=dict)


def plan_missing(plan: Plan | None, ds: Dataset) -> dict[str, tuple[Code, ...]]:
    out: dict[str, tuple[Code, ...]] = {}
    if plan is None:
        return out
    for m in plan.inputs:
        if m.missing is None or plan.dataset_for(m.unit) != ds.name:
            continue
        for col in m.source_columns:
            out[col] = tuple(dict.fromkeys(out.get(col, ()) + tuple(m.missing)))
    return out


def _first(ds: Dataset, names: tuple[str, ...]) -> str | None:
    lower = {c.lower(): c for c in ds.frame.columns if isinstance(c, str)}
    return next((lower[n] for n in names if n in lower), None)


def _by_role(ds: Dataset, role: str) -> str | None:
    return next((n for n, v in ds.variables.items() if v.extra.get("role") == role), None)


def _plan_column(plan: Plan | None, ds: Dataset, input_name: str) -> str | None:
    if plan is None:
        return None
    m = plan.input(input_name)
    if m is None or not m.column:
        return None
    unit_ds = plan.dataset_for(m.unit)
    return m.column if unit_ds == ds.name and m.column in ds.frame.columns else None


def _head_codes(ds: Dataset, col: str) -> tuple[Code, ...]:
    var = ds.variables.get(col)
    if var is None:
        return (1,)
    labels = dict(var.value_labels)
    for per_lang in var.value_labels_i18n.values():
        labels.update({k: v for k, v in per_lang.items() if k not in labels})
    codes = tuple(
        norm_code(k) for k, v in labels.items() if any(w in str(v).lower() for w in _HEAD_WORDS)
    )
    return tuple(dict.fromkeys(codes)) or (1,)


def _is_datetime(ds: Dataset, col: str | None) -> bool:
    return col is not None and ds.frame[col].dtype.kind == "M"


def find_roles(ds: Dataset, plan: Plan | None = None) -> Roles:
    cols = [c for c in ds.frame.columns if isinstance(c, str)]
    numeric = {c for c in cols if ds.frame[c].dtype.kind in "fiu"}
    age = _plan_column(plan, ds, "age") or _first(ds, _AGE)
    size = _plan_column(plan, ds, "household_size") or _by_role(ds, "household_size")
    size = size or _first(ds, _SIZE)
    head: str | None = None
    head_codes: tuple[Code, ...] = ()
    links = plan.datasets if plan is not None else None
    if links and links.individual == ds.name and links.head_column in ds.frame.columns:
        head = str(links.head_column)
        head_codes = links.head_codes or _head_codes(ds, head)
    if head is None:
        head = _first(ds, _HEAD)
        head_codes = _head_codes(ds, head) if head else ()
    start = _first(ds, _START)
    end = _first(ds, _END)
    today = _first(ds, _TODAY)
    start, end = (start, end) if _is_datetime(ds, start) and _is_datetime(ds, end) else (None, None)
    interview = today if _is_datetime(ds, today) else start
    group = None
    if plan is not None and plan.groups.column and plan.datasets.household == ds.name:
        group = plan.groups.column if plan.groups.column in ds.frame.columns else None
    group = group or _by_role(ds, "population_group")
    ident = _first(ds, _UUID) or ds.key
    amounts = tuple(
        c
        for c in cols
        if c in numeric
        and _AMOUNT.search(c)
        and ds.variables.get(c, None) is not None
        and not ds.variables[c].parent_question
    )
    meta = {c for c in (start, end, today, ident, ds.key, ds.parent_key) if c}
    if plan is not None and plan.datasets.household == ds.name:
        d = plan.design
        meta |= {c for c in (d.weight, d.strata, d.psu, d.fpc) if c}
    for c in cols:
        var = ds.variables.get(c)
        low = c.lower()
        described = var is not None and (
            bool(var.identifier) or var.extra.get("module") in ("meta", "design")
        )
        named = low.startswith("_") or low in _START + _END + _TODAY + _UUID + ("deviceid",)
        if described or named:
            meta.add(c)
    return Roles(
        age=age if age in numeric else None,
        head=head,
        head_codes=tuple(head_codes),
        size=size if size in numeric else None,
        start=start,
        end=end,
        interview_date=interview if _is_datetime(ds, interview) else None,
        ident=ident,
        group=group,
        amounts=amounts,
        metadata=tuple(sorted(meta)),
        missing=plan_missing(plan, ds),
    )
