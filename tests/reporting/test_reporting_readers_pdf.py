"""Issue 20's findings read back from whole PDFs (the session's English and French reports)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from reporting_testkit import FIXED
from test_reporting_pdf import lines_of, page_texts

from workbench.reporting import ReportOptions
from workbench.reporting.fingerprint import results_hash
from workbench.stats.results import stock_margin

pytestmark = pytest.mark.slow  # the module's fixtures write whole reports (en, fr)


def test_french_typography_and_a_traffic_light_that_says_the_direction(fr_report):
    text = re.sub(r"\s+", " ", " ".join(page_texts(fr_report)))
    assert "Définition :" in text and "Définition:" not in text
    assert "■ Moins favorable" in text  # the red cell said only "Écart"
    assert "Écart (réf." in text  # the column still names the comparison


def test_fingerprints_are_whole_on_one_line(en_report):
    from reporting_testkit import sentinel_results

    lines = lines_of(page_texts(en_report))
    digest = results_hash(sentinel_results())
    assert any(digest in line for line in lines)  # never split mid-string
    assert any(line.endswith("cd" * 32) for line in lines)  # the dataset fingerprint too


def test_methodology_gives_the_survey_facts_and_sample_sizes(en_report):
    texts = page_texts(en_report)
    page = next(t for t in texts if "Methodology annex" in t and "Sample sizes" in t)
    page = re.sub(r"\s+", " ", page)
    assert "March–April 2026" in page and "Freedonia (Northern provinces)" in page
    assert "Degrees of freedom" in page and "14,210" in page and "137" in page


def test_stock_tables_have_their_footnotes_and_labels(en_report, fr_report):
    """The fixture's stock tables flag cells † (none is withheld): their note follows them. The
    "* Not published" the test also looked for was the solutions' note, on the stock heading's
    page only while that heading stood at the foot of it."""
    cases = [
        (en_report, "Estimated displaced population", "† Interpret with caution"),
        (fr_report, "Effectif estimé des personnes", "† À interpréter avec prudence"),
    ]
    for path, title, note in cases:
        texts = page_texts(path)
        # the summary names the stock's first table too (its source): any page that starts a
        # stock table, contents aside, with its note within three pages
        starts = [
            i for i, t in enumerate(texts) if title in t and not re.search(r"\.\s+\.\s+\.", t)
        ]
        tails = [" ".join(texts[i : i + 3]) for i in starts]
        assert any(note in tail and "†" in tail for tail in tails), (path.name, starts)
    fr = " ".join(page_texts(fr_report))
    assert "Femmes × 0–17" in fr and "Female" not in fr  # the French label, not "Female"


def test_stock_tables_end_with_a_total_row(en_report, fr_report):
    """Issue 20, finding 4: each stock table of the report ends with its (bold) Total row."""
    from reporting_fixture import make_results

    from workbench.reporting.fmt import fmt_count

    st = make_results().stock
    totals = st[(stock_margin(st) == "total") & (st["group"] == "all_displaced")]
    assert len(totals) == 4
    for path, lang in ((en_report, "en"), (fr_report, "fr")):
        lines = lines_of(page_texts(path))
        for est in totals["estimate"]:
            number = re.sub(r"\s", "", fmt_count(est, lang))  # French groups with a (narrow) space
            after = [lines[i + 1] for i, line in enumerate(lines[:-1]) if line.strip() == "Total"]
            assert any(re.sub(r"\s", "", x).startswith(number) for x in after), (lang, number)


def test_two_way_stock_tables_print_their_margins(en_report, fr_report):
    """A two-way table (sex × age group) gives each row level's total over the columns
    ("Female × Total": both… all ages) and each column level's over the rows ("Total × 0–4":
    both sexes), in bold, each with the engine's own count (read back from the PDF)."""
    from reporting_fixture import make_results

    from workbench.reporting.build import gate
    from workbench.reporting.fmt import fmt_count
    from workbench.reporting.typography import typeset

    results = make_results()
    st = results.stock
    kind = stock_margin(st)
    margins = st[np.isin(kind, ["row", "col"]) & (st["group"] == "all_displaced")]
    assert set(margins["table"]) == {"sex_by_age", "location_by_origin", "cause_by_year"}
    for path, lang, total in ((en_report, "en", "Total"), (fr_report, "fr", "Total")):
        ctx, _v, _g = gate(results, ReportOptions(language=lang, fixed_timestamp=FIXED))
        lines = [re.sub(r"\s+", " ", ln) for ln in lines_of(page_texts(path))]
        for m in margins.itertuples(index=False):
            side = (m.row_var, m.row_value) if m.col_value == "_total" else (m.col_var, m.col_value)
            level = typeset(ctx.level(*side).shown(), lang)  # as printed: "0–17", not "0-17"
            label = f"{level} × {total}" if m.col_value == "_total" else f"{total} × {level}"
            number = re.sub(r"\s", "", fmt_count(m.estimate, lang))
            at = [i for i, ln in enumerate(lines) if ln.startswith(label)]
            assert at, (lang, label)
            shown = [re.sub(r"\s", "", lines[i] + lines[i + 1]) for i in at]
            assert any(number in x for x in shown), (lang, label, number)


def test_french_lines_never_start_with_a_closing_mark(fr_report):
    """French puts a no-break space before ":", ";", "?", "!", "»" and "%" and after "«": no
    line of the report starts with one of them or ends with "«" (the Word copy's summary had a
    line "» : 57,3 % contre 17,0 %")."""
    from workbench.reporting.i18n import catalog

    for key, text in catalog("fr").items():
        assert not re.search(r" [:;!?»%]|« ", text), key
    lines = [ln.strip() for ln in lines_of(page_texts(fr_report)) if ln.strip()]
    assert len(lines) > 500
    for ln in lines:
        assert not re.match(r"[:;!?»%]", ln) and not ln.endswith("«"), ln


def test_stock_tables_print_a_not_stated_row(en_report, fr_report):
    """Issue 20: units with no year of displacement are counted in the Total; the table prints
    them in their own "Not stated" cells (the fixture's cause × year table has a year not
    stated), each with the engine's count, so the printed cells add up to the Total."""
    from reporting_fixture import make_results

    from workbench.reporting.fmt import fmt_count
    from workbench.stats.results import STOCK_NOT_STATED

    st = make_results().stock
    cells = st[(st["col_value"] == STOCK_NOT_STATED) & (st["group"] == "all_displaced")]
    assert len(cells) == 3  # conflict or violence, disaster, and both causes (the margin)
    for path, lang, word in ((en_report, "en", "Not stated"), (fr_report, "fr", "Non déclaré")):
        lines = [re.sub(r"\s+", " ", ln) for ln in lines_of(page_texts(path))]
        for c in cells.itertuples(index=False):
            number = re.sub(r"\s", "", fmt_count(c.estimate, lang))
            at = [i for i, ln in enumerate(lines) if ln.endswith(f"× {word}") or f"× {word} " in ln]
            shown = [re.sub(r"\s", "", lines[i] + lines[i + 1]) for i in at]
            assert any(number in x for x in shown), (lang, word, number)


def test_stock_counts_without_an_interval_show_why(en_report, fr_report):
    """Issue 20: a † count's log-scale interval ran past the whole IDP stock ("5 – 1,306,063")
    and a count whose domain had no degree of freedom printed an empty interval cell. The engine
    publishes such counts without an interval and says why (stats/count_intervals.py); the
    table shows ‡ in the interval cell, footnoted once. One mark for both of the engine's
    reasons: "‡" (p48, p62) and "§" (p63–64) with two explanations made readers learn two
    symbols for one situation (en_B 12)."""
    from reporting_fixture import make_results

    from workbench.reporting.fmt import fmt_count

    st = make_results().stock
    pooled = st[(st["group"] == "all_displaced") & (st["no_interval"] != "")]
    # "unreliable" counts are marked † and so withheld since c47188a: "no_df" ones remain
    assert set(pooled["no_interval"]) == {"no_df"}
    cases = [
        (en_report, "en", "‡ No interval for this count"),
        (fr_report, "fr", "‡ Pas d’intervalle pour cet effectif"),
    ]
    for path, lang, footnote in cases:
        lines = [re.sub(r"\s+", " ", ln) for ln in lines_of(page_texts(path))]
        text = " ".join(lines)
        assert footnote in text and "§" not in text, lang
        # a table's cells come out one per line: label, count, interval, n
        marks = [i for i, ln in enumerate(lines) if ln == "‡"]
        assert len(marks) == len(pooled), lang
        shown = {lines[i - 1] for i in marks}
        for c in pooled.itertuples(index=False):  # each such count, the mark beside it
            number = re.sub(r"\s+", " ", fmt_count(c.estimate, lang))
            assert number + "†" in shown or number in shown, (lang, number, shown)


def test_a_module_is_named_as_the_library_and_the_annex_name_it(en_report, fr_report):
    """The report headed module A "Module A: population profile" (a fixed catalogue entry) while
    the annex and the library say "Core demographics, displacement history and discrimination"
    (an English reader could not match the two)."""
    en = " ".join(" ".join(page_texts(en_report)).split())
    assert "Module A: Core demographics, displacement history and discrimination" in en
    assert "Module B: Future preferences and plans" in en and "population profile" not in en
    fr = " ".join(" ".join(page_texts(fr_report)).split())
    assert "Module A : Données démographiques de base, historique du déplacement" in fr


def test_a_report_names_no_file_of_the_source_repository(en_report):
    """The fingerprint's paragraph sent readers to "docs/reporting.md", a file of the source
    repository a reader of a published report does not have (an Arabic reader found it in
    Latin script in the Arabic text)."""
    assert "docs/" not in " ".join(page_texts(en_report))
