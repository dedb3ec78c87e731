"""The two faces call only the façade: no module of ``workbench/cli`` or ``ui`` imports the vault
package, reaches through ``<service>.vault``, or writes an audit entry itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FACES = sorted([*(ROOT / "workbench" / "cli").glob("*.py"), *(ROOT / "ui").rglob("*.py")])


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("workbench.vault"):
            out.append(f"line {node.lineno}: from {node.module} import …")
        elif isinstance(node, ast.Import):
            out += [
                f"line {node.lineno}: import {a.name}"
                for a in node.names
                if a.name.startswith("workbench.vault")
            ]
        elif isinstance(node, ast.Attribute):
            inner = node.value
            # ``wb.vault.backup(...)``: the service's vault reached through; ``args.vault`` (the
            # --vault option's path) is not
            through = isinstance(inner, ast.Attribute) and inner.attr in ("vault", "_vault")
            option = isinstance(inner, ast.Attribute) and _is_name(inner.value, "args")
            if through and not option:
                out.append(f"line {node.lineno}: .vault.{node.attr}")
            if node.attr == "audit":
                out.append(f"line {node.lineno}: writes an audit entry (.audit)")
    return out


@pytest.mark.parametrize("path", FACES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_faces_call_only_the_facade(path: Path) -> None:
    assert not _offences(path), f"{path.relative_to(ROOT)}: use workbench.service.Workbench"


def test_the_check_finds_what_it_forbids(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from workbench.vault import Vault\nimport workbench.vault.keystore\n"
        "wb.vault.backup(x)\nwb.vault.audit('a', 'b', {})\nprint(args.vault.upper())\n",
        encoding="utf-8",
    )
    found = _offences(bad)
    assert len(found) == 5 and not any(f.startswith("line 5") for f in found)
