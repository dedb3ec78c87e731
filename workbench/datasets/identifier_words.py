"""Words in column names and labels that *suggest* an identifier kind.

A word only proposes a kind; :mod:`workbench.datasets.identifiers` flags the column when its
values fit that kind too ("has_phone" holding 0/1 is not a phone number). Column names are split
at ``_``, ``/``, ``.``, digits and camelCase; labels into words, leaving out words that mean
something else in the label's language ("nombre" is "number" in French).
"""

from __future__ import annotations

import re

from workbench.dataset_model import Variable

#: Kobo column names with a fixed meaning (lower case, the last path part for ``meta/…``)
KOBO_NAMES = {
    "_uuid": "submission_id",
    "uuid": "submission_id",
    "instanceid": "submission_id",
    "_id": "submission_id",
    "_submitted_by": "account",
    "submitted_by": "account",
    "username": "account",
    "_attachments": "attachments",
    "deviceid": "device_id",
    "imei": "device_id",
    "simserial": "device_id",
    "subscriberid": "device_id",
    "simid": "device_id",
    "phonenumber": "phone",
    "_geolocation": "gps",
    "start": "interview_date",
    "end": "interview_date",
    "today": "interview_date",
    "starttime": "interview_date",
    "endtime": "interview_date",
    "interview_start": "interview_date",
    "interview_end": "interview_date",
    "_submission_time": "interview_date",
}
#: Kobo bookkeeping that identifies nobody: row numbers, form ids, status, notes
KOBO_BOOKKEEPING = frozenset(
    {
        "_index", "_parent_index", "_parent_table_name", "_validation_status", "_notes",
        "_status", "_tags", "__version__", "_version_", "_xform_id_string", "_xform_id",
        "formhub/uuid", "_duration", "audit", "_bamboo_dataset_id", "_media_count",
        "_total_media", "_media_all_received",
    }
)  # fmt: skip

NAME = {
    "name",
    "names",
    "nom",
    "noms",
    "nombre",
    "nombres",
    "prenom",
    "prénom",
    "prénoms",
    "surname",
    "firstname",
    "lastname",
    "fullname",
    "apellido",
    "apellidos",
    "اسم",
    "الاسم",
}
NOT_PERSON = {
    "village", "district", "distrito", "region", "région", "province", "provincia", "camp",
    "site", "school", "ecole", "école", "escuela", "org", "organisation", "organization",
    "location", "place", "lieu", "settlement", "city", "ville", "town", "country", "pays",
    "community", "communauté", "file", "sheet", "project", "form", "facility", "formation",
    "sanitaire", "health", "market", "marché", "mercado", "municipality", "locality", "localité",
    "area", "zone", "admin", "adm", "pcode", "quartier", "neighbourhood", "neighborhood",
    "hamlet", "street", "rue", "mosque", "church", "clinic", "hospital", "hôpital", "product",
    "item", "crop", "brand", "variable", "list",
}  # fmt: skip
PHONE = {
    "phone",
    "phones",
    "tel",
    "telephone",
    "téléphone",
    "telefono",
    "teléfono",
    "mobile",
    "cell",
    "cellphone",
    "whatsapp",
    "contact",
    "هاتف",
    "الهاتف",
    "جوال",
    "رقم",
}
GPS = {
    "gps",
    "geolocation",
    "geopoint",
    "latitude",
    "longitude",
    "lat",
    "lon",
    "lng",
    "long",
    "coordinates",
    "coords",
    "coordonnées",
    "altitude",
}
DOB = {
    "dob",
    "birthdate",
    "birthday",
    "naissance",
    "nacimiento",
    "born",
    "née",
    "né",
    "nacido",
    "ميلاد",
    "الميلاد",
}
ID_DOCUMENT = {
    "cni",
    "nin",
    "nid",
    "dni",
    "passport",
    "passeport",
    "pasaporte",
    "cedula",
    "cédula",
    "progres",
    "unhcr",
    "hcr",
    "acnur",
    "iqama",
    "kebele",
}
ID_WORDS = {
    "id",
    "identity",
    "identité",
    "identidad",
    "identification",
    "identifiant",
    "card",
    "carte",
    "document",
    "pièce",
    "piece",
    "registration",
    "enregistrement",
    "voter",
    "électeur",
    "electeur",
    "هوية",
    "الهوية",
}
NUMBER_WORDS = {"number", "no", "num", "numéro", "numero", "número", "nr", "nb"}
INTERVIEW = {
    "interview",
    "entretien",
    "entrevista",
    "enquete",
    "enquête",
    "encuesta",
    "survey",
    "visit",
    "visite",
    "today",
    "submission",
    "soumission",
    "start",
    "end",
    "starttime",
    "endtime",
    "date",
    "datetime",
    "fecha",
    "timestamp",
}
#: words that make a date something other than the interview's
OTHER_EVENT = {
    "displacement",
    "déplacement",
    "deplacement",
    "disp",
    "arrival",
    "arrivée",
    "arrivee",
    "return",
    "retour",
    "aid",
    "aide",
    "assistance",
    "last",
    "dernière",
    "left",
    "departure",
    "départ",
    "move",
    "moved",
    "marriage",
    "mariage",
    "death",
    "décès",
    "deces",
    "registration",
    "payment",
    "paiement",
    "distribution",
    "harvest",
    "expiry",
    "issue",
    "delivery",
}
#: column-name words for a person: they propose a name only when the values are nearly all
#: different (a "respondent_relation" column of categories is not one)
PERSON = {
    "respondent",
    "hoh",
    "caregiver",
    "interviewer",
    "enumerator",
    "mother",
    "father",
    "spouse",
    "repondant",
    "répondant",
    "enqueteur",
    "enquêteur",
    "person",
    "personne",
}
SMALL_AREA = {
    "village",
    "villages",
    "quartier",
    "neighbourhood",
    "neighborhood",
    "hamlet",
    "aldea",
    "barrio",
    "vereda",
    "mahalla",
    "hameau",
    "القرية",
    "قرية",
}
SUBMISSION = {"submission", "kobo", "instance", "instanceid"}
ACCOUNT = {"username", "enumerator_account"}
DEVICE = {"imei", "deviceid", "simserial", "subscriberid", "iccid", "imsi"}

#: words that mean something else in a label language: they count in names, not in labels
_FALSE_FRIENDS = {"fr": {"nombre", "nombres", "tel"}, "es": {"nom"}, "pt": {"nome"}}
_COLUMN_ONLY = {
    "tel",
    "cell",
    "lat",
    "lon",
    "lng",
    "long",
    "altitude",
    "no",
    "nb",
    "num",
    "nr",
    "start",
    "end",
    "today",
    "contact",
}


def tokens(text: str) -> set[str]:
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    return {t for t in re.split(r"[^\w\u0600-\u06ff]+|_|\d+", text.lower()) if t}


def label_words(var: Variable | None) -> set[str]:
    if var is None:
        return set()
    words: set[str] = set()
    by_lang = dict(var.labels)
    if var.label and var.label not in by_lang.values():
        by_lang[""] = var.label
    for lang, text in by_lang.items():
        words |= tokens(text) - _FALSE_FRIENDS.get(lang[:2].lower(), set())
    return words - _COLUMN_ONLY


def names_a_place(col: str, var: Variable | None) -> bool:
    """The name or label speaks of a place or an institution (school, site, village …)."""
    return bool((tokens(col) | label_words(var)) & NOT_PERSON)


def proposed_kinds(col: str, var: Variable | None) -> list[str]:
    """Kinds the column's name and labels suggest, most specific first."""
    own = tokens(col)
    words = own | label_words(var)
    joined = col.lower()
    out: list[str] = []
    if own & GPS or words & {
        "gps",
        "geolocation",
        "geopoint",
        "coordinates",
        "latitude",
        "longitude",
        "coordonnées",
    }:
        out.append("gps")
    if words & SUBMISSION and words & {"id", "uuid", "instanceid"}:
        out.append("submission_id")
    if words & DEVICE or "deviceid" in joined or ("device" in words and "id" in own):
        out.append("device_id")
    if words & ACCOUNT or ("submitted" in words and "by" in words):
        out.append("account")
    if words & ID_DOCUMENT or (
        words & ID_WORDS
        and (
            words & NUMBER_WORDS
            or "national" in words
            or "nationale" in words
            or "nacional" in words
        )
    ):
        out.append("national_id")
    if words & PHONE or any(
        w.startswith(("telephon", "téléphon", "telefon", "teléfon")) for w in words
    ):
        out.append("phone")
    if words & DOB or ("birth" in words and "date" in words):
        out.append("date_of_birth")
    if words & INTERVIEW and not words & OTHER_EVENT:
        out.append("interview_date")
    if words & SMALL_AREA:
        out.append("small_area")
    if (words & NAME or "اسم" in joined) and not words & NOT_PERSON:
        out.append("name")
    elif own & PERSON and not words & NOT_PERSON:
        out.append("person")
    return out
