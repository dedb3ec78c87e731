"""Skip patterns (who is asked what) and "don't know" / "refused" codes.

``ASKED`` mirrors the XLSForm ``relevant`` expressions of the codebook as vectorised masks over
the final frame. :func:`apply_form_logic` walks the questions in form order, so a parent's final
answer (including 98 / 99) decides whether its children are asked, exactly as Kobo would.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from workbench.sample.codebook import QUESTIONS, columns
from workbench.sample.spec import DatasetName, Question

Mask = Callable[[pd.DataFrame], pd.Series]


def _eq(col: str, value: float) -> Mask:
    return lambda df: df[col] == value


def _between(lo: float, hi: float) -> Mask:
    return lambda df: (df["age"] >= lo) & (df["age"] <= hi)


def _displaced(df: pd.DataFrame) -> pd.Series:
    return df["pop_group"].isin([1.0, 2.0, 3.0])


def _idps(df: pd.DataFrame) -> pd.Series:
    return df["pop_group"].isin([1.0, 2.0])


ASKED: dict[str, Mask] = {
    # household
    "disp_year": _displaced,
    "disp_cause": _displaced,
    "origin_district": _displaced,
    "disp_moves": _displaced,
    "return_year": _eq("pop_group", 3.0),
    "discrim_disp": lambda df: (df["discrim"] == 1) & _displaced(df),
    "settle_pref": _idps,
    "settle_cond": lambda df: df["settle_pref"].isin([1.0, 2.0, 3.0]),
    "settle_cond_specify": _eq("settle_cond_other", 1.0),
    "settle_plan": _idps,
    "violence_reported": _eq("violence_12m", 1.0),
    "move_restrict_type": _eq("move_restrict", 1.0),
    "toilet_shared": lambda df: df["toilet_type"] != 6,
    "hlp_left": _displaced,
    "hlp_type": _eq("hlp_left", 1.0),
    "hlp_docs": _eq("hlp_left", 1.0),
    "hlp_claim": _eq("hlp_left", 1.0),
    "hlp_claim_status": _eq("hlp_claim", 1.0),
    "docs_lost": _displaced,
    "docs_replace_know": _eq("docs_lost", 1.0),
    "n_separated": _eq("family_sep", 1.0),
    "tracing": _eq("family_sep", 1.0),
    "want_reunify": _eq("family_sep", 1.0),
    "justice_sought": lambda df: (df["justice_aware"] == 1) & _displaced(df),
    "justice_satisfied": _eq("justice_sought", 1.0),
    # individual
    **{
        f"wg_{d}": (lambda df: df["age"] >= 5)
        for d in ("seeing", "hearing", "walking", "cognition", "selfcare", "communication")
    },
    "health_access": _eq("health_need", 1.0),
    "health_barrier": _eq("health_access", 0.0),
    "school_attend": _between(6, 17),
    "edu_level": lambda df: df["age"] >= 6,
    "edu_train_now": _between(15, 24),
    "work_7d": lambda df: df["age"] >= 15,
    "work_absent": _eq("work_7d", 0.0),
    "look_work": _eq("work_absent", 0.0),
    "avail_work": _eq("look_work", 1.0),
    "birth_registered": lambda df: df["age"] < 5,
    "national_id": lambda df: df["age"] >= 16,
    "voted": lambda df: df["age"] >= 18,
    "community_part": lambda df: df["age"] >= 18,
}

#: links of answer chains whose 98 / 99 would bias the documented truth (they keep the codes in
#: their value labels but the generator never uses them)
NO_CODES = frozenset({"work_absent", "look_work", "avail_work", "hlp_claim_status"})

#: (don't know rate, refused rate) by kind of question
_RATES = {
    "yes_no": (0.012, 0.004),
    "select_one": (0.010, 0.004),
    "count": (0.010, 0.003),
    "year": (0.030, 0.005),
    "money": (0.040, 0.030),
}


def _rates(q: Question) -> tuple[float, float]:
    if q.missing == (999998, 999999):
        return _RATES["money"]
    if q.missing == (9998, 9999):
        return _RATES["year"]
    if q.qtype == "integer":
        return _RATES["count"]
    return _RATES["yes_no"] if q.list_name == "yes_no" else _RATES["select_one"]


def asked(df: pd.DataFrame, name: str) -> pd.Series:
    """True where the form asks question ``name`` (all rows for unconditional questions)."""
    rule = ASKED.get(name)
    if rule is None:
        return pd.Series(True, index=df.index)
    return rule(df).fillna(False).astype(bool)


def apply_form_logic(df: pd.DataFrame, dataset: DatasetName, rng: np.random.Generator) -> None:
    """In place: blank what was not asked and code some answers 98 / 99, in form order."""
    cols_by_q: dict[str, list[str]] = {}
    for c in columns(dataset):
        cols_by_q.setdefault(c.question.name, []).append(c.name)
    for q in QUESTIONS:
        if q.dataset != dataset or q.module in ("meta", "identifier", "design"):
            continue
        mask = asked(df, q.name).to_numpy()
        for name in cols_by_q[q.name]:
            if name not in df.columns:
                continue
            if df[name].dtype.kind == "f":
                df[name] = np.where(mask, df[name].to_numpy(), np.nan)
            else:
                df[name] = df[name].where(mask, None)
        if q.missing and q.name != "pop_group" and q.name not in NO_CODES:
            dk, ref = _rates(q)
            u = rng.random(len(df))
            code = np.where(u < dk, q.missing[0], np.where(u < dk + ref, q.missing[1], np.nan))
            hit = mask & ~np.isnan(code)
            df[q.name] = np.where(hit, code, df[q.name].to_numpy())
