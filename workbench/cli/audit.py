"""``workbench audit --vault PATH [--action A] [--since DATE] [--json]``."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from workbench.cli.common import (
    CommandFailed,
    add_json_arg,
    add_vault_arg,
    emit_json,
    vault_session,
)
from workbench.cli.common import print_table as _print_table


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "audit",
        help="show the vault's append-only audit log",
        description="Who did what and when: unlocks, imports, plan saves, analyses, exports. "
        "Entries hold names and settings, never data values or passphrases.",
    )
    add_vault_arg(p)
    p.add_argument("--action", help="only this action, or a family such as 'vault' or 'dataset'")
    p.add_argument("--since", metavar="DATE", help="only entries at or after DATE (YYYY-MM-DD "
                   "or an ISO time, UTC)")  # fmt: skip
    add_json_arg(p)
    p.set_defaults(func=cmd_audit)


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
        ["time", "user", "action", "object", "params"],
    )
    return 0
