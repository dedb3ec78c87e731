"""The plan's indicators recomputed on the extract, through the same engine as every analysis.

The extract replaces the shared dataset's columns for the run: values the methods changed take
their new values, columns not shared become missing (an indicator that needs them cannot be
answered from the file); record keys keep their original values because pseudonyms are a
one-to-one renaming and the plan links households and members by them."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.library.model import Library
from workbench.plan.evaluate import evaluate
from workbench.plan.model import Plan
from workbench.share.anonymise import Extract
from workbench.stats import analyze
from workbench.stats.options import AnalysisOptions
from workbench.stats.sdc_utility import compare


def as_dataset(original: Dataset, extract: Extract) -> Dataset:
    """``original`` as the extract leaves it (same rows, same column names)."""
    frame = original.frame.copy()
    index = frame.index
    for name in frame.columns:
        if name in extract.pseudonymised:
            continue
        if name in extract.frame.columns:
            frame[name] = (
                extract.frame[name].set_axis(index).astype(frame[name].dtype, errors="ignore")
            )
        else:
            frame[name] = pd.Series(np.nan if pd.api.types.is_numeric_dtype(frame[name])
                                    else None, index=index, dtype=frame[name].dtype)  # fmt: skip
    return dataclasses.replace(original, frame=frame)


def indicator_changes(
    plan: Plan,
    library: Library,
    datasets: Mapping[str, Dataset],
    shared: str,
    extract: Extract,
    options: AnalysisOptions,
) -> pd.DataFrame:
    """The comparison table (:func:`workbench.stats.sdc_utility.compare`) for ``plan``."""
    # the disclosure audit's bounds meet NaN cells of an extract (values not answerable):
    # numpy's "invalid value" warning there is not the user's business (reported upstream)
    with np.errstate(invalid="ignore"):
        before = analyze(evaluate(plan, library, datasets), options).publishable().estimates
        changed = {**datasets, shared: as_dataset(datasets[shared], extract)}
        after = analyze(evaluate(plan, library, changed), options).publishable().estimates
    return compare(before, after)
