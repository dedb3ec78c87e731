"""Frozen-app smoke test: run the built bundle with no .venv and (where possible) no network.

    python packaging/smoke_test.py dist/DurableSolutionsWorkbench

Checks: ``workbench --version``; ``workbench library validate``; the full demo pipeline into a
temp folder (vault, import, plan, analysis, PDF report, annex); importing the bundled SPSS .sav,
Stata .dta (pyreadstat, parsed first in the frozen spawn helper) and Kobo .xlsx (python-calamine)
samples into the demo's vault; ``vault check``; ``vault keyring`` with keyring left to discover
its backends through entry points; ``workbench-gui --self-test`` offscreen in English and Arabic
(starts, shows the unlock screen, exits 0). The environment is stripped of the
project's virtualenv and PYTHONPATH, the working directory is a temp folder, and on Linux the
commands run in a new network namespace (``unshare -rn``) when the kernel allows it, so any
attempt to use the network fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _no_network_prefix() -> list[str]:
    if sys.platform.startswith("linux") and shutil.which("unshare"):
        probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
        if probe.returncode == 0:
            return ["unshare", "-rn"]
    return []


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
            ("gui self-test (ar)", [str(gui), "--self-test", "--language", "ar"], env),
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
    print("smoke test", "passed" if failures == 0 else f"FAILED ({failures})")
    return 1 if failures else 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("dist/DurableSolutionsWorkbench")
    sys.exit(main(target))
