"""Finding the XLSForm that belongs to a data file: the spreadsheets in the same folder that are
XLSForms, scored by how many of the data's columns are questions (or select_multiple options) of
the form, and whether the form's id or file name matches the data file's name.

Only the same folder is looked at, and at most ``MAX_FILES`` spreadsheets in it, so a folder of
exports stays quick; a user can always pick a form elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.dataset_model import Dataset
from workbench.datasets.kobo import KOBO_META
from workbench.datasets.xlsform import XlsForm, option_columns, read_xlsform
from workbench.errors import ImportError_

FORM_SUFFIXES = (".xlsx", ".xlsm", ".xls")
MAX_FILES = 30
#: a form whose questions cover at least this share of the data's columns is chosen by default
GOOD_SHARE = 0.5
#: words in file names that say nothing about which survey a file is
_GENERIC = frozenset(
    ("xlsform", "form", "forms", "survey", "export", "exports", "kobo", "kobotoolbox", "data",
     "xls", "xlsx", "csv", "labels", "household", "households", "individual", "individuals",
     "roster", "hh", "ind", "main", "final", "clean", "v")
)  # fmt: skip


@dataclass(frozen=True)
class FormMatch:
    path: Path
    form: XlsForm
    #: data columns that are questions or select_multiple options of the form
    matched: int
    #: data columns looked at (Kobo metadata left out)
    columns: int
    #: the form's id or file name shares a word with the data file's name
    by_name: bool

    @property
    def share(self) -> float:
        return self.matched / self.columns if self.columns else 0.0

    @property
    def good(self) -> bool:
        return self.share >= GOOD_SHARE or (self.by_name and self.share > 0)


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^0-9a-zà-ÿ]+", text.lower()) if w and not w.isdigit()} - _GENERIC


def matched_columns(form: XlsForm, columns: Sequence[str]) -> tuple[int, int]:
    """(columns that are questions or options of ``form``, columns looked at)."""
    known = set(form.questions) | set(option_columns(form))
    labels = {t.strip().lower() for q in form.questions.values() for t in q.labels.values()}
    data = [c for c in columns if not c.startswith("_") and c not in KOBO_META]
    hits = sum(1 for c in data if c in known or c.strip().lower() in labels)
    return hits, len(data)


def carries_labels(ds: Dataset) -> bool:
    """Whether a file brought its own variable or value labels (SPSS, Stata, DART): then a form
    is offered but not chosen by default, as its labels would replace the file's."""
    return any(v.label or v.value_labels for v in ds.variables.values())


def find_forms(data_path: Path, columns: Sequence[str]) -> list[FormMatch]:
    """The XLSForms beside ``data_path`` that fit its ``columns``, best first."""
    folder = Path(data_path).parent
    try:
        files = sorted(
            p
            for p in folder.iterdir()
            if p.suffix.lower() in FORM_SUFFIXES
            and p.is_file()
            and not p.name.startswith(("~$", "."))
            and p.resolve() != Path(data_path).resolve()
        )[:MAX_FILES]
    except OSError:
        return []
    words = _words(Path(data_path).stem)
    out = []
    for path in files:
        try:
            form = read_xlsform(path)
        except ImportError_:
            continue  # not an XLSForm (another export, a report …)
        hits, total = matched_columns(form, columns)
        named = bool(words & (_words(path.stem) | _words(form.form_id)))
        if hits or named:
            out.append(FormMatch(path, form, hits, total, named))
    return sorted(out, key=lambda m: (m.good, m.share, m.by_name), reverse=True)


def load_form(path: Path, columns: Sequence[str], data_path: Path | None = None) -> FormMatch:
    """A form the user picked (ImportError_ when it is not an XLSForm)."""
    form = read_xlsform(Path(path))
    hits, total = matched_columns(form, columns)
    words = _words(Path(data_path).stem) if data_path else set()
    return FormMatch(Path(path), form, hits, total, bool(words & _words(Path(path).stem)))
