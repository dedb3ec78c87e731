"""Identifier detection, dataset checks and household ↔ individual link checks."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.datasets.checks import check_dataset
from workbench.datasets.identifiers import detect_identifiers
from workbench.datasets.linking import check_link

N = 40


def _frame() -> pd.DataFrame:
    first = ["Amina", "Omar", "Leila", "Samir", "Fatou", "Jean", "Maria", "Ali"]
    last = ["Yusuf", "Haddad", "Nasser", "Khoury", "Diallo", "Dupont", "Lopez", "Bello"]
    return pd.DataFrame(
        {
            "_uuid": [f"0000000{i % 10}-0000-4000-8000-{i:012d}" for i in range(N)],
            "_index": np.arange(N, dtype=float),
            "hoh": [f"{first[i % 8]} {last[(i // 8) % 8]}" for i in range(N)],
            "contact_no": [f"07{91000000 + i * 37:08d}" for i in range(N)],
            "loc": [f"1{i % 9}.{i:03d}4 4{i % 7}.{i:03d}1 0 5" for i in range(N)],
            "gps_lat": np.linspace(1, 2, N),
            "comment": [
                f"We moved after the floods in month {i} and stayed with relatives"
                for i in range(N)
            ],
            "dob": pd.date_range("1980-01-01", periods=N, freq="37D"),
            "birth_year": np.arange(1960, 1960 + N, dtype=float),
            "village_name": ["Alpha", "Beta"] * (N // 2),
            "age": np.arange(N, dtype=float),
            "status": ["idp", "host"] * (N // 2),
            "_submitted_by": ["enum"] * N,
        }
    )


def test_detects_names_phones_gps_free_text_and_birth_dates() -> None:
    frame = _frame()
    variables = {c: Variable(name=c) for c in frame.columns}
    variables["status"].label = "Nom du statut"  # a label word alone does not flag "idp"/"host"
    found = detect_identifiers(frame, variables)
    assert found == {
        "_uuid": "submission_id",
        "hoh": "name",
        "contact_no": "phone",
        "loc": "gps",
        "gps_lat": "gps",
        "comment": "free_text",
        "dob": "date_of_birth",
        "village_name": "small_area",
        "_submitted_by": "account",
    }


def test_labels_in_arabic_and_text_questions() -> None:
    names = ["محمد علي", "فاطمة حسن", "عمر خالد", "ليلى سعيد", "يوسف ناصر"]
    frame = pd.DataFrame({"q1": names * 2, "q2": [f"note {i}" for i in range(10)]})
    variables = {
        "q1": Variable(name="q1", label="اسم رب الأسرة"),
        "q2": Variable(name="q2", question_type="text"),
    }
    assert detect_identifiers(frame, variables) == {"q1": "name", "q2": "free_text"}


def test_checks_report_empty_constant_mixed_and_unlabelled() -> None:
    frame = pd.DataFrame(
        {
            "empty": [np.nan] * 10,
            "const": [1.0] * 10,
            "mixed": pd.Series([str(i) for i in range(9)] + ["n/a"], dtype="str"),
            "coded": [1.0, 2.0, 3.0, 1.0, 2.0, 1.0, 1.0, 2.0, 98.0, 1.0],
            "id": [1.0, 2.0, 2.0] + [float(i) for i in range(4, 11)],
        }
    )
    variables = {
        "coded": Variable(name="coded", value_labels={1.0: "a", 2.0: "b"}, missing_codes=[98.0])
    }
    ds = Dataset("t", frame, variables, key="id")
    codes = {f.code: f for f in check_dataset(ds)}
    assert set(codes) == {
        "dataset.empty_column",
        "dataset.constant_column",
        "dataset.mixed_types",
        "dataset.unlabelled_codes",
        "dataset.duplicate_keys",
    }
    assert codes["dataset.unlabelled_codes"].params["codes"] == ["3"]
    assert "n/a" in codes["dataset.mixed_types"].message


def test_link_reports_duplicates_orphans_and_childless() -> None:
    hh = Dataset(
        "hh",
        pd.DataFrame({"hh_id": ["H1", "H2", "H2", "H3", "H4"], "x": [1.0] * 5}),
        {},
        unit="household",
        key="hh_id",
    )
    ind = Dataset(
        "ind",
        pd.DataFrame({"hh": ["H1", "H1", "H2", "H9", "H9", "H8", None]}),
        {},
        unit="individual",
        parent="hh",
        parent_key="hh",
    )
    found = {f.code: f for f in check_link(hh, ind)}
    assert found["link.duplicate_household_keys"].params == {"count": 1, "examples": ["H2"]}
    orphans = found["link.orphan_individuals"]
    assert orphans.params["count"] == 3 and sorted(orphans.params["examples"]) == ["H8", "H9"]
    assert found["link.households_without_members"].params["examples"] == ["H3", "H4"]
    assert found["link.households_without_members"].severity == "info"
    assert found["link.individual_key_empty"].params["count"] == 1
    assert "link.ok" not in found


def test_link_matches_numeric_and_text_keys() -> None:
    hh = Dataset("hh", pd.DataFrame({"k": [1.0, 2.0]}), {}, key="k")
    ind = Dataset("ind", pd.DataFrame({"k": ["1", "2", "2"]}), {}, parent_key="k")
    assert [f.code for f in check_link(hh, ind)] == ["link.ok"]
    assert [f.code for f in check_link(Dataset("x", pd.DataFrame({"a": [1]}), {}), ind)] == [
        "link.no_key"
    ]


def test_false_friends_in_label_languages_are_not_flagged() -> None:
    frame = pd.DataFrame(
        {
            "hh_size": [float(i % 7) for i in range(30)],
            "used": [1.0, 0.0] * 15,
            "nombre_jefe": [f"Juan {s} López" for s in "ABCDEFGHIJ"] * 3,
        }
    )
    variables = {
        "hh_size": Variable(
            name="hh_size",
            label="Household size",
            labels={"en": "Household size", "fr": "Nombre de membres"},
        ),
        "used": Variable(name="used", labels={"fr": "Avez-vous utilisé un tel mécanisme ?"}),
        "nombre_jefe": Variable(name="nombre_jefe", labels={"es": "Nombre del jefe de hogar"}),
    }
    assert detect_identifiers(frame, variables) == {"nombre_jefe": "name"}


def test_timestamps_are_interview_dates_not_free_text() -> None:
    stamps = [f"2026-03-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00" for i in range(50)]
    frame = pd.DataFrame({"visit_time": stamps})
    assert detect_identifiers(frame, {}) == {"visit_time": "interview_date"}
