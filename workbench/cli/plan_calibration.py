"""``workbench plan calibration set|show|clear|export``: a plan's calibration to population
totals (docs/plans.md, "Calibration"). ``set --margins FILE`` imports a margins file
(``variable,level,total``); every change saves a new plan version and runs the plan checks."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from workbench.cli.common import (
    CommandFailed,
    add_json_arg,
    add_vault_arg,
    emit_json,
    language,
    open_service,
)
from workbench.findings import errors
from workbench.stats.calibration_spec import CAL_FUNS, CAL_METHODS, CalibrationSpec


def register(psub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = psub.add_parser(
        "calibration",
        help="calibrate a plan's weights to population totals (post-stratify, rake, calibrate)",
    )
    csub = p.add_subparsers(dest="calibration_command", metavar="ACTION", required=True)

    s = csub.add_parser(
        "set",
        help="set the method and import the totals (a margins file: variable,level,total)",
        description="Settings not given keep the plan's current value. See docs/plans.md.",
    )
    add_vault_arg(s)
    s.add_argument("--plan", required=True, metavar="NAME")
    s.add_argument("--margins", type=Path, metavar="FILE", help="margins CSV: variable,level,total")
    s.add_argument("--unit", choices=("household", "individual"), help="whose weights")
    s.add_argument("--method", choices=CAL_METHODS, help="R postStratify / rake / calibrate")
    s.add_argument("--calfun", choices=CAL_FUNS, help="calibrate: distance function")
    pair = {"nargs": 2, "type": float, "metavar": ("LOW", "HIGH")}
    s.add_argument("--bounds", **pair, help="calibrate: limits of calibrated / design weight")  # type: ignore[arg-type]
    s.add_argument("--trim", **pair, help="trim the weights to [LOW, HIGH] (R trimWeights)")  # type: ignore[arg-type]
    s.add_argument("--trim-strict", action="store_true", help="trim until none is outside")
    s.add_argument("--no-trim", action="store_true", help="remove the trimming limits")
    s.add_argument("--no-bounds", action="store_true",
                   help="calibrate: remove the bounds (unbounded, R's default)")  # fmt: skip
    s.add_argument("--max-iterations", type=int, metavar="N")
    s.add_argument("--epsilon", type=float, metavar="E",
                   help="rake: largest change of the cross-table (< 1: share of the weight "
                   "total); calibrate: relative misfit")  # fmt: skip
    s.add_argument("--default-epsilon", action="store_true",
                   help="the convergence tolerance back to R's default")  # fmt: skip
    add_json_arg(s)
    s.set_defaults(func=cmd_set)

    sh = csub.add_parser("show", help="what a plan calibrates to")
    add_vault_arg(sh)
    sh.add_argument("--plan", required=True, metavar="NAME")
    add_json_arg(sh)
    sh.set_defaults(func=cmd_show)

    c = csub.add_parser("clear", help="remove the calibration (design weights as they are)")
    add_vault_arg(c)
    c.add_argument("--plan", required=True, metavar="NAME")
    c.set_defaults(func=cmd_clear)


def _updated(base: CalibrationSpec, args: argparse.Namespace, wb: Any) -> CalibrationSpec:
    spec = base
    if args.margins is not None:
        if not Path(args.margins).is_file():
            raise CommandFailed.of("cli.no_such_file", file=args.margins)
        margins, numeric = wb.read_margins_file(args.margins)
        spec = dataclasses.replace(
            spec, margins=margins, numeric=numeric, source=Path(args.margins).name
        )
    changes: dict[str, object] = {}
    for key in ("unit", "method", "calfun", "max_iterations", "epsilon"):
        if getattr(args, key) is not None:
            changes[key] = getattr(args, key)
    if args.bounds is not None:
        changes["bounds"] = (min(args.bounds), max(args.bounds))
    if args.trim is not None:
        changes["trim"] = (min(args.trim), max(args.trim))
        changes["trim_strict"] = bool(args.trim_strict)
    if args.no_trim:
        changes["trim"], changes["trim_strict"] = None, False
    if args.no_bounds:
        changes["bounds"] = CalibrationSpec().bounds
    if args.default_epsilon:
        changes["epsilon"] = None
    return dataclasses.replace(spec, **changes)  # type: ignore[arg-type]


def cmd_set(args: argparse.Namespace) -> int:
    wb = open_service(args)
    current = wb.load_plan(args.plan).design.calibration or CalibrationSpec()
    spec = _updated(current, args, wb)
    rec, findings = wb.set_calibration(args.plan, spec)
    return _report(args, rec, findings, wb.describe_calibration(spec))


def cmd_show(args: argparse.Namespace) -> int:
    wb = open_service(args)
    spec = wb.load_plan(args.plan).design.calibration
    if args.json:
        emit_json(wb.describe_calibration(spec) if spec else None)
        return 0
    if spec is None:
        print(f"Plan '{args.plan}' is not calibrated.")
        return 0
    d = wb.describe_calibration(spec)
    print(f"{d['method']} of the {d['unit']} weights; totals from {d['source']}")
    for m in d["margins"]:
        print(f"  {' × '.join(m['variables'])}: {m['cells']} cells, total {m['total']}")
    for var, total in d["numeric"]:
        print(f"  {var}: total {total}")
    for line in _settings_lines(d):
        print(f"  {line}")
    return 0


def _num(x: float | None, open_side: str = "") -> str:
    return open_side if x is None else f"{x:g}"


def _settings_lines(d: dict[str, Any]) -> list[str]:
    """Every setting besides the totals; where the plan leaves one to R, R's value is named."""
    method, r_default = d["method"], d["r_default"]
    lines = []
    if d["calfun"] is not None:
        lines.append(f"distance function (calfun): {d['calfun']}")
    if method == "calibrate":
        b = d["bounds"]
        lines.append("bounds on calibrated / design weight: "
                     + ("none (R's default: -Inf to Inf)" if b is None
                        else f"{_num(b[0], '-Inf')} to {_num(b[1], 'Inf')}"))  # fmt: skip
    maxit, eps = d["max_iterations"], d["epsilon"]
    if r_default["max_iterations"] is None:  # postStratify does not iterate
        if eps is not None or maxit != CalibrationSpec().max_iterations:
            lines.append(f"iterations at most {maxit}, tolerance {_num(eps, 'unset')} "
                         f"(not used by {method})")  # fmt: skip
    else:
        same = (
            "R's default"
            if maxit == r_default["max_iterations"]
            else (f"R's {method} default: {r_default['max_iterations']}")
        )
        lines.append(f"iterations at most (maxit): {maxit} ({same})")
        lines.append("convergence tolerance (epsilon): " + (
            f"R's default, {_num(d['epsilon_used'])}" if eps is None
            else f"{_num(eps)} (R's default: {_num(r_default['epsilon'])})"))  # fmt: skip
    trim = d["trim"]
    lines.append("trimming (trimWeights): " + (
        "none" if trim is None else f"{_num(trim[0])} to {_num(trim[1])}"
        + (", strict (until none is outside)" if d["trim_strict"] else "")))  # fmt: skip
    return lines


def cmd_clear(args: argparse.Namespace) -> int:
    wb = open_service(args)
    rec, findings = wb.set_calibration(args.plan, None)
    print(f"Saved plan '{rec.name}' version {rec.version} without calibration.")
    return 1 if errors(findings) else 0


def _report(args: argparse.Namespace, rec: Any, findings: list[Any], summary: Any) -> int:
    lang = language(args)
    errs = errors(findings)
    if args.json:
        found = [f.to_dict() for f in findings]
        emit_json({"name": rec.name, "version": rec.version, "calibration": summary,
                   "findings": found})  # fmt: skip
        return 1 if errs else 0
    for f in findings:
        if f.code.startswith(("plan.calibration", "stats.calibration")):
            print(f.text(lang))
    state = "a draft (errors above)" if errs else "ready"
    print(f"Saved plan '{rec.name}' version {rec.version}: {state}.")
    return 1 if errs else 0
