""" "Other, specify" texts that are one of the question's own choices (to be recoded).

A text column is the "specify" of question ``q`` when its ``relevant`` rule is
``selected(${q}, '…')`` or ``${q} = '…'``, or its name is ``q_other``, ``q_specify``,
``q_other_specify`` or ``q_autre``. Its texts are compared with every label of ``q``'s choices in
every language (case, accents' case, spaces and end punctuation ignored), once per distinct text.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from workbench.checks.collect import Collector
from workbench.dataset_model import Dataset
from workbench.plan.codes import canon

_RULE = re.compile(
    r"^\s*(?:selected\(\s*\$\{\s*([\w.\-]+)\s*\}\s*,|\$\{\s*([\w.\-]+)\s*\}\s*=)\s*"
    r"['\"]([^'\"]*)['\"]"
)
_SUFFIXES = ("_other_specify", "_specify", "_other", "_autre", "_otro", "/other", ".other")
_OTHER_WORDS = ("other", "autre", "otro", "otra", "specify", "préciser", "preciser", "أخرى")


def normal(text: str) -> str:
    t = unicodedata.normalize("NFKC", str(text)).casefold().strip()
    t = re.sub(r"\s+", " ", t)
    return t.strip(" .!?;:,-")


def parent_question(ds: Dataset, col: str) -> str | None:
    var = ds.variables.get(col)
    rule = str(var.extra.get("relevant") or "") if var else ""
    m = _RULE.match(rule)
    if m:
        q, code = m.group(1) or m.group(2), m.group(3)
        if (q in ds.variables or _option_columns(ds, q)) and _is_other(ds, q, code):
            return q
    for suffix in _SUFFIXES:
        if col.lower().endswith(suffix):
            q = col[: -len(suffix)]
            if q in ds.variables or _option_columns(ds, q):
                return q
    return None


def _is_other(ds: Dataset, q: str, code: str) -> bool:
    """The choice ``code`` of ``q`` is an "other" choice (by its code or one of its labels)."""
    texts = [code]
    var = ds.variables.get(q)
    if var is not None:
        texts += [str(v) for k, v in var.value_labels.items() if canon(k) == canon(code)]
        texts += [
            str(t) for t in dict(dict(var.extra.get("choices") or {}).get(code) or {}).values()
        ]
    low = " ".join(texts).casefold()
    return any(w in low for w in _OTHER_WORDS) or code in ("96", "-96", "77", "-77", "888")


def _option_columns(ds: Dataset, q: str) -> list[str]:
    return [c for c, v in ds.variables.items() if v.parent_question == q]


def choice_labels(ds: Dataset, q: str) -> dict[str, str]:
    """Normalised label → the label as written, for every choice of ``q`` but "other"."""
    labels: list[str] = []
    var = ds.variables.get(q)
    if var is not None:
        labels += [str(v) for v in var.value_labels.values()]
        for per_lang in var.value_labels_i18n.values():
            labels += [str(v) for v in per_lang.values()]
        for per_code in dict(var.extra.get("choices") or {}).values():
            labels += [str(v) for v in dict(per_code).values()]
    if not labels:  # option columns: "Question? Option" → "Option"
        for c in _option_columns(ds, q):
            ov = ds.variables[c]
            for lang, text in ({"": ov.label} | ov.labels).items():
                prefix = (var.labels.get(lang) if var and lang else None) or (
                    var.label if var else ""
                )
                if prefix and text.startswith(prefix):
                    labels.append(text[len(prefix) :].strip(" :?"))
    out: dict[str, str] = {}
    for text in labels:
        key = normal(text)
        if key and not any(w in key for w in _OTHER_WORDS):
            out.setdefault(key, text.strip())
    return out


def check_other_specify(c: Collector) -> None:
    ds = c.ds
    for col, var in ds.variables.items():
        if col not in ds.frame.columns or var.kind != "string" or var.parent_question:
            continue
        q = parent_question(ds, col)
        if q is None:
            continue
        labels = choice_labels(ds, q)
        if not labels:
            continue
        s = ds.frame[col]
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
        match = np.array([labels.get(normal(u), "") for u in uniques], dtype=object)
        hit_code = np.flatnonzero(match != "")
        if not len(hit_code):
            continue
        rows = np.isin(codes, hit_code)
        choice = np.where(codes >= 0, match[np.maximum(codes, 0)], "")
        c.add(
            "check.other_matches_choice",
            "warning",
            rows,
            col,
            {"text": s, "choice": choice},
            question=q,
        )
