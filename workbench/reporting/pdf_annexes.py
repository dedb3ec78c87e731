"""The methodology and validation annexes."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from workbench.findings import Finding
from workbench.findings_i18n import LRI, PDI, worded
from workbench.languages import join_list
from workbench.reporting.context import CRITERIA, _in_sentence, after_colon, labelled, with_code
from workbench.reporting.fmt import fmt_count, fmt_value
from workbench.reporting.judging import ci_sentence, judging_paragraphs
from workbench.reporting.pdf_calibration import calibration
from workbench.reporting.pdf_flow import ChapterBreak
from workbench.reporting.pdf_sections import Builder
from workbench.reporting.pdf_tables import make_table
from workbench.reporting.validation import Validation
from workbench.stats.disclosure_presets import DISCLOSURE_PRESETS


def methodology(b: Builder, report_warnings: int = 0) -> list[Flowable]:
    """``report_warnings``: the validation's warnings (named beside the plan's, which differ)."""
    tr, ctx = b.tr, b.ctx
    # a chapter: it starts a page, wherever the last section ends
    out: list[Flowable] = [ChapterBreak(), b.h(tr("methodology"), 0, "methodology")]
    out += survey_facts(b)
    out.append(b.h(tr("survey_design"), 1, "design"))
    out.append(design_table(b))
    out += sample_sizes(b)
    out += [
        b.p(tr(ctx.variance_key)),
        b.p(ci_sentence(b.results, ctx, tr)),
        b.h(tr("judging"), 1, "judging"),
        *(b.p(text) for text in judging_paragraphs(b.results, tr, b.ctx)),
    ]
    out += calibration(b)  # population totals the weights were calibrated to, if any
    out += respondents(b)
    out += [
        b.h(tr("disclosure"), 1, "disclosure"),
        b.p(disclosure_rule(b)),
    ]
    if ctx.suppression:
        out.append(b.p(tr("disclosure_complementary", ratio=_percent(ctx.suppression))))
        if int(ctx.suppression.get("bounded") or 0):  # the solutions shares given as bounds
            out.append(b.p(tr("disclosure_bounds", ratio=_percent(ctx.suppression))))
    out += cleaning(b)
    out += plan_warnings(b, report_warnings)
    out.append(b.h(tr("indicator_definitions"), 1, "definitions"))
    rows = []
    # in the report's order (Module A, criteria 1–8, Module B): readers met Module A after
    # criterion 7 and criterion 3's poverty and median income last
    order = ["A", *"12345678", "B"]
    rank = {c: k for k, c in enumerate(order)}
    for info in sorted(ctx.indicators.values(), key=lambda i: rank.get(i.criterion, len(order))):
        text = info.definition.shown() or "—"
        if info.contextualised:
            text += f" ({labelled(tr, tr('contextualised'), info.contextualised)})"
        # the code as the headings give it: "(DS 2.1.8)", not "[DS 2.1.8]"
        rows.append([with_code(info.title.shown(), info.code, tr.lang), text])
    out.append(
        make_table(
            [tr("col_indicator"), tr("definition")],
            rows,
            [0.38 * b.width, 0.62 * b.width],
            b.styles,
            b.lang,
            continued=tr("indicator_definitions"),
        )
    )
    out.append(b.h(tr("versions"), 1, "versions"))
    rows = [
        [tr("library_version"), ctx.library_version or tr("not_recorded")],
        [tr("plan_version"), f"{ctx.plan_name} v{ctx.plan_version}"],
        [tr("software_version"), f"Durable Solutions Workbench {ctx.software_version}".strip()],
    ]
    out.append(make_table(_item_value(b), rows, [0.4 * b.width, 0.6 * b.width], b.styles, b.lang))
    return out


def design_table(b: Builder) -> Flowable:
    """The design variables by their labels in the report's language, each variable's name in
    the data file in a column of its own (issue 20: "(ea_id)", "(fpc_ea)" read inside the
    sentences, in an Arabic report inside right-to-left ones), then how variances were
    estimated and the units of analysis."""
    tr, ctx = b.tr, b.ctx
    rows = [[k, v, ctx.design_variables.get(k, "")] for k, v in ctx.design.items()]
    units = sorted({i.unit for i in ctx.indicators.values()})
    unit_words = (tr(f"universe_unit_{u}").split(":")[-1].strip() for u in units)
    rows.append([tr("design_unit"), join_list(unit_words, b.lang, conjunction=True), ""])
    header = [tr("col_item"), tr("col_description"), tr("col_file_variable")]
    widths = [w * b.width for w in (0.27, 0.53, 0.2)]
    return make_table(header, rows, widths, b.styles, b.lang)


def disclosure_rule(b: Builder) -> str:
    """The disclosure rule by its full name and thresholds ("the Demographic and Health Surveys
    (DHS) rule: …", fr "EDS"), and what n is — issue 20: an Arabic reader met "DHS" and "n"
    unexplained; a rule the catalogue does not describe keeps its registry name."""
    tr, ctx = b.tr, b.ctx
    key = f"disclosure_rule_{ctx.preset}"
    if ctx.preset in DISCLOSURE_PRESETS and tr.has(key):
        t = DISCLOSURE_PRESETS.get(ctx.preset).thresholds
        text = tr(
            key,
            suppress=t.suppress_below_n,
            caution=t.caution_below_n,
            caution_last=t.caution_below_n - 1,
            caution_cv=_cv(t.caution_cv, b.lang),
            suppress_cv=_cv(t.suppress_cv, b.lang),
        )
    else:
        text = tr("disclosure_text", preset=ctx.preset_name)
    return f"{text} {tr('disclosure_n')}"


def _cv(share: float, lang: str) -> str:
    return fmt_value(share, "proportion", lang) if share != float("inf") else ""


def _item_value(b: Builder) -> list[str]:
    """The header of a two-column table of facts (never the section's title again)."""
    return [b.tr("col_item"), b.tr("col_value")]


def survey_facts(b: Builder) -> list[Flowable]:
    """The plan's facts about the survey: area, reference period, currency, office, contact."""
    tr, ctx = b.tr, b.ctx
    rows = [
        [tr("cover_area"), ctx.area.shown() or tr("not_recorded")],
        [tr("cover_period"), ctx.reference_period.shown() or tr("not_recorded")],
        [tr("cover_currency"), ctx.currency or tr("not_recorded")],
        [tr("cover_office"), ctx.office.shown() or tr("cover_office_unset")],
        [tr("cover_contact"), ctx.contact or tr("not_recorded")],
    ]
    widths = [0.4 * b.width, 0.6 * b.width]
    return [
        b.h(tr("survey_facts"), 1, "survey"),
        make_table(_item_value(b), rows, widths, b.styles, b.lang),
    ]


def sample_sizes(b: Builder) -> list[Flowable]:
    """Records, PSUs, strata and degrees of freedom per unit of analysis (the run's designs)."""
    tr, designs = b.tr, b.ctx.designs
    if not designs:
        return []
    header = [tr("col_unit"), tr("col_records"), tr("col_psus"), tr("col_strata"), tr("col_df")]
    rows = [
        [
            tr(f"unit_{unit}") if tr.has(f"unit_{unit}") else unit,
            fmt_count(float(d.get("rows") or 0), b.lang),
            fmt_count(float(d.get("psus") or 0), b.lang),
            fmt_count(float(d.get("strata") or 0), b.lang),
            fmt_count(float(d.get("df") or 0), b.lang),
        ]
        for unit, d in designs.items()
    ]
    widths = [w * b.width for w in (0.28, 0.18, 0.18, 0.18, 0.18)]
    return [
        b.p(tr("sample_sizes"), "h3"),
        make_table(header, rows, widths, b.styles, b.lang),
        b.p(tr("df_text")),  # the annex's prose in one body style, not a note's
    ]


def respondents(b: Builder) -> list[Flowable]:
    """Who was left out of the run and why (consent, eligibility), from the run's snapshot."""
    tr, ex = b.tr, b.ctx.exclusions
    if not ex:
        return []
    out: list[Flowable] = [b.h(tr("respondents"), 1, "respondents")]
    no_consent = int(ex.get("households_without_consent", 0))
    ineligible = int(ex.get("households_ineligible", 0))
    column = str(ex.get("consent_column") or "")
    # the question by its words, its column as the questionnaire names it (issue 20: readers
    # met "(column consent)")
    question = b.ctx.consent_question
    lines = [
        tr("exclusions_consent_question", question=question, column=column, n=no_consent)
        if column and question
        else tr("exclusions_consent", column=column, n=no_consent)
        if column
        else tr("exclusions_no_consent_column")
    ]
    if ex.get("eligibility"):
        lines.append(tr("exclusions_eligibility", rule=str(ex["eligibility"]), n=ineligible))
    if no_consent + ineligible:
        members = int(ex.get("individuals_excluded", 0))
        lines.append(tr("exclusions_total", households=no_consent + ineligible, members=members))
    else:
        lines.append(tr("exclusions_none"))
    outside = int(ex.get("households_no_group", 0) or 0)
    if outside:  # in the households analysed, in no group's estimates (engine.no_group)
        names = [
            _in_sentence(b.ctx.group(str(c)).label.shown()) for c in ex.get("no_group_codes") or ()
        ]
        if int(ex.get("households_no_group_code", 0) or 0):
            names.append(tr("stock_not_stated"))
        lines.append(
            tr(
                "exclusions_no_group",
                households=outside,
                members=int(ex.get("individuals_no_group", 0) or 0),
                groups=join_list(names, b.lang, conjunction=True),
            )
        )
    out += [b.p(line) for line in lines]
    return out


def cleaning(b: Builder) -> list[Flowable]:
    """What the cleaning logs changed in the data the run read, by kind and dataset."""
    tr, logs = b.tr, b.ctx.cleaning_logs
    out: list[Flowable] = [b.h(tr("cleaning"), 1, "cleaning")]
    if not logs:  # a run made before cleaning logs were recorded
        return [*out, b.p(tr("cleaning_not_recorded"))]
    if not any(int(log.get("entries") or 0) for log in logs.values()):
        return [*out, b.p(tr("cleaning_none"))]
    out.append(b.p(tr("cleaning_text")))
    header = [tr("cleaning_dataset"), tr("cleaning_changed"), tr("cleaning_set_missing"),
              tr("cleaning_dropped"), tr("cleaning_recoded"), tr("cleaning_undone")]  # fmt: skip
    rows = [
        [_capital(b.ctx.dataset_name(name)), str(log.get("changed", 0)),
         str(log.get("set_missing", 0)),
         str(log.get("dropped", 0)),
         tr("cleaning_recodes", recodes=log.get("recodes", 0),
            values=log.get("recoded_values", 0)),
         str(log.get("undone", 0))]
        for name, log in sorted(logs.items())
    ]  # fmt: skip
    width = b.width / 7
    out.append(make_table(header, rows, [2 * width] + [width] * 5, b.styles, b.lang))
    checks: dict[str, int] = {}
    for log in logs.values():
        for code, n in dict(log.get("by_check") or {}).items():
            checks[code] = checks.get(code, 0) + int(n)
    if checks:
        listed = ", ".join(f"{code} ({n})" for code, n in sorted(checks.items()))
        out.append(b.p(tr("cleaning_checks", checks=listed)))
    return out


def _capital(text: str) -> str:
    """A name heading a table row ("Household data"; the catalogue's is lower case, for use
    inside a sentence)."""
    return text[:1].upper() + text[1:]


def plan_warnings(b: Builder, report_warnings: int = 0) -> list[Flowable]:
    """The plan check's warnings when the run was made (the run's snapshot), each with the
    justification given for it, in the report's language with indicators and groups named.
    The report's own checks' warnings (``report_warnings``, listed in the validation annex) are
    other findings: a sentence says how many, so "no warning" here does not read as none."""
    tr = b.tr
    out: list[Flowable] = [b.h(tr("plan_warnings_title"), 1, "plan_warnings")]
    after = [b.p(tr("plan_warnings_report", count=report_warnings))] if report_warnings else []
    found = [dict(w) for w in b.ctx.plan_warnings]
    if not found:
        return [*out, b.p(tr("plan_warnings_none")), *after]
    rows = []
    for w in found:
        where = {str(k): str(v) for k, v in dict(w.get("where") or {}).items()}
        just = b.options.justification_for(str(w.get("code")), where) or tr("no_justification")
        rows.append([plan_warning_text(b, w), just])
    header = [tr("col_warning"), tr("justification")]
    out += [
        b.p(tr("plan_warnings_text", count=len(found))),
        make_table(
            header,
            rows,
            [0.55 * b.width, 0.45 * b.width],
            b.styles,
            b.lang,
            continued=tr("plan_warnings_title"),
        ),
        *after,
    ]
    return out


def plan_warning_text(b: Builder, w: dict) -> str:
    """A plan warning in the report's language, its indicator and group named by their labels
    (never ``c4_hlp_documents`` or group ``4``)."""
    ctx = b.ctx
    values: dict = {**dict(w.get("where") or {}), **dict(w.get("params") or {})}
    ind = ctx.indicators.get(str(values.get("indicator", "")))
    if ind is not None:  # the check wrote the plan language's title: the report's instead,
        # with its code as the headings give it (the list named "Access to basic sanitation"
        # where the sections read "Access to basic sanitation (DS 2.1.4)")
        title = with_code(ind.title.shown(), ind.code, b.lang)
        values["indicator"] = b.tr("quoted", text=title)
        values["title"] = title
    group = next((g for g in ctx.groups if g.code == str(values.get("group", ""))), None)
    if group is not None:
        values["group"] = b.tr("quoted", text=group.label.shown())
        values["group_name"] = group.label.shown()
    text = worded(str(w.get("code")), str(w.get("severity", "warning")), values, b.lang)
    # the message registry isolates each value for terminals (LRI … PDI); the PDF's own
    # right-to-left layout orders the runs itself and refuses those marks
    return (text or str(w.get("message", ""))).replace(LRI, "").replace(PDI, "")


def finding_text(b: Builder, f: Finding) -> str:
    """A finding in the report's language: its catalog template, with the indicator's title."""
    tr = b.tr
    key = f"finding_{f.code}"
    if tr.has(f"{key}/{f.params.get('wording')}"):  # a variant wording of the code
        key = f"{key}/{f.params.get('wording')}"
    if tr.has(key):
        params = dict(f.params)
        if "indicator" in params:  # its title as the headings give it, with its code
            ind_id = f.where.get("indicator") or params["indicator"]
            info = b.ctx.indicators.get(str(ind_id))
            if info is not None:
                params["indicator"] = with_code(info.title.shown(), info.code, b.lang)
        try:
            return tr(key, **params)
        except (KeyError, IndexError):
            pass
    return f"{f.code}: {f.message}" + ("" if b.lang == "en" else " [en]")


CAUTION_CODE = "report.caution_estimates"


def _section_title(b: Builder, section: str) -> str:
    """The report section a † table is in: its criterion or module, the solutions measure or
    the IDP stock, as the report's headings name them."""
    tr = b.tr
    if section == "solutions":
        return tr("solutions")
    if section == "stock":
        return tr("stock_section")  # the section's heading (en_B 11)
    if section in CRITERIA:
        return tr("criterion_title", number=section, name=b.ctx.criteria[section].shown())
    default = tr("module_a") if section == "A" else tr("module_b")
    name = b.ctx.criteria[section].shown() if section in b.ctx.criteria else default
    return default if name == default else tr(f"module_title_{section.lower()}", name=name)


def _caution_item(b: Builder, f: Finding) -> tuple[str, str]:
    """(section, what shows the †: an indicator's title or a table's) of a caution warning."""
    if "table" in f.params:
        return str(f.where.get("section", "")), str(f.params["table"])
    info = b.ctx.indicators.get(str(f.where.get("indicator", "")))
    if info is None:
        return "", str(f.params.get("indicator", ""))
    return info.criterion, with_code(info.title.shown(), info.code, b.lang)


def caution_warnings(b: Builder, findings: list[Finding]) -> list[Flowable]:
    """Every indicator and table that marks values †, grouped by the report's section with its
    number of † values, under one justification for all it covers (issue 20: the annex named
    16 indicators, not the solutions and stock tables' †, and printed the same justification
    16 times)."""
    tr = b.tr
    out: list[Flowable] = []
    if not findings:
        return out
    total = sum(int(f.params.get("count", 0)) for f in findings)
    # "18 warnings" in the checks table beside "48 values †" read as a disagreement: the
    # entries are the warnings, the values are what they cover
    intro = tr("caution_list_entries", entries=len(findings),
               check=tr("check_report.caution_estimates"), checks=tr("checks_run"))  # fmt: skip
    out.append(b.p(f"{tr('caution_list_intro', count=total)} {intro}"))
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        just = b.options.justification_for(f.code, f.where) or tr("no_justification")
        groups.setdefault(just, []).append(f)
    order = {s: i for i, s in enumerate(("A", *CRITERIA, "B", "solutions", "stock"))}
    for just, items in groups.items():
        out.append(b.p(tr("justification_below", count=len(items), text=after_colon(just, b.lang))))
        by_section: dict[str, list[list[str]]] = {}
        for f in items:
            section, name = _caution_item(b, f)
            by_section.setdefault(section, []).append([name, str(int(f.params.get("count", 0)))])
        rows: list[list[str]] = []
        spans: list[int] = []
        for section in sorted(by_section, key=lambda s: order.get(s, len(order))):
            if section:
                spans.append(len(rows))
                rows.append([_section_title(b, section), ""])
            rows += by_section[section]
        header = [tr("col_shown_in"), tr("col_caution_count")]
        widths = [0.8 * b.width, 0.2 * b.width]
        spanned = tuple(spans)
        # "(continued)" at a page top repeats the heading of the section it continues
        # (readers met "Estimates to interpret with caution (continued)" under "Warnings and
        # their justification")
        table = make_table(header, rows, widths, b.styles, b.lang, span_rows=spanned,
                           continued=tr("warnings"))  # fmt: skip
        out.append(table)
    return out


def _percent(suppression: dict) -> str:
    return f"{100 * float(suppression.get('protection_ratio') or 0):g}"


def suppression_counts(b: Builder) -> list[Flowable]:
    """Primary and complementary suppressions of the run (decided by the engine, counted in the
    run snapshot), and what the engine's attack on the published tables left exposed."""
    tr, sup = b.tr, b.ctx.suppression
    out: list[Flowable] = [b.h(tr("suppression_counts"), 1, "suppression")]
    if not sup:
        return [*out, b.p(tr("suppression_not_recorded"))]
    rows = [
        [tr("suppression_primary"), str(int(sup.get("primary", 0)))],
        [tr("suppression_complementary"), str(int(sup.get("complementary", 0)))],
        *(
            [[tr("suppression_complementary_lp"), str(int(sup["complementary_lp"]))]]
            if "complementary_lp" in sup  # runs made before the LP audit do not have it
            else []
        ),
        [tr("suppression_empty"), str(int(sup.get("empty", 0)))],
        [
            tr("suppression_exposed", ratio=_percent(sup)),
            str(int(sup.get("exposed", 0)) or tr("val_None")),
        ],
    ]
    widths = [0.8 * b.width, 0.2 * b.width]
    header = _item_value(b)
    # the heading and every row on one page: a one-row remainder of the table stood alone at
    # the top of the Arabic Word report's page 75 (Word: each row keeps with the next)
    return [KeepTogether([*out, make_table(header, rows, widths, b.styles, b.lang)])]


def _fingerprints(text: str) -> list[tuple[str, str]]:
    """``"name:hash name:hash"`` (the context's dataset fingerprints) → (name, hash) pairs."""
    pairs = []
    for item in text.split():
        name, _sep, value = item.rpartition(":")
        pairs.append((name, value))
    return pairs


#: SHA-256 of no bytes at all: a log without entries, not a fingerprint of anything
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def _empty_log(log: dict) -> bool:
    """A cleaning log with no entries: its hash is the empty input's, which looked like a real
    fingerprint (issue 20); the table says "empty" instead."""
    return not int(log.get("entries") or 0) or log.get("sha256") == EMPTY_SHA256


def validation_annex(b: Builder, validation: Validation, results_hash: str) -> list[Flowable]:
    tr, ctx = b.tr, b.ctx
    # a chapter: a page of its own (its heading stood under the methodology's versions table,
    # its introduction alone at the page foot, issue 20)
    out: list[Flowable] = [ChapterBreak(), b.h(tr("validation"), 0, "validation")]
    out += [b.p(tr("validation_intro")), b.h(tr("checks_run"), 1, "checks")]
    rows = []
    for check in validation.checks:
        _e, w = validation.count(check)
        name = tr(f"check_{check}") if tr.has(f"check_{check}") else check
        rows.append([name, tr("check_warnings", count=w) if w else tr("check_passed")])
    # the check by its name in the reader's language; its internal id ("report.labels_translated")
    # read as a fault to readers, and the name already says which check it is (issue 20)
    header = [tr("col_check"), tr("col_result")]
    widths = [0.7 * b.width, 0.3 * b.width]
    out.append(make_table(header, rows, widths, b.styles, b.lang))
    out.append(b.h(tr("warnings"), 1, "warnings"))
    if not validation.warnings:
        out.append(b.p(tr("no_warnings")))
    cautions = [f for f in validation.warnings if f.code == CAUTION_CODE]
    out += caution_warnings(b, cautions)
    others = [f for f in validation.warnings if f.code != CAUTION_CODE]
    if others:
        rows = []
        for f in others:
            just = b.options.justification_for(f.code, f.where) or tr("no_justification")
            rows.append([finding_text(b, f), just])
        out.append(
            make_table(
                [tr("col_warning"), tr("justification")],
                rows,
                [0.55 * b.width, 0.45 * b.width],
                b.styles,
                b.lang,
                continued=tr("warnings"),
            )
        )
    out += suppression_counts(b)
    heading = b.h(tr("fingerprints"), 1, "fingerprints")
    rows = [
        [labelled(tr, tr("dataset_fingerprint"), ctx.dataset_name(name)), value]
        for name, value in _fingerprints(ctx.dataset_fingerprint)
    ] or [[tr("dataset_fingerprint"), tr("not_recorded")]]
    rows += [
        [tr("plan_hash"), ctx.plan_hash or tr("not_recorded")],
        [tr("library_hash"), ctx.library_hash or tr("not_recorded")],
        [tr("results_hash"), results_hash],
    ]
    logs = sorted(ctx.cleaning_logs.items())
    empty = [name for name, log in logs if _empty_log(log)]
    rows += [
        [tr("cleaning_log", dataset=ctx.dataset_name(name)), tr("cleaning_log_empty")]
        if name in empty  # "empty" says its count: no "(entries: 0)" to break in two
        else [
            tr("cleaning_log_hash", dataset=ctx.dataset_name(name), entries=log.get("entries", 0)),
            log.get("sha256", ""),
        ]
        for name, log in logs
    ]
    # the label column wider (the Arabic Word report broke "(الإدخالات: / 0)" inside its
    # bracket); a hash still fits its line, in the small hash style (Word's too)
    widths = [0.45 * b.width, 0.55 * b.width]
    table = make_table([tr("col_item"), "SHA-256"], rows, widths, b.styles, b.lang, hash_cols=(1,))
    notes = [b.p(tr("verify_text"))]
    if empty:
        notes.append(b.p(tr("cleaning_log_empty_note")))
    # one block: the heading never alone at a page foot, no hash on another page than its
    # dataset's name (the Word report's "Empreintes" stood at a page foot)
    out.append(KeepTogether([heading, table, *notes]))
    if ctx.reconstructed:
        plan = f"{ctx.plan_name} v{ctx.plan_version}"
        library = ctx.library_version or tr("not_recorded")
        out.append(
            b.p(tr("snapshot_reconstructed", date=ctx.reconstructed_on, plan=plan, library=library))
        )
    return out
