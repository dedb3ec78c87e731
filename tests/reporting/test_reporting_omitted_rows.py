"""Issue 20: a row left out of a table is named under it, and an annex cell without a value
carries its flag — the stock tabulations leave zero-case combinations out of the engine's
output (no row at all), which the report's note and the annex used to pass over in silence."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results

from workbench.reporting import ReportOptions
from workbench.reporting.annex_tables import annex_tables
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles


def _texts(flowables) -> list[str]:
    out: list[str] = []
    for f in flowables:
        if hasattr(f, "text"):
            out.append(str(f.text))
        for attr in ("_content", "_flowables"):
            out += _texts(getattr(f, attr, None) or [])
    return out


def _without_old_men():
    """The fixture's results with no man aged 60+ in any displaced group: the tabulation has
    no row for that cell (as the engine's stock leaves zero-case combinations out)."""
    r = make_results()
    st = r.stock
    gone = (st["table"] == "sex_by_age") & (st["row_value"] == "Male") & (st["col_value"] == "60+")
    assert gone.any()
    r.stock = st[~gone].reset_index(drop=True)
    return r


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_stock_note_names_a_combination_the_tabulation_has_no_row_for(lang) -> None:
    r = _without_old_men()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    text = " ".join(_texts(b.stock()))
    male, old = ctx.level("sex", "Male").shown(), ctx.level("age_group", "60+").shown()
    tr = Translator(lang)
    lead = tr("fn_stock_rows_dropped", breakdown="\x00", levels="\x00").split("\x00")[-1]
    # one cell of its row: named as the table names it (rd23: "Alvora (Alvora)")
    assert f"{male} × {old}" in text and lead.strip() in text


def test_annex_stock_cell_without_a_row_is_flagged_no_case() -> None:
    r = _without_old_men()
    ctx = build_context(r, ReportOptions(language="en"))
    table = next(t for t in annex_tables(r, ctx) if t.id == "stock_sex_by_age")
    col = table.header.index("60+")
    rows = [x for x in table.rows if x[1] == "Male"]
    assert len(rows) == 4  # each displaced group and all displaced
    assert all(x[col : col + 2] == [None, "–"] for x in rows)
    blanks = [(v, f) for x in table.rows for v, f in zip(x[2::6], x[3::6], strict=True)]
    assert all(f for v, f in blanks if v is None)  # no blank without its flag anywhere


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_indicator_note_names_the_ages_a_clipped_row_leaves_out(lang) -> None:
    """FR p32–34 (unemployment, people aged 15+): the note named only "0–4" as left out while
    the table started at "15–17" — the ages 5–14 of the group 5–17 went unsaid."""
    import dataclasses

    from workbench.reporting.views import build_views

    r = make_results()
    assert r.snapshot is not None
    inds = tuple(
        dataclasses.replace(i, level_labels={"age_group": {"0-17": "15–17"}})
        if i.id == "unemployed"
        else i
        for i in r.snapshot.texts.indicators
    )
    texts = dataclasses.replace(r.snapshot.texts, indicators=inds)
    r.snapshot = dataclasses.replace(r.snapshot, texts=texts)
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    v = build_views(r.publishable(), ctx)["unemployed"]
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    text = " ".join(_texts(b.indicator(v)))
    # as printed: a range of numbers takes an en dash ("0-17" → "0–17", typography.typeset)
    plain = ctx.level("age_group", "0-17").shown().replace("-", "–")
    label = ctx.disaggregations["age_group"].shown()
    note = Translator(lang)("fn_level_clipped", breakdown=label, row="15–17", level=plain)
    # the note speaks of the row shown (rd16: naming the group "0–17" the table has no row for
    # confused readers), so the group's own label need not appear
    assert "15–17" in text
    assert note.split(":")[0] in text and note[-12:] in text
