"""The generated identifier families of the identifier corpus: Kobo metadata, phone numbers,
person names, GPS, ID numbers and free text (name, labels, values, truth, kind per column)."""

from __future__ import annotations

import numpy as np
from identifier_corpus_values import (
    GIVEN,
    PHONE_SHAPES,
    ROWS,
    Rng,
    codes,
    free_texts,
    geopoints,
    latlon,
    national_ids,
    person_names,
    phones,
    with_missing,
)

Spec = tuple[str, str, str, list[str], str, str]
D, N = "direct", "none"


def kobo_metadata(rng: Rng) -> list[Spec]:
    hexs = "0123456789abcdef"

    def uuid() -> str:
        h = "".join(hexs[i] for i in rng.integers(0, 16, 32))
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    enums = [
        f"enum_{p.lower().split()[0]}_{i:02d}"
        for p in ("Alvora", "Bendeki", "Corvalle")
        for i in range(1, 6)
    ]
    out: list[Spec] = [
        ("_uuid", "", "", [uuid() for _ in range(ROWS)], D, "submission_id"),
        ("meta/instanceID", "", "", [f"uuid:{uuid()}" for _ in range(ROWS)], D, "submission_id"),
        ("_submission__uuid", "", "", [uuid() for _ in range(ROWS)], D, "submission_id"),
        (
            "_id",
            "",
            "",
            [str(x) for x in rng.choice(np.arange(480000000, 481000000), ROWS, replace=False)],
            D,
            "submission_id",
        ),
        ("_submitted_by", "", "", codes(rng, enums), D, "account"),
        ("username", "", "", codes(rng, [e.replace("enum", "user") for e in enums]), D, "account"),
        (
            "_attachments",
            "",
            "",
            [
                f"[{{'download_url': 'https://kf.example.org/media/{i}.jpg', "
                f"'filename': 'enum/attachments/{uuid()}/photo_{i}.jpg', "
                "'mimetype': 'image/jpeg'}]"
                if rng.random() < 0.7
                else "[]"
                for i in range(ROWS)
            ],
            D,
            "attachments",
        ),
        (
            "deviceid",
            "",
            "",
            [
                f"collect:{''.join(chr(65 + int(c)) for c in rng.integers(0, 26, 16))}"
                for _ in range(ROWS)
            ],
            D,
            "device_id",
        ),
        ("imei", "", "", [digits15(rng, "35") for _ in range(ROWS)], D, "device_id"),
        ("simserial", "", "", [digits15(rng, "8925", 19) for _ in range(ROWS)], D, "device_id"),
        ("subscriberid", "", "", [digits15(rng, "63701") for _ in range(ROWS)], D, "device_id"),
        ("phonenumber", "", "", [""] * ROWS, D, "phone"),
        ("_geolocation", "", "", geopoints(rng, 2.05, 45.3, "list"), D, "gps"),
        (
            "_validation_status",
            "",
            "",
            codes(rng, ["{}", "{}", "{'uid': 'validation_status_approved'}"]),
            N,
            "kobo",
        ),
        ("_status", "", "", ["submitted_via_web"] * ROWS, N, "kobo"),
        ("__version__", "", "", ["vGq4DFq8ZcZm7JXAm2bVgS"] * ROWS, N, "kobo"),
        ("formhub/uuid", "", "", ["5e0f7c3d2a1b4c9d8e7f6a5b4c3d2e1f"] * ROWS, N, "kobo"),
        ("_xform_id_string", "", "", ["aBcD3fGh1jKlMn0pQrStUv"] * ROWS, N, "kobo"),
        ("_tags", "", "", ["[]"] * ROWS, N, "kobo"),
        ("_notes", "", "", ["[]"] * ROWS, N, "kobo"),
        ("_parent_table_name", "", "", ["household"] * ROWS, N, "kobo"),
        ("_hh_gps_altitude", "", "", [str(x) for x in rng.integers(5, 900, ROWS)], N, "kobo"),
        ("_hh_gps_precision", "", "", [f"{x:.1f}" for x in rng.uniform(3, 25, ROWS)], N, "kobo"),
    ]
    return out


def digits15(rng: Rng, prefix: str, n: int = 15) -> str:
    return prefix + "".join(str(d) for d in rng.integers(0, 10, n - len(prefix)))


def phone_columns(rng: Rng) -> list[Spec]:
    names = [
        ("resp_phone", "Phone number of the respondent", "Numéro de téléphone du répondant"),
        ("phone_number", "Phone number", "Numéro de téléphone"),
        ("tel", "Telephone", "Téléphone"),
        ("mobile_no", "Mobile number", "Numéro de portable"),
        ("contact_number", "Contact number for follow-up", "Numéro de contact pour le suivi"),
        ("num_tel", "Numéro de téléphone", "Numéro de téléphone"),
        ("whatsapp_number", "WhatsApp number", "Numéro WhatsApp"),
        ("phone_2", "Second phone number", "Deuxième numéro"),
        ("q5", "Phone number of the head", "Numéro de téléphone du chef"),
        ("contact", "", ""),
        ("telefono", "Número de teléfono", "Numéro de téléphone"),
        ("hoh_phone", "Head of household's phone", "Téléphone du chef de ménage"),
    ]
    styles = ["local", "international", "plus_less", "00", "dashes", "compact", "digits", "numeric"]
    out: list[Spec] = []
    for i, country in enumerate(PHONE_SHAPES):
        for j in range(3):
            n, en, fr = names[(i * 3 + j) % len(names)]
            style = styles[(i + j * 3) % len(styles)]
            values = phones(rng, country, style)
            if j == 2:
                values = with_missing(rng, values, "", 0.35)
            out.append((f"{n}_{country}_{style}", en, fr, values, D, "phone"))
    return out


def name_columns(rng: Rng) -> list[Spec]:
    names = [
        ("resp_name", "Name of the respondent", "Nom de la personne interrogée"),
        ("hoh_name", "Name of the head of household", "Nom du chef de ménage"),
        ("nom_chef_menage", "Nom du chef de ménage", "Nom du chef de ménage"),
        ("full_name", "Full name", "Nom complet"),
        ("member_name", "Member's name", "Nom du membre"),
        ("nombre_jefe", "Nombre del jefe de hogar", "Nom du chef de ménage"),
        ("q1_3", "Name of the head of household", "Nom du chef de ménage"),
        ("b2", "Respondent's name", "Nom du répondant"),
        ("hoh", "", ""),
        ("respondent", "", ""),
        ("contact_person", "Person to contact", "Personne à contacter"),
        ("enumerator_name", "Enumerator name", "Nom de l'enquêteur"),
        ("caregiver", "Caregiver", "Personne en charge"),
        ("mother_name", "Mother's name", "Nom de la mère"),
    ]
    out: list[Spec] = []
    styles = ["full", "upper", "full", "lower", "full"]
    for i, tradition in enumerate(GIVEN):
        for j in range(3):
            n, en, fr = names[(i * 3 + j) % len(names)]
            style = styles[(i + j) % len(styles)]
            values = person_names(rng, tradition, style)
            if j == 1:
                values = with_missing(rng, values, "", 0.3)
            out.append((f"{n}_{tradition}", en, fr, values, D, "name"))
    out.append(
        ("first_name", "First name", "Prénom", person_names(rng, "somali", "given"), D, "name")
    )
    out.append(("prenom", "Prénom", "Prénom", person_names(rng, "french", "given"), D, "name"))
    out.append(("name", "Name", "Nom", person_names(rng, "hausa", "given"), D, "name"))
    return out


def gps_columns(rng: Rng) -> list[Spec]:
    centres = [(2.05, 45.3), (12.6, -8.0), (-4.3, 15.3), (33.3, 44.4), (4.6, -74.1)]
    out: list[Spec] = []
    for i, (lat, lon) in enumerate(centres):
        pre = ["gps", "hh_gps", "_gps", "location", "coords"][i]
        out.append(
            (
                f"{pre}_lat" if i != 2 else "_gps_latitude",
                "GPS latitude",
                "Latitude GPS",
                latlon(rng, "lat", lat),
                D,
                "gps",
            )
        )
        out.append(
            (
                f"{pre}_lon" if i != 2 else "_gps_longitude",
                "GPS longitude",
                "Longitude GPS",
                latlon(rng, "lon", lon),
                D,
                "gps",
            )
        )
    out.append(("latitude", "Latitude", "Latitude", latlon(rng, "lat", 9.1), D, "gps"))
    out.append(("longitude", "Longitude", "Longitude", latlon(rng, "lon", 7.4), D, "gps"))
    for k, (name, style) in enumerate(
        [
            ("gps", "kobo"),
            ("hh_location", "kobo"),
            ("position", "kobo"),
            ("geopoint", "comma"),
            ("household_gps", "kobo"),
        ]
    ):
        lat, lon = centres[k]
        out.append(
            (
                name,
                "GPS location of the dwelling",
                "Position GPS du logement",
                geopoints(rng, lat, lon, style),
                D,
                "gps",
            )
        )
    return out


def id_numbers(rng: Rng) -> list[Spec]:
    rows = [
        (
            "national_id_no",
            "National ID number",
            "Numéro de la carte nationale d'identité",
            "##########",
        ),
        (
            "nin",
            "National identification number (NIN)",
            "Numéro d'identification national",
            "###########",
        ),
        ("id_number", "ID card number", "Numéro de la carte d'identité", "@@#######"),
        ("cni_num", "Numéro CNI", "Numéro CNI", "####-####-####"),
        ("passport_no", "Passport number", "Numéro de passeport", "@########"),
        ("unhcr_id", "UNHCR registration number", "Numéro d'enregistrement HCR", "###-########"),
        ("progres_id", "proGres individual id", "Identifiant individuel proGres", "###-##@#####"),
        ("id_no", "Identity document number", "Numéro de la pièce d'identité", "#########"),
        ("voter_card_no", "Voter card number", "Numéro de la carte d'électeur", "@@@/####/####"),
        ("q7", "National ID number of the head", "Numéro d'identité du chef", "## ### ### ##"),
        ("dni", "Documento nacional de identidad", "Pièce d'identité nationale", "########@"),
        (
            "numero_piece",
            "Numéro de la pièce d'identité",
            "Numéro de la pièce d'identité",
            "@#########",
        ),
    ]
    return [
        (n, en, fr, with_missing(rng, national_ids(rng, s), "", 0.2 * (i % 2)), D, "national_id")
        for i, (n, en, fr, s) in enumerate(rows)
    ]


def texts(rng: Rng) -> list[Spec]:
    rows = [
        ("comments", "Comments", "Commentaires"),
        ("enum_notes", "Enumerator observations", "Observations de l'enquêteur"),
        ("reason_other", "Other reason, specify", "Autre raison, préciser"),
        (
            "needs_text",
            "What does your household need most? (open)",
            "De quoi votre ménage a-t-il le plus besoin ?",
        ),
        ("story", "", ""),
        ("q9_other", "Other, specify", "Autre, préciser"),
    ]
    return [
        (n, en, fr, free_texts(rng, 0.2 * (i % 3)), D, "free_text")
        for i, (n, en, fr) in enumerate(rows)
    ]
