"""Consent and eligibility: which households an analysis may use.

A household enters every analysis only when it consented and is eligible:

- **consent**: the plan's ``[consent] column`` (with ``values``, the codes meaning "agreed"), else
  a household column named ``consent`` (or ``*consent*`` when the XLSForm typed it as a
  ``select_one`` / ``select_multiple`` question). Without ``values`` the agreeing code is the one
  labelled yes (``yes``, ``oui``, ``sí``, ``نعم``, ``agree``…), else ``1`` / ``yes``. A blank
  consent is not consent.
- **eligibility**: the plan's ``[eligibility] expression``, written in the expression language
  (:mod:`workbench.library.expr`) over the household dataset's columns; rows where it is not true
  (false or unknown) are excluded.

Individuals of an excluded household are excluded with it. :func:`respondents` returns the rows
kept and the counts the report's methodology states.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.errors import LibraryError, PlanError
from workbench.plan.codes import Code, isin_codes, norm_code
from workbench.plan.model import Plan

_YES = {"yes", "oui", "si", "sí", "نعم", "agree", "agrees", "accept", "accepts", "consent",
        "consents", "consented", "d'accord", "accepte", "y", "true"}  # fmt: skip


@dataclass(frozen=True)
class ConsentRule:
    column: str
    codes: tuple[Code, ...]
    #: "plan" (named there) or "detected" (found from its name / the XLSForm)
    source: str


def consent_rule(plan: Plan | None, hh: Dataset) -> ConsentRule | None:
    """The consent column of ``hh`` and the codes meaning consent, or None when there is none."""
    if plan is not None and plan.consent.column:
        col = plan.consent.column
        if col not in hh.frame.columns:
            raise PlanError.of("plan.consent_column_missing", column=col, dataset=hh.name)
        codes = plan.consent.values or _yes_codes(hh, col)
        return ConsentRule(col, codes, "plan")
    found = _detect(hh)
    if found is None:
        return None
    return ConsentRule(found, _yes_codes(hh, found), "detected")


def _detect(hh: Dataset) -> str | None:
    names = [c for c in hh.frame.columns if isinstance(c, str)]
    for c in names:
        if c.lower() in ("consent", "informed_consent", "consentement"):
            return c
    for c in names:
        var = hh.variables.get(c)
        qtype = var.question_type if var else None
        if "consent" in c.lower() and qtype in ("select_one", "select_multiple"):
            return c
    return None


def _yes_codes(hh: Dataset, col: str) -> tuple[Code, ...]:
    var = hh.variables.get(col)
    labels: dict[object, str] = dict(var.value_labels) if var else {}
    if var:
        for per_lang in var.value_labels_i18n.values():
            labels.update({k: v for k, v in per_lang.items() if k not in labels})
    yes = tuple(
        norm_code(code)
        for code, label in labels.items()
        if str(label).strip().lower().rstrip(".!") in _YES
    )
    if yes:
        return yes
    return (1, "yes")


@dataclass(frozen=True)
class Respondents:
    """The rows an analysis uses, and how many were left out and why."""

    household: Dataset
    individual: Dataset | None
    households_without_consent: int = 0
    households_ineligible: int = 0
    individuals_excluded: int = 0
    consent_column: str = ""
    eligibility: str = ""

    @property
    def households_excluded(self) -> int:
        return self.households_without_consent + self.households_ineligible

    def counts(self) -> dict[str, int]:
        return {
            "households_without_consent": self.households_without_consent,
            "households_ineligible": self.households_ineligible,
            "individuals_excluded": self.individuals_excluded,
        }


def consent_mask(rule: ConsentRule, hh: Dataset) -> np.ndarray:
    """True where the household consented."""
    s = hh.frame[rule.column]
    return isin_codes(s, list(rule.codes)).fillna(False).to_numpy(dtype=bool)


def eligible_mask(plan: Plan, hh: Dataset) -> np.ndarray:
    """True where the plan's eligibility expression is true (all rows without one)."""
    text = (plan.eligibility or "").strip()
    if not text:
        return np.ones(hh.n_rows, dtype=bool)
    from workbench.library.expr import parse

    try:
        expr = parse(text)
        env = {n: hh.frame[n] for n in expr.inputs if n in hh.frame.columns}
        unknown = sorted(set(expr.inputs) - set(env))
        if unknown:
            raise PlanError.of(
                "plan.eligibility_unknown_column", column=unknown[0], dataset=hh.name
            )
        out = expr.evaluate_bool(env, pd.RangeIndex(hh.n_rows))
    except LibraryError as exc:
        raise PlanError.of("plan.eligibility_invalid", message=exc.message) from None
    return out.fillna(False).to_numpy(dtype=bool)


def respondents(plan: Plan, hh: Dataset, ind: Dataset | None) -> Respondents:
    """The consenting, eligible households and their members (datasets copied only when a row
    is excluded)."""
    rule = consent_rule(plan, hh)
    agreed = consent_mask(rule, hh) if rule else np.ones(hh.n_rows, dtype=bool)
    eligible = eligible_mask(plan, hh)
    keep = agreed & eligible
    n_no_consent = int((~agreed).sum())
    n_ineligible = int((agreed & ~eligible).sum())
    base = Respondents(
        hh, ind, consent_column=rule.column if rule else "", eligibility=plan.eligibility or ""
    )
    if keep.all():
        return base
    kept_hh = _rows(hh, keep)
    n_ind_out = 0
    kept_ind = ind
    hh_key, ind_key = plan.datasets.household_key, plan.datasets.individual_key
    if ind is not None and hh_key in hh.frame.columns and ind_key in ind.frame.columns:
        dropped = hh.frame[hh_key][~keep]
        out = isin_codes(ind.frame[ind_key], list(dropped.dropna().unique()))
        out_arr = out.fillna(False).to_numpy(dtype=bool)
        n_ind_out = int(out_arr.sum())
        kept_ind = _rows(ind, ~out_arr) if n_ind_out else ind
    return dataclasses.replace(
        base,
        household=kept_hh,
        individual=kept_ind,
        households_without_consent=n_no_consent,
        households_ineligible=n_ineligible,
        individuals_excluded=n_ind_out,
    )


def _rows(ds: Dataset, keep: np.ndarray) -> Dataset:
    return dataclasses.replace(ds, frame=ds.frame.loc[keep].reset_index(drop=True))
