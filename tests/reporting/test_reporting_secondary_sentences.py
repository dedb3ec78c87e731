"""The "(*)" mark of a complementary suppression (test_reporting_secondary_marks) in the
figures the report prints inside sentences: the stock section's group counts ("IDPs in camps
(*)") and a pooled row's split printed "*", whose note now says only "too few cases or too
unreliable" — wrong for a group withheld, with enough cases, to protect another."""

from __future__ import annotations

import dataclasses
import re

import pytest
from reporting_fixture import make_results
from test_reporting_secondary_marks import _flat
from test_reporting_solutions_bounds import _pdf_lines

from workbench.reporting import ReportOptions
from workbench.reporting.context import _in_sentence, build_context
from workbench.reporting.fmt import SECONDARY
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.stats.results import stock_margin


def _stock_complement():
    """Group 2's stock totals (every table) withheld as a complement of group 3's (primary)."""
    r = make_results()
    st = r.stock
    if "suppression" not in st:
        st["suppression"] = ""
    st["suppression"] = st["suppression"].astype(object).fillna("")
    total = stock_margin(st) == "total"
    for g, kind in (("2", "complementary"), ("3", "primary")):
        at = total & (st["group"].astype(str) == g)
        st.loc[at, ["flag", "suppression"]] = ["suppressed", kind]
    return r


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_stock_sentence_marks_a_complement_and_explains_it(lang) -> None:
    r = _stock_complement()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    tr = Translator(lang)
    text = _flat(" ".join(_pdf_lines(b, b.stock(), lang)))
    two, three = (_flat(_in_sentence(ctx.group(g).label.shown())) for g in ("2", "3"))
    # the intro: group 2 "(*)", group 3 "*" (too few cases)
    assert re.search(re.escape(two) + r" \(\s*" + re.escape(SECONDARY) + r"\s*\)", text), text
    assert re.search(re.escape(three) + r" \(\s*\*\s*\)", text), text
    # and the notes say what each means
    assert _flat(tr("fn_complementary")) in text
    # the fixture's stock shows † counts (a run from before issue 20 withheld them): the
    # general "*" note, not the one saying a † count is withheld
    assert _flat(tr("fn_suppressed", preset=ctx.preset_name)) in text


@pytest.fixture(scope="module")
def rounds_withheld():
    return _rounds_withheld()


def _rounds_withheld():
    """The golden rounds with the first displaced group's change in a gap and its solutions
    share withheld (as when a round's value is, for too few cases or as a complement)."""
    from test_reporting_progress import golden_rounds

    rr = golden_rounds()
    gc = rr.gap_changes
    at = gc.index[gc["disaggregation"] == "total"][0]
    gc.loc[at, ["flag", "change", "ci_low", "ci_high"]] = ["suppressed", None, None, None]
    import pandas as pd

    from workbench.stats.rounds_extra import SOLUTIONS_CHANGE_COLUMNS

    codes = [str(g) for g in gc["group"].unique()]  # the solutions measure per round: two
    rows = [("rank", g, "total", "", 0.2, 0.3, 0.1, 0.03, 0.04, 0.16, 0.001, "improved", "")
            for g in codes[:2]]  # fmt: skip
    sol = pd.DataFrame(rows, columns=SOLUTIONS_CHANGE_COLUMNS)
    sol.loc[0, ["share_from", "share_to", "change", "flag"]] = [None, None, None, "suppressed"]
    sol.loc[0, "assessment"] = "insufficient_data"
    return dataclasses.replace(rr, solutions=sol)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_withheld_change_says_it_may_protect_another_value(rounds_withheld, lang) -> None:
    """The progress tables printed "*" read by "* suppressed" (gaps) or by nothing (the
    solutions measure per round): a change is withheld when a round's value is, for too few
    cases or as a complement; the note under each says both."""
    from workbench.reporting.progress import ProgressSection

    rr = rounds_withheld
    opts = ReportOptions(language=lang)
    res = rr.results[-1]
    ctx = build_context(res, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, res.publishable())
    tr = Translator(lang)
    text = _flat(" ".join(_pdf_lines(b, ProgressSection(b, rr).flowables(), lang)))
    said = _flat(tr("fn_progress_suppressed"))
    assert text.count(said) == 2, text  # under the gaps and under the solutions measure


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_an_idps_alone_row_withheld_for_a_group_s_total_shows_a_complement(lang) -> None:
    """The stock table's "IDPs alone" row is withheld where a displaced group's total is (it
    would give that total away): "*" read by the note "too few cases or too unreliable" — its
    hundreds of cases are not few. The engine calls it a complement; the row shows "(*)"."""
    from test_reporting_stock_idps import ROW, _results

    r, alone = _results("location_type")
    alone["location_type"]["suppression"] = "complementary"
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    b = Builder(ctx, opts, make_styles(lang), 480.0, r.publishable())
    lines = _pdf_lines(b, b.stock(), lang)
    text = _flat(" ".join(lines))
    assert text.count(_flat(ROW[lang])) >= 2  # a row in each table
    # the one withheld row's "(*)" and its note's (the fixture's stock has no other)
    assert text.count(SECONDARY) == 2, lines
    assert _flat(Translator(lang)("fn_complementary")) in text


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_annex_idps_alone_line_marks_a_complement(lang) -> None:
    """The stock sheet's note gives the IDPs alone as the report's row: "(*)" for a complement
    (the sheet's notes explain "(*)"), "*" was read by "too few cases"."""
    from test_reporting_stock_idps import GROUPS, _results

    from workbench.reporting.annex_tables import annex_tables

    r, alone = _results("location_type")
    alone["location_type"]["suppression"] = "complementary"
    tables = {t.id: t for t in annex_tables(r, build_context(r, ReportOptions(language=lang)))}
    notes = tables["stock_location_type"].notes
    tr = Translator(lang)
    names = GROUPS[lang].rsplit(" ", 1)[0]
    line = tr("annex_stock_idps", groups=names, count="\x00", n="\x00").split("\x00")[0]
    assert line + SECONDARY in notes and tr("fn_complementary") in notes
