"""Everything the report says that is not a number, resolved for one language.

:func:`build_context` reads it from the indicator library, the analysis plan and the results'
metadata. Each text remembers whether it fell back to another language (``untranslated``) so
the report can mark it visibly and the validation can count it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from workbench.reporting.i18n import Translator
from workbench.reporting.options import ReportOptions
from workbench.stats.results import ALL_DISPLACED, AnalysisResults

CRITERIA = ("1", "2", "3", "4", "5", "6", "7", "8")
#: analysis options that define the solutions measure (shown in its section)
SOLUTION_OPTIONS = (
    "solutions_methods", "solutions_benchmark", "use_ci_bound", "missing_by_design",
    "household_aggregation", "benchmark_fixed", "dominance_quantile", "homogeneous_cells",
)  # fmt: skip
MODULES = ("A", "B")


#: appended to a label shown in the library's fallback language (English)
FALLBACK_MARK = " [en]"


@dataclass(frozen=True)
class Label:
    text: str
    untranslated: bool = False

    def shown(self) -> str:
        """The text as printed: fallback-language texts carry a visible ``[en]`` marker."""
        return self.text + FALLBACK_MARK if self.untranslated else self.text


@dataclass(frozen=True)
class IndicatorInfo:
    id: str
    criterion: str
    title: Label
    definition: Label
    statistic: str = "proportion"
    direction: str = "higher_is_worse"
    unit: str = "household"
    code: str | None = None
    contextualised: str | None = None


@dataclass(frozen=True)
class GroupInfo:
    code: str
    label: Label
    role: str  # displaced | comparator | exclude


@dataclass
class ReportContext:
    language: str
    title: str
    subtitle: str
    area: str
    reference_period: str
    office: str
    plan_name: str
    plan_version: str
    plan_hash: str
    dataset_fingerprint: str
    library_version: str
    software_version: str
    preset: str
    alpha: float
    ci_method: str
    design: dict[str, str]  # translated label → value
    groups: list[GroupInfo]
    indicators: dict[str, IndicatorInfo]
    criteria: dict[str, Label]
    disaggregations: dict[str, Label]
    #: (disaggregation id, value as in the results) → label in the report language
    levels: dict[tuple[str, str], Label] = field(default_factory=dict)
    stock_titles: dict[str, Label] = field(default_factory=dict)
    solutions_methods: dict[str, str] = field(default_factory=dict)
    solutions_options: dict[str, str] = field(default_factory=dict)

    @property
    def comparator(self) -> GroupInfo | None:
        return next((g for g in self.groups if g.role == "comparator"), None)

    @property
    def displaced(self) -> list[GroupInfo]:
        return [g for g in self.groups if g.role == "displaced"]

    def group(self, code: str) -> GroupInfo:
        for g in self.groups:
            if g.code == code:
                return g
        return GroupInfo(code, Label(code, True), "exclude")

    def level(self, dis: str, value: str) -> Label:
        return self.levels.get((dis, value), Label(value))

    def labels(self) -> list[tuple[str, Label]]:
        """Every translatable label in the context, with what it names (for the validation)."""
        out: list[tuple[str, Label]] = [(f"group:{g.code}", g.label) for g in self.groups]
        for i in self.indicators.values():
            out += [
                (f"indicator:{i.id}:title", i.title),
                (f"indicator:{i.id}:definition", i.definition),
            ]
        out += [(f"criterion:{k}", v) for k, v in self.criteria.items()]
        out += [(f"disaggregation:{k}", v) for k, v in self.disaggregations.items()]
        out += [(f"level:{d}:{v}", lab) for (d, v), lab in self.levels.items()]
        out += [(f"stock:{k}", v) for k, v in self.stock_titles.items()]
        return out


def _lib_text(library: Any, key: Any, fld: str, lang: str) -> Label | None:
    if library is None:
        return None
    try:
        text, fell_back = library.text(key, fld, lang)
    except Exception:
        return None
    return Label(text, fell_back) if text else None


def _dict_label(labels: dict[str, str], lang: str, default: str) -> Label:
    if labels.get(lang):
        return Label(labels[lang])
    en = labels.get("en") or default
    return Label(en, lang != "en")


def _indicators(
    results: AnalysisResults, plan: Any, library: Any, lang: str
) -> dict[str, IndicatorInfo]:
    est = results.estimates
    out: dict[str, IndicatorInfo] = {}
    meta_specs = {s["id"]: s for s in results.meta.get("indicators", []) if isinstance(s, dict)}
    for ind_id in dict.fromkeys(est["indicator_id"].astype(str)):
        rows = est[est["indicator_id"] == ind_id]
        first = rows.iloc[0]
        use = plan.indicator(ind_id) if plan is not None and hasattr(plan, "indicator") else None
        lib_ind = None
        if library is not None and getattr(library, "has_indicator", lambda _i: False)(ind_id):
            lib_ind = library.indicator(ind_id)
        spec = meta_specs.get(ind_id, {})
        title = _lib_text(library, lib_ind, "title", lang) if lib_ind is not None else None
        if title is None:
            raw = (
                (getattr(use, "title", "") or spec.get("title") or ind_id)
                if use or spec
                else ind_id
            )
            title = Label(str(raw), lang != "en")
        definition = (
            _lib_text(library, lib_ind, "definition", lang) if lib_ind is not None else None
        )
        if definition is None:
            definition = Label(
                str(spec.get("definition", "")), lang != "en" and bool(spec.get("definition"))
            )
        note = getattr(use, "note", "") or (lib_ind.contextualised if lib_ind is not None else None)
        out[ind_id] = IndicatorInfo(
            id=ind_id,
            criterion=str(first["criterion"]),
            title=title,
            definition=definition,
            statistic=str(first.get("statistic", spec.get("statistic")) or "proportion"),
            direction=str(
                getattr(lib_ind, "direction", None) or getattr(use, "direction", None)
                or spec.get("direction", "higher_is_worse")
            ),
            unit=str(first.get("unit", spec.get("unit", "household")) or "household"),
            code=getattr(lib_ind, "code", None) or spec.get("code"),
            contextualised=note or spec.get("contextualised") or None,
        )  # fmt: skip
    return out


def _groups(results: AnalysisResults, plan: Any, lang: str) -> list[GroupInfo]:
    groups: list[GroupInfo] = []
    values = getattr(getattr(plan, "groups", None), "values", ()) or ()
    for v in values:
        groups.append(
            GroupInfo(str(v.code), _dict_label(dict(v.labels), lang, str(v.code)), v.role)
        )
    if not groups:
        for g in results.meta.get("groups", []):
            groups.append(
                GroupInfo(
                    str(g["code"]), _dict_label(g.get("labels", {}), lang, g["code"]), g["role"]
                )
            )
    known = {g.code for g in groups}
    est = results.estimates
    for code in dict.fromkeys(est["group"].astype(str)):
        if code not in known and code != ALL_DISPLACED:
            lab = (
                est.loc[est["group"] == code, "group_label"].iloc[0]
                if "group_label" in est
                else code
            )
            groups.append(GroupInfo(code, Label(str(lab), lang != "en"), "displaced"))
    used = set(est["group"].astype(str))
    return [g for g in groups if g.code in used and g.role != "exclude"]


def _disaggregations(results: AnalysisResults, plan: Any, lang: str):
    est = results.estimates
    labels: dict[str, Label] = {}
    levels: dict[tuple[str, str], Label] = {}
    meta_dis = {d["id"]: d for d in results.meta.get("disaggregations", []) if isinstance(d, dict)}
    # breakdowns appear in the estimates, the solutions measure and the stock tables alike
    observed: dict[str, list[str]] = {}
    for part in (est, results.solutions):
        if part.empty:
            continue
        for dis, vals in part.groupby("disaggregation", sort=False)["disaggregation_value"]:
            observed.setdefault(str(dis), []).extend(vals.astype(str))
    if not results.stock.empty:
        for var_col, val_col in (("row_var", "row_value"), ("col_var", "col_value")):
            for dis, vals in results.stock.groupby(var_col, sort=False)[val_col]:
                if str(dis):
                    observed.setdefault(str(dis), []).extend(vals.astype(str))
    for dis in observed:
        if dis == "total":
            continue
        pd_ = (
            plan.disaggregation(dis)
            if plan is not None and hasattr(plan, "disaggregation")
            else None
        )
        src = dict(pd_.labels) if pd_ is not None else dict(meta_dis.get(dis, {}).get("labels", {}))
        labels[dis] = _dict_label(src, lang, dis)
        plan_levels = list(getattr(pd_, "levels", ()) or ())
        meta_levels = meta_dis.get(dis, {}).get("levels", {})
        for value in dict.fromkeys(observed[dis]):
            lv = next((lv for lv in plan_levels if lv.label("en") == value), None)
            if lv is not None:
                levels[(dis, value)] = _dict_label(dict(lv.labels), lang, value)
            elif value in meta_levels:
                levels[(dis, value)] = _dict_label(meta_levels[value], lang, value)
            else:  # a place name or code: not language text
                levels[(dis, value)] = Label(value)
    return labels, levels


def _design(plan: Any, results: AnalysisResults, tr: Translator) -> dict[str, str]:
    d = getattr(plan, "design", None)
    meta = results.meta.get("design", {}) if isinstance(results.meta.get("design"), dict) else {}

    def val(name: str) -> str:
        v = getattr(d, name, None) if d is not None else meta.get(name)
        return str(v) if v else tr("no")

    return {
        tr("design_weights"): val("weight"),
        tr("design_strata"): val("strata"),
        tr("design_psu"): val("psu"),
        tr("design_fpc"): val("fpc"),
    }


def dataset_fingerprint(meta: dict[str, Any]) -> str:
    """The dataset fingerprint(s) the results were computed from, as recorded in their meta."""
    value = meta.get("dataset_fingerprint")
    if value:
        return str(value)
    many = meta.get("dataset_fingerprints")
    if isinstance(many, dict) and many:
        return " ".join(f"{k}:{v}" for k, v in sorted(many.items()))
    return ""


def _opt(tr: Translator, key: str) -> str:
    return tr(f"opt_{key}") if tr.has(f"opt_{key}") else key


def _val(tr: Translator, value: Any) -> str:
    items = value if isinstance(value, list | tuple) else [value]

    def one(v: Any) -> str:
        for key in (f"val_{v}", f"method_{v}"):
            if tr.has(key):
                return tr(key)
        return str(v)

    return ", ".join(one(v) for v in items)


def build_context(
    results: AnalysisResults, plan: Any, library: Any, options: ReportOptions, settings: Any = None
) -> ReportContext:
    lang = options.language
    tr = Translator(lang)
    meta = results.meta
    criteria: dict[str, Label] = {}
    for c in (*CRITERIA, *MODULES):
        key = f"criterion:{c}"
        criteria[c] = _lib_text(library, key, "name", lang) or Label(
            tr("module_a") if c == "A" else tr("module_b") if c == "B" else f"{tr('criterion')} {c}"
        )
    labels, levels = _disaggregations(results, plan, lang)
    stock_titles: dict[str, Label] = {}
    for st in getattr(plan, "stock_tables", ()) or ():
        if lang == "en" or st.rows not in labels:
            stock_titles[st.id] = Label(st.title, lang != "en")
        elif st.cols and st.cols in labels:
            title = tr("stock_title_2", rows=labels[st.rows].text, cols=labels[st.cols].text)
            stock_titles[st.id] = Label(title)
        else:
            stock_titles[st.id] = Label(tr("stock_title_1", rows=labels[st.rows].text))
    if not results.stock.empty:
        for tid in dict.fromkeys(results.stock["table"].astype(str)):
            stock_titles.setdefault(
                tid, Label(str(meta.get("stock_titles", {}).get(tid, tid)), lang != "en")
            )
    sol_opts = meta.get("solutions_options") or {
        k: v for k, v in (meta.get("options") or {}).items() if k in SOLUTION_OPTIONS
    }
    if "household_aggregation" in meta and "household_aggregation" not in sol_opts:
        sol_opts["household_aggregation"] = meta["household_aggregation"]
    return ReportContext(
        language=lang,
        title=options.title or tr("report_title"),
        subtitle=""
        if options.title
        else str(meta.get("title") or getattr(plan, "description", "") or ""),
        area=options.area or str(meta.get("area", "")),
        reference_period=options.reference_period or str(meta.get("reference_period", "")),
        office=str(getattr(settings, "office_name", "") or ""),
        plan_name=str(meta.get("plan_name", getattr(plan, "name", ""))),
        plan_version=str(meta.get("plan_version", "")),
        plan_hash=str(meta.get("plan_hash", "")),
        dataset_fingerprint=dataset_fingerprint(meta),
        library_version=str(meta.get("library_version", getattr(library, "version", ""))),
        software_version=str(meta.get("software_version") or meta.get("software") or ""),
        preset=str(meta.get("disclosure_preset", meta.get("preset", ""))),
        alpha=float(meta.get("alpha", 0.05)),
        ci_method=str(
            (meta.get("methods") or {}).get("proportion_ci") or meta.get("proportion_ci") or ""
        ),
        design=_design(plan, results, tr),
        groups=_groups(results, plan, lang),
        indicators=_indicators(results, plan, library, lang),
        criteria=criteria,
        disaggregations=labels,
        levels=levels,
        stock_titles=stock_titles,
        solutions_methods={
            str(m): tr(f"method_{m}") if tr.has(f"method_{m}") else str(m)
            for m in pd.unique(results.solutions["method"])
        }
        if not results.solutions.empty
        else {},
        solutions_options={_opt(tr, k): _val(tr, v) for k, v in sol_opts.items()},
    )
