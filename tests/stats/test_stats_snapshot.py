"""The run snapshot: built by the engine for every run, frozen, JSON round trip, versioned."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest
from stats_synth import frame, households

from workbench.errors import StatsError
from workbench.stats import analyze
from workbench.stats.options import AnalysisOptions
from workbench.stats.snapshot import SCHEMA_VERSION, RunSnapshot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reporting"))
from reporting_fixture import make_results


def _round_trip(snap: RunSnapshot) -> RunSnapshot:
    return RunSnapshot.from_dict(json.loads(json.dumps(snap.to_dict(), ensure_ascii=False)))


def test_engine_snapshots_every_run_and_it_round_trips() -> None:
    fr = frame(households(600, 3))
    fr.provenance.update(plan_name="p", plan_version="4", plan_hash="ab" * 32)
    opts = AnalysisOptions(alpha=0.1, disclosure_preset="minimal")
    res = analyze(fr, opts)
    snap = res.snapshot
    assert snap is not None and snap.schema_version == SCHEMA_VERSION
    assert (snap.plan_name, snap.plan_version, snap.plan_hash) == ("p", "4", "ab" * 32)
    assert snap.alpha == 0.1 and snap.confidence_level == 90
    assert snap.options["disclosure_preset"] == "minimal" and snap.disclosure_preset == "minimal"
    assert [d.unit for d in snap.designs] == sorted(res.meta["designs"])
    hh = next(d for d in snap.designs if d.unit == "household")
    assert hh.rows == 600 and hh.psus == res.meta["designs"]["household"]["psus"]
    # a hand-built frame has no texts: the specs' own words are frozen (as English)
    assert {i.id for i in snap.texts.indicators} == {i.id for i in fr.indicators}
    first = fr.indicators[0]
    assert snap.indicator(first.id).title == {"en": first.title}  # type: ignore[union-attr]
    assert _round_trip(snap) == snap
    assert res.publishable().snapshot is snap


def test_multilingual_snapshot_round_trips_and_is_frozen() -> None:
    snap = make_results().snapshot
    assert snap is not None
    back = _round_trip(snap)
    assert back == snap
    ind = back.indicator("feel_safe")
    assert ind is not None and set(ind.title) == {"en", "fr", "es", "ar"}
    assert ind.direction == "higher_is_better"
    sex = next(d for d in back.texts.disaggregations if d.id == "sex")
    assert sex.labels["ar"] == "الجنس" and sex.levels[0].labels["fr"] == "Femmes"
    assert back.criterion_short("1", "fr") and back.texts.library_hash
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.plan_name = "other"  # type: ignore[misc]


def test_snapshot_of_a_newer_layout_is_refused() -> None:
    data = make_results().snapshot.to_dict()  # type: ignore[union-attr]
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(StatsError) as err:
        RunSnapshot.from_dict(data)
    assert err.value.code == "stats.snapshot_version"
    assert str(SCHEMA_VERSION + 1) in err.value.render("fr")
