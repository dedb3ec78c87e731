"""Issue 20, Arabic readers' wording (rd14 ar_A/ar_B): grammar, one spelling of a name, the
briefing's "ratios" not read as "proportions", and a heading that broke after a preposition."""

from __future__ import annotations

import json
from pathlib import Path

import workbench
import workbench.reporting
from workbench.reporting.i18n import Translator
from workbench.reporting.judging import grid_heading
from workbench.reporting.pdf_text import Heading, make_styles

CATALOGUE = Path(workbench.reporting.__file__).parent / "i18n" / "ar.json"
MESSAGES = Path(workbench.__file__).parent / "i18n" / "messages_ar.json"


def _texts() -> list[str]:
    report = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    engine = json.loads(MESSAGES.read_text(encoding="utf-8"))
    return [str(v) for v in (*report.values(), *engine.values())]


def test_the_negation_of_a_significant_difference_takes_the_accusative():
    """ar_A 3: after لا النافية للجنس the adjective is accusative: "لا فرقَ ذا دلالة"."""
    texts = _texts()
    assert not [t for t in texts if "لا فرق ذو" in t or "لا تغير ذو" in t]
    assert Translator("ar")("assessment_no_significant_difference") == "لا فرقَ ذا دلالة"
    assert any(t.startswith("لا فرقَ ذا دلالة:") for t in texts)  # its key quotes the cell


def test_student_is_spelt_one_way():
    """ar_B 5: "توزيع t لستودنت" in the methodology, "مئين ستيودنت" in the CI note."""
    texts = _texts()
    assert not [t for t in texts if "ستودنت" in t]
    assert any("لستيودنت" in t for t in texts)


def test_the_briefing_says_ratios_not_proportions_have_no_minimum():
    """ar_A 1: "أما المبالغ والنسب، التي لا حدّ أدنى محددًا لها" read as proportions, which
    do have the 5-point minimum that produced the gaps shown. rd19 ar L58: the parenthesis
    named amounts and ratios only (means, medians and totals have none either): it speaks of
    any indicator without a minimum, naming no kind of estimate."""
    note = Translator("ar")("brief_gaps_note", comparator="المجتمع المضيف")
    assert "المؤشر الذي لا حدّ أدنى محددًا له" in note
    assert "والنسب، التي" not in note and "المبالغ" not in note


def test_the_arabic_grid_heading_never_ends_a_line_on_its_preposition():
    """ar_A 2: the briefing's heading broke "المعايير حسب" / "الفئة النازحة — …" (the
    comparison group is now a line of its own under it)."""
    text = grid_heading(Translator("ar"))
    styles = make_styles("ar")
    for style in (styles.h1, styles.h2):
        for width in range(240, 561, 4):  # half a page's text and more: on one line
            h = Heading(text, 0, "k", style, "ar")
            h.wrap(float(width), 1000.0)
            lines = [line.replace("\u00a0", " ").strip() for line in h._inner._lines]
            assert not any(line.endswith("حسب") for line in lines), (width, lines)
            assert len(lines) == 1, (width, lines)
