"""Issue 20, final French reader (fr_A 10): "+0,5 pts" — French writes the singular below 2
("0,5 pt", "2,0 pts"); "au niveau de confiance de 95 %" for a significance level — « au seuil
de 5 % »."""

from __future__ import annotations

from reporting_fixture import make_results

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.fmt import fmt_diff
from workbench.reporting.i18n import Translator

NBSP = "\u00a0"


def test_french_points_are_singular_below_two() -> None:
    pts = Translator("fr")("unit_pp")
    assert fmt_diff(0.005, "proportion", "fr", pts) == f"+0,5{NBSP}pt"
    assert fmt_diff(-0.019, "proportion", "fr", pts) == f"\u22121,9{NBSP}pt"
    assert fmt_diff(0.02, "proportion", "fr", pts) == f"+2,0{NBSP}pts"
    assert fmt_diff(0.0004, "proportion", "fr", pts) == f"0,0{NBSP}pt"
    assert fmt_diff(0.005, "proportion", "en", "pp") == f"+0.5{NBSP}pp"


def test_french_summary_gives_the_significance_level() -> None:
    from workbench.reporting.summary import tests_made

    r = make_results().publishable()
    text = tests_made(r, build_context(r, ReportOptions(language="fr")))
    assert text and f"au seuil de 5{NBSP}%" in text and "niveau de confiance" not in text


def test_briefing_says_headlines_are_unfavourable_and_tables_signed(fr_report) -> None:
    """fr_A 7: briefing p.2 defined "écart" twice — "how much worse, whether high values are
    good or not", then "the group's estimate minus the comparison's": the second now says the
    headings give the unfavourable direction while the tables are signed."""
    from pypdf import PdfReader

    pdf = fr_report.with_name("fr-brief.pdf")
    flat = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages).split())
    flat = flat.replace(NBSP, " ").replace("\u202f", " ")
    said = "Les titres donnent chaque écart dans le sens le moins favorable au groupe ; les"
    said += " tableaux"
    assert said in flat


def test_group_labels_are_lower_case_inside_the_stock_sentence() -> None:
    """fr_A 9: "(PDI dans les camps, PDI hors des camps et Personnes retournées)" mid-sentence."""
    from workbench.reporting.summary_stock import idp_stock

    r = make_results()
    ctx = build_context(r, ReportOptions(language="en"))
    text = idp_stock(r.publishable(), ctx) or ""
    labels = [g.label.shown() for g in ctx.displaced]
    capital = [x for x in labels if x[0].isupper() and x[1:2].islower()]
    assert capital, labels
    for label in capital:
        assert label[0].lower() + label[1:] in text.split("(", 2)[2], text


def test_french_uses_one_form_for_fpc_and_the_r_package() -> None:
    """fr_B 12: « correction pour population finie » beside « correction de population finie »,
    and "package"/"paquet" survey de R — one form, the French one (rd16: « package » read as
    English)."""
    from pathlib import Path

    import workbench

    root = Path(workbench.__file__).parent
    for path in (root / "reporting/i18n/fr.json", root / "i18n/messages_fr.json"):
        text = path.read_text(encoding="utf-8")
        assert "correction de population finie" not in text and "package survey" not in text
    # the demo's own variable label, printed in the methodology's design table (fr_B 12, p.70)
    from workbench.sample.questions_household import QUESTIONS

    labels = [q.fr for q in QUESTIONS]
    assert not [x for x in labels if "correction de population finie" in x]
    assert [x for x in labels if "correction pour population finie" in x]
