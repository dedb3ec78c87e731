"""``workbench plan suggest|check|show|versions|list|export|import|calibration|design``:
analysis plans in the vault.

Plans are versioned by the vault: every save keeps the earlier versions.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbench.cli import plan_calibration, plan_design
from workbench.cli.common import (
    CommandFailed,
    add_json_arg,
    add_vault_arg,
    emit_json,
    language,
    open_service,
    print_table,
    saved_line,
)
from workbench.findings import Finding, errors
from workbench.languages import join_list
from workbench.messages import confidence_text, render


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "plan",
        help="suggest, check, show, version, export and import analysis plans",
        description="Analysis plans are TOML files; every key of the file, with worked "
        "examples, is documented in docs/plans.md.",
    )
    psub = p.add_subparsers(dest="plan_command", metavar="ACTION", required=True)

    s = psub.add_parser(
        "suggest", help="suggest a plan for datasets (each input with a confidence)"
    )
    add_vault_arg(s)
    s.add_argument(
        "--dataset", action="append", required=True, metavar="D", help="dataset (repeat)"
    )
    s.add_argument("--name", required=True, help="plan name")
    s.add_argument(
        "--accept",
        action="append",
        default=[],
        metavar="INPUT=COLUMN",
        help="map INPUT to COLUMN whatever its confidence (e.g. a candidate listed for review; "
        "repeat)",
    )
    s.add_argument(
        "--template",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="a plan or template file whose mappings are matched first (repeat)",
    )
    s.add_argument(
        "--no-confirmed",
        action="store_true",
        help="do not match the mappings of the plans saved in the vault first",
    )
    s.add_argument("--save", action="store_true", help="save the suggestion as a plan version")
    s.add_argument("--out", type=Path, metavar="FILE", help="also write the plan TOML to FILE")
    add_json_arg(s)
    s.set_defaults(func=cmd_suggest)

    c = psub.add_parser("check", help="check a plan against its datasets (exit 1 on errors)")
    add_vault_arg(c)
    src = c.add_mutually_exclusive_group(required=True)
    src.add_argument("--plan", metavar="NAME", help="a plan saved in the vault")
    src.add_argument("--file", type=Path, metavar="FILE", help="a plan TOML file")
    c.add_argument("--version", type=int, metavar="K", help="plan version (default: latest)")
    add_json_arg(c)
    c.set_defaults(func=cmd_check)

    sh = psub.add_parser("show", help="print a plan (TOML, or JSON with --json)")
    add_vault_arg(sh)
    sh.add_argument("--plan", required=True, metavar="NAME")
    sh.add_argument("--version", type=int, metavar="K", help="plan version (default: latest)")
    add_json_arg(sh)
    sh.set_defaults(func=cmd_show)

    v = psub.add_parser("versions", help="the saved versions of a plan")
    add_vault_arg(v)
    v.add_argument("--plan", required=True, metavar="NAME")
    add_json_arg(v)
    v.set_defaults(func=cmd_versions)

    ls = psub.add_parser("list", help="plans in the vault (latest version of each)")
    add_vault_arg(ls)
    add_json_arg(ls)
    ls.set_defaults(func=cmd_list)

    e = psub.add_parser("export", help="write a plan (or a dataset-free template) to a file")
    add_vault_arg(e)
    e.add_argument("--plan", required=True, metavar="NAME")
    e.add_argument("--out", required=True, type=Path, metavar="FILE")
    e.add_argument(
        "--template", action="store_true", help="without dataset names, with question labels"
    )
    e.set_defaults(func=cmd_export)

    i = psub.add_parser(
        "import", help="import a plan or template file, re-matched to the vault's datasets"
    )
    add_vault_arg(i)
    i.add_argument("--file", required=True, type=Path, metavar="FILE")
    i.add_argument("--note", default="imported", help="note kept with the saved version")
    add_json_arg(i)
    i.set_defaults(func=cmd_import)
    plan_design.register(psub)

    plan_calibration.register(psub)
    from workbench.cli import plan_report

    plan_report.register(psub)


def _print_findings(findings: list[Finding], lang: str) -> None:
    for f in findings:
        print(f.text(lang))


def _accepted(values: list[str]) -> dict[str, str]:
    out = {}
    for v in values:
        name, sep, column = v.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise CommandFailed.of("cli.accept_syntax", value=v)
        out[name.strip()] = column.strip()
    return out


#: a match's status in ``--json`` (a stable word for scripts; the table says it in the
#: user's language: ``plan.suggest_status_*``)
STATUS = {"accepted": "ok", "review": "review", "none": "-"}
ORDER = tuple(STATUS)
#: the columns of the suggestion table (headers: ``plan.suggest_head_*``)
TABLE = ("input", "column", "confidence", "status", "reason")


def cmd_suggest(args: argparse.Namespace) -> int:
    wb = open_service(args)
    templates = [(Path(f).name, wb.read_plan_text(f)) for f in args.template]
    result = wb.suggest(
        args.dataset,
        name=args.name,
        accept=_accepted(args.accept),
        templates=templates,
        confirmed=not args.no_confirmed,
    )
    # ok, then to review, then the rest (a value-only match to review has no confidence to
    # rank it by among the worded ones)
    ordered = sorted(result.matches, key=lambda m: (ORDER.index(m.status), -m.confidence))
    lang = language(args)
    rows = [
        {
            "input": m.input,
            "column": m.column or "",
            "confidence": _confidence_text(m, lang),
            "status": STATUS[m.status],
            "reason": _reason(m, lang),
        }
        for m in ordered
    ]
    saved, checks = None, []
    if args.save:
        saved, checks = wb.save_plan_checked(result.plan, note="suggested")
    if args.out:
        wb.write_plan_file(result.plan, args.out)
    if args.json:
        for row, m in zip(rows, ordered, strict=True):
            # a column offered on its values alone has no calibrated confidence: null, and
            # "values_only" says why
            row["confidence"] = None if m.values_only else f"{m.confidence:.2f}"
            row["values_only"] = m.values_only
            row["held"] = _held(m, lang)
            row["candidates"] = [
                {"column": o.column, "unit": o.unit,
                 "confidence": None if o.values_only else o.confidence,
                 "values_only": o.values_only, "reason": _reason(o, lang), "codes": _codes(o),
                 "held": _held(o, lang)}
                for o in m.candidates
            ]  # fmt: skip
        emit_json(
            {
                "plan": result.plan.to_dict(),
                "matches": rows,
                "version": saved.version if saved else None,
                "draft_errors": saved.draft_errors if saved else None,
            }
        )
        return 0
    _print_suggestions(rows, ordered, lang)
    to_review = [m for m in ordered if m.status == "review" and m.candidates]
    if to_review:
        print("\n" + render("plan.suggest_candidates_heading", language=lang))
        for m in to_review:
            offers = join_list(
                (f"{o.column} ({_offer_text(o, lang)}{_codes_text(o, lang)})"
                 for o in m.candidates),
                lang,
            )  # fmt: skip
            print(f"  {render('plan.suggest_candidates_input', {'input': m.input}, lang)} {offers}")
    accepted = sum(1 for m in result.matches if m.status == "accepted")
    n_review = sum(1 for m in result.matches if m.status == "review")
    counts = {"mapped": accepted, "review": n_review, "indicators": len(result.plan.indicators)}
    print("\n" + render("plan.suggest_summary", counts, lang))
    if saved is not None and saved.is_draft:
        _print_findings(errors(checks), lang)
    if saved is not None:
        print(saved_line(saved, lang))
    if args.out:
        print(render("cli.wrote", {"file": args.out}, lang))
    return 0


def _print_suggestions(rows: list[dict[str, Any]], matches: list[Any], lang: str) -> None:
    """The suggestion table in the user's language: headers, status words and the decimal
    separator of the confidence (``--json`` keeps the stable words and numbers)."""
    heads = {c: render(f"plan.suggest_head_{c}", language=lang) for c in TABLE}
    shown = [
        {heads[c]: row[c] for c in TABLE}
        | {heads["status"]: render(f"plan.suggest_status_{m.status}", language=lang)}
        for row, m in zip(rows, matches, strict=True)
    ]
    print_table(shown, [heads[c] for c in TABLE])


def _confidence_text(m: Any, lang: str) -> str:
    """A match's calibrated confidence (0,62 in a language with a decimal comma); "values
    only" for a column offered on its values alone (no survey in the fit tells how far such a
    column can be trusted: no percentage)."""
    if m.values_only:
        return render("plan.suggest_values_only_short", language=lang)
    return _number(m.confidence, lang)


def _number(value: float, lang: str) -> str:
    """A confidence with two decimals and the language's separator ("< 0,01" rather than
    "0,00": no column is shown as certainly wrong; Arabic says it in words)."""
    return confidence_text(value, lang, decimals=True)


def _reason(m: Any, lang: str) -> str:
    """Why a match or candidate was offered; said in words for one offered on its values;
    with why it is held for review when a rule holds it (``suggest_held``)."""
    if m.values_only:
        return render("plan.suggest_values_only", {"cue": m.cue}, lang)
    held = _held(m, lang)
    why = m.reason.render(lang)
    return join_list((why, held), lang, clauses=True) if held else why


def _held(m: Any, lang: str) -> str | None:
    """Why a match or candidate is not accepted without review, in the user's language."""
    return m.held.render(lang) if m.held is not None else None


def _offer_text(o: Any, lang: str) -> str:
    if o.values_only:
        return _reason(o, lang)
    held = _held(o, lang)
    conf = _number(o.confidence, lang)
    return join_list((conf, held), lang, clauses=True) if held else conf


def _codes(offer: Any) -> list[Any]:
    m = offer.mapping
    return list(m.true_codes) if m is not None else []


def _codes_text(offer: Any, lang: str) -> str:
    codes = "/".join(str(c) for c in _codes(offer))
    said = render("plan.suggest_codes", {"codes": codes}, lang)
    return join_list(("", said), lang, clauses=True) if codes else ""


def _load(wb: Any, args: argparse.Namespace) -> Any:
    if getattr(args, "file", None):
        return wb.read_plan_file(args.file)
    return wb.load_plan(args.plan, args.version)


def cmd_check(args: argparse.Namespace) -> int:
    wb = open_service(args)
    plan = _load(wb, args)
    findings = wb.check_plan(plan)
    if args.json:
        emit_json([f.to_dict() for f in findings])
    else:
        _print_findings(findings, language(args))
        n_err, n_warn = len(errors(findings)), sum(1 for f in findings if f.severity == "warning")
        tally = {"errors": n_err, "warnings": n_warn}
        print(render("cli.plan_check_tally", tally, language(args)))
    return 1 if errors(findings) else 0


def cmd_show(args: argparse.Namespace) -> int:
    wb = open_service(args)
    plan = wb.load_plan(args.plan, args.version)
    if args.json:
        emit_json(plan.to_dict())
    else:
        print(plan.to_toml(), end="")
    return 0


def _record_row(r: Any) -> dict[str, Any]:
    return {
        "name": r.name,
        "version": r.version,
        "status": f"draft ({r.draft_errors} errors)" if r.is_draft else "ready",
        "draft_errors": r.draft_errors,
        "saved_at": r.saved_at,
        "note": r.note,
        "sha256": r.sha256[:12],
    }


#: the columns of ``plan versions`` and ``plan list`` (headers: ``plan.list_head_*``)
VERSIONS = ("version", "status", "saved_at", "note", "sha256")
LIST = ("name", "version", "status", "saved_at", "note")


def _print_records(rows: list[dict[str, Any]], columns: tuple[str, ...], lang: str) -> None:
    """Plan versions as a table in the user's language: headers and the status ("brouillon
    (1 erreur(s))"); ``--json`` keeps the stable words."""
    heads = {c: render(f"plan.list_head_{c}", language=lang) for c in columns}
    shown = []
    for r in rows:
        ready = r["status"] == "ready"
        status = render("plan.list_status_" + ("ready" if ready else "draft"),
                        {"errors": r["draft_errors"]}, lang)  # fmt: skip
        row = {heads[c]: r[c] for c in columns} | {heads["status"]: status}
        shown.append(row)
    print_table(shown, [heads[c] for c in columns])


def cmd_versions(args: argparse.Namespace) -> int:
    wb = open_service(args)
    rows = [_record_row(r) for r in wb.plan_versions(args.plan)]
    if not rows:
        raise CommandFailed.of("cli.plan_unknown", plan=args.plan)
    if args.json:
        emit_json(rows)
    else:
        _print_records(rows, VERSIONS, language(args))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    wb = open_service(args)
    rows = [_record_row(r) for r in wb.plans()]
    if args.json:
        emit_json(rows)
    elif not rows:
        print(render("plan.list_none", language=language(args)))
    else:
        _print_records(rows, LIST, language(args))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    wb = open_service(args)
    wb.export_plan_file(args.plan, args.out, template=args.template)
    print(render("cli.wrote", {"file": args.out}, language(args)))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    wb = open_service(args)
    if not Path(args.file).is_file():
        raise CommandFailed.of("cli.no_such_file", file=args.file)
    rec, findings = wb.import_plan_file(args.file, note=args.note)
    lost = [f for f in findings if f.severity == "warning"]
    if args.json:
        emit_json({"name": rec.name, "version": rec.version, "draft_errors": rec.draft_errors,
                   "findings": [f.to_dict() for f in findings]})  # fmt: skip
        return 1 if rec.is_draft else 0
    lang = language(args)
    _print_findings(findings, lang)
    if rec.is_draft:
        print(saved_line(rec, lang))
        return 1
    params = {"name": rec.name, "version": rec.version, "lost": len(lost)}
    print(render("cli.plan_imported", params, lang))
    return 0
