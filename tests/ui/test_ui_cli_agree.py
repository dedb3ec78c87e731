"""The two faces agree: every option of a run defaults to the same value in the CLI
(``workbench analyze``), in the app (the analysis page's options box) and in ``AnalysisOptions()``;
and the demo plan gives the very same solutions table through either face."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

from ui.pages.analysis_options import SolutionsOptions
from ui.pages.judgement_options import JudgementOptions
from workbench.cli import build_parser, main
from workbench.cli.analyze import analysis_options
from workbench.service import Workbench
from workbench.settings import Settings
from workbench.stats.options import AnalysisOptions
from workbench.stats.solutions_methods import SOLUTIONS_METHODS
from workbench.vault import KdfParams

FAST_KDF = KdfParams(memory_kib=8192, iterations=1, lanes=1)
OPTION_NAMES = [f.name for f in dataclasses.fields(AnalysisOptions)]


def _cli_defaults(service: Workbench) -> AnalysisOptions:
    args = build_parser().parse_args(
        ["analyze", "--vault", "v", "--plan", "p", "--out", "results.csv"]
    )
    assert args.func.__module__ == "workbench.cli.analyze"
    return analysis_options(args, service.default_options())


def _app_defaults(qtbot, service: Workbench) -> AnalysisOptions:
    box, judging = SolutionsOptions(), JudgementOptions()
    qtbot.addWidget(box)
    qtbot.addWidget(judging)
    return judging.options(box.options(service.default_options()))


@pytest.mark.parametrize("name", OPTION_NAMES)
def test_every_option_defaults_alike_in_the_cli_the_app_and_the_engine(qtbot, name) -> None:
    service = Workbench(Settings())  # the settings a new user starts with
    engine = AnalysisOptions().as_meta()[name]
    assert _cli_defaults(service).as_meta()[name] == engine
    assert _app_defaults(qtbot, service).as_meta()[name] == engine


def test_every_solutions_method_is_a_default_and_both_faces_offer_it(qtbot) -> None:
    assert AnalysisOptions().solutions_methods == SOLUTIONS_METHODS.codes
    box = SolutionsOptions()
    qtbot.addWidget(box)
    assert tuple(box.methods) == SOLUTIONS_METHODS.codes
    assert all(b.isChecked() and b.toolTip() for b in box.methods.values())
    action = next(a for a in build_parser()._actions if a.dest == "command")
    analyze = action.choices["analyze"]  # type: ignore[index]
    solutions = next(a for a in analyze._actions if a.dest == "solutions")
    assert tuple(solutions.choices) == SOLUTIONS_METHODS.codes


def test_changed_settings_reach_both_faces_alike(qtbot) -> None:
    service = Workbench(Settings(alpha=0.1, disclosure_preset="statcan"))
    cli, app = _cli_defaults(service), _app_defaults(qtbot, service)
    assert cli == app
    assert (cli.alpha, cli.disclosure_preset) == (0.1, "statcan")


@pytest.fixture
def demo_vault(tmp_path: Path, passphrase: str) -> tuple[Path, str]:
    """The bundled demo: the Freedonia files imported as ``workbench demo`` does, and its plan."""
    from freedonia_testkit import make_freedonia_vault

    path = tmp_path / "demo.dsvault"
    return path, make_freedonia_vault(path, passphrase)


@pytest.mark.slow
def test_the_cli_and_the_app_give_the_same_solutions_table(
    qtbot, demo_vault, tmp_path, passphrase, monkeypatch
) -> None:
    path, plan = demo_vault
    monkeypatch.setenv("WORKBENCH_PASSPHRASE", passphrase)
    rc = main(["analyze", "--vault", str(path), "--plan", plan, "--out", str(tmp_path / "r.csv")])
    assert rc == 0
    service = Workbench(Settings())
    service.open_vault(path, passphrase)
    try:
        (cli_run,) = service.runs()
        cli = service.load_results(cli_run.id)
        box = SolutionsOptions()
        qtbot.addWidget(box)
        # as the analysis page does: the options the plan sets ([analysis]), then the boxes
        _run, app = service.analyze(plan, options=box.options(service.default_options(plan)))
    finally:
        service.lock()
    assert cli.meta["options"] == app.meta["options"]
    assert set(cli.solutions["method"]) == set(SOLUTIONS_METHODS.codes) - set(
        cli.meta.get("solutions_skipped", {})
    )
    assert len(cli.solutions) > 0
    pd.testing.assert_frame_equal(cli.solutions, app.solutions, check_exact=True)
