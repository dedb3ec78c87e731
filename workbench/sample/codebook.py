"""The Freedonia codebook: every variable of the household file and the individual roster.

This is the single source of truth for the bundled sample: the generator fills exactly these
columns, the writers take labels, value labels and missing codes from here, and the indicator
library / analysis plan map their indicators onto these names.

Names
-----
- ``Column.name`` is the column name in the CSV, SPSS and Stata files (and in the frames returned by
  :func:`workbench.sample.generate`). It is a valid SPSS and Stata name.
- ``Column.kobo_header`` is the header in the Kobo XLSX export (XML group path, e.g.
  ``hh_info/district``; select_multiple options are ``group/question/option``). An importer that
  strips the group prefix yields ``question/option`` for options (``settle_cond/safety``) and
  the flat name for everything else, except Kobo metadata (``start``, ``_id`` …) and the GPS
  point (``hh_gps``, ``_hh_gps_latitude`` …).
- ``select_multiple`` questions give a summary column ``q`` (space-separated option codes, as Kobo
  writes it) and one 0/1 column per option named ``q_option`` (``parent_question`` = ``q``).
- ``geopoint`` ``hh_gps`` gives ``hh_gps_lat`` and ``hh_gps_lon``.
- Kobo metadata get Stata-safe names: ``interview_start`` / ``interview_end`` (Kobo ``start`` /
  ``end``), ``kobo_id`` (``_id``), ``kobo_uuid``, ``submission_time``, ``submitted_by``.
- User-missing codes (``Question.missing``): 98 don't know / 99 refused for categorical and count
  questions, 9998 / 9999 for years, 999998 / 999999 for money. Questions skipped by design are
  empty (system-missing), never coded.

Keep names stable: add variables, never rename them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from workbench.dataset_model import Variable
from workbench.sample.choices import CHOICE_LISTS
from workbench.sample.questions_household import QUESTIONS as HOUSEHOLD_QUESTIONS
from workbench.sample.questions_individual import QUESTIONS as INDIVIDUAL_QUESTIONS
from workbench.sample.spec import (
    DK,
    DK_REF,
    REF,
    Choice,
    ChoiceList,
    Column,
    DatasetName,
    Question,
)

__all__ = [
    "CHOICE_LISTS",
    "DK",
    "DK_REF",
    "HOUSEHOLD_QUESTIONS",
    "INDIVIDUAL_QUESTIONS",
    "QUESTIONS",
    "REF",
    "Choice",
    "ChoiceList",
    "Column",
    "Question",
    "column",
    "column_names",
    "columns",
    "question",
    "variables",
]

QUESTIONS: list[Question] = [*HOUSEHOLD_QUESTIONS, *INDIVIDUAL_QUESTIONS]

_NUMERIC_TYPES = {"integer", "decimal", "select_one", "calculate"}
_DATETIME_NAMES = {"interview_start", "interview_end", "submission_time"}
_STRING_META = {"kobo_uuid", "submitted_by"}


def question(name: str, dataset: DatasetName | None = None) -> Question:
    for q in QUESTIONS:
        if q.name == name and (dataset is None or q.dataset == dataset):
            return q
    raise KeyError(name)


def _kind(q: Question) -> str:
    if q.name in _DATETIME_NAMES:
        return "datetime"
    if q.name in _STRING_META or q.qtype in ("text", "select_multiple"):
        return "string"
    return "numeric"


def _kobo_header(q: Question) -> str:
    if "kobo" in q.extra:
        return q.extra["kobo"]
    return q.xml_path


def _expand(q: Question) -> list[Column]:
    if q.qtype == "geopoint":
        return [
            Column(
                f"{q.name}_lat",
                q.dataset,
                q,
                "numeric",
                kobo_header=f"_{q.name}_latitude",
                en=f"{q.en}: latitude",
                fr=f"{q.fr} : latitude",
            ),
            Column(
                f"{q.name}_lon",
                q.dataset,
                q,
                "numeric",
                kobo_header=f"_{q.name}_longitude",
                en=f"{q.en}: longitude",
                fr=f"{q.fr} : longitude",
            ),
        ]
    cols = [Column(q.name, q.dataset, q, _kind(q), kobo_header=_kobo_header(q), en=q.en, fr=q.fr)]
    if q.qtype == "select_multiple":
        assert q.list_name is not None
        for ch in CHOICE_LISTS[q.list_name].choices:
            cols.append(
                Column(
                    f"{q.name}_{ch.code}",
                    q.dataset,
                    q,
                    "numeric",
                    option=str(ch.code),
                    kobo_header=f"{q.xml_path}/{ch.code}",
                    en=f"{q.en} {ch.en}",
                    fr=f"{q.fr} {ch.fr}",
                )
            )
    return cols


@cache
def _columns(dataset: DatasetName) -> tuple[Column, ...]:
    out: list[Column] = []
    for q in QUESTIONS:
        if q.dataset == dataset:
            out.extend(_expand(q))
    return tuple(out)


def columns(dataset: DatasetName) -> list[Column]:
    """The data columns of ``dataset`` ("household" or "individual"), in file order."""
    return list(_columns(dataset))


def column_names(dataset: DatasetName) -> list[str]:
    return [c.name for c in _columns(dataset)]


def column(name: str, dataset: DatasetName) -> Column:
    for c in _columns(dataset):
        if c.name == name:
            return c
    raise KeyError(name)


def value_labels(col: Column, lang: str = "en") -> dict[float, str]:
    """Code -> label of a numeric column (float codes, the dataset model's convention)."""
    q = col.question
    if col.option is not None:
        return {
            1.0: "Selected" if lang == "en" else "Sélectionné",
            0.0: "Not selected" if lang == "en" else "Non sélectionné",
        }
    if q.qtype != "select_one" or q.list_name is None:
        out: dict[float, str] = {}
        if q.missing == DK_REF:
            out = {float(DK): "Don't know", float(REF): "Refused to answer"}
            if lang == "fr":
                out = {float(DK): "Ne sait pas", float(REF): "Refus de répondre"}
        elif q.missing:
            dk, ref = q.missing
            en = {float(dk): "Don't know", float(ref): "Refused to answer"}
            fr = {float(dk): "Ne sait pas", float(ref): "Refus de répondre"}
            out = en if lang == "en" else fr
        return out
    return {
        float(ch.code): (ch.en if lang == "en" else ch.fr)
        for ch in CHOICE_LISTS[q.list_name].choices
        if isinstance(ch.code, int)
    }


def _measure(col: Column) -> str:
    if col.option is not None:
        return "nominal"
    if col.kind == "string":
        return "nominal"
    return col.question.measure


ASKED_TYPES = ("integer", "decimal", "text", "select_one", "select_multiple", "geopoint")


def is_required(q: Question) -> bool:
    """The form marks the question required (every asked question but free text)."""
    return q.qtype in ASKED_TYPES and q.identifier != "free_text"


def to_variable(col: Column) -> Variable:
    q = col.question
    extra: dict[str, Any] = {
        "kobo_header": col.kobo_header,
        "group": q.group,
        "module": q.module,
        "criterion": q.criterion,
        "iris_subcriterion": q.iris,
        "theme": q.theme,
        "skip": q.skip,
        "relevant": q.relevant,
        "role": q.role,
    }
    if q.note:
        extra["note"] = q.note
    kind = "datetime" if col.kind == "datetime" else col.kind
    is_option = col.option is not None
    # what the data checks read, as an import with the XLSForm gives it (sample/xlsform.py)
    if is_required(q):
        extra["required"] = True
    if q.list_name and not is_option and q.list_name in CHOICE_LISTS:
        extra["choices"] = {
            str(ch.code): {"en": ch.en, "fr": ch.fr} for ch in CHOICE_LISTS[q.list_name].choices
        }
    return Variable(
        name=col.name,
        kind=kind,  # type: ignore[arg-type]
        label=col.en,
        labels={"en": col.en, "fr": col.fr},
        measure=_measure(col),  # type: ignore[arg-type]
        value_labels=value_labels(col, "en") if col.kind == "numeric" else {},
        value_labels_i18n=(
            {"en": value_labels(col, "en"), "fr": value_labels(col, "fr")}
            if col.kind == "numeric"
            else {}
        ),
        missing_codes=[] if is_option else [float(c) for c in q.missing],
        identifier=q.identifier,
        question_type=q.qtype,
        parent_question=q.name if is_option else None,
        extra=extra,
    )


def variables(dataset: DatasetName) -> dict[str, Variable]:
    """The variable dictionary of ``dataset`` as :class:`workbench.dataset_model.Variable`."""
    return {c.name: to_variable(c) for c in _columns(dataset)}
