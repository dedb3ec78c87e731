"""The façade's operations that need no open vault: thin static entry points through which the
CLI and the app reach library loading, expression parsing, XLSForm matching, structure and key
checks, identifier texts and sample generation (tests/core/test_core_facade.py allows the faces
nothing else). ``Workbench`` inherits them; the logic stays in each module."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.findings import Finding
from workbench.progress import NULL_PROGRESS, Progress

if TYPE_CHECKING:
    from workbench.dataset_model import Dataset  # pandas: not at start (issue 21, speed)
    from workbench.datasets.structure import DatasetInfo as InfoLike  # what the checks read
    from workbench.library.expr import Expr
    from workbench.library.model import Library
    from workbench.reporting.solutions_cells import SolutionsCells
    from workbench.stats.results import AnalysisResults


class StandaloneOps:
    """Operations the faces call without a vault (mixed into ``Workbench``)."""

    @staticmethod
    def flag_notes(
        results: AnalysisResults, language: str, solutions: bool = False
    ) -> dict[str, str]:
        """The report's footnote of each mark a value can show — ``*`` (withheld: too few cases
        or too unreliable, with the run's disclosure rule), ``(*)`` (withheld as a complement),
        ``†`` (with the run's caution thresholds), ``–`` (no case), ``‡`` (a count without an
        interval) — in ``language``: the app's
        legend says what the report says (issue 20: the app's "*" read "too few respondents").
        ``solutions``: the solutions tables' own "–" note, the beginning of a bound's cell
        (``"< "``: a share published as a bound — why its number and interval are not) and
        the report's "Not applicable" (the host under homogeneous cells, with its reason) —
        the words :meth:`solutions_cells` prints.

        """
        from workbench.reporting.context import build_context
        from workbench.reporting.fmt import (
            CAUTION,
            NO_INTERVAL_MARK,
            NOT_APPLICABLE,
            SECONDARY,
            SUPPRESSED,
        )
        from workbench.reporting.i18n import Translator
        from workbench.reporting.options import ReportOptions
        from workbench.reporting.solutions_cells import not_applicable_note
        from workbench.reporting.table_notes import no_interval_note

        ctx = build_context(results, ReportOptions(language=language))
        tr = Translator(language)
        notes = {
            SUPPRESSED: tr("fn_suppressed", preset=ctx.preset_name),
            SECONDARY: tr("fn_complementary"),
            CAUTION: ctx.caution_note or tr("fn_caution"),
            NOT_APPLICABLE: tr("fn_empty_solutions" if solutions else "fn_empty"),
        }
        if solutions:
            # keyed by how a bound's cell starts ("< ", "أقل من "), as solutions_cells prints it
            bound = tr("value_below", value="")
            notes[bound] = f"{tr('fn_number_bounded')} {tr('fn_ci_bounded')}"
            # the host under homogeneous cells: the report's word, its note (issue 20, app)
            if na_note := not_applicable_note(tr, ctx):
                notes[tr("assessment_not_applicable")] = na_note
        else:  # a count published without an interval
            notes[NO_INTERVAL_MARK] = no_interval_note(tr, ctx, results.stock)
        return notes

    @staticmethod
    def solutions_cells(results: AnalysisResults, language: str) -> list[SolutionsCells]:
        """Each row of the publishable solutions table (``results.publishable().solutions``, in
        its order) as the report prints it in ``language``: share, interval, number and what
        they are — the app showed "–" for the host under homogeneous cells where the report
        prints "Not applicable" (issue 20), deciding its cells again."""
        from workbench.reporting.context import build_context
        from workbench.reporting.i18n import Translator
        from workbench.reporting.options import ReportOptions
        from workbench.reporting.solutions_cells import table_cells

        sol = results.publishable().solutions
        if sol is None or sol.empty:
            return []
        ctx = build_context(results, ReportOptions(language=language))
        return table_cells(Translator(language), ctx, sol.to_dict("records"))

    @staticmethod
    def load_library(path: Path | None = None) -> Library:
        """The indicator library in ``path`` (None: the bundled one), without opening a vault."""
        from workbench.library import load_library

        return load_library(path)

    @staticmethod
    def validate_library(library: Library) -> list[Finding]:
        from workbench.library import validate_library

        return validate_library(library)

    @staticmethod
    def library_schema() -> dict[str, Any]:
        """The JSON Schema of an indicator file."""
        from workbench.library.schema import json_schema

        return json_schema()

    @staticmethod
    def parse_expression(text: str) -> Expr:
        """A universe / custom-indicator expression (raises a WorkbenchError when malformed)."""
        from workbench.library.expr import parse

        return parse(text)

    @staticmethod
    def normalize_code(value: Any) -> Any:
        """A category code as the plan stores it (``1.0`` → ``1``)."""
        from workbench.plan.codes import norm_code

        return norm_code(value)

    @staticmethod
    def age_labels(cuts: tuple[float, ...]) -> list[str]:
        """The age groups' labels for the cut points ``cuts``."""
        from workbench.plan.disagg import age_labels

        return age_labels(cuts)

    @staticmethod
    def years_labels(cuts: tuple[float, ...]) -> list[str]:
        """The levels of a years-since breakdown (duration of displacement: ``<1``, ``1–2`` …)."""
        from workbench.plan.disagg import years_labels

        return years_labels(cuts)

    @staticmethod
    def find_forms(data_path: Path, columns: Sequence[str]) -> list[Any]:
        """The XLSForms beside a data file, best match first."""
        from workbench.datasets.form_match import find_forms

        return find_forms(data_path, columns)

    @staticmethod
    def load_form(path: Path, columns: Sequence[str], data_path: Path | None = None) -> Any:
        from workbench.datasets.form_match import load_form

        return load_form(path, columns, data_path)

    @staticmethod
    def carries_labels(dataset: Dataset) -> bool:
        """Whether an imported file brings its own value labels."""
        from workbench.datasets.form_match import carries_labels

        return carries_labels(dataset)

    @staticmethod
    def suggest_structure(dataset: Dataset, infos: Sequence[InfoLike] = ()) -> Any:
        """Unit, key and household link proposed for a file being imported."""
        from workbench.datasets.structure import suggest_structure

        return suggest_structure(dataset, infos)

    @staticmethod
    def household_parents(infos: Sequence[InfoLike]) -> list[InfoLike]:
        from workbench.datasets.structure import household_parents

        return household_parents(infos)

    @staticmethod
    def check_key(dataset: Dataset, key: str | None) -> list[Finding]:
        from workbench.datasets.structure import check_key

        return check_key(dataset, key)

    @staticmethod
    def identifier_is_quasi(kind: str | None) -> bool:
        from workbench.datasets.identifiers import is_quasi

        return is_quasi(kind)

    @staticmethod
    def identifier_default_action(kind: str) -> str:
        from workbench.datasets.identifiers import default_action

        return default_action(kind)

    @staticmethod
    def identifier_reason(kind: str | None, language: str = "en") -> str:
        from workbench.datasets.identifiers import reason_text

        return reason_text(kind, language)

    @staticmethod
    def identifier_tier(kind: str | None, language: str = "en") -> str:
        from workbench.datasets.identifiers import tier_text

        return tier_text(kind, language)

    @staticmethod
    def identifier_action_note(column: str, kind: str, action: str, language: str = "en") -> str:
        from workbench.datasets.identifiers import action_note

        return action_note(column, kind, action, language)

    @staticmethod
    def generate_sample(
        out_dir: Path,
        households: int,
        seed: int,
        every_format: bool = False,
        progress: Progress = NULL_PROGRESS,
    ) -> tuple[list[Path], dict[str, Any]]:
        """Generate the synthetic Freedonia survey and write it (CSV, or every format) to
        ``out_dir``: the files written and the sample's summary (households, individuals…)."""
        from workbench.sample import FORMATS, generate, write_sample

        sample = generate(households, seed, progress=progress)
        formats = FORMATS if every_format else ("csv",)
        return write_sample(sample, out_dir, formats, progress=progress), sample.meta
