"""A KoboToolbox-style XLSX export of Freedonia ("XML values and headers").

Main sheet (one row per submission) with group-path headers (``hh_info/district``),
select_multiple as a space-separated summary plus ``q/option`` 0/1 columns, a geopoint as
``group/hh_gps`` plus ``_hh_gps_latitude`` …, and Kobo's metadata columns; the ``roster`` repeat
group on its own sheet joined by ``_index`` / ``_parent_index`` / ``_parent_table_name``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from workbench.sample.codebook import columns
from workbench.sample.generate import FreedoniaSample
from workbench.sample.write_flat import integer_columns
from workbench.sample.xlsform import FORM_TITLE, FORM_VERSION, form_questions
from workbench.sample.xlsx_fast import write_xlsx

MAIN_SHEET = FORM_TITLE[:31].strip()
TZ = "+02:00"  # Freedonia time
TRAILING = (
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_geolocation",
    "_index",
)
ROSTER_TRAILING = (
    "_index",
    "_parent_table_name",
    "_parent_index",
    "_submission__id",
    "_submission__uuid",
    "_submission__submission_time",
    "_submission__validation_status",
    "_submission__notes",
    "_submission__status",
    "_submission__submitted_by",
    "_submission___version__",
    "_submission__tags",
)


def _values(frame: pd.DataFrame) -> dict[str, list[Any]]:
    """Column -> Python values (ints for integer codes, None for missing)."""
    ints = set(integer_columns(frame))
    out: dict[str, list[Any]] = {}
    for c in frame.columns:
        s = frame[c]
        if c in ints:
            arr = s.to_numpy()
            out[c] = [None if np.isnan(v) else int(v) for v in arr]
        elif s.dtype.kind == "f":
            out[c] = [None if np.isnan(v) else float(v) for v in s.to_numpy()]
        elif s.dtype.kind == "M":
            out[c] = [None if pd.isna(v) else v.strftime("%Y-%m-%dT%H:%M:%S") for v in s]
        else:
            out[c] = [None if (v is None or v != v) else str(v) for v in s.astype(object)]
    return out


def household_table(sample: FreedoniaSample) -> tuple[list[str], list[list[Any]]]:
    """(headers, columns) of the main sheet."""
    hh = sample.household
    v = _values(hh)
    n = len(hh)
    headers: list[str] = []
    cols: list[list[Any]] = []

    def add(header: str, values: list[Any]) -> None:
        headers.append(header)
        cols.append(values)

    for q in form_questions("household"):
        if q.qtype in ("start", "end"):
            add(q.extra["kobo"], [f"{t}.000{TZ}" for t in v[q.name]])
        elif q.qtype == "geopoint":
            lat, lon = v[f"{q.name}_lat"], v[f"{q.name}_lon"]
            add(q.xml_path, [f"{a} {b} 0.0 5.0" for a, b in zip(lat, lon, strict=True)])
            add(f"_{q.name}_latitude", lat)
            add(f"_{q.name}_longitude", lon)
            add(f"_{q.name}_altitude", [0.0] * n)
            add(f"_{q.name}_precision", [5.0] * n)
        else:
            for c in columns("household"):
                if c.question is q:
                    add(c.kobo_header, v[c.name])
    lat, lon = v["hh_gps_lat"], v["hh_gps_lon"]
    trailing = {
        "_id": v["kobo_id"],
        "_uuid": v["kobo_uuid"],
        "_submission_time": v["submission_time"],
        "_validation_status": [None] * n,
        "_notes": [None] * n,
        "_status": ["submitted_via_web"] * n,
        "_submitted_by": v["submitted_by"],
        "__version__": [FORM_VERSION] * n,
        "_tags": [None] * n,
        "_geolocation": [f"[{a}, {b}]" for a, b in zip(lat, lon, strict=True)],
        "_index": list(range(1, n + 1)),
    }
    for h in TRAILING:
        add(h, trailing[h])
    return headers, cols


def roster_table(sample: FreedoniaSample) -> tuple[list[str], list[list[Any]]]:
    """(headers, columns) of the roster sheet."""
    ind, hh = sample.individuals, sample.household
    v = _values(ind)
    n = len(ind)
    parent = pd.Index(hh["hh_id"]).get_indexer(ind["hh_id"])
    hv = _values(hh[["kobo_id", "kobo_uuid", "submission_time", "submitted_by"]])
    headers = [
        c.kobo_header
        for q in form_questions("individual")
        for c in columns("individual")
        if c.question is q
    ]
    names = [
        c.name
        for q in form_questions("individual")
        for c in columns("individual")
        if c.question is q
    ]
    cols = [v[name] for name in names]
    take = parent.tolist()
    trailing: dict[str, list[Any]] = {
        "_index": list(range(1, n + 1)),
        "_parent_table_name": [MAIN_SHEET] * n,
        "_parent_index": [i + 1 for i in take],
        "_submission__id": [hv["kobo_id"][i] for i in take],
        "_submission__uuid": [hv["kobo_uuid"][i] for i in take],
        "_submission__submission_time": [hv["submission_time"][i] for i in take],
        "_submission__validation_status": [None] * n,
        "_submission__notes": [None] * n,
        "_submission__status": ["submitted_via_web"] * n,
        "_submission__submitted_by": [hv["submitted_by"][i] for i in take],
        "_submission___version__": [FORM_VERSION] * n,
        "_submission__tags": [None] * n,
    }
    for h in ROSTER_TRAILING:
        headers.append(h)
        cols.append(trailing[h])
    return headers, cols


def write_kobo_xlsx(sample: FreedoniaSample, path: Path) -> Path:
    main_headers, main_cols = household_table(sample)
    roster_headers, roster_cols = roster_table(sample)
    return write_xlsx(
        path,
        [(MAIN_SHEET, main_headers, main_cols), ("roster", roster_headers, roster_cols)],
        title=FORM_TITLE,
        creator="KoboToolbox export (synthetic Freedonia sample)",
    )
