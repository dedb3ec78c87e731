"""Individual roster of the Freedonia survey (the ``roster`` repeat group of the Kobo export)."""

# ruff: noqa: E501 - a table of labels reads best one question per line
from __future__ import annotations

from typing import Any

from workbench.sample.spec import DK_REF, Question

G = "roster"


def I(name: str, qtype: str, en: str, fr: str, **kw: Any) -> Question:  # noqa: E743
    return Question(name, "individual", qtype, G, en, fr, **kw)


def _yn(name: str, en: str, fr: str, **kw: Any) -> Question:
    return I(name, "select_one", en, fr, list_name="yes_no", missing=DK_REF, **kw)


_WG = (
    ("seeing", "seeing, even if wearing glasses", "voir, même avec des lunettes"),
    ("hearing", "hearing, even if using a hearing aid", "entendre, même avec un appareil auditif"),
    ("walking", "walking or climbing steps", "marcher ou monter des marches"),
    ("cognition", "remembering or concentrating", "se souvenir ou se concentrer"),
    ("selfcare", "with self-care, such as washing all over or dressing",
     "prendre soin de soi, comme se laver ou s'habiller"),
    ("communication", "communicating, for example understanding or being understood",
     "communiquer, par exemple comprendre ou être compris"),
)  # fmt: skip


def _wg() -> list[Question]:
    return [
        I(
            f"wg_{key}",
            "select_one",
            f"Does this person have difficulty {en}?",
            f"Cette personne a-t-elle des difficultés à {fr} ?",
            list_name="wg_difficulty",
            missing=DK_REF,
            relevant="${age} >= 5",
            skip="Asked of members aged 5 and over",
            module="A",
            measure="ordinal",
            theme="Disability, Washington Group short set (disability = code 3 or 4 in any domain)",
        )
        for key, en, fr in _WG
    ]


# fmt: off
QUESTIONS: list[Question] = [
    I("hh_id", "calculate", "Household id (link to the household file)",
      "Identifiant du ménage (lien avec le fichier ménage)", module="design",
      role="household_id", calculation="../../hh_info/hh_id",
      note="XPath, not ${hh_id}: the name is used twice in the form"),
    I("member_no", "calculate", "Member number within the household", "Numéro du membre dans le ménage",
      module="design", role="member_id", calculation="position(..)",
      note="1 is the head of household as listed"),
    I("member_name", "text", "First name of the member", "Prénom du membre",
      module="identifier", identifier="name"),
    I("sex", "select_one", "Sex", "Sexe", list_name="sex", module="A",
      theme="Sex (minimum disaggregation)"),
    I("age", "integer", "Age in completed years", "Âge en années révolues", module="A",
      measure="scale", theme="Age (minimum disaggregation); a few ages are inconsistent on purpose"),
    I("relation", "select_one", "Relationship to the head of household", "Lien avec le chef de ménage",
      list_name="relation", module="A", theme="Household composition"),
    *_wg(),
    # ------------------------------------------------------------ criterion 2: health
    _yn("health_need", "In the past 12 months, did this person need health care?",
        "Au cours des 12 derniers mois, cette personne a-t-elle eu besoin de soins de santé ?",
        criterion=2, iris="2.3", theme="Needed health care (universe of DS 2.1.8)"),
    _yn("health_access", "The last time this person needed health care, did they receive it?",
        "La dernière fois que cette personne a eu besoin de soins, les a-t-elle reçus ?",
        relevant="${health_need} = '1'", skip="Asked of members who needed health care",
        criterion=2, iris="2.3", theme="Accessed health care when needed, DS 2.1.8"),
    I("health_barrier", "select_one", "Main reason for not receiving care",
      "Principale raison de ne pas avoir reçu de soins", list_name="health_barrier",
      missing=DK_REF, relevant="${health_access} = '0'",
      skip="Asked of members who needed but did not receive care", criterion=2, iris="2.3",
      theme="Barriers to health care"),
    # ------------------------------------------------------------ criterion 2: education
    _yn("school_attend", "Is this person currently attending school?", "Cette personne fréquente-t-elle l'école actuellement ?",
        relevant="${age} >= 6 and ${age} <= 17", skip="Asked of members aged 6-17",
        criterion=2, iris="2.4",
        theme="School net attendance: primary 6-11 (DS 2.1.12), secondary 12-17"),
    I("edu_level", "select_one", "Highest level of education completed", "Plus haut niveau d'études achevé",
      list_name="edu_level", missing=DK_REF, relevant="${age} >= 6",
      skip="Asked of members aged 6 and over", criterion=2, iris="2.4", measure="ordinal",
      theme="Primary completion rate among 15-17 (edu_level >= 2), SDG 4.1.2"),
    _yn("edu_train_now", "Is this person currently in education or training?",
        "Cette personne suit-elle actuellement des études ou une formation ?",
        relevant="${age} >= 15 and ${age} <= 24", skip="Asked of members aged 15-24",
        criterion=3, iris="3.1",
        theme="In education or training (for youth NEET, SDG 8.6.1)"),
    # ------------------------------------------------------------ criterion 3: labour
    _yn("work_7d", "In the past 7 days, did this person work for at least one hour for pay, profit or family gain?",
        "Au cours des 7 derniers jours, cette personne a-t-elle travaillé au moins une heure contre rémunération, "
        "profit ou gain familial ?",
        relevant="${age} >= 15", skip="Asked of members aged 15 and over", criterion=3, iris="3.1",
        theme="Employed (labour force framework)"),
    _yn("work_absent", "Does this person have a job they were temporarily absent from?",
        "Cette personne a-t-elle un emploi dont elle était temporairement absente ?",
        relevant="${work_7d} = '0'", skip="Asked of members aged 15+ who did not work", criterion=3,
        iris="3.1", theme="Employed but temporarily absent"),
    _yn("look_work", "In the past 4 weeks, did this person look for work or try to start a business?",
        "Au cours des 4 dernières semaines, cette personne a-t-elle cherché du travail ou essayé de créer une entreprise ?",
        relevant="${work_absent} = '0'", skip="Asked of members aged 15+ without a job",
        criterion=3, iris="3.1", theme="Job search (unemployment, SDG 8.5.2)"),
    _yn("avail_work", "Could this person start working within the next 2 weeks?",
        "Cette personne pourrait-elle commencer à travailler dans les 2 prochaines semaines ?",
        relevant="${look_work} = '1'", skip="Asked of members aged 15+ who looked for work",
        criterion=3, iris="3.1",
        theme="Available for work; unemployed = looked and available, SDG 8.5.2"),
    # ------------------------------------------------------------ criterion 5: documents
    I("birth_cert", "select_one", "Does this person have a birth certificate?", "Cette personne a-t-elle un acte de naissance ?",
      list_name="birth_cert", missing=DK_REF, criterion=5, iris="5.1",
      theme="Holds a birth certificate (codes 1-2), DS 5.1.1"),
    _yn("birth_registered", "Has the birth of this person been registered with the civil registry?",
        "La naissance de cette personne a-t-elle été enregistrée à l'état civil ?",
        relevant="${age} < 5", skip="Asked of children under 5", criterion=5, iris="5.1",
        theme="Birth registration of children under 5, SDG 16.9.1"),
    _yn("national_id", "Does this person have a valid national identity card?",
        "Cette personne a-t-elle une carte nationale d'identité valide ?",
        relevant="${age} >= 16", skip="Asked of members aged 16 and over (age of issue)",
        criterion=5, iris="5.1", theme="Holds a valid national ID, DS 5.1.1"),
    # ------------------------------------------------------------ criterion 7
    _yn("voted", "Did this person vote in the last national election?",
        "Cette personne a-t-elle voté lors de la dernière élection nationale ?",
        relevant="${age} >= 18", skip="Asked of members aged 18 and over", criterion=7,
        theme="Voted in the last election (participation in public affairs)"),
    _yn("community_part", "In the past 12 months, did this person take part in a community meeting or committee?",
        "Au cours des 12 derniers mois, cette personne a-t-elle participé à une réunion ou un comité communautaire ?",
        relevant="${age} >= 18", skip="Asked of members aged 18 and over", criterion=7,
        theme="Community participation (criterion 7)"),
]
# fmt: on
