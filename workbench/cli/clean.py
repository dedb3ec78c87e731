"""``workbench clean add|list|undo|export|import``: the cleaning log of the vault's datasets.

Edits never change the imported data; they are entries of an append-only log that every analysis
reads through. Each change says why (``--reason``, the exchange format's ``issue``) and may name
the check it answers (``--check``, a finding code).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbench.cleaning_model import SUMMARY_COUNTS, NewChange
from workbench.cli.common import (
    CommandFailed,
    add_json_arg,
    add_vault_arg,
    emit_json,
    print_table,
    vault_session,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "clean",
        help="change, blank, drop or recode answers through the cleaning log",
        description="Edits are kept as an append-only cleaning log beside the imported data, "
        "which never change (their fingerprint stays the import's). Analyses, views and "
        "exports read the data with the log applied. Records are named by the dataset's key "
        "value, or by their row number in the imported file when it has no key.",
    )
    cmds = p.add_subparsers(dest="clean_command", metavar="ACTION", required=True)

    add = cmds.add_parser("add", help="add one change (with its reason)")
    add_vault_arg(add)
    add.add_argument("--dataset", required=True, metavar="D")
    add.add_argument("--uuid", metavar="U", help="the record: key value (or row number)")
    add.add_argument("--question", metavar="Q", help="the column changed")
    what = add.add_mutually_exclusive_group(required=True)
    what.add_argument("--value", metavar="X", help="the new answer (a value label is accepted)")
    what.add_argument("--set-missing", action="store_true", help="blank the answer")
    what.add_argument("--drop", action="store_true", help="drop the record from every analysis")
    what.add_argument(
        "--recode",
        metavar="OLD=NEW",
        help="every answer OLD of --question becomes NEW (empty NEW: missing)",
    )
    add.add_argument("--reason", required=True, metavar="TEXT", help="why (the issue)")
    add.add_argument("--check", metavar="CODE", help="the check this answers, e.g. check.age")
    add_json_arg(add)
    add.set_defaults(func=cmd_add)

    ls = cmds.add_parser("list", help="list the log (undo entries included)")
    add_vault_arg(ls)
    ls.add_argument("--dataset", metavar="D", help="only this dataset")
    ls.add_argument("--summary", action="store_true", help="counts by kind, length and hash")
    add_json_arg(ls)
    ls.set_defaults(func=cmd_list)

    undo = cmds.add_parser("undo", help="revert an entry (a new entry; undo an undo to redo)")
    add_vault_arg(undo)
    undo.add_argument("entry", metavar="ENTRY_ID", type=int)
    undo.add_argument("--reason", required=True, metavar="TEXT", help="why it is undone")
    add_json_arg(undo)
    undo.set_defaults(func=cmd_undo)

    exp = cmds.add_parser("export", help="write the log as XLSX (uuid, question, old_value …)")
    add_vault_arg(exp)
    exp.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    exp.add_argument("--dataset", metavar="D", help="only this dataset")
    exp.set_defaults(func=cmd_export)

    imp = cmds.add_parser(
        "import",
        help="add a log prepared elsewhere (XLSX/CSV), checked against the data",
        description="Rows are checked in order against the data as the log leaves them: the "
        "record and question must exist and old_value must match the data. The first problem "
        "refuses the whole file (its row, uuid and question named) and changes nothing.",
    )
    add_vault_arg(imp)
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("--dataset", metavar="D", help="for a log without a dataset column")
    add_json_arg(imp)
    imp.set_defaults(func=cmd_import)


def _change(args: argparse.Namespace) -> NewChange:
    base: dict[str, Any] = {
        "dataset": args.dataset,
        "record": args.uuid,
        "question": args.question,
        "issue": args.reason,
        "check": args.check,
    }
    if args.drop:
        return NewChange(kind="drop", **{**base, "question": None})
    if args.set_missing:
        return NewChange(kind="missing", **base)
    if args.recode is not None:
        old, sep, new = args.recode.partition("=")
        if not sep or not old.strip():
            raise CommandFailed.of("cli.recode_syntax", exit_code=2, text=args.recode)
        return NewChange(kind="recode", old=old, new=new, **{**base, "record": None})
    return NewChange(kind="change", new=args.value, **base)


def _row(e: Any) -> dict[str, Any]:
    from workbench.cleaning_model import CleaningEntry

    assert isinstance(e, CleaningEntry)
    d = e.to_dict()
    shown = {"old": "" if e.old is None else e.old, "new": "" if e.new is None else e.new}
    if e.kind == "drop":
        shown = {"old": "", "new": ""}
    return {
        **d,
        **shown,
        "record": e.record or "",
        "question": e.question or "",
        "undoes": e.undoes or "",
        "check": e.check or "",
    }


_COLUMNS = [
    "id",
    "dataset",
    "kind",
    "record",
    "question",
    "old",
    "new",
    "issue",
    "check",
    "undoes",
    "user",
    "time",
]


def cmd_add(args: argparse.Namespace) -> int:
    change = _change(args)
    with vault_session(args) as wb:
        added = wb.clean([change])
    if args.json:
        emit_json([e.to_dict() for e in added])
    else:
        for e in added:
            what = "record" if e.kind == "drop" else f"{e.rows} answer(s)"
            target = " ".join(x for x in (e.record, e.question) if x)
            print(f"entry {e.id}: {e.kind} {e.dataset} {target} ({what})")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        if args.summary:
            names = [args.dataset] if args.dataset else [d.name for d in wb.datasets()]
            summaries = [wb.cleaning_summary(n).to_dict() for n in names]
        else:
            entries = wb.cleaning_log(args.dataset)
    if args.summary:
        if args.json:
            emit_json(summaries)
        else:
            print_table(summaries, ["dataset", *SUMMARY_COUNTS, "sha256"])
        return 0
    if args.json:
        emit_json([e.to_dict() for e in entries])
    else:
        print_table([_row(e) for e in entries], _COLUMNS)
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        e = wb.undo_cleaning(args.entry, args.reason)
    if args.json:
        emit_json(e.to_dict())
    else:
        print(f"entry {e.id}: undo of entry {e.undoes} ({e.dataset})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != ".xlsx":
        raise CommandFailed.of("cli.clean_out_suffix", exit_code=2, name=args.out.name)
    with vault_session(args) as wb:
        n = wb.export_cleaning_log(args.out, args.dataset)
    print(f"wrote {args.out} ({n} change(s) that apply; undone ones left out)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        added, skipped = wb.import_cleaning_log(args.file, args.dataset)
    if args.json:
        emit_json({"added": [e.to_dict() for e in added], "no_action": skipped})
    else:
        print(
            f"imported {len(added)} change(s) from {args.file.name}"
            + (f"; {skipped} no_action row(s) skipped" if skipped else "")
        )
    return 0
