"""Identifier detection measured on the labelled corpus (tests/datasets/identifier_corpus.py):
recall per direct and quasi kind, false-positive rate per family of non-identifier columns and
overall, for the detector in workbench/ against the named baseline — the detector as it was on
main before issue 14 (frozen in benchmarks/identifiers_baseline.py) — in the same run.

    .venv/bin/python benchmarks/identifiers.py [--text]

The corpus is scored as a reader types it (numbers as numbers), all-text (an R export whose
"NA" keeps every column text) and on its first 50 rows (the import preview); ``--text`` prints
only the all-text run.
Targets: recall 100% for direct identifiers, false positives <= 2% of non-identifier columns.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "datasets"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from identifier_corpus import DIRECT, CorpusColumn, Score, corpus, score_frame  # noqa: E402
from identifiers_baseline import baseline  # noqa: E402

from workbench.datasets.identifiers import detect_identifiers  # noqa: E402

DETECTORS = {"baseline (main before #14)": baseline, "now": detect_identifiers}


def _pct(hit: int, total: int) -> str:
    return f"{100 * hit / total:5.1f}%" if total else "    –"


def report(cols: list[CorpusColumn], text: bool, rows: int | None = None) -> None:
    scores: dict[str, Score] = {}
    for name, detect in DETECTORS.items():
        t = time.perf_counter()
        scores[name] = score_frame(detect, cols, text, rows=rows)
        print(f"  {name}: {time.perf_counter() - t:.2f} s")
    base, now = scores.values()
    print(f"\n  {'truth':6} {'kind':16} {'cols':>5} {'baseline':>9} {'now':>7}   (recall)")
    for key in sorted(now.per_kind, key=lambda k: (k[0] != DIRECT, k[1])):
        hit_b, n = base.per_kind.get(key, (0, 0))
        hit_n, _ = now.per_kind[key]
        print(f"  {key[0]:6} {key[1]:16} {n:5} {_pct(hit_b, n):>9} {_pct(hit_n, n):>7}")
    print(
        f"\n  {'none':6} {'family':16} {'cols':>5} {'baseline':>9} {'now':>7}   (false positives)"
    )
    fam_b, fam_n = base.per_family, now.per_family
    for fam in sorted(fam_n):
        (fp_b, n), (fp_n, _) = fam_b[fam], fam_n[fam]
        print(f"  {'none':6} {fam:16} {n:5} {_pct(fp_b, n):>9} {_pct(fp_n, n):>7}")
    print()
    for name, s in scores.items():
        print(
            f"  {name:28} direct recall {100 * s.direct_recall:5.1f}%  quasi recall "
            f"{100 * s.quasi_recall:5.1f}%  false positives {len(s.false_positives)}/{s.n_none} "
            f"= {100 * s.fp_rate:.1f}%"
        )
    if now.missed_direct:
        print("  missed direct identifiers:", ", ".join(now.missed_direct))
    if now.false_positives:
        print("  false positives:", ", ".join(now.false_positives))
    ok = now.direct_recall == 1.0 and now.fp_rate <= 0.02
    print(f"  targets (direct recall 100%, false positives <= 2%): {'met' if ok else 'NOT met'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--text", action="store_true", help="only the all-text run")
    args = ap.parse_args()
    cols = corpus()
    counts = {t: sum(c.truth == t for c in cols) for t in ("direct", "quasi", "none")}
    sample = sum(c.source != "generated" for c in cols)
    print(
        f"identifier corpus: {len(cols)} columns ({sample} from the bundled sample), "
        f"{counts['direct']} direct, {counts['quasi']} quasi, {counts['none']} not identifiers"
    )
    for text in (True,) if args.text else (False, True):
        print(f"\n== {'all columns as text' if text else 'typed as a reader types them'}")
        report(cols, text)
    if not args.text:
        print("\n== the first 50 rows only (what the import preview and the wizard see), typed")
        report(cols, False, rows=50)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
