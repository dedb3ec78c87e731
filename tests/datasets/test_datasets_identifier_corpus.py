"""Identifier detection on the labelled corpus: every direct identifier found, at most 2% of
the other columns flagged, dates of birth and of the interview flagged as quasi-identifiers.
Figures per kind, against the pre-#14 baseline: ``benchmarks/identifiers.py``."""

from __future__ import annotations

import pandas as pd
import pytest
from identifier_corpus import DIRECT, NONE, QUASI, corpus, counts, score_frame

from workbench.dataset_model import Variable
from workbench.datasets.identifiers import (
    DIRECT_KINDS,
    QUASI_KINDS,
    default_action,
    detect_identifiers,
    reason_text,
)
from workbench.messages import CATALOG_LANGUAGES

COLUMNS = corpus()


def test_corpus_is_large_labelled_and_deterministic() -> None:
    assert len(COLUMNS) >= 300
    n = counts(COLUMNS)
    assert n[DIRECT] >= 100 and n[QUASI] >= 20 and n[NONE] >= 200
    assert {c.kind for c in COLUMNS if c.truth == DIRECT} == set(DIRECT_KINDS)
    assert {c.kind for c in COLUMNS if c.truth == QUASI} == set(QUASI_KINDS)
    assert sum(c.source != "generated" for c in COLUMNS) > 100  # the bundled sample's columns
    assert [c.values for c in corpus()[-40:]] == [c.values for c in COLUMNS[-40:]]


@pytest.mark.parametrize(
    ("text", "rows"), [(False, None), (True, None), (False, 50)], ids=["typed", "text", "preview"]
)
def test_detection_meets_the_targets_on_the_corpus(text: bool, rows: int | None) -> None:
    score = score_frame(detect_identifiers, COLUMNS, text, rows=rows)
    assert score.missed_direct == [] and score.direct_recall == 1.0
    assert score.fp_rate <= 0.02, score.false_positives
    for kind in ("interview_date", "date_of_birth"):
        hit, total = score.per_kind[(QUASI, kind)]
        assert hit == total > 0, kind


def test_the_scoring_can_fail() -> None:
    names_only = score_frame(lambda f, v: {c: "name" for c in f.columns}, COLUMNS[:120])
    assert names_only.fp_rate > 0.5
    assert score_frame(lambda f, v: {}, COLUMNS[:120]).direct_recall == 0.0


def test_issue_14_columns_are_kept_and_kobo_ids_flagged() -> None:
    n = 60
    frame = pd.DataFrame(
        {
            "interview_date": [f"2026-03-{1 + i % 28:02d}" for i in range(n)],
            "mobile_money": ["1", "0", "0"] * (n // 3),
            "cons_pc": [f"{1234.5 + 17.31 * i:.2f}" for i in range(n)],
            "knows_head_name": ["yes", "no"] * (n // 2),
            "school_code": [f"{10200 + i % 12}" for i in range(n)],
            "district": ["Alvora", "Bendeki", "Corvalle"] * (n // 3),
            "kobo_uuid": [f"{i:08x}-2a0f-49a5-a285-7fc5cf28{i:04x}" for i in range(n)],
            "submission_time": [f"2026-03-{1 + i % 28:02d}T10:{i % 60:02d}:00" for i in range(n)],
        }
    )
    labels = {"mobile_money": "Has a mobile money account", "cons_pc": "Consumption per capita"}
    variables = {c: Variable(c, label=labels.get(c, "")) for c in frame.columns}
    assert detect_identifiers(frame, variables) == {
        "interview_date": "interview_date",
        "kobo_uuid": "submission_id",
        "submission_time": "interview_date",
    }


def test_select_multiple_summaries_in_a_short_preview_are_not_names() -> None:
    options = ["safety", "housing", "livelihood", "services", "documents", "family"]
    combos = [" ".join(options[j] for j in range(6) if (i + 1) >> j & 1) for i in range(50)]
    names = [f"{g} {f}" for g in ("Amina", "Omar", "Leila", "Jean", "María") for f in "ABCDEFGHIJ"]
    schools = [f"{p} Primary School" for p in ("Alvora", "Bendeki", "Corvalle", "Dunmere")] * 5
    frame = pd.DataFrame({"settle_cond": combos, "hoh": names, "school": (schools * 3)[:50]})
    assert detect_identifiers(frame, {}) == {"hoh": "name"}


def test_quasi_identifiers_are_kept_by_default_and_reasons_read_as_words() -> None:
    assert {default_action(k) for k in QUASI_KINDS} == {"keep"}
    assert default_action("phone") == "drop" and default_action("submission_id") == "drop"
    assert default_action("phone", "keep") == "keep"
    assert reason_text("interview_date") == "date of the interview"
    assert reason_text("kobo_metadata") == "Kobo metadata"  # a kind stored by older vaults
    for lang in CATALOG_LANGUAGES:
        texts = {reason_text(k, lang) for k in (*DIRECT_KINDS, *QUASI_KINDS)}
        assert len(texts) == len(DIRECT_KINDS) + len(QUASI_KINDS)
        assert not any("_" in t for t in texts), lang
    assert reason_text("date_of_birth", "fr") == "date de naissance"


def test_value_pattern_shares_are_those_of_every_value_matched() -> None:
    """``Profile.share`` matches each distinct value once, weighted by its count: on every corpus
    column of a third of the corpus (typed and as text) and every value pattern, the share
    equals pandas' ``str.match`` over all the sampled values."""
    import re

    from identifier_corpus import as_text, typed

    from workbench.datasets import identifier_values as iv

    patterns = [v for v in vars(iv).values() if isinstance(v, re.Pattern)]
    assert len(patterns) >= 6
    for col in COLUMNS[::3]:
        for s in (typed(col.values), as_text(col.values)):
            prof = iv.Profile.of(s)
            for pat in patterns:
                whole = float(prof.values.str.match(pat).mean()) if prof.n else 0.0
                assert prof.share(pat) == whole, (col.name, pat.pattern)
