"""The analysis frame: what the plan hands the engine.

``workbench.plan.evaluate`` turns datasets + plan + library into an :class:`AnalysisFrame`; the
engine (``workbench.stats.analyze``) turns that into results. Neither side knows the other's
internals: the plan knows columns and codes, the engine knows designs and domains.

One :class:`UnitFrame` per unit of analysis (``household``, ``individual``). Every row of the
surveyed units is present — rows outside a group, an indicator's universe or with a missing answer
are *not* dropped; they carry NaN in that indicator's column so that every estimate is a domain
estimate over the full design (R survey's ``subset()`` semantics).

Column conventions inside ``UnitFrame.frame``:

- design: ``_weight`` (float), ``_stratum`` (str or int; constant when unstratified), ``_psu`` (any
  hashable; the row index when no clusters), optional ``_fpc`` (population size of the stratum, or
  a sampling fraction ≤ 1, as R's ``fpc=``), ``_hh`` (household key; links individuals to
  households for IRIS aggregation).
- ``_group``: the population-group *code* as a string (e.g. ``"1"``); roles and labels in
  :attr:`AnalysisFrame.groups`. Rows of excluded / unknown status keep their code (role
  ``exclude``) and stay in the design.
- one column per disaggregation id (strings: display labels; NaN/None where unknown).
- one column per indicator id: float; 1.0/0.0 for proportions, a number for means / medians /
  totals, NaN where the row is outside the universe or its answer is missing. For ``ratio``
  indicators the numerator is in ``<id>`` and the denominator in ``<id>__den``.
- optional, for the IRIS solutions measure: ``<id>__universe`` (1.0 inside the indicator's
  universe, 0.0 outside) lets the engine tell "missing by design" (skip pattern) from a missing
  answer; ``_head`` (bool, individual frame) marks household heads for ``head`` aggregation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from workbench.statistics import StatisticCode as Statistic
from workbench.stats.calibration_spec import CalibrationSpec
from workbench.stats.snapshot import RunTexts

Direction = Literal["higher_is_better", "higher_is_worse", "neutral"]
Role = Literal["displaced", "comparator", "exclude"]
LonelyPSU = Literal["fail", "remove", "certainty", "adjust", "average"]

ReplicateType = Literal["brr", "fay", "jk1", "jkn", "bootstrap", "sdr", "other"]

WEIGHT, STRATUM, PSU, FPC, HH, GROUP = "_weight", "_stratum", "_psu", "_fpc", "_hh", "_group"
REPLICATE = "_rep"  # replicate weight r (1-based) is the column f"_rep{r}"


def psu_column(stage: int) -> str:
    """The unit column of a sampling stage: ``_psu`` (stage 1), ``_psu2``, ``_psu3`` …"""
    return PSU if stage == 1 else f"{PSU}{stage}"


def stratum_column(stage: int) -> str:
    """The strata column of a stage: ``_stratum``, then ``_stratum2`` … (optional)."""
    return STRATUM if stage == 1 else f"{STRATUM}{stage}"


def fpc_column(stage: int) -> str:
    return FPC if stage == 1 else f"{FPC}{stage}"


def replicate_column(r: int) -> str:
    return f"{REPLICATE}{r}"


def design_columns(df: pd.DataFrame) -> list[str]:
    """The later-stage and replicate-weight columns of a unit frame (``_psu2``, ``_fpc2``,
    ``_stratum2`` …, ``_rep1`` …): what a derived frame must keep besides the first stage's."""
    prefixes = (PSU, STRATUM, FPC, REPLICATE)
    first = {PSU, STRATUM, FPC}
    return [
        str(c)
        for c in df.columns
        if str(c) not in first
        and any(str(c).startswith(p) and str(c)[len(p) :].isdigit() for p in prefixes)
    ]


@dataclass(frozen=True)
class ReplicateSpec:
    """Replicate weights, R ``svrepdesign`` (supplied: ``columns`` columns ``_rep1``…) or
    ``as.svrepdesign`` (``generated`` from the stages of the design).

    ``scale`` / ``rscales`` None take R's defaults for the type (BRR 1/R, Fay 1/(R(1-rho)²),
    JK1 (R-1)/R, bootstrap 1/(R-1), successive difference 4/R; JKn needs ``rscales``).
    ``combined``: the columns are the replicate analysis weights (R's default) rather than
    multipliers of the full-sample weight. ``mse``: centre on the full-sample estimate
    instead of the mean of the replicates."""

    type: ReplicateType
    generated: bool = False
    columns: int = 0
    scale: float | None = None
    rscales: tuple[float, ...] | None = None
    rho: float = 0.0
    mse: bool = False
    combined: bool = True
    replicates: int = 50  # generated bootstrap: number of replicates
    seed: int = 1  # generated bootstrap: the random seed (results are reproducible)


@dataclass(frozen=True)
class DesignSpec:
    """How the sample was drawn. Mirrors R ``svydesign(ids=~_psu+_psu2+…,
    strata=~_stratum+_stratum2+…, weights=~_weight, fpc=~_fpc+_fpc2+…, nest=TRUE)`` with
    ``options(survey.lonely.psu=lonely_psu)``; later-stage strata columns are optional (one
    stratum per unit of the stage above without them). With ``replicates``: R
    ``svrepdesign`` / ``as.svrepdesign`` (see :class:`ReplicateSpec`)."""

    has_strata: bool = True
    has_psu: bool = True
    has_fpc: bool = False
    weighted: bool = True
    lonely_psu: LonelyPSU = "adjust"
    #: calibration to population totals, applied after the design is built
    #: (workbench/stats/calibration.py); the ``_cal_<name>`` columns hold its variables
    calibration: CalibrationSpec | None = None
    stages: int = 1
    replicates: ReplicateSpec | None = None


@dataclass(frozen=True)
class GroupSpec:
    code: str
    label: str
    role: Role
    #: a displaced group of returnees (the plan's ``returnees``): in the IDP stock, and left out
    #: of its IDPs-alone total (:func:`workbench.stats.stock.idp_totals`)
    returnees: bool = False


@dataclass(frozen=True)
class DisaggregationSpec:
    id: str  # column name in the unit frames, e.g. "sex", "age_group", "district"
    label: str  # display label, e.g. "Sex"
    #: ordered display values (so tables keep e.g. age groups in order)
    levels: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorSpec:
    id: str
    title: str
    criterion: str  # "1".."8", or "A" / "B" for the profile modules
    unit: Literal["household", "individual"]
    statistic: Statistic = "proportion"
    direction: Direction = "higher_is_worse"
    iris_subcriterion: str | None = None  # "1.1" .. "5.1"
    code: str | None = None  # "DS 5.1.1"
    sdg: str | None = None
    disaggregations: tuple[str, ...] = ()  # disaggregation ids to compute beyond the total
    custom: bool = False
    contextualised: str | None = None  # a note of what the plan changed vs the library
    #: smallest gap that matters (same scale as the estimate; None: any significant gap counts)
    min_important_difference: float | None = None
    #: False when the universe excludes the comparator by definition ("since displacement"):
    #: described for the displaced groups, not compared
    comparable: bool = True


@dataclass(frozen=True)
class StockTableSpec:
    """An IRIS-style tabulation of the estimated IDP stock (weighted counts of displaced units).

    ``rows`` / ``cols`` are column names in the unit frame (display labels as strings); ``cols``
    may be None for a one-way table. The engine estimates weighted totals (with SEs) of the
    displaced rows in each cell, per displaced group and for all displaced pooled.
    """

    id: str  # e.g. "sex_by_age"
    title: str  # e.g. "IDP stock by sex and age group"
    unit: Literal["household", "individual"]
    rows: str
    cols: str | None = None


@dataclass
class UnitFrame:
    unit: Literal["household", "individual"]
    frame: pd.DataFrame
    design: DesignSpec = field(default_factory=DesignSpec)


@dataclass
class AnalysisFrame:
    units: dict[str, UnitFrame]
    groups: list[GroupSpec]
    disaggregations: list[DisaggregationSpec]
    indicators: list[IndicatorSpec]
    #: IRIS stock tabulations the plan asks for (columns live in the named unit frame)
    stock_tables: list[StockTableSpec] = field(default_factory=list)
    #: provenance carried into results: plan name/version/hash, dataset fingerprints,
    #: library version
    provenance: dict[str, Any] = field(default_factory=dict)
    #: how individual answers aggregate to a household for the solutions measure: any / all / head
    household_aggregation: Literal["any", "all", "head"] = "any"
    #: the plan's and the library's words for this run (every language), frozen into the run
    #: snapshot; None for frames built by hand (the engine then uses the specs' own texts)
    texts: RunTexts | None = None

    @property
    def displaced(self) -> list[GroupSpec]:
        return [g for g in self.groups if g.role == "displaced"]

    @property
    def comparator(self) -> GroupSpec | None:
        return next((g for g in self.groups if g.role == "comparator"), None)

    def indicator(self, ind_id: str) -> IndicatorSpec:
        for ind in self.indicators:
            if ind.id == ind_id:
                return ind
        raise KeyError(ind_id)
