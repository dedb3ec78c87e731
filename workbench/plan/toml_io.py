"""Plan ⇄ TOML (``plan_version = 1``), with validation on load.

Every problem raises :class:`PlanError` with one line naming the plan file and the section,
e.g. ``freedonia-plan.toml: [design] lonely_psu 'skip' is not one of fail, remove, ...``.
Writing omits empty / default values, so ``from_toml(to_toml(p)) == p`` and
``to_toml(from_toml(t))`` is stable.
"""

from __future__ import annotations

import tomllib
from typing import Any

from workbench.errors import PlanError
from workbench.library import tomlread
from workbench.library.model import IRIS_ROLES
from workbench.messages import Message
from workbench.plan import toml_design, toml_write
from workbench.plan.analysis import read_analysis
from workbench.plan.calibration_toml import KEYS as CAL_KEYS
from workbench.plan.calibration_toml import calibration_dict, read_calibration
from workbench.plan.codes import norm_code, norm_codes
from workbench.plan.model import (
    AGGREGATIONS,
    CHECK_SEVERITIES,
    COMBINES,
    DESIGN_TYPES,
    DIRECTIONS,
    DISAGG_KINDS,
    INPUT_AGGREGATES,
    LONELY_PSU,
    PLAN_VERSION,
    ROLES,
    SKIP_RULES,
    STATISTICS,
    UNIT_ROLES,
    CheckRule,
    Consent,
    DatasetLinks,
    Design,
    Disaggregation,
    Groups,
    GroupValue,
    IndicatorUse,
    InputMapping,
    Level,
    Plan,
    ReportInfo,
    Round,
    Rounds,
    StockTable,
)
from workbench.stats.calibration_spec import CalibrationSpec

TOP_KEYS = {
    "plan_version", "name", "description", "language", "datasets", "design", "groups",
    "disaggregations", "indicators", "inputs", "stock_tables", "consent", "eligibility", "checks",
    "rounds",
    "analysis",
    "report",
}  # fmt: skip


class _Section:
    """Typed access to one TOML table, raising PlanError that names the file and section."""

    def __init__(self, source: str, where: str, data: Any, allowed: set[str] | None = None) -> None:
        self.source, self.where = source, where
        if not isinstance(data, dict):
            raise self.error(Message.of("plan.not_a_table", kind=type(data).__name__))
        self.data = data
        if allowed is not None:
            unknown = sorted(set(data) - allowed)
            if unknown:
                raise self.error(
                    Message.of("plan.unknown_key", key=unknown[0], known=sorted(allowed))
                )

    def error(self, msg: Message) -> PlanError:
        return PlanError.of("plan.invalid", source=self.source, where=self.where, detail=msg)

    def text(self, key: str, default: str | None = None, required: bool = False) -> Any:
        v = self.data.get(key, default)
        if v is None:
            if required:
                raise self.error(Message.of("plan.key_required", key=key))
            return None
        if not isinstance(v, str):
            raise self.error(Message.of("plan.key_not_text", key=key, value=repr(v)))
        if required and not v.strip():
            raise self.error(Message.of("plan.key_empty", key=key))
        return v

    def choice(self, key: str, options: tuple[str, ...], default: str | None) -> Any:
        v = self.text(key, default)
        if v is not None and v not in options:
            raise self.error(Message.of("plan.key_not_one_of", key=key, value=v, options=options))
        return v

    def flag(self, key: str, default: bool = False) -> bool:
        v = self.data.get(key, default)
        if not isinstance(v, bool):
            raise self.error(Message.of("plan.key_not_bool", key=key, value=repr(v)))
        return v

    def items(self, key: str, kind: type | tuple[type, ...] | None = None) -> tuple[Any, ...]:
        v = self.data.get(key, [])
        if not isinstance(v, list):
            raise self.error(Message.of("plan.key_not_list", key=key, value=repr(v)))
        for x in v:
            ok = isinstance(x, kind) if kind else isinstance(x, int | float | str)
            if not ok or isinstance(x, bool):
                raise self.error(Message.of("plan.key_bad_item", key=key, value=repr(x)))
        return tuple(v)

    def codes(self, key: str) -> tuple[Any, ...]:
        return norm_codes(self.items(key))

    def labels(self, key: str = "label") -> dict[str, str]:
        v = self.data.get(key, {})
        if isinstance(v, str):
            return {"en": v}
        if not isinstance(v, dict) or not all(isinstance(x, str) for x in v.values()):
            raise self.error(Message.of("plan.key_not_label", key=key))
        return dict(v)

    def tables(self, key: str) -> list[Any]:
        v = self.data.get(key, [])
        if not isinstance(v, list):
            raise self.error(Message.of("plan.key_not_tables", key=key))
        return v


def plan_from_toml(text: str, source: str = "plan") -> Plan:
    try:
        raw = tomlread.loads(text, source, PlanError, "plan")
    except tomllib.TOMLDecodeError as exc:
        raise PlanError.of("plan.toml", source=source, detail=str(exc)) from None
    return plan_from_dict(raw, source)


def plan_from_dict(raw: dict[str, Any], source: str = "plan") -> Plan:
    top = _Section(source, "plan", raw, TOP_KEYS)
    version = raw.get("plan_version")
    if version is None:
        raise top.error(Message.of("plan.version_missing"))
    if version != PLAN_VERSION:
        raise top.error(Message.of("plan.version_unsupported", version=repr(version)))
    name = top.text("name", required=True)
    inputs = _Section(source, "inputs", raw.get("inputs", {}))
    plan = Plan(
        name=name,
        description=top.text("description", "") or "",
        language=top.text("language", "en") or "en",
        datasets=_links(_Section(source, "datasets", raw.get("datasets", {}), _LINK_KEYS)),
        design=_design(_Section(source, "design", raw.get("design", {}), _DESIGN_KEYS)),
        groups=_groups(source, raw.get("groups", {})),
        disaggregations=tuple(
            _disagg(_Section(source, f"disaggregations #{i + 1}", d, _DIS_KEYS), source)
            for i, d in enumerate(top.tables("disaggregations"))
        ),
        indicators=tuple(
            _indicator(_Section(source, f"indicators #{i + 1}", d, _IND_KEYS))
            for i, d in enumerate(top.tables("indicators"))
        ),
        inputs=tuple(
            _input(name, _Section(source, f"inputs.{name}", d, _INPUT_KEYS))
            for name, d in inputs.data.items()
        ),
        stock_tables=tuple(
            _stock(_Section(source, f"stock_tables #{i + 1}", d, _STOCK_KEYS))
            for i, d in enumerate(top.tables("stock_tables"))
        ),
        consent=_consent(_Section(source, "consent", raw.get("consent", {}), _CONSENT_KEYS)),
        eligibility=_Section(
            source, "eligibility", raw.get("eligibility", {}), {"expression"}
        ).text("expression"),
        checks=tuple(
            _check_rule(_Section(source, f"checks #{i + 1}", d, _CHECK_KEYS))
            for i, d in enumerate(top.tables("checks"))
        ),
        rounds=_rounds(_Section(source, "rounds", raw.get("rounds", {}), _ROUNDS_KEYS)),
        analysis=read_analysis(
            raw.get("analysis", {}), _Section(source, "analysis", raw.get("analysis", {})).error
        ),
        report=_report(_Section(source, "report", raw.get("report", {}), _REPORT_KEYS)),
    )
    _check_references(plan, source)
    return plan


_LINK_KEYS = {
    "household", "household_key", "individual", "individual_key", "aggregation", "head_column",
    "head_codes",
}  # fmt: skip
_DESIGN_KEYS = {"type", "weight", "strata", "psu", "fpc", "lonely_psu", "stages", "replicates"}
_DESIGN_KEYS |= {"calibration"}  # workbench/plan/calibration_toml.py
_DIS_KEYS = {
    "id",
    "kind",
    "unit",
    "column",
    "columns",
    "label",
    "levels",
    "cut_points",
    "reference_year",
    "codes",
    "head",
    "head_label",
    "missing",
}
_IND_KEYS = {
    "id", "disaggregations", "numerator", "universe", "denominator", "note", "custom", "title",
    "criterion", "unit", "statistic", "direction", "iris_subcriterion", "iris_role",
    "min_important_difference", "comparable",
}  # fmt: skip
_INPUT_KEYS = {
    "unit", "column", "columns", "combine", "true_codes", "true_labels", "categories", "missing",
    "skip", "aggregate", "note",
}  # fmt: skip
_STOCK_KEYS = {"id", "title", "unit", "rows", "cols"}
_CONSENT_KEYS = {"column", "values"}
_CHECK_KEYS = {"id", "expression", "message", "severity", "unit"}
_ROUNDS_KEYS = {"panel", "confirmed", "round"}
_ROUND_KEYS = {"label", "date", "household", "individual", "inputs"}
_REPORT_KEYS = {"area", "reference_period", "subtitle", "currency", "office", "contact"}


def _links(s: _Section) -> DatasetLinks:
    return DatasetLinks(
        household=s.text("household", "") or "",
        household_key=s.text("household_key", "") or "",
        individual=s.text("individual"),
        individual_key=s.text("individual_key"),
        aggregation=s.choice("aggregation", AGGREGATIONS, "any"),
        head_column=s.text("head_column"),
        head_codes=s.codes("head_codes"),
    )


def _design(s: _Section) -> Design:
    return Design(
        type=s.choice("type", DESIGN_TYPES, "complex"),
        weight=s.text("weight"),
        strata=s.text("strata"),
        psu=s.text("psu"),
        fpc=s.text("fpc"),
        lonely_psu=s.choice("lonely_psu", LONELY_PSU, "adjust"),
        calibration=_calibration(s),
        stages=toml_design.stages_from(s, _Section),
        replicates=toml_design.replicates_from(s, _Section),
    )


def _calibration(s: _Section) -> CalibrationSpec | None:
    if "calibration" not in s.data:
        return None
    sub = _Section(s.source, "design.calibration", s.data["calibration"], CAL_KEYS)
    return read_calibration(sub, lambda where, data, keys: _Section(s.source, where, data, keys))


def _groups(source: str, raw: Any) -> Groups:
    s = _Section(source, "groups", raw, {"column", "values"})
    values: list[GroupValue] = []
    for i, v in enumerate(s.tables("values")):
        vs = _Section(source, f"groups.values #{i + 1}", v, {"code", "role", "label", "returnees"})
        code = vs.data.get("code")
        if not isinstance(code, int | float | str) or isinstance(code, bool):
            raise vs.error(Message.of("plan.group_code_required"))
        role = vs.choice("role", ROLES, None)
        if not role:
            raise vs.error(Message.of("plan.group_role_required"))
        values.append(GroupValue(norm_code(code), role, vs.labels(), vs.flag("returnees")))
    return Groups(column=s.text("column"), values=tuple(values))


def _disagg(s: _Section, source: str) -> Disaggregation:
    levels = []
    for i, lv in enumerate(s.tables("levels")):
        ls = _Section(source, f"{s.where} levels #{i + 1}", lv, {"codes", "label"})
        levels.append(Level(ls.codes("codes"), ls.labels()))
    cuts = tuple(float(x) for x in s.items("cut_points", (int, float)))
    if list(cuts) != sorted(set(cuts)):
        raise s.error(Message.of("plan.cut_points_increasing"))
    year = s.data.get("reference_year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise s.error(Message.of("plan.reference_year_not_year", value=repr(year)))
    return Disaggregation(
        id=s.text("id", required=True),
        kind=s.choice("kind", DISAGG_KINDS, "category"),
        unit=s.choice("unit", UNIT_ROLES, "household"),
        column=s.text("column"),
        columns=s.items("columns", str),
        labels=s.labels(),
        levels=tuple(levels),
        cut_points=cuts,
        codes=s.codes("codes"),
        head=s.flag("head"),
        head_labels=s.labels("head_label"),
        missing=s.codes("missing"),
        reference_year=year,
    )


def _indicator(s: _Section) -> IndicatorUse:
    return IndicatorUse(
        id=s.text("id", required=True),
        disaggregations=s.items("disaggregations", str),
        numerator=s.text("numerator"),
        universe=s.text("universe"),
        denominator=s.text("denominator"),
        note=s.labels("note"),
        custom=s.flag("custom"),
        title=s.labels("title"),
        criterion=s.text("criterion", "") or "",
        unit=s.choice("unit", UNIT_ROLES, None),
        statistic=s.choice("statistic", STATISTICS, None),
        direction=s.choice("direction", DIRECTIONS, None),
        iris_subcriterion=s.text("iris_subcriterion"),
        iris_role=s.choice("iris_role", IRIS_ROLES, None),
        min_important_difference=_margin(s),
        comparable=s.flag("comparable") if "comparable" in s.data else None,
    )


def _margin(s: _Section) -> float | None:
    v = s.data.get("min_important_difference")
    if v is None:
        return None
    if not isinstance(v, int | float) or isinstance(v, bool) or v < 0:
        raise s.error(
            Message.of("plan.analysis_value", key="min_important_difference", value=repr(v),
                       expected="number >= 0")
        )  # fmt: skip
    return float(v)


def toml_input(name: str, data: Any, source: str = "template") -> InputMapping:
    """One ``[inputs.<name>]`` table read and checked as a plan file's would be."""
    return _input(name, _Section(source, f"inputs.{name}", data, _INPUT_KEYS))


def _input(name: str, s: _Section) -> InputMapping:
    cats = s.data.get("categories", {})
    if not isinstance(cats, dict):
        raise s.error(Message.of("plan.categories_not_table"))
    categories = {}
    for cat, codes in cats.items():
        if not isinstance(codes, list):
            raise s.error(Message.of("plan.category_not_list", category=cat))
        categories[cat] = norm_codes(codes)
    return InputMapping(
        name=name,
        unit=s.choice("unit", UNIT_ROLES, "household"),
        column=s.text("column"),
        columns=s.items("columns", str),
        combine=s.choice("combine", COMBINES, "any"),
        true_codes=s.codes("true_codes"),
        true_labels=s.items("true_labels", str),
        categories=categories,
        missing=s.codes("missing") if "missing" in s.data else None,
        skip=s.choice("skip", SKIP_RULES, "outside"),
        aggregate=s.choice("aggregate", INPUT_AGGREGATES, None),
        note=s.text("note", "") or "",
    )


def _stock(s: _Section) -> StockTable:
    return StockTable(
        id=s.text("id", required=True),
        title=s.text("title", "") or "",
        unit=s.choice("unit", UNIT_ROLES, "individual"),
        rows=s.text("rows", required=True),
        cols=s.text("cols"),
    )


def _consent(s: _Section) -> Consent:
    return Consent(column=s.text("column"), values=s.codes("values"))


def _rounds(s: _Section) -> Rounds:
    rounds = []
    for i, d in enumerate(s.tables("round")):
        r = _Section(s.source, f"rounds.round #{i + 1}", d, _ROUND_KEYS)
        inputs = _Section(s.source, f"rounds.round #{i + 1}.inputs", d.get("inputs", {}))
        rounds.append(
            Round(
                label=r.text("label", required=True),
                date=r.text("date", "") or "",
                household=r.text("household", "") or "",
                individual=r.text("individual"),
                inputs=tuple(
                    _input(name, _Section(s.source, f"{inputs.where}.{name}", x, _INPUT_KEYS))
                    for name, x in inputs.data.items()
                ),
            )
        )
    labels = [r.label for r in rounds]
    if len(set(labels)) != len(labels) or len(rounds) == 1:
        raise s.error(Message.of("plan.rounds_labels", labels=labels))
    return Rounds(tuple(rounds), s.flag("panel"), s.items("confirmed", str))


def _report(s: _Section) -> ReportInfo:
    return ReportInfo(
        area=s.labels("area"),
        reference_period=s.labels("reference_period"),
        subtitle=s.labels("subtitle"),
        currency=s.text("currency", "") or "",
        office=s.labels("office"),
        contact=s.text("contact", "") or "",
    )


def _check_rule(s: _Section) -> CheckRule:
    return CheckRule(
        id=s.text("id", required=True),
        expression=s.text("expression", required=True),
        message=s.text("message", "") or "",
        severity=s.choice("severity", CHECK_SEVERITIES, "warning"),
        unit=s.choice("unit", UNIT_ROLES, "household"),
    )


def _check_references(plan: Plan, source: str) -> None:
    """Internal consistency: unique ids, references to declared disaggregations."""

    def err(where: str, msg: Message) -> PlanError:
        return PlanError.of("plan.invalid", source=source, where=where, detail=msg)

    dis_ids = [d.id for d in plan.disaggregations]
    for ids, where in (
        (dis_ids, "disaggregations"),
        ([i.id for i in plan.indicators], "indicators"),
        ([c.id for c in plan.checks], "checks"),
    ):
        dup = sorted({x for x in ids if ids.count(x) > 1})
        if dup:
            raise err(where, Message.of("plan.duplicate_id", id=dup[0]))
    codes = [str(norm_code(v.code)) for v in plan.groups.values]
    dup = sorted({c for c in codes if codes.count(c) > 1})
    if dup:
        raise err("groups", Message.of("plan.code_two_roles", code=dup[0]))
    for ind in plan.indicators:
        for dis_id in ind.disaggregations:
            if dis_id not in dis_ids:
                raise err(f"indicators {ind.id}", Message.of("plan.dis_undeclared", id=dis_id))
        if ind.custom:
            for key in ("title", "criterion", "unit", "numerator"):
                if not getattr(ind, key):
                    raise err(f"indicators {ind.id}", Message.of("plan.custom_needs", key=key))
    for t in plan.stock_tables:
        for ref in (t.rows, t.cols):
            if ref is not None and ref not in dis_ids:
                raise err(f"stock_tables {t.id}", Message.of("plan.ref_undeclared", id=ref))
    for d in plan.disaggregations:
        where = f"disaggregations {d.id}"
        if d.kind in ("category", "age_groups", "years_since") and not d.column:
            raise err(where, Message.of("plan.dis_needs_column", kind=d.kind))
        if d.kind == "age_groups" and not d.cut_points:
            raise err(where, Message.of("plan.age_needs_cut_points"))
        if d.kind == "years_since" and not (d.cut_points and d.reference_year is not None):
            raise err(where, Message.of("plan.years_since_needs"))
        if d.kind == "disability" and not (d.columns and d.codes):
            raise err(where, Message.of("plan.disability_needs_columns"))
        if d.head and d.unit != "individual":
            raise err(where, Message.of("plan.head_individual_only"))


# ------------------------------------------------------------------------------------ writing
def _put(d: dict[str, Any], key: str, value: Any, default: Any = None) -> None:
    if value is None or value == default:
        return
    if isinstance(value, tuple | list | dict) and not value:
        return
    d[key] = list(value) if isinstance(value, tuple) else value


def _label_value(labels: dict[str, str]) -> Any:
    return dict(labels)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    out: dict[str, Any] = {"plan_version": PLAN_VERSION, "name": plan.name}
    _put(out, "description", plan.description, "")
    _put(out, "language", plan.language, "en")
    ln = plan.datasets
    links: dict[str, Any] = {}
    for key, default in (
        ("household", ""), ("household_key", ""), ("individual", None), ("individual_key", None),
        ("aggregation", "any"), ("head_column", None), ("head_codes", ()),
    ):  # fmt: skip
        _put(links, key, getattr(ln, key), default)
    out["datasets"] = links
    design: dict[str, Any] = {"type": plan.design.type}
    for key in ("weight", "strata", "psu", "fpc"):
        _put(design, key, getattr(plan.design, key))
    design["lonely_psu"] = plan.design.lonely_psu
    if plan.design.calibration is not None:
        design["calibration"] = calibration_dict(plan.design.calibration)
    design.update(toml_design.design_extra(plan.design.stages, plan.design.replicates))
    out["design"] = design
    groups: dict[str, Any] = {}
    _put(groups, "column", plan.groups.column)
    vals = []
    for v in plan.groups.values:
        row: dict[str, Any] = {"code": v.code, "role": v.role}
        _put(row, "label", _label_value(v.labels))
        _put(row, "returnees", v.returnees, False)
        vals.append(row)
    _put(groups, "values", vals)
    out["groups"] = groups
    _put(out, "disaggregations", [_dis_dict(d) for d in plan.disaggregations])
    _put(out, "indicators", [_ind_dict(i) for i in plan.indicators])
    _put(out, "inputs", {m.name: _input_dict(m) for m in plan.inputs})
    stock = []
    for t in plan.stock_tables:
        row = {"id": t.id}
        _put(row, "title", t.title, "")
        row["unit"] = t.unit
        row["rows"] = t.rows
        _put(row, "cols", t.cols)
        stock.append(row)
    _put(out, "stock_tables", stock)
    consent: dict[str, Any] = {}
    _put(consent, "column", plan.consent.column)
    _put(consent, "values", plan.consent.values)
    _put(out, "consent", consent)
    if plan.eligibility:
        out["eligibility"] = {"expression": plan.eligibility}
    checks = []
    for c in plan.checks:
        row = {"id": c.id, "expression": c.expression}
        _put(row, "message", c.message, "")
        row["severity"] = c.severity
        _put(row, "unit", c.unit, "household")
        checks.append(row)
    _put(out, "checks", checks)
    _put(out, "analysis", dict(plan.analysis))
    report = {k: v for k, v in plan.report.to_dict().items() if v}
    _put(out, "report", report)
    if plan.rounds.rounds:
        out["rounds"] = _rounds_dict(plan.rounds)
    return out


def _rounds_dict(rounds: Rounds) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _put(out, "panel", rounds.panel, False)
    _put(out, "confirmed", rounds.confirmed)
    rows = []
    for r in rounds.rounds:
        row: dict[str, Any] = {"label": r.label}
        _put(row, "date", r.date, "")
        _put(row, "household", r.household, "")
        _put(row, "individual", r.individual)
        _put(row, "inputs", {m.name: _input_dict(m) for m in r.inputs})
        rows.append(row)
    out["round"] = rows
    return out


def _dis_dict(d: Disaggregation) -> dict[str, Any]:
    row: dict[str, Any] = {"id": d.id, "kind": d.kind, "unit": d.unit}
    _put(row, "column", d.column)
    _put(row, "columns", d.columns)
    _put(row, "label", _label_value(d.labels))
    _put(row, "cut_points", [_num(x) for x in d.cut_points])
    _put(row, "reference_year", d.reference_year)
    _put(row, "codes", d.codes)
    _put(row, "head", d.head, False)
    _put(row, "head_label", _label_value(d.head_labels))
    _put(row, "missing", d.missing)
    levels = []
    for lv in d.levels:
        lrow: dict[str, Any] = {"codes": list(lv.codes)}
        _put(lrow, "label", _label_value(lv.labels))
        levels.append(lrow)
    _put(row, "levels", levels)
    return row


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def _ind_dict(i: IndicatorUse) -> dict[str, Any]:
    row: dict[str, Any] = {"id": i.id}
    _put(row, "custom", i.custom, False)
    _put(row, "title", i.title["en"] if set(i.title) == {"en"} else dict(i.title))
    for key in ("criterion", "unit", "statistic", "direction", "iris_subcriterion"):
        _put(row, key, getattr(i, key), "")
    _put(row, "iris_role", i.iris_role)
    _put(row, "min_important_difference", i.min_important_difference)
    _put(row, "comparable", i.comparable)
    _put(row, "disaggregations", i.disaggregations)
    for key in ("numerator", "universe", "denominator"):
        _put(row, key, getattr(i, key))
    _put(row, "note", i.note["en"] if set(i.note) == {"en"} else dict(i.note))
    return row


def _input_dict(m: InputMapping) -> dict[str, Any]:
    row: dict[str, Any] = {"unit": m.unit}
    _put(row, "column", m.column)
    _put(row, "columns", m.columns)
    _put(row, "combine", m.combine, "any")
    _put(row, "true_codes", m.true_codes)
    _put(row, "true_labels", m.true_labels)
    _put(row, "categories", {k: list(v) for k, v in m.categories.items()})
    if m.missing is not None:
        row["missing"] = list(m.missing)
    _put(row, "skip", m.skip, "outside")
    _put(row, "aggregate", m.aggregate)
    _put(row, "note", m.note, "")
    return row


def plan_to_toml(plan: Plan, header: str = "") -> str:
    return toml_write.dumps(plan_to_dict(plan), header)
