"""A column offered on its values alone (no word shared with the input) has no calibrated
confidence — no survey in the fit has unnamed columns — so nowhere is it given a percentage: the
match, its candidates, the CLI's table, candidate list and JSON, the review findings and the
mapping's note say "suggested from its values only: <what the values show> — check" (issue 22)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from plan_testdata import run
from test_plan_suggest_cues import _opaque

from workbench.library import load_library
from workbench.messages import Message, render
from workbench.plan.suggest import suggest
from workbench.vault import KdfParams, Vault

PERCENT_OR_SCORE = re.compile(r"\d+ ?%|\(0\.\d\d")


def test_a_value_only_match_says_what_it_rests_on_and_waits_for_review() -> None:
    sug = suggest(load_library(), _opaque(), "t")
    age = sug.match("age")
    assert age is not None and age.column == "v7" and age.values_only
    # no calibrated confidence to fall short of the review bar: shown for the user to check
    assert age.status == "review"
    assert str(age.cue) == "whole numbers 0–89 (an age)"
    # what the values say is a registered message: shown in the user's language
    assert age.cue_message is not None and age.cue_message.code == "plan.cue_age"
    assert age.cue_message.render("fr") == "nombres entiers de 0 à 89 (un âge)"
    offer = age.candidates[0]
    assert offer.values_only and offer.cue == age.cue and offer.mapping is not None
    note = offer.mapping.note
    assert note == "suggested from its values only: whole numbers 0–89 (an age) — check"
    assert not PERCENT_OR_SCORE.search(note)
    assert sug.plan.input("age") is None or not sug.plan.input("age").is_mapped  # type: ignore[union-attr]
    finding = next(f for f in sug.findings() if f.where.get("input") == "age")
    assert finding.code == "plan.suggest_review_values"
    assert "nombres entiers de 0 à 89 (un âge)" in finding.render("fr")
    assert json.loads(json.dumps(finding.to_dict()))["params"]["cue"]["en"] == str(age.cue)
    # a candidate that shares words with its input keeps its calibrated confidence
    worded = [m for m in sug.matches if m.column and not m.values_only]
    assert worded and all(not o.values_only for m in worded for o in m.candidates[:1])
    assert all(f.code == "plan.suggest_review" for f in sug.findings()
               if f.where.get("input") in {m.input for m in worded})  # fmt: skip


@pytest.fixture
def opaque_vault(tmp_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> str:
    path = tmp_path / "opaque.vault"
    v = Vault.create(path, passphrase, kdf=KdfParams(memory_kib=1024, iterations=1, lanes=1))
    v.save_datasets(list(_opaque().values()))
    v.lock()
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    return str(path)


def test_plan_cli_suggest_shows_no_percentage_for_a_value_only_column(
    opaque_vault: str, capsys
) -> None:
    base = ["plan", "suggest", "--vault", opaque_vault, "--dataset", "hh", "--dataset", "members"]
    rc, out, err = run(capsys, *base, "--name", "o")
    assert rc == 0, err
    said = "suggested from its values only: whole numbers 0–89 (an age) — check"
    row = next(line for line in out.splitlines() if line.startswith("age "))
    assert "values only" in row and said in row and not PERCENT_OR_SCORE.search(row)
    review = out.split("Candidates to review")[1]
    listed = next(line for line in review.splitlines() if line.strip().startswith("age:"))
    assert listed.strip() == f"age: v7 ({said})"

    rc, out, err = run(capsys, *base, "--name", "o", "--json")
    assert rc == 0, err
    age = next(m for m in json.loads(out)["matches"] if m["input"] == "age")
    assert (age["column"], age["status"], age["confidence"], age["values_only"]) == (
        "v7",
        "review",
        None,
        True,
    )
    assert age["reason"] == said
    cand = age["candidates"][0]
    assert (cand["column"], cand["confidence"], cand["values_only"]) == ("v7", None, True)
    # a worded match keeps its number
    key = next(m for m in json.loads(out)["matches"] if m["input"] == "household_id")
    assert key["values_only"] is False and float(key["confidence"]) > 0.5

    rc, out, err = run(capsys, *base, "--name", "o", "--lang", "fr")
    assert rc == 0, err
    cue = Message.of("plan.cue_age", low=0, high=89)
    fr = render("plan.suggest_values_only", {"cue": cue}, "fr")
    assert fr.startswith("suggérée d’après ses seules valeurs") and fr in out
    assert "suggérée d’après ses seules valeurs : nombres entiers de 0 à 89 (un âge)" in out
