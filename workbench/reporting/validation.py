"""The validation gate: report checks that run before anything is written.

Errors block the export; warnings may be accepted with a written justification
(:attr:`ReportOptions.justifications`) and are printed, with it, in the validation annex.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from workbench.findings import Finding, Severity
from workbench.reporting.context import (
    ReportContext,
    build_context,
    labelled,
    require_snapshot,
)
from workbench.reporting.fmt import (
    CAUTION,
    COMPLEMENTARY,
    EMPTY,
    SECONDARY,
    SUPPRESSED,
    cell_flag,
    fmt_diff,
    fmt_value,
    with_flag,
)
from workbench.reporting.i18n import Translator, missing_keys
from workbench.reporting.language_check import check_languages
from workbench.reporting.options import ReportOptions
from workbench.reporting.solutions_notes import below_everywhere
from workbench.reporting.summary import below_caution
from workbench.reporting.views import (
    CHART_DISPLACED_ONLY,
    DIFF_COL,
    IndicatorView,
    TableData,
    build_views,
)
from workbench.stats.results import ALL_DISPLACED, AnalysisResults

#: the checks, in the order the validation annex lists them
CHECKS = (
    "report.sections_have_data",
    "report.chart_equals_table",
    "report.no_suppressed_value",
    "report.small_cells_marked",
    "report.labels_translated",
    "report.caution_estimates",
    "report.engine_flags",
    "report.provenance",
)


@dataclass
class Validation:
    findings: list[Finding]
    checks: tuple[str, ...] = CHECKS

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def count(self, check: str) -> tuple[int, int]:
        hits = [f for f in self.findings if f.code == check]
        return sum(f.severity == "error" for f in hits), sum(f.severity == "warning" for f in hits)


def _f(
    code: str, severity: Severity, params: dict[str, Any] | None = None, **where: str
) -> Finding:
    return Finding.of(code, severity, where=where, **(params or {}))


def _check_sections(
    results: AnalysisResults, views: dict[str, IndicatorView], options: ReportOptions
) -> list[Finding]:
    out: list[Finding] = []
    crits = {v.info.criterion for v in views.values()}
    wanted = {
        "criteria": crits & set("12345678"),
        "profile": crits & {"A"},
        "intentions": crits & {"B"},
    }
    for section, have in wanted.items():
        if section in options.sections and not have and section == "criteria":
            out.append(
                _f(
                    "report.sections_have_data",
                    "error",
                    section=section,
                )
            )
    if "solutions" in options.sections and results.solutions.empty:
        out.append(
            _f(
                "report.sections_have_data",
                "warning",
                section="solutions",
            )
        )
    for ind_id, v in views.items():
        if not v.table.rows:
            out.append(
                _f(
                    "report.sections_have_data",
                    "error",
                    indicator=ind_id,
                )
            )
        elif all(s in ("suppressed", COMPLEMENTARY) for s in v.chart.series[0].flags):
            out.append(
                _f(
                    "report.sections_have_data",
                    "warning",
                    {"indicator": ind_id},
                    indicator=ind_id,
                )
            )
    return out


def _table_vs_chart(
    ind_id: str,
    table: TableData,
    series_values: list[list[float]],
    lang: str,
    unit_pp: str,
    currency: str = "",
    comparator_undrawn: bool = False,
) -> list[Finding]:
    """Each table cell against its source and the chart's value; ``comparator_undrawn``: the
    chart leaves the comparator out (a total's, drawn for the displaced groups only, which come
    first): its row (main) or column (breakdowns), the last, has no value in the chart."""
    out: list[Finding] = []
    for r, src_row in enumerate(table.sources):
        for c, src in enumerate(src_row):
            if src is None:
                continue
            value, stat, flag = src
            cell = table.rows[r][c]
            is_diff = table.kind == "main" and table.compared and c == DIFF_COL
            expected = with_flag(
                fmt_diff(value, stat, lang, unit_pp, currency=currency)
                if is_diff
                else fmt_value(value, stat, lang, currency=currency),
                flag,
            )
            if cell != expected:
                out.append(
                    _f(
                        "report.chart_equals_table",
                        "error",
                        indicator=ind_id,
                    )
                )
            if is_diff:
                continue
            if comparator_undrawn and (
                r == table.comparator_row if table.kind == "main" else c - 1 >= len(series_values)
            ):
                continue
            chart_v = series_values[0][r] if table.kind == "main" else series_values[c - 1][r]
            shown = fmt_value(chart_v, stat, lang) if not math.isnan(chart_v) else ""
            if flag in ("suppressed", EMPTY):
                if not math.isnan(chart_v):
                    out.append(
                        _f(
                            "report.no_suppressed_value",
                            "error",
                            indicator=ind_id,
                        )
                    )
            elif shown != fmt_value(value, stat, lang):
                out.append(
                    _f(
                        "report.chart_equals_table",
                        "error",
                        indicator=ind_id,
                    )
                )
    return out


def _check_numbers(
    views: dict[str, IndicatorView],
    raw: AnalysisResults,
    lang: str,
    tr: Translator,
    currency: str = "",
) -> list[Finding]:
    out: list[Finding] = []
    pp = tr("unit_pp")
    for ind_id, v in views.items():
        values = [v.chart.series[0].values]
        undrawn = CHART_DISPLACED_ONLY in v.flags
        out += _table_vs_chart(ind_id, v.table, values, lang, pp, currency, undrawn)
        for _dis, _label, t, c in v.disaggregations:
            drawn = [s.values for s in c.series]
            out += _table_vs_chart(ind_id, t, drawn, lang, pp, currency, undrawn)
    # no suppressed value may survive anywhere: compare against the raw (unpublishable) numbers
    est = raw.estimates
    sup = est[est["flag"] == "suppressed"]
    for _, r in sup.iterrows():
        found = views.get(str(r["indicator_id"]))
        if found is None or math.isnan(float(r["estimate"])):
            continue
        v = found
        text = fmt_value(float(r["estimate"]), v.info.shown_as, lang)
        tables = [v.table] + [t for _d, _l, t, _c in v.disaggregations]
        for t in tables:
            for row, srcs in zip(t.rows, t.sources, strict=True):
                for cell, src in zip(row, srcs, strict=True):
                    withheld = src is not None and src[2] in ("suppressed", COMPLEMENTARY)
                    if withheld and cell not in (SUPPRESSED, SECONDARY):
                        out.append(
                            _f(
                                "report.no_suppressed_value",
                                "error",
                                indicator=str(ind_id),
                            )
                        )
                    if withheld and text in cell:
                        out.append(
                            _f(
                                "report.no_suppressed_value",
                                "error",
                                indicator=str(ind_id),
                            )
                        )
    for ind_id, v in views.items():
        if "suppressed" in v.flags and not any(
            SUPPRESSED in cell
            for t in [v.table] + [x[2] for x in v.disaggregations]
            for row in t.rows
            for cell in row
        ):
            out.append(
                _f(
                    "report.small_cells_marked",
                    "error",
                    indicator=ind_id,
                )
            )
    return out


def _check_labels(ctx: ReportContext) -> list[Finding]:
    out: list[Finding] = []
    for key in missing_keys(ctx.language):
        out.append(
            _f(
                "report.labels_translated",
                "error",
                key=key,
            )
        )
    for what, label in ctx.labels():
        if label.untranslated:
            out.append(
                _f(
                    "report.labels_translated",
                    "info",
                    label=what,
                )
            )
    return out


def caution_marks(v: IndicatorView) -> int:
    """How many figures an indicator's tables mark † — estimates and differences whose engine
    flag is ``caution`` — counted from the cells the view shows (a difference not computed,
    "Not compared", shows no figure and no mark, whatever its flag)."""
    tables = [v.table, *(t for _d, _l, t, _c in v.disaggregations)]
    return sum(
        1
        for t in tables
        for row, sources in zip(t.rows, t.sources, strict=False)
        for cell, s in zip(row, sources, strict=False)
        if s and s[2] == "caution" and CAUTION in cell
    )


def _check_caution(views: dict[str, IndicatorView]) -> list[Finding]:
    """One warning per indicator whose tables mark figures †, with the number marked. Issue
    20: the count was the engine's caution estimates of the indicator, shown or not, and left
    out its differences — the demo's annex said 10 for an indicator whose tables showed 8 †,
    5 for one that showed 7."""
    out = []
    for ind_id, v in views.items():
        count = caution_marks(v)
        if count:
            out.append(
                _f(
                    "report.caution_estimates",
                    "warning",
                    {"indicator": str(ind_id), "count": count},
                    indicator=str(ind_id),
                )
            )
    return out


def _caution(flag: object, suppression: object = "") -> bool:
    return cell_flag(flag, suppression) == "caution"


def _bounded(rec: Any) -> bool:
    """A withheld solutions share published as a bound ("< 0.5%"): † only when the bound
    rests on few cases (``below_caution``)."""
    b = rec.get("share_below")
    return b is not None and not (isinstance(b, float) and math.isnan(b))


def caution_tables(
    pub: AnalysisResults, ctx: ReportContext, sections: tuple[str, ...]
) -> list[tuple[str, str, str, int]]:
    """The solutions and stock tables that mark values †, as (section, table id, title,
    count), counted as the solutions section and the stock tables print them
    (``pdf_sections.Builder.solutions`` / ``stock``; a test compares the two): the headline
    table's share and number, every method's share, the headline method's shares by breakdown
    — a share published as a bound ("< 0.5%") carries † only on few cases — and the stock of
    all displaced.
    Issue 20: the annex listed the indicators' † only, and said every check had been run."""
    tr, out = Translator(ctx.language), []
    sol = pub.solutions
    if "solutions" not in sections:
        return []
    if not sol.empty:
        methods = list(dict.fromkeys(sol["method"].astype(str)))
        codes = [g.code for g in ctx.displaced] + [ALL_DISPLACED]
        codes += [ctx.comparator.code] if ctx.comparator else []
        sol = sol[sol["group"].astype(str).isin(codes)]
        name = ctx.solutions_methods.get(methods[0], methods[0])
        total = sol[sol["disaggregation"] == "total"]
        head = total[total["method"] == methods[0]]
        n = sum(  # a share and its number †; a bound († only on few cases) alone
            _caution(r["flag"], r.get("suppression")) * (1 + (not _bounded(r))) + below_caution(r)
            for _i, r in head.iterrows()
        )
        title = labelled(tr, tr("solutions_method"), name)
        out.append(("solutions", f"solutions:{methods[0]}", title, int(n)))
        if len(methods) > 1:
            n = sum(
                (_caution(r["flag"], r.get("suppression")) and not _bounded(r)) or below_caution(r)
                for _i, r in total.iterrows()
            )
            out.append(("solutions", "solutions:methods", tr("solutions_all_methods"), int(n)))
        part = sol[(sol["method"] == methods[0]) & (sol["disaggregation"] != "total")]
        heading = tr("solutions_by_breakdown", method=name)
        # a breakdown the report says in one sentence (only bounds) prints no table and no †:
        # its values are the annex workbook's (rd20 en p. 89: "56 values of this report are
        # marked †" counted 21 in tables the report no longer prints)
        folded = set(below_everywhere(ctx, part, codes))
        for dis in dict.fromkeys(part["disaggregation"].astype(str)):
            if dis in folded:
                continue
            cells = part[part["disaggregation"] == dis]
            label = ctx.breakdown(dis, "household")
            n = sum(
                (_caution(r["flag"], r.get("suppression")) and not _bounded(r)) or below_caution(r)
                for _i, r in cells.iterrows()
            )
            title = tr("table_part", table=heading, part=label)
            out.append(("solutions", f"solutions:{methods[0]}:{dis}", title, int(n)))
    st = pub.stock
    if not st.empty:  # the stock tables close the solutions section
        pooled = st[st["group"] == ALL_DISPLACED]
        for tid in dict.fromkeys(pooled["table"].astype(str)):
            cells = pooled[pooled["table"].astype(str) == tid]
            n = sum(_caution(r["flag"], r.get("suppression")) for _i, r in cells.iterrows())
            alone = dict(pub.meta.get("stock_idps") or {}).get(tid) or {}
            n += alone.get("flag") == "caution"  # its IDPs-alone row
            title = ctx.stock_titles[tid].shown() if tid in ctx.stock_titles else tid
            out.append(("stock", f"stock:{tid}", title, int(n)))
    return [t for t in out if t[3]]


def _check_caution_tables(
    pub: AnalysisResults, ctx: ReportContext, sections: tuple[str, ...]
) -> list[Finding]:
    """One warning per solutions or stock table that marks values †, with their number."""
    return [
        _f(
            "report.caution_estimates",
            "warning",
            {"table": title, "count": count, "wording": "table"},
            section=section,
            table=tid,
        )
        for section, tid, title, count in caution_tables(pub, ctx, sections)
    ]


def _engine_flags(raw: AnalysisResults) -> list[Finding]:
    out = []
    for item in raw.meta.get("findings", []) or []:
        f = (
            item
            if isinstance(item, Finding)
            else Finding(**item)
            if isinstance(item, dict)
            else None
        )
        if f is not None:
            out.append(f)
    return out


def _check_provenance(raw: AnalysisResults) -> list[Finding]:
    out = []
    from workbench.reporting.context import dataset_fingerprint

    snap = require_snapshot(raw)
    recorded = {
        "plan_version": snap.plan_version,
        "plan_hash": snap.plan_hash,
        "dataset_fingerprint": dataset_fingerprint(snap),
    }
    for key, value in recorded.items():
        if value:
            continue
        # plan version and hash are required; a missing dataset fingerprint is a warning until
        # every analysis records one (the annex then says "not recorded")
        severity: Severity = "warning" if key == "dataset_fingerprint" else "error"
        out.append(
            _f(
                "report.provenance",
                severity,
                key=key,
            )
        )
    return out


def run_checks(
    results: AnalysisResults,
    ctx: ReportContext,
    views: dict[str, IndicatorView],
    options: ReportOptions,
) -> Validation:
    tr = Translator(ctx.language)
    findings = _check_sections(results, views, options)
    findings += _check_numbers(views, results, ctx.language, tr, ctx.currency)
    findings += _check_labels(ctx)
    findings += check_languages(ctx, views, require_snapshot(results))
    findings += _check_caution(views)
    findings += _check_caution_tables(results.publishable(), ctx, tuple(options.sections))
    findings += _engine_flags(results)
    findings += _check_provenance(results)
    return Validation([_titled(f, views) for f in findings])


def _titled(finding: Finding, views: dict[str, IndicatorView]) -> Finding:
    """A finding about an indicator names it by its title, as the report does (issue 21: the
    app listed ids such as ``c4_hlp_documents``); the id stays in ``where`` for tracing."""
    ind_id = str(finding.where.get("indicator") or finding.params.get("indicator") or "")
    view = views.get(ind_id)
    if view is None:
        return finding
    params = {**finding.params, "indicator": view.info.title.shown()}
    return Finding.of(finding.code, finding.severity, where={**finding.where,
                      "indicator": ind_id}, **params)  # fmt: skip


def validate_report(results: AnalysisResults, options: Any = None) -> list[Finding]:
    """The façade's entry point: every finding of the report gate (nothing is written)."""
    opts = ReportOptions.coerce(options)
    ctx = build_context(results, opts)
    views = build_views(results.publishable(), ctx)
    return run_checks(results, ctx, views, opts).findings


def raise_if_errors(findings: list[Finding]) -> None:
    """The gate's refusal: nothing is written when a check fails (the first three are named)."""
    from workbench.errors import ReportError
    from workbench.messages import Message

    errs = [f for f in findings if f.severity == "error"]
    if errs:
        shown = [Message.of("report.failed_check", code=f.code, finding=f) for f in errs[:3]]
        code = "report.gate_failed_more" if len(errs) > 3 else "report.gate_failed"
        raise ReportError.of(code, count=len(errs), shown=shown, more=len(errs) - 3)
