"""Vault import/load speed, size and memory against pandas.read_csv of the same data.

Generates a 1,000,000 × 40 survey-like table (small integer codes with some NaN, a few floats,
a few text columns), writes it as CSV, then prints ratios:

- import into the vault vs pandas.read_csv            (target ≤ 1.5×)
- load the dataset back from the vault vs read_csv     (target ≤ 0.5×)
- vault file size vs CSV size
- peak memory of the import vs the DataFrame's size    (target ≤ 3×), measured in a fresh process

Usage: python benchmarks/import_load.py [--rows N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
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


def read_via_importer(csv: Path):  # type: ignore[no-untyped-def]
    try:
        from workbench.datasets.importing import ImportOptions, read_datasets
    except ImportError:
        return None
    return lambda: read_datasets(csv, ImportOptions())


def import_once(csv: Path, vault: Path) -> tuple[list, str]:  # type: ignore[type-arg]
    from workbench.datasets.model import Dataset
    from workbench.vault import KdfParams, Vault

    # the KDF (0.35 s) is the same fixed cost for any file size; keep it out of the ratio
    v = Vault.create(vault, PASS, kdf=KdfParams(8192, 1, 1))
    reader = read_via_importer(csv)
    if reader is not None:
        datasets, how = reader(), "workbench.datasets.importing.read_datasets + Vault.save_datasets"
    else:
        datasets = [Dataset("survey", pd.read_csv(csv), {}, unit="household")]
        how = "pandas.read_csv + Vault.save_datasets (read_datasets not available yet)"
    v.save_datasets(datasets)
    v.lock()
    return datasets, how


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


def memory_child(csv: str, vault: str) -> None:
    """Fresh process: RSS peak of one import minus the baseline, and the DataFrame's size."""
    import workbench.datasets.importing
    import workbench.vault  # noqa: F401

    base = _rss_kib("VmRSS")
    datasets, _ = import_once(Path(csv), Path(vault))
    peak = _rss_kib("VmHWM")
    frame_bytes = sum(int(d.frame.memory_usage(deep=True).sum()) for d in datasets)
    print(json.dumps({"peak_kib": peak - base, "frame_bytes": frame_bytes}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--keep", type=Path, default=None)
    ap.add_argument("--_memory_child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._memory_child:
        memory_child(*args._memory_child)
        return
    from workbench.datasets.model import Dataset
    from workbench.vault import KdfParams, Vault

    work = args.keep or Path(tempfile.mkdtemp(prefix="wb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    csv = work / "survey.csv"
    t0 = time.perf_counter()
    if not (args.keep and csv.exists()):
        make_table(args.rows).to_csv(csv, index=False)
    df = pd.read_csv(csv, nrows=1)
    mb = csv.stat().st_size / 1e6
    print(f"table: {args.rows:,} rows × {df.shape[1]} columns, CSV {mb:.1f} MB"
          f" (generated in {time.perf_counter() - t0:.1f} s)")  # fmt: skip

    t_csv, frame = timed(lambda: pd.read_csv(csv), repeat=2)
    vault = work / "bench.dsv"
    _fresh(vault)
    t_import, (datasets, how) = timed(lambda: import_once(csv, vault))

    # the vault's own share: save the read_csv frame (no importer work)
    save_only = work / "save.dsv"
    _fresh(save_only)
    v = Vault.create(save_only, PASS, kdf=KdfParams(8192, 1, 1))
    plain = Dataset("survey", frame, {}, unit="household")
    t_save, _ = timed(lambda: v.save_datasets([plain]))
    v.lock()

    v = Vault.open(vault, PASS)
    name = datasets[0].name
    t_load, loaded = timed(lambda: v.load_dataset(name), repeat=2)
    t_check, _ = timed(lambda: v.check())
    v.lock()
    t_open, v2 = timed(lambda: Vault.open(vault, PASS))
    v2.lock()
    pd.testing.assert_frame_equal(loaded.frame, datasets[0].frame, check_exact=True)

    mem_vault = work / "mem.dsv"
    _fresh(mem_vault)
    child = subprocess.run(
        [sys.executable, __file__, "--_memory_child", str(csv), str(mem_vault)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    mem = json.loads(child.stdout.strip().splitlines()[-1])
    frame_mb = mem["frame_bytes"] / 1e6
    peak_mb = mem["peak_kib"] * 1024 / 1e6

    size_vault = vault.stat().st_size
    print(f"import path: {how}")
    print(f"pandas.read_csv:           {t_csv:6.2f} s")
    print(f"import into vault:         {t_import:6.2f} s  ratio {t_import / t_csv:5.2f}× "
          "(target ≤ 1.5×)")  # fmt: skip
    print(f"  of which Vault.save:     {t_save:6.2f} s  → read_csv + save = "
          f"{(t_csv + t_save) / t_csv:4.2f}× read_csv")  # fmt: skip
    print(f"load from vault:           {t_load:6.2f} s  ratio {t_load / t_csv:5.2f}× "
          "(target ≤ 0.5×)")  # fmt: skip
    print(f"vault size:                {size_vault / 1e6:6.1f} MB ratio "
          f"{size_vault / csv.stat().st_size:5.2f}× of the CSV")  # fmt: skip
    print(f"peak import memory:        {peak_mb:6.0f} MB ratio {peak_mb / frame_mb:5.2f}× of the "
          f"DataFrame's {frame_mb:.0f} MB (target ≤ 3×)")  # fmt: skip
    print(f"unlock (incl. every page's HMAC): {t_open:.2f} s; check(): {t_check:.2f} s")
    del frame
    if args.keep is None:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()


if __name__ == "__main__":
    main()
