"""The engine decides, outputs present: no module of workbench/reporting/ or ui/ compares a
p-value, alpha, a CV or a case count with a threshold (those judgements are result columns)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: result columns whose comparison with anything is a statistical judgement
COLUMNS = {"p_value", "alpha", "cv", "n", "n_assessable", "se", "deff", "n_weighted"}
#: variable and attribute names that hold one (``n`` and ``se`` alone are too common to mean it)
NAMES = COLUMNS - {"n", "se"}


def _judged(node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id in NAMES:
            return True
        if isinstance(sub, ast.Attribute) and sub.attr in NAMES:
            return True
        if isinstance(sub, ast.Constant) and sub.value in COLUMNS:
            return True
    return False


def judgements(source: str) -> list[int]:
    """Lines of ordering comparisons (<, <=, >, >=) that involve a judged quantity."""
    hits = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Compare)
            and any(isinstance(op, ast.Lt | ast.LtE | ast.Gt | ast.GtE) for op in node.ops)
            and _judged(node)
        ):
            hits.append(node.lineno)
    return hits


def test_the_scan_finds_the_comparison_reporting_used_to_make() -> None:
    assert judgements('if _nan(cr["p_value"]) < ctx.alpha:\n    pass\n') == [1]
    assert judgements("ok = row.cv > 0.2\n") == [1]
    assert judgements('small = r["n"] < 25\n') == [1]
    assert judgements("width = 14 if i > 3 else 28\nfor n in x:\n    m = n > 2\n") == []


def test_no_output_module_compares_a_statistic_with_a_threshold() -> None:
    files = sorted((ROOT / "workbench" / "reporting").rglob("*.py"))
    files += sorted((ROOT / "ui").rglob("*.py"))
    found = {
        str(p.relative_to(ROOT)): lines
        for p in files
        if (lines := judgements(p.read_text(encoding="utf-8")))
    }
    assert found == {}
