"""``workbench plan design NAME …``: set a plan's survey design (stages, FPCs, replicate
weights) and save it as a new version; the plan checks run on save (docs/plans.md)."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from workbench.cli.common import (
    CommandFailed,
    add_json_arg,
    add_vault_arg,
    emit_json,
    language,
    open_service,
    saved_line,
)
from workbench.findings import errors
from workbench.plan.model import (
    DESIGN_TYPES,
    LONELY_PSU,
    REPLICATE_TYPES,
    Replicates,
    SamplingStage,
)

_FIRST = ("type", "weight", "strata", "psu", "fpc", "lonely_psu")


def register(psub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    d = psub.add_parser(
        "design",
        help="set the survey design: stages with their FPCs, replicate weights",
        description="Change the design of a plan and save it as a new version. The plan "
        "file's [design] keys are documented in docs/plans.md.",
    )
    add_vault_arg(d)
    d.add_argument("plan", help="plan name")
    d.add_argument("--type", choices=DESIGN_TYPES)
    d.add_argument("--weight", help="weight column")
    d.add_argument("--strata", help="first-stage strata column ('' to remove)")
    d.add_argument("--psu", help="first-stage PSU column ('' to remove)")
    d.add_argument("--fpc", help="first-stage FPC column: population size or fraction")
    d.add_argument("--lonely-psu", dest="lonely_psu", choices=LONELY_PSU)
    d.add_argument(
        "--stage",
        action="append",
        default=None,
        metavar="UNIT[:FPC[:STRATA]]",
        help="a later sampling stage (repeat in order: stage 2, 3, …); replaces the stages",
    )
    d.add_argument("--no-stages", action="store_true", help="remove the later stages")
    r = d.add_argument_group("replicate weights")
    r.add_argument("--replicates", choices=REPLICATE_TYPES, help="replicate-weight type")
    r.add_argument("--no-replicates", action="store_true", help="use linearisation")
    r.add_argument("--columns", help="replicate-weight columns, comma-separated")
    r.add_argument("--pattern", help="regular expression matching the replicate columns")
    r.add_argument("--generate", action="store_true", help="make them from the design")
    r.add_argument("--scale", type=float, help="overall variance scale (type default if unset)")
    r.add_argument("--rscales", help="per-replicate scales, comma-separated (JKn)")
    r.add_argument("--rho", type=float, help="Fay's rho")
    r.add_argument("--mse", action=argparse.BooleanOptionalAction, default=None,
                   help="centre on the full-sample estimate")  # fmt: skip
    r.add_argument("--uncombined", action="store_true",
                   help="the columns are multipliers of the weight, not weights")  # fmt: skip
    r.add_argument("--bootstrap-replicates", dest="n_replicates", type=int,
                   help="generated bootstrap: number of replicates")  # fmt: skip
    r.add_argument("--seed", type=int, help="generated bootstrap: random seed")
    d.add_argument("--note", default="", help="note saved with the new version")
    add_json_arg(d)
    d.set_defaults(func=cmd_design)


def _stage(text: str) -> SamplingStage:
    parts = text.split(":")
    if len(parts) > 3 or not parts[0]:
        raise CommandFailed.of("cli.design_stage_syntax", value=text)
    padded = [*parts, "", ""]
    return SamplingStage(parts[0], padded[1] or None, padded[2] or None)


def _floats(text: str, option: str) -> tuple[float, ...]:
    try:
        return tuple(float(x) for x in text.split(",") if x.strip())
    except ValueError:
        raise CommandFailed.of("cli.design_numbers", option=option, value=text) from None


def _replicates(args: argparse.Namespace, old: Replicates | None) -> Replicates | None:
    if args.no_replicates:
        return None
    touched = any(
        getattr(args, k) not in (None, False)
        for k in ("replicates", "columns", "pattern", "generate", "scale", "rscales", "rho",
                  "mse", "uncombined", "n_replicates", "seed")
    )  # fmt: skip
    if not touched:
        return old
    rep = old or Replicates(type=args.replicates or "jkn")
    changes: dict[str, Any] = {}
    if args.replicates:
        changes["type"] = args.replicates
    if args.columns is not None:
        changes["columns"] = tuple(c.strip() for c in args.columns.split(",") if c.strip())
        changes["pattern"] = None
        changes["generate"] = False
    if args.pattern is not None:
        changes["pattern"] = args.pattern or None
        changes["columns"] = ()
        changes["generate"] = False
    if args.generate:
        changes.update(generate=True, columns=(), pattern=None)
    if args.scale is not None:
        changes["scale"] = args.scale
    if args.rscales is not None:
        changes["rscales"] = _floats(args.rscales, "--rscales")
    if args.rho is not None:
        changes["rho"] = args.rho
    if args.mse is not None:
        changes["mse"] = args.mse
    if args.uncombined:
        changes["combined"] = False
    if args.n_replicates is not None:
        changes["replicates"] = args.n_replicates
    if args.seed is not None:
        changes["seed"] = args.seed
    return dataclasses.replace(rep, **changes)


def cmd_design(args: argparse.Namespace) -> int:
    wb = open_service(args)
    plan = wb.load_plan(args.plan)
    d = plan.design
    first = {k: getattr(args, k) for k in _FIRST if getattr(args, k) is not None}
    first = {k: (v or None) if k in ("strata", "psu", "fpc", "weight") else v
             for k, v in first.items()}  # fmt: skip
    stages = d.stages
    if args.no_stages:
        stages = ()
    if args.stage is not None:
        stages = tuple(_stage(s) for s in args.stage)
    design = dataclasses.replace(
        d, **first, stages=stages, replicates=_replicates(args, d.replicates)
    )
    new = dataclasses.replace(plan, design=design)
    rec, findings = wb.save_plan_checked(new, note=args.note or "design")
    if args.json:
        emit_json({"name": rec.name, "version": rec.version, "draft_errors": rec.draft_errors,
                   "design": new.to_dict()["design"],
                   "findings": [f.to_dict() for f in findings]})  # fmt: skip
        return 1 if errors(findings) else 0
    lang = language(args)
    for f in findings:
        print(f.text(lang))
    print(saved_line(rec, lang))
    return 1 if errors(findings) else 0
