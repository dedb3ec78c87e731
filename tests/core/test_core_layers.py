"""The layers of pyproject.toml's import-linter contracts hold, cover every core module, and catch
an upward import (issue 13: a new upward import fails the suite, not only `make lint`)."""

from __future__ import annotations

import copy
import pkgutil
from pathlib import Path
from typing import Any

import grimp
import pytest
from importlinter.api import read_configuration
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.layers import LayersContract
from importlinter.domain.contract import Contract

import workbench

ROOT = Path(workbench.__file__).resolve().parent.parent
CONFIG = read_configuration(str(ROOT / "pyproject.toml"))
KINDS: dict[str, type[Contract]] = {"layers": LayersContract, "forbidden": ForbiddenContract}


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(*CONFIG["session_options"]["root_packages"], cache_dir=None)


def _contract(contract_id: str) -> Contract:
    (options,) = [c for c in CONFIG["contracts_options"] if c["id"] == contract_id]
    return _make(options)


def _make(options: dict[str, Any]) -> Contract:
    return KINDS[options["type"]](
        name=options["name"],
        session_options=CONFIG["session_options"],
        contract_options=options,
    )


def _broken(graph: grimp.ImportGraph, contract: Contract) -> list[str]:
    """What a contract finds broken, as "importer -> imported" (empty when it is kept)."""
    check = contract.check(copy.deepcopy(graph), verbose=False)  # checks may change the graph
    if check.kept:
        return []
    found = check.metadata.get("invalid_dependencies") or check.metadata.get("invalid_chains")
    return [
        f"{d.get('importer', d.get('downstream_module'))} -> "
        f"{d.get('imported', d.get('upstream_module'))}"
        for d in found or ()
    ] or [contract.name]


def _layer_modules() -> set[str]:
    (layers,) = [c for c in CONFIG["contracts_options"] if c["type"] == "layers"]
    names: set[str] = set()
    for layer in layers["layers"]:
        names |= {n.strip() for n in layer.replace(":", "|").split("|")}
    return names


def test_every_contract_is_kept(graph: grimp.ImportGraph) -> None:
    ids = {c["id"] for c in CONFIG["contracts_options"]}
    assert ids == {"core-without-app", "faces-through-facade", "layers"}
    for options in CONFIG["contracts_options"]:
        broken = _broken(graph, _make(options))
        assert not broken, f"{options['name']}: {broken} (run `make lint` for the chains)"


def test_every_core_module_belongs_to_a_layer() -> None:
    """A new top-level module or package must be placed in a layer, or nothing checks it."""
    top = {f"workbench.{m.name}" for m in pkgutil.iter_modules(workbench.__path__)}
    assert top - _layer_modules() == set(), "add it to a layer in pyproject.toml"
    assert {"ui", "workbench.service"} <= _layer_modules()


@pytest.mark.parametrize(
    "importer, imported",
    [
        ("workbench.errors", "workbench.vault.vault"),  # a base module reaching up
        ("workbench.datasets.readers", "workbench.vault.fingerprint"),  # sibling parts
        ("workbench.library.indicator", "workbench.stats.frame"),
        ("workbench.stats.engine", "workbench.plan.evaluate"),  # the engine reaching the plan
        ("workbench.reporting.build", "workbench.plan.model"),  # siblings in the middle layer
        ("workbench.service", "workbench.cli"),  # the façade reaching a face
    ],
)
def test_an_upward_import_breaks_the_layers(
    graph: grimp.ImportGraph, importer: str, imported: str
) -> None:
    changed = copy.deepcopy(graph)
    changed.add_import(importer=importer, imported=imported)
    assert _broken(changed, _contract("layers")), f"{importer} -> {imported} was allowed"


def test_the_core_never_imports_the_app(graph: grimp.ImportGraph) -> None:
    changed = copy.deepcopy(graph)
    changed.add_import(importer="workbench.stats.engine", imported="ui.tasks")
    assert _broken(changed, _contract("core-without-app"))


@pytest.mark.parametrize("importer", ["ui.pages.datasets_page", "workbench.cli.plan"])
def test_a_face_reaching_the_vault_breaks_the_facade(
    graph: grimp.ImportGraph, importer: str
) -> None:
    changed = copy.deepcopy(graph)
    changed.add_import(importer=importer, imported="workbench.vault.vault")
    assert _broken(changed, _contract("faces-through-facade"))
