"""The Freedonia generator: determinism, design, skip patterns, codes, identifiers, mess."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbench.errors import WorkbenchError
from workbench.sample import codebook, generate
from workbench.sample.generate import FreedoniaSample


@pytest.fixture(scope="module")
def sample() -> FreedoniaSample:
    return generate(1200, seed=7)


def test_same_seed_same_frames_other_seed_other_frames(sample: FreedoniaSample) -> None:
    again = generate(1200, seed=7)
    pd.testing.assert_frame_equal(sample.household, again.household)
    pd.testing.assert_frame_equal(sample.individuals, again.individuals)
    other = generate(1200, seed=8)
    assert not sample.household["weight"].equals(other.household["weight"])
    assert not sample.individuals["age"].equals(other.individuals["age"])


def test_frames_follow_the_codebook(sample: FreedoniaSample) -> None:
    assert list(sample.household.columns) == codebook.column_names("household")
    assert list(sample.individuals.columns) == codebook.column_names("individual")
    assert len(sample.household) == 1200
    assert 4.0 < len(sample.individuals) / len(sample.household) < 6.0
    assert sample.household["hh_id"].is_unique
    assert set(sample.individuals["hh_id"]) == set(sample.household["hh_id"])
    sizes = sample.individuals.groupby("hh_id").size()
    hh = sample.household.set_index("hh_id")["hh_size"]
    assert (sizes.reindex(hh.index) == hh).all()
    assert str(sample.household["resp_name"].dtype) == "str"
    assert sample.household["interview_start"].dtype.kind == "M"
    hh_ds, ind_ds = sample.datasets()
    assert ind_ds.parent == hh_ds.name and ind_ds.parent_key == "hh_id"


def test_design_strata_psus_and_weights_vary(sample: FreedoniaSample) -> None:
    hh = sample.household
    assert hh["stratum"].nunique() == 13
    assert set(hh["pop_group"].unique()) <= {1.0, 2.0, 3.0, 4.0, 99.0}
    assert (hh["stratum"] % 10 == hh["pop_group"]).mean() > 0.98
    assert (hh.groupby("stratum")["ea_id"].nunique() >= 2).all()
    assert (hh.groupby("stratum")["weight"].nunique() > 1).all(), "weights vary within strata"
    assert (hh.groupby("ea_id")["stratum"].nunique() == 1).all()
    assert (hh.groupby("stratum")["fpc_ea"].nunique() == 1).all()
    assert (
        hh.groupby("stratum")["ea_id"].nunique() <= hh.groupby("stratum")["fpc_ea"].first()
    ).all()
    host = hh[hh["pop_group"] != 99]
    unweighted = (host["pop_group"] == 4).mean()
    weighted = np.average(host["pop_group"] == 4, weights=host["weight"])
    assert weighted - unweighted > 0.2, "camps and returnees are oversampled"


def test_skip_patterns_hold(sample: FreedoniaSample) -> None:
    # the households planted with problems for the data checks break them on purpose
    planted = [i for ids in sample.meta["planted"].values() for i in ids]
    assert planted
    hh, ind = sample.household, sample.individuals
    hh = hh[~hh["hh_id"].isin(planted)]
    host = hh["pop_group"].isin([4.0, 99.0])
    for col in ("disp_year", "hlp_left", "hlp_docs", "docs_lost", "settle_pref", "settle_cond"):
        assert hh.loc[host, col].isna().all(), col
    assert hh.loc[hh["pop_group"] == 3, "settle_pref"].isna().all()
    assert hh.loc[hh["pop_group"] != 3, "return_year"].isna().all()
    assert hh.loc[hh["hlp_left"] != 1, "hlp_docs"].isna().all()
    assert hh.loc[hh["hlp_left"] == 1, "hlp_docs"].notna().all()
    assert hh.loc[hh["hlp_claim"] != 1, "hlp_claim_status"].isna().all()
    assert hh.loc[hh["family_sep"] != 1, ["n_separated", "tracing"]].isna().all().all()
    assert hh.loc[hh["settle_cond_other"] != 1, "settle_cond_specify"].isna().all()
    assert hh.loc[hh["settle_cond_other"] == 1, "settle_cond_specify"].notna().all()
    young = ind["age"] < 15
    for col in ("work_7d", "work_absent", "look_work", "avail_work"):
        assert ind.loc[young, col].isna().all(), col
    assert ind.loc[~young, "work_7d"].notna().all()
    assert ind.loc[ind["work_7d"] != 0, "work_absent"].isna().all()
    school = ind["age"].between(6, 17)
    assert ind.loc[~school, "school_attend"].isna().all()
    assert ind.loc[school, "school_attend"].notna().all()
    assert ind.loc[ind["age"] >= 5, "birth_registered"].isna().all()
    assert ind.loc[ind["age"] < 16, "national_id"].isna().all()
    assert ind.loc[ind["age"] < 18, ["voted", "community_part"]].isna().all().all()
    assert ind.loc[ind["age"] < 5, "wg_seeing"].isna().all()
    assert ind.loc[ind["health_need"] != 1, "health_access"].isna().all()


def test_select_multiple_summary_matches_option_columns(sample: FreedoniaSample) -> None:
    hh = sample.household
    for q in ("settle_cond", "move_restrict_type", "hlp_type"):
        opts = [
            c.option for c in codebook.columns("household") if c.question.name == q and c.option
        ]
        asked = hh[f"{q}_{opts[0]}"].notna()
        assert (hh.loc[~asked, q].isna()).all()
        for i in np.flatnonzero(asked.to_numpy())[:200]:
            row = hh.iloc[i]
            chosen = [o for o in opts if row[f"{q}_{o}"] == 1]
            assert row[q].split(" ") == chosen
            assert chosen, "at least one option is selected"


def test_dont_know_and_refused_codes_appear_only_where_asked(sample: FreedoniaSample) -> None:
    hh, ind = sample.household, sample.individuals
    assert (hh["safe_walk"] == 98).sum() > 0 and (hh["safe_walk"] == 99).sum() > 0
    assert (hh["income_month"] >= 999998).sum() > 0
    assert (hh["disp_year"] >= 9998).sum() > 0
    assert (ind["national_id"].isin([98, 99])).sum() > 0
    for col in ("sex", "age", "relation", "hh_size", "weight", "stratum"):
        frame = ind if col in ind.columns else hh
        assert not frame[col].isin([98, 99]).any() or col == "age", col
    assert (hh["pop_group"] == 99).sum() >= 1


def test_fake_identifiers_present_and_fictional(sample: FreedoniaSample) -> None:
    hh = sample.household
    refused = hh["hh_id"].isin(sample.meta["planted"]["no_consent"])
    assert hh.loc[refused, ["resp_name", "resp_phone", "hh_gps_lat"]].isna().all().all()
    hh = hh[~refused]  # the planted household without consent was asked none of them
    assert hh["resp_name"].str.match(r"^[A-Z][a-z]+ [A-Z][a-z]+$").all()
    assert hh["resp_phone"].str.match(r"^\+999 55 0\d\d \d{4}$").all()
    assert hh["hh_gps_lat"].between(-50, -44).all() and hh["hh_gps_lon"].between(-31, -25).all()
    assert hh["submitted_by"].str.startswith("enum_").all()
    assert (
        hh["kobo_uuid"]
        .str.match(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$")
        .all()
    )
    assert (hh["interview_end"] > hh["interview_start"]).all()
    assert (hh["submission_time"] > hh["interview_end"]).all()
    assert sample.individuals["member_name"].notna().all()


def test_inconsistent_ages_are_planted(sample: FreedoniaSample) -> None:
    ind = sample.individuals
    heads = ind[ind["relation"] == 1]
    assert (heads["age"] < 15).sum() >= 1
    assert (ind["age"] > 110).sum() >= 1


def test_too_small_a_sample_is_a_clear_error() -> None:
    with pytest.raises(WorkbenchError, match="at least"):
        generate(20)
