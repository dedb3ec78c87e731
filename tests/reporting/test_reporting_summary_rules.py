"""The executive summary and the briefing say what the engine decided, in words a reader can check
against the figures (issue 20, "Reports readers can act on"): the rating rule as stats.summary.rate
applies it, the same words in the legend and the method."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from reporting_fixture import make_results
from reporting_testkit import sentinel_results

from workbench.reporting.fmt import fmt_threshold
from workbench.reporting.i18n import Translator
from workbench.reporting.judging import grid_intro, judging_paragraphs

LANGS = ("en", "fr", "es", "ar")
#: the ratings' symbols, in the order every rule text names them
SYMBOLS = "■▲◆●○"


def _clauses(text: str) -> dict[str, str]:
    """symbol → the words of its clause ("▲" → "Mixed when …"), punctuation and the
    conjunction before the next symbol left off."""
    parts = re.split(f"([{SYMBOLS}])", text)
    out = {}
    for sym, body in zip(parts[1::2], parts[2::2], strict=True):
        out[sym] = body.strip().rstrip(".,،؛ و").strip()
    return out


def _with_rule(rule: str):
    r = make_results()
    cs = r.criteria_summary.copy()
    cs["rule"] = rule
    r.criteria_summary = cs
    return r


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rule", ["share_worse", "any_worse"])
def test_the_legend_and_the_method_word_the_rating_rule_alike(lang, rule):
    """Issue 20: the summary's legend read "▲ Mixed when some are or some could not be assessed",
    the method "▲ Mixed when fewer are or …" and "◆ Inconclusive when … all were assessed", yet a
    cell read "◆ Inconclusive 0/1 — 2 not compared": the rule did not say that indicators not
    compared are left out of the rating. Both texts now give each rating in the same words and
    say so."""
    r = _with_rule(rule)
    tr = Translator(lang)
    legend = _clauses(grid_intro(r, tr, "Host"))
    method = _clauses(judging_paragraphs(r, tr)[0])
    assert set(legend) == set(method) == set(SYMBOLS), (legend, method)
    for sym in "■▲◆○":  # ● No gap: the method adds what "shown equivalent" means
        assert legend[sym] == method[sym], (lang, rule, sym, legend[sym], method[sym])
    left_out = {
        "en": "indicators not compared are left out of the rating and counted beside it",
        "fr": "les indicateurs non comparés sont exclus de la notation et comptés à côté",
        "es": "los indicadores no comparados quedan fuera de la calificación y se cuentan aparte",
        "ar": "أما المؤشرات التي لم تُقارَن فتُستبعد من التقييم وتُعدّ بجانبه",
    }[lang]
    too_little = {
        "en": "too little data",
        "fr": "trop peu de données",
        "es": "muy pocos datos",
        "ar": "بيانات قليلة جدًا",
    }[lang]
    for text in (grid_intro(r, tr, "Host"), judging_paragraphs(r, tr)[0]):
        flat = text.replace("\u00a0", " ")
        assert left_out in flat and too_little in flat, (lang, text)
    # "could not be assessed" is "too little data" (insufficient_data makes a cell amber),
    # never "all were assessed" beside a cell with indicators not compared
    assert too_little in legend["▲"].replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("share", "lang", "text"),
    [
        (0.5, "en", "50%"),
        (0.5, "fr", "50\u00a0%"),
        (0.165, "en", "16.5%"),
        (0.333, "fr", "33,3\u00a0%"),
        (0.125, "es", "12,5\u00a0%"),
        (2 / 3, "en", "66.667%"),
    ],
)
def test_a_rule_threshold_has_only_the_decimals_it_has(share, lang, text):
    assert fmt_threshold(share, lang) == text


def test_the_summary_rule_says_50_percent_not_50_point_0():
    """The rule read "Worse when at least 50.0% are": a threshold with a spurious decimal."""
    r = _with_rule("share_worse")
    intro = grid_intro(r, Translator("en"), "Host")
    assert "at least 50% of the assessed" in intro and "50.0" not in intro
    fr = judging_paragraphs(r, Translator("fr"))[0]
    assert "au moins 50\u00a0% des" in fr and "50,0" not in fr


def test_the_briefing_prints_the_rule_in_the_same_words_as_its_method(en_report):
    """Read back from the briefing PDF: the rule under the grid says that indicators not
    compared are left out (the sentinel run rates by "any worse"); the method names the rule
    and sends readers to that wording instead of giving a second one (the two contradicted each
    other)."""
    pdf = en_report.with_name("en-brief.pdf")
    flat = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages).split())
    words = "indicators not compared are left out of the rating and counted beside it"
    assert flat.count(words) == 1, flat
    assert flat.count("▲ Mixed when none is worse but some could not be assessed (too little") == 1
    named = (
        "Rating rule “Any indicator worse”: each rating is defined above the criteria table (p. 1)."
    )
    assert named in flat, flat


def _withheld_headline():
    """The fixture's run with the headline method's share of all displaced withheld and
    published as a bound (the demo's IRIS rule), the second method's too, and the third's
    published without an interval."""
    import pandas as pd

    r = make_results()
    one = r.solutions.assign(suppression="", share_below=float("nan"))
    methods = [str(one["method"].iloc[0]), "composite_score", "homogeneous_cells", "dominance"]
    sol = pd.concat([one.assign(method=m) for m in methods], ignore_index=True)
    total = (sol["disaggregation"] == "total") & (sol["group"] == "all_displaced")
    for m in methods[:2]:
        cell = total & (sol["method"] == m)
        sol.loc[cell, ["flag", "suppression", "share_below"]] = [
            "suppressed",
            "complementary",
            0.005,
        ]
        sol.loc[cell, ["share", "ci_low", "ci_high"]] = float("nan")
    sol.loc[total & (sol["method"] == methods[2]), ["ci_low", "ci_high"]] = float("nan")
    r.solutions = sol
    return r, methods


HEADLINE_WORDS = {
    "en": (
        "fewer than 0.5% of households have",
        "It is the headline because it is the method the plan names first",
        "The exact share is withheld because",
        "(no interval)",
    ),
    "fr": (
        "moins de 0,5\u00a0% des ménages ont",
        "C’est la mesure principale parce que",
        "La part exacte est masquée car",
        "(sans intervalle)",
    ),
    "es": (
        "menos del 0,5\u00a0% de los hogares",
        "Es la medida principal porque",
        "La proporción exacta se omite porque",
        "(sin intervalo)",
    ),
    "ar": (
        "أقل من 0.5% من الأسر",
        "وهو المقياس الرئيسي لأنه",
        "حُجبت النسبة الدقيقة لأن",
        "(بلا فترة ثقة)",
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_solutions_headline_names_its_unit_every_method_and_why_it_leads(lang):
    """Issue 20: "fewer than 0.5% have overcome …" had no unit; "Other documented methods" kept
    only the methods with an interval (Homogeneous cells was left out without a word); nothing
    said which measure is the headline; and "the exact share is withheld so that unpublished
    values of small groups cannot be worked out" stood beside another method's published share
    of all displaced, as if two rules applied — the engine checks each measure's own figures."""
    from workbench.reporting import ReportOptions
    from workbench.reporting.context import build_context
    from workbench.reporting.summary import solutions_headline

    r, methods = _withheld_headline()
    res = r.publishable()
    ctx = build_context(res, ReportOptions(language=lang))
    head = str(solutions_headline(res, ctx))
    for words in HEADLINE_WORDS[lang]:
        assert words in head, (words, head)
    # every other method is named, the withheld one with its bound
    for m in methods[1:]:
        assert ctx.solutions_methods[m] in head, (m, head)
    tr = Translator(lang)
    bound = tr(
        "solutions_method_below", method=ctx.solutions_methods[methods[1]], bound="", of_unit=""
    )
    assert bound.split("(")[0].split()[-1] in head


def test_the_briefing_says_which_solutions_measure_leads(tmp_path):
    """Read back from the briefing (PDF and Word) and the report's summary: the headline says
    which method leads and lists every other one, a line each."""
    from docx import Document

    from workbench.export_writer import AuditList
    from workbench.reporting import ReportOptions, build_report

    r, _methods = _withheld_headline()
    brief = (tmp_path / "b.pdf", tmp_path / "b.docx")
    opts = ReportOptions(language="en", sections=("summary",), briefing_paths=brief)
    build_report(r, tmp_path / "r.pdf", opts, audit=AuditList())
    # "under the headline method", the others a line each "for comparison" (rd17), in the
    # report's summary as in the briefing (rd21: the summary ran them into one paragraph)
    short = ("under the headline method", "Other methods documented for comparison")
    for pdf in (tmp_path / "r.pdf", brief[0]):
        flat = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages).split())
        for said in short:
            assert said in flat, pdf.name
        assert "comparator mean: < 0.5% (exact share" in flat, pdf.name
    text = " ".join(p.text for p in Document(str(brief[1])).paragraphs)
    assert all(s in text for s in short) and "of households (no interval)" in text


@pytest.mark.parametrize(
    ("lang", "heading", "order", "rounding"),
    [
        ("en", "Key gaps", "listed from the largest down", "can differ by 0.1"),
        ("fr", "Principaux écarts", "du plus grand au plus petit", "différer de 0,1"),
    ],
)
def test_the_summarys_key_gaps_say_their_order_and_rounding(
    lang, heading, order, rounding, en_report, fr_report
):
    """Issue 20: the summary's key gaps ran 72.2, 39.2, 33.3, 59.3, 51.1 pp with no rule
    stated (the briefing said it), and "12.5% vs 51.6% … a gap of 39.2 pp" looked like an
    arithmetic error, the note on unrounded estimates coming only from the next page on. The
    note now stands under the heading, before the first gap."""
    pdf = en_report if lang == "en" else fr_report
    pages = [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(pdf)).pages]
    page = next(t for t in pages if heading in t and "• " in t)
    page = page.replace("\u00a0", " ")
    at = page.index(heading)
    first = page.index("• ", at)
    assert at < page.index(order, at) < first, page[at : first + 80]
    assert at < page.index(rounding, at) < first, page[at : first + 80]


@pytest.mark.parametrize(
    ("lang", "heading", "others"),
    [
        ("en", "Key gaps: the {shown} largest of the {count} substantive gaps on the indicators "
         "of the criteria, one per indicator",
         "The other {more} substantive gaps (besides the {shown} largest above and the {beside} "
         "also named in them) are in the criterion sections: rated “Worse” in the "
         "“Assessment” column of each indicator's table."),
        ("fr", "Principaux écarts : les {shown} plus grands des {count} écarts substantiels sur "
         "les indicateurs des critères, un par indicateur",
         "Les {more} autres écarts substantiels (outre les {shown} plus grands ci-dessus et les "
         "{beside} aussi cités dans ces points) figurent dans les sections par critère : notés "
         "« Moins favorable » dans la colonne « Appréciation » du tableau de chaque indicateur."),
    ],
)  # fmt: skip
def test_the_summarys_key_gaps_say_how_many_there_are_and_where_the_others_are(
    lang, heading, others, en_report, fr_report
):
    """Issue 20: "Key gaps" listed 5 and the briefing said the other 77 "are in the full
    report's summary": they are not. The heading gives both counts (from the run, not fixed)
    and a line after the gaps says where the others are; the briefing points there too."""
    from workbench.reporting import ReportOptions
    from workbench.reporting.context import build_context
    from workbench.reporting.summary import KEY_GAPS, grid_totals, key_gaps, named_gaps

    res = sentinel_results().publishable()
    ctx = build_context(res, ReportOptions(language=lang))
    shown = len(key_gaps(res, ctx, "worse", KEY_GAPS))
    totals = grid_totals(res, ctx)
    assert totals and totals.worse > shown > 0
    count, more = totals.worse, totals.worse - shown
    # the summary leaves to the criterion sections the gaps it neither lists nor names beside
    # a listed one ("Also worse there: …"); the briefing names none beside its five
    named = named_gaps(res, ctx, "worse", KEY_GAPS)
    assert named > shown  # the sentinel run names others beside its gaps
    pdf = en_report if lang == "en" else fr_report
    flat = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages).split())
    flat = flat.replace("\u00a0", " ").replace("\u202f", " ")
    assert heading.format(shown=shown, count=count) in flat
    # and says which it leaves out, so that the briefing's count (which names none beside its
    # gaps) is seen to count the same 82 (rd20 report p. 6 "other 67" vs briefing p. 3 "77")
    assert others.format(more=count - named, shown=shown, beside=named - shown) in flat
    if lang == "en":
        for text in _brief_texts(en_report):
            assert (
                f"{more} other substantive gaps (besides the {shown} above) are rated “Worse” "
                "in the tables of the full "
                "report's criterion sections." in text
            )
            assert "summary and criterion" not in text and "lists every one" not in text


def _brief_texts(en_report) -> tuple[str, str]:
    """The English briefing's text, flattened: from its PDF and from its Word file."""
    from docx import Document

    pdf = en_report.with_name("en-brief.pdf")
    flat = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages).split())
    doc = Document(str(en_report.with_name("en-brief.docx")))
    return flat, " ".join(" ".join(p.text for p in doc.paragraphs).split())


def test_the_briefing_names_its_better_results_and_gives_the_whole_sample(en_report):
    """Issue 20: the briefing counted "1 significantly better" and never said which (IDPs in
    camps, improved drinking water, 92.8% vs 75.8%); its sample line gave "2,999 records
    (households)" without the people or the degrees of freedom; its stock sent readers to "the
    solutions section", a section of the full report only."""
    from workbench.reporting import ReportOptions
    from workbench.reporting.context import build_context
    from workbench.reporting.summary import chosen_gaps, ranked_gaps

    res = sentinel_results().publishable()
    ctx = build_context(res, ReportOptions(language="en"))
    better = [g.sentence for g in chosen_gaps(ranked_gaps(res, ctx, "better"), 3)]
    assert better
    hh, people = ctx.designs["household"], ctx.designs["individual"]
    sample = (
        f"Sample: {hh['rows']:,} households and {people['rows']:,} people in {hh['psus']:,} "
        f"primary sampling units and {hh['strata']:,} strata ({int(hh['df']):,} degrees of freedom)"
    )
    from workbench.reporting.summary import grid_totals

    totals = grid_totals(res, ctx)
    count = max(totals.better if totals else 0, len(better))
    # more than it names (a mean, results beyond the three): it says how many in all
    lead = (
        f"Substantively better results ({count} in all; the largest):"
        if count > len(better)
        else f"The {len(better)} substantively better results:"
    )
    for text in _brief_texts(en_report):
        assert lead in text
        for sentence in better:
            assert "• " + " ".join(sentence.split()) in text, sentence
        assert sample in text
        # the stock's figure, interval and what it counts; no source line (rd17: the report's
        # 9-line paragraph), and never "the solutions section", a section of the report (en_B 11)
        assert "solutions section" not in text and "Source:" not in text


def test_the_briefing_sample_accounts_for_households_in_no_group():
    """The demo's groups' households (552 + 923 + 681 + 833) came to 2,989 of the 2,999: the
    sample line says that 10 are in no group, and names it — in lower case inside the sentence
    (the French briefing read "10 ménages (Statut inconnu)")."""
    import dataclasses

    from workbench.reporting import ReportOptions
    from workbench.reporting.briefing import build_briefing
    from workbench.reporting.context import build_context
    from workbench.reporting.fingerprint import results_hash
    from workbench.reporting.views import build_views
    from workbench.stats.snapshot import GroupText

    r = sentinel_results()
    unknown = GroupText("99", "exclude", {"en": "Unknown status", "fr": "Statut inconnu"})
    texts = dataclasses.replace(r.snapshot.texts, groups=(*r.snapshot.texts.groups, unknown))
    ex = {"households_no_group": 10, "individuals_no_group": 49, "no_group_codes": ["99"]}
    r.snapshot = dataclasses.replace(r.snapshot, texts=texts, exclusions=ex)
    res = r.publishable()
    for lang, words in (
        ("en", "10 households (unknown status) belong to no population group, so the groups' "
         "households add up to 2,950."),
        ("fr", "10 ménages (statut inconnu) n’appartiennent à aucun groupe de population\u00a0: "
         "les ménages des groupes totalisent donc 2\u00a0950."),
    ):  # fmt: skip
        ctx = build_context(res, ReportOptions(language=lang))
        view = build_briefing(res, ctx, build_views(res, ctx), results_hash(res))
        assert words in view.method[0], view.method[0]


def test_the_briefings_p_note_does_not_send_readers_to_a_p_column():
    """The briefing said "the raw p-values (the first number in the tables' p column)" and has
    no table with a p column: it now says the full report's tables give the adjusted ones."""
    from test_reporting_judging import _judged

    from workbench.reporting import ReportOptions
    from workbench.reporting.context import build_context
    from workbench.reporting.summary import tests_made

    r = _judged()
    for lang, column, full in (
        ("en", "p column", "the full report's tables give them"),
        ("fr", "colonne p", "les tableaux du rapport complet"),
        ("es", "columna p", "los cuadros del informe completo"),
        ("ar", "عمود p", "جداول التقرير الكامل"),
    ):
        ctx = build_context(r, ReportOptions(language=lang))
        report, brief = tests_made(r, ctx), tests_made(r, ctx, briefing=True)
        assert report and column in report, report  # the full report has the tables
        assert brief and column not in brief and full in brief, brief


def test_the_interval_method_is_said_per_kind_of_estimate(en_report):
    """Issue 20: "Confidence intervals are 95% design-based intervals (method: logit)" was said
    of every estimate, while the engine (stats/intervals.py) gives logit intervals to shares
    only: means and ratios get estimate ± t·SE, medians Woodruff's, counts the run's total
    method (the log scale in the demo). The briefing and the methodology say each."""
    import dataclasses

    from workbench.reporting import ReportOptions
    from workbench.reporting.context import build_context
    from workbench.reporting.judging import ci_sentence

    res = sentinel_results().publishable()
    ctx = build_context(res, ReportOptions(language="en"))
    stats = {i.statistic for i in ctx.indicators.values()}
    assert {"proportion", "mean"} <= stats, stats
    text = ci_sentence(res, ctx, Translator("en"))
    assert "shares: logit interval" in text and "(method: logit)" not in text
    # a method inside the sentence is not capitalised ("parts : Intervalle logit", fr 13)
    fr = ci_sentence(res, dataclasses.replace(ctx, language="fr"), Translator("fr"))
    assert "parts\u00a0: intervalle logit" in fr and "Intervalle" not in fr
    assert "means" in text and "estimate ± t × standard error" in text
    assert ("medians: Woodruff's interval" in text) == ("median" in stats)
    # a run on the log scale says so of its counts; with beta, shares say Korn–Graubard
    opts = {**res.snapshot.options, "total_ci": "log"}
    res.snapshot = dataclasses.replace(res.snapshot, options=opts)
    ctx = dataclasses.replace(ctx, ci_method="beta")
    text = ci_sentence(res, ctx, Translator("en"))
    assert "counts: on the log scale, never below zero" in text
    assert "shares: Korn–Graubard (beta) interval" in text
    fr = ci_sentence(res, dataclasses.replace(ctx, language="fr"), Translator("fr"))
    assert (
        "effectifs\u00a0: sur l’échelle logarithmique" in fr
        and "parts\u00a0: intervalle de Korn" in fr
    )
    for flat in _brief_texts(en_report):
        assert (
            "(method: logit)" not in flat and "by kind of estimate — shares: logit interval" in flat
        )
    report = " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(str(en_report)).pages).split()
    )
    assert (
        "(method: logit)" not in report and "by kind of estimate — shares: logit interval" in report
    )


@pytest.mark.parametrize(
    ("thresholds", "lang", "words"),
    [
        ({"caution_below_n": 50}, "en", "† Interpret with caution: fewer than 50 cases, the"),
        (
            {"caution_below_n": 0, "caution_cv": 0.165},
            "en",
            "caution: a coefficient of variation above 16.5%, the",
        ),
        (
            {"caution_below_n": 30, "caution_cv": 0.3, "cv_inclusive": True},
            "en",
            "fewer than 30 cases or a coefficient of variation of 30% or more, the",
        ),
        ({"caution_below_n": 50}, "fr", "prudence\u00a0: moins de 50 cas, seuil"),
        ({"caution_below_n": 50}, "es", "cautela: menos de 50 casos, el umbral"),
        ({"caution_below_n": 50}, "ar", "يُفسَّر بحذر: أقل من 50 حالة، وهي عتبة"),
        ({"caution_below_n": 0, "caution_cv": None}, "en", ""),
    ],
)
def test_the_caution_footnote_states_the_thresholds_applied(thresholds, lang, words):
    """Issue 20: the † footnote promised "few cases or a high coefficient of variation", yet a
    host share of 38.7% (CI 22.7–57.7, n 260) had no †: the demo's DHS rule marks n < 50 only.
    The footnote now states the thresholds the engine applied (stats/disclosure.py)."""
    from workbench.reporting.context import caution_note

    note = caution_note(thresholds, Translator(lang))
    assert (words in note) if words else note == "", note
    if words:
        assert "few cases or a high coefficient" not in note


def test_the_reports_caution_footnote_is_the_runs_rule(en_report, fr_report):
    """Read back from the report (PDF), its Word file and the briefing: the † note gives the
    sentinel run's DHS threshold (n < 50), and the French names DHS by its French name, EDS
    (Enquêtes démographiques et de santé)."""
    from docx import Document

    def flat(pdf):
        pages = PdfReader(str(pdf)).pages
        return " ".join(" ".join(p.extract_text() or "" for p in pages).split())

    en = flat(en_report)
    assert "† Interpret with caution: fewer than 50 cases, the disclosure rule's" in en
    assert "† Interpret with caution: few cases" not in en  # the general footnote
    doc = Document(str(en_report.with_name("en.docx")))
    assert any(p.text.startswith("† Interpret with caution: fewer than 50") for p in doc.paragraphs)
    fr = flat(fr_report).replace("\u00a0", " ")
    assert "† À interpréter avec prudence : moins de 50 cas" in fr
    assert "(EDS ; masquer n < 25" in fr and "DHS (masquer" not in fr


@pytest.mark.parametrize(
    ("lang", "lower", "higher"),
    [
        ("en", " lower.", " higher."),
        ("fr", " de moins).", " de plus)."),  # one colon: the figures in brackets (rd14)
        ("es", " por debajo.", " por encima."),
        ("ar", "أي أدنى بمقدار ", "أي أعلى بمقدار "),
    ],
)
def test_a_gaps_sentence_says_which_way_it_points(lang, lower, higher):
    """The key gaps said "écart de 72,2 pts" with no sign while the tables define a signed
    difference (group minus comparison, "−72,2 pts"): the sentence says the direction in words,
    the same way as the sign of the engine's difference."""
    from workbench.reporting import ReportOptions
    from workbench.reporting.context import build_context
    from workbench.reporting.summary import ranked_gaps

    res = sentinel_results().publishable()
    ctx = build_context(res, ReportOptions(language=lang))
    gaps = ranked_gaps(res, ctx, "worse") + ranked_gaps(res, ctx, "better")
    signs = {g.difference < 0 for g in gaps}
    assert signs == {True, False}  # both directions are met
    for g in gaps:
        right, wrong = (lower, higher) if g.difference < 0 else (higher, lower)
        assert right in g.sentence and wrong not in g.sentence, g.sentence
        assert g.size in g.sentence


@pytest.mark.parametrize(
    ("lang", "one", "lead"),
    [
        ("en", "Where a displaced group fares better", "The only substantively better result:"),
        ("fr", "Situation plus favorable à un groupe déplacé",
         "Seul résultat substantiellement plus favorable\u00a0:"),
        ("es", "Donde un grupo desplazado está mejor", "Único resultado sustancialmente mejor:"),
        ("ar", "حيث تكون فئة نازحة في وضع أفضل", "النتيجة الوحيدة الأفضل بفجوة جوهرية:"),
    ],
)  # fmt: skip
def test_the_better_results_heading_agrees_with_its_count(lang, one, lead):
    """The French summary headed one result "Situations plus favorables" and the briefing led it
    with "Le résultat significativement plus favorable :" (fr 13): the heading agrees with the
    number of results under it, and one result is "Seul résultat …"."""
    from test_reporting_omitted_rows import _texts

    from workbench.reporting import ReportOptions
    from workbench.reporting.context import build_context
    from workbench.reporting.pdf_sections import Builder
    from workbench.reporting.pdf_text import make_styles
    from workbench.reporting.summary import KEY_STRENGTHS, key_gaps

    tr = Translator(lang)
    assert tr("key_strengths", count=1) == one and tr("brief_better", count=1) == lead
    assert tr("key_strengths", count=2) != one
    res = sentinel_results().publishable()
    opts = ReportOptions(language=lang)
    ctx = build_context(res, opts)
    shown = len(key_gaps(res, ctx, "better", KEY_STRENGTHS))
    text = _texts(Builder(ctx, opts, make_styles(lang), 480.0, res).summary())
    assert tr("key_strengths", count=shown) in text


@pytest.mark.parametrize(
    ("lang", "comparator"),
    [("en", "Host community"), ("fr", "Communauté hôte"), ("ar", "المجتمع المضيف")],
)
def test_the_grid_heading_never_leaves_a_word_alone_on_a_line(lang, comparator):
    """ar 10: the Arabic briefing's heading "المعايير حسب الفئة النازحة — فئة المقارنة: المجتمع
    المضيف" wrapped with "المضيف" alone on its second line. The part after the dash is kept on
    one line (and the dash with the words before it), measured at the widths a page gives."""
    from workbench.reporting.judging import grid_heading
    from workbench.reporting.pdf_text import Heading, make_styles

    styles = make_styles(lang)
    # rd17 en: "Criteria by displaced group / — comparison group: Host community" read as two
    # unrelated lines: the comparison group is now a line under the heading (judging)
    text = grid_heading(Translator(lang))
    assert comparator not in text and "—" not in text
    for style in (styles.h1, styles.h2):
        for width in range(380, 561, 4):
            h = Heading(text, 0, "k", style, lang)
            h.wrap(float(width), 1000.0)
            inner = h._inner
            if hasattr(inner, "_lines"):  # the Arabic paragraph wraps its logical lines
                lines = list(inner._lines)
            else:
                lines = [_line_text(line) for line in inner.blPara.lines]
            for line in lines:
                assert len(lines) == 1 or len(line.split()) > 1, (lang, width, line)


def _line_text(line) -> str:
    """A wrapped line's text: a plain paragraph's line is (width, words); one with markup or
    no-break joins (balanced headings) is a FragLine of fragments."""
    if isinstance(line, tuple):
        return " ".join(line[1])
    return " ".join(getattr(w, "text", "") for w in line.words)


@pytest.mark.parametrize(
    ("lang", "lead"),
    [
        ("en", "Also worse there: "),
        ("fr", "Situation aussi moins favorable sur cet indicateur pour "),
        ("es", "También peor situación en este indicador: "),
        ("ar", "وضع أسوأ أيضًا في هذا المؤشر: "),
    ],
)
def test_a_key_gap_names_the_other_groups_worse_on_its_indicator(lang, lead):
    """One gap per indicator, the largest first, named IDPs in camps five times in the demo's
    summary and none of the other displaced groups (rd18): each key gap now names the other
    groups the engine judged worse on the same indicator, each with its gap — and no other."""
    from workbench.reporting import ReportOptions
    from workbench.reporting.context import _in_sentence, build_context
    from workbench.reporting.summary import KEY_GAPS, chosen_gaps, key_gaps, ranked_gaps

    res = sentinel_results().publishable()
    ctx = build_context(res, ReportOptions(language=lang))
    ranked = ranked_gaps(res, ctx, "worse")
    chosen = chosen_gaps(ranked, KEY_GAPS)
    sentences = key_gaps(res, ctx, "worse", KEY_GAPS)
    named = 0
    for gap, sentence in zip(chosen, sentences, strict=True):
        assert sentence.startswith(gap.sentence)
        others = [g for g in ranked if g.indicator_id == gap.indicator_id and g.group != gap.group]
        assert (lead in sentence) == bool(others), sentence
        for g in others:
            name = ctx.group(g.group).label.shown()
            # mid-sentence: "and returnees (26.4 pp lower)", never "and Returnees"
            assert _in_sentence(name) in sentence.removeprefix(gap.sentence)
            assert g.size in sentence.removeprefix(gap.sentence)
            named += 1
    assert named > 0  # the sentinel run has a gap that more than one group shares
