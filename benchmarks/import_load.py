"""Vault import/load speed, size and memory against pandas.read_csv of the same data.

Times two tables in one run (``--tables`` picks some): the 1,000,000 × 40 survey-like table the
history in ``docs/vault.md`` was measured on (small integer codes with some NaN, a few floats, a
few text columns), and a survey-shaped 1,000,000 × 120 table (96 select_multiple 0/1 dummies,
coded answers 1–9 with 98/99, five text columns with few values, five decimals, a weight, two
id columns), where a ``0`` field is the commonest value. Each is written as CSV, then for each
the script prints, with PASS/FAIL:

- import into the vault vs pandas.read_csv            (target ≤ 2.0×)
- load the dataset back from the vault vs read_csv     (target ≤ 0.3×)
- peak memory of the import vs the DataFrame's size    (target ≤ 1.5×)
- and, for context, the vault's size vs the CSV's

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

Usage: python benchmarks/import_load.py [--rows N] [--rounds R] [--keep DIR] [--tables A,B]

``--rounds 2`` takes about 4–6 minutes on a quiet 2-core machine, of which writing the two CSV
files is about 1.5 minutes (``--keep DIR`` keeps them for the next run). The last lines give the
whole run's time and the load average, so a noisy run shows itself.
"""

from __future__ import annotations

import argparse
import json
import os
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


def make_survey_table(n: int, seed: int = 11) -> pd.DataFrame:
    """A survey-shaped 120-column table: 96 select_multiple 0/1 dummies (blank where the question
    was skipped), 11 coded answers 1–9 with 98/99, five text columns with few values, five
    decimals, a weight and two id columns (a text household id and a numeric interview id)."""
    rng = np.random.default_rng(seed)
    cols: dict[str, object] = {}
    cols["hh_id"] = np.char.add("H", np.arange(100_000, 100_000 + n).astype(str))
    cols["interview_id"] = rng.permutation(n) + 5_000_000
    places = np.array(["Northern", "Eastern", "Western", "Southern", "Central", "Coastal"])
    texts = {
        "region": places,
        "settlement": np.array([f"Settlement {c}" for c in "ABCDEFGHIJKL"]),
        "enumerator": np.array([f"enum_{i:02d}" for i in range(40)]),
        "shelter_type": np.array(["tent", "house", "apartment", "collective", "other"]),
        "water_source": np.array(["piped", "well", "truck", "river", "bottled", ""]),
    }
    for name, values in texts.items():
        cols[name] = values[rng.integers(0, len(values), n)]
    for i in range(11):
        k = int(rng.integers(3, 10))
        codes = rng.integers(1, k + 1, n).astype(float)
        codes[rng.random(n) < 0.02] = 98.0
        codes[rng.random(n) < 0.02] = 99.0
        codes[rng.random(n) < 0.05] = np.nan
        cols[f"c{i + 1:02d}"] = pd.array(codes, dtype="Int16")
    for name, (mu, sd) in {
        "income": (5.0, 1.0), "food_exp": (4.0, 0.7), "debt": (3.0, 1.2),
        "distance_km": (1.0, 0.8), "rent": (3.5, 0.5),
    }.items():  # fmt: skip
        cols[name] = rng.lognormal(mu, sd, n).round(2)
    cols["weight"] = rng.gamma(2.0, 150.0, n).round(4)
    for q in range(16):  # 16 select_multiple questions × 6 options = 96 dummies
        skipped = rng.random(n) < 0.1
        p = rng.uniform(0.05, 0.6)
        for o in range(6):
            vals = (rng.random(n) < p).astype(float)
            vals[skipped] = np.nan
            cols[f"sm{q + 1:02d}_{o + 1}"] = pd.array(vals, dtype="Int8")
    return pd.DataFrame(cols)


def write_survey_csv(frame: pd.DataFrame, path: Path) -> None:
    """``frame.to_csv(path, index=False)``, with the nullable integer columns formatted once per
    distinct code first (pandas' writer takes minutes on 100 nullable columns of a million)."""
    plain: dict[str, object] = {}
    for col in frame.columns:
        s = frame[col]
        if isinstance(s.dtype, pd.api.extensions.ExtensionDtype) and s.dtype.kind in "iu":
            uniq, inv = np.unique(s.to_numpy(dtype="float64", na_value=np.nan), return_inverse=True)
            labels = ["" if np.isnan(u) else str(int(u)) for u in uniq]
            plain[col] = np.array(labels, dtype=object)[inv]
        else:
            plain[col] = s
    pd.DataFrame(plain).to_csv(path, index=False)


#: the tables timed in one run: the 1M × 40 table the history was measured on, and a
#: survey-shaped one (mostly 0/1 columns, where a "0" field is the commonest value)
TABLES = {
    "table40": lambda n, path: make_table(n).to_csv(path, index=False),
    "survey120": lambda n, path: write_survey_csv(make_survey_table(n), path),
}


def timed(fn, repeat: int = 1):  # type: ignore[no-untyped-def]
    best = float("inf")
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


IMPORT_PATH = (
    "read_datasets + Vault.save_datasets within encode_ahead(), as Workbench.import_file does"
)


def import_once(csv: Path, vault: Path) -> tuple[list, str]:  # type: ignore[type-arg]
    from workbench.datasets.importing import ImportOptions, read_datasets
    from workbench.vault import KdfParams, Vault
    from workbench.vault.encode_ahead import encode_ahead

    # the KDF (0.35 s) is the same fixed cost for any file size; keep it out of the ratio
    v = Vault.create(vault, PASS, kdf=KdfParams(8192, 1, 1))
    with encode_ahead():  # the façade's import path (numeric columns encoded during the import)
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


#: targets, as ratios to pandas.read_csv (defaults) in the same run, and to the frame's size
TARGETS = {"import": 2.0, "load": 0.3, "memory": 1.5}
OPS = ("read_csv", "import", "save", "load", "read_csv_1t")


def _report(name: str, csv: Path, vault: Path, runs: dict[str, list[dict[str, float]]]) -> bool:
    """Print one table's figures and PASS/FAIL per target; True when all pass."""

    def med(op: str, key: str = "seconds") -> float:
        return statistics.median(x[key] for x in runs[op])

    def spread(op: str) -> str:
        vals = [x["seconds"] for x in runs[op]]
        return f"range {min(vals):.2f}–{max(vals):.2f} s over {len(vals)}"

    t_csv, t_imp, t_save, t_load, t_1t = (med(op) for op in OPS[:4] + OPS[4:])
    peak_mb = med("import", "peak_kib") * 1024 / 1e6
    frame_mb = runs["import"][0]["frame_bytes"] / 1e6
    ratios = {"import": t_imp / t_csv, "load": t_load / t_csv, "memory": peak_mb / frame_mb}
    size_vault = vault.stat().st_size
    print(f"\n== {name}: CSV {csv.stat().st_size / 1e6:.1f} MB ==")
    print(f"pandas.read_csv:           {t_csv:6.2f} s  ({spread('read_csv')}), "
          f"CPU {med('read_csv', 'cpu'):.2f} s")  # fmt: skip
    print(f"  on one thread (context): {t_1t:6.2f} s  ({spread('read_csv_1t')}); "
          f"import / one-thread read_csv {t_imp / t_1t:.2f}×")  # fmt: skip
    print(f"import into vault:         {t_imp:6.2f} s  ({spread('import')}), "
          f"CPU {med('import', 'cpu'):.2f} s")  # fmt: skip
    print(f"  Vault.save of a read_csv frame: {t_save:5.2f} s  ({spread('save')})")
    print(f"load from vault:           {t_load:6.2f} s  ({spread('load')}); equal to the import")
    print(f"vault size:                {size_vault / 1e6:6.1f} MB = "
          f"{size_vault / csv.stat().st_size:.2f}× the CSV")  # fmt: skip
    print(f"peak import memory:        {peak_mb:6.0f} MB; the DataFrame {frame_mb:.0f} MB")
    print(f"unlock (incl. every page's HMAC): {med('load', 'open_seconds'):.2f} s; "
          f"check(): {med('load', 'check_seconds'):.2f} s")  # fmt: skip
    ok = True
    for what, ratio in ratios.items():
        passed = ratio <= TARGETS[what]
        ok &= passed
        base = "the DataFrame" if what == "memory" else "read_csv"
        print(f"  {'PASS' if passed else 'FAIL'}  {what:6s} {ratio:5.2f}× {base} "
              f"(target ≤ {TARGETS[what]}×)")  # fmt: skip
    return ok


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--keep", type=Path, default=None)
    ap.add_argument("--tables", default=",".join(TABLES), help="which tables, comma-separated")
    ap.add_argument("--_child", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--verify", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._child:
        op, csv_arg, vault_arg = args._child
        print(json.dumps(child(op, Path(csv_arg), Path(vault_arg), args.verify)))
        return

    started = time.perf_counter()
    work = args.keep or Path(tempfile.mkdtemp(prefix="wb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    names = [n for n in args.tables.split(",") if n]
    csvs = {}
    for name in names:
        csv = csvs[name] = work / f"{name}-{args.rows}.csv"
        t0 = time.perf_counter()
        if not (args.keep and csv.exists()):
            TABLES[name](args.rows, csv)
        ncol = pd.read_csv(csv, nrows=1).shape[1]
        print(f"{name}: {args.rows:,} rows × {ncol} columns, CSV {csv.stat().st_size / 1e6:.1f} MB"
              f" (ready in {time.perf_counter() - t0:.1f} s)")  # fmt: skip
    print(f"each step in a fresh process, {args.rounds} interleaved rounds, medians compared")
    print(f"import path: {IMPORT_PATH}")
    print(f"load average at the start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    runs = {n: {op: [] for op in OPS} for n in names}  # type: dict[str, dict[str, list[dict[str, float]]]]
    for r in range(args.rounds):
        for name in names:
            for op in OPS:
                vault = work / (f"{name}-save.dsv" if op == "save" else f"{name}.dsv")
                verify = op == "load" and r == 0
                runs[name][op].append(run_child(op, csvs[name], vault, verify=verify))
    results = [_report(n, csvs[n], work / f"{n}.dsv", runs[n]) for n in names]
    print(f"\nall targets: {'PASS' if all(results) else 'FAIL'}")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"whole run {time.perf_counter() - started:.0f} s; load average now {load} (on "
        f"{os.cpu_count()} cores: figures taken beside other work are noisy)"
    )
    if args.keep is None:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()


if __name__ == "__main__":
    main()
