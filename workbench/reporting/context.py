"""Everything the report says that is not a number, resolved for one language.

:func:`build_context` reads it from the results and their run snapshot only
(``results.snapshot``, frozen when the analysis ran) — never from the current analysis plan or
indicator library — so a report of an old run says what that run said. Each text remembers
whether it fell back to another language (``untranslated``) so the report can mark it visibly
and the validation can count it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.errors import ReportError
from workbench.languages import LANGUAGES, decimal_comma, join_list
from workbench.reporting.i18n import Translator, catalog, term
from workbench.reporting.options import ReportOptions
from workbench.stats.disclosure_presets import CUSTOM, DISCLOSURE_PRESETS
from workbench.stats.results import (
    ALL_DISPLACED,
    STOCK_NOT_STATED,
    AnalysisResults,
    is_stock_total,
)
from workbench.stats.snapshot import IndicatorText, RunSnapshot, Texts

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
    #: "money" for amounts in the plan's currency
    measure: str | None = None
    #: what the estimate counts when not its rows' unit (household heads → households)
    counts: str | None = None
    #: the unit of a mean, median, ratio or total's numbers ("people per household")
    value_unit: Label = Label("")
    #: breakdown id → {level → the ages of it in the universe} ("5–17" → "15–17")
    level_labels: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def counted(self) -> str:
        """What one unit of the estimate is: household or individual."""
        return self.counts or self.unit

    @property
    def shown_as(self) -> str:
        """How its numbers are written (:func:`~workbench.reporting.fmt.fmt_value`): the
        statistic, or ``money`` (whole amounts with a thousands separator)."""
        return "money" if self.measure == "money" else self.statistic


@dataclass(frozen=True)
class GroupInfo:
    code: str
    label: Label
    role: str  # displaced | comparator | exclude


@dataclass
class ReportContext:
    language: str
    title: str
    subtitle: Label
    area: Label
    reference_period: Label
    #: the producing office's name (a text by language, like the area)
    office: Label
    plan_name: str
    plan_version: str
    plan_hash: str
    dataset_fingerprint: str
    library_version: str
    software_version: str
    preset: str
    #: confidence level of every interval, in percent (from the run's alpha)
    confidence_level: int
    ci_method: str
    #: each design role (translated) → the variable's label in the report's language (the
    #: variance row: how variances were estimated); never the data file's variable name
    design: dict[str, str]
    groups: list[GroupInfo]
    indicators: dict[str, IndicatorInfo]
    criteria: dict[str, Label]
    disaggregations: dict[str, Label]
    #: (disaggregation id, value as in the results) → label in the report language
    levels: dict[tuple[str, str], Label] = field(default_factory=dict)
    #: the sentence key on how variances were estimated (variance_method, _multistage, _replicates)
    variance_key: str = "variance_method"
    stock_titles: dict[str, Label] = field(default_factory=dict)
    #: breakdown id → the age it is recorded from (a disability breakdown, from the library)
    from_ages: dict[str, int] = field(default_factory=dict)
    #: breakdown id → the data column it reads (breakdowns of one column miss the same units)
    columns: dict[str, str] = field(default_factory=dict)
    solutions_methods: dict[str, str] = field(default_factory=dict)
    solutions_options: dict[str, str] = field(default_factory=dict)
    #: each option's label → what it does to the figures, in one plain line (issue 20)
    solutions_option_notes: dict[str, str] = field(default_factory=dict)
    library_hash: str = ""
    #: each dataset's cleaning log as the run read it (``LogSummary.to_dict()`` by dataset)
    cleaning_logs: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the run's snapshot was rebuilt after the fact (a run stored before snapshots existed)
    reconstructed: bool = False
    reconstructed_on: str = ""
    #: the run's complementary suppression (snapshot): rule, protection ratio and counts
    suppression: dict[str, Any] = field(default_factory=dict)
    #: households and members the run left out (no consent, not eligible): the snapshot's record
    exclusions: dict[str, Any] = field(default_factory=dict)
    #: the groups the plan excludes ("Unknown status"): in no table, named where the
    #: methodology accounts for their households (:meth:`group`)
    excluded_groups: tuple[GroupInfo, ...] = ()
    #: the plan check's warnings when the run was made (finding dicts; the snapshot's record)
    plan_warnings: tuple[dict[str, Any], ...] = ()
    #: unit → its calibration as the run recorded it (totals, method, weights); {} if none
    calibration: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the plan's currency for money indicators, and the producing office's contact
    currency: str = ""
    contact: str = ""
    #: the annex files written with the report (the options'): the ‡ footnote names the one
    #: that gives a count's standard error
    annex_paths: tuple[Path, ...] = ()
    #: the design per unit as the engine used it: unit → rows, psus, strata, df (snapshot)
    designs: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: each design role (translated) → the variable's name in the data file ("ea_id"): the
    #: methodology's own column, apart from the sentences (issue 20: "(ea_id)" inside them)
    design_variables: dict[str, str] = field(default_factory=dict)
    #: the disclosure preset's name in the report's language (``preset`` is its code)
    preset_name: str = ""
    #: each stock table's unit (household | individual), as the run's snapshot records it
    stock_units: dict[str, str] = field(default_factory=dict)
    #: the † footnote with the thresholds the run's disclosure rule applied ("" for a run that
    #: recorded none: the general footnote)
    caution_note: str = ""
    #: the "*" footnote of a table of counts, with the caution thresholds at which the engine
    #: withholds a count (stats/disclosure.py); "" when the run recorded no caution threshold
    suppressed_count_note: str = ""
    #: each dataset the run read → its unit (household | individual), as the snapshot records
    dataset_units: dict[str, str] = field(default_factory=dict)
    #: the consent question's words in the report's language ("" when the data have none in it)
    consent_question: str = ""
    #: an individual breakdown → its name where it is the household head's ("Sex of household
    #: head", "Age group of household head"; issue 20: a household measure by "Sex", and the
    #: female-headed households by "Age group", said not whose)
    head_labels: dict[str, Label] = field(default_factory=dict)

    def breakdown(self, dis: str, unit: str = "individual", counts: str | None = None) -> str:
        """A breakdown's name in a table of ``unit`` (household | individual): over households
        (a plan can break households down by an individual breakdown only when they take their
        head's value), and over individuals that count households (``counts``: a share of
        household heads, one a household), an individual breakdown is the head's
        (:attr:`head_labels`)."""
        over_heads = unit == "household" or (unit == "individual" and counts == "household")
        if over_heads and dis in self.head_labels:
            return self.head_labels[dis].shown()
        return self.disaggregations[dis].shown() if dis in self.disaggregations else dis

    def dataset_name(self, name: str) -> str:
        """A dataset as a reader knows it, by what it holds ("household data"), never by its id
        ("freedonia_household", issue 20); a run that did not record its unit: the name."""
        unit = self.dataset_units.get(name, "")
        tr = Translator(self.language)
        return tr(f"dataset_{unit}") if unit and tr.has(f"dataset_{unit}") else name

    @property
    def comparator(self) -> GroupInfo | None:
        return next((g for g in self.groups if g.role == "comparator"), None)

    @property
    def displaced(self) -> list[GroupInfo]:
        return [g for g in self.groups if g.role == "displaced"]

    def group(self, code: str) -> GroupInfo:
        for g in (*self.groups, *self.excluded_groups):
            if g.code == code:
                return g
        return GroupInfo(code, Label(code, True), "exclude")

    def level(self, dis: str, value: str, indicator: str | None = None) -> Label:
        """A breakdown's level in the report language; of ``indicator``: named by what its
        universe holds (the age group "5–17" is "15–17" for people aged 15 and over)."""
        info = self.indicators.get(indicator) if indicator else None
        clipped = info.level_labels.get(dis, {}).get(value) if info else None
        return Label(clipped) if clipped else self.levels.get((dis, value), Label(value))

    def solutions_option_lines(self) -> list[str]:
        """ "Option: value. What it does to the figures." for each solutions option (issue 20:
        "Dominance quantile: 0.5" alone told a reader nothing)."""
        tr = Translator(self.language)
        out = []
        for label, value in self.solutions_options.items():
            line = tr("labelled", label=label, text=value)
            note = self.solutions_option_notes.get(label)
            out.append(tr("option_with_note", option=line, note=note) if note else line)
        return out

    def labels(self) -> list[tuple[str, Label]]:
        """Every translatable label in the context, with what it names (for the validation)."""
        out: list[tuple[str, Label]] = [(f"group:{g.code}", g.label) for g in self.groups]
        for i in self.indicators.values():
            out += [
                (f"indicator:{i.id}:title", i.title),
                (f"indicator:{i.id}:definition", i.definition),
            ]
            if i.value_unit.text:
                out.append((f"indicator:{i.id}:value_unit", i.value_unit))
        out += [(f"criterion:{k}", v) for k, v in self.criteria.items()]
        out += [(f"disaggregation:{k}", v) for k, v in self.disaggregations.items()]
        out += [(f"level:{d}:{v}", lab) for (d, v), lab in self.levels.items()]
        out += [(f"stock:{k}", v) for k, v in self.stock_titles.items()]
        out += [("cover:subtitle", self.subtitle), ("cover:area", self.area)]
        out += [("cover:reference_period", self.reference_period), ("cover:office", self.office)]
        return out


def _dict_label(labels: Texts, lang: str, default: str) -> Label:
    """The text in ``lang``; else the report catalogue's translation of its English words
    (``term:…``: Female, Don't know, Age group …); else English, marked as untranslated."""
    if labels.get(lang):
        return Label(labels[lang])
    en = labels.get("en") or default
    known = term(en, lang)
    if known is not None:
        return Label(known)
    written = {v for v in labels.values() if v}
    if len(labels) > 1 and len(written) == 1:  # the same in every language: a name (Alvora)
        return Label(written.pop())
    return Label(en, lang != "en" and bool(en))


def _note(snap: RunSnapshot, text: IndicatorText, lang: str) -> str | None:
    """An indicator's adaptation note (the plan's free text) in ``lang``; else in the plan's
    language, marked ``[en]``-style as not in the report's language."""
    if text.note.get(lang):
        return text.note[lang]
    plan_lang = str(snap.texts.report_info.get("language") or "en")
    note = text.contextualised
    return note + FALLBACK_MARK if note and lang != plan_lang else note


def _indicators(results: AnalysisResults, snap: RunSnapshot, lang: str) -> dict[str, IndicatorInfo]:
    est = results.estimates
    out: dict[str, IndicatorInfo] = {}
    for ind_id in dict.fromkeys(est["indicator_id"].astype(str)):
        first = est[est["indicator_id"] == ind_id].iloc[0]
        text = snap.indicator(ind_id)
        if text is None:  # not in the snapshot: the results' own columns, marked untranslated
            title, definition = Label(ind_id, lang != "en"), Label("")
        else:
            title = _dict_label(text.title, lang, ind_id)
            definition = _dict_label(text.definition, lang, "") if text.definition else Label("")
        out[ind_id] = IndicatorInfo(
            id=ind_id,
            criterion=str(first["criterion"]),
            title=title,
            definition=definition,
            statistic=str(first.get("statistic") or (text.statistic if text else "proportion")),
            direction=text.direction if text else "higher_is_worse",
            unit=str(first.get("unit") or (text.unit if text else "household")),
            code=text.code if text else None,
            contextualised=_note(snap, text, lang) if text else None,
            measure=text.measure if text else None,
            counts=text.counts if text else None,
            value_unit=_dict_label(text.value_unit, lang, "")
            if text and text.value_unit
            else Label(""),
            level_labels={k: dict(v) for k, v in text.level_labels.items()} if text else {},
        )
    return out


def _groups(results: AnalysisResults, snap: RunSnapshot, lang: str) -> list[GroupInfo]:
    groups = [
        GroupInfo(g.code, _dict_label(g.labels, lang, g.code), g.role) for g in snap.texts.groups
    ]
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


def _observed(results: AnalysisResults) -> dict[str, list[str]]:
    """Breakdown → values, as they appear in the estimates, the solutions and the stock tables."""
    observed: dict[str, list[str]] = {}
    for part in (results.estimates, results.solutions):
        if part.empty:
            continue
        for dis, vals in part.groupby("disaggregation", sort=False)["disaggregation_value"]:
            observed.setdefault(str(dis), []).extend(vals.astype(str))
    if not results.stock.empty:
        for var_col, val_col in (("row_var", "row_value"), ("col_var", "col_value")):
            cells = results.stock[~is_stock_total(results.stock)]
            for dis, vals in cells.groupby(var_col, sort=False)[val_col]:
                if str(dis):
                    observed.setdefault(str(dis), []).extend(vals.astype(str))
    return observed


def _disaggregations(results: AnalysisResults, snap: RunSnapshot, lang: str):
    labels: dict[str, Label] = {}
    levels: dict[tuple[str, str], Label] = {}
    texts = {d.id: d for d in snap.texts.disaggregations}
    observed = _observed(results)
    for dis in observed:
        if dis == "total":
            continue
        text = texts.get(dis)
        labels[dis] = _dict_label(text.labels if text else {}, lang, dis)
        known = {lv.value: lv.labels for lv in text.levels} if text else {}
        for value in dict.fromkeys(observed[dis]):
            if value == STOCK_NOT_STATED:  # a stock table's units with no value of it
                levels[(dis, value)] = Label(Translator(lang)("stock_not_stated"))
            elif value in known:
                levels[(dis, value)] = _dict_label(known[value], lang, value)
            else:  # a place name or a code is not language text; a common word may be
                levels[(dis, value)] = Label(term(value, lang) or value)
    return labels, levels


def _head_labels(snap: RunSnapshot, labels: dict[str, Label], tr: Translator) -> dict[str, Label]:
    """Each individual breakdown shown (one that gives households their head's value, or any
    the run recorded as reading the individual data) → its name where it is the head's: the
    plan's (``head_label``) in the report's language, else "<label> (household head)" from
    the catalogue."""
    out: dict[str, Label] = {}
    for d in snap.texts.disaggregations:
        if not (d.head or d.unit == "individual") or d.id not in labels:
            continue
        if d.head_labels.get(tr.lang):
            out[d.id] = Label(d.head_labels[tr.lang])
        else:
            base = labels[d.id]
            out[d.id] = Label(tr("breakdown_of_head", label=base.text), base.untranslated)
    return out


def _consent_question(snap: RunSnapshot, lang: str) -> str:
    """The consent question's label (the data's, else the catalogue's ``term:``) in ``lang``;
    "" when neither has it in that language (an English question in an Arabic report is not)."""
    texts = {str(k): str(v) for k, v in dict(snap.exclusions.get("consent_labels") or {}).items()}
    label = _dict_label(texts, lang, "") if texts else Label("")
    return "" if label.untranslated else label.text


def _design(snap: RunSnapshot, tr: Translator) -> tuple[dict[str, str], dict[str, str]]:
    """Each design role → the variable's label in the report language, and → its name in the
    data file. A variable labelled only in another language gets no label ("—": its English
    label in an Arabic report is not language text, its name stands in its own column)."""
    d = snap.texts.design

    def label(name: str | None) -> str:
        if not name:
            return tr("no")
        texts = d.labels.get(name) or {}
        shown = _dict_label(texts, tr.lang, "") if texts else Label("")
        if shown.untranslated or not shown.text or shown.text == name:
            return "—"
        return shown.text

    roles = {
        tr("design_weights"): d.weight,
        tr("design_strata"): d.strata,
        tr("design_psu"): d.psu,
        tr("design_fpc"): d.fpc,
    }
    labels = {role: label(name) for role, name in roles.items()}
    labels[tr("design_variance")] = join_list(
        dict.fromkeys(_variance(u, tr, snap) for u in snap.designs), tr.lang, clauses=True
    ) or tr("variance_linearisation", stages=1)
    return labels, {role: str(name) for role, name in roles.items() if name}


def _variance_key(snap: RunSnapshot) -> str:
    kinds = {u.variance for u in snap.designs}
    if "replicate" in kinds:
        return "variance_method_replicates"
    if any(u.stages > 1 for u in snap.designs):
        return "variance_method_multistage"
    if any(_fpc(u, snap) for u in snap.designs):
        return "variance_method_fpc"  # not "with replacement": readers saw both said
    return "variance_method"


def _fpc(u: Any, snap: RunSnapshot) -> bool:
    """Whether the engine gave a unit's counted stages a finite population correction (its
    record; a run made before it was recorded: the plan's FPC variable, which the engine
    always applied to the first stage)."""
    if u.variance != "linearisation":
        return False
    return bool(snap.texts.design.fpc) if u.fpc is None else bool(u.fpc)


def _variance(u: Any, tr: Translator, snap: RunSnapshot) -> str:
    """How the engine estimated variances for one unit (the snapshot's record)."""
    if u.variance == "replicate":
        kind = (
            tr(f"replicates_{u.replicate_type}")
            if tr.has(f"replicates_{u.replicate_type}")
            else u.replicate_type
        )
        key = "variance_replicates_generated" if u.generated else "variance_replicates"
        return tr(key, type=kind, count=u.replicates)
    key = "variance_linearisation_fpc" if _fpc(u, snap) else "variance_linearisation"
    return tr(key, stages=u.stages)


def dataset_fingerprint(snap: RunSnapshot) -> str:
    """The dataset fingerprint(s) the results were computed from, as the snapshot records them."""
    return " ".join(f"{k}:{v}" for k, v in sorted(snap.dataset_fingerprints.items()))


def _opt(tr: Translator, key: str) -> str:
    return tr(f"opt_{key}") if tr.has(f"opt_{key}") else key


def _val(tr: Translator, value: Any, names: dict[str, Label] | None = None) -> str:
    """An option's value in words; ``names``: breakdown ids → their labels (the homogeneous
    cells are breakdowns, never shown by their ids)."""
    items = value if isinstance(value, list | tuple) else [value]

    def one(v: Any) -> str:
        if names and str(v) in names:
            return names[str(v)].shown()
        for key in (f"val_{v}", f"method_{v}"):
            if tr.has(key):
                return tr(key)
        if isinstance(v, float):  # "Quantile de dominance : 0,5", not "0.5"
            text = f"{v:g}"
            return text.replace(".", ",") if decimal_comma(tr.lang) else text
        return str(v)

    return join_list((one(v) for v in items), tr.lang)


def _option_note(tr: Translator, key: str, value: Any) -> str:
    """What an option of the solutions measure does to the figures, in one line: the
    catalogue's ``optnote_<key>_<value>`` or ``optnote_<key>`` (a settings dump nobody could
    read, issue 20: "Dominance quantile: 0.5", "Fixed benchmark value: none")."""
    if key == "solutions_methods" and isinstance(value, list | tuple) and len(value) == 1:
        key = "solutions_methods_one"  # no table of every method to send the reader to
    for k in (f"optnote_{key}_{value}", f"optnote_{key}"):
        if tr.has(k):
            return tr(k)
    return ""


def _option_value(
    tr: Translator, key: str, value: Any, opts: dict[str, Any], names: dict[str, Label]
) -> str:
    """An option's value in words; the methods by the names the method table gives them, the
    homogeneous cells by their breakdowns' labels (never their ids)."""
    if key == "homogeneous_cells":
        return _cells(value, names)
    if key == "solutions_methods" and isinstance(value, list | tuple):
        return join_list((_method_name(tr, str(m), opts, names) for m in value), tr.lang)
    return _val(tr, value)


def _method_name(tr: Translator, method: str, opts: dict[str, Any], names: dict[str, Label]) -> str:
    """A method's name; the homogeneous cells' names the run's cells by their breakdowns, as
    the options do ("Homogeneous cells (District × District of origin × Year of displacement)";
    the method table said "(location × origin × arrival year)" above options that named
    others)."""
    cells = opts.get("homogeneous_cells") if method == "homogeneous_cells" else None
    if cells and tr.has("method_homogeneous_cells_of"):
        return tr("method_homogeneous_cells_of", cells=_cells(cells, names))
    return tr(f"method_{method}") if tr.has(f"method_{method}") else method


def _cells(value: Any, names: dict[str, Label]) -> str:
    """The breakdowns that define homogeneous cells, by their labels, joined by "×"."""
    items = value if isinstance(value, list | tuple) else [value]
    return " × ".join(names[str(v)].shown() if str(v) in names else str(v) for v in items)


def _criteria(snap: RunSnapshot, lang: str, tr: Translator) -> dict[str, Label]:
    names = {c.id: c.name for c in snap.texts.criteria}
    out: dict[str, Label] = {}
    for c in (*CRITERIA, *MODULES):
        default = tr("module_a") if c == "A" else tr("module_b") if c == "B" else None
        default = default or f"{tr('criterion')} {c}"
        out[c] = _dict_label(names[c], lang, default) if names.get(c) else Label(default)
    return out


def _stock_titles(
    results: AnalysisResults, snap: RunSnapshot, labels: dict[str, Label], lang: str, tr: Translator
) -> dict[str, Label]:
    out: dict[str, Label] = {}
    for st in snap.texts.stock_tables:
        if st.title.get(lang):
            out[st.id] = _iris_scope(Label(st.title[lang]), tr)
        elif st.rows not in labels:
            out[st.id] = _iris_scope(_dict_label(st.title, lang, st.id), tr)
        elif st.cols and st.cols in labels:
            rows, cols = _in_title(labels[st.rows].text, tr), _in_title(labels[st.cols].text, tr)
            out[st.id] = Label(tr("stock_title_2", rows=rows, cols=cols))
        else:
            out[st.id] = Label(tr("stock_title_1", rows=_in_title(labels[st.rows].text, tr)))
    if not results.stock.empty:  # a table the run's texts do not title: by its breakdowns
        for tid, part in results.stock.groupby(results.stock["table"].astype(str), sort=False):
            if tid in out:
                continue
            rows, cols = str(part["row_var"].iloc[0]), str(part["col_var"].iloc[0] or "")
            if rows not in labels:  # nothing to name it by: its id, marked untranslated
                out[tid] = Label(tid, lang != "en")
                continue
            r = _in_title(labels[rows].text, tr)
            out[tid] = Label(
                tr("stock_title_2", rows=r, cols=_in_title(labels[cols].text, tr))
                if cols and cols in labels
                else tr("stock_title_1", rows=r)
            )
    return out


def _iris_scope(title: Label, tr: Translator) -> Label:
    """A plan's stock table title with what the stock counts: IRIS keeps the returnees in it
    until they overcome their displacement-related vulnerabilities (issue 20: "IDP stock"
    titles over 898,614 of which 322,474 returnees, quoted as the number of IDPs). The
    catalogue's titles say it themselves (``stock_title_1``, ``stock_title_2``)."""
    scope = tr("stock_title_plan", title="\x00").split("\x00")[-1].strip()
    if scope in title.text:
        return title
    return Label(tr("stock_title_plan", title=title.text), title.untranslated)


def _in_title(label: str, tr: Translator) -> str:
    """A breakdown's label inside a stock table's title, which already names the IRIS
    definition: "Groupe d'âge (IRIS)" → "groupe d'âge" (fr_B: "… par sexe et groupe d'âge
    (IRIS)" said IRIS twice); read after "by" (:func:`after_by`)."""
    return after_by(label.removesuffix(" (IRIS)").strip(), tr)


def after_by(label: str, tr: Translator) -> str:
    """A breakdown's label as it reads after "by" / « par » in a title or caption. A label that
    names the breakdown's alternatives ("Urban / rural") is no noun phrase: the Word report's
    « Par urbain / rural » and the stock title « … par type de lieu et urbain / rural » (issue
    20). The catalogue's phrase for it where it has one (``phrase:<label>``: « milieu (urbain /
    rural) »), else any such label named as a breakdown (``breakdown_alternatives``); any
    other label as in a sentence (:func:`_in_sentence`)."""
    # the phrases are keyed by the English term (``term:Urban / rural``), as the labels are
    words = catalog(tr.lang)
    english = [k[5:] for k, v in words.items() if k.startswith("term:") and v == label]
    for key in (f"phrase:{t}" for t in [label, *english]):
        if key in words:
            return tr(key)
    if "/" in label:
        return tr("breakdown_alternatives", label=label)
    return _in_sentence(label)


def labelled(tr: Translator, label: str, text: str) -> str:
    """ "Label: sentence" — French and Spanish write no capital after the colon: the French
    report read « Adaptation pour cette enquête : Seuil national… » and « Définition : Part
    des ménages… » (issue 20). A word in capitals ("IRIS", "PDI") keeps them."""
    return tr("labelled", label=label, text=after_colon(text, tr.lang))


def after_colon(text: str, lang: str) -> str:
    """A sentence as it reads after a colon in ``lang`` (:func:`labelled`): no capital in
    French or Spanish (« Justification, pour les 21 entrées ci-dessous : Démonstration… »)."""
    return _in_sentence(text) if lang in ("fr", "es") else text


def with_code(title: str, code: str | None, lang: str) -> str:
    """An indicator's title with its library code: "Access to basic sanitation (DS 2.1.4)"; a
    title that ends in brackets takes the code inside them — "… (FIES; DS 2.1.2)", not
    "… (FIES) (DS 2.1.2)" (ar_A rd15 5: two Latin bracket groups stacked in the Arabic title),
    the semicolon the language's own: « (FIES ; DS 2.1.2) » in French, with its no-break space."""
    if not code:
        return title
    if title.endswith(")") and "(" in title:
        known = LANGUAGES.get(lang) if lang in LANGUAGES else None
        return f"{title[:-1]}{known.semicolon if known else ';'} {code})"
    return f"{title} ({code})"


def _in_sentence(label: str) -> str:
    """A breakdown's label inside a title: "Sexe", "Groupe d'âge" → "sexe", "groupe d'âge" (the
    French titles read "Effectif des PDI par Sexe et Groupe d'âge"); an acronym ("IRIS", "DS")
    keeps its capitals."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _info_label(info: dict[str, Any], key: str, lang: str, fallback: str = "") -> Label:
    """A ``[report]`` text of the plan in ``lang``; else the plan's language's, marked (a plain
    text — the office of a run made before it had languages — is in the plan's language)."""
    plan_lang = str(info.get("language") or "en")
    value = info.get(key) or {}
    value = {plan_lang: value} if isinstance(value, str) else value
    texts = {str(k): str(v) for k, v in dict(value).items() if v}
    if texts.get(lang):
        return Label(texts[lang])
    text = texts.get(plan_lang) or texts.get("en") or next(iter(texts.values()), "") or fallback
    return Label(text, bool(text) and lang != plan_lang)


def preset_name(code: str, tr: Translator) -> str:
    """A disclosure preset as a reader knows it ("DHS (hide n < 25, caution n < 50)"), never its
    code ("dhs"): the registry's name in the report's language."""
    if code in DISCLOSURE_PRESETS:
        return DISCLOSURE_PRESETS.label(code, tr.lang)
    return tr("preset_custom") if code == CUSTOM else code or tr("not_recorded")


def caution_rule(thresholds: dict[str, Any], tr: Translator) -> str:
    """The thresholds at which the engine marks an estimate † ("fewer than 50 cases", "a
    coefficient of variation above 16.5%", or both), "" when the run recorded none."""
    from workbench.reporting.fmt import fmt_threshold

    n = thresholds.get("caution_below_n") or 0
    # the preset's CV threshold (a setting, not an estimate's CV): none when unset or infinite
    limit = float(thresholds.get("caution_cv") or 0)
    parts = []
    if n:
        parts.append(tr("caution_n", n=int(n)))
    if limit and math.isfinite(limit):
        key = "caution_cv_from" if thresholds.get("cv_inclusive") else "caution_cv"
        parts.append(tr(key, cv=fmt_threshold(limit, tr.lang)))
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else tr("caution_or", a=parts[0], b=parts[1])


def caution_note(thresholds: dict[str, Any], tr: Translator) -> str:
    """The † footnote with the thresholds the engine applied (stats/disclosure.py: caution when
    n < caution_below_n, or the CV above caution_cv — at or above it when ``cv_inclusive``),
    so a reader can tell why a wide interval has no † (issue 20: a host share of 38.7%, CI
    22.7–57.7, n 260 had none under DHS's n < 50, while the footnote promised "few cases or a
    high coefficient of variation"); "" when the run recorded no caution threshold."""
    rule = caution_rule(thresholds, tr)
    return tr("fn_caution_rule", rule=rule) if rule else ""


def suppressed_count_note(thresholds: dict[str, Any], tr: Translator, preset: str) -> str:
    """The "*" footnote of a table of counts: the engine withholds a count at the thresholds
    that mark any other estimate † (stats/disclosure.py; issue 20: "34,863†‡" from 37
    households read as a fact), so the note says so with those thresholds; "" when the run
    recorded no caution threshold (the general "*" note then says all)."""
    rule = caution_rule(thresholds, tr)
    return tr("fn_suppressed_count", rule=rule, preset=preset) if rule else ""


def _thresholds(snap: RunSnapshot) -> dict[str, Any]:
    """The disclosure thresholds the run applied: as it recorded them, else (a run stored
    without them) its named preset's (stats/disclosure_presets.py)."""
    if snap.disclosure_thresholds:
        return dict(snap.disclosure_thresholds)
    code = snap.disclosure_preset
    return DISCLOSURE_PRESETS.get(code).thresholds.as_meta() if code in DISCLOSURE_PRESETS else {}


def require_snapshot(results: AnalysisResults) -> RunSnapshot:
    if results.snapshot is None:
        raise ReportError.of("report.no_snapshot")
    return results.snapshot


def build_context(
    results: AnalysisResults, options: ReportOptions, settings: Any = None
) -> ReportContext:
    """What the report says besides the numbers: from ``results`` and their snapshot, in the
    options' language (``settings`` gives the office name)."""
    snap = require_snapshot(results)
    lang = options.language
    tr = Translator(lang)
    labels, levels = _disaggregations(results, snap, lang)
    heads = _head_labels(snap, labels, tr)
    households = labels | heads  # the solutions measure's breakdowns are households'
    sol_opts = {k: snap.options[k] for k in SOLUTION_OPTIONS if k in snap.options}
    if sol_opts.get("household_aggregation") is None:
        sol_opts["household_aggregation"] = snap.household_aggregation or None
    info = dict(snap.texts.report_info)
    design, design_variables = _design(snap, tr)
    return ReportContext(
        language=lang,
        title=options.title or tr("report_title"),
        subtitle=Label("")
        if options.title
        else _info_label(info, "subtitle", lang, snap.texts.plan_description),
        area=Label(options.area)
        if options.area
        else _info_label(info, "area", lang, snap.texts.reference_area),
        reference_period=Label(options.reference_period)
        if options.reference_period
        else _info_label(info, "reference_period", lang, snap.texts.reference_period),
        office=Label(options.office)
        if options.office
        else _info_label(info, "office", lang)
        if info.get("office")
        else Label(getattr(settings, "office_name", "") or ""),
        currency=str(options.currency or info.get("currency") or ""),
        contact=str(options.contact or info.get("contact") or ""),
        annex_paths=tuple(Path(p) for p in options.annex_paths),
        designs={
            d.unit: {"rows": d.rows, "psus": d.psus, "strata": d.strata, "df": d.df}
            for d in snap.designs
        },
        plan_name=snap.plan_name,
        plan_version=snap.plan_version,
        plan_hash=snap.plan_hash,
        dataset_fingerprint=dataset_fingerprint(snap),
        library_version=snap.texts.library_version,
        software_version=snap.software_version,
        preset=snap.disclosure_preset,
        preset_name=preset_name(snap.disclosure_preset, tr),
        caution_note=caution_note(_thresholds(snap), tr),
        suppressed_count_note=suppressed_count_note(
            _thresholds(snap), tr, preset_name(snap.disclosure_preset, tr)
        ),
        stock_units={st.id: st.unit for st in snap.texts.stock_tables},
        confidence_level=snap.confidence_level,
        ci_method=str(snap.methods.get("proportion_ci") or snap.options.get("proportion_ci") or ""),
        design=design,
        design_variables=design_variables,
        variance_key=_variance_key(snap),
        groups=_groups(results, snap, lang),
        excluded_groups=tuple(
            GroupInfo(g.code, _dict_label(g.labels, lang, g.code), g.role)
            for g in snap.texts.groups
            if g.role == "exclude"
        ),
        indicators=_indicators(results, snap, lang),
        criteria=_criteria(snap, lang, tr),
        disaggregations=labels,
        levels=levels,
        stock_titles=_stock_titles(results, snap, labels, lang, tr),
        from_ages={d.id: d.from_age for d in snap.texts.disaggregations if d.from_age},
        columns={d.id: d.column for d in snap.texts.disaggregations if d.column},
        solutions_methods={
            str(m): _method_name(tr, str(m), sol_opts, households)
            for m in pd.unique(results.solutions["method"])
        }
        if not results.solutions.empty
        else {},
        solutions_options={
            _opt(tr, k): _option_value(tr, k, v, sol_opts, households) for k, v in sol_opts.items()
        },
        solutions_option_notes={
            _opt(tr, k): note for k, v in sol_opts.items() if (note := _option_note(tr, k, v))
        },
        library_hash=snap.texts.library_hash,
        cleaning_logs={k: dict(v) for k, v in snap.cleaning_logs.items()},
        reconstructed=snap.reconstructed,
        exclusions=dict(snap.exclusions),
        consent_question=_consent_question(snap, lang),
        head_labels=heads,
        dataset_units=dict(snap.datasets),
        plan_warnings=tuple(dict(w) for w in snap.plan_warnings),
        reconstructed_on=snap.reconstructed_on,
        suppression=dict(snap.suppression),
        calibration={d.unit: dict(d.calibration) for d in snap.designs if d.calibration},
    )
