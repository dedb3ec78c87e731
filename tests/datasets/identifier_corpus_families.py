"""The generated families of the identifier corpus: (name, English label, French label, values,
truth, kind) per column. Truth: ``direct`` / ``quasi`` identifier or ``none``."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from identifier_corpus_direct import (
    gps_columns,
    id_numbers,
    kobo_metadata,
    name_columns,
    phone_columns,
    texts,
)
from identifier_corpus_values import (
    ROWS,
    Rng,
    Values,
    codes,
    dates,
    decimals,
    flags,
    place_names,
    with_missing,
)

Spec = tuple[str, str, str, Values, str, str]
D, Q, N = "direct", "quasi", "none"
ISO = "%Y-%m-%d"
STAMP = "%Y-%m-%dT%H:%M:%S.000+03:00"


def consumption(rng: Rng) -> list[Spec]:
    rows = [
        (
            "cons_pc",
            "Consumption per capita (USD/month)",
            "Consommation par tête (USD/mois)",
            48,
            2,
        ),
        ("totexp", "Total household expenditure", "Dépenses totales du ménage", 310, 2),
        (
            "exp_food_7d",
            "Food expenditure, last 7 days",
            "Dépenses alimentaires, 7 derniers jours",
            35,
            1,
        ),
        (
            "nonfood_exp_30d",
            "Non-food expenditure, 30 days",
            "Dépenses non alimentaires, 30 jours",
            120,
            2,
        ),
        (
            "rcons_pae",
            "Real consumption per adult equivalent",
            "Consommation réelle par équivalent adulte",
            1450.5,
            3,
        ),
        ("pcexp_ppp", "Per capita expenditure (PPP)", "Dépense par tête (PPA)", 2.9, 4),
        ("exp_phone_credit", "Spending on phone credit", "Dépenses en crédit téléphonique", 6.5, 2),
        (
            "airtime_usd",
            "Airtime spending last month",
            "Dépenses de crédit le mois dernier",
            4.2,
            2,
        ),
        (
            "mobile_money_amount",
            "Amount received by mobile money",
            "Montant reçu par mobile money",
            85,
            2,
        ),
        ("tel_expenses", "Telephone expenses", "Dépenses de téléphone", 11, 2),
        (
            "income_month",
            "Household income last month",
            "Revenu du ménage le mois dernier",
            9200,
            0,
        ),
        (
            "remit_value",
            "Remittances received (local currency)",
            "Transferts reçus (monnaie locale)",
            152000,
            0,
        ),
        ("debt_total", "Total debt", "Dette totale", 74000, 0),
        ("cons_aggregate", "Consumption aggregate", "Agrégat de consommation", 123456.789, 3),
        ("fcs", "Food consumption score", "Score de consommation alimentaire", 42, 1),
        ("rcsi", "Reduced coping strategy index", "Indice réduit des stratégies de survie", 14, 0),
        ("land_ha", "Land cultivated (hectares)", "Terre cultivée (hectares)", 1.3, 3),
        ("dist_km_market", "Distance to the market (km)", "Distance au marché (km)", 6.4, 1),
    ]
    out: list[Spec] = []
    for name, en, fr, mean, places in rows:
        out.append((name, en, fr, decimals(rng, mean, places), N, "consumption"))
    out.append(
        (
            "cons_pc_na",
            "Consumption per capita",
            "Consommation par tête",
            with_missing(rng, decimals(rng, 48, 2), "NA", 0.2),
            N,
            "consumption",
        )
    )
    out.append(
        (
            "dep_totales",
            "Dépenses totales (virgule)",
            "Dépenses totales",
            decimals(rng, 310, 2, comma=True),
            N,
            "consumption",
        )
    )
    out.append(
        (
            "exp_educ",
            "Education expenditure",
            "Dépenses d'éducation",
            with_missing(rng, decimals(rng, 55, 2), ".", 0.3),
            N,
            "consumption",
        )
    )
    out.append(
        (
            "phone_bill_usd",
            "Monthly phone bill (USD)",
            "Facture de téléphone mensuelle",
            with_missing(rng, decimals(rng, 9.5, 2), "NA", 0.1),
            N,
            "consumption",
        )
    )
    return out


def interview_dates(rng: Rng) -> list[Spec]:
    rows = [
        ("interview_date", "Date of interview", "Date de l'entretien", ISO),
        ("today", "Today's date", "Date du jour", ISO),
        ("start", "", "", STAMP),
        ("end", "", "", STAMP),
        ("_submission_time", "", "", "%Y-%m-%dT%H:%M:%S"),
        ("submission_time", "Submission time", "Heure de soumission", "%Y-%m-%d %H:%M:%S"),
        ("date_enquete", "Date de l'enquête", "Date de l'enquête", "%d/%m/%Y"),
        ("survey_date", "Survey date", "Date de l'enquête", "%m/%d/%Y"),
        ("visit_date", "Date of visit", "Date de la visite", "%d.%m.%Y"),
        ("starttime", "Interview start", "Début de l'entretien", "%Y-%m-%d %H:%M"),
        ("endtime", "Interview end", "Fin de l'entretien", "%d/%m/%Y %H:%M"),
        ("q0_date", "Interview date", "Date de l'entretien", "%d-%m-%Y"),
        ("datetime_int", "", "", "%Y%m%d"),
        ("date", "Date", "Date", ISO),
    ]
    return [
        (n, en, fr, dates(rng, "2026-03-01", 40, f), Q, "interview_date") for n, en, fr, f in rows
    ]


def birth_dates(rng: Rng) -> list[Spec]:
    rows = [
        ("dob", "Date of birth", "Date de naissance", ISO),
        ("date_of_birth", "Date of birth of the member", "Date de naissance du membre", "%d/%m/%Y"),
        ("birthdate", "", "", ISO),
        (
            "hoh_dob",
            "Head of household: date of birth",
            "Chef de ménage : date de naissance",
            "%d/%m/%Y",
        ),
        ("date_naissance", "Date de naissance", "Date de naissance", "%d.%m.%Y"),
        ("fecha_nacimiento", "Fecha de nacimiento", "Date de naissance", "%d/%m/%Y"),
        ("b3", "When was this person born?", "Quand cette personne est-elle née ?", ISO),
        ("member_dob", "Birth date", "Date de naissance", "%m/%d/%Y"),
    ]
    return [
        (n, en, fr, dates(rng, "1940-01-01", 30000, f), Q, "date_of_birth") for n, en, fr, f in rows
    ]


def other_dates(rng: Rng) -> list[Spec]:
    rows = [
        ("displacement_date", "Date of first displacement", "Date du premier déplacement"),
        ("arrival_date", "Date of arrival at this location", "Date d'arrivée à ce lieu"),
        ("return_date", "Date of return", "Date du retour"),
        ("date_last_aid", "Date of the last assistance received", "Date de la dernière aide reçue"),
        ("disp_month", "Month of displacement", "Mois du déplacement"),
    ]
    out: list[Spec] = []
    for i, (n, en, fr) in enumerate(rows):
        fmt = "%Y-%m" if n == "disp_month" else (ISO if i % 2 else "%d/%m/%Y")
        out.append((n, en, fr, dates(rng, "2012-01-01", 4000, fmt), N, "other_date"))
    return out


def identifier_like_flags(rng: Rng) -> list[Spec]:
    rows = [
        ("has_phone", "Does the household own a phone?", "Le ménage possède-t-il un téléphone ?"),
        ("mobile_money", "Has a mobile money account", "A un compte mobile money"),
        (
            "knows_head_name",
            "Does the respondent know the head's name?",
            "Connaît le nom du chef ?",
        ),
        ("national_id", "Does this person have a national ID card?", "A une carte d'identité ?"),
        ("has_national_id", "Holds a national ID", "Possède une pièce d'identité nationale"),
        ("owns_mobile", "Owns a mobile phone", "Possède un téléphone portable"),
        ("phone_access", "Access to a phone", "Accès à un téléphone"),
        ("whatsapp_use", "Uses WhatsApp", "Utilise WhatsApp"),
        ("uses_mobile_money", "Used mobile money in the last 30 days", "A utilisé le mobile money"),
        ("has_sim", "Has a SIM card in own name", "A une carte SIM à son nom"),
        ("gps_consent", "Consent to record GPS", "Consentement pour le GPS"),
        (
            "name_registered",
            "Is the name on the distribution list?",
            "Le nom est-il sur la liste ?",
        ),
        ("birth_registered", "Birth registered", "Naissance enregistrée"),
        ("has_birth_cert", "Has a birth certificate", "A un acte de naissance"),
        ("tel_network", "Mobile network coverage at home", "Couverture réseau au domicile"),
        ("passport", "Has a passport", "A un passeport"),
        ("id_lost", "Lost identity documents", "Documents d'identité perdus"),
        ("contact_consent", "Agrees to be contacted again", "Accepte d'être recontacté"),
        ("photo_consent", "Consent for photo", "Consentement pour la photo"),
        ("email_access", "Has an email address", "A une adresse électronique"),
        ("longterm_plan", "Has a long-term plan", "A un projet à long terme"),
        ("latrine_shared", "Latrine shared with other households", "Latrine partagée"),
    ]
    styles = [("1", "0"), ("yes", "no"), ("Oui", "Non"), ("TRUE", "FALSE"), ("1", "0")]
    out: list[Spec] = []
    for i, (n, en, fr) in enumerate(rows):
        yes, no = styles[i % len(styles)]
        values = flags(rng, yes, no, 0.3 + 0.5 * rng.random())
        if i % 4 == 3:
            values = with_missing(rng, values, "NA", 0.2)
        out.append((n, en, fr, values, N, "flag"))
    return out


def counts_and_codes(rng: Rng) -> list[Spec]:
    small = [str(i) for i in range(0, 6)]
    rows: list[tuple[str, str, str, Values]] = [
        (
            "n_phones",
            "Number of phones in the household",
            "Nombre de téléphones dans le ménage",
            codes(rng, small),
        ),
        (
            "nb_telephones",
            "Nombre de téléphones portables",
            "Nombre de téléphones portables",
            codes(rng, small),
        ),
        (
            "phone_network_quality",
            "Quality of the phone network (1-5)",
            "Qualité du réseau",
            codes(rng, ["1", "2", "3", "4", "5", "98"]),
        ),
        (
            "contact_mode",
            "Preferred contact mode",
            "Mode de contact préféré",
            codes(rng, ["1", "2", "3", "4"]),
        ),
        (
            "id_card_type",
            "Type of identity document",
            "Type de pièce d'identité",
            codes(rng, ["1", "2", "3", "4", "5", "99"]),
        ),
        (
            "name_change_reason",
            "Why did the name change?",
            "Pourquoi le nom a-t-il changé ?",
            codes(rng, ["1", "2", "3", "", ""]),
        ),
        (
            "long_term_intent",
            "Long-term intention",
            "Intention à long terme",
            codes(rng, ["1", "2", "3", "98"]),
        ),
        ("lat_type", "Latrine type", "Type de latrine", codes(rng, ["1", "2", "3", "4"])),
        (
            "age",
            "Age in completed years",
            "Âge en années révolues",
            [str(x) for x in rng.integers(0, 90, ROWS)],
        ),
        (
            "hh_size",
            "Household size",
            "Taille du ménage",
            [str(x) for x in rng.integers(1, 14, ROWS)],
        ),
        ("rooms", "Number of rooms", "Nombre de pièces", codes(rng, ["1", "2", "3", "4", "5"])),
        (
            "water_source",
            "Main source of drinking water",
            "Source principale d'eau",
            codes(rng, ["1", "2", "3", "4", "5", "6", "96"]),
        ),
        (
            "disp_cause",
            "Main cause of displacement",
            "Cause principale du déplacement",
            codes(rng, ["conflict", "flood", "drought", "eviction", "other"]),
        ),
        ("sex_hoh", "Sex of the head", "Sexe du chef", codes(rng, ["male", "female"])),
        (
            "settle_cond",
            "Conditions for settlement (select all)",
            "Conditions d'installation",
            [
                " ".join(
                    sorted(
                        set(
                            rng.choice(
                                [
                                    "safety",
                                    "housing",
                                    "livelihood",
                                    "services",
                                    "documents",
                                    "compensation",
                                    "family",
                                ],
                                3,
                            )
                        )
                    )
                )
                for _ in range(ROWS)
            ],
        ),
        (
            "shelter_other",
            "Other shelter, specify",
            "Autre abri, préciser",
            codes(rng, ["", "", "", "tent", "container", "unfinished building"]),
        ),
        (
            "edu_level",
            "Highest level completed",
            "Niveau le plus élevé",
            codes(rng, ["none", "primary", "secondary", "tertiary"]),
        ),
        (
            "hh_head_rel",
            "Relation to the head",
            "Lien avec le chef",
            codes(rng, ["1", "2", "3", "4", "5", "6", "7"]),
        ),
        (
            "disp_year",
            "Year of displacement",
            "Année du déplacement",
            [str(x) for x in rng.integers(2005, 2026, ROWS)],
        ),
        (
            "birth_year",
            "Year of birth",
            "Année de naissance",
            [str(x) for x in rng.integers(1940, 2026, ROWS)],
        ),
        (
            "precision_ag",
            "Uses improved seeds",
            "Utilise des semences améliorées",
            codes(rng, ["0", "1"]),
        ),
        (
            "enum_comment_code",
            "Interview outcome code",
            "Code du résultat",
            codes(rng, ["1", "2", "3"]),
        ),
        (
            "livelihood_main",
            "Main livelihood",
            "Principal moyen de subsistance",
            codes(rng, ["farming", "casual labour", "trade", "aid", "remittances", "none"]),
        ),
    ]
    return [(n, en, fr, v, N, "coded") for n, en, fr, v in rows]


def area_codes(rng: Rng) -> list[Spec]:
    schools = [f"{x:05d}" for x in rng.integers(10000, 99999, 40)]
    emis = [str(x) for x in rng.integers(10_000_000, 99_999_999, 50)]
    pcodes = [f"SO{x:04d}" for x in rng.integers(1100, 2900, 30)]
    villages = [f"{x:07d}" for x in rng.integers(1_000_000, 9_999_999, 60)]
    rows: list[tuple[str, str, str, Values]] = [
        ("school_code", "School code", "Code de l'école", codes(rng, schools)),
        (
            "school_id",
            "School attended (EMIS code)",
            "École fréquentée (code EMIS)",
            codes(rng, emis),
        ),
        ("emis_code", "EMIS code", "Code EMIS", codes(rng, emis)),
        (
            "code_ecole",
            "Code de l'école",
            "Code de l'école",
            codes(rng, [f"EC-{x}" for x in schools]),
        ),
        ("admin2_pcode", "District p-code", "P-code du district", codes(rng, pcodes)),
        (
            "admin1_pcode",
            "Region p-code",
            "P-code de la région",
            codes(rng, [p[:4] for p in pcodes]),
        ),
        (
            "ea_id",
            "Enumeration area",
            "Zone de dénombrement",
            [str(x) for x in rng.integers(1001, 1120, ROWS)],
        ),
        ("cluster", "Cluster", "Grappe", [str(x) for x in rng.integers(1, 80, ROWS)]),
        ("village_code", "Village code", "Code du village", codes(rng, villages)),
        (
            "district_code",
            "District code",
            "Code du district",
            codes(rng, ["11", "12", "21", "22", "31"]),
        ),
        ("camp_code", "Camp code", "Code du camp", codes(rng, ["CMP-001", "CMP-002", "CMP-007"])),
        (
            "site_id",
            "CCCM site id",
            "Identifiant du site",
            codes(rng, [f"CCCM-{p}-{i:04d}" for p in pcodes[:5] for i in range(8)]),
        ),
        (
            "health_facility_code",
            "Health facility code",
            "Code de la formation sanitaire",
            codes(rng, schools[:25]),
        ),
        ("stratum", "Stratum", "Strate", codes(rng, ["11", "12", "21", "22", "31", "32"])),
        (
            "psu",
            "Primary sampling unit",
            "Unité primaire",
            [str(x) for x in rng.integers(100, 260, ROWS)],
        ),
        ("area_code", "Area code", "Code de zone", codes(rng, ["A1", "A2", "B1", "B2", "C1"])),
    ]
    return [(n, en, fr, v, N, "area_code") for n, en, fr, v in rows]


def places(rng: Rng) -> list[Spec]:
    none_rows = [
        ("district", "District", "District", 4, ""),
        ("region", "Region", "Région", 3, ""),
        ("province", "Province", "Province", 5, ""),
        ("admin1_name", "Admin 1 name", "Nom admin 1", 6, ""),
        ("admin2_name", "Admin 2 name", "Nom admin 2", 12, ""),
        ("district_name", "District name", "Nom du district", 4, " District"),
        ("origin_district", "District of origin", "District d'origine", 8, ""),
        ("camp_name", "Camp name", "Nom du camp", 5, " Camp"),
        ("site_name", "Site name", "Nom du site", 10, " Site"),
        ("nom_district", "Nom du district", "Nom du district", 4, ""),
        (
            "school_name",
            "Name of the school attended",
            "Nom de l'école fréquentée",
            15,
            " Primary School",
        ),
        (
            "health_facility_name",
            "Health facility name",
            "Nom de la formation sanitaire",
            12,
            " Health Centre",
        ),
        ("market_name", "Name of the nearest market", "Nom du marché le plus proche", 9, " Market"),
        ("country_origin", "Country of origin", "Pays d'origine", 3, "land"),
        ("nombre_distrito", "Nombre del distrito", "Nom du district", 6, ""),
    ]
    out: list[Spec] = [
        (n, en, fr, place_names(rng, k, s), N, "place") for n, en, fr, k, s in none_rows
    ]
    quasi_rows = [
        ("village", "Village", "Village", 20, ""),
        ("village_name", "Name of the village", "Nom du village", 20, " Village"),
        ("nom_village", "Nom du village", "Nom du village", 18, ""),
        ("quartier", "Quartier", "Quartier", 20, " Quartier"),
        ("neighbourhood", "Neighbourhood", "Quartier", 16, ""),
    ]
    out += [(n, en, fr, place_names(rng, k, s), Q, "small_area") for n, en, fr, k, s in quasi_rows]
    return out


def household_ids(rng: Rng) -> list[Spec]:
    seq = np.sort(rng.choice(np.arange(100000, 999999), ROWS, replace=False))
    rows: list[tuple[str, str, str, Values]] = [
        ("hh_id", "Household id", "Identifiant du ménage", [str(x) for x in seq]),
        (
            "household_id",
            "Household ID",
            "ID du ménage",
            [f"HH-{i:05d}" for i in range(1, ROWS + 1)],
        ),
        (
            "hhid",
            "Household identifier",
            "Identifiant du ménage",
            [f"SO-BAI-{1 + i // 12:04d}-{i % 12 + 1:02d}" for i in range(ROWS)],
        ),
        (
            "hh_code",
            "Household code (10 digits)",
            "Code ménage",
            [str(2026000000 + int(x)) for x in np.sort(rng.choice(999999, ROWS, replace=False))],
        ),
        (
            "member_id",
            "Member id",
            "Identifiant du membre",
            [f"{x}-{j:02d}" for x in seq[:50] for j in range(1, 5)],
        ),
        (
            "respondent_id",
            "Respondent id",
            "Identifiant du répondant",
            [f"R{i:06d}" for i in range(ROWS)],
        ),
        ("_index", "", "", [str(i) for i in range(1, ROWS + 1)]),
        ("_parent_index", "", "", [str(1 + i // 4) for i in range(ROWS)]),
        ("line_no", "Line number", "Numéro de ligne", [str(i % 9 + 1) for i in range(ROWS)]),
        (
            "hh_seq",
            "Household serial (padded)",
            "Numéro de série",
            [f"{i:09d}" for i in range(1, ROWS + 1)],
        ),
        (
            "questionnaire_no",
            "Questionnaire number",
            "Numéro du questionnaire",
            [str(50000 + i) for i in range(ROWS)],
        ),
    ]
    return [(n, en, fr, v, N, "household_id") for n, en, fr, v in rows]


def weights(rng: Rng) -> list[Spec]:
    rows = [
        ("weight", "Sampling weight", "Poids de sondage"),
        ("wgt", "", ""),
        ("hh_weight", "Household weight", "Pondération ménage"),
        ("poids", "Poids", "Poids"),
        ("pweight", "Final weight", "Poids final"),
        ("wt_ind", "Individual weight", "Poids individuel"),
        ("fpc", "Finite population correction", "Correction de population finie"),
    ]
    out: list[Spec] = []
    for n, en, fr in rows:
        base = rng.lognormal(3, 0.7, 12)
        out.append((n, en, fr, [f"{base[i]:.6f}" for i in rng.integers(0, 12, ROWS)], N, "weight"))
    return out


FAMILIES: list[Callable[[Rng], list[Spec]]] = [
    consumption,
    interview_dates,
    birth_dates,
    other_dates,
    identifier_like_flags,
    counts_and_codes,
    area_codes,
    places,
    household_ids,
    weights,
    kobo_metadata,
    phone_columns,
    name_columns,
    gps_columns,
    id_numbers,
    texts,
]
