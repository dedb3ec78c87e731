"""KoboToolbox exports: group paths, select_multiple columns, repeat-group sheets.

- ``group_hh/q1`` → column ``q1`` with ``Variable.extra["group"] = "group_hh"``; when two groups
  hold a question of the same name, both keep their path joined with ``_`` (``g1_q1``, ``g2_q1``).
- ``q/option`` where ``q`` is itself a column → a select_multiple option column (1/0), renamed
  ``<q>/<option>`` with ``question_type="select_multiple"`` and ``parent_question=q``; the summary
  column ``q`` (space-separated choices) gets ``question_type="select_multiple"``.
- Sheets other than the main one that carry ``_parent_index`` are repeat groups.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from workbench.dataset_model import Variable, infer_kind
from workbench.datasets.columns import unique_name

KOBO_META = (
    "_id", "_uuid", "_submission_time", "_submitted_by", "_geolocation", "_attachments",
    "start", "end", "_index", "_parent_index", "_parent_table_name", "_submission__id",
    "_submission__uuid", "_submission__submission_time", "_validation_status", "_notes",
    "_status", "_tags", "__version__", "_version_", "_xform_id_string",
)  # fmt: skip


def is_kobo_header(columns: list[str]) -> bool:
    cols = set(columns)
    return "_uuid" in cols or "_submission_time" in cols or {"_index", "_id"} <= cols


def is_repeat_header(columns: list[str]) -> bool:
    return "_parent_index" in columns


def _split(header: str) -> tuple[str, str]:
    if "/" not in header or header.startswith("_"):
        return "", header
    prefix, last = header.rsplit("/", 1)
    return prefix, last


def kobo_columns(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, Variable]]:
    """Rename Kobo headers to question names and describe each column."""
    headers = [str(c) for c in frame.columns]
    present = set(headers)
    option_of: dict[str, str] = {}
    for h in headers:
        prefix, _ = _split(h)
        if prefix and prefix in present:
            option_of[h] = prefix
    questions = [h for h in headers if h not in option_of]
    short = {h: _split(h)[1] for h in questions}
    counts = Counter(short.values())
    final: dict[str, str] = {}
    taken: set[str] = set()
    for h in questions:
        name = short[h] if counts[short[h]] == 1 else h.replace("/", "_")
        final[h] = unique_name(name, taken)
        taken.add(final[h])
    for h, parent in option_of.items():
        final[h] = unique_name(f"{final[parent]}/{_split(h)[1]}", taken)
        taken.add(final[h])
    summaries = set(option_of.values())
    variables: dict[str, Variable] = {}
    for h in headers:
        new = final[h]
        extra: dict[str, Any] = {"source_header": h} if h != new else {}
        var = Variable(name=new, kind=infer_kind(frame[h]))
        if h in option_of:
            parent = option_of[h]
            var.question_type = "select_multiple"
            var.parent_question = final[parent]
            var.measure = "nominal"
            extra["option"] = _split(h)[1]
            group = _split(parent)[0]
        else:
            group = _split(h)[0]
            if h in summaries:
                var.question_type = "select_multiple"
                var.measure = "nominal"
        if group:
            extra["group"] = group
        if h in KOBO_META:
            extra["kobo_metadata"] = True
        var.extra = extra
        variables[new] = var
    renamed = frame.rename(columns=final)
    return renamed, variables
