"""The run snapshot: everything an output of one analysis run says, frozen when the run ran.

A report, an annex or the app's results pages read the results tables and this snapshot — never
the current analysis plan or indicator library. So a report of run 3 says what run 3 said even
after the library's titles change or the plan gets a new version.

Two parts, both plain frozen data with a JSON round trip (:meth:`RunSnapshot.to_dict` /
:meth:`RunSnapshot.from_dict`):

- :class:`RunTexts`: the words, in every language the library has — indicator titles,
  definitions, codes and directions, criterion names, group, breakdown and level labels, stock
  table titles, the design's variable names and labels, reference area and period, library
  version and hash. The plan side builds them (``workbench.plan.snapshot.run_texts``) and hands
  them to the engine inside the :class:`~workbench.stats.frame.AnalysisFrame`; the engine does
  not import the plan or the library.
- the run's facts, added by the engine (:func:`build_snapshot`): the design summary per unit,
  every analysis option, the disclosure thresholds, the methods, plan name/version/hash, dataset
  fingerprints, software version and time.

``schema_version`` numbers the JSON layout; :meth:`RunSnapshot.from_dict` refuses a newer one.
A snapshot rebuilt for a run stored before snapshots existed is marked ``reconstructed``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from workbench.errors import StatsError

SCHEMA_VERSION = 1

#: language code → text (only the languages the source had; readers fall back to English)
Texts = Mapping[str, str]


def _texts(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in dict(value or {}).items() if v}


def _opt(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


@dataclass(frozen=True)
class IndicatorText:
    id: str
    criterion: str
    unit: str
    statistic: str
    direction: str
    title: Texts
    definition: Texts
    code: str | None = None
    #: the note on how the plan adapted the indicator to this survey (shown beside it)
    contextualised: str | None = None
    #: the plan's note by language, as the plan gives it (``contextualised`` is in its language)
    note: Texts = field(default_factory=dict)
    custom: bool = False
    #: "money": an amount in the survey currency (the library's ``measure``)
    measure: str | None = None
    #: what the estimate counts when not its rows' unit (the library's ``counts``): a share of
    #: household heads counts households, a total of members households report counts people
    counts: str | None = None
    #: the unit of a mean, median, ratio or total's numbers by language (library ``value_unit``)
    value_unit: Texts = field(default_factory=dict)
    #: breakdown id → {level as the results write it → the ages of it in the universe}: "5–17"
    #: → "15–17" for an indicator of people aged 15 and over (the plan's age groups clipped)
    level_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> IndicatorText:
        return cls(
            id=str(d["id"]),
            criterion=str(d["criterion"]),
            unit=str(d["unit"]),
            statistic=str(d["statistic"]),
            direction=str(d["direction"]),
            title=_texts(d.get("title")),
            definition=_texts(d.get("definition")),
            code=_opt(d.get("code")),
            contextualised=_opt(d.get("contextualised")),
            note=_texts(d.get("note")),
            custom=bool(d.get("custom", False)),
            measure=_opt(d.get("measure")),
            counts=_opt(d.get("counts")),
            value_unit=_texts(d.get("value_unit")),
            level_labels={str(k): _texts(v) for k, v in dict(d.get("level_labels") or {}).items()},
        )


@dataclass(frozen=True)
class GroupText:
    code: str
    role: str  # displaced | comparator | exclude
    labels: Texts

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> GroupText:
        return cls(str(d["code"]), str(d["role"]), _texts(d.get("labels")))


@dataclass(frozen=True)
class LevelText:
    #: the value as written in the results (the level's label in the plan's language)
    value: str
    labels: Texts

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> LevelText:
        return cls(str(d["value"]), _texts(d.get("labels")))


@dataclass(frozen=True)
class DisaggregationText:
    id: str
    labels: Texts
    levels: tuple[LevelText, ...] = ()
    #: an individual breakdown that gives households their head's value (the plan's ``head``):
    #: over households it is the head's ("Sex" of a household is its head's sex)
    head: bool = False
    #: its name there, by language, when the plan gives one ("Sex of household head")
    head_labels: Texts = field(default_factory=dict)
    #: the unit whose column it reads (household | individual; "" in runs made before it was
    #: recorded): an individual breakdown of a share of household heads is the head's
    unit: str = ""
    #: the age it is recorded from, when the library says (a disability breakdown: the
    #: Washington Group questions are asked from the age its own indicator's universe starts)
    from_age: int | None = None
    #: the data column it reads ("" in runs made before it was recorded, and for a breakdown of
    #: several columns): breakdowns of one column ("Year of displacement", "Years since
    #: displacement") leave the same households out of their rows
    column: str = ""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DisaggregationText:
        levels = tuple(LevelText.from_dict(x) for x in d.get("levels", ()))
        return cls(
            str(d["id"]),
            _texts(d.get("labels")),
            levels,
            bool(d.get("head", False)),
            _texts(d.get("head_labels")),
            str(d.get("unit") or ""),
            int(d["from_age"]) if d.get("from_age") is not None else None,
            str(d.get("column") or ""),
        )


@dataclass(frozen=True)
class StockTableText:
    id: str
    title: Texts
    unit: str
    rows: str
    cols: str | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> StockTableText:
        return cls(
            str(d["id"]),
            _texts(d.get("title")),
            str(d["unit"]),
            str(d["rows"]),
            _opt(d.get("cols")),
        )


@dataclass(frozen=True)
class CriterionText:
    id: str  # "1".."8", "A", "B"
    name: Texts
    short: Texts

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CriterionText:
        return cls(str(d["id"]), _texts(d.get("name")), _texts(d.get("short")))


@dataclass(frozen=True)
class DesignVariables:
    """The plan's survey design: variable names (None: not used) and their dataset labels."""

    weight: str | None = None
    strata: str | None = None
    psu: str | None = None
    fpc: str | None = None
    lonely_psu: str = "adjust"
    #: variable name → its label in every language the dataset dictionary has
    labels: Mapping[str, Texts] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DesignVariables:
        return cls(
            weight=_opt(d.get("weight")),
            strata=_opt(d.get("strata")),
            psu=_opt(d.get("psu")),
            fpc=_opt(d.get("fpc")),
            lonely_psu=str(d.get("lonely_psu") or "adjust"),
            labels={str(k): _texts(v) for k, v in dict(d.get("labels") or {}).items()},
        )


@dataclass(frozen=True)
class RunTexts:
    """The plan's and the library's words for one run (built by the plan side)."""

    languages: tuple[str, ...] = ("en",)
    indicators: tuple[IndicatorText, ...] = ()
    criteria: tuple[CriterionText, ...] = ()
    groups: tuple[GroupText, ...] = ()
    disaggregations: tuple[DisaggregationText, ...] = ()
    stock_tables: tuple[StockTableText, ...] = ()
    design: DesignVariables = field(default_factory=DesignVariables)
    plan_description: str = ""
    #: the plan's reference area and period (empty until plans record them)
    reference_area: str = ""
    reference_period: str = ""
    library_version: str = ""
    library_hash: str = ""
    #: the plan's ``[report]`` facts: area / reference_period / subtitle (texts by language),
    #: currency, office, contact (plain text)
    report_info: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> RunTexts:
        return cls(
            languages=tuple(str(x) for x in d.get("languages", ("en",))),
            indicators=tuple(IndicatorText.from_dict(x) for x in d.get("indicators", ())),
            criteria=tuple(CriterionText.from_dict(x) for x in d.get("criteria", ())),
            groups=tuple(GroupText.from_dict(x) for x in d.get("groups", ())),
            disaggregations=tuple(
                DisaggregationText.from_dict(x) for x in d.get("disaggregations", ())
            ),
            stock_tables=tuple(StockTableText.from_dict(x) for x in d.get("stock_tables", ())),
            design=DesignVariables.from_dict(d.get("design") or {}),
            plan_description=str(d.get("plan_description", "")),
            reference_area=str(d.get("reference_area", "")),
            reference_period=str(d.get("reference_period", "")),
            library_version=str(d.get("library_version", "")),
            library_hash=str(d.get("library_hash", "")),
            report_info=dict(d.get("report_info") or {}),
        )


@dataclass(frozen=True)
class UnitDesign:
    """The design of one unit of analysis as the engine used it."""

    unit: str
    rows: int
    psus: int
    strata: int
    df: float
    lonely_psu: str
    lonely_strata: int = 0
    #: calibration to population totals (``CalibrationSpec.as_meta()`` + iterations, weight
    #: ranges); empty when the unit's weights were not calibrated
    calibration: Mapping[str, Any] = field(default_factory=dict)
    #: "linearisation" or "replicate"; stages counted in a linearisation variance; the
    #: replicate type (brr, fay, jk1, jkn, bootstrap, sdr, other), count and whether generated
    variance: str = "linearisation"
    stages: int = 1
    replicate_type: str = ""
    replicates: int = 0
    generated: bool = False
    #: a linearisation's counted stages each have a finite population correction (drawn
    #: without replacement); None: a run made before the engine recorded it
    fpc: bool | None = None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> UnitDesign:
        return cls(
            unit=str(d["unit"]),
            rows=int(d["rows"]),
            psus=int(d["psus"]),
            strata=int(d["strata"]),
            df=float(d["df"]),
            lonely_psu=str(d["lonely_psu"]),
            lonely_strata=int(d.get("lonely_strata", 0)),
            calibration=_plain(dict(d.get("calibration") or {})),
            variance=str(d.get("variance", "linearisation")),
            stages=int(d.get("stages", 1)),
            replicate_type=str(d.get("replicate_type", "")),
            replicates=int(d.get("replicates", 0)),
            generated=bool(d.get("generated", False)),
            fpc=None if d.get("fpc") is None else bool(d["fpc"]),
        )


@dataclass(frozen=True)
class RunSnapshot:
    texts: RunTexts
    designs: tuple[UnitDesign, ...]
    #: every analysis option (``AnalysisOptions.as_meta()``)
    options: Mapping[str, Any]
    disclosure_preset: str
    disclosure_thresholds: Mapping[str, Any]
    methods: Mapping[str, str]
    plan_name: str
    plan_version: str
    plan_hash: str
    dataset_fingerprints: Mapping[str, str]
    software_version: str
    created_at: str
    #: how individual answers were aggregated to households (the option, or the plan's rule)
    household_aggregation: str = ""
    #: each dataset's cleaning log as the run read it: length (``entries``), ``sha256`` and
    #: counts by kind (``workbench.cleaning_model.LogSummary.to_dict()``); empty for runs
    #: made before cleaning logs existed
    cleaning_logs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: True when rebuilt after the fact for a run stored before snapshots existed
    reconstructed: bool = False
    #: how a reconstructed snapshot was made (audit log) and on which date (ISO)
    reconstruction_note: str = ""
    reconstructed_on: str = ""
    #: complementary suppression of the run (stats/suppression.py): rule, protection ratio,
    #: counts of primary / complementary / empty suppressions (total and per table), relations,
    #: cells the attack could still bound (0); empty for runs made before it existed
    suppression: Mapping[str, Any] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION
    #: households and members left out of the run (no consent, not eligible) and the rules used:
    #: ``households_without_consent``, ``households_ineligible``, ``individuals_excluded`` (ints),
    #: ``consent_column``, ``eligibility`` (texts); empty for runs made before it was recorded.
    #: Also the analysed units in no reported group (engine.no_group): ``households_no_group``,
    #: ``individuals_no_group``, ``households_no_group_code`` (ints), ``no_group_codes``
    exclusions: Mapping[str, Any] = field(default_factory=dict)
    #: the plan check's warnings when the run was made (``Finding.to_dict()`` each: code,
    #: severity, message, params, where); the methodology lists them with their justifications.
    #: Empty for runs made before it was recorded
    plan_warnings: tuple[Mapping[str, Any], ...] = ()
    #: each dataset the run read (its name, as the fingerprints and cleaning logs are keyed) →
    #: its unit (household | individual): the report names a dataset by what it holds, never
    #: by its id ("freedonia_household"); empty for runs made before it was recorded
    datasets: Mapping[str, str] = field(default_factory=dict)

    @property
    def alpha(self) -> float:
        """Significance level of the comparisons and 1 − confidence level of every interval."""
        return float(self.options.get("alpha", 0.05))

    @property
    def confidence_level(self) -> int:
        """The confidence level of every interval, in percent."""
        return round(100 * (1 - self.alpha))

    def indicator(self, ind_id: str) -> IndicatorText | None:
        return next((i for i in self.texts.indicators if i.id == ind_id), None)

    def criterion_short(self, cid: str, lang: str) -> str:
        """A criterion's short name in ``lang`` (else English, else its full name, else "")."""
        for c in self.texts.criteria:
            if c.id == cid:
                return pick(c.short, lang) or pick(c.name, lang)
        return ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["options"] = _plain(data["options"])
        data["disclosure_thresholds"] = _plain(data["disclosure_thresholds"])
        data["suppression"] = _plain(data["suppression"])
        data["plan_warnings"] = [dict(w) for w in self.plan_warnings]
        return data

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> RunSnapshot:
        version = int(d.get("schema_version", 0))
        if version < 1 or version > SCHEMA_VERSION:
            raise StatsError.of("stats.snapshot_version", found=version, known=SCHEMA_VERSION)
        return cls(
            texts=RunTexts.from_dict(d.get("texts") or {}),
            designs=tuple(UnitDesign.from_dict(x) for x in d.get("designs", ())),
            options=dict(d.get("options") or {}),
            disclosure_preset=str(d.get("disclosure_preset", "")),
            disclosure_thresholds=dict(d.get("disclosure_thresholds") or {}),
            methods={str(k): str(v) for k, v in dict(d.get("methods") or {}).items()},
            plan_name=str(d.get("plan_name", "")),
            plan_version=str(d.get("plan_version", "")),
            plan_hash=str(d.get("plan_hash", "")),
            dataset_fingerprints={
                str(k): str(v) for k, v in dict(d.get("dataset_fingerprints") or {}).items()
            },
            software_version=str(d.get("software_version", "")),
            created_at=str(d.get("created_at", "")),
            household_aggregation=str(d.get("household_aggregation", "")),
            cleaning_logs=_cleaning_logs(d.get("cleaning_logs")),
            reconstructed=bool(d.get("reconstructed", False)),
            reconstruction_note=str(d.get("reconstruction_note", "")),
            reconstructed_on=str(d.get("reconstructed_on", "")),
            suppression=_plain(dict(d.get("suppression") or {})),
            schema_version=version,
            exclusions=dict(d.get("exclusions") or {}),
            plan_warnings=_warnings(d.get("plan_warnings")),
            datasets={str(k): str(v) for k, v in dict(d.get("datasets") or {}).items()},
        )


def pick(texts: Texts, lang: str) -> str:
    """The text in ``lang``, else the English one, else ""."""
    return texts.get(lang) or texts.get("en") or ""


def _plain(value: Any) -> Any:
    """JSON-ready copies of option values (tuples → lists, numpy scalars → Python)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and callable(value.item):
        return value.item()
    return value


def _cleaning_logs(value: Any) -> dict[str, dict[str, Any]]:
    """The cleaning-log records of a meta or snapshot dict (plain JSON values, by dataset)."""
    if not isinstance(value, Mapping):
        return {}
    return {str(k): dict(_plain(v)) for k, v in value.items() if isinstance(v, Mapping)}


def fingerprints_of(meta: Mapping[str, Any]) -> dict[str, str]:
    """Dataset fingerprints as recorded in a results meta (one or many)."""
    many = meta.get("dataset_fingerprints")
    if isinstance(many, Mapping) and many:
        return {str(k): str(v) for k, v in many.items()}
    one = meta.get("dataset_fingerprint")
    return {"dataset": str(one)} if one else {}


def snapshot_from_meta(
    meta: Mapping[str, Any],
    texts: RunTexts,
    *,
    reconstructed: bool = False,
    note: str = "",
) -> RunSnapshot:
    """A snapshot from the engine's results meta (as :func:`build_snapshot` writes it) and the
    run's texts. The engine uses it for every new run; a migration uses it for a run stored
    before snapshots existed (``reconstructed=True``)."""
    designs = tuple(
        UnitDesign.from_dict({"unit": unit, **dict(d)})
        for unit, d in sorted(dict(meta.get("designs") or {}).items())
    )
    options = dict(meta.get("options") or {})
    options.setdefault("alpha", float(meta.get("alpha", 0.05)))
    methods = {str(k): str(v) for k, v in dict(meta.get("methods") or {}).items()}
    software = str(meta.get("software_version") or meta.get("software") or "")
    return RunSnapshot(
        texts=texts,
        designs=designs,
        options=_plain(options),
        disclosure_preset=str(meta.get("disclosure_preset", "")),
        disclosure_thresholds=_plain(dict(meta.get("disclosure_thresholds") or {})),
        methods=methods,
        plan_name=str(meta.get("plan_name", "")),
        plan_version=str(meta.get("plan_version", "")),
        plan_hash=str(meta.get("plan_hash", "")),
        dataset_fingerprints=fingerprints_of(meta),
        software_version=software.removeprefix("ds-workbench ").strip(),
        created_at=str(meta.get("created_at") or datetime.now(UTC).isoformat(timespec="seconds")),
        household_aggregation=str(meta.get("household_aggregation") or ""),
        cleaning_logs=_cleaning_logs(meta.get("cleaning_logs")),
        reconstructed=reconstructed,
        reconstruction_note=note,
        reconstructed_on=datetime.now(UTC).date().isoformat() if reconstructed else "",
        suppression=_plain(dict(meta.get("suppression") or {})),
        exclusions=_plain(dict(meta.get("exclusions") or {})),
        plan_warnings=_warnings(meta.get("plan_warnings")),
        datasets={
            str(meta[f"{unit}_dataset"]): unit
            for unit in ("household", "individual")
            if meta.get(f"{unit}_dataset")
        },
    )


def _warnings(value: Any) -> tuple[dict[str, Any], ...]:
    """Findings as plain JSON-safe dicts (their params and places written as text)."""
    out = []
    for f in list(value or ()):
        f = dict(f)
        out.append(
            {
                "code": str(f.get("code", "")),
                "severity": str(f.get("severity", "warning")),
                "message": str(f.get("message", "")),
                "params": {str(k): _scalar(v) for k, v in dict(f.get("params") or {}).items()},
                "where": {str(k): str(v) for k, v in dict(f.get("where") or {}).items()},
            }
        )
    return tuple(out)


def _scalar(v: Any) -> Any:
    return v if isinstance(v, str | int | float | bool) or v is None else str(v)
