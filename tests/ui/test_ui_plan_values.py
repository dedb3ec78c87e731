"""Plan page on an export whose names say nothing (issue 22 session 4): "New from datasets"
preselects the member file imported without a link, and the mapping editor offers the columns
auto-suggest found from their values alone, one click each (never accepted without the user)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from ui_testdata import unlock

from ui.pages.plan_page import PlanPage
from workbench.datasets.importing import ImportOptions


def _write_opaque(folder: Path) -> tuple[Path, Path]:
    rng = np.random.default_rng(4)
    n = 90
    sizes = rng.integers(1, 7, n)
    keys = np.arange(1, n + 1) * 10 + 7
    hh = pd.DataFrame({
        "v1": rng.choice(["Host community", "Displaced (north)", "Displaced (south)"], n),
        "v2": rng.integers(1990, 2016, n),
        "v3": sizes,
        "v9": keys,
    })  # fmt: skip
    m = int(sizes.sum())
    members = pd.DataFrame({
        "v9": np.repeat(keys, sizes),
        "v6": rng.choice(["Female", "Male"], m),
        "v7": rng.integers(0, 90, m),
    })  # fmt: skip
    hh_path, mem_path = folder / "profiling_hh.csv", folder / "profiling_members.csv"
    hh.to_csv(hh_path, index=False)
    members.to_csv(mem_path, index=False)
    return hh_path, mem_path


def test_values_alone_offer_columns_one_click(window, qtbot, make_vault, passphrase, tmp_path):
    unlock(window, make_vault(), passphrase)
    hh_path, mem_path = _write_opaque(tmp_path)
    service = window.service
    service.import_file(hh_path, ImportOptions(unit="household"))
    service.import_file(mem_path, ImportOptions(unit="individual"))  # no link declared
    page = window.workspace.show_page(PlanPage)
    page.new_plan()
    dlg = page.choose_dialog
    assert sorted(dlg.names()) == ["profiling_hh", "profiling_members"]
    dlg.accept()
    assert page.matches and page.matches["household_id"].column == "v9"
    assert page.plan.datasets.individual_key == "v9"
    assert page.plan.input("age") is None  # found from values alone: not accepted silently
    assert page.select_indicator("c5_birth_registration_under5")
    page.open_mapping("age")
    buttons = page.mapping.candidates.buttons
    assert buttons and buttons[0].text().startswith("v7")
    assert "values:" in buttons[0].toolTip()
    buttons[0].click()
    assert page.plan.input("age").column == "v7"  # type: ignore[union-attr]
    page.undo.undo()
    assert page.plan.input("age") is None
