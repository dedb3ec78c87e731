"""Issue 20, final readers (en_B 10): the note under the disability breakdowns ("not recorded
for them: IDPs in camps (486 of 2,838)…") did not say why. The Washington Group questions are
not asked of children under 5: the run's snapshot records the age a disability breakdown is
recorded from — the universe of the library's indicator of disability, not a number of the
report — and the note says it, which also tells why both rows sit above the total."""

from __future__ import annotations

import dataclasses

import pytest
from reporting_fixture import make_results
from test_reporting_tables_act import _builder, _covering, texts

from workbench.library.loader import load_library
from workbench.paths import sample_dir
from workbench.plan.model import Plan
from workbench.plan.snapshot import run_texts
from workbench.reporting.i18n import Translator

LANGS = ["en", "fr", "es", "ar"]


def test_the_demo_plans_disability_breakdown_is_recorded_from_the_librarys_age():
    raw = (sample_dir() / "freedonia-plan.toml").read_text(encoding="utf-8")
    plan = Plan.from_toml(raw)
    texts = {d.id: d for d in run_texts(plan, load_library()).disaggregations}
    kinds = {d.id: d.kind for d in plan.disaggregations}
    disability = [i for i, k in kinds.items() if k == "disability"]
    assert disability and all(texts[i].from_age == 5 for i in disability)
    assert all(texts[i].from_age is None for i, k in kinds.items() if k != "disability")
    # kept through the snapshot's round trip
    again = type(texts[disability[0]]).from_dict(dataclasses.asdict(texts[disability[0]]))
    assert again.from_age == 5


def _sex_from_age_5():
    """Results whose "has_id" leaves 312 + 40 people out of its sex breakdown, which (as a
    disability breakdown) starts at age 5."""
    r = _covering(make_results(), "has_id", "sex", {"1": 312, "4": 40})
    snap = r.snapshot
    dis = tuple(
        dataclasses.replace(d, from_age=5) if d.id == "sex" else d
        for d in snap.texts.disaggregations
    )
    r.snapshot = dataclasses.replace(
        snap, texts=dataclasses.replace(snap.texts, disaggregations=dis)
    )
    return r


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "recorded only for people aged 5 and over (the Washington Group questions"),
        ("fr", "renseigné seulement pour les personnes de 5 ans ou plus"),
        ("es", "registrado solo para las personas de 5 años o más"),
        ("ar", "لا يُسجَّل إلا للأشخاص في سن 5 أعوام فأكثر"),
    ],
)
def test_the_uncovered_rows_note_says_the_age_the_breakdown_starts_at(lang, words):
    b, views = _builder(_sex_from_age_5(), lang)
    text = " ".join(texts(b.indicator(views["has_id"])))
    assert words in text
    sex = b.ctx.disaggregations["sex"].shown()
    plain = Translator(lang)("fn_rows_uncovered", breakdown=sex, groups="\x00").split("\x00")[0]
    assert plain not in text  # its note without the reason is not said as well


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "(312 children under 5 left out of "),
        ("fr", "(312 enfants de moins de 5 ans exclus sur "),
        ("es", "(312 niños menores de 5 años excluidos de "),
        ("ar", "(استُبعد 312 من الأطفال دون سن 5 أعوام من أصل "),
    ],
)
def test_the_uncovered_count_says_what_it_counts(lang, words):
    """fr_B 7: "(486 sur 2 838)" did not say what 486 was: the children left out."""
    b, views = _builder(_sex_from_age_5(), lang)
    text = " ".join(texts(b.indicator(views["has_id"]))).replace("\u00a0", " ")
    assert words in text
