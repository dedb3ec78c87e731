"""The analysis plan: which datasets, which design, which groups, which indicators, which columns.

A :class:`Plan` is an immutable value. Edits go through :mod:`workbench.plan.commands` (each
returns a new plan and its inverse). It reads and writes the plan TOML (``plan_version = 1``,
the file format is described in :mod:`workbench.plan`); ``Plan.from_toml(p.to_toml()) == p``.

Inputs are mapped by *role* of the dataset (``household`` / ``individual``); the dataset names
live only in :class:`DatasetLinks`, so a plan is re-targeted to other files by changing two names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from workbench.plan.codes import Code
from workbench.statistics import STATISTICS as _STATISTICS
from workbench.statistics import StatisticCode as Statistic
from workbench.stats.calibration_spec import CalibrationSpec

PLAN_VERSION = 1

UnitRole = Literal["household", "individual"]
Aggregation = Literal["any", "all", "head"]
InputAggregate = Literal["any", "all", "head", "sum", "mean", "max", "min", "count"]
DesignType = Literal["complex", "weights_only", "unweighted"]
LonelyPSU = Literal["fail", "remove", "certainty", "adjust", "average"]
ReplicateType = Literal["brr", "fay", "jk1", "jkn", "bootstrap", "sdr", "other"]
Role = Literal["displaced", "comparator", "exclude"]
DisaggKind = Literal["category", "age_groups", "disability", "years_since"]
Combine = Literal["any", "all", "count", "sum"]
SkipRule = Literal["outside", "no"]
Direction = Literal["higher_is_better", "higher_is_worse", "neutral"]

UNIT_ROLES: tuple[str, ...] = ("household", "individual")
AGGREGATIONS: tuple[str, ...] = ("any", "all", "head")
INPUT_AGGREGATES: tuple[str, ...] = ("any", "all", "head", "sum", "mean", "max", "min", "count")
DESIGN_TYPES: tuple[str, ...] = ("complex", "weights_only", "unweighted")
LONELY_PSU: tuple[str, ...] = ("fail", "remove", "certainty", "adjust", "average")
REPLICATE_TYPES: tuple[str, ...] = ("brr", "fay", "jk1", "jkn", "bootstrap", "sdr", "other")
GENERATED_REPLICATE_TYPES: tuple[str, ...] = ("jk1", "jkn", "bootstrap", "brr", "fay")
ROLES: tuple[str, ...] = ("displaced", "comparator", "exclude")
DISAGG_KINDS: tuple[str, ...] = ("category", "age_groups", "disability", "years_since")
COMBINES: tuple[str, ...] = ("any", "all", "count", "sum")
SKIP_RULES: tuple[str, ...] = ("outside", "no")
STATISTICS: tuple[str, ...] = _STATISTICS.codes  # the registry: workbench/statistics.py
DIRECTIONS: tuple[str, ...] = ("higher_is_better", "higher_is_worse", "neutral")


@dataclass(frozen=True)
class DatasetLinks:
    """The datasets used and how individuals link to households."""

    household: str = ""
    household_key: str = ""
    individual: str | None = None
    #: the column in the individual dataset holding the household key
    individual_key: str | None = None
    #: how individual answers become a household value: any member / all members / the head
    aggregation: Aggregation = "any"
    #: the individual column identifying the head of household, and the codes meaning "head"
    head_column: str | None = None
    head_codes: tuple[Code, ...] = ()


@dataclass(frozen=True)
class SamplingStage:
    """A sampling stage after the first (``[[design.stages]]``): its units, optionally its
    FPC (population size or fraction, as the first stage's) and strata within the units of
    the stage above."""

    psu: str
    fpc: str | None = None
    strata: str | None = None


@dataclass(frozen=True)
class Replicates:
    """Replicate weights (``[design.replicates]``): supplied columns (``columns`` listed or
    ``pattern``, a regular expression over the household dataset's column names, in dataset
    order) or generated from the design's first stage (``generate``: jk1, jkn, bootstrap,
    brr, fay)."""

    type: ReplicateType = "jkn"
    columns: tuple[str, ...] = ()
    pattern: str | None = None
    generate: bool = False
    scale: float | None = None
    rscales: tuple[float, ...] = ()
    rho: float = 0.0
    mse: bool = False
    combined: bool = True
    replicates: int = 50
    seed: int = 1


@dataclass(frozen=True)
class Design:
    """Survey design columns (all in the household dataset; individuals inherit via the link)."""

    type: DesignType = "complex"
    weight: str | None = None
    strata: str | None = None
    psu: str | None = None
    fpc: str | None = None
    lonely_psu: LonelyPSU = "adjust"
    #: ``[design.calibration]``: population totals to calibrate one unit's weights to
    #: (workbench/plan/calibration.py); None: the design weights are used as they are
    calibration: CalibrationSpec | None = None
    #: later sampling stages (the first is strata/psu/fpc above)
    stages: tuple[SamplingStage, ...] = ()
    replicates: Replicates | None = None


@dataclass(frozen=True)
class GroupValue:
    code: Code
    role: Role
    labels: dict[str, str] = field(default_factory=dict)
    #: a displaced group of returnees: IRIS keeps them in the IDP stock, which the report then
    #: also gives without them (the IDPs alone)
    returnees: bool = False

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en") or str(self.code)


@dataclass(frozen=True)
class Groups:
    """The population-group variable (household dataset) and each value's role."""

    column: str | None = None
    values: tuple[GroupValue, ...] = ()

    def role_of(self, code: Code) -> Role | None:
        from workbench.plan.codes import canon

        for v in self.values:
            if canon(v.code) == canon(code):
                return v.role
        return None


@dataclass(frozen=True)
class Level:
    """One display level of a categorical disaggregation: the codes it pools and its labels."""

    codes: tuple[Code, ...]
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en") or "/".join(map(str, self.codes))


@dataclass(frozen=True)
class Disaggregation:
    """A breakdown. ``unit`` is the dataset holding the column(s); household ones apply to
    individual indicators via the link; individual ones apply to households only with ``head``."""

    id: str
    kind: DisaggKind = "category"
    unit: UnitRole = "household"
    column: str | None = None
    #: disability: the Washington Group domain columns
    columns: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)
    #: category: ordered levels (empty → every value label, in code order)
    levels: tuple[Level, ...] = ()
    #: age_groups: lower bounds of each group, e.g. (0, 5, 18, 60); years_since: lower bounds
    #: of each band of years, e.g. (0, 1, 3, 5, 10)
    cut_points: tuple[float, ...] = ()
    #: years_since: the year the years are counted to (the survey's), e.g. 2026: a column of
    #: years (of displacement) becomes bands of years since then (duration of displacement)
    reference_year: int | None = None
    #: disability: the codes counting as "a lot of difficulty" or worse
    codes: tuple[Code, ...] = ()
    #: individual-level only: give households the head of household's value
    head: bool = False
    #: its name where it gives households their head's value, by language ("Sex of household
    #: head"); empty: the report names it "<label> (household head)"
    head_labels: dict[str, str] = field(default_factory=dict)
    #: category / age_groups: codes meaning "not stated" (don't know, refused, 9998 …), shown as
    #: one "Not stated" level instead of as values (added to the variable's own missing codes)
    missing: tuple[Code, ...] = ()

    def label(self, lang: str = "en") -> str:
        return (
            self.labels.get(lang) or self.labels.get("en") or self.id.replace("_", " ").capitalize()
        )


@dataclass(frozen=True)
class InputMapping:
    """Where a library input comes from and how its values are read."""

    name: str
    unit: UnitRole = "household"
    column: str | None = None
    #: several columns (select_multiple options, items to count); combined with ``combine``
    columns: tuple[str, ...] = ()
    combine: Combine = "any"
    #: condition inputs: the codes (or value labels) that count as the condition
    true_codes: tuple[Code, ...] = ()
    true_labels: tuple[str, ...] = ()
    #: category inputs: category name → codes
    categories: dict[str, tuple[Code, ...]] = field(default_factory=dict)
    #: user-missing codes (None → the Variable's missing_codes)
    missing: tuple[Code, ...] | None = None
    #: not asked (system-missing): "outside" the universe, or counted as "no" / 0
    skip: SkipRule = "outside"
    #: individual → household for household indicators (None → the plan's aggregation)
    aggregate: InputAggregate | None = None
    note: str = ""

    @property
    def source_columns(self) -> tuple[str, ...]:
        return ((self.column,) if self.column else ()) + self.columns

    @property
    def is_mapped(self) -> bool:
        return bool(self.source_columns)


@dataclass(frozen=True)
class IndicatorUse:
    """A library indicator the plan computes (possibly contextualised) or a custom one."""

    id: str
    disaggregations: tuple[str, ...] = ()
    #: contextualisation (library indicator) or definition (custom): expressions over inputs
    numerator: str | None = None
    universe: str | None = None
    denominator: str | None = None
    #: how the plan adapted it to this survey (custom: its definition), by language like labels
    note: dict[str, str] = field(default_factory=dict)
    custom: bool = False
    # custom indicators only
    #: its title by language, like the plan's labels (one string: English)
    title: dict[str, str] = field(default_factory=dict)
    criterion: str = ""
    unit: UnitRole | None = None
    statistic: Statistic | None = None
    direction: Direction | None = None
    iris_subcriterion: str | None = None
    #: custom indicators: how the indicator stands for its IRIS sub-criterion (default
    #: "alternative" when iris_subcriterion is given)
    iris_role: str | None = None
    #: any indicator: the minimum important difference (None: the library's; 0: none, any
    #: significant gap counts) and whether it can be compared (None: the library's)
    min_important_difference: float | None = None
    comparable: bool | None = None

    @property
    def contextualised(self) -> bool:
        return not self.custom and (self.numerator is not None or self.universe is not None)

    def __post_init__(self) -> None:
        if isinstance(self.title, str):  # a title in one language (plans before titles by language)
            object.__setattr__(self, "title", {"en": self.title} if self.title else {})

    def note_in(self, lang: str) -> str:
        """The note in ``lang``, else in English, else in the language it is written in."""
        return self.note.get(lang) or self.note.get("en") or next(iter(self.note.values()), "")

    def title_in(self, lang: str) -> str:
        """A custom indicator's title in ``lang``, else in English, else in any language."""
        return self.title.get(lang) or self.title.get("en") or next(iter(self.title.values()), "")


@dataclass(frozen=True)
class StockTable:
    """An IRIS stock tabulation; ``rows`` / ``cols`` are disaggregation ids."""

    id: str
    title: str
    unit: UnitRole
    rows: str
    cols: str | None = None


@dataclass(frozen=True)
class Consent:
    """The household column recording consent and the codes meaning "agreed" (empty → the code
    labelled yes, else 1). Without a column, one named ``consent`` is used when present."""

    column: str | None = None
    values: tuple[Code, ...] = ()


@dataclass(frozen=True)
class ReportInfo:
    """What the report's cover and methodology say about the survey (the plan's ``[report]``):
    texts by language (``area``, ``reference_period``, ``subtitle``, ``office``) and plain
    values (``currency``, ``contact``)."""

    area: dict[str, str] = field(default_factory=dict)
    reference_period: dict[str, str] = field(default_factory=dict)
    #: the cover's subtitle in every language (else the plan's description, in its language)
    subtitle: dict[str, str] = field(default_factory=dict)
    #: the currency of money indicators (ISO 4217 code or symbol, e.g. "FRD")
    currency: str = ""
    #: the office producing the report (its name by language), and how to reach it
    office: dict[str, str] = field(default_factory=dict)
    contact: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "area": dict(self.area), "reference_period": dict(self.reference_period),
            "subtitle": dict(self.subtitle), "currency": self.currency, "office": dict(self.office),
            "contact": self.contact,
        }  # fmt: skip


CheckSeverity = Literal["error", "warning", "info"]
CHECK_SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class CheckRule:
    """A data check written by the user: ``expression`` (the expression language, over the
    columns of the ``unit``'s dataset) is true where a record has the problem ``message`` says."""

    id: str
    expression: str
    message: str = ""
    severity: CheckSeverity = "warning"
    unit: UnitRole = "household"


@dataclass(frozen=True)
class Round:
    """One round of a survey over time (workbench/plan/rounds.py)."""

    label: str
    date: str = ""
    #: dataset names of this round (empty / None: the plan's ``[datasets]``)
    household: str = ""
    individual: str | None = None
    #: mappings that replace the plan's for this round
    inputs: tuple[InputMapping, ...] = ()


@dataclass(frozen=True)
class Rounds:
    rounds: tuple[Round, ...] = ()
    #: households re-interviewed and linked by the household key (else independent samples)
    panel: bool = False
    #: indicators compared although their mapping differs between rounds
    confirmed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return len(self.rounds) >= 2

    def labels(self) -> list[str]:
        return [r.label for r in self.rounds]


@dataclass(frozen=True)
class Plan:
    name: str
    description: str = ""
    language: str = "en"
    datasets: DatasetLinks = field(default_factory=DatasetLinks)
    design: Design = field(default_factory=Design)
    groups: Groups = field(default_factory=Groups)
    disaggregations: tuple[Disaggregation, ...] = ()
    indicators: tuple[IndicatorUse, ...] = ()
    inputs: tuple[InputMapping, ...] = ()
    stock_tables: tuple[StockTable, ...] = ()
    consent: Consent = field(default_factory=Consent)
    #: households analysed: an expression over household columns (None: every household)
    eligibility: str | None = None
    checks: tuple[CheckRule, ...] = ()
    #: rounds of the same survey over time (workbench/plan/rounds.py); empty: one round
    rounds: Rounds = field(default_factory=lambda: Rounds())
    #: ``[analysis]``: analysis options the plan fixes (workbench/plan/analysis.py)
    analysis: dict[str, Any] = field(default_factory=dict)
    #: the report's cover and methodology facts (area, reference period, currency, office …)
    report: ReportInfo = field(default_factory=ReportInfo)

    def dataset_names(self) -> list[str]:
        """The datasets the plan reads (every round's, when it has rounds)."""
        names = [self.datasets.household] if self.datasets.household else []
        if self.datasets.individual:
            names.append(self.datasets.individual)
        for r in self.rounds.rounds:
            names += [n for n in (r.household, r.individual) if n and n not in names]
        return names

    def dataset_for(self, unit: str) -> str | None:
        return self.datasets.household if unit == "household" else self.datasets.individual

    def input(self, name: str) -> InputMapping | None:
        return next((m for m in self.inputs if m.name == name), None)

    def indicator(self, ind_id: str) -> IndicatorUse | None:
        return next((i for i in self.indicators if i.id == ind_id), None)

    def disaggregation(self, dis_id: str) -> Disaggregation | None:
        return next((d for d in self.disaggregations if d.id == dis_id), None)

    def round_plans(self) -> list[Plan]:
        """One plain plan per round (just this plan when it has no rounds)."""
        from workbench.plan.rounds import round_plan

        if not self.rounds:
            return [self]
        return [round_plan(self, i) for i in range(len(self.rounds.rounds))]

    def to_toml(self) -> str:
        from workbench.plan.toml_io import plan_to_toml

        return plan_to_toml(self)

    @classmethod
    def from_toml(cls, text: str, source: str = "plan") -> Plan:
        from workbench.plan.toml_io import plan_from_toml

        return plan_from_toml(text, source)

    def to_dict(self) -> dict[str, object]:
        from workbench.plan.toml_io import plan_to_dict

        return plan_to_dict(self)
