"""Issue 20, final readers (en_A 1): the summary said "5 of the 82 substantive gaps", but the
Module A tables rate three more gaps "Worse" (85 in all): the 82 counts the criteria's
indicators only. The count says so, and the modules say their indicators are not part of it."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results
from test_reporting_tables_act import _builder, texts

from workbench.reporting.i18n import Translator

LANGS = ["en", "fr", "es", "ar"]


@pytest.mark.parametrize("lang", LANGS)
def test_gap_counts_name_the_criteria_and_modules_say_they_are_outside(lang) -> None:
    tr = Translator(lang)
    scope = {
        "en": "on the indicators of the criteria",
        "fr": "sur les indicateurs des critères",
        "es": "en los indicadores de los criterios",
        "ar": "في مؤشرات المعايير",
    }[lang]
    assert scope in tr("key_gaps_of", shown=5, count=82)
    assert scope in tr("brief_gaps_of", shown=5, count=82)
    b, views = _builder(make_results(), lang)
    modules = [c for c in ("A", "B") if any(v.info.criterion == c for v in views.values())]
    assert modules
    note = tr("module_outside_criteria")
    for c in modules:
        assert note in " ".join(texts(b.criterion_sections(views, (c,)))), c
    crit = next(v.info.criterion for v in views.values() if v.info.criterion not in ("A", "B"))
    assert note not in " ".join(texts(b.criterion_sections(views, (crit,))))
