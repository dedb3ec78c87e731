"""Keyword-based suggestion of named inputs for dataset columns, in four languages."""

from __future__ import annotations

import pytest

from workbench.library import load_library, suggest_inputs
from workbench.library.suggest import normalise


@pytest.fixture(scope="module")
def lib():
    return load_library()


def test_library_suggest_normalise() -> None:
    assert normalise("Sécurité_Nocturne-2") == ("securite", "nocturne", "2")
    assert normalise("¿Se siente SEGURO?") == ("se", "siente", "seguro")
    assert normalise("الأَمان") == ("الامان",)  # short vowel and hamza seat folded


@pytest.mark.parametrize(
    "name, labels, expected",
    [
        (
            "safe_walk",
            "How safe do you feel walking alone in your area after dark?",
            "feels_safe_walking_alone",
        ),
        (
            "q12",
            {"fr": "Vous sentez-vous en sécurité en marchant seul la nuit ?"},
            "feels_safe_walking_alone",
        ),
        ("p5", "¿Tiene partida de nacimiento?", "has_birth_certificate"),
        ("v3", "هل لدى الأسرة حساب مصرفي؟", "has_bank_account"),
        ("sexe", None, "sex"),
        ("HH_SIZE", None, "household_size"),
        (
            "work_7d",
            "In the past 7 days, did [name] work for at least one hour?",
            "worked_past_7_days",
        ),
        ("toilet_type", "Type of toilet facility", "improved_sanitation"),
    ],
)
def test_library_suggest_finds_input(lib, name, labels, expected) -> None:
    best = suggest_inputs(lib, name, labels, top=1)
    assert best and best[0].input == expected, best


def test_library_suggest_filters_and_whole_words(lib) -> None:
    only_hh = suggest_inputs(lib, "safe_walk", "feel safe walking alone", unit="household")
    assert all(lib.inputs[m.input].unit == "household" for m in only_hh)
    numbers = suggest_inputs(lib, "age", None, kinds=["condition"])
    assert all(lib.inputs[m.input].kind == "condition" for m in numbers)
    assert suggest_inputs(lib, "validity", None) == [] or all(
        m.matched != "id" for m in suggest_inputs(lib, "validity", None)
    )
    assert suggest_inputs(lib, "zzqx_17", "qwerty") == []
    assert not any(
        m.input == "weight" for m in suggest_inputs(lib, "weight", None, include_core=False)
    )


def test_library_suggest_ranks_more_evidence_higher(lib) -> None:
    ranked = suggest_inputs(
        lib, "look_work", "In the past 4 weeks, did [name] look for work?", top=3
    )
    assert ranked[0].input == "looked_for_work"
    assert ranked[0].score >= ranked[-1].score
