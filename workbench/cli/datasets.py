"""``workbench import`` and ``workbench datasets list|show|delete|check-link``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbench.cli.common import (
    CommandFailed,
    ProgressBar,
    add_json_arg,
    add_vault_arg,
    emit_json,
    help_text,
    language,
    open_service,
    print_table,
    vault_session,
)
from workbench.datasets.formats import IMPORT_FORMATS
from workbench.findings import SEVERITIES, Finding

UNITS = ("household", "individual", "other")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import",
        help="import a data file into the vault",
        description="Import CSV, TSV, XLSX (Kobo, DART), SPSS .sav or Stata .dta. "
        "Likely direct identifiers (names, phones, GPS, ID numbers, Kobo submission ids, "
        "accounts, devices, free text) are dropped unless you --keep or --hash them; "
        "quasi-identifiers (dates of birth and of the interview, villages) are kept and listed.",
    )
    add_vault_arg(p)
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument("--name", help="dataset name (default: the file name)")
    p.add_argument("--unit", choices=UNITS, default="other")
    p.add_argument("--key", metavar="COL", help="column identifying a unit (household id …)")
    p.add_argument("--parent", metavar="DS", help="household dataset this one links to")
    p.add_argument("--parent-key", metavar="COL", help="column holding the household key")
    p.add_argument("--sheet", help="spreadsheet sheet to read (default: the first)")
    p.add_argument("--encoding", help="text encoding, e.g. cp1252 or cp1256 (default: UTF-8)")
    p.add_argument("--delimiter", help="field delimiter (default: sniffed; 'tab' for tabs)")
    p.add_argument("--decimal", choices=(".", ","), help="decimal separator of CSV numbers")
    p.add_argument("--header-row", type=int, default=0, metavar="N", help="rows above the header")
    p.add_argument(
        "--format",
        choices=IMPORT_FORMATS.codes,
        help=help_text(f"force a format (default: detected): {IMPORT_FORMATS.describe()}"),
    )
    p.add_argument("--xlsform", type=Path, metavar="F", help="XLSForm that labels the data")
    p.add_argument(
        "--label-language",
        metavar="LANG",
        help="the XLSForm language of the main labels, e.g. fr (default: the form's default)",
    )
    p.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="COL",
        help="keep these identifiers (repeat, or COL1,COL2)",
    )
    p.add_argument(
        "--hash",
        action="append",
        default=[],
        metavar="COL",
        help="hash these identifiers (repeat, or COL1,COL2)",
    )
    p.add_argument(
        "--drop",
        action="append",
        default=[],
        metavar="COL",
        help="drop these columns (repeat, or COL1,COL2)",
    )
    p.add_argument("--replace", action="store_true", help="replace datasets of the same name")
    p.add_argument(
        "--na",
        action="append",
        default=[],
        metavar="VALUE",
        help="another missing-value marker, made missing where a column is otherwise numeric "
        "(repeat for several)",
    )
    p.add_argument(
        "--no-default-na",
        action="store_true",
        help="do not treat NA, N/A, n/a, #N/A, NaN, '.' and '-' as missing",
    )
    p.set_defaults(func=cmd_import)

    ds = sub.add_parser("datasets", help="list, show, delete and check datasets in the vault")
    dsub = ds.add_subparsers(dest="datasets_command", metavar="ACTION", required=True)
    lp = dsub.add_parser("list", help="datasets in the vault")
    add_vault_arg(lp)
    add_json_arg(lp)
    lp.set_defaults(func=cmd_list)
    sp = dsub.add_parser("show", help="the variable dictionary of a dataset")
    add_vault_arg(sp)
    sp.add_argument("name")
    add_json_arg(sp)
    sp.set_defaults(func=cmd_show)
    dp = dsub.add_parser("delete", help="delete a dataset")
    add_vault_arg(dp)
    dp.add_argument("name")
    dp.set_defaults(func=cmd_delete)
    cp = dsub.add_parser("check-link", help="check household ↔ individual linking")
    add_vault_arg(cp)
    cp.add_argument("household")
    cp.add_argument("individual")
    add_json_arg(cp)
    cp.set_defaults(func=cmd_check_link)


def _actions(args: argparse.Namespace) -> dict[str, str]:
    actions: dict[str, str] = {}
    for act in ("keep", "hash", "drop"):
        for col in (c.strip() for v in getattr(args, act) for c in v.split(",") if c.strip()):
            if col in actions and actions[col] != act:
                raise CommandFailed.of(
                    "cli.column_two_actions", exit_code=2, col=col, first=actions[col], act=act
                )
            actions[col] = act
    return actions


def cmd_import(args: argparse.Namespace) -> int:
    from workbench.datasets.importing import ImportOptions
    from workbench.messages import render
    from workbench.service import Workbench

    lang = language(args)

    if bool(args.parent) != bool(args.parent_key):
        raise CommandFailed.of("cli.parent_options_together", exit_code=2)
    opts = ImportOptions(
        format=args.format,
        sheet=args.sheet,
        encoding=args.encoding,
        delimiter=args.delimiter,
        header_row=args.header_row,
        name=args.name,
        unit=args.unit,
        key=args.key,
        parent=args.parent,
        parent_key=args.parent_key,
        xlsform=args.xlsform,
        label_language=args.label_language,
        identifier_actions=_actions(args),
        replace=args.replace,
        decimal=args.decimal,
        na_values=tuple(args.na),
        default_na=not args.no_default_na,
    )
    wb = open_service(args)
    bar = ProgressBar(f"import {args.file.name}")
    try:
        infos = wb.import_file(args.file, opts, progress=bar)
        checked = {info.name: wb.run_checks(info.name) for info in infos}  # checks at import
    finally:
        bar.close()
        wb.lock()
    for info in infos:
        link = f", linked to {info.parent} by {info.parent_key}" if info.parent else ""
        key = f", key {info.key}" if info.key else ""
        size = f"{info.n_rows} rows × {info.n_cols} columns"
        print(f"stored {info.name}: {size} ({info.unit}{key}{link})")
        for item in info.source.get("identifiers", []):
            col, act = item["column"], item["action"]
            hint = render("identifier.drop.hint", {"column": col}, lang) if act == "drop" else ""
            print(
                f"  {Workbench.identifier_action_note(col, item['reason'], act, lang)}"
                + (f" — {hint}" if hint else "")
            )
        for col, found in info.source.get("missing_markers", {}).items():
            print(f"  missing markers in {col}: {marker_text(found, info.n_rows)} (now missing)")
        for w in info.source.get("warnings", []):
            if w.get("severity") in ("error", "warning"):
                print(f"  {w['severity']}: {w['message']}")
            elif w.get("code") == "dataset.marker_kept_as_text":
                print(f"  note: {Finding(**w).render(language(args))}")
    for name, found in checked.items():
        values: dict[str, object] = {"dataset": name, "vault": str(args.vault)}
        values |= {s: sum(1 for f in found if f.severity == s) for s in SEVERITIES}
        print("  " + render("cli.checks_summary", values, lang))
    return 0


def marker_text(found: dict[str, int], n_rows: int) -> str:
    """``NA ×712 (71.2%), . ×3 (0.3%)``: the markers of one column, most frequent first."""
    items = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{m} ×{n} ({100 * n / max(n_rows, 1):.1f}%)" for m, n in items)


def cmd_list(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        infos = wb.datasets()
    if args.json:
        emit_json([i.to_dict() for i in infos])
        return 0
    rows = [
        {
            "name": i.name,
            "unit": i.unit,
            "rows": i.n_rows,
            "columns": i.n_cols,
            "key": i.key or "",
            "parent": i.parent or "",
            "imported": i.imported_at,
            "file": i.source.get("file", ""),
        }
        for i in infos
    ]
    print_table(rows, ["name", "unit", "rows", "columns", "key", "parent", "imported", "file"])
    return 0


def _dictionary(ds: Any) -> list[dict[str, Any]]:
    rows = []
    for name, v in ds.variables.items():
        s = ds.frame[name]
        rate = float(v.is_missing(s).mean()) if len(s) else 0.0
        rows.append(
            {
                "name": name,
                "type": v.kind,
                "label": v.label,
                "measure": v.measure,
                "value_labels": len(v.value_labels),
                "missing_codes": [*v.missing_codes, *(f"{a}–{b}" for a, b in v.missing_ranges)],
                "missing_rate": round(rate, 4),
                "missing_markers": dict(ds.missing_markers.get(name, {})),
                "identifier": v.identifier or "",
                "identifier_action": v.identifier_action or "",
                "question_type": v.question_type or "",
            }
        )
    return rows


def cmd_show(args: argparse.Namespace) -> int:
    from workbench.service import Workbench

    with vault_session(args) as wb:
        ds = wb.load_dataset(args.name)
    rows = _dictionary(ds)
    if args.json:
        emit_json(
            {
                "name": ds.name,
                "unit": ds.unit,
                "rows": ds.n_rows,
                "key": ds.key,
                "parent": ds.parent,
                "parent_key": ds.parent_key,
                "languages": ds.languages,
                "source": ds.source,
                "missing_markers": ds.missing_markers,
                "variables": rows,
            }
        )
        return 0
    print(f"{ds.name}: {ds.n_rows} rows × {ds.n_cols} columns ({ds.unit})")
    for r in rows:
        r["missing_codes"] = " ".join(_num(c) for c in r["missing_codes"])
        r["missing_rate"] = f"{100 * r['missing_rate']:.1f}%"
        r["markers"] = " ".join(f"{m}×{n}" for m, n in sorted(r["missing_markers"].items()))
        r["label"] = r["label"][:40]
        why = Workbench.identifier_reason(r["identifier"], language(args))
        r["identifier"] = f"{why} ({r['identifier_action']})" if r["identifier"] else ""
    cols = [
        "name",
        "type",
        "label",
        "measure",
        "value_labels",
        "missing_codes",
        "missing_rate",
        "markers",
        "identifier",
    ]
    print_table(rows, cols)
    return 0


def _num(v: Any) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def cmd_delete(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        wb.delete_dataset(args.name)
    print(f"deleted {args.name}")
    return 0


def cmd_check_link(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        findings = wb.check_link(args.household, args.individual)
    if args.json:
        emit_json([f.to_dict() for f in findings])
    else:
        for f in findings:
            print(f.text(language(args)))
    n_err = sum(1 for f in findings if f.severity == "error")
    if n_err:
        raise CommandFailed.of(
            "cli.link_problems", household=args.household, individual=args.individual, count=n_err
        )
    return 0
