"""The Freedonia XLSForm (survey, choices, settings sheets), built from the codebook."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from workbench.sample.choices import CHOICE_LISTS
from workbench.sample.codebook import QUESTIONS, is_required
from workbench.sample.spec import DatasetName, Question
from workbench.sample.xlsx_stable import save_stable

FORM_TITLE = "Freedonia IDP Profiling Survey 2026"
FORM_ID = "freedonia_profiling_2026"
FORM_VERSION = "vFr2026a"
EN, FR = "label::English (en)", "label::Français (fr)"
SURVEY_COLUMNS = ("type", "name", EN, FR, "required", "relevant", "constraint", "calculation")

GROUP_TITLES: dict[str, tuple[str, str]] = {
    "intro": ("Consent and contact", "Consentement et contact"),
    "hh_info": ("Household identification", "Identification du ménage"),
    "design": ("Sample design (preloaded)", "Plan de sondage (préchargé)"),
    "displacement": ("Displacement history", "Historique du déplacement"),
    "future": ("Future settlement preferences", "Préférences d'installation future"),
    "safety": (
        "Safety, security and freedom of movement",
        "Sûreté, sécurité et liberté de mouvement",
    ),
    "food": ("Food security", "Sécurité alimentaire"),
    "housing": ("Housing, water and sanitation", "Logement, eau et assainissement"),
    "livelihood": ("Livelihoods and income", "Moyens de subsistance et revenus"),
    "hlp": ("Housing, land and property left behind", "Logement, terre et biens laissés derrière"),
    "documents": ("Documentation", "Documents"),
    "family": ("Family separation", "Séparation familiale"),
    "justice": ("Remedies and justice", "Recours et justice"),
    "roster": ("Household members", "Membres du ménage"),
}


def form_questions(dataset: DatasetName) -> list[Question]:
    """Form rows of ``dataset`` in form order: questions grouped by their Kobo group, groups in
    order of first appearance (Kobo metadata that are not form rows are left out)."""
    rows = [q for q in QUESTIONS if q.dataset == dataset and q.qtype != "kobo_meta"]
    order: list[str] = []
    for q in rows:
        if q.group not in order:
            order.append(q.group)
    return [q for g in order for q in rows if q.group == g]


def form_name(q: Question) -> str:
    """The ``name`` of the question in the form (Kobo metadata keep their Kobo names)."""
    return q.extra.get("kobo", q.name)


def _type(q: Question) -> str:
    if q.qtype in ("select_one", "select_multiple"):
        return f"{q.qtype} {q.list_name}"
    return q.qtype


def _row(q: Question) -> dict[str, Any]:
    constraint = ""
    if q.name == "age":
        constraint = ". >= 0 and . <= 120"
    elif q.qtype == "integer" and q.missing == (98, 99):
        constraint = ". >= 0"
    return {
        "type": _type(q),
        "name": form_name(q),
        EN: q.en,
        FR: q.fr,
        "required": "yes" if is_required(q) else "",
        "relevant": q.relevant,
        "constraint": constraint,
        "calculation": q.calculation,
    }


def survey_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    current = ""
    for q in form_questions("household"):
        if q.group != current:
            if current:
                rows.append({"type": "end_group", "name": current})
            if q.group:
                en, fr = GROUP_TITLES[q.group]
                rows.append({"type": "begin_group", "name": q.group, EN: en, FR: fr})
            current = q.group
        rows.append(_row(q))
    if current:
        rows.append({"type": "end_group", "name": current})
    en, fr = GROUP_TITLES["roster"]
    rows.append({"type": "begin_repeat", "name": "roster", EN: en, FR: fr})
    rows.extend(_row(q) for q in form_questions("individual"))
    rows.append({"type": "end_repeat", "name": "roster"})
    return rows


def write_xlsform(path: Path) -> Path:
    wb = Workbook(write_only=True)
    survey = wb.create_sheet("survey")
    survey.append(list(SURVEY_COLUMNS))
    for r in survey_rows():
        survey.append([r.get(c, "") for c in SURVEY_COLUMNS])
    choices = wb.create_sheet("choices")
    choices.append(["list_name", "name", EN, FR])
    for cl in CHOICE_LISTS.values():
        for ch in cl.choices:
            choices.append([cl.name, ch.code, ch.en, ch.fr])
    settings = wb.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language", "style"])
    settings.append([FORM_TITLE, FORM_ID, FORM_VERSION, "English (en)", "pages"])
    wb.properties.creator = "Durable Solutions Workbench (synthetic sample)"
    wb.properties.title = FORM_TITLE
    return save_stable(wb, path)
