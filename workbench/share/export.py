"""Measure, write and re-check an extract, with its risk reports and its sharing record.

Order of work (each step reads what the previous one produced, never a parallel copy):

1. the extract's file bytes are built in memory (:mod:`workbench.share.files`);
2. those bytes are read back as a reader will read them and the risk re-measured; an extract
   whose written file misses the requested k is refused before anything is written;
3. the risk report of each language is built from the re-read figures and the file's SHA-256;
4. the data file(s) and reports go through the export writer as ONE all-or-nothing export; the
   sharing record is stored in the same transaction as the ``export.completed`` entry, so a
   file under its final name always has its record, and a failed export has none.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.errors import ExportError, WorkbenchError
from workbench.export_writer import AuditSink, OutFile, export_files, plain_value
from workbench.share.anonymise import Extract, describe
from workbench.share.files import extract_files, read_back
from workbench.share.report import RiskReport, pdf_bytes
from workbench.share.spec import Recipient, ShareSpec, file_format
from workbench.share.utility import IndicatorChanges, UtilityLabels
from workbench.stats.sdc_risk import RiskSummary, measure
from workbench.stats.sdc_utility import summary as utility_summary

#: stores a sharing record inside the export's completed transaction:
#: ``store(record, completed_entry_params, inside)``
Store = Callable[[dict[str, Any], dict[str, Any], Callable[[], None] | None], object]


@dataclass
class Shared:
    """What an export produced: the reference, the files, the figures of the record."""

    ref: str
    paths: list[Path]
    sha256: str
    before: RiskSummary
    after: RiskSummary
    counts: dict[str, dict[str, int]]
    utility: pd.DataFrame | None
    record: dict[str, Any]
    #: the words of the indicator table in any language
    utility_labels: UtilityLabels | None = None


def risk_of(frame: pd.DataFrame, spec: ShareSpec) -> RiskSummary:
    """The risk summary of ``frame`` for the spec's keys, k, weight, household and sensitive
    variables (the columns a file of the extract holds)."""
    return measure(
        frame, spec.keys, k=spec.k, weight=spec.weight, household=spec.household,
        sensitive=spec.sensitive, risk_threshold=spec.risk_threshold, suda=spec.suda,
        dis_fraction=spec.dis_fraction, suda_max_size=spec.suda_max_size,
    ).summary  # fmt: skip


class _RecordingSink:
    """Passes entries to the audit sink, except ``export.completed``, which goes to ``store``
    with the sharing record (one transaction)."""

    def __init__(self, sink: AuditSink, store: Store, record: dict[str, Any]) -> None:
        self._sink, self._store, self._record = sink, store, record

    def record(
        self,
        action: str,
        obj: str,
        params: dict[str, Any],
        inside: Callable[[], None] | None = None,
    ) -> None:
        if action == "export.completed":
            self._store(self._record, params, inside)
        else:
            self._sink.record(action, obj, params, inside)


def _records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """A table as JSON-ready rows (NaN as None, numpy scalars as Python ones)."""
    return [{k: plain_value(v) for k, v in row.items()}
            for row in table.to_dict(orient="records")]  # fmt: skip


def new_ref(now: datetime) -> str:
    return f"SHR-{now:%Y%m%d}-{secrets.token_hex(3)}"


def write(
    extract: Extract,
    spec: ShareSpec,
    recipient: Recipient,
    out: Path,
    *,
    audit: AuditSink,
    store: Store,
    utility: IndicatorChanges | None = None,
    utility_problem: WorkbenchError | None = None,
    plan: str | None = None,
    now: datetime | None = None,
) -> Shared:
    """Write the extract to ``out`` with its reports; see the module's docstring."""
    table = None if utility is None else utility.table
    labels = None if utility is None else utility.labels
    recipient = recipient.checked()
    out = Path(out)
    fmt = file_format(out)
    now = now or datetime.now(UTC)
    ref = new_ref(now)
    files = extract_files(extract.frame, extract.variables, fmt, out, spec.keys)
    data = files[out]
    written = read_back(data, fmt)
    after = risk_of(written, spec)
    if after.violations.get(spec.k, 0) or len(written) != len(extract.frame):
        raise ExportError.of("share.k_not_reached", k=spec.k, records=after.violations[spec.k])
    before = risk_of(extract.original, spec)
    sha = hashlib.sha256(data).hexdigest()
    counts = extract.counts()
    report = RiskReport(
        ref=ref, dataset=spec.dataset, file_name=out.name, file_format=fmt, sha256=sha,
        recipient=recipient.to_dict(), before=before, after=after,
        methods=describe(extract)["methods"], counts=counts, records=len(written),
        variables=len(written.columns), identifiers=extract.identifiers,
        left_out=extract.dropped, created=now, utility=table, utility_problem=utility_problem,
        plan=plan, utility_labels=labels,
    )  # fmt: skip
    reports = {out.with_name(f"{out.stem}_risk_{lang}.pdf"): pdf_bytes(report, lang)
               for lang in dict.fromkeys(recipient.languages)}  # fmt: skip
    all_files = [OutFile(p, b) for p, b in {**files, **reports}.items()]
    record = {
        "ref": ref, "created_at": now.isoformat(timespec="seconds"), "dataset": spec.dataset,
        **recipient.to_dict(), "file": str(out), "format": fmt, "sha256": sha,
        "records": len(written), "variables": len(written.columns), "k": spec.k,
        "keys": list(spec.keys), "settings": spec.params(), "extract": describe(extract),
        "risk_before": before.to_dict(), "risk_after": after.to_dict(), "counts": counts,
        "reports": [str(p) for p in reports],
        "plan": plan,
        "utility": None if table is None else utility_summary(table),
        # the whole comparison (the report prints the overall rows): stays in the vault
        "utility_table": None if table is None else _records(table),
    }  # fmt: skip
    sink = _RecordingSink(audit, store, record)
    details = {"recipient": recipient.organisation, "dataset": spec.dataset, "k": spec.k,
               "sha256": sha}  # fmt: skip
    paths = export_files(all_files, kind="share", obj=ref, audit=sink, audience="internal",
                         details=details)  # fmt: skip
    return Shared(ref=ref, paths=paths, sha256=sha, before=before, after=after, counts=counts,
                  utility=table, record=record, utility_labels=labels)  # fmt: skip
