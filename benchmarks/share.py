"""Disclosure-risk measures and local suppression on about 1,000,000 members × 8
quasi-identifiers, against the time to load the data (issue 18).

The Freedonia generator makes ``--households`` households (206,500 by default: about 1,000,000
members); the script stores both datasets in a new vault, then, in this process:

- **baseline**: loading the member and household datasets back from the vault
  (``Workbench.load_dataset``) and joining the household variables onto the members;
- **risk**: ``stats.sdc_risk.measure`` — fk, Fk, individual, global and household risk,
  violations of 2-, 3-, 5-anonymity — for 8 quasi-identifiers (district, urban, population
  group, household size, displacement year, sex, relation, age in 5-year bands), weighted;
- **suppression**: ``stats.sdc_methods.suppress_to_k`` to 3-anonymity on the same frame, then
  the risk measured again on the result (it must have no record below 3);
- **SUDA**: ``stats.sdc_suda.suda2`` — every minimal sample unique of the 8 keys, SUDA and
  DIS-SUDA scores — on the original frame (the most uniques: the slowest case).

Peak memory of each step is traced (``tracemalloc``: numpy and pandas allocations) and compared
with the frame's own size. Targets: risk ≤ 5 s, suppression ≤ 30 s, SUDA ≤ 30 s (the issue
names none; the suppression's), peak ≤ 2× the frame. The seconds are also given as ratios to
the load time (the baseline, measured in the same run): compare those between machines or
under load. Prints the figures and PASS/FAIL per target.

Usage: python benchmarks/share.py [--households N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASS = "benchmark passphrase"
KEYS = ["district", "urban", "pop_group", "hh_size", "disp_year", "sex", "relation", "age"]
TARGETS = {"risk_s": 5.0, "suppression_s": 30.0, "suda_s": 30.0, "peak_ratio": 2.0}


def build(vault: Path, households: int) -> dict[str, float | int]:
    from workbench.sample import generate
    from workbench.service import Workbench

    t = time.perf_counter()
    sample = generate(households, seed=18)
    made = time.perf_counter() - t
    wb = Workbench()
    wb.create_vault(vault, PASS)
    wb.vault.save_datasets(sample.datasets(), replace=True)
    wb.lock()
    return {"households": len(sample.household), "members": len(sample.individuals),
            "generate_s": round(made, 2)}  # fmt: skip


def load(vault: Path):
    import numpy as np

    from workbench.service import Workbench

    wb = Workbench()
    wb.open_vault(vault, PASS)
    t = time.perf_counter()
    ind = wb.load_dataset("freedonia_individual")
    hh = wb.load_dataset("freedonia_household")
    side = hh.frame[["hh_id", "district", "urban", "pop_group", "hh_size", "disp_year",
                     "weight"]]  # fmt: skip
    frame = ind.frame[["hh_id", "sex", "relation", "age"]].merge(side, on="hh_id", how="left")
    seconds = time.perf_counter() - t
    wb.lock()
    frame["age"] = np.floor(frame["age"] / 5) * 5  # 5-year bands, as a recode would
    return frame[["hh_id", "weight", *KEYS]], seconds


def traced(fn):
    gc.collect()
    tracemalloc.start()
    t = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - t
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return out, seconds, peak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--households", type=int, default=206_500)
    ap.add_argument("--keep", type=Path, help="reuse/keep the vault in this folder")
    args = ap.parse_args()
    from workbench.stats.sdc_keys import encode
    from workbench.stats.sdc_methods import suppress_to_k
    from workbench.stats.sdc_risk import measure
    from workbench.stats.sdc_suda import suda2

    folder = args.keep or Path(tempfile.mkdtemp(prefix="wb-share-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    vault = folder / "share-bench.wbv"
    made = build(vault, args.households) if not vault.exists() else {}
    frame, load_s = load(vault)
    size = int(frame.memory_usage(deep=True).sum())

    def risk():
        return measure(frame, KEYS, k=3, weight="weight", household="hh_id").summary

    before, risk_s, risk_peak = traced(risk)
    (suppressed, records), sup_s, sup_peak = traced(lambda: suppress_to_k(frame, KEYS, 3))
    after = measure(suppressed, KEYS, k=3, weight="weight", household="hh_id").summary
    codes = encode(frame, KEYS)
    suda, suda_s, suda_peak = traced(lambda: suda2(codes, KEYS))
    out = {
        **made, "records": len(frame), "keys": len(KEYS), "frame_mb": round(size / 2**20, 1),
        "baseline_load_s": round(load_s, 2), "risk_s": round(risk_s, 2),
        "risk_ratio_to_load": round(risk_s / load_s, 2),
        "risk_peak_ratio": round(risk_peak / size, 2),
        "suppression_s": round(sup_s, 2), "suppression_ratio_to_load": round(sup_s / load_s, 2),
        "suppression_peak_ratio": round(sup_peak / size, 2),
        "violations_3_before": before.violations[3], "violations_3_after": after.violations[3],
        "values_suppressed": sum(r.changed for r in records),
        "global_risk_before": round(before.global_risk, 6),
        "global_risk_after": round(after.global_risk, 6),
        "suda_s": round(suda_s, 2), "suda_ratio_to_load": round(suda_s / load_s, 2),
        "suda_peak_ratio": round(suda_peak / size, 2),
        "suda_records_with_msu": int((suda.score > 0).sum()),
        "suda_msus": int(suda.msu_by_size.sum()),
    }  # fmt: skip
    print(json.dumps(out, indent=1))
    peak = max(out["risk_peak_ratio"], out["suppression_peak_ratio"], out["suda_peak_ratio"])
    checks = [
        ("risk", out["risk_s"], TARGETS["risk_s"], "s"),
        ("suppression", out["suppression_s"], TARGETS["suppression_s"], "s"),
        ("suda", out["suda_s"], TARGETS["suda_s"], "s"),
        ("peak memory", peak, TARGETS["peak_ratio"], "× the frame"),
        ("3-anonymity after suppression", out["violations_3_after"], 0, "records below 3"),
    ]
    for name, got, target, unit in checks:
        print(f"{'PASS' if got <= target else 'FAIL'} {name}: {got} (target ≤ {target} {unit})")
    ok = all(got <= target for _n, got, target, _u in checks)
    print("PASS" if ok else "FAIL", f"(load time {out['baseline_load_s']} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
