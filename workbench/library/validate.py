"""Checks of a loaded library; they return findings (never raise for content problems).

Rules (finding codes):

- ``library.duplicate_id`` (error): two indicators share an id.
- ``library.bad_id`` (error): an id that is not lower snake_case.
- ``library.bad_enum`` (error): unit, statistic, direction, iris_role, source, criterion
  ``applies`` or input kind / unit outside the allowed values.
- ``library.bad_expression`` (error): a numerator / universe / denominator that does not parse.
- ``library.unknown_input`` (error): an expression reads an input not declared in inputs.toml.
- ``library.expression_type`` (error): a proportion whose numerator is not yes/no, a mean /
  median / total / ratio whose numerator is not a number, or a universe that is not yes/no.
- ``library.ratio_denominator`` (error): a ratio without a denominator, or a denominator on a
  non-ratio indicator.
- ``library.unknown_reference`` (error): an unknown criterion, sub-theme, IRIS sub-criterion,
  reference period or disaggregation (disaggregations must be core inputs).
- ``library.iris_role`` (error): an IRIS link without a role, or a role without a link.
- ``library.stray_language`` / ``library.stray_field`` (error): a translation in a language the
  library does not declare, or a field the schema does not know (also: an ``optional`` input
  that no expression of the indicator reads).
- ``library.missing_translation`` (error for English; warning for French, which every library
  text must have; info for other declared languages — they fall back to English).
- ``library.bad_code`` (error): a library code not of the form ``DS x.y.z``.
- ``library.iris_uncovered`` (error): an IRIS sub-criterion without a recommended indicator;
  ``library.iris_no_alternative`` (warning) without an alternative one.
- ``library.too_few_indicators`` (error): a criterion with fewer than 3 indicators.
"""

from __future__ import annotations

from collections import Counter

from workbench.findings import Finding
from workbench.library.model import APPLIES, INPUT_KINDS, UNITS, Library
from workbench.library.validate_indicator import (
    ID_RE,
    MIN_PER_CRITERION,
    _check_text,
    _enum,
    _f,
    _texts,
    check_indicator,
)

__all__ = ["check_indicator", "validate_library"]


def validate_library(lib: Library) -> list[Finding]:
    """Every rule of this module's docstring, over the whole library."""
    out: list[Finding] = []
    langs = lib.languages
    for key in lib.extra:
        out.append(
            _f("stray_field", "error", {"file": "criteria.toml", "field": key}, wording="top_level")
        )
    for kind, items in (
        ("criterion", lib.criteria),
        ("module", lib.modules),
        ("iris", lib.iris_subcriteria),
        ("period", lib.reference_periods),
    ):
        counts = Counter(o.id for o in items)
        for oid, n in counts.items():
            if n > 1:
                out.append(
                    _f(
                        "duplicate_id",
                        "error",
                        {"file": "criteria.toml", kind: oid},
                        what=kind,
                        id=oid,
                        n=n,
                    )
                )
        for o in items:
            where = {"file": "criteria.toml", kind: o.id}
            for key in o.extra:
                out.append(_f("stray_field", "error", {**where, "field": key}, what=kind, id=o.id))
            for name, text in _texts(o, kind):
                out += _check_text(text, name, langs, where, required=True)
            for st in getattr(o, "sub_themes", ()):
                out += _check_text(
                    st.name, "name", langs, {**where, "sub_theme": st.id}, required=True
                )
    for c in lib.criteria:
        out += _enum(c.applies, APPLIES, "applies", {"file": "criteria.toml", "criterion": c.id})
    for s in lib.iris_subcriteria:
        if s.criterion not in {c.id for c in lib.criteria}:
            out.append(
                _f(
                    "unknown_reference",
                    "error",
                    {"file": "criteria.toml", "iris": s.id},
                    criterion=s.criterion,
                    wording="iris_criterion",
                )
            )
    for inp in lib.inputs.values():
        where = {"file": inp.file, "input": inp.name}
        if not ID_RE.match(inp.name):
            out.append(_f("bad_id", "error", where))
        out += _enum(inp.kind, INPUT_KINDS, "kind", where)
        out += _enum(inp.unit, UNITS, "unit", where)
        for key in inp.extra:
            out.append(
                _f("stray_field", "error", {**where, "field": key}, what="input", id=inp.name)
            )
        for lang in inp.keywords:
            if lang not in langs:
                out.append(
                    _f(
                        "stray_language",
                        "error",
                        {**where, "field": "keywords"},
                        lang=lang,
                        label=f"input={inp.name}",
                    )
                )
        out += _check_text(inp.description, "description", langs, where, required=True)
    counts = Counter(i.id for i in lib.indicators)
    for iid, n in counts.items():
        if n > 1:
            files = ", ".join(sorted({i.file for i in lib.indicators if i.id == iid}))
            out.append(_f("duplicate_id", "error", {"indicator": iid}, n=n, files=files))
    for ind in lib.indicators:
        out += check_indicator(ind, lib)
    for c in lib.criteria:
        n = sum(1 for i in lib.indicators if i.criterion == c.id)
        if n < MIN_PER_CRITERION:
            out.append(
                _f("too_few_indicators", "error", {"criterion": c.id}, n=n, least=MIN_PER_CRITERION)
            )
    for s in lib.iris_subcriteria:
        roles = {i.iris_role for i in lib.indicators if i.iris == s.id}
        if "recommended" not in roles:
            out.append(_f("iris_uncovered", "error", {"iris": s.id}))
        if "alternative" not in roles:
            out.append(_f("iris_no_alternative", "warning", {"iris": s.id}))
    return out
