"""The IDPs alone have a row of their own in each stock table (issue 20): the stock counts IDPs
and returnees (IRIS), its Total includes both, and readers wanted the IDPs' own figure (576,140
in the demo). The engine's ``stock_idps`` gives it; the PDF (en, fr, ar) and the Word report
(en, ar) print it after the Total, with its interval and n; a withheld one prints "*"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reporting_fixture import make_results
from reporting_testkit import FIXED
from test_reporting_validation_annex import _docx_text, _flat, _lines, _pdf_text

from workbench.export_writer import AuditList
from workbench.reporting import ReportOptions, build_report
from workbench.reporting.fmt import fmt_count
from workbench.reporting.i18n import Translator
from workbench.stats.results import stock_margin

ROW = {
    "en": "IDPs alone, without returnees",
    "fr": "PDI seules, sans les personnes retournées",
    "ar": "النازحون داخليًا وحدهم، دون العائدين",
}
GROUPS = {  # the note under each table names the groups the row counts
    "en": "IDPs in camps and IDPs outside camps together",
    "fr": "PDI dans les camps et PDI hors des camps ensemble",
    "ar": "النازحون في المخيمات والنازحون خارج المخيمات معًا",
}


def _results(withheld: str = ""):
    """The fixture with the engine's IDPs-alone totals: groups 1 and 2, their totals' sum."""
    r = make_results()
    st = r.stock
    totals = st[(stock_margin(st) == "total") & st["group"].isin(["1", "2"])]
    alone = {}
    for tid, part in totals.groupby("table", sort=False):
        est = float(part["estimate"].sum())
        hidden = tid == withheld
        alone[str(tid)] = {
            "groups": ["1", "2"],
            "estimate": None if hidden else est,
            "se": None if hidden else est * 0.05,
            "ci_low": None if hidden else est * 0.9,
            "ci_high": None if hidden else est * 1.1,
            "n": int(part["n"].sum()),
            "df": 137.0,
            "flag": "suppressed" if hidden else "",
            "no_interval": "",
        }
    r.meta = {**r.meta, "stock_idps": alone}
    return r, alone


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, tuple[Path, Path | None]]:
    out: dict[str, tuple[Path, Path | None]] = {}
    folder = tmp_path_factory.mktemp("idps")
    for lang in ("en", "fr", "ar"):
        docx = folder / f"{lang}.docx" if lang != "fr" else None
        opts = ReportOptions(
            language=lang, fixed_timestamp=FIXED, docx_path=docx, sections=("solutions",)
        )
        pdf = build_report(_results("location_type")[0], folder / f"{lang}.pdf", opts,
                           audit=AuditList())  # fmt: skip
        out[lang] = (pdf, docx)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_each_stock_table_gives_the_idps_alone_after_its_total(reports, lang):
    pdf, docx = reports[lang]
    _r, alone = _results("location_type")
    texts = [_flat(_pdf_text(pdf) if lang != "ar" else " ".join(_lines(pdf)))]
    if docx is not None:
        texts.append(_flat(re.sub("[\u200e\u200f\u202a-\u202e]", "", _docx_text(docx))))
    for text in texts:
        # one row per table, and its note naming the groups
        assert text.count(_flat(ROW[lang])) == 2 * len(alone), lang
        assert text.count(_flat(GROUPS[lang])) == len(alone), lang
        for value in alone.values():
            if value["estimate"] is None:
                continue
            number = fmt_count(value["estimate"], lang)
            at = text.index(_flat(number))  # the IDPs' figure is printed …
            assert _flat(fmt_count(value["n"], lang)) in text[at:]


@pytest.mark.slow
def test_a_withheld_idps_total_shows_a_star(reports):
    """The engine withholds it where a displaced group's total is withheld: the row shows "*"
    and no interval, like every unpublished cell."""
    pdf, _docx = reports["en"]
    text = _flat(_pdf_text(pdf))
    assert f"{ROW['en']} *" in text


def test_a_figure_off_by_one_from_the_groups_rounded_sum_says_why():
    """The demo printed 576,141 for IDPs in camps (145,717) and outside camps (430,423): a
    reader adding them gets 576,140. The note says the figure is counted unrounded."""
    from workbench.reporting.context import build_context
    from workbench.reporting.summary_stock import idps_alone

    r, alone = _results()
    st = r.stock
    at = (st["table"] == "sex_by_age") & (stock_margin(st) == "total")
    st.loc[at & (st["group"] == "1"), "estimate"] = 145_717.4
    st.loc[at & (st["group"] == "2"), "estimate"] = 430_423.4
    alone["sex_by_age"]["estimate"] = 145_717.4 + 430_423.4
    r.meta = {**r.meta, "stock_idps": alone}
    _label, _value, notes = idps_alone(
        r, build_context(r, ReportOptions(language="en")), "sex_by_age"
    )
    assert notes[-1].startswith("Counted from unrounded figures, 576,141 can differ by 1")
    assert "(576,140)" in notes[-1]
    alone["sex_by_age"]["estimate"] = 145_717.0 + 430_423.0  # the same once rounded: no note
    _label, _value, notes = idps_alone(
        r, build_context(r, ReportOptions(language="en")), "sex_by_age"
    )
    assert len(notes) == 1


def test_without_the_engine_s_record_no_row_is_printed():
    from workbench.reporting.context import build_context
    from workbench.reporting.summary_stock import idps_alone

    r = make_results()
    ctx = build_context(r, ReportOptions(language="en"))
    assert idps_alone(r, ctx, "sex_by_age") is None
    r2, _alone = _results()
    label, value, _notes = idps_alone(
        r2, build_context(r2, ReportOptions(language="fr")), "sex_by_age"
    )
    assert label == ROW["fr"] and value["groups"] == ["1", "2"]


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_annex_stock_sheets_say_the_idps_alone_under_their_table(lang):
    from workbench.reporting.annex_tables import annex_tables
    from workbench.reporting.context import build_context

    r, alone = _results("location_type")
    tables = {
        t.id: t
        for t in annex_tables(r, build_context(r, ReportOptions(language=lang)))
        if t.id.startswith("stock_")
    }
    assert set(tables) == {f"stock_{tid}" for tid in alone}
    tr = Translator(lang)
    for tid, value in alone.items():
        notes = tables[f"stock_{tid}"].notes
        names = GROUPS[lang].rsplit(" ", 1)[0]  # the groups, without "together"
        line = tr("annex_stock_idps", groups=names, count="\x00", n="\x00").split("\x00")[0]
        assert line in notes and ROW[lang] in notes
        # the sheet's notes stand above its rows: no "Total above", said once
        assert tr("fn_stock_idps", groups=names) not in notes
        assert notes.count(ROW[lang]) == 1
        if value["estimate"] is None:
            assert line + "*" in notes
        else:
            assert line + fmt_count(value["estimate"], lang) in notes


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_summary_and_the_briefing_give_the_idps_alone_after_the_stock(lang):
    from workbench.reporting.context import build_context
    from workbench.reporting.summary_stock import idp_stock

    r, alone = _results()
    ctx = build_context(r, ReportOptions(language=lang))
    first = next(iter(alone.values()))
    number = fmt_count(first["estimate"], lang)
    said = Translator(lang)("summary_stock_idps", number=number, ci="\x00").split("\x00")[0]
    for briefing in (False, True):
        text = idp_stock(r.publishable(), ctx, briefing=briefing)
        assert text is not None and said in text, text
    r.meta = {**r.meta, "stock_idps": {}}  # none recorded (a plan naming no returnees)
    assert ROW[lang] not in str(idp_stock(r.publishable(), ctx))


def test_the_rounding_note_is_printed_once_in_the_stock_section():
    """The French demo printed "Calculé à partir des chiffres non arrondis, 576 141 peut
    différer de 1…" under each of the six stock tables, the last one overflowing alone onto a
    near-empty page (fr_B 1): said once, under the first table it applies to."""
    import io

    from workbench.reporting.build import gate
    from workbench.reporting.pdf_doc import ReportDoc
    from workbench.reporting.pdf_sections import Builder
    from workbench.reporting.pdf_text import make_styles

    r, alone = _results()
    st = r.stock
    for tid in alone:
        at = (st["table"] == tid) & (stock_margin(st) == "total")
        st.loc[at & (st["group"] == "1"), "estimate"] = 145_717.4
        st.loc[at & (st["group"] == "2"), "estimate"] = 430_423.4
        alone[tid]["estimate"] = 145_717.4 + 430_423.4
    r.meta = {**r.meta, "stock_idps": alone}
    opts = ReportOptions(language="en")
    ctx, _views, _validation = gate(r, opts)
    doc = ReportDoc(io.BytesIO(), opts.page_size, "en")
    builder = Builder(ctx, opts, make_styles("en"), doc.width, r.publishable())

    def flat(flowables: list) -> list:
        out: list = []
        for f in flowables:
            inner = getattr(f, "_content", None)
            out += flat(inner) if isinstance(inner, list) else [f]
        return out

    texts = " ".join(str(getattr(f, "text", "")) for f in flat(builder.stock()))
    assert len(alone) > 1
    assert texts.count("Counted from unrounded figures") == 1
    assert texts.count("IDPs alone, without returnees: ") == len(alone)  # its own note stays
