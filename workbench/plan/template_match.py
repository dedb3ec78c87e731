"""Finding a template's question in another dataset: by labels (any language) or by auto-suggest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from workbench.dataset_model import Dataset
from workbench.plan.suggest_text import tokens

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
    from workbench.plan.suggest_assign import rank
    from workbench.plan.suggest_columns import InputText, profile_columns
    from workbench.plan.suggest_text import Idf

    if input_name not in library.inputs:
        return None
    profiles = profile_columns(ds, unit)
    idf = Idf(p.text_toks + p.name_toks for p in profiles)
    ranked = rank(InputText.of(library.inputs[input_name]), profiles, idf, keep=1)
    if ranked and ranked[0].confidence >= DEFAULT_THRESHOLD:
        return ranked[0].column.name
    return None
