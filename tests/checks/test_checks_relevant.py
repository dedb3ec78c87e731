"""The XLSForm relevant subset: XPath semantics on real columns, and refusal outside it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from workbench.checks.relevant import (
    Unsupported,
    column_resolver,
    evaluate_relevant,
    references,
)

FRAME = pd.DataFrame(
    {
        "g": [1.0, 2.0, 3.0, np.nan, 98.0],
        "txt": ["a", "b", None, "", "a"],
        "multi": ["safety housing", "other", "", None, "housing other"],
        "age": [4.0, 5.0, 17.0, np.nan, 60.0],
        "opt/x": [1.0, 0.0, 1.0, np.nan, 0.0],
        "opt/y": [0.0, 1.0, 1.0, np.nan, 0.0],
    }
)


def ev(text: str) -> list[bool]:
    return evaluate_relevant(text, column_resolver([FRAME]), len(FRAME)).tolist()


def test_comparisons_follow_xpath_on_numbers_and_text() -> None:
    assert ev("${g} = '1'") == [True, False, False, False, False]
    assert ev("${g} != '1'") == [False, True, True, True, True]
    assert ev("${g} = 1 or ${g} = 2") == [True, True, False, False, False]
    assert ev("${age} >= 5") == [False, True, True, False, True]
    assert ev("${age} >= 5 and ${age} <= 17") == [False, True, True, False, False]
    assert ev("${txt} = 'a'") == [True, False, False, False, True]
    assert ev("${txt} = ''") == [False, False, True, True, False]
    assert ev("${txt} != ''") == [True, True, False, False, True]


def test_not_selected_count_selected_and_arithmetic() -> None:
    assert ev("selected(${multi}, 'other')") == [False, True, False, False, True]
    assert ev("not(selected(${multi}, 'housing'))") == [False, True, True, True, False]
    assert ev("count-selected(${multi}) >= 2") == [True, False, False, False, True]
    assert ev("selected(${g}, '2')") == [False, True, False, False, False]
    assert ev("${age} div 2 > 2 and (${g} = '2' or ${g} = '3')") == [
        False, True, True, False, False,
    ]  # fmt: skip
    assert ev("string-length(${txt}) = 1") == [True, True, False, False, True]
    assert ev("true()") == [True] * 5


def test_select_multiple_without_summary_column_reads_option_columns() -> None:
    assert ev("selected(${opt}, 'y')") == [False, True, True, False, False]


def test_outside_the_subset_or_unknown_question_is_refused() -> None:
    for text in ("${nowhere} = '1'", "jr:choice-name(${g}, '${g}')", "${g} = ", "pulldata('x')"):
        with pytest.raises(Unsupported):
            ev(text)
    assert references("${a} = '1' and selected(${ b }, 'x')") == ["a", "b"]
