"""The bundled library's content: validates clean, counts, IRIS coverage, codes, evaluability."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from workbench import paths
from workbench.languages import with_catalogue
from workbench.library import load_library, validate_library
from workbench.library.model import STATISTICS
from workbench.library.schema import json_schema
from workbench.plan.indicators import indicator_spec

CONFIRMED_CODES = {"DS 1.4.1", "DS 2.1.2", "DS 2.1.8", "DS 2.1.12", "DS 3.2.4", "DS 5.1.1"}
#: the IRIS proposed indicator per sub-criterion (iris-indicator-implementation-4-surveys.csv)
IRIS_PROPOSED = {
    "1.1": ("sdg", "16.1.4"),
    "1.2": ("code", "DS 1.4.1"),
    "2.1": ("sdg", "2.1.2"),
    "2.2": ("sdg", "11.1.1"),
    "2.3": ("code", "DS 2.1.8"),
    "2.4": ("sdg", "4.1.2"),
    "3.1": ("sdg", "8.5.2"),
    "3.2": ("code", "DS 3.2.2"),
    "4.1": ("sdg", "1.4.2"),
    "5.1": ("code", "DS 5.1.1"),
}
#: inputs no bundled indicator reads, kept for contextualisation (named in indicator notes)
UNREAD_INPUTS = {"below_poverty_line", "has_other_personal_id"}


@pytest.fixture(scope="module")
def lib():
    return load_library()


def test_library_content_validates_clean_in_four_languages(lib) -> None:
    # not even info: every text of the bundled library exists in all four languages
    assert [f.text() for f in validate_library(lib)] == []


def test_library_content_counts(lib) -> None:
    assert len(lib.indicators) >= 60
    per = Counter(i.criterion for i in lib.indicators)
    for c in "12345678":
        assert per[c] >= 3, c
    assert per["A"] >= 3 and per["B"] >= 3
    assert [c.id for c in lib.criteria] == list("12345678")
    assert [m.id for m in lib.modules] == ["A", "B"]
    assert {i.statistic for i in lib.indicators} == set(STATISTICS)
    assert {i.unit for i in lib.indicators} == {"individual", "household"}


def test_library_content_iris_recommended_and_alternative(lib) -> None:
    for sub in lib.iris_subcriteria:
        rec = lib.by_iris(sub.id, "recommended")
        alt = lib.by_iris(sub.id, "alternative")
        assert len(rec) == 1 and alt, sub.id
        kind, value = IRIS_PROPOSED[sub.id]
        assert getattr(rec[0], kind) == value, sub.id
        assert all(i.criterion == sub.criterion for i in rec + alt), sub.id


def test_library_content_codes(lib) -> None:
    confirmed = {i.code for i in lib.indicators if i.code_confirmed}
    assert confirmed == CONFIRMED_CODES
    for ind in lib.indicators:
        if ind.code and ind.code not in CONFIRMED_CODES:
            assert not ind.code_confirmed, ind.id
        if ind.code_confirmed:
            assert ind.id.startswith("ds_" + ind.code[3:].replace(".", "_")), ind.id


def test_library_content_sources(lib) -> None:
    for ind in lib.indicators:
        assert ind.source_note, ind.id
        if ind.criterion in ("6", "7", "8", "A", "B"):
            assert ind.source == "workbench", ind.id
    assert {i.source for i in lib.indicators} == {"library", "sdg", "iris-mapping", "workbench"}


def test_library_content_translations_complete_for_titles(lib) -> None:
    for ind in lib.indicators:
        for lang in with_catalogue("library"):
            assert not lib.text(ind, "title", lang)[1], (ind.id, lang)
            assert not lib.text(ind, "definition", lang)[1], (ind.id, lang)
    for inp in lib.inputs.values():
        assert set(inp.keywords) == set(with_catalogue("library")), inp.name
        assert all(inp.keywords[lang] for lang in inp.keywords), inp.name


def test_library_content_every_input_is_read(lib) -> None:
    read = set().union(*(i.inputs for i in lib.indicators))
    unread = {n for n, v in lib.inputs.items() if not v.core} - read
    assert unread == UNREAD_INPUTS
    notes = " ".join(i.notes("en") for i in lib.indicators)
    assert all(name in notes for name in UNREAD_INPUTS)
    core_roles = {v.role for v in lib.core_inputs.values()}
    assert {"weight", "stratum", "psu", "group", "disaggregation"} <= core_roles


def test_library_content_schema_file_in_sync() -> None:
    on_disk = json.loads((paths.library_dir() / "schema.json").read_text(encoding="utf-8"))
    assert on_disk == json_schema(), (
        "run: workbench library schema --out indicator_library/schema.json"
    )


def test_library_content_files_small() -> None:
    for path in (paths.library_dir() / "indicators").glob("*.toml"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 800, path.name


def _synthetic(lib, n: int = 400) -> dict[str, object]:
    rng = np.random.default_rng(7)
    env: dict[str, object] = {}
    for name, inp in lib.inputs.items():
        if inp.kind == "condition":
            vals = rng.choice([0.0, 1.0, np.nan], size=n, p=[0.45, 0.45, 0.1])
            env[name] = pd.Series(vals)
        elif inp.kind == "number":
            env[name] = pd.Series(rng.integers(0, 80, size=n).astype(float))
        else:
            choices = list(inp.values) or ["1", "2"]
            env[name] = pd.Series(rng.choice(choices, size=n), dtype=object)
    env["age"] = pd.Series((np.arange(n) % 80).astype(float))  # every age from 0 to 79
    env["poverty_line"] = 40.0
    return env


def test_library_content_every_indicator_evaluates(lib) -> None:
    env = _synthetic(lib)
    for ind in lib.indicators:
        cols = ind.evaluate({k: env[k] for k in ind.inputs})
        values = cols[ind.id]
        assert values.dtype == np.float64 and len(values) == 400, ind.id
        if ind.statistic == "proportion":
            assert set(values.dropna().unique()) <= {0.0, 1.0}, ind.id
            assert values.notna().any(), ind.id
        if ind.statistic == "ratio":
            assert f"{ind.id}__den" in cols, ind.id
        spec = indicator_spec(ind, "ar")
        assert spec.id == ind.id and spec.title


def test_library_content_household_definitions_say_households(lib) -> None:
    """Issue 20 (en_A 10, fr_A 6): "Share of the target population…" beside "Unit: households"
    (FIES, unable to pay, borrowed, sustainable income); en_B 5: "children aged 3 to 5 years
    above the intended age" read as children aged 3 to 5."""
    people = {"en": "target population", "fr": "cible", "es": "objetivo", "ar": "المستهدف"}
    for ind in lib.indicators:
        if ind.unit != "household":
            continue
        for lang, word in people.items():
            assert word not in lib.text(ind, "definition", lang)[0], (ind.id, lang)
    (primary,) = [i for i in lib.indicators if "aged 3 to 5" in lib.text(i, "definition", "en")[0]
                  or "3 to 5 years older" in lib.text(i, "definition", "en")[0]]  # fmt: skip
    assert "3 to 5 years older than the official age" in lib.text(primary, "definition", "en")[0]
