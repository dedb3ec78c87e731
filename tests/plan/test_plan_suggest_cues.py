"""What a column's values alone say (plan/suggest_cues.py, issue 22 session 4): opaque names
mapped from their answers, units in labels, answers that contradict an input, and the rules that
keep such suggestions in review."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.library import load_library
from workbench.plan.model import InputMapping
from workbench.plan.suggest import Match, Offer, _needs_codes, suggest
from workbench.plan.suggest_columns import InputText, profile_columns
from workbench.plan.suggest_cues import CONTRA, CueContext, says_count, unit_of, value_cue
from workbench.plan.suggest_why import part, reason


def _opaque(n: int = 120) -> dict[str, Dataset]:
    """A profiling export whose names say nothing (``v1`` … ``v9``): answers as text, a year, a
    household count equal to the member rows, a household number the member file repeats."""
    rng = np.random.default_rng(7)
    sizes = rng.integers(1, 8, n)
    groups = ["Host community", "Displaced from the north", "Displaced from the south"]
    hh = pd.DataFrame({
        "v1": rng.choice(groups, n),
        "v2": rng.integers(1990, 2016, n).astype(float),
        "v3": sizes.astype(float),
        "v4": rng.choice(["Yes", "No"], n),
        "v5": rng.integers(1, 5, n).astype(float),
        "v9": np.arange(1, n + 1) * 10 + 3.0,
    })  # fmt: skip
    m = int(sizes.sum())
    members = pd.DataFrame({
        "v9": np.repeat(hh["v9"].to_numpy(), sizes),
        "v6": rng.choice(["Female", "Male"], m),
        "v7": rng.integers(0, 90, m).astype(float),
        "v8": rng.choice(["Yes", "No", "Don't know"], m),
    })  # fmt: skip
    return {
        "hh": Dataset("hh", hh, {}, unit="household"),
        "members": Dataset("members", members, {}, unit="individual"),
    }


def test_opaque_names_are_mapped_from_their_values_and_kept_for_review() -> None:
    sug = suggest(load_library(), _opaque(), "t")
    expect = {"population_group": "v1", "displacement_year": "v2", "household_size": "v3",
              "sex": "v6", "age": "v7"}  # fmt: skip
    for name, column in expect.items():
        m = sug.match(name)
        assert m is not None and m.column == column, (name, m)
        assert m.status != "accepted", name  # values alone: the user confirms
        assert "values:" in str(m.reason), m.reason
    key = sug.match("household_id")
    assert key is not None and (key.column, key.status) == ("v9", "accepted")
    assert sug.plan.datasets.household_key == "v9"
    assert sug.plan.datasets.individual_key == "v9"
    assert "member rows" in str(sug.match("household_size").reason)  # type: ignore[union-attr]
    # a yes/no answer says nothing about which condition it is
    assert all(m.status != "accepted" for m in sug.matches if m.column in ("v4", "v8"))


def test_units_in_a_label_say_a_number_is_not_a_count_of_people() -> None:
    n = 80
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({
        "nfi_5_taille_abri": rng.integers(1, 9, n).astype(float),
        "ig_6_hh_membres_tot": rng.integers(1, 9, n).astype(float),
    })  # fmt: skip
    variables = {
        "nfi_5_taille_abri": Variable(
            "nfi_5_taille_abri", label="Taille moyenne des abris (en m2)"
        ),
        "ig_6_hh_membres_tot": Variable(
            "ig_6_hh_membres_tot", label="Nombre de personnes dans le ménage"
        ),
    }
    ds = Dataset("hh", frame, variables, unit="household")
    shelter, members = profile_columns(ds, "household")
    assert (unit_of(shelter), unit_of(members)) == ("area", None)
    # an XLSForm reference "${hh_membres}" is not a dollar amount
    members.var.label = "PERSONNE ${hh_membres}: Quel est l'âge de cette personne ?"
    assert unit_of(members) is None
    m = suggest(load_library(), {"hh": ds}, "t").match("household_size")
    assert m is not None and m.column == "ig_6_hh_membres_tot"
    shelter_offer = next((o for o in m.candidates if o.column == "nfi_5_taille_abri"), None)
    assert shelter_offer is None or shelter_offer.confidence < m.confidence


def test_answers_that_say_something_else_contradict_the_input() -> None:
    library = load_library()
    frame = pd.DataFrame({"hosting_idp": ["Yes", "No", "No", "Yes"] * 10})
    var = Variable("hosting_idp", label="Are you hosting internally displaced persons?")
    ds = Dataset("hh", frame, {"hosting_idp": var}, unit="household")
    (col,) = profile_columns(ds, "household")
    group = InputText.of(library.inputs["population_group"])
    assert value_cue(group, col, CueContext())[0] == CONTRA
    m = suggest(library, {"hh": ds}, "t").match("population_group")
    assert m is None or m.status != "accepted"


def test_the_respondents_sex_is_not_the_members_sex() -> None:
    frame = pd.DataFrame({"resp_gender": ["Female", "Male"] * 30})
    var = Variable("resp_gender", label="What is the gender of the respondent?")
    ds = Dataset("hh", frame, {"resp_gender": var}, unit="household")
    m = suggest(load_library(), {"hh": ds}, "t").match("sex")
    assert m is not None and m.column == "resp_gender" and m.status != "accepted"


def test_a_condition_without_codes_that_count_waits_for_the_user() -> None:
    library = load_library()
    name = reason(part("plan.why_name", column="doc"))
    no_codes = InputMapping("has_tenure_document", "household", "doc", true_codes=())
    offer = Offer("doc", "household", 0.9, name, no_codes)
    m = Match("has_tenure_document", "household", "doc", 0.9, name, "accepted", (offer,))
    assert _needs_codes(m, library).status == "review"
    coded = InputMapping("has_tenure_document", "household", "doc", true_codes=("1",))
    ready = Match("has_tenure_document", "household", "doc", 0.9, name, "accepted",
                  (Offer("doc", "household", 0.9, name, coded),))  # fmt: skip
    assert _needs_codes(ready, library).status == "accepted"


def test_a_question_asking_for_a_number_is_not_a_yes_no_fact() -> None:
    """ "# de empleos" (number of jobs) answered 1 or 2 is not self-employment or farming."""
    n = 60
    frame = pd.DataFrame({"nempleos_ci": np.tile([1.0, 2.0], n // 2),
                          "emp_ci": np.tile([0.0, 1.0], n // 2)})  # fmt: skip
    variables = {"nempleos_ci": Variable("nempleos_ci", label="# de empleos"),
                 "emp_ci": Variable("emp_ci", label="Ocupado")}  # fmt: skip
    ds = Dataset("ind", frame, variables, unit="individual")
    jobs, employed = profile_columns(ds, "individual")
    assert says_count(jobs) and not says_count(employed)
    for label in ("Number of meals yesterday", "¿Cuántas personas?", "Nombre de pièces", "عدد"):
        jobs.var.label = label
        assert says_count(jobs), label


def test_value_cues_that_would_mislead_stay_silent() -> None:
    """Cluster numbers 1-90 on household rows are not an age; a list whose answers only undo a
    condition (services, trade …) is not an industry of agriculture."""
    library = load_library()
    frame = pd.DataFrame({"hv001": np.arange(1, 91, dtype=float),
                          "services": ["Trade", "Services", "Construction"] * 30})  # fmt: skip
    ds = Dataset("hh", frame, {}, unit="household")
    cluster, services = profile_columns(ds, "household")
    age = InputText.of(library.inputs["age"])
    farming = InputText.of(library.inputs["works_in_agriculture"])
    assert value_cue(age, cluster, CueContext())[0] == 0.0
    assert value_cue(farming, services, CueContext())[0] == 0.0
    services.unit = "individual"
    cluster.unit = "individual"
    assert value_cue(age, cluster, CueContext())[0] > 0  # in the member file: an age
