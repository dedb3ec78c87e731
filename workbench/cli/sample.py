"""``workbench sample --out DIR [--households N] [--seed S] [--bundle]``: write Freedonia."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from workbench.cli.common import CommandFailed, ProgressBar

DEFAULT_HOUSEHOLDS = 3000
DEFAULT_SEED = 20261122


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "sample",
        help="write the synthetic Freedonia profiling survey",
        description="Generate Freedonia, the fictional IDP profiling survey (household file and "
        "individual roster; all data synthetic). Without --bundle: the two CSV files only (fast "
        "even at 200,000 households). With --bundle: also SPSS, Stata, a Kobo-style XLSX "
        "export, its XLSForm, truth.json and README.md.",
    )
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write to")
    p.add_argument(
        "--households",
        type=int,
        default=DEFAULT_HOUSEHOLDS,
        metavar="N",
        help=f"number of households (default {DEFAULT_HOUSEHOLDS})",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help=f"random seed (default {DEFAULT_SEED})",
    )
    p.add_argument("--bundle", action="store_true", help="write every format, not only CSV")
    p.set_defaults(func=cmd_sample)


def cmd_sample(args: argparse.Namespace) -> int:
    from workbench.service import Workbench

    if args.households <= 0:
        raise CommandFailed.of("cli.households_positive", exit_code=2)
    start = time.perf_counter()
    bar = ProgressBar("Freedonia")
    try:
        files, meta = Workbench.generate_sample(
            Path(args.out), args.households, args.seed, every_format=args.bundle, progress=bar
        )
    finally:
        bar.close()
    for path in files:
        print(f"{path}  {path.stat().st_size:,} bytes")
    print(
        f"{meta['households']:,} households, {meta['individuals']:,} individuals, "
        f"seed {args.seed}, {time.perf_counter() - start:.1f} s"
    )
    return 0
