"""Every file that leaves the vault goes through ``workbench/export_writer.py`` (issue 15): a source
scan fails when a module of the core or the app writes a file any other way."""

from __future__ import annotations

import ast
from pathlib import Path

import workbench

ROOT = Path(workbench.__file__).resolve().parent.parent
#: modules that may write files themselves, each with its reason: none of them writes a file
#: that comes out of a vault
ALLOWED = {
    "workbench/export_writer.py": "the one export writer",
    "workbench/vault/backup.py": "the vault's own encrypted backup file",
    "workbench/vault/header.py": "the vault's key header",
    "workbench/vault/vault.py": "creates the (encrypted) vault file",
    "workbench/vault/unlock_attempts.py": "the failed-unlock counter beside the vault (no data)",
    "workbench/settings.py": "the user's settings file",
    "workbench/sample/write_flat.py": "the synthetic Freedonia survey (no vault involved)",
    "workbench/sample/xlsx_stable.py": "the synthetic Freedonia survey (no vault involved)",
    "workbench/sample/xlsx_fast.py": "the synthetic Freedonia survey (no vault involved)",
    "workbench/sample/bundle.py": "the synthetic Freedonia survey (no vault involved)",
    "workbench/cli/library.py": "the indicator library's JSON schema (no vault involved)",
    "workbench/cli/__init__.py": "opens os.devnull to silence a C library",
    "workbench/share/files.py": "pyreadstat writes only to a path: an anonymous in-memory file "
    "(memfd; elsewhere an owner-only temporary folder) whose bytes then go through the writer",
}
#: calls that write a file (attribute or function names)
WRITERS = {
    "write_text", "write_bytes", "to_csv", "to_excel", "to_parquet", "to_json", "to_stata",
    "ExcelWriter", "mkstemp", "NamedTemporaryFile", "savefig", "fdopen", "write_sav", "write_dta",
    "write_xport", "write_por",
}  # fmt: skip
#: modules whose every file-system call writes or moves a file (``os.replace``, ``shutil.copy``)
MOVERS = {
    "os": {"replace", "rename", "open", "link", "symlink"},
    "shutil": {"copy", "copy2", "copyfile", "copyfileobj", "copytree", "move"},
}


def _buffers(tree: ast.AST) -> set[str]:
    """Names bound to an in-memory buffer (``io.BytesIO()`` / ``io.StringIO()``)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            f = node.value.func
            called = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if called in ("BytesIO", "StringIO"):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def _mode(call: ast.Call) -> str:
    args = [*call.args[1:2], *(k.value for k in call.keywords if k.arg == "mode")]
    return next((a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)),
                "r")  # fmt: skip


def writes(source: str) -> list[str]:
    """``line: call`` for every call in ``source`` that writes a file."""
    tree = ast.parse(source)
    buffers = _buffers(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
        if name in WRITERS:
            found.append(f"{node.lineno}: {name}")
        elif name in ("open", "ZipFile") and any(c in _mode(node) for c in "wax+"):
            found.append(f"{node.lineno}: {name}(mode={_mode(node)!r})")
        elif isinstance(f, ast.Attribute) and ast.unparse(f.value) in MOVERS:
            module = ast.unparse(f.value)
            if name in MOVERS[module]:
                found.append(f"{node.lineno}: {module}.{name}")
        elif name == "save" and node.args:
            target = node.args[0]
            if not (isinstance(target, ast.Name) and target.id in buffers):
                found.append(f"{node.lineno}: {name}({ast.unparse(target)})")
    return found


def test_no_module_writes_a_file_outside_the_export_writer() -> None:
    offenders = {}
    for folder in ("workbench", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel in ALLOWED:
                continue
            found = writes(path.read_text(encoding="utf-8"))
            if found:
                offenders[rel] = found
    assert offenders == {}, (
        "these write files without workbench/export_writer.py (build OutFile values and call "
        f"export_files, or add an ALLOWED entry with its reason): {offenders}"
    )


def test_the_scan_sees_the_ways_a_file_is_written() -> None:
    """The scan itself: each way of writing is caught, in-memory buffers are not."""
    src = (
        "import io, os\n"
        "p.write_text('x')\n"
        "frame.to_csv(p)\n"
        "open(p, 'w')\n"
        "open(p, mode='ab')\n"
        "open(p)\n"
        "os.open(p, os.O_WRONLY)\n"
        "wb.save(p)\n"
        "buf = io.BytesIO()\n"
        "wb.save(buf)\n"
        "os.replace(tmp, p)\n"
        "shutil.copyfileobj(a, b)\n"
        "text.replace('a', 'b')\n"
        "dataclasses.replace(plan, name='x')\n"
        "zipfile.ZipFile(p, 'w')\n"
        "shutil.which('x')\n"
    )
    lines = sorted(int(w.split(": ")[0]) for w in writes(src))
    assert lines == [2, 3, 4, 5, 7, 8, 11, 12, 15]


def test_every_allowed_module_writes() -> None:
    """The allow-list holds only modules that do write (and still exist)."""
    assert [m for m in ALLOWED if not writes((ROOT / m).read_text(encoding="utf-8"))] == []
