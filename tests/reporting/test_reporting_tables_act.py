"""Issue 20 ("Reports readers can act on"): the indicator, stock and solutions tables say what
they leave out and in which unit they count — tables that compare nothing have no empty
difference and p columns, and say why once."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results
from reporting_testkit import with_host_outside_by_definition

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.views import build_views

LANGS = ["en", "fr", "es", "ar"]


def texts(flowables) -> list[str]:
    """Every paragraph's text and every table cell's text of a story, in order."""
    out: list[str] = []
    for f in flowables:
        if hasattr(f, "text"):
            out.append(str(f.text))
        for row in getattr(f, "_cellvalues", None) or []:
            for cell in row:
                out += texts(cell if isinstance(cell, list | tuple) else [cell])
                if isinstance(cell, str):
                    out.append(cell)
        for attr in ("_content", "_flowables"):
            out += texts(getattr(f, attr, None) or [])
    return out


def _builder(r, lang: str):
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    pub = r.publishable()
    return Builder(ctx, opts, make_styles(lang), 480.0, pub), build_views(pub, ctx)


@pytest.mark.parametrize("lang", LANGS)
def test_a_table_that_compares_nothing_has_no_difference_or_p_column(lang) -> None:
    """en_A 13, en_B 13, fr_B 18: an indicator about displaced people only kept empty
    "Difference vs Host community" and "p" columns, every row "Not compared", and no reason."""
    r = make_results()
    with_host_outside_by_definition(r)
    b, views = _builder(r, lang)
    tr = Translator(lang)
    comp = b.ctx.comparator.label.shown()
    alone, compared = views["hlp_restituted"], views["secure_tenure"]
    diff = tr("col_difference", comparator=comp)
    assert diff in compared.table.header and compared.table.compared
    assert diff not in alone.table.header and not alone.table.compared
    assert not {tr("col_p"), tr("col_p_raw")} & set(alone.table.header)
    assert all(len(row) == len(alone.table.header) for row in alone.table.rows)
    text = " ".join(texts(b.indicator(alone)))
    note = tr("fn_not_compared_by_definition", comparator=comp)
    assert note in text and text.count(note) == 1
    assert note not in " ".join(texts(b.indicator(compared)))


@pytest.mark.parametrize("lang", LANGS)
def test_a_part_that_compares_nothing_is_not_told_of_comparisons(lang) -> None:
    """en_B 13, fr_B 18: Module B's introduction described a hatched comparator bar and
    differences in percentage points, and nothing in it is compared."""
    r = make_results()
    with_host_outside_by_definition(r)
    b, views = _builder(r, lang)
    tr = Translator(lang)
    crit = views["hlp_restituted"].info.criterion
    alone = {k: v for k, v in views.items() if k == "hlp_restituted"}
    lead = texts(b.criterion_sections(alone, (crit,)))[1]
    assert lead == tr("chart_ci_note_alone", comparator=b.ctx.comparator.label.shown())
    assert tr("fn_points") not in lead
    both = {k: v for k, v in views.items() if k in ("hlp_restituted", "secure_tenure")}
    lead = texts(b.criterion_sections(both, (crit,)))[1]
    assert lead == tr("chart_ci_note") + " " + tr("fn_points")
