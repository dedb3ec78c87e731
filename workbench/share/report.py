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

import numpy as np
import pandas as pd
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from workbench.errors import WorkbenchError
from workbench.messages import LRI, PDI, render
from workbench.reporting.fmt import _num as num
from workbench.reporting.fmt import fmt_count
from workbench.reporting.pdf_doc import ReportDoc, numbered_canvas
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.pdf_text import Heading, make_styles, para
from workbench.reporting.pdfa import finish_pdf
from workbench.share.utility import UtilityLabels
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
    #: why there is no indicator table (rendered in the report's language)
    utility_problem: WorkbenchError | None = None
    plan: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: the words of the indicator table (codes are printed without them)
    utility_labels: UtilityLabels | None = None


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


#: a number as the report and the CLI write it ("–" when missing)
fmt_number = _dec


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
    return rows + suda_rows(b.suda, a.suda, lang)


def suda_rows(b: dict[str, Any] | None, a: dict[str, Any] | None, lang: str) -> list[list[str]]:
    """The SUDA rows of the risk table (none when the scores were not computed)."""
    if b is None or a is None:
        return []

    def t(code: str, **kw: Any) -> str:
        return text(code, lang, **kw)

    def both(key: str, show: Any) -> list[str]:
        return [show(b[key]), show(a[key])]

    def count(x: Any) -> str:
        return fmt_count(x, lang)

    def score(x: Any) -> str:
        return _dec(x, lang, 0)

    def dis(x: Any) -> str:
        return _dec(x, lang, 4)

    rows = [
        [t("row_suda_records"), *both("records_with_msu", count)],
        [t("row_suda_msus"), *both("msus", count)],
        [t("row_suda_max"), *both("max_score", score)],
        [t("row_dis_max"), *both("max_dis", dis)],
        [t("row_dis_high", threshold=_dec(b["dis_threshold"], lang, 1)),
         *both("dis_above", count)],
    ]  # fmt: skip
    for name, share in b["contributions"].items():
        rows.append([t("row_suda_contribution", variable=name), _pct(share / 100, lang, 1),
                     _pct(a["contributions"].get(name, 0.0) / 100, lang, 1)])  # fmt: skip
    return rows


def dis_table_rows(b: dict[str, Any], a: dict[str, Any], lang: str) -> list[list[str]]:
    """Records per DIS-SUDA interval before and after (sdcMicro's print of suda2)."""
    from workbench.stats.sdc_suda import DIS_BINS

    def n(x: float) -> str:
        return num(x, 1, lang)

    names = ["= 0", *[f"({n(lo)}; {n(hi)}]" for lo, hi in zip((0.0, *DIS_BINS), DIS_BINS,
                                                              strict=False)],
             f"> {n(DIS_BINS[-1])}"]  # fmt: skip
    return [[name, fmt_count(x, lang), fmt_count(y, lang)]
            for name, x, y in zip(names, b["dis_table"], a["dis_table"], strict=True)]  # fmt: skip


def _method_params(m: dict[str, Any], lang: str) -> str:
    """A method's parameters in words: ``lower bounds = 0, 5, 18; …``."""

    def value(v: Any) -> str:
        if isinstance(v, list | tuple):
            return ", ".join(value(x) for x in v)
        if isinstance(v, float):
            return num(v, 0 if v == int(v) else 2, lang)
        return str(v)

    return "; ".join(f"{text('param.' + k, lang)} = {value(v)}" for k, v in m["params"].items())


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
    methods = [[t("method." + m["method"]), m["variable"], _method_params(m, lang),
                fmt_count(m["changed"], lang)] for m in r.methods]  # fmt: skip
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
    out += _suda(r, lang, width, s)
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


def _suda(r: RiskReport, lang: str, width: float, s: Any) -> list[Any]:
    """The SUDA section: what was computed, and the DIS-SUDA distribution before / after (the
    scores and contributions are rows of the risk table)."""

    def t(code: str, **kw: Any) -> str:
        return text(code, lang, **kw)

    b, a = r.before.suda, r.after.suda
    out: list[Any] = [Heading(t("h_suda"), 0, "suda", s.h2, lang)]
    if b is None or a is None:
        return [*out, para(t("suda_none"), s.small, lang)]
    keys = len(r.before.keys)
    out.append(para(t("suda_text", size=b["max_size"], keys=keys, m=max(keys, 3),
                      fraction=num(b["dis_fraction"], 2, lang)), s.small, lang))  # fmt: skip
    out.append(make_table([t("dis_interval"), t("before"), t("after")],
                          dis_table_rows(b, a, lang), [0.5 * width, 0.25 * width, 0.25 * width],
                          s, lang))  # fmt: skip
    return out


def _utility(r: RiskReport, lang: str, width: float, s: Any) -> list[Any]:
    def t(code: str, **kw: Any) -> str:
        return text(code, lang, **kw)

    if r.utility is None:
        note = r.utility_problem.render(lang) if r.utility_problem is not None else t("no_plan")
        return [para(note, s.body, lang)]
    table = r.utility
    out: list[Any] = [para(t("utility_text", plan=r.plan or "–"), s.small, lang)]
    totals = overall_rows(table, r.utility_labels, lang).head(MAX_INDICATOR_ROWS)
    rows = [[x.indicator_label, x.group_label, _dec(x.estimate_original, lang, 3),
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


def overall_rows(table: pd.DataFrame, labels: UtilityLabels | None, lang: str) -> pd.DataFrame:
    """The overall rows of the indicator table with their labels in ``lang`` (the codes when
    no labels came with the table): first what the extract cannot answer, then the largest
    changes — what a partner must know first."""
    totals = table[table["disaggregation"] == "total"]
    order = totals["difference"].abs().where(totals["answerable"], np.inf)
    totals = totals.loc[order.sort_values(ascending=False, kind="stable").index]
    if labels is not None:
        return labels.labelled(totals, lang)
    out = totals.copy()
    out["indicator_label"] = out["indicator_id"].astype(str)
    out["group_label"] = out["group"].astype(str)
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
