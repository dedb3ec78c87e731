"""The known truth of Freedonia: sensible margins, and the bundled sample's estimates cover it."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sample_testkit import share_and_se

from workbench.paths import sample_dir
from workbench.sample import generate
from workbench.sample.generate import FreedoniaSample
from workbench.sample.indicators import OBSERVERS, observe
from workbench.sample.truth import INDICATORS, truth_dict


@pytest.fixture(scope="module")
def bundled() -> FreedoniaSample:
    return generate()  # the default size and seed: the bundled sample


def test_every_truth_indicator_has_an_executable_definition() -> None:
    assert set(OBSERVERS) == {i.id for i in INDICATORS}


def test_truth_is_a_proper_share_and_independent_of_the_sample() -> None:
    t = truth_dict()
    for key, ind in t["indicators"].items():
        for g, v in ind["value"].items():
            assert 0.0 < v < 1.0, (key, g)
    assert generate(300, seed=1).truth["indicators"] == t["indicators"]


def test_camps_worse_than_hosts_on_most_better_on_one_equal_on_some() -> None:
    vs = {k: v["vs_host"]["1"] for k, v in truth_dict()["indicators"].items() if "vs_host" in v}
    worse = [k for k, a in vs.items() if a == "worse"]
    assert len(worse) >= 0.75 * len(vs)
    assert vs["improved_water"] == "better"
    assert vs["community_participation"] == "equal" and vs["health_access"] == "equal"
    for key in ("food_insecure", "national_id", "unemployment_rate", "movement_restricted",
                "below_poverty_line", "birth_registered_u5", "primary_attendance"):  # fmt: skip
        assert vs[key] == "worse", key
    t = truth_dict()["indicators"]
    assert t["food_insecure"]["value"]["1"] - t["food_insecure"]["value"]["4"] > 0.25
    assert t["national_id"]["value"]["4"] - t["national_id"]["value"]["1"] > 0.3


def test_bundled_truth_json_is_the_generators(bundled: FreedoniaSample) -> None:
    path = sample_dir() / "truth.json"
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(json.dumps(bundled.truth))


@pytest.mark.slow
def test_design_based_estimates_cover_the_truth(bundled: FreedoniaSample) -> None:
    zs = []
    for ind in INDICATORS:
        obs = observe(bundled, ind.id)
        for g in ind.groups:
            est, se, n = share_and_se(obs, float(g))
            truth = ind.value(g)
            assert n >= 100, (ind.id, g, n)
            if se == 0.0:  # a degenerate cell (every camp household lacks adequate housing)
                assert abs(est - truth) < 0.01, (ind.id, g)
                continue
            z = (est - truth) / se
            assert abs(z) < 4.0, (ind.id, g, est, truth, se)
            zs.append(z)
    coverage = float(np.mean(np.abs(np.array(zs)) < 1.96))
    assert coverage >= 0.85, coverage


def test_weighted_and_unweighted_results_differ(bundled: FreedoniaSample) -> None:
    obs = observe(bundled, "national_id")
    valid = obs[obs["universe"] & (obs["pop_group"] != 99)]
    unweighted = valid["y"].mean()
    weighted = np.average(valid["y"], weights=valid["weight"])
    assert weighted - unweighted > 0.05
