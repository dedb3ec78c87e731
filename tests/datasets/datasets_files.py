"""Builders of real import files (synthetic, no real personal data) for the datasets tests.

The pytest fixtures wrapping them live in conftest.py next to this file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
import pyreadstat

FAKE_NAMES = [
    "Amina Yusuf",
    "Omar Haddad",
    "Leila Nasser",
    "Samir Khoury",
    "Fatou Diallo",
    "Jean Dupont",
    "Maria Lopez",
    "Ali Hassan",
    "Sara Idris",
    "Musa Bello",
]


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def kobo_rows(n: int = 10) -> tuple[list[list[Any]], list[list[Any]]]:
    main = [
        [
            "start",
            "end",
            "grp_hh/hh_size",
            "grp_hh/displaced",
            "grp_hh/needs",
            "grp_hh/needs/food",
            "grp_hh/needs/water",
            "grp_hh/needs/shelter",
            "grp_contact/resp_name",
            "grp_contact/phone",
            "_geolocation",
            "_id",
            "_uuid",
            "_submission_time",
            "_submitted_by",
            "_index",
        ]
    ]
    roster = [
        [
            "member/age",
            "member/sex",
            "_index",
            "_parent_index",
            "_parent_table_name",
            "_submission__uuid",
        ]
    ]
    k = 0
    for i in range(1, n + 1):
        needs = ["food", "water", "shelter"][: (i % 3) + 1]
        main.append(
            [
                f"2024-03-{i:02d}T08:00:00",
                f"2024-03-{i:02d}T08:40:00",
                (i % 4) + 1,
                1 if i % 2 else 2,
                " ".join(needs),
                *[1 if o in needs else 0 for o in ("food", "water", "shelter")],
                FAKE_NAMES[i % 10],
                f"+25261{1000000 + i * 7919:07d}",
                f"2.{i}04 45.{i}11 0 5",
                1000 + i,
                f"00000000-0000-4000-8000-{i:012d}",
                f"2024-03-{i:02d}T09:00:00",
                "enum1",
                i,
            ]
        )
        for _ in range((i % 4) + 1):
            k += 1
            roster.append(
                [
                    20 + (k * 7) % 50,
                    1 + k % 2,
                    k,
                    i,
                    "hh_survey",
                    f"00000000-0000-4000-8000-{i:012d}",
                ]
            )
    return main, roster


def make_kobo_xlsx(tmp_path: Path) -> Path:
    main, roster = kobo_rows()
    return write_xlsx(tmp_path / "hh_survey.xlsx", {"hh_survey": main, "member": roster})


def make_xlsform(tmp_path: Path) -> Path:
    survey = [
        ["type", "name", "label::English (en)", "label::Français (fr)"],
        ["start", "start", "", ""],
        ["begin_group", "grp_hh", "Household", "Ménage"],
        ["integer", "hh_size", "Household size", "Taille du ménage"],
        ["select_one status", "displaced", "Displacement status", "Statut de déplacement"],
        ["select_multiple needs", "needs", "Priority needs", "Besoins prioritaires"],
        ["end_group", "", "", ""],
        ["text", "resp_name", "Respondent name", "Nom du répondant"],
        ["begin_repeat", "member", "Members", "Membres"],
        ["integer", "age", "Age", "Âge"],
        ["select_one sex", "sex", "Sex", "Sexe"],
        ["end_repeat", "", "", ""],
    ]
    choices = [
        ["list_name", "name", "label::English (en)", "label::Français (fr)"],
        ["status", 1, "IDP", "PDI"],
        ["status", 2, "Host", "Hôte"],
        ["needs", "food", "Food", "Nourriture"],
        ["needs", "water", "Water", "Eau"],
        ["needs", "shelter", "Shelter", "Abri"],
        ["sex", 1, "Male", "Homme"],
        ["sex", 2, "Female", "Femme"],
    ]
    return write_xlsx(
        tmp_path / "form.xlsx",
        {
            "survey": survey,
            "choices": choices,
            "settings": [["default_language"], ["English (en)"]],
        },
    )


def dart_rows(n_hh: int = 6) -> list[list[Any]]:
    rows: list[list[Any]] = [["hh_id", "district", "hh_weight", "ind_id", "age", "sex"]]
    k = 0
    for h in range(1, n_hh + 1):
        for _ in range(1 + h % 3):
            k += 1
            rows.append(
                [f"H{h:03d}", ["North", "South"][h % 2], 1.5 + h, k, 5 + (k * 13) % 60, 1 + k % 2]
            )
    return rows


def make_dart_xlsx(tmp_path: Path) -> Path:
    meta = [
        ["Name", "HouseInd", "Label"],
        ["hh_id", "house", "Household id"],
        ["district", "house", "District"],
        ["hh_weight", "house", "Weight"],
        ["ind_id", "ind", "Member id"],
        ["age", "ind", "Age"],
        ["sex", "ind", "Sex"],
    ]
    return write_xlsx(tmp_path / "dart.xlsx", {"Data": dart_rows(), "Metadata": meta})


def sav_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "hh_id": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            "status": [1.0, 2.0, 98.0, 1.0, 99.0, np.nan],
            "income": [120.5, 80.0, 999.0, 45.25, 0.0, 60.0],
            "region": ["North", "South", "", "North", "East", "South"],
        }
    )


def make_sav(tmp_path: Path) -> Path:
    path = tmp_path / "survey.sav"
    pyreadstat.write_sav(
        sav_frame(),
        str(path),
        column_labels={
            "hh_id": "Household id",
            "status": "Displacement status",
            "income": "Monthly income",
            "region": "Region",
        },
        variable_value_labels={"status": {1: "IDP", 2: "Host", 98: "Don't know", 99: "Refused"}},
        missing_ranges={"status": [98, 99], "income": [{"lo": 999, "hi": 1000}]},
        variable_measure={"status": "nominal", "income": "scale", "hh_id": "nominal"},
    )
    return path


def make_dta(tmp_path: Path) -> Path:
    path = tmp_path / "survey.dta"
    status = pd.Series([1.0, 2.0, "a", 1.0, "b", np.nan], dtype=object)
    frame = pd.DataFrame(
        {
            "hh_id": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            "status": status,
            "region": ["North", "South", "West", "North", "East", "South"],
        }
    )
    pyreadstat.write_dta(
        frame,
        str(path),
        column_labels={"hh_id": "Household id", "status": "Displacement status"},
        variable_value_labels={"status": {1: "IDP", 2: "Host"}},
        missing_user_values={"status": ["a", "b"]},
    )
    return path
