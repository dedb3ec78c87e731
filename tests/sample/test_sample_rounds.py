"""The Freedonia follow-up round: panel subset, known truth of change, questionnaire changes."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from workbench.paths import sample_dir
from workbench.sample import generate
from workbench.sample.round2 import PANEL_SHARE, generate_rounds, truth_of_changes


@pytest.fixture(scope="module")
def rounds() -> tuple:
    return generate_rounds(1200, seed=7)


def test_baseline_is_the_one_round_sample(rounds: tuple) -> None:
    base, _ = rounds
    alone = generate(1200, seed=7)
    pd.testing.assert_frame_equal(base.household, alone.household)
    pd.testing.assert_frame_equal(base.individuals, alone.individuals)


def test_follow_up_revisits_the_eas_with_a_panel(rounds: tuple) -> None:
    base, follow = rounds
    hb, hf = base.household.drop_duplicates("hh_id"), follow.household
    assert hf["hh_id"].is_unique
    assert set(hf["ea_id"]) == set(hb["ea_id"])
    shared = set(hf["hh_id"]) & set(hb["hh_id"])
    assert abs(len(shared) / len(hb) - PANEL_SHARE) < 0.05
    same = hb.set_index("hh_id").loc[sorted(shared)]
    again = hf.set_index("hh_id").loc[sorted(shared)]
    assert (same["ea_id"] == again["ea_id"]).all() and (same["stratum"] == again["stratum"]).all()
    # the frame changed: camps shrink by a quarter, returnees grow by a third
    ratio = hf.groupby("pop_group")["weight"].sum() / hb.groupby("pop_group")["weight"].sum()
    assert ratio[1.0] == pytest.approx(0.75, abs=0.03)
    assert ratio[3.0] == pytest.approx(1.35, abs=0.05)


def test_questionnaire_changed(rounds: tuple) -> None:
    _, follow = rounds
    assert "national_id_card" in follow.individuals and "national_id" not in follow.individuals
    assert "national_id_card" in follow.individual_variables
    water = follow.household["water_source"]
    assert (water == 10).sum() > 0
    assert follow.household_variables["water_source"].value_labels[10.0].startswith("Bottled")


def test_truth_of_change_has_closing_and_widening_gaps() -> None:
    ch = truth_of_changes()
    # documentation closes the camps' gap (higher is better: the gap g − host rises toward 0)
    assert ch["national_id"]["gap_change"]["1"] > 0.15
    assert ch["birth_registered_u5"]["gap_change"]["1"] > 0.1
    # unemployment in camps widens (higher is worse: the gap grows)
    assert ch["unemployment_rate"]["gap_change"]["1"] > 0.08
    assert ch["food_insecure"]["gap_change"]["1"] == pytest.approx(0.0, abs=1e-12)


def test_follow_up_estimates_track_the_truth(rounds: tuple) -> None:
    """Weighted shares of the follow-up near its truth (national ID, aged 16+, camps)."""
    _, follow = rounds
    ind, hh = follow.individuals, follow.household
    m = ind.merge(hh[["hh_id", "weight", "pop_group"]], on="hh_id")
    m = m[(m["age"] >= 16) & m["national_id_card"].isin([0, 1])]
    camps = m[m["pop_group"] == 1]
    share = np.average(camps["national_id_card"], weights=camps["weight"])
    assert share == pytest.approx(0.74, abs=0.05)


def test_bundled_truth_of_rounds() -> None:
    d = json.loads((sample_dir() / "truth_rounds.json").read_text(encoding="utf-8"))
    assert [r["label"] for r in d["rounds"]] == ["Baseline 2024", "Follow-up 2026"]
    assert d["changes"]["national_id"]["gap_change"]["1"] > 0.15
    assert d["questionnaire_changes"]["renamed"]["to"] == "national_id_card"
