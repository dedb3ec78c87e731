"""Issue 20: the IDP stock counts the returnees too, but the stock pages never said so, and the
location-type table's "Outside camp" row (752,897: IDPs outside camps 430,423 + returnees
322,474) read as the group "IDPs outside camps". The section names the groups it counts, each
with its estimate, and a row pooling groups, one of them wholly inside it, says its split."""

from __future__ import annotations

import pytest
from reporting_fixture import make_results
from test_reporting_omitted_rows import _texts

from workbench.reporting import ReportOptions
from workbench.reporting.context import _in_sentence, build_context
from workbench.reporting.fmt import fmt_count
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.stats.results import STOCK_TOTAL


def _outside_camps_pooled():
    """Groups 2 and 3 live outside camps only (no camp row: no case), group 1 in both."""
    r = make_results()
    st = r.stock
    lt = st["table"] == "location_type"
    camp = lt & st["group"].isin(["2", "3"]) & (st["row_value"] == "Camp")
    st = st[~camp].copy()
    for g in ("2", "3"):
        tot = st.loc[lt & (st["group"] == g) & (st["row_value"] == STOCK_TOTAL), "estimate"]
        st.loc[lt & (st["group"] == g) & (st["row_value"] == "Non-camp"), "estimate"] = float(
            tot.iloc[0]
        )
    r.stock = st.reset_index(drop=True)
    return r


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_stock_section_names_its_groups_and_splits_a_pooled_row(lang) -> None:
    r = _outside_camps_pooled()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    pub = r.publishable()
    text = " ".join(_texts(Builder(ctx, opts, make_styles(lang), 480.0, pub).stock()))
    st = pub.stock
    first = st[st["table"] == st["table"].iloc[0]]
    for g in ctx.displaced:  # every group with its own count, returnees included
        tot = first[(first["group"] == g.code) & (first["row_value"] == STOCK_TOTAL)]
        tot = tot[tot["col_value"].fillna("").astype(str).isin(["", STOCK_TOTAL])]
        name = _in_sentence(g.label.shown())  # in the sentence: "… et personnes retournées"
        assert f"{name} ({fmt_count(tot['estimate'].iloc[0], lang)}" in text
    tr = Translator(lang)
    row = ctx.level("location_type", "Non-camp").shown()
    lt = st[(st["table"] == "location_type") & (st["row_value"] == "Non-camp")]
    split = [
        f"{_in_sentence(g.label.shown())} "
        f"({fmt_count(lt.loc[lt['group'] == g.code, 'estimate'].iloc[0], lang)}"
        for g in ctx.displaced
    ]
    note = tr("fn_stock_row_groups", row=row, groups="\x00").split("\x00")[0]
    at = text.index(note)
    assert all(s in text[at:] for s in split)
    camp = ctx.level("location_type", "Camp").shown()
    assert tr("fn_stock_row_groups", row=camp, groups="\x00").split("\x00")[0] not in text


def test_an_enumeration_ends_with_the_languages_and() -> None:
    """English readers saw "IDPs in camps (…), IDPs outside camps (…), Returnees (…)": three
    names and a bare comma. An enumeration's last item follows the language's "and"."""
    from workbench.languages import join_list

    assert join_list(["a", "b", "c"], "en", conjunction=True) == "a, b and c"
    assert join_list(["a", "b"], "fr", conjunction=True) == "a et b"
    assert join_list(["a", "b", "c"], "es", conjunction=True) == "a, b y c"
    assert join_list(["a", "b", "c"], "ar", conjunction=True) == "a، b وc"
    assert join_list(["a"], "en", conjunction=True) == "a"
    assert join_list(["a", "b"], "en") == "a, b"  # a plain list (values of a setting) stays one


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_stock_section_lists_its_groups_with_and(lang) -> None:
    r = make_results()
    opts = ReportOptions(language=lang)
    ctx = build_context(r, opts)
    text = " ".join(_texts(Builder(ctx, opts, make_styles(lang), 480.0, r.publishable()).stock()))
    last = _in_sentence(ctx.displaced[-1].label.shown())  # fr "et personnes retournées"
    word = {"en": " and ", "fr": " et ", "ar": " و"}[lang]
    assert len(ctx.displaced) > 1 and f"{word}{last} (" in text


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_stock_introduction_does_not_claim_a_subtraction_the_engine_does_not_make(lang):
    """The stock section said it counts the returnees "who have not yet overcome" their
    vulnerabilities, but its total is the three groups' whole counts (145,717 + 430,423 +
    322,474 = 898,614): nobody is taken out for passing the solutions measure. It says so."""
    word = {"en": "nobody", "fr": "ne retire personne", "es": "nadie", "ar": "لا يُخرج أحدًا"}[lang]
    assert word in Translator(lang)("stock_intro")


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_summary_stock_sentence_says_what_the_stock_section_says(lang):
    """The summary and the briefing said "IRIS counts people in the stock, returnees too, until
    they have overcome displacement-related vulnerabilities" — read as if those who overcame them
    were taken out of the 898,614; the stock section says nobody is. Both now say the latter."""
    from workbench.reporting.summary_stock import idp_stock

    r = make_results()
    ctx = build_context(r, ReportOptions(language=lang))
    word = {"en": "nobody", "fr": "ne retire personne", "es": "nadie", "ar": "لا يُخرج أحدًا"}[lang]
    until = {"en": "until", "fr": "tant qu", "es": "hasta que", "ar": "إلى أن"}[lang]
    text = idp_stock(r.publishable(), ctx)
    assert text and word in text and until not in text
    # the briefing gives the count, its interval and what it counts, no caveat at all (rd17:
    # the report's 9-line paragraph): nothing there reads as people taken out
    brief = idp_stock(r.publishable(), ctx, briefing=True)
    assert brief and until not in brief and "IRIS" in brief and len(brief) < len(text) / 2
    household = Translator(lang)("summary_stock_household")
    none = {
        "en": "takes none out",
        "fr": "n’en retire aucun",
        "es": "ninguno",
        "ar": "لا يُخرج أي أسرة",
    }[lang]
    assert none in household and until not in household


@pytest.mark.parametrize(
    ("lang", "claim", "why"),
    [
        ("en", "is the strictest", "a household must pass every sub-criterion"),
        ("fr", "est la plus stricte", "un ménage doit satisfaire chaque sous-critère"),
        ("es", "es la más estricta", "un hogar debe cumplir cada subcriterio"),
        ("ar", "هي الأكثر صرامة", "على الأسرة أن تستوفي كل معيار فرعي"),
    ],
)
def test_all_methods_note_says_why_the_iris_rule_is_strict(lang, claim, why):
    """ "The IRIS layered rule is the strictest" could not be read from the table beside it
    (Composite per criterion 0.3% vs IRIS "< 0.5%"): the note says why it is strict by
    construction — every sub-criterion must pass — instead of ranking the published shares."""
    text = Translator(lang)("solutions_all_methods_note").replace("\u00a0", " ")
    assert why in text and claim not in text
