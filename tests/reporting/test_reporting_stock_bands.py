"""Round 16 (fr/ar readers): the stock's age groups (IRIS: 0–4, 5–11, 12–17, 18–24, 25–59, 60+)
are printed under "Age group", the name the indicator tables give their own groups (0–4, 5–17,
18–59, 60+); readers could not line the two up. A note under the stock table names both sets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

import pytest

from workbench.reporting.context import Label, ReportContext
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_stock import other_bands_notes
from workbench.stats.results import STOCK_NOT_STATED

IRIS = ["0–4", "5–11", "12–17", "18–24", "25–59", "60+"]
BROAD = ["0–4", "5–17", "18–59", "60+"]


@dataclass
class _Ctx:
    disaggregations: dict[str, Label]
    levels: dict[tuple[str, str], Label] = field(default_factory=dict)

    def breakdown(self, dis: str, unit: str = "individual") -> str:
        return self.disaggregations[dis].shown()


def _ctx(iris_name: str = "Age group (IRIS)", broad: list[str] = BROAD) -> _Ctx:
    ctx = _Ctx({"sex": Label("Sex"), "age": Label("Age group"), "age_iris": Label(iris_name)})
    for dis, values in (("sex", ["Female", "Male"]), ("age", broad), ("age_iris", IRIS)):
        for v in values:
            ctx.levels[(dis, v)] = Label(v)
    ctx.levels[("age_iris", STOCK_NOT_STATED)] = Label("Not stated")
    return ctx


def _as_ctx(ctx: _Ctx) -> ReportContext:
    """The stand-in as the context the function reads (only breakdown, levels, disaggregations)."""
    return cast("ReportContext", ctx)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_stock_names_its_age_groups_and_the_indicator_tables(lang) -> None:
    notes = other_bands_notes(Translator(lang), _as_ctx(_ctx()), ["sex", "age_iris"], lang)
    assert len(notes) == 1, notes
    note = notes[0]
    assert note.startswith("Age group"), note
    for level in ("5–11", "25–59", "5–17", "18–59"):
        assert level in note, (level, note)
    assert "Not stated" not in note and "(IRIS)" not in note.split(":")[0]


def test_no_note_where_the_groups_are_the_same_or_the_names_differ() -> None:
    tr = Translator("en")
    same = _ctx(broad=IRIS)
    assert other_bands_notes(tr, _as_ctx(same), ["sex", "age_iris"], "en") == []
    other_name = _ctx(iris_name="Age band of the stock")
    assert other_bands_notes(tr, _as_ctx(other_name), ["sex", "age_iris"], "en") == []
