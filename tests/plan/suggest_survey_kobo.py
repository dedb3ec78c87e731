"""A second development survey for auto-suggest, in another style than ``suggest_survey``:
a French NGO's Kobo form (short French names, English and French labels in an XLSForm, choice
lists with French names, text answers), a household file and a member roster. It holds
questions that *look like* library inputs but are not them (the respondent's sex at household
level, a vaccination card, rent, satisfaction with services, a household phone) — the near
misses a calibrated confidence must not accept.

Written for the project (synthetic values); not a corpus questionnaire. ``TRUTH`` maps inputs to
columns (inputs not listed have no column).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

from workbench.dataset_model import Dataset
from workbench.datasets.importing import ImportOptions, read_datasets

YN = "oui_non"
LISTS: dict[str, list[tuple[str, str, str]]] = {
    YN: [("oui", "Yes", "Oui"), ("non", "No", "Non"), ("nsp", "Don't know", "Ne sait pas")],
    "region": [("nord", "North", "Nord"), ("sud", "South", "Sud"), ("est", "East", "Est")],
    "milieu": [("urbain", "Urban", "Urbain"), ("rural", "Rural", "Rural")],
    "statut": [("pdi", "Internally displaced", "Personne déplacée interne"),
               ("retourne", "Returnee", "Retourné"),
               ("hote", "Host community", "Communauté hôte")],
    "sexe": [("homme", "Male", "Homme"), ("femme", "Female", "Femme")],
    "securite": [("tres_sur", "Very safe", "Très en sécurité"),
                 ("assez_sur", "Fairly safe", "Assez en sécurité"),
                 ("peu_sur", "A bit unsafe", "Peu en sécurité"),
                 ("pas_sur", "Very unsafe", "Pas du tout en sécurité")],
    "eau": [("robinet", "Piped water / public tap", "Robinet / borne fontaine"),
            ("forage", "Borehole", "Forage"),
            ("puits_protege", "Protected well", "Puits protégé"),
            ("puits_non_protege", "Unprotected well", "Puits non protégé"),
            ("surface", "River, lake, pond", "Rivière, lac, mare")],
    "latrine": [("chasse", "Flush toilet", "Toilettes à chasse d'eau"),
                ("dalle", "Pit latrine with slab", "Latrine à fosse avec dalle"),
                ("sans_dalle", "Pit latrine without slab", "Latrine à fosse sans dalle"),
                ("nature", "No facility, bush", "Pas de toilettes, nature")],
    "abri": [("dur", "House in concrete or bricks", "Maison en dur (ciment, briques)"),
             ("banco", "Mud house", "Maison en banco"),
             ("tente", "Tent", "Tente"),
             ("fortune", "Makeshift shelter", "Abri de fortune")],
    "intention": [("rester", "Stay here", "Rester ici"),
                  ("retourner", "Return to place of origin", "Retourner au lieu d'origine"),
                  ("ailleurs", "Settle elsewhere", "S'installer ailleurs"),
                  ("nsp", "Don't know", "Ne sait pas")],
    "satisf": [("satisfait", "Satisfied", "Satisfait"),
               ("insatisfait", "Dissatisfied", "Insatisfait")],
    "lien": [("chef", "Head of household", "Chef de ménage"), ("conjoint", "Spouse", "Conjoint"),
             ("enfant", "Child", "Enfant"), ("autre", "Other relative", "Autre parent")],
}  # fmt: skip

#: (name, XLSForm type, English label, French label) of the household questions
HOUSEHOLD = [
    ("admin1", "select_one region", "Region", "Région"),
    ("milieu", "select_one milieu", "Area of residence", "Milieu de résidence"),
    ("statut_pop", "select_one statut", "Displacement status of the household",
     "Statut de déplacement du ménage"),
    ("poids", "decimal", "Sampling weight", "Poids de sondage"),
    ("strate", "text", "Sampling stratum", "Strate"),
    ("grappe", "integer", "Cluster number", "Numéro de grappe"),
    ("resp_sexe", "select_one sexe", "Sex of the respondent", "Sexe du répondant"),
    ("resp_age", "integer", "Age of the respondent", "Âge du répondant"),
    ("taille_menage", "integer", "How many people live in this household?",
     "Combien de personnes vivent dans ce ménage ?"),
    ("annee_depl", "integer", "In which year did you leave your place of origin?",
     "En quelle année avez-vous quitté votre lieu d'origine ?"),
    ("securite_nuit", "select_one securite",
     "How safe do you feel walking alone in your area after dark?",
     "Vous sentez-vous en sécurité en marchant seul(e) dans votre quartier la nuit ?"),
    ("bouger_libre", "select_one oui_non", "Can you go in and out of your locality freely?",
     "Pouvez-vous entrer et sortir librement de votre localité ?"),
    ("source_eau", "select_one eau", "Main source of drinking water",
     "Principale source d'eau de boisson"),
    ("latrine", "select_one latrine", "Type of toilet the household uses",
     "Type de toilettes utilisées par le ménage"),
    ("latrine_partagee", "select_one oui_non", "Do you share this toilet with other households?",
     "Partagez-vous ces toilettes avec d'autres ménages ?"),
    ("abri_type", "select_one abri", "Type of dwelling", "Type de logement"),
    ("pieces", "integer", "Number of rooms used for sleeping",
     "Nombre de pièces utilisées pour dormir"),
    ("electricite", "select_one oui_non", "Does the dwelling have electricity?",
     "Le logement a-t-il l'électricité ?"),
    ("expulsion", "select_one oui_non",
     "Has the household been evicted from its dwelling in the last 12 months?",
     "Le ménage a-t-il été expulsé de son logement au cours des 12 derniers mois ?"),
    ("doc_logement", "select_one oui_non",
     "Do you have a document proving your right to occupy this dwelling?",
     "Avez-vous un document prouvant votre droit d'occuper ce logement ?"),
    ("revenu_mois", "integer", "Total household income last month",
     "Revenu total du ménage le mois dernier"),
    ("dep_alim", "integer", "Food expenditure last month", "Dépenses alimentaires le mois dernier"),
    ("dep_loyer", "integer", "Rent paid last month", "Loyer payé le mois dernier"),
    ("dette", "select_one oui_non",
     "Did the household borrow money to cover basic needs in the last 3 months?",
     "Le ménage a-t-il emprunté de l'argent pour couvrir ses besoins essentiels ?"),
    ("compte_banque", "select_one oui_non",
     "Does a household member have a bank or mobile money account?",
     "Un membre du ménage a-t-il un compte bancaire ou mobile money ?"),
    ("telephone_menage", "select_one oui_non", "Does the household own a mobile phone?",
     "Le ménage possède-t-il un téléphone portable ?"),
    ("separation", "select_one oui_non",
     "Have members of your family been separated from the household since displacement?",
     "Des membres de votre famille ont-ils été séparés du ménage depuis le déplacement ?"),
    ("nb_separes", "integer", "How many family members are separated from you?",
     "Combien de membres de la famille sont séparés de vous ?"),
    ("intention", "select_one intention", "Where do you want to live in the future?",
     "Où souhaitez-vous vivre à l'avenir ?"),
    ("sante_besoin", "select_one oui_non",
     "Did a household member need health care in the last 3 months?",
     "Un membre du ménage a-t-il eu besoin de soins au cours des 3 derniers mois ?"),
    ("sante_recu", "select_one oui_non", "Did they receive the health care they needed?",
     "Ont-ils reçu les soins dont ils avaient besoin ?"),
    ("distance_sante", "integer", "Time to the nearest health facility (minutes)",
     "Temps pour atteindre le centre de santé le plus proche (minutes)"),
    ("satisf_sante", "select_one satisf", "Are you satisfied with the health services?",
     "Êtes-vous satisfait des services de santé ?"),
    ("carte_vaccin", "select_one oui_non", "Was the child's vaccination card seen?",
     "La carte de vaccination de l'enfant a-t-elle été vue ?"),
    ("aide_recue", "select_one oui_non", "Did the household receive humanitarian aid?",
     "Le ménage a-t-il reçu une aide humanitaire ?"),
    ("marche_temps", "integer", "Time to the nearest market (minutes)",
     "Temps pour atteindre le marché le plus proche (minutes)"),
]  # fmt: skip
MEMBERS = [
    ("sexe", "select_one sexe", "Sex of (name)", "Sexe de (nom)"),
    ("age_ans", "integer", "Age of (name) in completed years", "Âge de (nom) en années révolues"),
    ("lien", "select_one lien", "Relationship to the head of household",
     "Lien avec le chef de ménage"),
    ("ecole", "select_one oui_non", "Does (name) currently attend school?",
     "(Nom) fréquente-t-il/elle l'école actuellement ?"),
    ("travail_7j", "select_one oui_non", "Did (name) work in the last 7 days?",
     "(Nom) a-t-il/elle travaillé au cours des 7 derniers jours ?"),
    ("acte_naiss", "select_one oui_non", "Does (name) have a birth certificate?",
     "(Nom) a-t-il/elle un acte de naissance ?"),
    ("cni", "select_one oui_non", "Does (name) have a national identity card?",
     "(Nom) a-t-il/elle une carte nationale d'identité ?"),
    ("vote", "select_one oui_non", "Did (name) vote in the last elections?",
     "(Nom) a-t-il/elle voté aux dernières élections ?"),
]  # fmt: skip

TRUTH: dict[str, str] = {
    "location": "admin1", "area_type": "milieu", "population_group": "statut_pop",
    "weight": "poids", "stratum": "strate", "psu": "grappe", "household_size": "taille_menage",
    "displacement_year": "annee_depl", "feels_safe_walking_alone": "securite_nuit",
    "free_to_move": "bouger_libre", "improved_drinking_water": "source_eau",
    "improved_sanitation": "latrine", "sanitation_shared": "latrine_partagee",
    "durable_housing": "abri_type", "sleeping_rooms": "pieces", "has_electricity": "electricite",
    "evicted_past_12_months": "expulsion", "has_tenure_document": "doc_logement",
    "household_income": "revenu_mois", "food_expenditure": "dep_alim",
    "loan_for_basic_expenses": "dette", "has_bank_account": "compte_banque",
    "family_separated": "separation", "number_separated_members": "nb_separes",
    "settlement_preference": "intention", "needed_health_care": "sante_besoin",
    "accessed_health_care": "sante_recu", "household_id": "_index", "sex": "sexe",
    "age": "age_ans", "is_household_head": "lien", "attends_school": "ecole",
    "worked_past_7_days": "travail_7j", "has_birth_certificate": "acte_naiss",
    "has_national_id": "cni", "voted_last_election": "vote",
}  # fmt: skip


def _answers(rng: np.random.Generator, qtype: str, n: int) -> np.ndarray:
    if qtype.startswith("select_one"):
        codes = [c for c, _e, _f in LISTS[qtype.split()[1]]]
        return rng.choice(codes, n)
    if qtype == "decimal":
        return np.round(rng.gamma(3.0, 50.0, n), 3)
    return rng.integers(0, 400, n)


def frames(households: int = 200, seed: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    n = households
    hh = pd.DataFrame({"_index": np.arange(1, n + 1), "_uuid": [f"u{seed}-{i}" for i in range(n)]})
    for name, qtype, _en, _fr in HOUSEHOLD:
        hh[name] = _answers(rng, qtype, n)
    hh["strate"] = hh["admin1"] + "_" + hh["milieu"]
    hh["grappe"] = rng.integers(1, 6, n) + 10 * hh["admin1"].map({"nord": 1, "sud": 2, "est": 3})
    hh["taille_menage"] = rng.integers(1, 11, n)
    hh["annee_depl"] = rng.choice([2016, 2018, 2020, 2022], n)
    hh["pieces"] = rng.integers(1, 5, n)
    hh["nb_separes"] = rng.integers(0, 4, n)
    hh["resp_age"] = rng.integers(18, 80, n)
    rows = []
    for idx, size in zip(hh["_index"], hh["taille_menage"], strict=True):
        for j in range(int(size)):
            row = {"_parent_index": idx}
            for name, qtype, _en, _fr in MEMBERS:
                row[name] = _answers(rng, qtype, 1)[0]
            row["lien"] = "chef" if j == 0 else rng.choice(["conjoint", "enfant", "autre"])
            row["age_ans"] = int(rng.integers(0, 80))
            rows.append(row)
    return hh, pd.DataFrame(rows)


def write_form(path: Path) -> Path:
    wb = Workbook()
    survey = wb.active
    assert survey is not None
    survey.title = "survey"
    en, fr = "label::English (en)", "label::Français (fr)"
    survey.append(["type", "name", en, fr])
    for name, qtype, lab_en, lab_fr in HOUSEHOLD:
        survey.append([qtype, name, lab_en, lab_fr])
    survey.append(["begin_repeat", "membres", "Household members", "Membres du ménage"])
    for name, qtype, lab_en, lab_fr in MEMBERS:
        survey.append([qtype, name, lab_en, lab_fr])
    survey.append(["end_repeat", "", "", ""])
    choices = wb.create_sheet("choices")
    choices.append(["list_name", "name", en, fr])
    for list_name, items in LISTS.items():
        for code, lab_en, lab_fr in items:
            choices.append([list_name, code, lab_en, lab_fr])
    wb.save(path)
    return path


def datasets(folder: Path, households: int = 200, seed: int = 3) -> dict[str, Dataset]:
    """The survey as two CSV exports labelled by its XLSForm, read back by the importer."""
    hh, members = frames(households, seed)
    hh.to_csv(folder / "msna_menages.csv", index=False)
    members.to_csv(folder / "msna_membres.csv", index=False)
    form = write_form(folder / "msna_form.xlsx")
    out: dict[str, Dataset] = {}
    for stem, unit in (("msna_menages", "household"), ("msna_membres", "individual")):
        opts = ImportOptions(unit=unit, xlsform=form, default_identifier_action="keep")
        for ds in read_datasets(folder / f"{stem}.csv", opts):
            out[ds.name] = ds
    return out
