"""Household ↔ individual linking checks. Findings list keys only, never other values."""

from __future__ import annotations

from workbench.dataset_model import Dataset
from workbench.datasets.columns import as_key_strings
from workbench.findings import Finding

EXAMPLES = 5


def check_link(household: Dataset, individual: Dataset) -> list[Finding]:
    """The household key is unique, every individual's household exists, and (info) how many
    households have no members."""
    where = {"household": household.name, "individual": individual.name}
    key = household.key
    if not key:
        return [
            Finding(
                "link.no_key",
                "error",
                f"{household.name} has no key column; set the household key first",
                where=where,
            )
        ]
    link = individual.parent_key or key
    out: list[Finding] = []
    for ds, col in ((household, key), (individual, link)):
        if col not in ds.frame.columns:
            out.append(
                Finding(
                    "link.key_column_missing",
                    "error",
                    f"{ds.name} has no column {col}",
                    params={"column": col},
                    where={**where, "column": col},
                )
            )
    if out:
        return out
    hh = as_key_strings(household.frame[key])
    ind = as_key_strings(individual.frame[link])
    n_missing = int(hh.isna().sum())
    if n_missing:
        out.append(
            Finding(
                "link.household_key_empty",
                "error",
                f"{n_missing} households have an empty key {key}",
                params={"count": n_missing},
                where={**where, "column": key},
            )
        )
    present = hh.dropna()
    dup = present[present.duplicated(keep="first")].unique()
    if len(dup):
        ex = [str(v) for v in dup[:EXAMPLES]]
        out.append(
            Finding(
                "link.duplicate_household_keys",
                "error",
                f"{len(dup)} household keys occur more than once in {household.name} "
                f"(e.g. {', '.join(ex)})",
                params={"count": len(dup), "examples": ex},
                where={**where, "column": key},
            )
        )
    known = set(present.tolist())
    ind_present = ind.dropna()
    orphan_mask = ~ind_present.isin(known)
    if orphan_mask.any():
        orphan_keys = ind_present[orphan_mask].unique()
        ex = [str(v) for v in orphan_keys[:EXAMPLES]]
        n = int(orphan_mask.sum())
        out.append(
            Finding(
                "link.orphan_individuals",
                "error",
                f"{n} individuals in {individual.name} point to {len(orphan_keys)} "
                f"households that do not exist (e.g. {', '.join(ex)})",
                params={"count": n, "keys": len(orphan_keys), "examples": ex},
                where={**where, "column": link},
            )
        )
    n_unlinked = int(ind.isna().sum())
    if n_unlinked:
        out.append(
            Finding(
                "link.individual_key_empty",
                "error",
                f"{n_unlinked} individuals have an empty household key {link}",
                params={"count": n_unlinked},
                where={**where, "column": link},
            )
        )
    childless = known - set(ind_present.tolist())
    if childless:
        ex = sorted(childless)[:EXAMPLES]
        out.append(
            Finding(
                "link.households_without_members",
                "info",
                f"{len(childless)} households have no members in {individual.name} "
                f"(e.g. {', '.join(ex)})",
                params={"count": len(childless), "examples": ex},
                where=where,
            )
        )
    if not [f for f in out if f.severity == "error"]:
        out.append(
            Finding(
                "link.ok",
                "info",
                f"{len(ind)} individuals link to {len(known)} households by {link}",
                params={"individuals": len(ind), "households": len(known)},
                where=where,
            )
        )
    return out
