"""Time the validated report on the real pipeline: Freedonia sample → vault → plan → engine →
PDF (+ annex), for the demo size (3,000 households) and a 200,000-household survey.

    .venv/bin/python benchmarks/report.py [--households 3000 200000] [--lang en]

Prints, per size: sample generation, import, analysis (the named baseline) and report times,
each part of the report step and its steps, wall and CPU seconds (validating, charts + the
story, docx: the Word report, layout: the PDF's pages, writing: PDF/A, briefing: PDF + Word,
annex), the load average, the PDF's pages and bytes, the briefing's pages and the Word files'
sizes. The report step is the full report: PDF + Word + briefing + annex. Target at 200,000
households, printed PASS/FAIL: the report step <= 15 s (the issue's). The report's ratio to the
analysis of the same run is printed for information (0.5 stood for 15 s when the analysis took
29.4 s; the analysis is faster now, so the ratio is no longer the same target). Charts are drawn
on every core (workbench/reporting/chart_pool.py; WORKBENCH_CHART_WORKERS=1 draws in-process
only, the earlier way). Falls back to the reporting test fixture (scaled) when a pipeline piece
is missing, and says so.
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


#: the issue's target at 200,000 households (wall seconds of the whole report step)
TARGET_S = 15.0
#: 15 s over the 29.4 s the analysis took at 200,000 households on a quiet machine (13:00 run of
#: an earlier session); printed for information only (the analysis has become faster since)
TARGET_RATIO = 0.5
#: the size the targets apply to (smaller sizes are printed for information)
TARGET_SIZE = 200_000


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _proc_stats() -> dict[int, tuple[int, float]]:
    """pid → (parent pid, CPU seconds of it and its reaped children), from /proc (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        # after the name: state ppid ... utime(12) stime(13) cutime(14) cstime(15)
        out[int(entry)] = (int(fields[1]), sum(int(f) for f in fields[11:15]) / tick)
    return out


def cpu_now() -> float:
    """CPU seconds of this process and every process under it: the chart workers are children
    of the forkserver, itself a child of this process (its reaped workers count in its
    children's time). Without /proc: this process and its reaped children only."""
    t = os.times()
    own = t.user + t.system + t.children_user + t.children_system
    if not os.path.isdir("/proc"):
        return own
    stats, me = _proc_stats(), os.getpid()
    kids: dict[int, list[int]] = {}
    for pid, (ppid, _cpu) in stats.items():
        kids.setdefault(ppid, []).append(pid)
    total, todo = 0.0, list(kids.get(me, []))
    while todo:
        pid = todo.pop()
        total += stats[pid][1]
        todo += kids.get(pid, [])
    return own + total


class StepTimer:
    """A progress sink timing the steps inside one report by their progress message (first
    word): validating, charts (+ the story), docx (Word report), layout (the PDF's pages),
    writing (PDF/A), briefing (PDF + Word), annex — wall seconds and CPU seconds (this process
    and the chart workers, whose CPU is counted when the pool shuts down, in "charts")."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._step, self._t, self._c = "", time.perf_counter(), cpu_now()

    def update(self, done: float, total: float | None = None, message: str = "") -> None:
        step = message.split(" ")[0]
        if step != self._step:
            self.close()
            self._step = step

    def close(self) -> None:
        now, cpu = time.perf_counter(), cpu_now()
        if self._step:
            self.times[self._step] = self.times.get(self._step, 0.0) + now - self._t
            self.cpu[self._step] = self.cpu.get(self._step, 0.0) + cpu - self._c
        self._t, self._c, self._step = now, cpu, ""

    def line(self) -> str:
        return "  ".join(
            f"{k} {v:.1f} s ({self.cpu.get(k, 0.0):.1f} CPU)" for k, v in self.times.items()
        )


def report_parts(results, folder: Path, lang: str, timer: StepTimer) -> list[tuple[str, object]]:
    """The parts of the report step, each timed: (name, zero-argument function returning the
    main output path). The Word report and the briefing (PDF + Word) are made in the same
    export as the PDF (one gate, each chart laid out once for both files): their own times are
    the ``steps:`` the timer prints (docx, briefing)."""
    opts = ReportOptions(
        language=lang, annex_paths=(folder / "annex.xlsx",), docx_path=folder / "report.docx",
        briefing_paths=(folder / "briefing.pdf", folder / "briefing.docx"),
    )  # fmt: skip
    return [
        ("PDF/A + Word + briefing + annex",
         lambda: build_report(results, folder / "report.pdf", opts, audit=AuditList(),
                              progress=timer)),
    ]  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--households", type=int, nargs="+", default=[3000, 200_000])
    ap.add_argument("--lang", default="en")
    ap.add_argument("--fixture", action="store_true", help="use the test fixture, not the pipeline")
    args = ap.parse_args()
    os.environ.setdefault("WORKBENCH_CONFIG_DIR", tempfile.mkdtemp(prefix="wb-bench-cfg-"))
    failed = False
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
            parts, outputs = [], []
            wall = cpu = 0.0
            timer = StepTimer()
            load0 = os.getloadavg()[0]
            for name, run in report_parts(results, folder, args.lang, timer):
                t0, c0 = time.perf_counter(), cpu_now()
                outputs.append(run())
                dw, dc = time.perf_counter() - t0, cpu_now() - c0
                wall, cpu = wall + dw, cpu + dc
                parts.append(f"{name} {dw:.1f} s")
            from pypdf import PdfReader

            out = Path(outputs[0])
            pages = len(PdfReader(str(out)).pages)
            steps = "  ".join(f"{k} {v:.1f} s" for k, v in times.items())
            print(
                f"{n:>8,} households [{source}]: {steps}  "
                f"REPORT {wall:.1f} s wall / {cpu:.1f} s CPU (this process + chart workers) "
                f"({'; '.join(parts)}; {pages} pages, {out.stat().st_size / 1e6:.1f} MB, "
                f"{len(results.estimates):,} estimate rows)"
            )
            timer.close()
            brief = len(PdfReader(str(folder / "briefing.pdf")).pages)
            sizes = ", ".join(
                f"{p.name} {p.stat().st_size / 1e6:.2f} MB"
                for p in (folder / "report.docx", folder / "briefing.pdf", folder / "briefing.docx")
            )
            print(f"    steps: {timer.line()}  (briefing {brief} pages; {sizes})")
            loaded = "  — LOADED: wall times are inflated, compare CPU" if load0 > 1.5 else ""
            print(f"    load average (1 min) {load0:.1f} before the report, "
                  f"{os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores{loaded}")  # fmt: skip
            if n != TARGET_SIZE:
                continue
            ok = wall <= TARGET_S
            failed |= not ok
            print(f"  target report <= {TARGET_S:.0f} s at {n:,} households: "
                  f"{wall:.1f} s  {_verdict(ok)}")  # fmt: skip
            base = times.get("analyse")
            if base:
                # information, not a verdict: the analysis has since become faster (29.4 s ->
                # ~20 s quiet), so this ratio no longer stands for the 15 s
                print(f"  report / analysis (baseline 'analyse' {base:.1f} s): "
                      f"{wall / base:.2f} (information; {TARGET_RATIO} when the analysis "
                      "took 29.4 s)")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
