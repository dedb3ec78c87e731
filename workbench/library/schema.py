"""The library file schema: which fields each table may hold, their types and whether required.

The loader (:mod:`workbench.library.loader`) enforces *types* and *required* fields and raises
:class:`~workbench.errors.LibraryError` naming the file and entry; unknown fields and languages
are kept and reported by :func:`workbench.library.validate.validate_library` as findings.
``indicator_library/schema.json`` is generated from this module (``workbench library schema``)
and documents the same rules for people editing the TOML files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.library.model import (
    APPLIES,
    DIRECTIONS,
    INPUT_KINDS,
    IRIS_ROLES,
    LANGUAGES,
    SOURCES,
    STATISTICS,
    UNITS,
)

#: field types: str, text (string or language table), bool, number (≥ 0), str_list, keywords
#: (lang → list)
FieldType = str


@dataclass(frozen=True)
class FieldSpec:
    type: FieldType
    required: bool = False
    choices: tuple[str, ...] = ()
    doc: str = ""


SUB_THEME: dict[str, FieldSpec] = {
    "id": FieldSpec("str", True, doc="'<criterion>.<n>', e.g. '1.4'"),
    "name": FieldSpec("text", True),
}

CRITERION: dict[str, FieldSpec] = {
    "id": FieldSpec("str", True, doc="'1' .. '8'"),
    "short": FieldSpec("text", True),
    "name": FieldSpec("text", True),
    "applies": FieldSpec("str", True, APPLIES),
    "sub_themes": FieldSpec("table_list", doc="list of {id, name}"),
}

MODULE: dict[str, FieldSpec] = {
    "id": FieldSpec("str", True, doc="'A' | 'B'"),
    "short": FieldSpec("text", True),
    "name": FieldSpec("text", True),
    "sub_themes": FieldSpec("table_list"),
}

IRIS: dict[str, FieldSpec] = {
    "id": FieldSpec("str", True, doc="'1.1' .. '5.1'"),
    "criterion": FieldSpec("str", True),
    "name": FieldSpec("text", True),
    "note": FieldSpec("text"),
}

PERIOD: dict[str, FieldSpec] = {
    "id": FieldSpec("str", True),
    "label": FieldSpec("text", True),
}

INPUT: dict[str, FieldSpec] = {
    "kind": FieldSpec("str", True, INPUT_KINDS),
    "unit": FieldSpec("str", True, UNITS),
    "description": FieldSpec("text", True),
    "keywords": FieldSpec("keywords", doc="language = [words and synonyms]"),
    "hxl": FieldSpec("str_list", doc="HXL hashtag hints, e.g. '#affected+idps'"),
    "role": FieldSpec("str", doc="core inputs: weight | stratum | psu | group | disaggregation"),
    "values": FieldSpec("str_list", doc="category inputs: expected values"),
}

INDICATOR: dict[str, FieldSpec] = {
    "id": FieldSpec("str", True, doc="stable snake_case id, e.g. ds_5_1_1_personal_id"),
    "criterion": FieldSpec("str", True, doc="'1' .. '8', 'A', 'B'"),
    "sub_theme": FieldSpec("str", doc="a sub-theme id of the criterion"),
    "code": FieldSpec("str", doc="library code 'DS x.y.z'"),
    "code_confirmed": FieldSpec("bool", doc="true only if the code is confirmed in public sources"),
    "sdg": FieldSpec("str", doc="SDG indicator code, e.g. '16.1.4'"),
    "title": FieldSpec("text", True),
    "definition": FieldSpec("text", True),
    "unit": FieldSpec("str", True, UNITS),
    "statistic": FieldSpec("str", True, STATISTICS),
    "numerator": FieldSpec("str", True, doc="expression over named inputs"),
    "universe": FieldSpec("str", doc="expression; omitted = everyone"),
    "denominator": FieldSpec("str", doc="ratio indicators only"),
    "reference_period": FieldSpec("str", doc="a reference-period id from criteria.toml"),
    "direction": FieldSpec("str", True, DIRECTIONS),
    "disaggregations": FieldSpec("str_list", doc="core input names"),
    "iris": FieldSpec("str", doc="IRIS sub-criterion id, e.g. '5.1'"),
    "iris_role": FieldSpec("str", choices=IRIS_ROLES),
    "source": FieldSpec("str", True, SOURCES),
    "source_note": FieldSpec("str"),
    "notes": FieldSpec("text"),
    "optional": FieldSpec("defaults", doc="inputs a plan may leave unmapped = constant used then"),
    "min_important_difference": FieldSpec(
        "number",
        doc="smallest gap displaced − comparator that matters, on the estimate's scale (0.05 = "
        "5 points for a proportion); omitted: the library default for the statistic "
        "(criteria.toml [min_important_difference])",
    ),
    "comparable": FieldSpec(
        "bool",
        doc="false when the universe excludes the comparator by definition (e.g. 'since "
        "displacement'): described for displaced groups, never compared",
    ),
    "measure": FieldSpec(
        "str", choices=("money",), doc="money: an amount in the survey currency (the plan's)"
    ),
    "counts": FieldSpec(
        "str",
        choices=UNITS,
        doc="what the estimate counts when it is not the unit of its rows: household for a "
        "share of household heads, individual for a total of the members households report; "
        "the report's 'Unit' line says it (omitted: unit)",
    ),
    "value_unit": FieldSpec(
        "text",
        doc="the unit of a mean, median, ratio or total's numbers by language ('people per "
        "household'), written in the report and on its chart's axis",
    ),
}

TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "criterion": ("short", "name"),
    "module": ("short", "name"),
    "sub_theme": ("name",),
    "iris": ("name", "note"),
    "period": ("label",),
    "input": ("description",),
    "indicator": ("title", "definition", "notes", "value_unit"),
}


def check_type(value: Any, spec: FieldSpec) -> bool:
    """Whether ``value`` has the shape ``spec.type`` asks for."""
    t = spec.type
    if t == "str":
        return isinstance(value, str)
    if t == "bool":
        return isinstance(value, bool)
    if t == "number":
        return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
    if t == "text":
        return isinstance(value, str) or (
            isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        )
    if t == "str_list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if t == "keywords":
        return isinstance(value, dict) and all(
            isinstance(v, list) and all(isinstance(w, str) for w in v) for v in value.values()
        )
    if t == "defaults":
        return isinstance(value, dict) and all(
            isinstance(v, bool | int | float | str) for v in value.values()
        )
    if t == "table_list":
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    return False


def json_schema() -> dict[str, Any]:
    """A JSON-schema description of the library files (documentation for editors)."""

    def props(fields: dict[str, FieldSpec]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, spec in fields.items():
            if spec.type == "text":
                p: dict[str, Any] = {
                    "oneOf": [
                        {"type": "string"},
                        {
                            "type": "object",
                            "propertyNames": {"enum": list(LANGUAGES)},
                            "additionalProperties": {"type": "string"},
                        },
                    ]
                }
            elif spec.type == "str_list":
                p = {"type": "array", "items": {"type": "string"}}
            elif spec.type == "keywords":
                p = {
                    "type": "object",
                    "propertyNames": {"enum": list(LANGUAGES)},
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                }
            elif spec.type == "table_list":
                p = {"type": "array", "items": {"$ref": "#/$defs/sub_theme"}}
            elif spec.type == "defaults":
                p = {
                    "type": "object",
                    "additionalProperties": {"type": ["boolean", "number", "string"]},
                }
            elif spec.type == "bool":
                p = {"type": "boolean"}
            elif spec.type == "number":
                p = {"type": "number", "minimum": 0}
            else:
                p = {"type": "string"}
            if spec.choices:
                p["enum"] = list(spec.choices)
            if spec.doc:
                p["description"] = spec.doc
            out[name] = p
        return out

    def obj(fields: dict[str, FieldSpec]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": [k for k, v in fields.items() if v.required],
            "properties": props(fields),
            "additionalProperties": False,
        }

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Durable Solutions Workbench indicator library",
        "description": "criteria.toml, inputs.toml and indicators/*.toml (read as TOML).",
        "$defs": {
            "sub_theme": obj(SUB_THEME),
            "criterion": obj(CRITERION),
            "module": obj(MODULE),
            "iris_subcriterion": obj(IRIS),
            "reference_period": obj(PERIOD),
            "input": obj(INPUT),
            "indicator": obj(INDICATOR),
        },
        "files": {
            "criteria.toml": {
                "type": "object",
                "required": ["version", "criterion", "module", "iris", "period"],
                "properties": {
                    "version": {"type": "string"},
                    "languages": {"type": "array", "items": {"enum": list(LANGUAGES)}},
                    "criterion": {"type": "array", "items": {"$ref": "#/$defs/criterion"}},
                    "module": {"type": "array", "items": {"$ref": "#/$defs/module"}},
                    "iris": {"type": "array", "items": {"$ref": "#/$defs/iris_subcriterion"}},
                    "period": {"type": "array", "items": {"$ref": "#/$defs/reference_period"}},
                },
            },
            "inputs.toml": {
                "type": "object",
                "properties": {
                    "inputs": {"type": "object", "additionalProperties": {"$ref": "#/$defs/input"}},
                    "core": {"type": "object", "additionalProperties": {"$ref": "#/$defs/input"}},
                },
            },
            "indicators/*.toml": {
                "type": "object",
                "properties": {
                    "indicator": {"type": "array", "items": {"$ref": "#/$defs/indicator"}}
                },
            },
        },
    }
