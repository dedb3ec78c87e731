"""The mapping corpus: public household-survey questionnaires with hand labels (tests/plan/corpus/).

Each questionnaire is a folder holding
- ``corpus.toml``: id, source organisation, how its synthetic dataset is made and exported
  (``labelled``: an XLSForm goes with the data; ``format``: csv | dta; ``multiple_style``; the
  roster group; design columns and their roles);
- ``survey.csv``: one row per question: ``type``, ``name``, ``label::<Language>`` columns (none
  for a names-only form), ``group`` (the XLSForm group path, ``/``-joined) and, optionally,
  ``values`` (what a number holds when its name does not say it: age, year, rooms …);
- ``choices.csv``: ``list_name``, ``name`` and the same label columns;
- ``labels.csv``: the hand labels: ``column``, ``input_id`` (a library input, or
  ``member_household_id`` for the member file's household key), ``true_codes`` (``;``-separated,
  for coded answers: the codes that mean the condition) and ``note``. Several rows with one input
  list the columns that answer it equally well; an input with no row has no true column;
- ``PROVENANCE.md``: where the questionnaire comes from and what was trimmed.

``corpus/README.md`` describes the format and the entry points for the suggester's authors.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
#: pseudo input id: the member file's column holding the household key
MEMBER_KEY = "member_household_id"
#: design roles the generator shapes from the data's point of view (``[design]`` column = role)
DESIGN_ROLES = ("weight", "stratum", "psu", "household_key")


@dataclass(frozen=True)
class Question:
    name: str
    type: str  # select_one, select_multiple, integer, decimal, date, text, calculate, ...
    list_name: str | None
    labels: dict[str, str]  # label column header (``label::English``) → text
    group: str
    #: what a number holds when its name does not say it (``values`` column of survey.csv):
    #: age, year, money, rooms, meals, count, household_size (the member file's count)
    values: str = ""

    @property
    def is_select(self) -> bool:
        return self.type in ("select_one", "select_multiple")


@dataclass(frozen=True)
class Truth:
    input_id: str
    columns: tuple[str, ...]
    #: column → the codes (canonical text) that mean the condition; empty when not coded
    codes: dict[str, frozenset[str]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def coded(self) -> bool:
        return bool(self.codes)


@dataclass
class Questionnaire:
    id: str
    folder: Path
    meta: dict[str, Any]
    questions: list[Question]
    choices: dict[str, list[tuple[str, dict[str, str]]]]
    truth: dict[str, Truth]
    label_columns: list[str] = field(default_factory=list)

    @property
    def labelled(self) -> bool:
        return bool(self.meta.get("labelled", False))

    @property
    def blind(self) -> bool:
        """Added as an unseen test: kept out of the confidence's fit and of the development
        figures, scored on its own (``blind = true`` in corpus.toml)."""
        return bool(self.meta.get("blind", False))

    @property
    def roster_group(self) -> str | None:
        return self.meta.get("roster_group")

    def in_roster(self, q: Question) -> bool:
        group = self.roster_group
        return bool(group) and (q.group == group or q.group.startswith(f"{group}/"))

    @property
    def design(self) -> dict[str, str]:
        """household-file column → design role (weight, stratum, psu, household_key)."""
        return dict(self.meta.get("design", {}))


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def canon_code(value: Any) -> str:
    """A code as text, ``1`` for 1, 1.0 and "1"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    try:
        number = float(text)
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() else text


def load(folder: Path) -> Questionnaire:
    meta = tomllib.loads((folder / "corpus.toml").read_text(encoding="utf-8"))
    rows = _read_csv(folder / "survey.csv")
    label_cols = [c for c in (rows[0] if rows else {}) if c.startswith("label")]
    questions = []
    for row in rows:
        parts = row["type"].split()
        base = parts[0] if parts else ""
        list_name = parts[1] if len(parts) > 1 else None
        labels = {c: row[c] for c in label_cols if row.get(c)}
        questions.append(
            Question(
                row["name"], base, list_name, labels, row.get("group", ""), row.get("values", "")
            )
        )
    choices: dict[str, list[tuple[str, dict[str, str]]]] = {}
    choice_file = folder / "choices.csv"
    for row in _read_csv(choice_file) if choice_file.exists() else []:
        labels = {c: v for c, v in row.items() if c.startswith("label") and v}
        choices.setdefault(row["list_name"], []).append((row["name"], labels))
    truth: dict[str, Truth] = {}
    for row in _read_csv(folder / "labels.csv"):
        name, col = row["input_id"], row["column"]
        codes = frozenset(canon_code(c) for c in row["true_codes"].split(";") if c.strip())
        old = truth.get(name) or Truth(name, ())
        by_col = {**old.codes, col: codes} if codes else old.codes
        truth[name] = Truth(name, (*old.columns, col), by_col, (*old.notes, row["note"]))
    return Questionnaire(meta["id"], folder, meta, questions, choices, truth, label_cols)


def corpus(root: Path = CORPUS_DIR) -> list[Questionnaire]:
    return [load(p.parent) for p in sorted(root.glob("*/corpus.toml"))]


def development(root: Path = CORPUS_DIR) -> list[Questionnaire]:
    """The questionnaires the suggester was improved and fitted on (not blind)."""
    return [q for q in corpus(root) if not q.blind]


def integrity_problems(q: Questionnaire, input_ids: set[str], columns: set[str]) -> list[str]:
    """What is wrong with a questionnaire's labels: unknown input ids, labelled columns the
    export does not have, codes that are not in the question's choices, missing provenance."""
    out = []
    by_name = {x.name: x for x in q.questions}
    if not (q.folder / "PROVENANCE.md").exists():
        out.append(f"{q.id}: no PROVENANCE.md")
    for t in q.truth.values():
        if t.input_id not in input_ids and t.input_id != MEMBER_KEY:
            out.append(f"{q.id}: unknown input id {t.input_id}")
        for col in t.columns:
            if col not in columns:
                out.append(f"{q.id}: labelled column {col} is not in the export")
                continue
            question = by_name.get(col)
            if col not in t.codes or question is None or not question.list_name:
                continue
            known = {canon_code(c) for c, _ in q.choices.get(question.list_name, [])}
            for code in sorted(t.codes[col] - known):
                out.append(f"{q.id}: {t.input_id} code {code} is not a choice of {col}")
    return out
