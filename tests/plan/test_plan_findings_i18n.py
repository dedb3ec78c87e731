"""Plan check findings of a real plan, rendered in French, Spanish and Arabic."""

from __future__ import annotations

import plan_testdata as td
import pytest

from workbench.findings_i18n import LANGUAGES, LRI, PDI, localized
from workbench.plan.checks import check_plan


@pytest.mark.parametrize("language", LANGUAGES)
def test_tiny_plan_findings_are_translated(language: str) -> None:
    found = check_plan(td.plan(), td.library(), td.datasets())
    assert found
    for f in found:
        text = localized(f, language)
        assert text != f.message and "{" not in text


def test_weight_and_group_findings_name_their_columns() -> None:
    datasets = td.datasets()
    hh = datasets["hh"]
    hh.frame.loc[hh.frame.index[0], "weight"] = 0
    hh.frame.loc[hh.frame.index[1], "pop_group"] = 7
    found = {f.code: f for f in check_plan(td.plan(), td.library(), datasets)}
    zero, unassigned = found["plan.weight_zero"], found["plan.group_code_unassigned"]
    assert localized(zero, "fr") == (
        "Le poids weight est nul pour 1 ménage ; il ne compte dans aucune estimation."
    )
    assert localized(unassigned, "es") == (
        "El código 7 de pop_group no tiene rol (1 hogar); se excluye."
    )
    ar = localized(zero, "ar")
    assert f"{LRI}weight{PDI}" in ar and "الوزن" in ar
    orphans = found["plan.link_orphans"]
    assert localized(orphans, "fr").startswith("1 individu a une clé de ménage")
