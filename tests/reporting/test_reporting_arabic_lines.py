"""Line breaks of the Arabic briefing PDF (issue 20, ar_A 5), measured as the PDF draws them.

The gap heading broke "…أسوأ بمقدار" / "51.1 نقطة", the number cut from its verb, and the
methodology ended paragraphs on "الصفر." and "(†)." alone on a line. A number now keeps the
word before it (and "أسوأ بمقدار" is joined by a no-break space in the catalogue), and a last
line of one word takes the word before it.
"""

from __future__ import annotations

import json
from pathlib import Path

from reportlab.lib.pagesizes import A4

import workbench.reporting
from workbench.reporting.pdf_doc import MARGIN
from workbench.reporting.pdf_text import (
    FRAME_PADDING,
    BalancedLine,
    RTLParagraph,
    make_styles,
    para,
)
from workbench.reporting.rtl import wrap_logical

CATALOGUES = Path(workbench.reporting.__file__).parent / "i18n"
#: the briefing's text width on A4 (the frame's paddings off), as RTLParagraph is given it
WIDTH = A4[0] - 2 * MARGIN - FRAME_PADDING

#: the demo's fifth gap, titled as the briefing titles it (its catalogue's words)
HEADING = json.loads((CATALOGUES / "ar.json").read_text(encoding="utf-8"))[
    "brief_gap_title"
].format(
    rank=5,
    title="الوصول إلى خدمات الصرف الصحي الأساسية",
    group="النازحون داخليًا في المخيمات",
    difference="51.1\u00a0نقطة",
)
CI = (
    "فترات الثقة هي فترات 95% قائمة على تصميم المسح، بحسب نوع التقدير — النسب: فاصل لوجيت؛ "
    "المتوسطات والمعدلات: التقدير ± t × الخطأ المعياري؛ الوسيطات: فترة وودروف؛ الأعداد: على "
    "المقياس اللوغاريتمي، فلا تنزل تحت الصفر (t: مئين ستيودنت). يكون الفرق ذا دلالة عندما لا "
    "تتضمن فترته الصفر."
)
DISCLOSURE = (
    "قاعدة السرية: المسوح الديموغرافية والصحية (DHS؛ إخفاء n < 25، الحذر n < 50). لا تُنشر "
    "التقديرات التي لا تستوفي حدودها (*) وتُميَّز الحالات الحدّية (†)."
)


def _lines(text: str, style: str) -> list[str]:
    flowable = para(text, getattr(make_styles("ar"), style), "ar")
    assert isinstance(flowable, RTLParagraph)
    flowable.wrap(WIDTH, 1000)
    return flowable._lines


def test_a_number_stays_with_the_word_before_it():
    lines = _lines(HEADING, "h3")
    assert len(lines) == 2
    # "worse by 51.1 points" together, the comparative with its number
    assert lines[-1].endswith("أسوأ\u00a0بمقدار 51.1\u00a0نقطة"), lines


def test_the_gap_heading_breaks_before_its_dash_not_after_its_colon():
    """rd21 ar p. 2: the heading broke after its colon, "أسوأ بمقدار 51.1 نقطة" alone on its
    second line. The briefing lays it out as a heading (BalancedLine): the break falls before
    the dash, the group and its verdict on the second line."""
    heading = BalancedLine(HEADING, make_styles("ar").h3, "ar")
    heading.wrap(WIDTH, 1000)
    inner = heading._inner
    assert isinstance(inner, RTLParagraph)
    first, second = inner._lines
    assert "—" not in first and second.startswith("—"), inner._lines
    assert second.endswith("أسوأ\u00a0بمقدار 51.1\u00a0نقطة"), inner._lines


def test_no_briefing_paragraph_ends_on_one_word_alone():
    for text, count in ((CI, 3), (DISCLOSURE, 2)):
        lines = _lines(text, "small")
        assert len(lines) == count, lines  # as many lines as before
        assert " " in lines[-1], lines
    assert _lines(CI, "small")[-1] == "فترته الصفر."
    assert _lines(DISCLOSURE, "small")[-1] == "الحدّية (†)."


def test_the_breaker_keeps_lines_within_the_width_and_the_words_in_order():
    text = "واحد اثنان ثلاثة أربعة خمسة ستة سبعة بمقدار 12.5 نقطة"
    for width in range(8, 60):
        lines = wrap_logical(text, width, len)
        assert " ".join(lines) == text
        # a line longer than the width only when one word is (never by the rebalancing)
        assert all(len(line) <= width or " " not in line for line in lines), (width, lines)
    # a two-line paragraph whose first line would keep one word is left as it is
    assert wrap_logical("واحد اثنان ثلاثة", 11, len) == ["واحد اثنان", "ثلاثة"]
