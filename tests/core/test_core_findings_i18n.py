"""Core finding translations (workbench/findings_i18n.py, workbench/i18n/findings_<lang>.json).

The codes are found by scanning the source, so a new finding code without a French, Spanish and
Arabic template fails here; each template may only use what the code's constructors pass.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from workbench.datasets.checks import check_dataset
from workbench.datasets.linking import check_link
from workbench.datasets.model import Dataset
from workbench.findings import Finding
from workbench.findings_i18n import LANGUAGES, LRI, PDI, catalog, localized, placeholders

ROOT = Path(__file__).resolve().parents[2] / "workbench"
#: library validation findings are for library authors (CLI); they stay English
NOT_SHOWN_IN_APP = ("library/", "sample/")
#: helper constructors: name → (index of the code argument, code prefix, keys always passed)
HELPERS = {
    "datasets/checks.py": {"_f": (1, "", {"column", "dataset"})},
    "reporting/validation.py": {"_f": (0, "", set())},
}
PLAN_HELPER = (0, "plan.", set())  # workbench.plan.checks_structure.finding


Env = dict[str, list[tuple[ast.expr, "Env"]]]


def _envs(tree: ast.Module) -> dict[ast.FunctionDef, Env]:
    """Per function: each local name → the expressions assigned to it, with the environment they
    are read in; a parameter → the arguments the module's calls of the function pass for it."""
    funcs = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    envs: dict[ast.FunctionDef, Env] = {f: {} for f in funcs}
    by_name = {f.name: f for f in funcs}
    for func in funcs:
        env = envs[func]
        for node in ast.walk(func):
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Name):
                        env.setdefault(t.id, []).append((node.value, env))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                callee = by_name.get(node.func.id)
                if callee is None:
                    continue
                params = [a.arg for a in callee.args.args]
                for i, arg in enumerate(node.args[: len(params)]):
                    envs[callee].setdefault(params[i], []).append((arg, env))
                for kw in node.keywords:
                    if kw.arg in params:
                        envs[callee].setdefault(kw.arg, []).append((kw.value, env))
    return envs


def _strings(node: ast.expr | None, env: Env, seen: tuple[tuple[str, int], ...] = ()) -> set[str]:
    """The string constants an expression may be (through names assigned in the function)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body, env, seen) | _strings(node.orelse, env, seen)
    if isinstance(node, ast.Name) and (node.id, id(env)) not in seen:
        mark = (*seen, (node.id, id(env)))
        return {s for v, e in env.get(node.id, []) for s in _strings(v, e, mark)}
    return set()


def _keys(node: ast.expr | None, env: Env, seen: tuple[tuple[str, int], ...] = ()) -> set[str]:
    """The keys a dict expression may have (literal keys, ``**`` spreads, assigned names)."""
    if isinstance(node, ast.Dict):
        out: set[str] = set()
        for k, v in zip(node.keys, node.values, strict=True):
            out |= _keys(v, env, seen) if k is None else _strings(k, env, seen)
        return out
    if isinstance(node, ast.Name) and (node.id, id(env)) not in seen:
        mark = (*seen, (node.id, id(env)))
        return {k for v, e in env.get(node.id, []) for k in _keys(v, e, mark)}
    return set()


def _arg(call: ast.Call, index: int, name: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == name:
            return kw.value
    return call.args[index] if len(call.args) > index else None


def emitted_codes() -> dict[str, set[str]]:
    """Every finding code built in workbench/ (outside NOT_SHOWN_IN_APP) → the parameter and
    location names its constructors pass."""
    found: dict[str, set[str]] = {}
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(NOT_SHOWN_IN_APP):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helpers = dict(HELPERS.get(rel, {}))
        if rel.startswith("plan/"):
            helpers["finding"] = PLAN_HELPER
        for func, env in _envs(tree).items():
            for call in ast.walk(func):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
                    continue
                name = call.func.id
                if name == "Finding":
                    codes = _strings(_arg(call, 0, "code"), env)
                    keys = _keys(_arg(call, 3, "params"), env) | _keys(_arg(call, 4, "where"), env)
                elif name in helpers:
                    index, prefix, always = helpers[name]
                    code_arg = call.args[index] if len(call.args) > index else None  # positional
                    codes = {prefix + c for c in _strings(code_arg, env)}
                    kwargs = {kw.arg for kw in call.keywords if kw.arg and kw.arg != "params"}
                    keys = always | kwargs | _keys(_arg(call, 3, "params"), env)
                    for kw in call.keywords:
                        if kw.arg is None:  # **params
                            keys |= _keys(kw.value, env)
                    if name == "finding":
                        keys |= _keys(call.args[3] if len(call.args) > 3 else None, env)
                else:
                    continue
                for code in codes:
                    found.setdefault(code, set()).update(keys | {"message"})
    return found


def test_the_scan_finds_the_codes_of_every_check() -> None:
    codes = emitted_codes()
    assert len(codes) >= 65
    expected = {
        "dataset.constant_column",
        "link.orphan_individuals",
        "dart.house_variable_varies",
        "plan.input_unit",
        "plan.indicator_unknown",
        "report.caution_estimates",
    }
    assert expected <= set(codes)
    assert {"code", "count", "column"} <= codes["plan.group_code_unassigned"]
    assert {"indicator", "count"} <= codes["report.caution_estimates"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_has_a_template(language: str) -> None:
    cat = catalog(language)
    translated = {k.split("@")[0] for k in cat if not k.startswith("_")}
    emitted = emitted_codes()
    assert sorted(set(emitted) - translated) == []
    assert sorted(translated - set(emitted)) == []  # no template for a code that is gone


@pytest.mark.parametrize("language", LANGUAGES)
def test_templates_use_only_what_the_code_passes(language: str) -> None:
    emitted = emitted_codes()
    cat = catalog(language)
    wrong = []
    for key, entry in cat.items():
        if key.startswith("_"):
            continue
        code = key.split("@")[0]
        for template in [entry] if isinstance(entry, str) else entry:
            extra = placeholders(template) - emitted[code]
            if extra:
                wrong.append((language, key, sorted(extra)))
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_values_are_of_known_parameters(language: str) -> None:
    values = catalog(language)["_values"]
    assert set(values) == set(catalog("fr")["_values"])
    for param, table in values.items():
        assert set(table) == set(catalog("fr")["_values"][param]), param


def _survey() -> Dataset:
    frame = pd.DataFrame(
        {
            "hh_id": ["h1", "h2", "h3", "h4"],
            "consent": ["yes", "yes", "yes", "yes"],
            "notes": [None, None, None, None],
            "size": ["1", "2", "3", "3"],
        }
    )
    return Dataset("households", frame, {}, key="hh_id")


def test_real_dataset_findings_render_in_every_language() -> None:
    found = {f.code: f for f in check_dataset(_survey())}
    constant, empty = found["dataset.constant_column"], found["dataset.empty_column"]
    assert constant.message == "column consent has the same value in every row"  # English kept
    assert localized(constant, "en") == constant.message
    fr = localized(constant, "fr")
    assert fr == "La colonne consent a la même valeur (yes) sur toutes les lignes."
    assert localized(empty, "es") == "La columna notes está vacía."
    ar = localized(constant, "ar")
    assert f"{LRI}consent{PDI}" in ar and "عمود" in ar and "column" not in ar
    for lang in LANGUAGES:
        for f in found.values():
            assert localized(f, lang) != f.message


def test_real_link_findings_render_with_counts_and_examples() -> None:
    hh = _survey()
    ind = Dataset(
        "members",
        pd.DataFrame({"hh_id": ["h1", "h1", "h9", None], "age": [30, 5, 40, 8]}),
        {},
    )
    found = {f.code: f for f in check_link(hh, ind)}
    orphans = found["link.orphan_individuals"]
    assert localized(orphans, "fr") == (
        "1 individu(s) de members renvoient à 1 ménage(s) inexistant(s) (p. ex. h9)."
    )
    empty = found["link.households_without_members"]
    assert localized(empty, "es").startswith("3 hogar(es) no tienen miembros en members")
    assert "h2, h3, h4" in localized(empty, "es")
    assert "h2, h3, h4" in localized(empty, "ar")


def test_fallback_to_english() -> None:
    unknown = Finding("dataset.new_check", "warning", "something new", {"column": "x"})
    assert localized(unknown, "fr") == "something new"
    partial = Finding("dataset.constant_column", "info", "column c is constant", {"column": "c"})
    assert localized(partial, "fr") == "column c is constant"  # {value} is missing
    assert localized(partial, "de") == "column c is constant"  # no catalog
    full = Finding("dataset.constant_column", "info", "m", {"column": "c", "value": 1.0})
    assert localized(full, "fr") == "La colonne c a la même valeur (1) sur toutes les lignes."


def test_variants_values_and_percentages() -> None:
    by_severity = Finding("report.sections_have_data", "error", "No criterion…", {}, {})
    assert localized(by_severity, "fr") == "Aucun indicateur des critères n’a de résultats."
    suppressed = Finding(
        "report.sections_have_data", "warning", "Every…", {"indicator": "P1"}, {"indicator": "P1"}
    )
    assert localized(suppressed, "es").startswith("Indicador «P1»: todas las estimaciones")
    role = Finding("plan.group_role_missing", "error", "No displaced…", {"role": "displaced"})
    assert "personnes déplacées internes" in localized(role, "fr")
    assert "desplazados internos" in localized(role, "es")
    assert "النازحون داخلياً" in localized(role, "ar")
    assert LRI not in localized(role, "ar")  # a translated value is not isolated
    rate = Finding(
        "plan.missing_rate_high",
        "warning",
        "…",
        {"rate": 0.3333, "threshold": 0.2, "group": 1},
        {"indicator": "C1"},
    )
    assert localized(rate, "fr") == (
        "Indicateur C1 : 33 % du groupe 1 dans le champ n’ont pas de réponse (seuil 20 %)."
    )
    wrong_type = Finding(
        "plan.input_wrong_type", "error", "…", {"kind": "condition", "column_kind": "date"},
        {"input": "has_doc", "column": "doc_date"},
    )  # fmt: skip
    assert localized(wrong_type, "es") == (
        "La entrada has_doc (condición) está vinculada a doc_date, una columna de tipo fecha."
    )
