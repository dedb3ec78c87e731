"""Custom indicators defined by users in analysis plans (source "custom")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbench.errors import LibraryError
from workbench.findings import errors
from workbench.library.loader import indicator_from_dict
from workbench.library.model import Indicator, Library
from workbench.library.validate import check_indicator

#: fields a custom definition may omit, with their defaults
CUSTOM_DEFAULTS: dict[str, Any] = {
    "source": "custom",
    "statistic": "proportion",
    "direction": "higher_is_worse",
    "definition": "",
}


def custom_indicator(definition: Mapping[str, Any], library: Library | None = None) -> Indicator:
    """Build and check a user-defined indicator.

    ``definition`` has the fields of a library indicator (``id``, ``title``, ``criterion``,
    ``unit``, ``numerator`` are required; ``statistic`` defaults to proportion, ``direction`` to
    higher_is_worse). With ``library`` given, every input the expressions read must be declared
    and the criterion, IRIS link, reference period and disaggregations must exist. Raises
    :class:`LibraryError` with one line naming the indicator on the first problem.
    """
    if not isinstance(definition, Mapping):
        raise LibraryError.of("library.custom_not_table")
    raw = {**CUSTOM_DEFAULTS, **dict(definition)}
    if raw.get("source") != "custom":
        raise LibraryError.of("library.custom_source", id=raw.get("id"))
    if not raw["definition"]:
        raw["definition"] = raw.get("title", "")
    ident = raw.get("id")
    where = f"custom indicator '{ident}'" if isinstance(ident, str) else "custom indicator"
    ind = indicator_from_dict(raw, where, custom=True)
    if library is not None and library.has_indicator(ind.id):
        raise LibraryError.of("library.custom_id_taken", where=where)
    problems = errors(
        f for f in check_indicator(ind, library) if f.code != "library.missing_translation"
    )
    if problems:
        raise LibraryError.of("library.custom_invalid", where=where, message=problems[0].message)
    return ind
