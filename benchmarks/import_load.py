"""Vault import/load speed, size and memory against pandas.read_csv of the same data.

Generates a 1,000,000 × 40 survey-like table (small integer codes with some NaN, a few floats,
a few text columns), writes it as CSV, then prints ratios:

- import into the vault vs pandas.read_csv            (target ≤ 1.5×)
- load the dataset back from the vault vs read_csv     (target ≤ 0.5×)
- vault file size vs CSV size
- peak memory of the import vs the DataFrame's size    (target ≤ 3×)

pandas 3.1 and later parse a large file given by path on a thread pool (``mode.max_threads``,
by default all cores up to 6): on this 2-core machine the baseline is a parallel parse. For
context the script also times ``read_csv`` on one thread (``mode.max_threads = 1``, how pandas
before 3.1 always read) and the CPU time (user + system, all threads) of each step; the targets
are against the default ``read_csv``.

Every measured step runs in its own fresh process, in interleaved rounds (read_csv, import,
save, load, then again), and the median of the rounds is compared. In one long process the steps
would not be measured under equal conditions: the first large allocation pays the kernel's page
faults, later ones reuse memory glibc kept, and every frame still held shifts what the next step
pays (a warm second read_csv here is twice as fast as a first one). A user's import or load is
also one such step in an app that has not just parsed the same file.

Usage: python benchmarks/import_load.py [--rows N] [--rounds R] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASS = "benchmark passphrase"


def _fresh(vault: Path) -> None:
    for p in (vault, vault.with_name(vault.name + ".header")):
        p.unlink(missing_ok=True)


def make_table(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    cols: dict[str, object] = {}
    cols["hh_id"] = np.char.add("HH-", np.arange(n).astype(str))
    regions = np.array(["Northern", "Eastern", "Western", "Southern", "Central", "Coastal"])
    cols["region"] = regions[rng.integers(0, len(regions), n)]
    districts = np.array([f"District {i:02d}" for i in range(48)])
    cols["district"] = districts[rng.integers(0, len(districts), n)]
    other = np.array(["", "none", "livestock", "trading", "fishing", "remittances", "other work"])
    cols["income_other"] = other[rng.integers(0, len(other), n)]
    cols["stratum"] = rng.integers(1, 25, n)
    cols["cluster"] = rng.integers(1, 600, n)
    cols["pop_group"] = rng.integers(1, 4, n)
    cols["hh_size"] = rng.integers(1, 15, n)
    cols["weight"] = rng.gamma(2.0, 150.0, n)
    cols["income"] = np.where(rng.random(n) < 0.1, np.nan, rng.lognormal(5, 1, n).round(2))
    cols["food_exp"] = rng.lognormal(4, 0.7, n).round(2)
    cols["latitude"] = rng.normal(2.0, 1.5, n)
    for i in range(28):
        k = int(rng.choice([2, 3, 5, 7, 12]))
        codes = rng.integers(1, k + 1, n).astype(float)
        codes[rng.random(n) < 0.05] = np.nan
        codes[rng.random(n) < 0.01] = 98.0 if i % 2 else 99.0
        cols[f"q{i + 1:02d}"] = codes
    return pd.DataFrame(cols)


def timed(fn, repeat: int = 1):  # type: ignore[no-untyped-def]
    best = float("inf")
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


IMPORT_PATH = "workbench.datasets.importing.read_datasets + Vault.save_datasets"


def import_once(csv: Path, vault: Path) -> tuple[list, str]:  # type: ignore[type-arg]
    from workbench.datasets.importing import ImportOptions, read_datasets
    from workbench.vault import KdfParams, Vault

    # the KDF (0.35 s) is the same fixed cost for any file size; keep it out of the ratio
    v = Vault.create(vault, PASS, kdf=KdfParams(8192, 1, 1))
    datasets = read_datasets(csv, ImportOptions())
    v.save_datasets(datasets)
    v.lock()
    return datasets, IMPORT_PATH


def _rss_kib(field: str) -> int:
    """VmRSS / VmHWM from /proc (ru_maxrss is inherited from the parent across exec on Linux,
    which would hide the child's own peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(op: str, csv: Path, vault: Path, verify: bool) -> dict[str, float]:
    """One measured operation in this fresh process; what it prints is read by the parent."""
    from workbench.dataset_model import Dataset
    from workbench.datasets.importing import ImportOptions, read_datasets
    from workbench.vault import KdfParams, Vault

    base = _rss_kib("VmRSS")
    out: dict[str, float] = {}
    cpu0 = _cpu()
    if op == "read_csv":
        t = time.perf_counter()
        pd.read_csv(csv)
        out["seconds"] = time.perf_counter() - t
    elif op == "read_csv_1t":
        with pd.option_context("mode.max_threads", 1):
            t = time.perf_counter()
            pd.read_csv(csv)
            out["seconds"] = time.perf_counter() - t
    elif op == "import":
        _fresh(vault)
        t = time.perf_counter()
        datasets, _ = import_once(csv, vault)
        out["seconds"] = time.perf_counter() - t
        out["peak_kib"] = _rss_kib("VmHWM") - base
        out["frame_bytes"] = sum(int(d.frame.memory_usage(deep=True).sum()) for d in datasets)
    elif op == "save":  # the vault's own share: save a read_csv frame (no importer work)
        frame = pd.read_csv(csv)
        _fresh(vault)
        v = Vault.create(vault, PASS, kdf=KdfParams(8192, 1, 1))
        t = time.perf_counter()
        v.save_datasets([Dataset("survey", frame, {}, unit="household")])
        out["seconds"] = time.perf_counter() - t
        v.lock()
    elif op == "load":
        v = Vault.open(vault, PASS)
        name = v.list_datasets()[0].name
        t = time.perf_counter()
        loaded = v.load_dataset(name)
        out["seconds"] = time.perf_counter() - t
        if verify:  # what comes back is exactly what the importer produced
            again = read_datasets(csv, ImportOptions())[0]
            pd.testing.assert_frame_equal(loaded.frame, again.frame, check_exact=True)
        out["open_seconds"], v2 = timed(lambda: (v.lock(), Vault.open(vault, PASS))[1])
        out["check_seconds"], _ = timed(v2.check)
        v2.lock()
    if op in ("read_csv", "read_csv_1t", "import"):
        out["cpu"] = _cpu() - cpu0
    return out


def _cpu() -> float:
    """User + system CPU seconds of this process so far, all threads."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run_child(op: str, csv: Path, vault: Path, verify: bool = False) -> dict[str, float]:
    args = [sys.executable, __file__, "--_child", op, str(csv), str(vault)]
    done = subprocess.run(args + (["--verify"] if verify else []), capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"benchmark step {op!r} failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--keep", type=Path, default=None)
    ap.add_argument("--_child", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--verify", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._child:
        op, csv_arg, vault_arg = args._child
        print(json.dumps(child(op, Path(csv_arg), Path(vault_arg), args.verify)))
        return

    work = args.keep or Path(tempfile.mkdtemp(prefix="wb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    csv = work / "survey.csv"
    t0 = time.perf_counter()
    if not (args.keep and csv.exists()):
        make_table(args.rows).to_csv(csv, index=False)
    ncol = pd.read_csv(csv, nrows=1).shape[1]
    mb = csv.stat().st_size / 1e6
    print(f"table: {args.rows:,} rows × {ncol} columns, CSV {mb:.1f} MB"
          f" (generated in {time.perf_counter() - t0:.1f} s)")  # fmt: skip
    print(f"each step in a fresh process, {args.rounds} interleaved rounds, median shown")

    vault, save_vault = work / "bench.dsv", work / "save.dsv"
    runs: dict[str, list[dict[str, float]]] = {
        "read_csv": [], "import": [], "save": [], "load": [], "read_csv_1t": []
    }  # fmt: skip
    for r in range(args.rounds):
        for op in runs:
            target = save_vault if op == "save" else vault
            runs[op].append(run_child(op, csv, target, verify=(op == "load" and r == 0)))

    def med(op: str, key: str = "seconds") -> float:
        return statistics.median(x[key] for x in runs[op])

    def spread(op: str) -> str:
        return ", ".join(f"{x['seconds']:.2f}" for x in runs[op])

    t_csv, t_imp, t_save, t_load = med("read_csv"), med("import"), med("save"), med("load")
    peak_mb = med("import", "peak_kib") * 1024 / 1e6
    frame_mb = runs["import"][0]["frame_bytes"] / 1e6
    size_vault = vault.stat().st_size
    print(f"import path: {IMPORT_PATH}")
    t_1t = med("read_csv_1t")
    print(f"pandas.read_csv:           {t_csv:6.2f} s  ({spread('read_csv')}), "
          f"CPU {med('read_csv', 'cpu'):.2f} s")  # fmt: skip
    print(f"  on one thread (context): {t_1t:6.2f} s  ({spread('read_csv_1t')}), "
          f"CPU {med('read_csv_1t', 'cpu'):.2f} s; import / one-thread read_csv "
          f"{t_imp / t_1t:.2f}×")  # fmt: skip
    print(f"import into vault:         {t_imp:6.2f} s  ratio {t_imp / t_csv:5.2f}× "
          f"(target ≤ 1.5×)  ({spread('import')}), CPU {med('import', 'cpu'):.2f} s")  # fmt: skip
    print(f"  Vault.save of a read_csv frame: {t_save:5.2f} s  ({spread('save')})")
    print(f"load from vault:           {t_load:6.2f} s  ratio {t_load / t_csv:5.2f}× "
          f"(target ≤ 0.5×)  ({spread('load')}); equal to the import: checked")  # fmt: skip
    print(f"vault size:                {size_vault / 1e6:6.1f} MB ratio "
          f"{size_vault / csv.stat().st_size:5.2f}× of the CSV")  # fmt: skip
    print(f"peak import memory:        {peak_mb:6.0f} MB ratio {peak_mb / frame_mb:5.2f}× of the "
          f"DataFrame's {frame_mb:.0f} MB (target ≤ 3×)")  # fmt: skip
    print(f"unlock (incl. every page's HMAC): {med('load', 'open_seconds'):.2f} s; "
          f"check(): {med('load', 'check_seconds'):.2f} s")  # fmt: skip
    if args.keep is None:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()


if __name__ == "__main__":
    main()
