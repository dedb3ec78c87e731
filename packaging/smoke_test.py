"""Frozen-app smoke test: run the built bundle with no .venv and (where possible) no network.

    python packaging/smoke_test.py dist/DurableSolutionsWorkbench

Checks: ``workbench --version``; ``workbench library validate``; the full demo pipeline into a
temp folder (vault, import, plan, analysis, PDF report, annex); importing the bundled SPSS .sav,
Stata .dta (pyreadstat, parsed first in the frozen spawn helper) and Kobo .xlsx (python-calamine)
samples into the demo's vault; ``vault check``; ``vault keyring`` with keyring left to discover
its backends through entry points; ``workbench-gui --self-test`` offscreen in each of the four
languages (starts, shows the unlock screen, exits 0). The environment is stripped of the
project's virtualenv and PYTHONPATH, the working directory is a temp folder, and on Linux the
commands run in a new network namespace (``unshare -rn``) when the kernel allows it, so any
attempt to use the network fails.

On Linux two more checks run with this (the build) interpreter against the bundle's files
(``bundle_probe.py``): every ELF file in the bundle loads with all symbols resolved (the stripped
copies included), and Qt with the bundle's trimmed ICU data gives the same collation, case
mapping, time-zone names, date formats and charset decoders for the app's languages as with the
wheel's (skipped when this interpreter has no PySide6).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = Path(__file__).resolve().parent / "bundle_probe.py"


def _no_network_prefix() -> list[str]:
    if sys.platform.startswith("linux") and shutil.which("unshare"):
        probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
        if probe.returncode == 0:
            return ["unshare", "-rn"]
    return []


def check_libraries(bundle: Path) -> int:
    """Every ELF file of the bundle loads with all symbols resolved (the stripped copies too).
    A library that needs a system library this machine lacks (e.g. the xcb/Wayland plugins
    without libxcb-icccm/libwayland-cursor) is listed, not failed: it depends on the desktop."""
    t0 = time.perf_counter()
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    res = subprocess.run([sys.executable, str(PROBE), "dlopen", str(bundle)], env=env,
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    bundled = {p.name for p in internal.rglob("*")}
    failed, needs_system = [], set()
    for row in rows:
        err = row["error"]
        if err is None:
            continue
        missing = err.split(":", 1)[0]
        if "cannot open shared object file" in err and missing not in bundled:
            needs_system.add(missing)
        else:
            failed.append(f"{row['file']}: {err}")
    ok = res.returncode == 0 and rows and not failed
    note = f"; need system libraries not on this machine: {', '.join(sorted(needs_system))}"
    print(f"[{'ok' if ok else 'FAIL'}] libraries load ({time.perf_counter() - t0:.1f} s) "
          f"{len(rows)} ELF files{note if needs_system else ''}")  # fmt: skip
    for line in failed:
        print("   ", line)
    if not rows:
        print(res.stderr[-1500:])
    return 0 if ok else 1


def check_icu(bundle: Path) -> int:
    """Qt with the bundle's (trimmed) ICU data gives the wheel's results for the app's languages:
    the probe runs with this interpreter's PySide6, once as installed and once with the bundle's
    libicudata preloaded (the same SONAME, so Qt binds to it)."""
    icudata = sorted((bundle / "_internal").glob("PySide6/Qt/lib/libicudata.so.*"))
    if not icudata:
        print("[skip] ICU data: the bundle has no libicudata")
        return 0
    if subprocess.run(
        [sys.executable, "-c", "import PySide6.QtCore"], capture_output=True
    ).returncode:
        print("[skip] ICU data: PySide6 is not importable by", sys.executable)
        return 0
    t0 = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "LD_LIBRARY_PATH")}
    results = []
    for preload in (None, icudata[0]):
        run_env = dict(env, LD_PRELOAD=str(preload)) if preload else env
        res = subprocess.run([sys.executable, str(PROBE), "icu"], env=run_env, capture_output=True,
                             text=True, timeout=300)  # fmt: skip
        if res.returncode != 0:
            print(f"[FAIL] ICU data: probe failed\n{res.stderr[-1500:]}")
            return 1
        results.append(json.loads(res.stdout))
    wheel, ours = results
    loaded = ours.pop("icudata"), wheel.pop("icudata")
    differ = sorted(k for k in wheel if wheel[k] != ours.get(k))
    ok = loaded[0] == [str(icudata[0])] and loaded[1] != loaded[0] and not differ
    size = icudata[0].stat().st_size / 1e6
    print(f"[{'ok' if ok else 'FAIL'}] ICU data ({time.perf_counter() - t0:.1f} s) {len(wheel)} "
          f"results of the bundle's {icudata[0].name} ({size:.1f} MB) = the wheel's")  # fmt: skip
    if not ok:
        print("    loaded:", loaded, "differ:", differ[:20])
    return 0 if ok else 1


def main(bundle: Path) -> int:
    exe = ".exe" if sys.platform == "win32" else ""
    cli = bundle / f"workbench{exe}"
    gui = bundle / f"workbench-gui{exe}"
    env = {
        k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")
    }
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p
    )
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["WORKBENCH_PASSPHRASE"] = "smoke-test passphrase"
    prefix = _no_network_prefix()
    print("network isolation:", "unshare -rn" if prefix else "not available here")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        env["WORKBENCH_CONFIG_DIR"] = str(Path(tmp) / "config")
        out = Path(tmp) / "out"
        vault = str(out / "freedonia.wbvault")
        sample = bundle / "_internal" / "resources" / "sample"
        no_keyring_override = {k: v for k, v in env.items() if k != "PYTHON_KEYRING_BACKEND"}
        checks = [
            ("version", [str(cli), "--version"], env),
            ("library validate", [str(cli), "library", "validate"], env),
            ("demo pipeline", [str(cli), "demo", "--out", str(out)], env),
            ("import .sav", [str(cli), "import", "--vault", vault,
                             str(sample / "freedonia_household.sav"), "--name", "smoke_sav"], env),
            ("import .dta", [str(cli), "import", "--vault", vault,
                             str(sample / "freedonia_individual.dta"), "--name", "smoke_dta"], env),
            ("import kobo .xlsx", [str(cli), "import", "--vault", vault,
                                   str(sample / "freedonia_kobo_export.xlsx"),
                                   "--name", "smoke_kobo"], env),
            ("vault check", [str(cli), "vault", "check", "--vault", vault], env),
            ("keyring discovery", [str(cli), "vault", "keyring"], no_keyring_override),
            ("gui self-test", [str(gui), "--self-test"], env),
            *[(f"gui self-test ({lang})", [str(gui), "--self-test", "--language", lang], env)
              for lang in ("fr", "es", "ar")],
        ]  # fmt: skip
        for name, cmd, cmd_env in checks:
            t0 = time.perf_counter()
            try:
                res = subprocess.run(prefix + cmd, env=cmd_env, cwd=tmp, capture_output=True,
                                     text=True, timeout=900)  # fmt: skip
            except subprocess.TimeoutExpired:
                print(f"[FAIL] {name}: timed out")
                failures += 1
                continue
            ok = res.returncode == 0 and "Traceback" not in res.stderr
            last = (res.stdout.strip().splitlines() or [""])[-1][:100]
            print(f"[{'ok' if ok else 'FAIL'}] {name} ({time.perf_counter() - t0:.1f} s) {last}")
            if not ok:
                failures += 1
                print(res.stdout[-1500:], res.stderr[-1500:], sep="\n")
        for produced in ("freedonia-report.pdf", "freedonia-annex.xlsx"):
            present = (out / produced).exists()
            print(f"[{'ok' if present else 'FAIL'}] demo wrote {produced}")
            failures += 0 if present else 1
    if sys.platform.startswith("linux"):
        failures += check_libraries(bundle)
        failures += check_icu(bundle)
    print("smoke test", "passed" if failures == 0 else f"FAILED ({failures})")
    return 1 if failures else 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("dist/DurableSolutionsWorkbench")
    sys.exit(main(target))
