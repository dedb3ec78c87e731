"""The household key and the member file's link, found from the data (plan/suggest_link.py),
and what auto-suggest says about the household id from them (issue 22, design from data)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.dataset_model import Dataset
from workbench.library import load_library
from workbench.plan.suggest import suggest
from workbench.plan.suggest_columns import InputText, generic_pairs, profile_columns
from workbench.plan.suggest_link import link_keys
from workbench.plan.suggest_text import tokens


def _kobo_pair(n: int = 60) -> tuple[Dataset, Dataset]:
    """A Kobo export whose submission number equals the row number (both unique, both a
    possible target of the roster's ``_parent_index``), a device id that is unique too."""
    rng = np.random.default_rng(3)
    hh = pd.DataFrame({
        "deviceid": [f"dev{i}" for i in range(n)],
        "_uuid": np.arange(1, n + 1, dtype=float),
        "_index": np.arange(1, n + 1, dtype=float),
        "water_source": rng.integers(1, 5, n).astype(float),
    })  # fmt: skip
    sizes = rng.integers(1, 6, n)
    members = pd.DataFrame({
        "_parent_index": np.repeat(np.arange(1, n + 1), sizes).astype(float),
        "age_member": rng.integers(0, 90, sizes.sum()).astype(float),
    })  # fmt: skip
    return Dataset("hh", hh, {}, unit="household"), Dataset("members", members, {}, "individual")


def test_link_follows_the_roster_and_agreeing_names() -> None:
    hh, members = _kobo_pair()
    link = link_keys(hh, members)
    assert (link.household_key, link.individual_key, link.how) == (
        "_index", "_parent_index", "roster"
    )  # fmt: skip


def test_without_a_roster_the_submission_id_is_the_key() -> None:
    hh, _ = _kobo_pair()
    link = link_keys(hh, None)
    assert (link.household_key, link.individual_key, link.how) == ("_uuid", None, "submission")


def test_a_repeating_column_is_never_the_household_key() -> None:
    hh, members = _kobo_pair()
    hh.frame["_index"] = hh.frame["_index"] // 2  # not unique any more
    hh.frame["_uuid"] = hh.frame["_uuid"] // 2
    link = link_keys(hh, members)
    assert link.household_key not in ("_index", "_uuid")
    assert link.individual_key != "_parent_index"


def test_a_member_column_of_other_values_is_not_the_link() -> None:
    hh, members = _kobo_pair()
    members.frame["_parent_index"] = members.frame["_parent_index"] + 1000
    assert link_keys(hh, members).individual_key is None


def test_suggest_names_the_household_id_the_data_show() -> None:
    hh, members = _kobo_pair()
    sug = suggest(load_library(), {"hh": hh, "members": members})
    m = sug.match("household_id")
    assert m is not None and m.column == "_index" and m.status == "accepted"
    assert "_parent_index" in str(m.reason)
    assert m.candidates[0].column == "_index"
    links = sug.plan.datasets
    assert (links.household_key, links.individual_key) == ("_index", "_parent_index")


def test_generic_words_side_by_side_make_a_key() -> None:
    """ "Number of household members" shares no specific word with household size, but its
    generic words next to each other do; the pair is read in either order."""
    spanish = generic_pairs([tokens("miembros del hogar")])
    assert spanish and spanish <= generic_pairs([tokens("number of household members")])
    assert not generic_pairs([tokens("household water source")])  # water is not generic
    inp = InputText.of(load_library().inputs["household_size"])
    frame = pd.DataFrame({"hv009": np.arange(1, 41, dtype=float) % 9 + 1})
    ds = Dataset("hr", frame, {}, unit="household")
    ds.variables["hv009"].label = "number of household members"
    (prof,) = profile_columns(ds, "household")
    assert inp.keys & prof.keys


def test_a_category_input_prefers_answers_that_name_its_values() -> None:
    """ "Where do you intend to live" answered stay / return / elsewhere fits the settlement
    preference; a list of villages does not, whatever its name says."""
    from workbench.dataset_model import Variable
    from workbench.plan.suggest_codes import category_fit

    values = ("stay", "return", "elsewhere")
    labels = {1: "Stay here", 2: "Return to area of origin", 3: "Move elsewhere"}
    intent = Variable("intent", value_labels=labels)
    villages = Variable("village", value_labels={i: f"Village {i}" for i in range(1, 30)})
    assert category_fit(intent, values, {}) > 1.0  # every value named
    two = Variable("intent", value_labels={1: "Stay here", 2: "Return home", 3: "Undecided"})
    assert category_fit(two, values, {}) == 1.0
    assert category_fit(villages, values, {}) < 0.5
    assert category_fit(Variable("x"), values, {}) == 1.0  # nothing to judge
