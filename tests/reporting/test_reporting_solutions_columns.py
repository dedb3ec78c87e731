"""Issue 20 (en_B 6, fr_B 8): in the solutions breakdown table, the "District of origin" block
(a longer first column: "Another district of Freedonia") had its group columns shifted right of
those in the blocks above and below it, so the columns of one table did not line up down the
page. Every block of the table now has the same column widths: measured where the white gutters
between the header cells are drawn."""

from __future__ import annotations

import io

import pandas as pd
import pdfplumber
import pytest
from test_reporting_solutions_bounds import CASES, METHOD, _no_passers

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.pdf_doc import ReportDoc
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.stats.results import ALL_DISPLACED

LONG = "Another district of Freedonia, far to the north"


def _results():
    """The fixture's solutions by sex, and the same rows as a district of origin (one level of
    a long name) and a year of displacement."""
    r = _no_passers()
    sol = r.solutions
    sex = sol[sol["disaggregation"] == "sex"]
    blocks = [sol]
    for dis, names in (("district_origin", (LONG, "Bendeki")), ("year", ("2013", "2014"))):
        rows = sex.copy()
        rows["disaggregation"] = dis
        rows["disaggregation_value"] = rows["disaggregation_value"].map(
            dict(zip(("Female", "Male"), names, strict=True))
        )
        blocks.append(rows)
    r.solutions = pd.concat(blocks, ignore_index=True)
    return r


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_blocks_of_the_solutions_breakdown_table_line_up(lang) -> None:
    r = _results()
    opts = ReportOptions(language=lang)
    b = Builder(build_context(r, opts), opts, make_styles(lang), 480.0, r.publishable())
    codes = [*CASES, ALL_DISPLACED]
    out = io.BytesIO()
    flowables, _tabled = b._solutions_breakdowns(b.results.solutions, METHOD, codes)
    ReportDoc(out, "A4", lang).build([b.h(b.tr("solutions"), 0, "solutions"), *flowables])
    gutters: dict[int, list[float]] = {}  # each header row's white gutters, left to right
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        assert len(pdf.pages) == 1
        for line in pdf.pages[0].lines:
            if line["x0"] == line["x1"] and line.get("stroking_color") == (1.0, 1.0, 1.0):
                gutters.setdefault(round(line["bottom"]), []).append(round(line["x0"], 1))
    columns = [sorted(xs) for _top, xs in sorted(gutters.items())]
    assert len(columns) == 3 and all(len(xs) == len(codes) for xs in columns), columns
    assert columns[0] == columns[1] == columns[2], columns
