"""Write the Freedonia bundle (all formats) or just the CSV files."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.progress import NULL_PROGRESS, CancelToken, Progress, check_cancel
from workbench.sample.generate import DEFAULT_HOUSEHOLDS, DEFAULT_SEED, FreedoniaSample, generate

FORMATS: tuple[str, ...] = (
    "csv", "sav", "dta", "xlsx", "xlsform", "truth", "readme", "rounds",
)  # fmt: skip
HOUSEHOLD_STEM = "freedonia_household"
INDIVIDUAL_STEM = "freedonia_individual"
KOBO_XLSX = "freedonia_kobo_export.xlsx"
XLSFORM = "freedonia_xlsform.xlsx"
TRUTH_JSON = "truth.json"
README = "README.md"
#: the follow-up round (workbench/sample/round2.py): its two CSV files and the truth of change
ROUND2_SUFFIX = "_r2"
TRUTH_ROUNDS_JSON = "truth_rounds.json"


def bundle_files(formats: Iterable[str] = FORMATS) -> list[str]:
    """File names the bundle writes for ``formats``, in writing order."""
    names: list[str] = []
    for f in formats:
        if f in ("csv", "sav", "dta"):
            names += [f"{HOUSEHOLD_STEM}.{f}", f"{INDIVIDUAL_STEM}.{f}"]
        elif f == "xlsx":
            names.append(KOBO_XLSX)
        elif f == "xlsform":
            names.append(XLSFORM)
        elif f == "truth":
            names.append(TRUTH_JSON)
        elif f == "readme":
            names.append(README)
        elif f == "rounds":
            names += [
                f"{HOUSEHOLD_STEM}{ROUND2_SUFFIX}.csv",
                f"{INDIVIDUAL_STEM}{ROUND2_SUFFIX}.csv",
            ]
            names.append(TRUTH_ROUNDS_JSON)
        else:
            raise WorkbenchError.of("sample.format_unknown", f=f, formats=", ".join(FORMATS))
    return names


def truth_json(sample: FreedoniaSample) -> str:
    return json.dumps(sample.truth, indent=2, ensure_ascii=False) + "\n"


def write_sample(
    sample: FreedoniaSample,
    out_dir: Path,
    formats: Iterable[str] = FORMATS,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
) -> list[Path]:
    from workbench.sample.kobo_export import write_kobo_xlsx
    from workbench.sample.readme import readme_text
    from workbench.sample.write_flat import write_csv, write_dta, write_sav
    from workbench.sample.xlsform import write_xlsform

    fmts = list(formats)
    bundle_files(fmts)  # validates the names
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkbenchError.of(
            "sample.folder_not_created", out_dir=out_dir, reason=exc.strerror
        ) from exc
    pairs = (
        (HOUSEHOLD_STEM, sample.household, sample.household_variables),
        (INDIVIDUAL_STEM, sample.individuals, sample.individual_variables),
    )
    written: list[Path] = []
    for i, f in enumerate(fmts):
        check_cancel(cancel)
        progress.update(i, len(fmts), f)
        if f in ("csv", "sav", "dta"):
            for stem, frame, variables in pairs:
                path = out_dir / f"{stem}.{f}"
                if f == "csv":
                    written.append(write_csv(frame, path))
                elif f == "sav":
                    written.append(write_sav(frame, variables, path))
                else:
                    written.append(write_dta(frame, variables, path))
        elif f == "xlsx":
            written.append(write_kobo_xlsx(sample, out_dir / KOBO_XLSX))
        elif f == "xlsform":
            written.append(write_xlsform(out_dir / XLSFORM))
        elif f == "truth":
            path = out_dir / TRUTH_JSON
            path.write_text(truth_json(sample), encoding="utf-8", newline="\n")
            written.append(path)
        elif f == "readme":
            path = out_dir / README
            path.write_text(readme_text(sample.meta, sample.truth), encoding="utf-8", newline="\n")
            written.append(path)
        elif f == "rounds":
            written += _write_follow_up(sample, out_dir)
    progress.update(len(fmts), len(fmts), "done")
    return written


def _write_follow_up(sample: FreedoniaSample, out_dir: Path) -> list[Path]:
    """The follow-up round of ``sample`` (same size and seed): two CSV files and the truth."""
    from workbench.sample.round2 import generate_rounds, rounds_truth
    from workbench.sample.write_flat import write_csv

    meta = sample.meta
    _, follow = generate_rounds(int(meta["households"]), int(meta["seed"]))
    written = [
        write_csv(follow.household, out_dir / f"{HOUSEHOLD_STEM}{ROUND2_SUFFIX}.csv"),
        write_csv(follow.individuals, out_dir / f"{INDIVIDUAL_STEM}{ROUND2_SUFFIX}.csv"),
    ]
    path = out_dir / TRUTH_ROUNDS_JSON
    text = json.dumps(rounds_truth(follow), indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")
    return [*written, path]


def write_bundle(
    out_dir: Path,
    households: int = DEFAULT_HOUSEHOLDS,
    seed: int = DEFAULT_SEED,
    formats: Iterable[str] = FORMATS,
    progress: Progress = NULL_PROGRESS,
    cancel: CancelToken | None = None,
) -> list[Path]:
    """Generate Freedonia and write it in ``formats`` to ``out_dir``; returns the files written."""
    sample = generate(households, seed, cancel=cancel)
    return write_sample(sample, Path(out_dir), formats, progress=progress, cancel=cancel)
