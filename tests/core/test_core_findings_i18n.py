"""Findings in the user's language from the one message registry (workbench/findings_i18n.py),
and every code the source uses is registered (errors, hints and findings alike).

The registry test itself — every code has a template in every catalogue with the same
placeholders — is in tests/core/test_core_messages.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from workbench.dataset_model import Dataset
from workbench.datasets.checks import check_dataset
from workbench.datasets.linking import check_link
from workbench.findings import Finding
from workbench.findings_i18n import LANGUAGES, LRI, PDI, localized
from workbench.messages import codes

ROOT = Path(__file__).resolve().parents[2]
#: library validation findings are for library authors and stay English (see findings_i18n)
NOT_SHOWN_TO_USERS = ("workbench/library/validate", "workbench/sample/")
#: finding constructors: name → (index of the code argument, prefix the helper adds)
FINDING_CALLS = {"Finding": (0, ""), "Finding.of": (0, ""), "_f": (0, ""), "finding": (0, "plan.")}
CODE_ARG = {"workbench/datasets/checks.py": 1}  # its _f takes the dataset first


def _strings(node: ast.expr | None, names: dict[str, list[ast.expr]]) -> set[str]:
    """The string constants an expression may be (through names assigned in the module)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _strings(node.body, names) | _strings(node.orelse, names)
    if isinstance(node, ast.Name):
        return {s for v in names.pop(node.id, []) for s in _strings(v, names)}
    return set()


def _arg(call: ast.Call, index: int, keyword: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == keyword:
            return kw.value
    return call.args[index] if len(call.args) > index else None


def _assigned(func: ast.FunctionDef) -> dict[str, list[ast.expr]]:
    out: dict[str, list[ast.expr]] = {}
    for node in ast.walk(func):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out.setdefault(target.id, []).append(node.value)
    return out


def _name(call: ast.Call) -> str:
    """``of`` for ``x.of(…)``, but ``Finding.of`` for the finding constructor."""
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else ""
        return f"Finding.{func.attr}" if owner == "Finding" else func.attr
    return getattr(func, "id", "")


def _calls(func: ast.FunctionDef) -> list[tuple[str, ast.Call]]:
    return [(_name(c), c) for c in ast.walk(func) if isinstance(c, ast.Call)]


def _message_codes(func: ast.FunctionDef) -> set[str]:
    """``.of("…")``, ``render("…")`` and ``hint_code="…"`` in a function."""
    out: set[str] = set()
    assigned = _assigned(func)
    for name, call in _calls(func):
        out |= _strings(_arg(call, 99, "hint_code"), dict(assigned))
        if name in ("of", "render") and call.args:
            out |= {c for c in _strings(call.args[0], dict(assigned)) if "." in c}
    return out


def _finding_codes(func: ast.FunctionDef, rel: str) -> set[str]:
    out: set[str] = set()
    assigned = _assigned(func)
    for name, call in _calls(func):
        if name in FINDING_CALLS:
            index, prefix = FINDING_CALLS[name]
            index = CODE_ARG.get(rel, index) if name == "_f" else index
            out |= {prefix + c for c in _strings(_arg(call, index, "code"), dict(assigned))}
    return out


def used_codes() -> tuple[set[str], set[str]]:
    """(message codes raised or rendered: ``.of("…")``, ``hint_code=``, ``render("…")``;
    finding codes built) in workbench/ and ui/."""
    messages: set[str] = set()
    findings: set[str] = set()
    for path in sorted(
        [*ROOT.joinpath("workbench").rglob("*.py"), *ROOT.joinpath("ui").rglob("*.py")]
    ):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if isinstance(func, ast.FunctionDef):
                messages |= _message_codes(func)
                if not rel.startswith(NOT_SHOWN_TO_USERS):
                    findings |= _finding_codes(func, rel)
    return messages, findings


@pytest.mark.slow
def test_every_code_used_in_the_source_is_registered() -> None:
    messages, findings = used_codes()
    assert len(findings) >= 65 and {"dataset.constant_column", "plan.input_unit"} <= findings
    assert {"error.interrupted", "error.unexpected"} <= messages
    registered = set(codes())
    assert sorted(messages - registered) == []
    worded = {key.split("@")[0].split("/")[0] for key in registered}
    assert sorted(findings - worded) == []


def _sentences(call: ast.Call) -> list[ast.expr]:
    """The literal or f-string arguments of a call that read as a sentence (hold a space)."""
    values = [*call.args, *(kw.value for kw in call.keywords)]
    return [v for v in values if any(" " in s for s in _literal_parts(v))]


def _literal_parts(node: ast.expr) -> list[str]:
    if isinstance(node, ast.JoinedStr):
        return [s for v in node.values for s in _literal_parts(v)]
    return [node.value] if isinstance(node, ast.Constant) and isinstance(node.value, str) else []


#: checks still wording their own English (none left: library validation is worded by the registry)
STILL_WORDED_IN_THE_CHECK: tuple[str, ...] = ()


def test_no_check_writes_its_own_english() -> None:
    """Every finding in workbench/ is built from its code and parameters (``Finding.of`` or a
    helper over it): ``Finding(...)`` only rebuilds a stored finding (``Finding(**d)``), and no
    finding constructor is given a sentence — the registry's English template words it."""
    offenders = []
    for path in sorted(ROOT.joinpath("workbench").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(("workbench/sample/", *STILL_WORDED_IN_THE_CHECK)):
            continue
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(call, ast.Call) or _name(call) not in FINDING_CALLS:
                continue
            rebuilt = (
                _name(call) == "Finding"
                and not call.args
                and all(kw.arg is None for kw in call.keywords)
            )
            direct = _name(call) == "Finding" and not rebuilt
            if direct or _sentences(call):
                offenders.append(f"{rel}:{call.lineno}")
    assert offenders == []


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
    # English is the registry's template too: the check writes no sentence
    assert constant.message == "The column consent has the same value (yes) in every row."
    assert localized(constant, "en") == constant.render("en") == constant.message
    fr = localized(constant, "fr")
    assert fr == "La colonne consent a la même valeur (yes) sur toutes les lignes."
    assert constant.text("fr").startswith("INFO dataset.constant_column: La colonne consent")
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
        "1 individu de members renvoie à 1 ménage inexistant (p. ex. h9)."
    )
    empty = found["link.households_without_members"]
    assert localized(empty, "es").startswith("3 hogares no tienen miembros en members")
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
    assert "النازحون داخليًا" in localized(role, "ar")
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_value_translations_are_registered_for_every_language(language: str) -> None:
    from workbench.messages import catalog

    values = sorted(c for c in codes() if c.startswith("value."))
    assert len(values) >= 10 and all(c in catalog(language) for c in values)


def test_a_wording_parameter_picks_a_variant_of_the_code() -> None:
    """One code, several wordings: ``wording="x"`` selects ``<code>/x``; the public code stays."""
    top = Finding.of("library.stray_field", "error", where={"field": "colour"}, wording="top_level")
    assert top.code == "library.stray_field"
    assert top.message == "Unknown top-level key 'colour' in criteria.toml."
    assert top.render("fr") == "Clé de premier niveau inconnue « colour » dans criteria.toml."
    plain = Finding.of("library.stray_field", "error", where={"field": "x"}, what="input", id="y")
    assert plain.message == "Unknown field 'x' in input 'y'."
    # a parameter set alone picks the /alt wording; an unknown variant is a programming error
    alt = Finding.of("library.stray_field", "error", input="age")
    assert alt.message == "Optional input 'age' is not read by any expression."
    with pytest.raises(KeyError):
        Finding.of("library.stray_field", "error", where={"field": "x"}, wording="nope")


def test_arabic_spells_internally_displaced_one_way() -> None:
    """Arabic readers saw "داخليًا" and "داخلياً" in one paragraph (report catalogue vs the
    sample plan's group names): the catalogues, the sample plans and the help write "داخليًا"."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    files = [
        root / "workbench/reporting/i18n/ar.json",
        root / "workbench/i18n/messages_ar.json",
        root / "resources/translations/ar_seed.json",
        root / "resources/help/ar.html",
        *sorted((root / "resources/sample").glob("*.toml")),
    ]
    assert [f.name for f in files if "داخلياً" in f.read_text(encoding="utf-8")] == []
