"""The plan's indicators recomputed on the extract, through the same engine as every analysis.

The extract replaces the shared dataset's columns for the run: values the methods changed take
their new values, columns not shared become missing (an indicator that needs them cannot be
answered from the file); record keys keep their original values because pseudonyms are a
one-to-one renaming and the plan links households and members by them."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.library.model import Library
from workbench.plan.evaluate import evaluate
from workbench.plan.model import Plan
from workbench.reporting.context import ReportContext, build_context
from workbench.reporting.i18n import Translator
from workbench.reporting.options import ReportOptions
from workbench.share.anonymise import Extract
from workbench.stats import analyze
from workbench.stats.options import AnalysisOptions
from workbench.stats.results import ALL_DISPLACED, AnalysisResults
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


def frame_digest(frame: pd.DataFrame) -> str:
    """A digest of a frame's columns, types and values (equal frames, equal digests)."""
    import hashlib

    h = hashlib.sha256(repr([(str(c), str(t)) for c, t in frame.dtypes.items()]).encode())
    h.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    return h.hexdigest()


#: the label columns :meth:`UtilityLabels.labelled` adds, before the codes they name
LABEL_COLUMNS = ["indicator_label", "group_label", "breakdown_label", "value_label"]


class UtilityLabels:
    """The words of the plan's run for the comparison table — indicator titles, group,
    breakdown and level labels — in any report language, from the run's snapshot as the report
    reads them (:func:`workbench.reporting.context.build_context`): a partner reads "Displaced
    (camps)", "Sex: Female", not ``g2`` and ``sex = 2``."""

    def __init__(self, results: AnalysisResults) -> None:
        self._results = results
        self._contexts: dict[str, ReportContext] = {}

    def context(self, lang: str) -> ReportContext:
        if lang not in self._contexts:
            self._contexts[lang] = build_context(self._results, ReportOptions(language=lang))
        return self._contexts[lang]

    def labelled(self, table: pd.DataFrame, lang: str) -> pd.DataFrame:
        """``table`` with :data:`LABEL_COLUMNS` in ``lang`` (codes kept beside them)."""
        ctx, tr = self.context(lang), Translator(lang)

        def indicator(code: str) -> str:
            info = ctx.indicators.get(code)
            return info.title.shown() if info is not None else code

        def group(code: str) -> str:
            return tr("all_displaced") if code == ALL_DISPLACED else ctx.group(code).label.shown()

        def breakdown(code: str) -> str:
            if code == "total":
                return tr("total")
            label = ctx.disaggregations.get(code)
            return label.shown() if label is not None else code

        out = table.copy()
        ids, groups = out["indicator_id"].astype(str), out["group"].astype(str)
        dis = out["disaggregation"].astype(str)
        values = out["disaggregation_value"].astype(str)
        out.insert(0, "indicator_label", [indicator(x) for x in ids])
        out.insert(1, "group_label", [group(x) for x in groups])
        out.insert(2, "breakdown_label", [breakdown(x) for x in dis])
        out.insert(3, "value_label", ["" if d == "total" else ctx.level(d, v).shown()
                                      for d, v in zip(dis, values, strict=True)])  # fmt: skip
        return out


@dataclass
class IndicatorChanges:
    """The comparison table and the words to show it with."""

    table: pd.DataFrame
    labels: UtilityLabels


def indicator_changes(
    plan: Plan,
    library: Library,
    datasets: Mapping[str, Dataset],
    shared: str,
    extract: Extract,
    options: AnalysisOptions,
) -> IndicatorChanges:
    """The comparison table (:func:`workbench.stats.sdc_utility.compare`) for ``plan``."""
    # the disclosure audit's bounds meet NaN cells of an extract (values not answerable):
    # numpy's "invalid value" warning there is not the user's business (reported upstream)
    with np.errstate(invalid="ignore"):
        before = analyze(evaluate(plan, library, datasets), options).publishable()
        changed = {**datasets, shared: as_dataset(datasets[shared], extract)}
        after = analyze(evaluate(plan, library, changed), options).publishable().estimates
    return IndicatorChanges(compare(before.estimates, after), UtilityLabels(before))
