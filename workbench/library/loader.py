"""Read ``indicator_library/`` (criteria.toml, inputs.toml, indicators/*.toml) into a Library.

Structural problems (bad TOML, a missing required field, a value of the wrong type) raise
:class:`LibraryError` with one line naming the file and the entry. Semantic problems (unknown
inputs, stray languages or fields, duplicate ids, …) are left to
:func:`workbench.library.validate.validate_library`, which reports them as findings. Unknown
fields are kept in each object's ``extra`` so that validation can name them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from workbench import paths
from workbench.errors import LibraryError
from workbench.library import schema, tomlread
from workbench.library.model import (
    LANGUAGES,
    STATISTICS,
    Criterion,
    Indicator,
    InputDef,
    IrisSubcriterion,
    Library,
    Module,
    ReferencePeriod,
    SubTheme,
    Text,
)

CRITERIA_FILE = "criteria.toml"
INPUTS_FILE = "inputs.toml"
INDICATORS_DIR = "indicators"


def read_toml(path: Path) -> dict[str, Any]:
    try:
        text = tomlread.decode(path.read_bytes(), path.name, LibraryError, "library")
        return tomlread.loads(text, path.name, LibraryError, "library")
    except FileNotFoundError:
        raise LibraryError.of("library.file_not_found", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise LibraryError.of("library.toml_invalid", name=path.name, detail=str(exc)) from None
    except OSError as exc:
        raise LibraryError.of("library.file_unreadable", path=path, reason=exc.strerror) from None


def _fields(
    raw: Any, spec: dict[str, schema.FieldSpec], where: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Check required fields and types; return (known fields, unknown extras)."""
    if not isinstance(raw, dict):
        raise LibraryError.of("library.expected_table", where=where)
    for name, fs in spec.items():
        if name not in raw:
            if fs.required:
                raise LibraryError.of("library.field_missing", where=where, name=name)
            continue
        if not schema.check_type(raw[name], fs):
            raise LibraryError.of(
                "library.field_type", where=where, name=name, expected=_TYPE_WORDS[fs.type]
            )
        if fs.type == "str" and fs.required and not raw[name].strip():
            raise LibraryError.of("library.field_empty", where=where, name=name)
    known = {k: v for k, v in raw.items() if k in spec}
    extra = {k: v for k, v in raw.items() if k not in spec}
    return known, extra


_TYPE_WORDS = {
    "str": "a string",
    "bool": "true or false",
    "text": 'a string or a table of language = "text"',
    "str_list": "a list of strings",
    "keywords": "a table of language = [words]",
    "table_list": "a list of tables",
    "defaults": "a table of input = constant",
}


def _sub_themes(raw: list[dict[str, Any]], where: str) -> tuple[SubTheme, ...]:
    out = []
    for i, st in enumerate(raw):
        k, _ = _fields(st, schema.SUB_THEME, f"{where} sub_themes[{i}]")
        out.append(SubTheme(id=k["id"], name=Text.of(k["name"], where)))
    return tuple(out)


def _entries(data: dict[str, Any], key: str, fname: str) -> list[Any]:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise LibraryError.of("library.key_not_tables", fname=fname, key=key)
    return items


def load_criteria(path: Path) -> dict[str, Any]:
    data = read_toml(path)
    fname = path.name
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise LibraryError.of("library.version_missing", fname=fname)
    langs = data.get("languages", list(LANGUAGES))
    if (
        not (isinstance(langs, list) and all(isinstance(x, str) for x in langs))
        or "en" not in langs
    ):
        raise LibraryError.of("library.languages_invalid", fname=fname)
    criteria, modules, iris, periods = [], [], [], []
    for i, raw in enumerate(_entries(data, "criterion", fname)):
        where = f"{fname}: criterion[{i}]"
        k, extra = _fields(raw, schema.CRITERION, where)
        criteria.append(
            Criterion(
                id=k["id"],
                short=Text.of(k["short"], where),
                name=Text.of(k["name"], where),
                applies=k["applies"],
                sub_themes=_sub_themes(k.get("sub_themes", []), where),
                extra=extra,
            )
        )
    for i, raw in enumerate(_entries(data, "module", fname)):
        where = f"{fname}: module[{i}]"
        k, extra = _fields(raw, schema.MODULE, where)
        modules.append(
            Module(
                id=k["id"],
                short=Text.of(k["short"], where),
                name=Text.of(k["name"], where),
                sub_themes=_sub_themes(k.get("sub_themes", []), where),
                extra=extra,
            )
        )
    for i, raw in enumerate(_entries(data, "iris", fname)):
        where = f"{fname}: iris[{i}]"
        k, extra = _fields(raw, schema.IRIS, where)
        iris.append(
            IrisSubcriterion(
                id=k["id"],
                criterion=k["criterion"],
                name=Text.of(k["name"], where),
                note=Text.of(k.get("note"), where),
                extra=extra,
            )
        )
    for i, raw in enumerate(_entries(data, "period", fname)):
        where = f"{fname}: period[{i}]"
        k, extra = _fields(raw, schema.PERIOD, where)
        periods.append(ReferencePeriod(id=k["id"], label=Text.of(k["label"], where), extra=extra))
    top = ("version", "languages", "criterion", "module", "iris", "period", MID_TABLE)
    extra_top = {k: v for k, v in data.items() if k not in top}
    return {
        "version": version.strip(),
        "languages": tuple(langs),
        "criteria": tuple(criteria),
        "modules": tuple(modules),
        "iris_subcriteria": tuple(iris),
        "reference_periods": tuple(periods),
        "min_important_differences": _mid_defaults(data.get(MID_TABLE, {}), fname),
        "extra": extra_top,
    }


MID_TABLE = "min_important_difference"


def _mid_defaults(raw: Any, fname: str) -> dict[str, float]:
    """``[min_important_difference]``: statistic → default margin (e.g. proportion = 0.05)."""
    where = f"{fname}: [{MID_TABLE}]"
    if not isinstance(raw, dict):
        raise LibraryError.of("library.expected_table", where=where)
    spec = schema.FieldSpec("number")
    out: dict[str, float] = {}
    for stat, value in raw.items():
        if stat not in STATISTICS or not schema.check_type(value, spec):
            raise LibraryError.of("library.mid_default_invalid", where=where, key=stat, value=value)
        out[stat] = float(value)
    return out


def load_inputs(path: Path) -> dict[str, InputDef]:
    data = read_toml(path)
    fname = path.name
    out: dict[str, InputDef] = {}
    for section, core in (("inputs", False), ("core", True)):
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise LibraryError.of("library.inputs_not_table", fname=fname, section=section)
        for name, raw in table.items():
            where = f"{fname}: input '{name}'"
            if name in out:
                raise LibraryError.of("library.input_declared_twice", where=where)
            k, extra = _fields(raw, schema.INPUT, where)
            out[name] = InputDef(
                name=name,
                kind=k["kind"],
                unit=k["unit"],
                description=Text.of(k["description"], where),
                keywords={lang: tuple(words) for lang, words in k.get("keywords", {}).items()},
                hxl=tuple(k.get("hxl", ())),
                core=core,
                role=k.get("role"),
                values=tuple(k.get("values", ())),
                extra=extra,
                file=fname,
            )
    return out


def indicator_from_dict(raw: Any, where: str, file: str = "", custom: bool = False) -> Indicator:
    """Build one :class:`Indicator` from a table (library file or a plan's custom definition)."""
    k, extra = _fields(raw, schema.INDICATOR, where)
    simple = ("universe", "denominator", "reference_period", "sub_theme", "code", "sdg", "iris")
    opt: dict[str, Any] = {
        name: k[name] for name in (*simple, "iris_role", "measure", "counts") if name in k
    }
    for name in ("universe", "denominator"):
        if name in opt:
            opt[name] = " ".join(opt[name].split()) or None
    if "optional" in k:
        opt["optional"] = dict(k["optional"])
    if "min_important_difference" in k:
        opt["min_important_difference"] = float(k["min_important_difference"])
    if "comparable" in k:
        opt["comparable"] = bool(k["comparable"])
    if "disaggregations" in k:
        opt["disaggregations"] = tuple(k["disaggregations"])
    return Indicator(
        id=k["id"],
        criterion=str(k["criterion"]).upper(),
        title=Text.of(k["title"], where),
        definition=Text.of(k["definition"], where),
        unit=k["unit"],
        statistic=k["statistic"],
        numerator=" ".join(k["numerator"].split()),
        direction=k["direction"],
        code_confirmed=bool(k.get("code_confirmed", False)),
        source=k["source"],
        source_note=k.get("source_note", ""),
        notes=Text.of(k.get("notes"), where),
        value_unit=Text.of(k.get("value_unit"), where),
        custom=custom,
        extra=extra,
        file=file,
        **opt,
    )


def load_indicators(folder: Path) -> tuple[Indicator, ...]:
    if not folder.is_dir():
        raise LibraryError.of(
            "library.indicators_folder_missing", folder=folder, folder_name=INDICATORS_DIR
        )
    out: list[Indicator] = []
    for path in sorted(folder.glob("*.toml")):
        data = read_toml(path)
        fname = f"{INDICATORS_DIR}/{path.name}"
        stray = sorted(set(data) - {"indicator"})
        if stray:
            raise LibraryError.of(
                "library.stray_keys", fname=fname, keys=", ".join(stray), count=len(stray)
            )
        for i, raw in enumerate(_entries(data, "indicator", fname)):
            ident = raw.get("id") if isinstance(raw, dict) else None
            where = (
                f"{fname}: indicator '{ident}'"
                if isinstance(ident, str)
                else f"{fname}: indicator[{i}]"
            )
            out.append(indicator_from_dict(raw, where, file=fname))
    return tuple(out)


def load_library(path: Path | None = None) -> Library:
    """Load the indicator library from ``path`` (default: :func:`workbench.paths.library_dir`)."""
    root = Path(path) if path is not None else paths.library_dir()
    if not root.is_dir():
        raise LibraryError.of("library.folder_not_found", root=root)
    head = load_criteria(root / CRITERIA_FILE)
    inputs = load_inputs(root / INPUTS_FILE)
    indicators = load_indicators(root / INDICATORS_DIR)
    return Library(
        version=head["version"],
        criteria=head["criteria"],
        modules=head["modules"],
        iris_subcriteria=head["iris_subcriteria"],
        reference_periods=head["reference_periods"],
        inputs=inputs,
        indicators=indicators,
        languages=head["languages"],
        path=root,
        min_important_differences=head["min_important_differences"],
        extra=head["extra"],
    )
