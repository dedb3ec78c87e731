"""Labelling a data file from its XLSForm (survey + choices sheets).

Label columns may be plain ``label`` or per language ``label::English (en)``; the language code is
the one in parentheses, else a known language name's ISO code, else the text after ``::``.
Columns are matched to questions by name; failing that, by a question label in any language (for
exports with label headers), in which case the column is renamed to the question name. The option
columns of a select_multiple question ``q`` are recognised as Kobo writes them (``q/option``) and
as flat CSV/SPSS/Stata exports do (``q_option``, ``q.option``), for every option of the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from workbench.dataset_model import Dataset, Variable
from workbench.datasets.excel import open_workbook, read_sheet
from workbench.errors import ImportError_

_KNOWN = {
    "english": "en", "french": "fr", "français": "fr", "francais": "fr", "arabic": "ar",
    "العربية": "ar", "spanish": "es", "español": "es", "espanol": "es", "portuguese": "pt",
    "somali": "so", "swahili": "sw", "kurdish": "ku", "russian": "ru", "ukrainian": "uk",
}  # fmt: skip
_MEASURE = {"select_one": "nominal", "select_multiple": "nominal", "integer": "scale",
            "decimal": "scale", "range": "scale", "rank": "ordinal"}  # fmt: skip


def language_code(column: str) -> str:
    """``label::English (en)`` → ``en``; plain ``label`` → ``""``."""
    if "::" not in column:
        return ""
    text = column.split("::", 1)[1].strip()
    m = re.search(r"\(([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\)\s*$", text)
    if m:
        return m.group(1)
    return _KNOWN.get(text.lower(), text)


@dataclass
class Question:
    name: str
    type: str
    list_name: str | None
    labels: dict[str, str] = field(default_factory=dict)
    #: the ``relevant`` rule, joined with those of the groups around the question (``and``)
    relevant: str = ""
    required: bool = False


@dataclass
class XlsForm:
    questions: dict[str, Question]
    choices: dict[str, list[tuple[str, dict[str, str]]]]
    languages: list[str]
    default_language: str
    #: language code → the text after ``label::`` (``en`` → ``English (en)``)
    language_names: dict[str, str] = field(default_factory=dict)
    form_id: str = ""
    title: str = ""


def _labels(row: pd.Series, cols: list[str]) -> dict[str, str]:
    out = {}
    for c in cols:
        v = row[c]
        if isinstance(v, str) and v.strip():
            out[language_code(c)] = v.strip()
        elif v is not None and not (isinstance(v, float) and pd.isna(v)):
            out[language_code(c)] = str(v)
    return out


def _text(v: Any) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def read_xlsform(path: Path) -> XlsForm:
    wb = open_workbook(path)
    sheets = {s.lower(): s for s in wb.sheet_names}
    if "survey" not in sheets:
        raise ImportError_.of("import.not_xlsform", name=path.name)
    survey = read_sheet(wb, path, sheets["survey"])
    if "type" not in survey.columns or "name" not in survey.columns:
        raise ImportError_.of("import.xlsform_survey_columns", name=path.name)
    label_cols = [c for c in survey.columns if c == "label" or c.startswith("label::")]
    questions: dict[str, Question] = {}
    groups: list[str] = []  # the relevant rule of each open group ("" when none)
    has = {c: c in survey.columns for c in ("relevant", "required")}
    for _, row in survey.iterrows():
        qtype, name = _text(row["type"]), _text(row["name"])
        rule = _text(row["relevant"]) if has["relevant"] else ""
        low = qtype.lower().replace(" ", "_")
        if low.startswith("begin"):
            groups.append(rule)
            continue
        if low.startswith("end"):
            if groups:
                groups.pop()
            continue
        if not qtype or not name:
            continue
        parts = qtype.split()
        base = parts[0].replace("_from_file", "")
        list_name = parts[1] if len(parts) > 1 and base.startswith("select_") else None
        rules = [r for r in (*groups, rule) if r]
        joined = rules[0] if len(rules) == 1 else " and ".join(f"({r})" for r in rules)
        required = has["required"] and _text(row["required"]).lower() in ("yes", "true", "true()")
        questions[name] = Question(
            name, base, list_name, _labels(row, label_cols), relevant=joined, required=required
        )
    choices: dict[str, list[tuple[str, dict[str, str]]]] = {}
    if "choices" in sheets:
        ch = read_sheet(wb, path, sheets["choices"])
        if "list_name" not in ch.columns or "name" not in ch.columns:
            raise ImportError_.of("import.xlsform_choices_columns", name=path.name)
        ch_labels = [c for c in ch.columns if c == "label" or c.startswith("label::")]
        for _, row in ch.iterrows():
            ln, code = _text(row["list_name"]), _text(row["name"])
            if ln and code:
                choices.setdefault(ln, []).append((code, _labels(row, ch_labels)))
    langs = [language_code(c) for c in label_cols if language_code(c)]
    names = {language_code(c): c.split("::", 1)[1].strip() for c in label_cols if "::" in c}
    default, settings = "", {}
    if "settings" in sheets:
        st = read_sheet(wb, path, sheets["settings"])
        settings = {str(c): _text(st[c].iloc[0]) for c in st.columns} if len(st) else {}
        if settings.get("default_language"):
            default = language_code("label::" + settings["default_language"])
    if not default or default not in langs:
        default = langs[0] if langs else ""
    return XlsForm(
        questions, choices, langs, default, names,
        form_id=settings.get("form_id", ""), title=settings.get("form_title", ""),
    )  # fmt: skip


def _code(code: str, numeric: bool) -> Any:
    if numeric:
        try:
            return float(code)
        except ValueError:
            return code
    return code


def _pick(labels: dict[str, str], lang: str) -> str:
    return labels.get(lang) or labels.get("") or next(iter(labels.values()), "")


def option_columns(form: XlsForm) -> dict[str, tuple[str, str]]:
    """Every header an option column of a select_multiple question may have in an export →
    (question, option code): ``q/opt`` (Kobo), ``q_opt`` and ``q.opt`` (flat CSV, SPSS, Stata)."""
    out: dict[str, tuple[str, str]] = {}
    for q in form.questions.values():
        if q.type != "select_multiple":
            continue
        for code, _labels in form.choices.get(q.list_name or "", []):
            for sep in ("/", "_", "."):
                out.setdefault(f"{q.name}{sep}{code}", (q.name, code))
    return out


def _mark_flat_options(ds: Dataset, form: XlsForm) -> None:
    """Flat exports name option columns ``q_option``: mark them as options of ``q``."""
    options = option_columns(form)
    for name, var in ds.variables.items():
        if var.parent_question or name in form.questions or name not in options:
            continue
        question, code = options[name]
        var.parent_question = question
        var.measure = "nominal"
        var.extra["option"] = code


def apply_xlsform(ds: Dataset, form: XlsForm, language: str | None = None) -> None:
    """Set labels, value labels, question types and languages on ``ds`` in place; ``language``
    (one of ``form.languages``) chooses the main labels, else the form's default language."""
    _rename_label_headers(ds, form)
    _mark_flat_options(ds, form)
    lang = language if language in form.languages else form.default_language
    for name, var in ds.variables.items():
        qname = var.parent_question or name
        q = form.questions.get(qname)
        if q is None:
            continue
        if var.parent_question:
            _label_option(var, q, form, lang)
            _form_logic(var, q, None)
            continue
        var.question_type = q.type
        var.measure = _MEASURE.get(q.type, var.measure)  # type: ignore[assignment]
        var.label = _pick(q.labels, lang)
        var.labels = {lg: t for lg, t in q.labels.items() if lg}
        if form is not None and q.list_name and q.list_name in form.choices:
            numeric = var.kind == "numeric" and q.type == "select_one"
            opts = form.choices[q.list_name]
            var.value_labels = {_code(c, numeric): _pick(lb, lang) for c, lb in opts}
            var.value_labels_i18n = {
                lg: {_code(c, numeric): lb[lg] for c, lb in opts if lg in lb}
                for lg in form.languages
            }
        var.extra["list_name"] = q.list_name
        _form_logic(var, q, form)
    ds.languages = list(form.languages)


def _form_logic(var: Variable, q: Question, form: XlsForm | None) -> None:
    """What the data checks read: the skip rule, whether an answer is required, the choices
    (on the question's own column; ``form`` None for an option column)."""
    if q.relevant:
        var.extra["relevant"] = q.relevant
    if q.required:
        var.extra["required"] = True
    if form is not None and q.list_name and q.list_name in form.choices:
        var.extra["choices"] = {code: dict(lb) for code, lb in form.choices[q.list_name]}


def _label_option(var: Variable, q: Question, form: XlsForm, lang: str) -> None:
    option = str(var.extra.get("option", var.name.rsplit("/", 1)[-1]))
    opt_labels: dict[str, str] = {}
    for code, lb in form.choices.get(q.list_name or "", []):
        if code == option:
            opt_labels = lb
    var.question_type = "select_multiple"
    var.label = f"{_pick(q.labels, lang)}: {_pick(opt_labels, lang) or option}"
    var.labels = {
        lg: f"{q.labels.get(lg, '')}: {opt_labels.get(lg, option)}" for lg in form.languages
    }


def _rename_label_headers(ds: Dataset, form: XlsForm) -> None:
    by_label: dict[str, str] = {}
    for q in form.questions.values():
        for text in q.labels.values():
            by_label.setdefault(text.strip().lower(), q.name)
    renames: dict[str, str] = {}
    taken = set(ds.frame.columns)
    for col in ds.frame.columns:
        if col in form.questions or ds.variables[col].parent_question:
            continue
        target = by_label.get(str(col).strip().lower())
        if target and target not in taken:
            renames[col] = target
            taken.add(target)
    _rename_label_options(ds, form, renames, taken)
    if not renames:
        return
    ds.frame = ds.frame.rename(columns=renames)
    new_vars = {}
    for old, var in ds.variables.items():
        new = renames.get(old, old)
        if new != old:
            var.name = new
            var.extra.setdefault("source_header", old)
            if var.parent_question in renames:
                var.parent_question = renames[var.parent_question]
                var.extra["option"] = new.rsplit("/", 1)[-1]
        new_vars[new] = var
    ds.variables = new_vars


def _rename_label_options(
    ds: Dataset, form: XlsForm, renames: dict[str, str], taken: set[str]
) -> None:
    """Label-header exports: ``Priority needs/Water`` → ``needs/water`` once ``Priority needs``
    is known to be the question ``needs`` (the option is matched by its label)."""
    for col in ds.frame.columns:
        parent = ds.variables[col].parent_question
        if not parent or parent not in renames:
            continue
        q = form.questions[renames[parent]]
        option = str(ds.variables[col].extra.get("option", "")).strip().lower()
        for code, labels in form.choices.get(q.list_name or "", []):
            if option in {t.strip().lower() for t in labels.values()} | {code.lower()}:
                target = f"{q.name}/{code}"
                if target not in taken:
                    renames[col] = target
                    taken.add(target)
                break
