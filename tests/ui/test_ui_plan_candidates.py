"""The mapping editor's ranked candidates (issue 22): a runner-up whose calibrated confidence
rounds to nothing says "under 1%", not "0%" — no column is known to be certainly wrong."""

from __future__ import annotations

from ui import i18n
from ui.pages.plan_candidates import CandidatePanel
from workbench.plan.model import InputMapping
from workbench.plan.suggest import Offer
from workbench.plan.suggest_why import part, reason


def _offer(column: str, confidence: float) -> Offer:
    why = reason(part("plan.why_name", column=column))
    return Offer(column, "household", confidence, why, InputMapping("age", "household", column))


def test_a_confidence_under_one_percent_is_not_shown_as_zero(qapp, qtbot) -> None:
    offers = (_offer("age", 0.953), _offer("return_year", 0.003), _offer("edu_level", 0.006))
    texts = {}
    for lang in ("en", "fr", "ar"):
        i18n.install(qapp, lang)
        try:
            panel = CandidatePanel()
            qtbot.addWidget(panel)
            panel.show_offers(offers, None, {})
            texts[lang] = [b.text() for b in panel.buttons]
        finally:
            i18n.install(qapp, "en")
    assert texts["en"] == ["age (confidence 95%)", "return_year (confidence < 1%)",
                           "edu_level (confidence 1%)"]  # fmt: skip
    assert texts["fr"][1] == "return_year (confiance < 1 %)"
    assert not any("0%" in t or "0 %" in t for ts in texts.values() for t in ts), texts


def test_an_arabic_candidate_says_under_one_percent_in_words(qapp, qtbot) -> None:
    """In Arabic a "< 1" between Arabic words is mirrored by the bidi algorithm and shows as
    "1 >" (the screenshot's candidates): it is said in words, "أقل من 1٪", the number kept
    left to right, with the Arabic percent sign; one rounding to 100 is "أكثر من 99٪"."""
    offers = (_offer("age", 0.998), _offer("return_year", 0.003))
    i18n.install(qapp, "ar")
    try:
        panel = CandidatePanel()
        qtbot.addWidget(panel)
        panel.show_offers(offers, None, {})
        texts = [b.text() for b in panel.buttons]
    finally:
        i18n.install(qapp, "en")
    assert texts == ["age (الثقة أكثر من \u206699\u2069٪)",
                     "return_year (الثقة أقل من \u20661\u2069٪)"], texts  # fmt: skip


def test_the_mapping_editors_arabic_title_reads_right_to_left(qapp, qtbot) -> None:
    """The editor's title starts with the input's (Latin) name: the Arabic screenshot laid it
    out left to right — left-aligned, the description's full stop at the wrong end."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    from ui.pages.plan_mapping import MappingEditor

    directions = {}
    for lang, description in (("ar", "العمر بالسنوات الكاملة."), ("en", "Age in years.")):
        i18n.install(qapp, lang)
        try:
            ed = MappingEditor()
            qtbot.addWidget(ed)
            ed.edit("age", description, "household", None, {}, "", language=lang)
            doc = QTextDocument()
            doc.setHtml(ed.title.text())
            directions[lang] = doc.firstBlock().textDirection()
        finally:
            i18n.install(qapp, "en")
    assert directions == {"ar": Qt.LayoutDirection.RightToLeft,
                          "en": Qt.LayoutDirection.LeftToRight}  # fmt: skip
