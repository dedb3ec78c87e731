"""The disclosure-risk report (PDF): the sharing record, the risk before and after, what each
variable lost and what the extract changes in the plan's indicators — in one language per file,
with the report's fonts, page frame, tables and right-to-left layout. Every figure of the
"after" column was measured on the written file read back (``workbench.share.export``)."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pandas as pd
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from workbench.messages import LRI, PDI, render
from workbench.reporting.fmt import _num as num
from workbench.reporting.fmt import fmt_count
from workbench.reporting.pdf_doc import ReportDoc, numbered_canvas
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import Heading, make_styles, para
from workbench.reporting.pdfa import finish_pdf
from workbench.stats.sdc_risk import RiskSummary

#: indicator rows printed (the whole table is in the sharing record's JSON)
MAX_INDICATOR_ROWS = 60


@dataclass
class RiskReport:
    """What the report prints (all of it already computed)."""

    ref: str
    dataset: str
    file_name: str
    file_format: str
    sha256: str
    recipient: dict[str, Any]
    before: RiskSummary
    after: RiskSummary
    methods: list[dict[str, Any]]
    counts: dict[str, dict[str, int]]
    records: int
    variables: int
    identifiers: list[str]
    left_out: list[str]
    created: datetime
    utility: pd.DataFrame | None = None
    utility_note: str = ""
    plan: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def text(code: str, lang: str, **params: Any) -> str:
    """A report sentence (``share.report.<code>``) in ``lang``; the isolates that keep values
    in order on screen are dropped — the PDF's bidi pass orders the line itself."""
    return render(f"share.report.{code}", params, lang).replace(LRI, "").replace(PDI, "")


def _pct(x: float | None, lang: str, decimals: int = 2) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return num(100.0 * x, decimals, lang) + "%"


def _dec(x: float | None, lang: str, decimals: int = 2) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return num(x, decimals, lang, thousands=True)


def risk_rows(b: RiskSummary, a: RiskSummary, lang: str) -> list[list[str]]:
    """The risk table's rows (measure, before, after) in ``lang``."""

    def t(code: str, **kw: Any) -> str:
        return text(code, lang, **kw)

    rows = [
        [t("row_records"), fmt_count(b.n, lang), fmt_count(a.n, lang)],
        [t("row_combinations"), fmt_count(b.combinations, lang), fmt_count(a.combinations, lang)],
        [t("row_uniques"), fmt_count(b.sample_uniques, lang), fmt_count(a.sample_uniques, lang)],
    ]
    for level in sorted(b.violations):
        rows.append([t("row_violations", k=level), fmt_count(b.violations[level], lang),
                     fmt_count(a.violations.get(level), lang)])  # fmt: skip
    rows += [
        [t("row_global"), _pct(b.global_risk, lang), _pct(a.global_risk, lang)],
        [t("row_expected"), _dec(b.expected_reidentifications, lang),
         _dec(a.expected_reidentifications, lang)],
        [t("row_max"), _pct(b.max_risk, lang), _pct(a.max_risk, lang)],
        [t("row_high", threshold=_pct(b.risk_threshold, lang, 0)), fmt_count(b.high_risk, lang),
         fmt_count(a.high_risk, lang)],
    ]  # fmt: skip
    if b.households is not None and a.households is not None:
        rows += [
            [t("row_households"), fmt_count(b.households, lang), fmt_count(a.households, lang)],
            [t("row_hh_risk"), _pct(b.household_risk, lang), _pct(a.household_risk, lang)],
            [t("row_hh_expected"), _dec(b.household_expected, lang),
             _dec(a.household_expected, lang)],
            [t("row_hh_max"), _pct(b.household_max, lang), _pct(a.household_max, lang)],
        ]  # fmt: skip
    for name, ell in b.l_diversity.items():
        after = a.l_diversity.get(name, {})
        rows.append([t("row_ldiv", variable=name), f"{ell['min_l']} / {ell['records_l1']}",
                     f"{after.get('min_l', '–')} / {after.get('records_l1', '–')}"])  # fmt: skip
    return rows


def _method_params(m: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in m["params"].items())


def story(r: RiskReport, lang: str, width: float) -> list[Any]:
    s = make_styles(lang)

    def t(code: str, **kw: Any) -> str:
        return text(code, lang, **kw)

    out: list[Any] = [para(t("title"), s.title, lang),
                      para(t("subtitle", dataset=r.dataset, ref=r.ref), s.subtitle, lang),
                      Spacer(1, 6 * mm)]  # fmt: skip
    rec = r.recipient
    out.append(Heading(t("h_record"), 0, "record", s.h2, lang))
    record_rows = [
        [t("recipient"), rec.get("recipient", "")], [t("purpose"), rec.get("purpose", "")],
        [t("agreement"), rec.get("agreement") or "–"],
        [t("approved_by"), rec.get("approved_by") or "–"],
        [t("expires"), rec.get("expires") or "–"],
        [t("file"), f"{r.file_name} ({r.file_format.upper()})"], [t("sha256"), r.sha256],
        [t("shape"), t("shape_value", records=fmt_count(r.records, lang),
                       variables=fmt_count(r.variables, lang))],
        [t("created"), r.created.strftime("%Y-%m-%d %H:%M UTC")],
    ]  # fmt: skip
    out.append(make_table([t("field"), t("value")], record_rows, [0.3 * width, 0.7 * width],
                          s, lang))  # fmt: skip
    out.append(Heading(t("h_keys"), 0, "keys", s.h2, lang))
    out.append(para(t("keys_text", keys=", ".join(r.before.keys), k=r.after.k), s.body, lang))
    if r.identifiers:
        out.append(para(t("identifiers_text", names=", ".join(r.identifiers)), s.body, lang))
    if r.left_out:
        out.append(para(t("left_out_text", count=len(r.left_out)), s.body, lang))
    methods = [[m["method"], m["variable"], _method_params(m), fmt_count(m["changed"], lang)]
               for m in r.methods]  # fmt: skip
    if methods:
        out.append(
            make_table(
                [t("method"), t("variable"), t("params"), t("changed")],
                methods,
                [0.2 * width, 0.2 * width, 0.45 * width, 0.15 * width],
                s,
                lang,
            )
        )
    out.append(Heading(t("h_risk"), 0, "risk", s.h2, lang))
    out.append(para(t("risk_text"), s.small, lang))
    rows = risk_rows(r.before, r.after, lang)
    out.append(make_table([t("measure"), t("before"), t("after")], rows,
                          [0.56 * width, 0.22 * width, 0.22 * width], s, lang))  # fmt: skip
    out.append(Heading(t("h_loss"), 0, "loss", s.h2, lang))
    loss = [
        [
            name,
            fmt_count(c["suppressed"], lang),
            _pct(c["suppressed"] / max(r.records, 1), lang, 1),
            fmt_count(c["recoded"], lang),
            _pct(c["recoded"] / max(r.records, 1), lang, 1),
        ]
        for name, c in r.counts.items()
    ]
    if loss:
        out.append(make_table([t("variable"), t("suppressed"), "%", t("recoded"), "%"], loss,
                              [0.36 * width, 0.16 * width, 0.16 * width, 0.16 * width,
                               0.16 * width], s, lang))  # fmt: skip
    else:
        out.append(para(t("no_loss"), s.body, lang))
    out.append(Heading(t("h_utility"), 0, "utility", s.h2, lang))
    out += _utility(r, lang, width, s)
    return out


def _utility(r: RiskReport, lang: str, width: float, s: Any) -> list[Any]:
    def t(code: str, **kw: Any) -> str:
        return text(code, lang, **kw)

    if r.utility is None:
        return [para(r.utility_note or t("no_plan"), s.body, lang)]
    table = r.utility
    out: list[Any] = [para(t("utility_text", plan=r.plan or "–"), s.small, lang)]
    totals = table[table["disaggregation"] == "total"].head(MAX_INDICATOR_ROWS)
    rows = [[str(x.indicator_id), str(x.group), _dec(x.estimate_original, lang, 3),
             _dec(x.estimate_extract, lang, 3), _dec(x.difference, lang, 3),
             _dec(x.ci_overlap, lang, 2)] for x in totals.itertuples()]  # fmt: skip
    out.append(make_table(
        [t("indicator"), t("group"), t("original"), t("extract"), t("difference"), t("overlap")],
        rows, [0.26 * width, 0.22 * width, 0.13 * width, 0.13 * width, 0.13 * width,
               0.13 * width], s, lang,
    ))  # fmt: skip
    if len(table[table["disaggregation"] == "total"]) > MAX_INDICATOR_ROWS:
        out.append(para(t("utility_more", count=MAX_INDICATOR_ROWS), s.small, lang))
    return out


def pdf_bytes(r: RiskReport, lang: str) -> bytes:
    """The report in ``lang`` as PDF bytes (in memory; the export writer puts it on disk)."""
    buf = io.BytesIO()
    doc = ReportDoc(buf, "A4", lang, title=text("title", lang),
                    author="Durable Solutions Workbench")  # fmt: skip
    from workbench.languages import is_rtl

    footer_word = text("footer", lang, ref=r.ref)
    canvas = numbered_canvas(lambda page, total: f"{page} / {total}", footer_word, is_rtl(lang))
    doc.build(story(r, lang, doc.width), canvasmaker=canvas)
    return finish_pdf(buf.getvalue(), lang=lang, when=r.created, pdfa=False)
