"""Every data check on 200,000 households and 1,000,000 members, against the time to load them.

The Freedonia generator makes a survey of ``--households`` households (206,500 by default: about
1,000,000 members), with its planted problems; the script stores both datasets in a new vault,
then in fresh processes (interleaved rounds, median reported):

- **baseline**: loading the two datasets back from the vault (``Workbench.load_dataset``);
- **checks**: ``Workbench.run_checks()`` on every dataset with the bundled plan (roles, missing
  codes, groups) — plausibility, outliers, skip patterns, other-specify, duplicates and soft
  duplicates, duration, consent, rules — the load included, so the checks' own time is the
  difference.

Target (issue 16): the checks themselves ≤ 10 s. Prints the figures and PASS/FAIL.

Usage: python benchmarks/checks.py [--households N] [--rounds R] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASS = "benchmark passphrase"
TARGET_S = 10.0


def build(vault: Path, households: int) -> dict[str, int]:
    from workbench import paths
    from workbench.sample import generate
    from workbench.service import Workbench

    t = time.perf_counter()
    sample = generate(households, seed=16)
    made = time.perf_counter() - t
    wb = Workbench()
    wb.create_vault(vault, PASS)
    wb.vault.save_datasets(sample.datasets(), replace=True)
    wb.import_plan_file(paths.sample_dir() / "freedonia-plan.toml")
    wb.lock()
    return {
        "households": len(sample.household),
        "members": len(sample.individuals),
        "generate_s": round(made, 2),
    }


def step(vault: Path, what: str) -> dict[str, float | int]:
    """One measured step in this (fresh) process."""
    from workbench.service import Workbench

    wb = Workbench()
    wb.open_vault(vault, PASS)
    names = [d.name for d in wb.datasets()]
    t = time.perf_counter()
    if what == "load":
        for n in names:
            wb.load_dataset(n)
        found = 0
    else:
        found = len(wb.run_checks())
    seconds = time.perf_counter() - t
    wb.lock()
    return {"seconds": seconds, "findings": found}


def _child(vault: Path, what: str) -> dict[str, float | int]:
    out = subprocess.run(
        [sys.executable, __file__, "--step", what, "--vault", str(vault)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--households", type=int, default=206_500)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="keep the vault in this folder")
    ap.add_argument("--step", choices=("load", "checks"), help=argparse.SUPPRESS)
    ap.add_argument("--vault", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.step:
        print(json.dumps(step(args.vault, args.step)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        vault = folder / "checks-bench.wbvault"
        for p in (vault, vault.with_name(vault.name + ".header")):
            p.unlink(missing_ok=True)
        sizes = build(vault, args.households)
        print(
            f"data: {sizes['households']:,} households, {sizes['members']:,} members "
            f"(generated in {sizes['generate_s']} s)"
        )
        loads, checks, found = [], [], 0
        for _ in range(args.rounds):
            loads.append(float(_child(vault, "load")["seconds"]))
            r = _child(vault, "checks")
            checks.append(float(r["seconds"]))
            found = int(r["findings"])
        load, total = statistics.median(loads), statistics.median(checks)
        own = total - load
        print(f"baseline  load both datasets from the vault: {load:6.2f} s")
        print(f"checks    load + every check ({found} findings): {total:6.2f} s")
        verdict = "PASS" if own <= TARGET_S else "FAIL"
        print(f"checks alone: {own:.2f} s (target ≤ {TARGET_S:.0f} s, {own / load:.1f}× the load)"
              f"  {verdict}")  # fmt: skip


if __name__ == "__main__":
    main()
