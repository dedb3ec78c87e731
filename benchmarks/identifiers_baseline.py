"""The identifier detector as it was on main before issue 14 (commit 4fbf1a6), frozen as the
benchmark's named baseline. Do not edit: benchmarks/identifiers.py measures against it."""

from __future__ import annotations

import re

import pandas as pd

from workbench.dataset_model import Variable
from workbench.datasets.kobo import KOBO_META

KEY_COLUMNS = frozenset(
    {
        "_id",
        "_uuid",
        "_index",
        "_parent_index",
        "_submission__id",
        "_submission__uuid",
        "instanceid",
    }
)
KOBO_IDENTIFYING = {
    "_submitted_by": "kobo_metadata",
    "_attachments": "kobo_metadata",
    "start": "kobo_metadata",
    "end": "kobo_metadata",
    "_geolocation": "gps",
    "deviceid": "kobo_metadata",
    "imei": "kobo_metadata",
    "subscriberid": "kobo_metadata",
    "simserial": "kobo_metadata",
    "phonenumber": "phone",
    "username": "kobo_metadata",
    # the same metadata under the names flat exports often give it
    "submitted_by": "kobo_metadata",
    "interview_start": "kobo_metadata",
    "interview_end": "kobo_metadata",
    "starttime": "kobo_metadata",
    "endtime": "kobo_metadata",
}

_NAME_WORDS = {
    "name",
    "names",
    "nom",
    "noms",
    "nombre",
    "nombres",
    "prenom",
    "prénom",
    "surname",
    "firstname",
    "lastname",
    "fullname",
    "apellido",
    "apellidos",
    "اسم",
    "الاسم",
}
_NOT_PERSON = {
    "village",
    "district",
    "region",
    "province",
    "camp",
    "site",
    "school",
    "org",
    "organisation",
    "organization",
    "location",
    "place",
    "settlement",
    "city",
    "town",
    "country",
    "community",
    "file",
    "sheet",
    "project",
    "form",
    "facility",
    "municipality",
    "locality",
    "area",
    "zone",
    "admin1",
    "admin2",
    "admin3",
}
_PHONE_WORDS = {
    "phone",
    "tel",
    "telephone",
    "téléphone",
    "telefono",
    "teléfono",
    "mobile",
    "cell",
    "cellphone",
    "whatsapp",
    "هاتف",
    "الهاتف",
    "جوال",
}
_GPS_WORDS = {
    "gps",
    "geolocation",
    "geopoint",
    "geoshape",
    "geotrace",
    "latitude",
    "longitude",
    "lat",
    "lon",
    "lng",
    "long",
    "coordinates",
    "coords",
    "altitude",
    "precision",
}
_DOB_WORDS = {"dob", "birthdate", "birthday", "naissance", "nacimiento", "ميلاد", "الميلاد"}

_PERSON_NAME = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'\-]+(?: [A-ZÀ-Þ][a-zà-ÿ'\-]+){1,3}$")
_ARABIC_NAME = re.compile(r"^[\u0600-\u06ff]{2,}(?: [\u0600-\u06ff]{2,}){1,4}$")
_PHONE = re.compile(r"^\+?[\d\s\-().]{8,20}$")
_GEOPOINT = re.compile(r"^-?\d{1,3}\.\d+ -?\d{1,3}\.\d+( -?\d+(\.\d+)?)?( \d+(\.\d+)?)?$")
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})([ T].*)?$")
_UUID = re.compile(r"^(uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


def _tokens(text: str) -> set[str]:
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    return {t for t in re.split(r"[^\w\u0600-\u06ff]+|_", text.lower()) if t}


def _share(values: pd.Series, pattern: re.Pattern[str]) -> float:
    if values.empty:
        return 0.0
    return float(values.map(lambda v: bool(pattern.match(v))).mean())


#: words that mean something else in a label language ("nombre" is "number" in French,
#: "tel" is "such"): they count in column names but not in labels of that language
_FALSE_FRIENDS = {"fr": {"nombre", "nombres", "tel"}, "es": {"nom"}, "pt": {"nome"}}
_COLUMN_ONLY = {"tel", "cell", "mob", "lat", "lon", "lng", "long", "precision", "altitude"}


def _label_words(var: Variable) -> set[str]:
    words: set[str] = set()
    by_lang = dict(var.labels)
    if var.label and var.label not in by_lang.values():
        by_lang[""] = var.label
    for lang, text in by_lang.items():
        words |= _tokens(text) - _FALSE_FRIENDS.get(lang[:2].lower(), set())
    return words - _COLUMN_ONLY


def _reason_from_words(col: str, var: Variable | None) -> str | None:
    col_words = _tokens(col)
    words = col_words | (_label_words(var) if var is not None else set())
    texts = [col] + ([var.label, *var.labels.values()] if var is not None else [])
    joined = " ".join(texts).lower()
    if col_words & _GPS_WORDS or words & {"gps", "geolocation", "geopoint", "coordinates"}:
        return "gps"
    if words & _PHONE_WORDS:
        return "phone"
    if (words & _DOB_WORDS) or ("birth" in words and "date" in words) or "date_of_birth" in joined:
        return "date_of_birth_name"
    if (words & _NAME_WORDS or "اسم" in joined) and not (words & _NOT_PERSON):
        return "name"
    return None


def _first_present(s: pd.Series, n: int) -> pd.Series:
    """``s.dropna().head(n)`` without copying a million-row column when its start has enough."""
    head = s.iloc[: 10 * n].dropna()
    return head.head(n) if len(head) >= n or len(s) <= 10 * n else s.dropna().head(n)


def _reason_from_values(s: pd.Series, var: Variable | None) -> str | None:
    if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_datetime64_any_dtype(s):
        return None
    values = _first_present(s, 2000).astype("str").str.strip()
    sample = values[values != ""]
    if len(sample) < 5:
        return None
    n_unique = sample.nunique()
    if _share(sample, _UUID) > 0.9:
        return None
    if _share(sample, _GEOPOINT) > 0.8:
        return "gps"
    if n_unique / len(sample) > 0.5 or n_unique >= 10:
        digits = sample.str.count(r"\d")
        if _share(sample, _PHONE) > 0.8 and (digits >= 8).mean() > 0.8:
            return "phone"
        if _share(sample, _PERSON_NAME) > 0.8 or _share(sample, _ARABIC_NAME) > 0.8:
            return "name"
    has_labels = var is not None and (
        var.value_labels or var.question_type in {"select_one", "select_multiple"}
    )
    if has_labels:
        return None
    if var is not None and var.question_type == "text" and n_unique > 5:
        return "free_text"
    if _share(sample, _DATE) > 0.8:
        return None  # timestamps are not free text
    if n_unique >= 20 and n_unique / len(sample) >= 0.5 and sample.str.len().mean() >= 12:
        return "free_text"
    return None


def _is_date_column(s: pd.Series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(s):
        return True
    if pd.api.types.is_numeric_dtype(s):
        return False
    values = _first_present(s, 500).astype("str").str.strip()
    return len(values) > 0 and _share(values, _DATE) > 0.8


def baseline(frame: pd.DataFrame, variables: dict[str, Variable]) -> dict[str, str]:
    """Column → reason (``name``, ``phone``, ``gps``, ``kobo_metadata``, ``free_text``,
    ``date_of_birth``) for the columns that likely identify a person."""
    found: dict[str, str] = {}
    for col in frame.columns:
        name = str(col)
        low = name.lower()
        if low in KEY_COLUMNS:
            continue
        if low in KOBO_IDENTIFYING:
            found[name] = KOBO_IDENTIFYING[low]
            continue
        if low in KOBO_META:
            continue  # other Kobo bookkeeping: submission time, table names, status ...
        var = variables.get(name)
        if var is not None and var.parent_question:
            continue  # select_multiple option columns hold 1/0
        reason = _reason_from_words(name, var)
        if reason == "date_of_birth_name":
            if _is_date_column(frame[col]):
                found[name] = "date_of_birth"
            continue
        if reason:
            found[name] = reason
            continue
        reason = _reason_from_values(frame[col], var)
        if reason:
            found[name] = reason
    return found


REASON_TEXT = {
    "name": "person name",
    "phone": "phone number",
    "gps": "GPS location",
    "kobo_metadata": "Kobo metadata",
    "free_text": "free text",
    "date_of_birth": "exact date of birth",
    "user": "chosen by you",
}
