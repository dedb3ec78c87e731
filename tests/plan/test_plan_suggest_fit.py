"""What auto-suggest reads from answers and from the other inputs (issue 22): codes that count
on a ladder of levels, negations, a word that undoes the condition in any language, options of a
multiple choice, more specific inputs' words, and the confidence's features."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.library import load_library
from workbench.plan.suggest import choose, ranked_candidates, suggest
from workbench.plan.suggest_assign import contrast_words
from workbench.plan.suggest_codes import condition_codes
from workbench.plan.suggest_columns import InputText, is_residual_option
from workbench.plan.suggest_confidence import COEFFICIENTS, Features, confidence
from workbench.plan.suggest_text import tokens
from workbench.plan.suggest_values import ValueProfile

MISSING = {98.0: "Don't know", 99.0: "Refused to answer"}


def _codes(name: str, labels: dict[float, str], words: str) -> tuple:
    var = Variable(name, value_labels={**labels, **MISSING})
    return condition_codes(name, var, ValueProfile(), frozenset(tokens(words)))


def test_completed_reads_a_ladder_of_levels() -> None:
    """ "Completed primary" is the level that says it and every level above (DHS hv109 and the
    sample's edu_level), not "Some primary"."""
    sample = {0.0: "None", 1.0: "Some primary", 2.0: "Primary completed",
              3.0: "Lower secondary completed", 4.0: "Upper secondary completed",
              5.0: "Post-secondary"}  # fmt: skip
    dhs = {0.0: "no education", 1.0: "incomplete primary", 2.0: "complete primary",
           3.0: "incomplete secondary", 4.0: "complete secondary", 5.0: "higher"}  # fmt: skip
    assert _codes("completed_primary", sample, "completed primary") == (2, 3, 4, 5)
    assert _codes("completed_primary", dhs, "completed primary") == (2, 3, 4, 5)
    french = {1.0: "Aucun", 2.0: "Primaire achevé", 3.0: "Secondaire"}
    assert _codes("completed_primary", french, "completed primary") == ()  # no label says both


def test_a_negation_anywhere_before_the_word_undoes_it() -> None:
    labels = {1.0: "Aware of tracing services and used them", 2.0: "Aware but did not use them",
              3.0: "Not aware of tracing services"}  # fmt: skip
    assert _codes("aware_of_family_tracing", labels, "aware family tracing") == (1, 2)


def test_a_word_that_undoes_the_condition_in_any_language_or_code_rules_it_out() -> None:
    labels = {
        "flush_improved": "Flush latrine to a sewer",
        "flush_unimproved": "Flush latrine to the open",
        "pit_improved": "Pit latrine with slab",
        "pit_unimproved": "Pit latrine open/without slab",
    }
    var = Variable("latrine_type", value_labels=labels)
    var.value_labels_i18n = {"so": {"flush_unimproved": "Musqul", "pit_improved": "God"}}
    codes = condition_codes("improved_sanitation", var, ValueProfile())
    assert set(codes) == {"flush_improved", "pit_improved"}


def test_residual_options_and_contrast_words() -> None:
    assert is_residual_option("other") and is_residual_option("Autre")
    assert is_residual_option("dont_know") and not is_residual_option("gatekeepers")
    lib = load_library()
    texts = {n: InputText.of(i) for n, i in lib.inputs.items() if i.role != "parameter"}
    assert "origin" in contrast_words(texts)["location"]


def test_the_area_of_origin_is_not_the_location() -> None:
    """Two place questions, where the household lives and where it comes from: the location
    takes the current one, the origin the other."""
    n = 80
    rng = np.random.default_rng(5)
    frame = pd.DataFrame({
        "what_is_your_area_of_origin_oblast": rng.integers(1, 9, n).astype(float),
        "where_are_you_current_living_oblast": rng.integers(1, 9, n).astype(float),
    })  # fmt: skip
    ds = Dataset("hh", frame, {}, unit="household")
    for c in frame.columns:
        ds.variables[c].value_labels = {float(i): f"Oblast {i}" for i in range(1, 9)}
    sug = suggest(load_library(), {"hh": ds})
    loc, origin = sug.match("location"), sug.match("origin_location")
    assert loc is not None and loc.column == "where_are_you_current_living_oblast"
    assert origin is not None and origin.column == "what_is_your_area_of_origin_oblast"


def test_confidence_features_move_it_the_right_way() -> None:
    base = Features(evidence=0.8, margin=0.3, rival=0.0, text=1.0, shared=0.0, explained=1.0)
    assert confidence(base) > confidence(Features(**{**base.as_dict(), "option": 1.0}))
    assert confidence(base) > confidence(Features(**{**base.as_dict(), "cover": 0.3}))
    assert confidence(base) > confidence(Features(**{**base.as_dict(), "shared": 1.0}))
    assert confidence(base) > confidence(Features(**{**base.as_dict(), "named": 0.5}))
    assert set(COEFFICIENTS) == {"intercept", *base.as_dict()}


def test_every_candidate_carries_its_features() -> None:
    frame = pd.DataFrame({"hh_size": np.arange(40, dtype=float) % 7 + 1})
    ds = Dataset("hh", frame, {}, unit="household")
    _wg, ranked, _ = ranked_candidates(load_library(), ds, None)
    (cand,) = [c for c in ranked["household_size"] if c.column.name == "hh_size"]
    assert cand.same_unit and cand.cover == 1.0 and cand.fit == 1.0


def test_a_column_that_says_one_word_of_the_input_is_less_sure() -> None:
    """Evidence that a survey lacks an input (issue 22): a column sharing one topic word of the
    input's name ("sleep" of sleeping rooms in "went to sleep hungry") says half of it, and its
    confidence is lower than a column saying the whole name with the same other evidence; the
    answers count (DHS hv109's "Complete primary" says completed primary)."""
    n = 60
    frame = pd.DataFrame({"sleep_hungry": np.arange(n) % 2, "rooms_sleeping": np.arange(n) % 4 + 1,
                          "edu_attain": np.arange(n) % 3})  # fmt: skip
    variables = {
        "sleep_hungry": Variable("sleep_hungry", label="Did anyone go to sleep hungry?",
                                 value_labels={0.0: "No", 1.0: "Yes"}),
        "rooms_sleeping": Variable("rooms_sleeping", label="Rooms used for sleeping"),
        "edu_attain": Variable("edu_attain", label="Educational attainment",
                               value_labels={0.0: "No education", 1.0: "Incomplete primary",
                                             2.0: "Complete primary"}),
    }  # fmt: skip
    ds = Dataset("hh", frame, variables, unit="household")
    lib = load_library()
    _wg, ranked, _ = ranked_candidates(lib, ds, None)
    choose(lib, ranked)  # the confidences and their features
    by_col = {c.column.name: c for c in ranked["sleeping_rooms"]}
    assert by_col["sleep_hungry"].named == 0.5 and by_col["rooms_sleeping"].named == 1.0
    (edu,) = [c for c in ranked["completed_primary"] if c.column.name == "edu_attain"]
    assert edu.named == 1.0
    half = by_col["sleep_hungry"].features
    assert half is not None
    assert confidence(half) < confidence(Features(**{**half.as_dict(), "named": 1.0}))
