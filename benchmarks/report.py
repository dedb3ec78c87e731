"""Time the validated report on the real pipeline: Freedonia sample → vault → plan → engine →
PDF (+ annex), for the demo size (3,000 households) and a 200,000-household survey.

    .venv/bin/python benchmarks/report.py [--households 3000 200000] [--lang en]

Prints, per size: sample generation, import, analysis and report times, the PDF's pages and
bytes. Target: the report step < 15 s at 200,000 households. Falls back to the reporting test
fixture (scaled) when a pipeline piece is missing, and says so.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.export_writer import AuditList  # noqa: E402
from workbench.reporting import ReportOptions, build_report  # noqa: E402

PASS = "benchmark passphrase 123"


def _pipeline(households: int, folder: Path) -> tuple[object, dict[str, float]]:
    from workbench.cli.demo import import_freedonia
    from workbench.paths import sample_dir
    from workbench.sample import generate, write_sample
    from workbench.service import Workbench
    from workbench.settings import Settings

    times: dict[str, float] = {}
    t = time.perf_counter()
    sample = generate(households)
    files = write_sample(sample, folder, ("csv",))
    times["sample"] = time.perf_counter() - t
    hh = next(p for p in files if p.name.endswith("household.csv"))
    ind = next(p for p in files if p.name.endswith("individual.csv"))
    wb = Workbench(Settings())
    wb.create_vault(folder / "bench.wbvault", PASS)
    t = time.perf_counter()
    import_freedonia(wb, hh, ind)
    times["import"] = time.perf_counter() - t
    rec, _f = wb.import_plan_file(sample_dir() / "freedonia-plan.toml")
    t = time.perf_counter()
    _run, results = wb.analyze(rec.name, rec.version)
    times["analyse"] = time.perf_counter() - t
    wb.lock()
    return results, times


def _fixture(households: int):
    sys.path.insert(0, str(ROOT / "tests" / "reporting"))
    from reporting_fixture import make_results

    scale = households / 3000
    return make_results(districts=12 if households > 50_000 else 4, scale=scale), {}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--households", type=int, nargs="+", default=[3000, 200_000])
    ap.add_argument("--lang", default="en")
    ap.add_argument("--fixture", action="store_true", help="use the test fixture, not the pipeline")
    args = ap.parse_args()
    os.environ.setdefault("WORKBENCH_CONFIG_DIR", tempfile.mkdtemp(prefix="wb-bench-cfg-"))
    for n in args.households:
        with tempfile.TemporaryDirectory(prefix="wb-bench-") as tmp:
            folder = Path(tmp)
            source = "pipeline"
            try:
                if args.fixture:
                    raise ModuleNotFoundError("fixture requested", name="workbench.fixture")
                results, times = _pipeline(n, folder)
            except ModuleNotFoundError as exc:
                source = f"fixture (scaled; {exc.name} unavailable)"
                results, times = _fixture(n)
            opts = ReportOptions(language=args.lang, annex_paths=(folder / "annex.xlsx",))
            t0, c0 = time.perf_counter(), time.process_time()
            out = build_report(results, folder / "report.pdf", opts, audit=AuditList())
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            from pypdf import PdfReader

            pages = len(PdfReader(str(out)).pages)
            steps = "  ".join(f"{k} {v:.1f} s" for k, v in times.items())
            print(
                f"{n:>8,} households [{source}]: {steps}  "
                f"REPORT {wall:.1f} s wall / {cpu:.1f} s CPU "
                f"(PDF/A + annex; {pages} pages, {out.stat().st_size / 1e6:.1f} MB, "
                f"{len(results.estimates):,} estimate rows)  target < 15 s: "
                + ("met" if wall < 15 else "NOT met")
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
