"""A synthetic dataset for each corpus questionnaire, written as its source would export it and
read back by the importer — so the suggester sees what it sees on a real import.

Values follow the question type: a select_one gets codes of its choice list, a select_multiple
its parent column (space-separated codes, as Kobo writes it) and one 0/1 column per option named
the way the form's export names them (``q/option``, ``q_option`` or ``q.option``); integers,
decimals, dates and text get plausible values for their name (an age, a count, an amount …).
Design columns take the shape their role gives them (``corpus.toml`` ``[design]``): strata few
values, PSUs nested in strata, weights constant within a PSU, a household key unique per
household row; the member file (``roster_group``) repeats that key in ``member_key`` and numbers
the members of each household in ``member_line``.

Deterministic: the same questionnaire gives the same files (a seed per questionnaire).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from mapping_corpus import Question, Questionnaire

from workbench.dataset_model import Dataset
from workbench.datasets.importing import ImportOptions, read_datasets

MONEY = ("price", "cost", "amount", "spend", "expend", "income", "cons", "rent", "salary", "wage")
SEPARATOR = {"slash": "/", "underscore": "_", "dot": "."}


def _is_numeric_list(codes: list[str]) -> bool:
    try:
        [float(c) for c in codes]
    except ValueError:
        return False
    return True


def _codes(q: Questionnaire, question: Question) -> list[str]:
    return [c for c, _ in q.choices.get(question.list_name or "", [])]


def _value_kind(question: Question) -> str:
    """What a number holds: the survey's ``values`` column, else guessed from its name."""
    if question.values:
        return question.values
    name = question.name.lower()
    if "age" in name.split("_") or (name.endswith("age") and "_" not in name):
        return "age"
    if "year" in name or name.endswith("_yr"):
        return "year"
    if any(m in name for m in MONEY):
        return "money"
    return "amount" if question.type == "decimal" else "count"


def _number(question: Question, n: int, rng: np.random.Generator) -> np.ndarray:
    kind = _value_kind(question)
    if kind == "age":
        return rng.integers(0, 90, n).astype(float)
    if kind == "year":
        return rng.integers(1995, 2019, n).astype(float)
    if kind == "money":
        return np.round(rng.lognormal(9.0, 1.0, n), 0 if question.type == "integer" else 2)
    if kind == "rooms":
        return rng.integers(1, 5, n).astype(float)
    if kind == "meals":
        return rng.integers(1, 4, n).astype(float)
    if kind == "amount":
        return np.round(rng.lognormal(1.5, 0.8, n), 2)
    return rng.poisson(2.5, n).astype(float)


def _column(q: Questionnaire, question: Question, n: int, rng: np.random.Generator) -> pd.Series:
    kind = question.type
    if kind == "select_one":
        codes = _codes(q, question)
        picked = rng.choice(codes, n) if codes else np.array(["1"] * n)
        if codes and _is_numeric_list(codes):
            return pd.Series(picked.astype(float))
        return pd.Series(picked, dtype=object)
    if kind.startswith("select_one_"):  # external list: settlement codes
        return pd.Series([f"{question.name}_{k}" for k in rng.integers(1, 40, n)], dtype=object)
    if kind == "binary":  # a 0/1 indicator without value labels
        return pd.Series((rng.random(n) < 0.4).astype(float))
    if kind in ("integer", "decimal", "calculate", "range"):
        return pd.Series(_number(question, n, rng))
    if kind in ("date", "today"):
        days = rng.integers(0, 3000, n)
        return pd.Series(
            (pd.Timestamp("2010-01-01") + pd.to_timedelta(days, "D")).strftime("%Y-%m-%d")
        )
    if kind in ("start", "end"):
        secs = rng.integers(0, 60 * 86400, n)
        stamps = pd.Timestamp("2018-06-01T08:00:00") + pd.to_timedelta(secs, "s")
        return pd.Series(stamps.strftime("%Y-%m-%dT%H:%M:%S.000+03:00"))
    if kind == "deviceid":
        return pd.Series([f"collect:{k:016X}" for k in rng.integers(0, 2**40, n)])
    words = ("none", "other", "market", "water", "school", "clinic", "road", "rain")
    return pd.Series([str(rng.choice(words)) for _ in range(n)], dtype=object)


def _multiple(
    q: Questionnaire, question: Question, n: int, rng: np.random.Generator
) -> dict[str, pd.Series]:
    codes = _codes(q, question)
    chosen = rng.random((n, len(codes))) < 0.3
    sep = SEPARATOR[q.meta.get("multiple_style", "slash")]
    out = {
        question.name: pd.Series(
            [" ".join(c for c, on in zip(codes, row, strict=True) if on) for row in chosen]
        )
    }
    for j, code in enumerate(codes):
        out[f"{question.name}{sep}{code}"] = pd.Series(chosen[:, j].astype(float))
    return out


def _design_household(q: Questionnaire, n: int, rng: np.random.Generator) -> dict[str, pd.Series]:
    """Strata, PSUs nested in strata, weights constant within a PSU, a unique household key."""
    n_strata = int(q.meta.get("strata", 6))
    stratum = np.sort(rng.integers(1, n_strata + 1, n))
    psu = stratum * 100 + rng.integers(1, 9, n)  # about 8 clusters per stratum
    psu_ids, psu_index = np.unique(psu, return_inverse=True)
    psu_weight = rng.lognormal(5.0, 0.5, len(psu_ids))
    out: dict[str, pd.Series] = {}
    for col, role in q.design.items():
        if role == "stratum":
            out[col] = pd.Series(stratum.astype(float))
        elif role == "psu":
            out[col] = pd.Series((psu_index + 1).astype(float))
        elif role == "weight":
            scale = float(q.meta.get("weight_scale", 1.0))
            weight = psu_weight[psu_index] * scale
            out[col] = pd.Series(np.round(weight, 0 if scale > 1 else 6))
        elif role == "household_key":
            out[col] = _keys(q, n, rng)
    return out


def _keys(q: Questionnaire, n: int, rng: np.random.Generator) -> pd.Series:
    style = q.meta.get("key_style", "uuid")
    if style == "dhs":  # DHS hhid: cluster and household number, right-aligned in 12 characters
        return pd.Series([f"{i // 15 + 1:>8}{i % 15 + 1:>4}" for i in range(n)], dtype=object)
    if style == "index":  # Kobo's _index: the row number
        return pd.Series(np.arange(1, n + 1), dtype=float)
    if style == "number":
        return pd.Series(np.arange(1, n + 1) * 10 + rng.integers(0, 9, n), dtype=float)
    hexes = rng.integers(0, 2**63, (n, 2))
    return pd.Series([f"{a:016x}-{b:016x}"[:36] for a, b in hexes], dtype=object)


def frames(q: Questionnaire) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """(household frame, member frame or None) for a questionnaire, deterministic."""
    rng = np.random.default_rng(int(q.meta.get("seed", 1)))
    n = int(q.meta.get("rows", 300))
    hh: dict[str, pd.Series] = {}
    members: dict[str, pd.Series] = {}
    design_roles = q.design
    sizes = rng.poisson(3.5, n) + 1
    m = int(sizes.sum())
    generated = {*design_roles, q.meta.get("member_key"), q.meta.get("member_line")}
    for question in q.questions:
        if question.name in generated:
            continue
        target, rows = (members, m) if q.in_roster(question) else (hh, n)
        if question.type == "select_multiple":
            target.update(_multiple(q, question, rows, rng))
        elif question.values == "household_size":  # the member file's count per household
            target[question.name] = pd.Series(sizes.astype(float))
        else:
            target[question.name] = _column(q, question, rows, rng)
    hh.update(_design_household(q, n, rng))
    for col in q.meta.get("export_columns", []):
        if col == "_index":
            hh[col] = pd.Series(np.arange(1, n + 1, dtype=float))
        elif col == "_submission_time":
            hh[col] = _column(q, Question(col, "end", None, {}, ""), n, rng)
        else:
            hh[col] = _keys(q, n, rng)
    order = [x.name for x in q.questions] + list(q.meta.get("export_columns", []))
    hh_frame = pd.DataFrame(hh)
    hh_frame = hh_frame[sorted(hh_frame.columns, key=lambda c: _position(c, order))]
    if not q.roster_group:
        return hh_frame, None
    household = np.repeat(np.arange(n), sizes)
    key_col = next(c for c, r in design_roles.items() if r == "household_key")
    members[q.meta["member_key"]] = hh_frame[key_col].iloc[household].reset_index(drop=True)
    if q.meta.get("member_line"):
        starts = np.repeat(np.cumsum(sizes) - sizes, sizes)
        members[q.meta["member_line"]] = pd.Series((np.arange(m) - starts + 1).astype(float))
    mem_frame = pd.DataFrame(members)
    mem_frame = mem_frame[sorted(mem_frame.columns, key=lambda c: _position(c, order))]
    return hh_frame, mem_frame


def _position(column: str, order: list[str]) -> int:
    base = column
    for sep in ("/", "_", "."):
        head = column.rsplit(sep, 1)[0]
        if head in order and column not in order:
            base = head
            break
    return order.index(base) if base in order else -1


def _write_xlsform(q: Questionnaire, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    survey = wb.active
    survey.title = "survey"
    survey.append(["type", "name", *q.label_columns])
    for question in q.questions:
        qtype = f"{question.type} {question.list_name}" if question.list_name else question.type
        survey.append(
            [qtype, question.name, *(question.labels.get(c, "") for c in q.label_columns)]
        )
    choices = wb.create_sheet("choices")
    choice_cols = sorted({c for opts in q.choices.values() for _, lb in opts for c in lb})
    choices.append(["list_name", "name", *choice_cols])
    for list_name, opts in q.choices.items():
        for code, labels in opts:
            choices.append([list_name, code, *(labels.get(c, "") for c in choice_cols)])
    wb.save(path)


def _stata_text(text: str, limit: int = 80) -> str:
    """A variable label as Stata stores it: at most 80 bytes of UTF-8."""
    data = text.encode("utf-8")[:limit]
    return data.decode("utf-8", errors="ignore")


def _write_dta(q: Questionnaire, frame: pd.DataFrame, path: Path) -> None:
    """A Stata file carrying the questionnaire's variable and value labels (the first language)."""
    import pyreadstat

    by_name = {x.name: x for x in q.questions}
    first = q.label_columns[0] if q.label_columns else None
    col_labels: list[str | None] = []
    value_labels: dict[str, dict[float, str]] = {}
    for col in frame.columns:
        question = by_name.get(col)
        text = question.labels.get(first, "") if question and first else ""
        col_labels.append(_stata_text(text))
        if question and question.list_name and first:
            opts = q.choices.get(question.list_name, [])
            if opts and _is_numeric_list([c for c, _ in opts]):
                value_labels[col] = {float(c): lb.get(first, c) for c, lb in opts}
    pyreadstat.write_dta(
        frame, str(path), column_labels=col_labels, variable_value_labels=value_labels
    )


def write_files(q: Questionnaire, folder: Path) -> list[tuple[Path, str]]:
    """The export files (path, unit) of a questionnaire, plus its XLSForm when labelled."""
    hh, members = frames(q)
    fmt = q.meta.get("format", "csv")
    files = [(hh, q.meta.get("household_file", f"{q.id}_household"), "household")]
    if members is not None:
        files.append((members, q.meta.get("member_file", f"{q.id}_members"), "individual"))
    out = []
    for frame, stem, unit in files:
        path = folder / f"{stem}.{fmt}"
        if fmt == "dta":
            _write_dta(q, frame, path)
        else:
            frame.to_csv(path, index=False)
        out.append((path, unit))
    if q.labelled and fmt == "csv":
        _write_xlsform(q, folder / f"{q.id}_form.xlsx")
    return out


def import_datasets(q: Questionnaire, folder: Path) -> dict[str, Dataset]:
    """The questionnaire's files as the importer reads them: the unit the user picks in the
    wizard, the XLSForm when the form has one, every column kept (no identifier dropped)."""
    folder.mkdir(parents=True, exist_ok=True)
    form = folder / f"{q.id}_form.xlsx"
    out: dict[str, Dataset] = {}
    for path, unit in write_files(q, folder):
        opts = ImportOptions(
            unit=unit,
            xlsform=form if form.exists() else None,
            default_identifier_action="keep",
        )
        for ds in read_datasets(path, opts):
            out[ds.name] = ds
    return out
