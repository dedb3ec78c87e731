"""``workbench library …``: validate, list and show the indicator library (no vault needed).

A text missing in the requested language is shown in English with a visible ``[en]`` marker.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from workbench.cli.common import add_json_arg, emit_json, language, print_table
from workbench.errors import LibraryError


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("library", help="the Durable Solutions indicator library")
    sub = p.add_subparsers(dest="library_command", metavar="SUBCOMMAND")

    v = sub.add_parser("validate", help="check the library files; exit 1 on errors")
    _add_path(v)
    v.add_argument("--all", action="store_true", help="also show info findings")
    add_json_arg(v)
    v.set_defaults(func=cmd_validate)

    ls = sub.add_parser("list", help="list indicators")
    _add_path(ls)
    ls.add_argument("--criterion", metavar="N", help="criterion 1-8 or module A/B")
    ls.add_argument("--iris", metavar="SUB", help="IRIS sub-criterion, e.g. 2.1")
    _add_lang(ls)
    add_json_arg(ls)
    ls.set_defaults(func=cmd_list)

    sh = sub.add_parser("show", help="show one indicator")
    _add_path(sh)
    sh.add_argument("id", metavar="ID", help="indicator id")
    _add_lang(sh)
    add_json_arg(sh)
    sh.set_defaults(func=cmd_show)

    inp = sub.add_parser("inputs", help="list the named inputs plans map columns onto")
    _add_path(inp)
    _add_lang(inp)
    add_json_arg(inp)
    inp.set_defaults(func=cmd_inputs)

    sc = sub.add_parser("schema", help="print the JSON schema of the library files")
    sc.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    sc.set_defaults(func=cmd_schema)

    p.set_defaults(func=lambda args: _usage(p))


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help()
    return 2


def _add_path(p: argparse.ArgumentParser) -> None:
    p.add_argument("--library", metavar="DIR", help="library folder (default: the bundled one)")


def _add_lang(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        default=argparse.SUPPRESS,  # keeps a global ``workbench --lang`` given before the command
        help="en, fr, es or ar (default: the settings' language)",
    )


def _load(args: argparse.Namespace) -> Any:
    from workbench.service import Workbench

    return Workbench.load_library(Path(args.library) if getattr(args, "library", None) else None)


def _check_lang(lib: Any, lang: str) -> None:
    if lang not in lib.languages:
        raise LibraryError.of(
            "library.unknown_language", lang=lang, languages=", ".join(lib.languages)
        )


def marked(text_and_flag: tuple[str, bool]) -> str:
    """The text, prefixed with ``[en]`` when it fell back to English."""
    text, fell_back = text_and_flag
    return f"[en] {text}" if fell_back else text


def cmd_validate(args: argparse.Namespace) -> int:
    from workbench.findings import errors
    from workbench.service import Workbench

    lib = _load(args)
    findings = Workbench.validate_library(lib)
    shown = findings if args.all else [f for f in findings if f.severity != "info"]
    n_err = len(errors(findings))
    if args.json:
        emit_json(
            {
                "version": lib.version,
                "indicators": len(lib.indicators),
                "inputs": len(lib.inputs),
                "errors": n_err,
                "findings": [f.to_dict() for f in shown],
            }
        )
    else:
        for f in shown:
            print(f.text(language(args)))
        n_info = sum(1 for f in findings if f.severity == "info")
        n_warn = sum(1 for f in findings if f.severity == "warning")
        hidden = "" if args.all or not n_info else " (--all shows the info findings)"
        print(
            f"Library {lib.version}: {len(lib.indicators)} indicators, {len(lib.inputs)} inputs; "
            f"{n_err} error(s), {n_warn} warning(s), {n_info} info{hidden}."
        )
    return 1 if n_err else 0


def _row(lib: Any, ind: Any, lang: str) -> dict[str, Any]:
    title, fell_back = lib.text(ind, "title", lang)
    return {
        "id": ind.id,
        "criterion": ind.criterion,
        "code": ind.code or "",
        "sdg": ind.sdg or "",
        "iris": f"{ind.iris} {ind.iris_role}" if ind.iris else "",
        "unit": ind.unit,
        "statistic": ind.statistic,
        "title": title,
        "title_fell_back": fell_back,
    }


def cmd_list(args: argparse.Namespace) -> int:
    lib = _load(args)
    _check_lang(lib, language(args))
    items = list(lib.indicators)
    if args.criterion:
        items = [i for i in items if i in lib.by_criterion(args.criterion)]
    if args.iris:
        items = [i for i in items if i in lib.by_iris(args.iris)]
    rows = [_row(lib, i, language(args)) for i in items]
    if args.json:
        emit_json(rows)
        return 0
    for r in rows:
        r["title"] = marked((r["title"], r["title_fell_back"]))
    print_table(rows, ["id", "criterion", "code", "sdg", "iris", "unit", "title"])
    return 0


def indicator_dict(lib: Any, ind: Any, lang: str) -> dict[str, Any]:
    """A JSON-ready view of one indicator in ``lang`` (with fall-back flags)."""
    out: dict[str, Any] = {"id": ind.id}
    for name in ("title", "definition", "notes"):
        text, fell_back = lib.text(ind, name, lang)
        out[name] = text
        out[f"{name}_fell_back"] = fell_back and bool(text)
    period = lib.reference_period(ind.reference_period) if ind.reference_period else None
    out.update(
        criterion=ind.criterion,
        criterion_name=lib.text(f"criterion:{ind.criterion}", "name", lang)[0],
        sub_theme=ind.sub_theme,
        code=ind.code,
        code_confirmed=ind.code_confirmed,
        sdg=ind.sdg,
        iris=ind.iris,
        iris_role=ind.iris_role,
        unit=ind.unit,
        statistic=ind.statistic,
        numerator=ind.numerator,
        universe=ind.universe,
        denominator=ind.denominator,
        inputs=sorted(ind.inputs),
        reference_period=ind.reference_period,
        reference_period_label=period.label(lang) if period else None,
        direction=ind.direction,
        disaggregations=list(ind.disaggregations),
        source=ind.source,
        source_note=ind.source_note,
        file=ind.file,
    )
    return out


def cmd_show(args: argparse.Namespace) -> int:
    lib = _load(args)
    _check_lang(lib, language(args))
    ind = lib.indicator(args.id)
    d = indicator_dict(lib, ind, language(args))
    if args.json:
        emit_json(d)
        return 0
    print(marked((d["title"], d["title_fell_back"])))
    print(f"  id:          {ind.id}")
    crit = "criterion" if ind.criterion.isdigit() else "module"
    print(f"  {crit + ':':<12} {ind.criterion} — {d['criterion_name']}")
    if ind.code:
        print(f"  code:        {ind.code}{'' if ind.code_confirmed else ' (unconfirmed)'}")
    if ind.sdg:
        print(f"  SDG:         {ind.sdg}")
    if ind.iris:
        print(f"  IRIS:        {ind.iris} ({ind.iris_role})")
    print(f"  definition:  {marked((d['definition'], d['definition_fell_back']))}")
    print(f"  unit:        {ind.unit}    statistic: {ind.statistic}    direction: {ind.direction}")
    print(f"  numerator:   {ind.numerator}")
    if ind.denominator:
        print(f"  denominator: {ind.denominator}")
    print(f"  universe:    {ind.universe or '(everyone)'}")
    print(f"  inputs:      {', '.join(d['inputs'])}")
    if d["reference_period_label"]:
        print(f"  period:      {d['reference_period_label']}")
    print(f"  disaggregate by: {', '.join(ind.disaggregations) or '(total only)'}")
    if d["notes"]:
        print(f"  notes:       {marked((d['notes'], d['notes_fell_back']))}")
    print(f"  source:      {ind.source} — {ind.source_note}")
    return 0


def cmd_inputs(args: argparse.Namespace) -> int:
    lib = _load(args)
    _check_lang(lib, language(args))
    rows = []
    for inp in lib.inputs.values():
        text, fell_back = inp.description.get(language(args))
        rows.append(
            {
                "name": inp.name,
                "section": "core" if inp.core else "inputs",
                "kind": inp.kind,
                "unit": inp.unit,
                "role": inp.role or "",
                "description": text,
                "description_fell_back": fell_back,
                "keywords": {k: list(v) for k, v in inp.keywords.items()},
                "hxl": list(inp.hxl),
                "values": list(inp.values),
            }
        )
    if args.json:
        emit_json(rows)
        return 0
    table = [
        {**r, "description": marked((r["description"], r["description_fell_back"]))[:70]}
        for r in rows
    ]
    print_table(table, ["name", "section", "kind", "unit", "description"])
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from workbench.service import Workbench

    text = json.dumps(Workbench.library_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0
