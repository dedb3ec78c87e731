"""``workbench share export|risk|list|keys``: anonymised microdata for a named partner, with
measured disclosure risk and a sharing record (docs/sharing.md).

``share risk`` measures without writing anything; ``share export`` writes the extract (SAV, DTA,
CSV or XLSX by suffix) and a disclosure-risk report per language beside it, refused without a
recipient and a purpose; ``share list`` shows what was shared with whom."""

from __future__ import annotations

import argparse
from typing import Any

from workbench.cli.common import (
    ProgressBar,
    add_json_arg,
    add_vault_arg,
    emit_json,
    language,
    print_table,
    vault_session,
)
from workbench.share.spec import (
    K_CHOICES,
    Recipient,
    ShareSpec,
    names,
    parse_bands,
    parse_cap,
    parse_merge,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "share",
        help="anonymised microdata for a partner: measure risk, export with a sharing record",
        description="Share de-identified microdata: direct identifiers are always removed, the "
        "quasi-identifiers are recoded and locally suppressed until every record shares its "
        "combination with at least k-1 others, the written file is read back and its risk "
        "measured, and the sharing (recipient, purpose, agreement, file SHA-256) is recorded "
        "in the vault and its audit log.",
    )
    steps = p.add_subparsers(dest="share_step", metavar="{export,risk,list,keys}", required=True)
    e = steps.add_parser("export", help="write the extract, its risk reports and the record")
    _spec_args(e)
    e.add_argument("--recipient", required=True, metavar="ORG", help="recipient organisation")
    e.add_argument("--purpose", required=True, metavar="TEXT", help="purpose of the sharing")
    e.add_argument("--agreement", default="", metavar="REF", help="data-sharing agreement ref.")
    e.add_argument("--approved-by", default="", metavar="NAME", help="who approved the sharing")
    e.add_argument("--expires", default="", metavar="DATE", help="expiry date (YYYY-MM-DD)")
    e.add_argument(
        "--report-lang",
        default=None,
        metavar="LANGS",
        help="languages of the risk report, e.g. en,fr,ar (default: the CLI's)",
    )
    e.add_argument("--out", required=True, metavar="FILE", help="FILE.sav|.dta|.csv|.xlsx")
    add_json_arg(e)
    e.set_defaults(func=cmd_export)
    r = steps.add_parser("risk", help="measure the risk before and after, writing nothing")
    _spec_args(r)
    r.add_argument(
        "--indicators",
        action="store_true",
        help="also recompute the plan's indicators on the extract (JSON: the table)",
    )
    add_json_arg(r)
    r.set_defaults(func=cmd_risk)
    ls = steps.add_parser("list", help="what was shared with whom")
    add_vault_arg(ls)
    ls.add_argument("--recipient", default=None, metavar="ORG", help="only this recipient")
    add_json_arg(ls)
    ls.set_defaults(func=cmd_list)
    k = steps.add_parser("keys", help="suggested quasi-identifiers of a dataset")
    add_vault_arg(k)
    k.add_argument("--dataset", required=True, metavar="NAME")
    add_json_arg(k)
    k.set_defaults(func=cmd_keys)


def _spec_args(p: argparse.ArgumentParser) -> None:
    add_vault_arg(p)
    p.add_argument("--dataset", required=True, metavar="NAME", help="the dataset to share")
    p.add_argument("--keys", required=True, metavar="COL,COL", help="quasi-identifiers")
    p.add_argument("--k", type=int, default=3, choices=K_CHOICES, help="k-anonymity (3)")
    p.add_argument(
        "--importance",
        metavar="COL,COL",
        help="keys from most to least important (suppressed last to first)",
    )
    p.add_argument("--sensitive", metavar="COL,COL", help="sensitive variables (l-diversity)")
    p.add_argument("--weight", metavar="COL", help="sampling weight (for Fk and the risk)")
    p.add_argument("--household", metavar="COL", help="household id (household risk)")
    p.add_argument("--include", metavar="COL,COL", help="write only these (and the keys)")
    p.add_argument("--drop", metavar="COL,COL", help="variables left out of the extract")
    p.add_argument(
        "--bands",
        action="append",
        default=[],
        metavar="COL=B1,B2,…",
        help="global recoding into bands with these lower bounds (repeatable)",
    )
    p.add_argument("--top", action="append", default=[], metavar="COL=VALUE", help="top coding")
    p.add_argument(
        "--bottom", action="append", default=[], metavar="COL=VALUE", help="bottom coding"
    )
    p.add_argument(
        "--merge",
        action="append",
        default=[],
        metavar="COL=A+B:NEW[:LABEL]",
        help="merge categories (repeatable)",
    )
    p.add_argument("--pram", metavar="COL,COL", help="PRAM these categorical variables")
    p.add_argument("--pram-keep", type=float, default=0.8, help="PRAM retention probability")
    p.add_argument("--noise", metavar="COL,COL", help="add noise to these continuous variables")
    p.add_argument("--noise-level", type=float, default=0.1, help="noise sd as a share of sd")
    p.add_argument("--seed", type=int, default=20260, help="seed of PRAM, noise and pseudonyms")
    p.add_argument("--plan", metavar="NAME", help="plan whose indicators are recomputed")
    p.add_argument(
        "--suda",
        action="store_true",
        help="also compute SUDA and DIS-SUDA scores (sdcMicro's suda2) before and after",
    )
    p.add_argument(
        "--dis-fraction",
        type=float,
        default=0.01,
        metavar="F",
        help="sampling fraction of the DIS-SUDA score (sdcMicro's DisFraction, 0.01)",
    )
    p.add_argument(
        "--suda-max-size",
        type=int,
        default=None,
        metavar="N",
        help="largest minimal sample unique searched (default: all keys)",
    )


def spec_from(args: argparse.Namespace) -> ShareSpec:
    recodes = [
        *map(parse_bands, args.bands),
        *(parse_cap(t, True) for t in args.top),
        *(parse_cap(t, False) for t in args.bottom),
        *map(parse_merge, args.merge),
    ]
    return ShareSpec(
        dataset=args.dataset, keys=names(args.keys), k=args.k,
        importance=names(args.importance), sensitive=names(args.sensitive),
        weight=args.weight, household=args.household,
        include=names(args.include) or None, drop=names(args.drop), recodes=tuple(recodes),
        pram=names(args.pram), pram_keep=args.pram_keep, noise=names(args.noise),
        noise_level=args.noise_level, seed=args.seed, plan=args.plan, suda=args.suda,
        dis_fraction=args.dis_fraction, suda_max_size=args.suda_max_size,
    )  # fmt: skip


def _show_risk(before: Any, after: Any, lang: str, preview: bool = False) -> None:
    from workbench.share.report import risk_rows, text

    rows = risk_rows(before, after, lang)
    cols = [text("measure", lang), text("before", lang),
            text("after_preview" if preview else "after", lang)]  # fmt: skip
    print_table([dict(zip(cols, r, strict=True)) for r in rows], cols)
    if before.suda is not None and after.suda is not None:
        from workbench.share.report import dis_table_rows

        cols[0] = text("dis_interval", lang)
        print()
        print_table([dict(zip(cols, r, strict=True))
                     for r in dis_table_rows(before.suda, after.suda, lang)], cols)  # fmt: skip


def _show_counts(counts: dict[str, dict[str, int]], lang: str) -> None:
    from workbench.share.report import fmt_number, text

    if not counts:
        return
    cols = [text("variable", lang), text("suppressed", lang), text("recoded", lang)]
    print()
    print_table([{cols[0]: n, cols[1]: fmt_number(c["suppressed"], lang, 0),
                  cols[2]: fmt_number(c["recoded"], lang, 0)} for n, c in counts.items()],
                cols)  # fmt: skip


def cmd_risk(args: argparse.Namespace) -> int:
    spec = spec_from(args)
    bar = ProgressBar("risk")
    with vault_session(args) as wb:
        preview = wb.share_risk(spec, progress=bar, indicators=args.indicators)
    bar.close()
    if args.json:
        emit_json({"before": preview.before.to_dict(), "after": preview.after.to_dict(),
                   "counts": preview.counts, "methods": preview.methods,
                   "identifiers_removed": preview.identifiers,
                   "indicators": preview.utility_rows(language(args)),
                   "indicators_note": None if preview.utility_problem is None
                   else preview.utility_problem.render(language(args))})  # fmt: skip
        return 0
    lang = language(args)
    _show_risk(preview.before, preview.after, lang, preview=True)
    _show_counts(preview.counts, lang)
    problem = preview.utility_problem
    _show_indicators(preview.utility, preview.utility_labels,
                     "" if problem is None else problem.render(lang), lang)  # fmt: skip
    return 0


def _show_indicators(table: Any, labels: Any, note: str, lang: str) -> None:
    """The plan's overall estimates on the original data and on the extract, labelled."""
    from workbench.share.report import fmt_number, overall_rows, text

    if table is None:
        if note:
            print()
            print(note)
        return
    cols = [text(c, lang) for c in ("indicator", "group", "original", "extract", "difference",
                                    "overlap")]  # fmt: skip
    rows = [dict(zip(cols, [r.indicator_label, r.group_label,
                            *(fmt_number(v, lang, d) for v, d in (
                                (r.estimate_original, 3), (r.estimate_extract, 3),
                                (r.difference, 3), (r.ci_overlap, 2)))], strict=True))
            for r in overall_rows(table, labels, lang).itertuples()]  # fmt: skip
    print()
    print_table(rows, cols)


def cmd_export(args: argparse.Namespace) -> int:
    from workbench.messages import render

    lang = language(args)
    langs = names(args.report_lang) or (lang,)
    recipient = Recipient(args.recipient, args.purpose, args.agreement, args.approved_by,
                          args.expires, langs).checked()  # fmt: skip
    spec = spec_from(args)
    bar = ProgressBar("share")
    with vault_session(args) as wb:
        shared = wb.share_export(spec, recipient, args.out, progress=bar)
    bar.close()
    if args.json:
        emit_json({**shared.record, "paths": [str(p) for p in shared.paths]})
        return 0
    print(
        render(
            "share.cli.exported",
            {"ref": shared.ref, "sha256": shared.sha256, "recipient": recipient.organisation},
            lang,
        )
    )
    for path in shared.paths:
        print(f"  {path}")
    print()
    _show_risk(shared.before, shared.after, lang)
    _show_counts(shared.counts, lang)
    _show_indicators(shared.utility, shared.utility_labels, "", lang)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        records = wb.sharing_records(args.recipient)
    rows = [r.to_dict() for r in records]
    if args.json:
        emit_json(rows)
        return 0
    if not rows:
        from workbench.messages import render

        print(render("share.cli.none", {}, language(args)))
        return 0
    print_table(rows, ["ref", "created_at", "recipient", "purpose", "agreement", "expires",
                       "dataset", "records", "k", "file", "sha256"])  # fmt: skip
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    with vault_session(args) as wb:
        keys = wb.suggest_share_keys(args.dataset)
    if args.json:
        emit_json(keys)
    else:
        print(",".join(keys))
    return 0
