"""The building blocks of the Freedonia codebook: choices, choice lists and questions.

A :class:`Question` is one XLSForm row; the data columns it produces (one for most questions, one
per option plus a summary for ``select_multiple``, latitude/longitude for ``geopoint``) are
:class:`Column` objects built by :mod:`workbench.sample.codebook`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DatasetName = Literal["household", "individual"]

#: the usual "don't know" / "refused" codes of Freedonia's categorical and count questions
DK, REF = 98, 99
DK_REF: tuple[int, ...] = (DK, REF)
#: codes for years (a year can be 98 or 99 in no sensible survey, but use 4 digits all the same)
YEAR_DK_REF: tuple[int, ...] = (9998, 9999)
#: codes for money amounts (Freedonian dollars, FRD)
MONEY_DK_REF: tuple[int, ...] = (999998, 999999)


@dataclass(frozen=True)
class Choice:
    code: int | str
    en: str
    fr: str


@dataclass(frozen=True)
class ChoiceList:
    name: str
    choices: tuple[Choice, ...]

    def codes(self) -> list[int | str]:
        return [c.code for c in self.choices]

    def label(self, code: int | str, lang: str = "en") -> str:
        for c in self.choices:
            if c.code == code:
                return c.en if lang == "en" else c.fr
        raise KeyError(code)


@dataclass(frozen=True)
class Question:
    """One survey question (or calculated / metadata field) of the Freedonia form."""

    name: str
    dataset: DatasetName
    #: XLSForm type: integer, decimal, text, select_one, select_multiple, geopoint, calculate,
    #: start, end (Kobo metadata fields that are not form rows use "kobo_meta")
    qtype: str
    #: Kobo group path (``hh_info``, ``roster`` ...); "" for top-level fields
    group: str
    en: str
    fr: str
    list_name: str | None = None
    #: codes meaning "missing" kept in the data (user-missing in SPSS)
    missing: tuple[int, ...] = ()
    #: XLSForm ``relevant`` expression ("" = always asked)
    relevant: str = ""
    #: the skip condition in words ("" = asked of every unit)
    skip: str = ""
    #: "design", "meta", "identifier", "A" (demographics, displacement history, discrimination),
    #: "B" (future settlement preferences) or "C" (criterion modules)
    module: str = "C"
    #: IASC criterion 1..8 served (None for design / metadata / modules A and B)
    criterion: int | None = None
    #: IRIS sub-criterion (``"1.1"`` … ``"5.1"``) when it feeds one
    iris: str | None = None
    #: indicator theme in words, with the DS / SDG code where one is known
    theme: str = ""
    #: why this field is a direct identifier ("name", "phone", "gps", "kobo_metadata",
    #: "free_text"); None when it is not one
    identifier: str | None = None
    #: survey-design role: "household_id", "member_id", "stratum", "psu", "weight", "fpc",
    #: "population_group", "district"
    role: str | None = None
    #: "nominal", "ordinal" or "scale"
    measure: str = "nominal"
    #: XLSForm ``calculation`` for calculate rows
    calculation: str = ""
    #: a plain-language definition of how derived variables are computed
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def xml_path(self) -> str:
        return f"{self.group}/{self.name}" if self.group else self.name


@dataclass(frozen=True)
class Column:
    """One data column of a Freedonia file (CSV, SAV and DTA share these names)."""

    name: str
    dataset: DatasetName
    question: Question
    #: "numeric" or "string" (or "datetime" for start/end/submission time)
    kind: str
    #: for select_multiple option columns: the option's code
    option: str | None = None
    #: the header in the Kobo XLSX export (XML group path; ``q/option`` for options)
    kobo_header: str = ""
    en: str = ""
    fr: str = ""
