"""The two faces call only the façade: no module of ``workbench/cli`` or ``ui`` imports the vault
package, reaches through ``<service>.vault``, or writes an audit entry itself; and of the core they
import only ``workbench.service`` and the modules on the allow-list below (base modules, vocabulary
registries, value types, presentation helpers): every operation goes through a ``Workbench``
method."""

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


#: What of the core the faces may import besides their own package: module -> the names they may
#: take from it (None: any). Anything that computes, reads or writes is a ``Workbench`` method.
ALLOWED: dict[str, frozenset[str] | None] = {
    "workbench.service": None,  # the façade itself
    "workbench": frozenset({"__version__"}),  # the version, defined once in the package
    # base modules (the bottom layer): errors and findings as data, messages, languages,
    # progress and cancel, paths, settings, the Registry type, the shared Dataset model and the
    # statistics vocabulary
    "workbench.errors": None,  # the typed errors the faces catch and render
    "workbench.findings": None,  # Finding values and their filters (errors/warnings)
    "workbench.findings_i18n": None,  # a finding's text in a language
    "workbench.messages": None,  # the message registry: render(code, params, language)
    "workbench.languages": None,  # the languages registry and the catalogue switch
    "workbench.progress": None,  # the progress sink and cancel token long calls take
    "workbench.paths": None,  # default folders (vault, sample, translations)
    "workbench.settings": None,  # the user's settings value
    "workbench.registry": None,  # the Registry type of every vocabulary
    "workbench.statistics": None,  # the statistics vocabulary (the plan page's choices)
    "workbench.dataset_model": None,  # the Dataset / Variable value types
    "workbench.cleaning_model": None,  # cleaning-log entries and the changes a face asks for
    "workbench.passphrase": None,  # the strength meter (the façade enforces its minimum)
    # vocabulary registries: both faces build their choices, help and defaults from them
    "workbench.stats.solutions_methods": None,  # solutions methods
    "workbench.stats.disclosure_presets": None,  # disclosure-control presets
    "workbench.stats.ci_methods": None,  # proportion and total confidence-interval methods
    "workbench.stats.multiplicity": None,  # multiple-comparison adjustments (the vocabulary)
    "workbench.stats.rating_rules": None,  # criterion rating rules
    "workbench.reporting.sections": None,  # report sections
    "workbench.datasets.formats": None,  # import formats and their file-dialog patterns
    # value types the faces build or read (no operation in them)
    "workbench.plan.model": None,  # the plan's dataclasses (the app edits them)
    "workbench.plan.commands": None,  # undoable plan edits, as values the app's undo stack holds
    "workbench.stats.options": None,  # AnalysisOptions
    "workbench.share.spec": None,  # ShareSpec / Recipient values and the recode parsers
    # presentation of computed risk summaries (the report's rows and words, for the faces too)
    "workbench.share.report": frozenset(
        {"risk_rows", "text", "dis_table_rows", "overall_rows", "fmt_number"}
    ),
    "workbench.stats.results": None,  # results value types and their constants (ALL_DISPLACED)
    "workbench.stats.calibration_spec": None,  # CalibrationSpec value type + its vocabularies
    "workbench.reporting.options": None,  # ReportOptions, page sizes, report languages
    # the module also holds the importers: only its two value types
    "workbench.datasets.importing": frozenset({"ImportOptions", "Preview"}),
    # presentation helper: draws a Figure from view data the façade computed (indicator_views)
    "workbench.reporting.charts": frozenset({"indicator_chart"}),
    # the traffic light's colours and symbols: one source for the report and the app
    "workbench.reporting.palette": frozenset({"RATING_STYLE"}),
    # the flag of a value withheld as a complement ("(*)"): the report's name for it, which the
    # façade's solutions_cells gives (the app's cells and marks come from the façade)
    "workbench.reporting.fmt": frozenset({"COMPLEMENTARY"}),
    # the engine's reading of a criteria summary it computed: each cell's rating as the engine
    # rates today (a run stored before the inconclusive rating re-rated) — the report, briefing,
    # CLI and app label cells from it — and whether it rests on limited evidence, of how many
    # indicators (a run stored before the engine recorded it, read from its counts); DESCRIBED
    # is the value a profile module's cells take instead of a rating (vocabulary)
    "workbench.stats.summary": frozenset(
        {"ratings", "shown_no_gap", "limited_evidence", "indicator_counts", "DESCRIBED"}
    ),
}


def _imports(path: Path) -> list[tuple[int, str, str | None]]:
    """(line, module, name) of every import of ``path`` (name None for ``import module``)."""
    out: list[tuple[int, str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name, None) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for a in node.names:
                sub = ROOT / "workbench" / a.name
                if node.module == "workbench" and (
                    sub.is_dir() or sub.with_suffix(".py").is_file()
                ):
                    out.append((node.lineno, f"workbench.{a.name}", None))  # a submodule
                else:
                    out.append((node.lineno, node.module, a.name))
    return out


def _outside_allow_list(path: Path) -> list[str]:
    own = "workbench.cli"  # the CLI's modules import each other
    out = []
    for line, module, name in _imports(path):
        if not (module == "workbench" or module.startswith("workbench.")):
            continue
        if module == own or module.startswith(own + "."):
            continue
        if module not in ALLOWED:
            out.append(f"line {line}: {module}")
            continue
        names = ALLOWED[module]
        if names is not None and (name is None or name not in names):
            out.append(f"line {line}: {module}.{name or '*'}")
    return out


@pytest.mark.parametrize("path", FACES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_faces_import_only_the_allow_list(path: Path) -> None:
    found = _outside_allow_list(path)
    assert not found, (
        f"{path.relative_to(ROOT)} imports core operations {found}: add a Workbench method "
        "(or, for a value type, vocabulary or presentation helper, an ALLOWED entry with a reason)"
    )


def test_the_allow_list_check_finds_what_it_forbids(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from workbench.plan.suggest import suggest\nimport workbench.library\n"
        "from workbench import sample\nfrom workbench.datasets.importing import import_file\n"
        "from workbench.reporting.charts import indicator_chart\n"
        "from workbench.service import Workbench\nfrom workbench.cli.common import language\n"
        "from workbench.datasets.importing import ImportOptions\n",
        encoding="utf-8",
    )
    found = _outside_allow_list(bad)
    assert [f.split(":")[0] for f in found] == ["line 1", "line 2", "line 3", "line 4"]


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
