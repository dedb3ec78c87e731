"""Solutions breakdowns a reader can use (issue 20, rd18 en p.74–76, fr p.78–80, ar p.77–78).

(a) Where no displaced group's share is printed at any level of a breakdown — every cell a bound
"< 0.5%", withheld or no case — one sentence stands for the table (which stays in the annex):
the demo printed some 80 such cells, values only in the host's column.
(b) The host's cells in a breakdown it has no value for by nature (district of origin, cause,
year of displacement) read "Not applicable", as under homogeneous cells: "–" means no case, one
thing in the whole report, and one note says why.
(c) "< 1.0%" beside "All displaced 0.3% (0.2 – 0.6)": the note says why a group's share is a
bound while the pooled one is printed."""

from __future__ import annotations

import pandas as pd
import pytest
from reporting_fixture import make_results
from test_reporting_solutions_bounds import CASES, METHOD, _no_passers, _pdf_lines, _plain
from test_reporting_tables_act import texts

from workbench.reporting import ReportOptions
from workbench.reporting.context import build_context
from workbench.reporting.fmt import fmt_value
from workbench.reporting.i18n import Translator
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_text import make_styles
from workbench.reporting.solutions_notes import methods_notes
from workbench.stats.results import ALL_DISPLACED

#: every displaced group has a small cell of women: every headline is withheld and a bound
ALL_SMALL = {"1": (14, 280), "2": (14, 240), "3": (14, 170)}


def _builder(r, lang: str) -> Builder:
    opts = ReportOptions(language=lang)
    return Builder(build_context(r, opts), opts, make_styles(lang), 480.0, r.publishable())


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_breakdown_of_bounds_only_is_one_sentence_not_a_table(lang) -> None:
    from workbench.reporting.annex_tables import solutions_table

    r = _no_passers(ALL_SMALL)
    b = _builder(r, lang)
    tr = Translator(lang)
    codes = [*ALL_SMALL, ALL_DISPLACED]
    parts, tabled = b._solutions_breakdowns(b.results.solutions, METHOD, codes)
    assert tabled == []
    lines = _pdf_lines(b, parts, lang)
    text = " ".join(lines)
    bound = _plain(tr("value_below", value=fmt_value(0.005, "proportion", lang)))
    sentence = [t for t in texts(parts) if tr("solutions") in t]
    assert len(sentence) == 1, texts(parts)
    assert text.count(bound) == _plain(sentence[0]).count(bound), lines  # no cell of bounds
    female = _plain(b.ctx.level("sex", "Female").shown())
    assert female not in text, lines  # no row
    # the section prints none of the tables' notes without a table
    story = " ".join(texts(b.solutions()))
    assert tr("fn_breakdown_bounded") not in story
    # the annex keeps the breakdown's rows
    annex = solutions_table(r.publishable(), b.ctx)
    assert annex is not None and any(female in map(str, row) for row in annex.rows)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_a_breakdown_with_printed_values_stays_a_table(lang) -> None:
    r = _no_passers(CASES)  # groups 1 and 2 publish "0.0%"
    b = _builder(r, lang)
    _parts, tabled = b._solutions_breakdowns(b.results.solutions, METHOD, [*CASES, ALL_DISPLACED])
    assert tabled == ["sex"]


def _host_origin(lang: str) -> Builder:
    """Results with a district-of-origin breakdown where the host's rows are empty."""
    r = make_results()
    rows = []
    for g in ("1", "2", "3", "4", ALL_DISPLACED):
        for level in ("Alvora", "Bendeki"):
            host = g == "4"
            rows.append({"method": METHOD, "group": g, "disaggregation": "district_origin",
                         "disaggregation_value": level, "share": None if host else 0.2,
                         "se": 0.01, "ci_low": 0.1, "ci_high": 0.3, "number": 10.0,
                         "number_se": 1.0, "n": 0 if host else 50, "n_assessable": 0 if host
                         else 200, "flag": "suppressed" if host else "",
                         "suppression": "empty" if host else ""})  # fmt: skip
        rows.append({"method": METHOD, "group": g, "disaggregation": "total",
                     "disaggregation_value": "", "share": 0.2, "se": 0.01, "ci_low": 0.1,
                     "ci_high": 0.3, "number": 10.0, "number_se": 1.0, "n": 100,
                     "n_assessable": 400, "flag": "", "suppression": ""})  # fmt: skip
    r.solutions = pd.DataFrame(rows)
    return _builder(r, lang)


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_hosts_cells_without_a_place_of_origin_read_not_applicable(lang) -> None:
    b = _host_origin(lang)
    tr = Translator(lang)
    codes = ["1", "2", "3", ALL_DISPLACED, "4"]
    sol = b.results.solutions
    _parts, tabled = b._solutions_breakdowns(sol, METHOD, codes)
    assert tabled == ["district_origin"]
    _header, body = b._by_group_cells(
        "x", [("Alvora", sol[sol["disaggregation_value"] == "Alvora"])], codes
    )
    word = tr("assessment_not_applicable")
    assert body[0][-1] == word and "–" not in body[0], body
    story = texts(b.solutions())
    notes = [t for t in story if t.startswith(word + " —")]
    assert notes, story
    assert not any(t.startswith("– ") and "–" in t[:2] for t in story if t != tr("fn_empty"))


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_note_says_why_a_group_is_a_bound_beside_a_printed_pooled_share(lang) -> None:
    r = _no_passers(CASES)
    b = _builder(r, lang)
    tr = Translator(lang)
    sol = b.results.solutions
    total = sol[sol["disaggregation"] == "total"].copy()
    codes = [*CASES, ALL_DISPLACED]
    pooled = total["group"] == ALL_DISPLACED
    said = tr("fn_methods_pooled_printed")
    assert said not in methods_notes(tr, b.ctx, total, codes)  # pooled a bound too
    total.loc[pooled, ["flag", "suppression", "share_below", "share"]] = ["", "", None, 0.003]
    assert said in methods_notes(tr, b.ctx, total, codes)


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_annex_and_the_app_say_not_applicable_where_the_report_does(lang) -> None:
    """The annex's "Solutions measure" sheet and the app's "All methods compared" table printed
    "–" (no case) for the host by district of origin while the report said "Not applicable"
    (tables3 left it): one rule, ``solutions_cells.not_applicable``, decides all three."""
    from workbench.reporting.annex_tables import solutions_table
    from workbench.reporting.solutions_cells import table_cells

    b = _host_origin(lang)
    tr = Translator(lang)
    word = tr("assessment_not_applicable")
    sol = b.results.solutions
    host = b.ctx.comparator.code
    annex = solutions_table(b.results, b.ctx)
    assert annex is not None
    alvora = b.ctx.level("district_origin", "Alvora").shown()
    hosts = [row for row in annex.rows if alvora in map(str, row) and word in map(str, row)]
    assert len(hosts) == 1, [row for row in annex.rows if alvora in map(str, row)]
    assert "–" not in map(str, hosts[0])
    cells = table_cells(tr, b.ctx, sol.to_dict("records"))
    for rec, cell in zip(sol.to_dict("records"), cells, strict=True):
        origin = rec["disaggregation"] == "district_origin"
        if str(rec["group"]) == host and origin:
            assert (cell.share, cell.kind) == (word, "not_applicable"), cell
        else:
            assert cell.kind != "not_applicable", (rec, cell)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_hosts_breakdown_rows_under_homogeneous_cells_read_not_applicable(lang) -> None:
    """rd20 ar annex: the host's rows by sex and district under homogeneous cells read "–" (no
    case) while its overall row read "Not applicable" — the method assesses none of its
    households, at any level."""
    from workbench.reporting.annex_tables import solutions_table
    from workbench.reporting.solutions_notes import CELLS

    b = _host_origin(lang)
    sol = b.results.solutions.copy()
    host = b.ctx.comparator.code
    sol["method"] = CELLS
    sol.loc[sol["group"] == host, ["share", "flag", "suppression"]] = [None, "suppressed", "empty"]
    sol.loc[sol["group"] == host, "disaggregation"] = sol["disaggregation"].where(
        sol["disaggregation"] == "total", "sex"
    )
    # the headline method has the host's households by sex: the breakdown applies to it
    other = sol.copy()
    other["method"] = METHOD
    other[["share", "flag", "suppression", "n"]] = [0.2, "", "", 50]
    b.results.solutions = pd.concat([sol, other], ignore_index=True)
    annex = solutions_table(b.results, b.ctx)
    assert annex is not None
    word = Translator(lang)("assessment_not_applicable")
    label = b.ctx.comparator.label.shown()
    method = b.ctx.solutions_methods.get(CELLS, CELLS)
    hosts = [row for row in annex.rows if label in map(str, row) and row[0] == method]
    assert hosts and all(word in map(str, row) and "–" not in map(str, row) for row in hosts), hosts
