"""Desktop app benchmarks (offscreen): start → unlock screen against a bare QApplication start;
every page switch on the demo vault (the Freedonia sample, its plan and one analysis run); first
rows of a 1,000,000-row dataset stored in a real vault; peak memory while scrolling, sorting and
filtering it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui.py [--rows 1000000] [--no-pages]

Targets (issue 21): cold start to the unlock screen ≤ 1.5 s; every page switch ≤ 100 ms; first
rows < 1 s; peak memory < 2.5 × the dataset's in-memory size. ``--rows 0`` skips the large
dataset.

Each line ends in PASS or FAIL against the issue's own figures (seconds on this machine); the
bare ``QApplication`` start of the same run is printed as the named baseline, with each time as a
multiple of it, and the load average is printed so that a run beside other work can be told
apart (on a loaded machine every wall time grows: re-run it quiet). Page switches are timed as
a user meets them: after unlocking, the app builds the pages in idle moments (ui/workspace.py),
so the first visit of a page is a switch too; the cost of building each page on demand is
printed for information. Python's bytecode cache is allowed (as in an installed app): the first
of the start runs writes it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASS = "benchmark passphrase words"
START_S = 1.5  # issue 21: cold start to the unlock screen
SWITCH_S = 0.100  # issue 21: every page switch
FIRST_ROWS_S = 1.0  # first rows of a 1,000,000-row dataset


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _env() -> dict[str, str]:
    """The app's environment: offscreen Qt, bytecode cache allowed (an installed app has it)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _rss_kib(field: str = "VmHWM") -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def make_vault(path: Path, rows: int) -> dict:
    """A vault holding one dataset shaped like a census extract (not timed)."""
    import numpy as np
    import pandas as pd

    from workbench.dataset_model import Dataset, Variable
    from workbench.vault import KdfParams, Vault

    rng = np.random.default_rng(7)
    frame = pd.DataFrame(
        {
            "hh_id": np.arange(1, rows + 1, dtype="float64"),
            "ea_id": rng.integers(1, 5000, rows).astype("float64"),
            "stratum": rng.integers(11, 60, rows).astype("float64"),
            "weight": rng.gamma(2.0, 50.0, rows),
            "pop_group": rng.choice([1.0, 2.0, 3.0, 4.0, 99.0], rows),
            "sex": rng.choice([1.0, 2.0], rows),
            "age": rng.integers(0, 95, rows).astype("float64"),
            "income": rng.lognormal(5, 1, rows),
            "food_worry": rng.choice([0.0, 1.0, 98.0], rows),
            "district": pd.Series(
                rng.choice(["Alvora", "Brenn", "Castel", "Dunmor"], rows), dtype=object
            ),
        }
    )
    labels = {
        1.0: "IDPs in camps",
        2.0: "IDPs outside camps",
        3.0: "Returnees",
        4.0: "Host community",
        99.0: "Unknown",
    }
    variables = {
        "pop_group": Variable(
            "pop_group", label="Population group", value_labels=labels, missing_codes=[99.0]
        ),
        "sex": Variable("sex", label="Sex", value_labels={1.0: "Male", 2.0: "Female"}),
        "food_worry": Variable(
            "food_worry",
            value_labels={0.0: "No", 1.0: "Yes", 98.0: "Don't know"},
            missing_codes=[98.0],
        ),
        "district": Variable("district", kind="string"),
    }
    ds = Dataset("census", frame, variables, unit="household", key="hh_id")
    v = Vault.create(path, PASS, kdf=KdfParams(8192, 1, 1))
    v.save_datasets([ds])
    v.lock()
    return {
        "rows": rows,
        "cols": frame.shape[1],
        "in_memory_mib": frame.memory_usage(deep=True).sum() / 2**20,
    }


def start_time() -> float:
    """Wall time from exec of a fresh process to the unlock screen shown (read live from the
    ``--self-test`` output; the process then exits)."""
    env = _env()
    env["WORKBENCH_CONFIG_DIR"] = tempfile.mkdtemp(prefix="wb-bench-cfg-")
    best = float("inf")
    for _ in range(4):  # the first writes the bytecode cache where it is missing
        t = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "ui.app", "--self-test"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        dt = time.perf_counter() - t
        proc.wait(timeout=60)
        if proc.returncode != 0 or "unlock screen shown" not in line:
            raise SystemExit(f"self-test failed: {line!r}")
        best = min(best, dt)
    return best


def bare_start() -> float:
    """The baseline: a fresh process that only creates a QApplication (best of 3)."""
    env = _env()
    code = (
        "from PySide6.QtWidgets import QApplication; a = QApplication([]); print('ok', flush=True)"
    )
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        if "ok" not in out.stdout:
            raise SystemExit(f"bare QApplication failed: {out.stderr[-300:]}")
        best = min(best, time.perf_counter() - t)
    return best


def make_demo_vault(path: Path) -> None:
    """The demo vault: the Freedonia sample (SPSS files), its plan and one analysis run."""
    from workbench.datasets.importing import ImportOptions
    from workbench.paths import sample_dir
    from workbench.service import Workbench
    from workbench.settings import Settings
    from workbench.vault import KdfParams, Vault

    Vault.create(path, PASS, kdf=KdfParams(8192, 1, 1)).lock()
    wb = Workbench(Settings())
    wb.open_vault(path, PASS)
    s = sample_dir()
    wb.import_file(s / "freedonia_household.sav", ImportOptions(unit="household", key="hh_id"))
    wb.import_file(s / "freedonia_individual.sav", ImportOptions(
        unit="individual", parent="freedonia_household", parent_key="hh_id"))  # fmt: skip
    rec, _ = wb.import_plan_file(s / "freedonia-plan.toml")
    wb.analyze(rec.name)
    wb.lock()


def pages_child(vault: str) -> None:
    """Every page switch, first visit (the page is built) and later visits, each timed from the
    sidebar click until its work is done and it is painted (the app's own task runner)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["WORKBENCH_CONFIG_DIR"] = tempfile.mkdtemp(prefix="wb-bench-cfg-")
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.tasks import TaskManager
    from ui.workspace import PAGES
    from workbench.service import Workbench
    from workbench.settings import Settings

    app = QApplication.instance() or QApplication([])
    service = Workbench(Settings())
    tasks = TaskManager()
    window = MainWindow(service, tasks)
    window.resize(1280, 800)
    window.show()
    service.open_vault(vault, PASS)
    window._unlocked()

    def settle() -> None:
        end = time.perf_counter() + 120
        app.processEvents()
        while tasks.busy and time.perf_counter() < end:
            tasks.wait_idle(0.01)
            app.processEvents()
        app.processEvents()
        window.repaint()

    settle()
    built_on_demand = {}
    for row, (_module, name) in enumerate(PAGES):  # information: building a page on demand
        t = time.perf_counter()
        window.workspace.prebuild(row)  # what the app does in idle time after unlocking
        built_on_demand[name] = time.perf_counter() - t
    window.workspace.sidebar.setCurrentRow(0)
    settle()
    shown: dict[str, list[float]] = {}
    loaded: dict[str, list[float]] = {}
    for _visit in range(4):
        for row, (_module, name) in enumerate(PAGES):
            t = time.perf_counter()
            window.workspace.sidebar.setCurrentRow(row)  # the page is built and activated
            app.processEvents()
            window.repaint()  # painted: what the user sees switch
            shown.setdefault(name, []).append(time.perf_counter() - t)
            settle()  # its data loaded off the GUI thread
            loaded.setdefault(name, []).append(time.perf_counter() - t)
    out = {
        n: {"first": v[0], "again": min(v[1:]), "loaded_first": loaded[n][0],
            "loaded_again": min(loaded[n][1:]), "built": built_on_demand[n]}
        for n, v in shown.items()
    }  # fmt: skip
    print(json.dumps(out))
    tasks.shutdown()


def gui_child(vault: str) -> None:
    """Runs in its own process so that its peak RSS is the app's, not the generator's."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["WORKBENCH_CONFIG_DIR"] = tempfile.mkdtemp(prefix="wb-bench-cfg-")
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.pages.datasets_page import DatasetsPage
    from ui.tasks import TaskManager
    from workbench.service import Workbench
    from workbench.settings import Settings

    app = QApplication.instance() or QApplication([])
    service = Workbench(Settings())
    window = MainWindow(service, TaskManager())
    window.resize(1280, 800)
    window.show()
    service.open_vault(vault, PASS)
    window._unlocked()
    page = window.workspace.show_page(DatasetsPage)

    def pump_until(cond, timeout=120.0) -> None:
        end = time.perf_counter() + timeout
        while not cond():
            app.processEvents()
            if time.perf_counter() > end:
                raise SystemExit("timed out")
            time.sleep(0.001)

    pump_until(lambda: page.list_model.rowCount() > 0)
    page.data_model.clear()
    app.processEvents()
    base = _rss_kib("VmRSS")
    view, model = page.data_view, page.data_model
    t = time.perf_counter()
    page.load_dataset("census")
    pump_until(lambda: model.rowCount() > 0)
    view.viewport().repaint()  # first rows painted
    first_rows = time.perf_counter() - t
    first_cell = model.data(model.index(0, 4))
    # scroll: page through, fetch chunks to the end, jump around, sort and filter
    t = time.perf_counter()
    bar = view.verticalScrollBar()
    for _ in range(200):
        bar.setValue(bar.maximum())
        app.processEvents()
        if model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    for frac in (0.1, 0.5, 0.9, 0.33, 0.66, 1.0, 0.0):
        bar.setValue(int(bar.maximum() * frac))
        view.viewport().repaint()
    scroll = time.perf_counter() - t
    t = time.perf_counter()
    view.sortByColumn(7, Qt.SortOrder.DescendingOrder)
    pump_until(lambda: not window.tasks.busy)
    view.viewport().repaint()
    sort_s = time.perf_counter() - t
    t = time.perf_counter()
    page.filter_column.setCurrentText("pop_group")
    page.filter_text.setText("camps")
    page.apply_filter()
    pump_until(lambda: not window.tasks.busy)
    view.viewport().repaint()
    filter_s = time.perf_counter() - t
    print(
        json.dumps(
            {
                "first_rows_s": first_rows,
                "first_cell": first_cell,
                "scroll_all_s": scroll,
                "sort_s": sort_s,
                "filter_s": filter_s,
                "filtered_rows": model.total_rows(),
                "base_rss_mib": base / 1024,
                "peak_rss_mib": _rss_kib("VmHWM") / 1024,
            }
        )
    )
    window.tasks.shutdown()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--no-pages", action="store_true", help="skip the page-switch timings")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--pages-child", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        gui_child(args.child)
        return 0
    if args.pages_child:
        pages_child(args.pages_child)
        return 0
    sys.path.insert(0, str(ROOT))
    base = bare_start()
    start = start_time()
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (on a loaded machine "
          "every wall time grows: re-run quiet)")  # fmt: skip
    print(f"bare QApplication start (baseline, fresh process, best of 3): {base:.2f} s")
    print(f"start → unlock screen (fresh process, best of 4): {start:.2f} s = "
          f"{start / base:.2f} × baseline   target ≤ {START_S} s   "
          f"{verdict(start <= START_S)}")  # fmt: skip
    switch_limit = SWITCH_S
    if not args.no_pages:
        with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
            demo = Path(tmp) / "demo.dsvault"
            make_demo_vault(demo)
            out = subprocess.run([sys.executable, __file__, "--pages-child", str(demo)],
                                 cwd=ROOT, capture_output=True, text=True, check=True,
                                 env=_env())  # fmt: skip
            pages = json.loads(out.stdout.strip().splitlines()[-1])
            print("page switches on the demo vault, from the click until the page is painted "
                  f"(first visit; again: best of 3)   target ≤ {switch_limit * 1000:.0f} ms "
                  f"({switch_limit / base:.2f} × baseline); then until "
                  "its data are loaded off the GUI thread (no target); built: the page built on "
                  "demand, done in idle time after unlocking (no target)")  # fmt: skip
            for name, t in pages.items():
                ms = {k: v * 1000 for k, v in t.items()}
                ok = max(t["first"], t["again"]) <= switch_limit
                print(f"  {name:<14} shown: first {ms['first']:5.0f} ms, again "
                      f"{ms['again']:4.0f} ms   loaded: first {ms['loaded_first']:6.0f} ms, "
                      f"again {ms['loaded_again']:5.0f} ms   built {ms['built']:4.0f} ms   "
                      f"{verdict(ok)}")  # fmt: skip
    if args.rows <= 0:
        return 0
    with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
        vault = Path(tmp) / "bench.dsvault"
        t = time.perf_counter()
        info = make_vault(vault, args.rows)
        print(
            f"dataset: {info['rows']:,} rows × {info['cols']} columns, "
            f"{info['in_memory_mib']:.1f} MiB in memory (vault written in "
            f"{time.perf_counter() - t:.1f} s)"
        )
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(vault)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env=_env(),
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        grow = r["peak_rss_mib"] - r["base_rss_mib"]
        ratio = grow / info["in_memory_mib"]
        first = r["first_rows_s"]
        print(f"first rows of the dataset shown: {first:.2f} s = {first / base:.2f} × baseline   "
              f"target < {FIRST_ROWS_S} s   {verdict(first < FIRST_ROWS_S)}")  # fmt: skip
        print(
            f"fetch to the end + jumps: {r['scroll_all_s']:.2f} s; sort (off the GUI thread): "
            f"{r['sort_s']:.2f} s; filter: {r['filter_s']:.2f} s "
            f"({r['filtered_rows']:,} rows)"
        )
        print(
            f"peak memory over the app's baseline: {grow:.0f} MiB = {ratio:.2f} × the dataset "
            f"({r['base_rss_mib']:.0f} MiB baseline, {r['peak_rss_mib']:.0f} MiB peak)"
            f"   target < 2.5 ×   {verdict(ratio < 2.5)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
