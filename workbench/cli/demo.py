"""``workbench demo --out DIR``: the whole pipeline on the bundled Freedonia sample.

sample → NEW encrypted vault in DIR → import household + individual files → save the bundled plan
→ analyse → validated PDF report, its Word version, the briefing (PDF + Word), annex workbook
+ CSVs, publishable results workbook → one-screen summary.
Steps whose code is not installed are reported and skipped; the demo says what it did.
"""

from __future__ import annotations

import argparse
import secrets
import time
from pathlib import Path
from typing import Any

from workbench.cli.common import (
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    CommandFailed,
    ProgressBar,
    env_secret,
    language,
)
from workbench.languages import with_catalogue

VAULT_NAME = "freedonia.wbvault"
#: the engine's ratings (stats.summary.rate): "green" only when each indicator was shown not worse
RATING_MARK = {
    "red": "■ worse", "amber": "▲ incomplete", "inconclusive": "◆ inconclusive",
    "green": "● no gap", "grey": "· no data",
}  # fmt: skip


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "demo",
        help="run the whole pipeline on the bundled Freedonia sample",
        description="Create a new vault in DIR, import the Freedonia sample, analyse it with the "
        "bundled plan and write the validated report, annex tables and results. The passphrase "
        f"comes from {PASSPHRASE_ENV} (or {NEW_PASSPHRASE_ENV}); otherwise one is generated and "
        "printed once.",
    )
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the vault and outputs")
    p.add_argument(
        "--lang",
        choices=with_catalogue("report"),
        default=argparse.SUPPRESS,  # keeps a global ``workbench --lang`` given before the command
        help="report language (default: settings)",
    )
    p.add_argument("--no-pdfa", action="store_true", help="write a plain PDF")
    p.add_argument(
        "--fresh",
        action="store_true",
        help="replace the vault a previous demo left in OUT (only the demo's own vault files)",
    )
    p.set_defaults(func=cmd_demo)


def _step(msg: str) -> float:
    print(f"• {msg}", flush=True)
    return time.perf_counter()


def _sample_files() -> tuple[Path, Path, Path, Path]:
    from workbench.paths import sample_dir

    folder = sample_dir()
    hh, ind = folder / "freedonia_household.csv", folder / "freedonia_individual.csv"
    plan = folder / "freedonia-plan.toml"
    form = folder / "freedonia_xlsform.xlsx"
    if not (hh.is_file() and ind.is_file() and form.is_file()):
        raise CommandFailed.of("cli.sample_missing", folder=folder)
    if not plan.is_file():
        raise CommandFailed.of("cli.bundled_plan_missing", plan=plan)
    return hh, ind, plan, form


def _passphrase() -> str:
    value = env_secret(NEW_PASSPHRASE_ENV) or env_secret(PASSPHRASE_ENV)
    if value:
        return value
    value = "-".join(secrets.token_urlsafe(6) for _ in range(4))
    print(f"  Generated passphrase (shown once; keep it to reopen the vault): {value}")
    return value


def cmd_demo(args: argparse.Namespace) -> int:
    from workbench.service import Workbench

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    vault_path = out / VAULT_NAME
    if vault_path.exists() and args.fresh:
        for leftover in (vault_path, vault_path.with_name(vault_path.name + ".header")):
            leftover.unlink(missing_ok=True)
        # HXL copies an older demo wrote beside the workbook too (now only in the CSV folder)
        for stale in out.glob("freedonia-annex-*.hxl.csv"):
            stale.unlink()
    if vault_path.exists():
        raise CommandFailed.of("cli.demo_vault_exists", vault_path=vault_path)
    hh, ind, plan_file, form = _sample_files()
    wb = Workbench()
    files: list[Path] = []
    try:
        t0 = _step(f"Creating the encrypted vault {vault_path}")
        wb.create_vault(vault_path, _passphrase())
        files.append(vault_path)
        _import(wb, hh, ind, form)
        _step(f"Saving the analysis plan {plan_file.name}")
        rec, findings = wb.import_plan_file(plan_file, note="demo")
        for finding in findings:
            if finding.severity == "error":
                print(f"  {finding.text(language(args))}")
        _step(f"Analysing plan '{rec.name}' v{rec.version}")
        bar = ProgressBar("Analysis")
        try:
            run, results = wb.analyze(rec.name, rec.version, progress=bar)
        finally:
            bar.close()
        files += _outputs(wb, run.id, out, args)
        _summary(results, language(args))
        print(f"\nDone in {time.perf_counter() - t0:.1f} s. Files:")
        for f in files:
            print(f"  {f}")
        return 0
    finally:
        wb.lock()


def _import(wb: Any, hh: Path, ind: Path, form: Path) -> None:
    """Import the CSV files labelled by their XLSForm (English and French variable and value
    labels), as a user would import a Kobo CSV export."""
    _step(f"Importing {hh.name} and {ind.name} (labels from {form.name})")
    import_freedonia(wb, hh, ind, form)


def import_freedonia(wb: Any, hh: Path, ind: Path, form: Path | None = None) -> None:
    """Import a Freedonia household and individual file under the names the bundled plan uses
    (labelled by the XLSForm ``form`` when given). Also used by the report benchmark."""
    from workbench.datasets.importing import ImportOptions

    wb.import_file(
        hh, ImportOptions(name="freedonia_household", unit="household", key="hh_id", xlsform=form)
    )
    wb.import_file(
        ind,
        ImportOptions(
            name="freedonia_individual", unit="individual", key=None,
            parent="freedonia_household", parent_key="hh_id", xlsform=form,
        ),
    )  # fmt: skip


def _outputs(wb: Any, run_id: int, out: Path, args: argparse.Namespace) -> list[Path]:
    from workbench.messages import render
    from workbench.reporting.options import ReportOptions

    files: list[Path] = []
    pdf = out / "freedonia-report.pdf"
    annex = out / "freedonia-annex.xlsx"
    csv_dir = out / "freedonia-annex-csv"
    docx = out / "freedonia-report.docx"
    briefings = (out / "freedonia-briefing.pdf", out / "freedonia-briefing.docx")
    opts = ReportOptions(
        language=language(args),
        pdfa=not args.no_pdfa,
        annex_paths=(annex, csv_dir),
        docx_path=docx,
        briefing_paths=briefings,
        hxl=True,
        justifications={  # written in the report's language, as a user would
            "report.caution_estimates": render(
                "cli.demo_caution_justification", {}, language(args)
            ),
        },
    )
    findings = wb.validate_report(run_id, opts)
    errors = [f for f in findings if f.severity == "error"]
    for f in errors:
        print(f"  {f.text(language(args))}")
    _step(f"Writing the validated report {pdf}, its Word version and the briefing")
    bar = ProgressBar("Report")
    try:
        wb.write_report(run_id, pdf, opts, progress=bar)
    finally:
        bar.close()
    files += [pdf, docx, *briefings, annex, *sorted(csv_dir.glob("*.csv"))]
    results_xlsx = out / "freedonia-results.xlsx"
    _step(f"Exporting the publishable results table {results_xlsx}")
    files.append(wb.export_results(run_id, results_xlsx, language=language(args)))
    return files


def _mark(rating: str, count: tuple[int, int] | None, left: int = 0) -> str:
    """The rating's mark and word, then worse/assessed and the indicators not compared, as the
    report's traffic light shows."""
    mark = RATING_MARK.get(rating, "?")
    if count is not None and count[1]:
        mark = f"{mark} {count[0]}/{count[1]}"
    return f"{mark} +{left} n.c." if left else mark


def _summary(results: Any, lang: str) -> None:
    from workbench.service import Workbench

    summary = Workbench.run_summary(results, lang)
    ctx, grid = summary.context, summary.grid
    names = [ctx.group(g).label.shown() for g in grid.groups]
    width = max([len(n) for n in names] + [12])
    comp = ctx.comparator.label.shown() if ctx.comparator else "comparator"
    print(f"\nCriteria compared with {comp}:")
    short = {c: f"{c}. {results.snapshot.criterion_short(c, lang)}" for c in grid.criteria}
    first = max([len(v) for v in short.values()] + [len("criterion")]) + 2
    counts = summary.counts
    cells = {
        (c, g): _mark(
            grid.ratings.get((c, g), "grey"), counts.get((c, g)), grid.not_compared.get((c, g), 0)
        )
        for c in grid.criteria
        for g in grid.groups
    }
    width = max([width, *(len(v) for v in cells.values())])
    print("   " + "criterion".ljust(first) + "".join(n[:width].ljust(width + 2) for n in names))
    for c in grid.criteria:
        label = short[c].ljust(first)
        print("   " + label + "".join(cells[(c, g)].ljust(width + 2) for g in grid.groups))
    if counts:
        print(
            "   n/m: indicators substantively worse (significant and at least the minimum "
            f"important difference) of those assessed; +k n.c.: k indicators not compared; "
            f"rating rule: {summary.rule}"
        )
    headline = summary.headline
    if headline:
        print("\n" + headline)
