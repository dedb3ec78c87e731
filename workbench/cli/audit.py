"""``workbench audit --vault PATH [--action A] [--since DATE] [--json]`` (the log),
``workbench audit verify --vault PATH`` (the hash chain) and
``workbench audit export --vault PATH --out FILE`` (.csv, .xlsx or .json, for a reviewer)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from workbench.cli.common import (
    CommandFailed,
    add_json_arg,
    add_vault_arg,
    emit_json,
    language,
    vault_session,
)
from workbench.cli.common import print_table as _print_table


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "audit",
        help="show, verify or export the vault's append-only audit log",
        description="Who did what and when: unlocks, imports, plan saves, analyses, exports. "
        "Entries hold names and settings, never data values or passphrases. Each entry carries "
        "the hash of the one before it: 'audit verify' checks the chain, 'audit export' writes "
        "the log for a reviewer.",
    )
    add_vault_arg(p, required=False)
    p.add_argument("--action", help="only this action, or a family such as 'vault' or 'dataset'")
    p.add_argument("--since", metavar="DATE", help="only entries at or after DATE (YYYY-MM-DD "
                   "or an ISO time, UTC)")  # fmt: skip
    add_json_arg(p)
    p.set_defaults(func=cmd_audit)
    steps = p.add_subparsers(dest="audit_step", metavar="{verify,export}")
    v = steps.add_parser(
        "verify",
        help="recompute the hash chain; exit 1 and name the first broken entry",
        description="Recompute every entry's hash and its link to the entry before; report the "
        "first break (an entry changed, removed, inserted or written outside the Workbench).",
    )
    _vault_again(v)
    add_json_arg(v)
    v.set_defaults(func=cmd_verify)
    e = steps.add_parser(
        "export",
        help="write the whole log with its hash chain (.csv, .xlsx or .json) for a reviewer",
        description="Write every entry (id, time, user, action, object, details, previous hash, "
        "hash) to FILE; the format follows the suffix. The export is itself audited.",
    )
    _vault_again(e)
    e.add_argument("--out", required=True, metavar="FILE", help="the file: .csv, .xlsx or .json")
    e.set_defaults(func=cmd_export)


def _vault_again(p: argparse.ArgumentParser) -> None:
    """``--vault`` after the step name too (``audit verify --vault V``), without overwriting one
    given before it (``audit --vault V verify``)."""
    p.add_argument("--vault", metavar="PATH", default=argparse.SUPPRESS, help="the vault file")


def _need_vault(args: argparse.Namespace) -> None:
    if not getattr(args, "vault", None):
        raise CommandFailed.of("cli.audit_needs_vault", exit_code=2)


def since_utc(text: str) -> str:
    """Normalise a user date/time to the log's format (UTC, ISO 8601 with a Z)."""
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise CommandFailed.of("cli.since_not_a_date", exit_code=2, text=text) from exc
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.isoformat(timespec="microseconds") + "Z"


def cmd_audit(args: argparse.Namespace) -> int:
    _need_vault(args)
    since = since_utc(args.since) if args.since else None
    with vault_session(args) as wb:
        entries = wb.audit_log(action=args.action, since=since)
    rows = [e.to_dict() for e in entries]
    if args.json:
        emit_json(rows)
        return 0
    import json

    _print_table(
        [
            {**r, "params": json.dumps(r["params"], ensure_ascii=False, sort_keys=True)}
            for r in rows
        ],
        ["id", "time", "user", "action", "object", "params"],
    )
    return 0


def _say(report: Any, args: argparse.Namespace) -> str:
    from workbench.messages import render

    return render(report.code, report.params, language(args))


def cmd_verify(args: argparse.Namespace) -> int:
    _need_vault(args)
    with vault_session(args) as wb:
        report = wb.verify_audit()
    if getattr(args, "json", False):
        emit_json(report.to_dict())
    elif report.ok:
        print(_say(report, args))
    if not report.ok:
        raise CommandFailed.of(report.code, **report.params)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from workbench.messages import render

    _need_vault(args)
    with vault_session(args) as wb:
        report = wb.export_audit(args.out)
    print(render("audit.exported", {"path": args.out, "entries": report.entries,
                                     "head": report.head[:16]}, language(args)))  # fmt: skip
    if not report.ok:
        raise CommandFailed.of(report.code, **report.params)
    return 0
