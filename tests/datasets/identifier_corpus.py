"""A labelled corpus of survey-export columns for measuring identifier detection.

Every column has a name, English and French labels, values shaped like a real export (as text,
the way a CSV or a Kobo XLSX gives them) and its truth: a direct identifier (with its kind), a
quasi-identifier (with its kind) or not an identifier. The corpus is the bundled Freedonia sample's
columns plus generated families: consumption aggregates, interview and birth dates, 0/1 flags with
identifier-like names, school and area codes, place names, household ids, weights, coded answers,
phone numbers of several countries and formats, person names of several naming traditions, GPS,
national ID numbers, Kobo metadata and free text.

Nothing here is real: names are random combinations of common given names and family names,
phone numbers are random digits in each country's number shape, GPS points are random.

``score(detect)`` runs a detector (``detect_identifiers``' signature) on the corpus and returns
recall per direct/quasi kind and the false-positive rate on non-identifier columns, for the frame
as a reader types it (numbers as numbers) and as all-text (an R export whose ``NA`` keeps every
column text).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from identifier_corpus_values import ROWS, Values

from workbench.dataset_model import Variable

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
DIRECT, QUASI, NONE = "direct", "quasi", "none"


@dataclass(frozen=True)
class CorpusColumn:
    name: str
    en: str
    fr: str
    values: tuple[str, ...]
    truth: str  # direct / quasi / none
    kind: str  # e.g. "phone", "interview_date", or the family of a non-identifier column
    source: str = "generated"


def _col(name: str, en: str, fr: str, values: Values, truth: str, kind: str) -> CorpusColumn:
    return CorpusColumn(name, en, fr, tuple(values), truth, kind)


def _generated(rng: np.random.Generator) -> list[CorpusColumn]:
    from identifier_corpus_families import FAMILIES

    out: list[CorpusColumn] = []
    for family in FAMILIES:
        out += [_col(*spec) for spec in family(rng)]
    return out


def _sample_truth(q_identifier: str | None, kobo: str | None) -> tuple[str, str]:
    if kobo in ("start", "end", "_submission_time"):
        return QUASI, "interview_date"
    if kobo in ("_id", "_uuid"):
        return DIRECT, "submission_id"
    if kobo == "_submitted_by":
        return DIRECT, "account"
    if q_identifier:
        return DIRECT, q_identifier
    return NONE, "sample"


def _sample(rows: int) -> list[CorpusColumn]:
    from workbench.sample.codebook import columns

    out: list[CorpusColumn] = []
    for dataset in ("household", "individual"):
        path = SAMPLE / f"freedonia_{dataset}.csv"
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            body = [row for _, row in zip(range(rows), reader, strict=False)]
        spec = {c.name: c for c in columns(dataset)}  # type: ignore[arg-type]
        for i, name in enumerate(header):
            c = spec[name]
            truth, kind = _sample_truth(c.question.identifier, c.question.extra.get("kobo"))
            values = tuple(row[i] for row in body)
            out.append(CorpusColumn(name, c.en, c.fr, values, truth, kind, source=dataset))
    return out


def corpus(seed: int = 20260314) -> list[CorpusColumn]:
    """The whole corpus, the same on every call for the same seed."""
    rng = np.random.default_rng(seed)
    return _sample(ROWS) + _generated(rng)


# ----------------------------------------------------------------------------- frames


def _is_number(text: str) -> bool:
    if text[:1] in "+0" and len(text) > 1 and text[1:2] != ".":
        return False  # "007" and "+252…" stay text, as the readers keep them
    try:
        float(text)
    except ValueError:
        return False
    return True


def typed(values: tuple[str, ...]) -> pd.Series:
    """The column as a reader types it: numbers when every present value is one, else text."""
    present = [v for v in values if v != ""]
    if present and all(_is_number(v) for v in present):
        return pd.Series([float(v) if v else np.nan for v in values], dtype="float64")
    return as_text(values)


def as_text(values: tuple[str, ...]) -> pd.Series:
    return pd.Series([v if v else None for v in values], dtype="str")


def frame_and_variables(
    columns: list[CorpusColumn], text: bool = False, rows: int | None = None
) -> tuple[pd.DataFrame, dict[str, Variable]]:
    """The columns as a frame (their first ``rows`` values: the import preview reads 50)."""
    series = {}
    variables = {}
    for i, c in enumerate(columns):
        key = f"{c.name}" if c.source == "generated" else c.name
        key = key if key not in series else f"{key}__{i}"
        values = c.values[:rows] if rows else c.values
        series[key] = as_text(values) if text else typed(values)
        labels = {k: v for k, v in (("en", c.en), ("fr", c.fr)) if v}
        variables[key] = Variable(name=key, label=c.en, labels=labels)
    frame = pd.DataFrame(series)
    return frame, variables


# ----------------------------------------------------------------------------- scoring

Detector = Callable[[pd.DataFrame, dict[str, Variable]], dict[str, str]]


@dataclass
class Score:
    #: (truth, kind) → (flagged, total)
    per_kind: dict[tuple[str, str], tuple[int, int]]
    #: non-identifier columns flagged: "name (kind found)"
    false_positives: list[str]
    #: family of non-identifier columns → (flagged, total)
    per_family: dict[str, tuple[int, int]]
    #: direct identifiers not flagged: names
    missed_direct: list[str]
    n_none: int

    @property
    def direct_recall(self) -> float:
        hit = sum(h for (t, _), (h, _n) in self.per_kind.items() if t == DIRECT)
        total = sum(n for (t, _), (_h, n) in self.per_kind.items() if t == DIRECT)
        return hit / total if total else 1.0

    @property
    def quasi_recall(self) -> float:
        hit = sum(h for (t, _), (h, _n) in self.per_kind.items() if t == QUASI)
        total = sum(n for (t, _), (_h, n) in self.per_kind.items() if t == QUASI)
        return hit / total if total else 1.0

    @property
    def fp_rate(self) -> float:
        return len(self.false_positives) / self.n_none if self.n_none else 0.0


def score_frame(
    detect: Detector,
    columns: list[CorpusColumn],
    text: bool = False,
    chunk: int = 60,
    rows: int | None = None,
) -> Score:
    per_kind: dict[tuple[str, str], tuple[int, int]] = {}
    fps: list[str] = []
    families: dict[str, tuple[int, int]] = {}
    missed: list[str] = []
    n_none = 0
    for start in range(0, len(columns), chunk):
        part = columns[start : start + chunk]
        frame, variables = frame_and_variables(part, text, rows)
        found = detect(frame, variables)
        for key, c in zip(frame.columns, part, strict=True):
            flagged = key in found
            if c.truth == NONE:
                n_none += 1
                fp, n = families.get(c.kind, (0, 0))
                families[c.kind] = (fp + flagged, n + 1)
                if flagged:
                    fps.append(f"{c.name} ({found[key]})")
                continue
            hit, total = per_kind.get((c.truth, c.kind), (0, 0))
            per_kind[(c.truth, c.kind)] = (hit + flagged, total + 1)
            if c.truth == DIRECT and not flagged:
                missed.append(f"{c.name} [{c.kind}]")
    return Score(per_kind, fps, families, missed, n_none)


def counts(columns: list[CorpusColumn]) -> dict[str, int]:
    out: dict[str, int] = {}
    for c in columns:
        out[c.truth] = out.get(c.truth, 0) + 1
    return out
