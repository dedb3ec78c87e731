"""The "(*)" mark of a complementary suppression (test_reporting_secondary_marks) in the
figures the report prints inside sentences: the stock section's group counts ("IDPs in camps
(*)") and a pooled row's split printed "*", whose note now says only "too few cases or too
unreliable" — wrong for a group withheld, with enough cases, to protect another."""

from __future__ import annotations

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
    assert _flat(tr("fn_suppressed", preset=ctx.preset_name)) in text
