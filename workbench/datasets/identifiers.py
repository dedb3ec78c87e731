"""Detecting identifiers: direct ones (names, phones, GPS, ID numbers, Kobo submission ids,
accounts, devices, attachments, free text) and quasi-identifiers (dates of birth and of the
interview, small places).

``detect_identifiers`` only *flags*; what happens to a flagged column (keep / drop / hash) is
decided at import (:mod:`workbench.datasets.protect`): a direct identifier is dropped unless the
user chooses otherwise, a quasi-identifier is kept (it is often needed for the analysis) and the
import says so. Decisions read the values, not only the name: a word in the column name or label
proposes a kind (:mod:`workbench.datasets.identifier_words`) and the values must fit it
(:mod:`workbench.datasets.identifier_values`); strong value shapes (``+252 61 …``, geopoints,
UUIDs, person names, free text) are flagged whatever the name. Keys that link records (``_index``,
``_parent_index`` …) are never flagged; the dataset's own key is left out by the importer.

The precision of all this is measured on a labelled corpus: ``benchmarks/identifiers.py``.
"""

from __future__ import annotations

import pandas as pd

from workbench.dataset_model import Variable
from workbench.datasets.identifier_values import Profile
from workbench.datasets.identifier_words import (
    KOBO_BOOKKEEPING,
    KOBO_NAMES,
    names_a_place,
    proposed_kinds,
)
from workbench.messages import render

#: direct identifiers: dropped by default at import
DIRECT_KINDS = (
    "name", "phone", "gps", "national_id", "submission_id", "account", "device_id",
    "attachments", "free_text",
)  # fmt: skip
#: quasi-identifiers: flagged, kept by default (they identify people only in combination)
QUASI_KINDS = ("date_of_birth", "interview_date", "small_area")

_FITS = {
    "gps": Profile.fits_gps,
    "submission_id": Profile.fits_key,
    "device_id": Profile.fits_key,
    "account": Profile.fits_key,
    "national_id": Profile.fits_id_number,
    "phone": Profile.fits_phone,
    "date_of_birth": Profile.fits_date,
    "interview_date": Profile.fits_date,
    "small_area": Profile.fits_place,
    "name": Profile.fits_name,
    "person": Profile.fits_person,
}


def is_quasi(kind: str | None) -> bool:
    return kind in QUASI_KINDS


def default_action(kind: str, default: str = "drop") -> str:
    """What import does with a flagged column unless told: quasi-identifiers (and columns the
    user named) are kept, direct identifiers get ``default``."""
    return "keep" if kind == "user" or is_quasi(kind) else default


def _kobo_name(col: str) -> str:
    """``meta/instanceID`` → ``instanceid``; a repeat sheet's ``_submission__uuid`` → ``_uuid``."""
    low = col.lower().rsplit("/", 1)[-1] if col.lower() not in KOBO_NAMES else col.lower()
    return "_" + low[len("_submission__") :] if low.startswith("_submission__") else low


def _kobo_kind(low: str, s: pd.Series) -> str | None:
    kind = KOBO_NAMES.get(low)
    if kind == "interview_date" and not Profile.of(s).fits_date():
        return None
    return kind


def _from_values(prof: Profile, col: str, var: Variable | None) -> str | None:
    if prof.is_geopoint():
        return "gps"
    if prof.is_uuid():
        return "submission_id"
    if prof.is_date():
        return "interview_date" if prof.with_time else None
    if prof.numeric:
        return None
    if prof.looks_like_phone():
        return "phone"
    if prof.looks_like_names() and not names_a_place(col, var):
        return "name"
    labelled = var is not None and (
        var.value_labels or var.question_type in {"select_one", "select_multiple"}
    )
    if labelled:
        return None
    if prof.looks_like_free_text():
        return "free_text"
    if var is not None and var.question_type == "text" and prof.n_unique > 5 and prof.words >= 2:
        return "free_text"
    return None


def identifier_kind(col: str, s: pd.Series, var: Variable | None) -> str | None:
    """The kind of identifier ``col`` holds, or None."""
    low = _kobo_name(col)
    if low in KOBO_BOOKKEEPING or col.lower() in KOBO_BOOKKEEPING:
        return None
    kobo = _kobo_kind(low, s)
    if kobo or low in KOBO_NAMES:
        return kobo
    if var is not None and var.parent_question:
        return None  # select_multiple option columns hold 1/0
    prof = Profile.of(s)
    for kind in proposed_kinds(col, var):
        if _FITS[kind](prof):
            return "name" if kind == "person" else kind
    return _from_values(prof, col, var)


def detect_identifiers(frame: pd.DataFrame, variables: dict[str, Variable]) -> dict[str, str]:
    """Column → kind (one of :data:`DIRECT_KINDS` or :data:`QUASI_KINDS`) for the columns
    that identify people, directly or in combination."""
    found: dict[str, str] = {}
    for col in frame.columns:
        name = str(col)
        kind = identifier_kind(name, frame[col], variables.get(name))
        if kind:
            found[name] = kind
    return found


def reason_text(kind: str | None, language: str = "en") -> str:
    """Why a column was flagged, in words: "phone number", "date of the interview" … (also
    for ``kobo_metadata``, the kind older vaults stored)."""
    if not kind:
        return ""
    try:
        return render(f"identifier.kind.{kind}", {}, language)
    except KeyError:
        return kind.replace("_", " ")


def tier_text(kind: str | None, language: str = "en") -> str:
    """ "direct identifier" or "quasi-identifier (kept by default)", in words."""
    return render(f"identifier.tier.{'quasi' if is_quasi(kind) else 'direct'}", {}, language)


def action_note(column: str, kind: str, action: str, language: str = "en") -> str:
    """One line for the import summary: what was done with a flagged column and why."""
    tier = "quasi" if is_quasi(kind) else "direct"
    params = {"column": column, "why": reason_text(kind, language)}
    return render(f"identifier.{action}.{tier}", params, language)
