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
        return [Finding.of("link.no_key", "error", where=where)]
    link = individual.parent_key or key
    out: list[Finding] = []
    for ds, col in ((household, key), (individual, link)):
        if col not in ds.frame.columns:
            out.append(
                Finding.of(
                    "link.key_column_missing", "error", where={**where, "column": col}, column=col
                )
            )
    if out:
        return out
    hh = as_key_strings(household.frame[key])
    ind = as_key_strings(individual.frame[link])
    n_missing = int(hh.isna().sum())
    if n_missing:
        out.append(
            Finding.of(
                "link.household_key_empty", "error", where={**where, "column": key}, count=n_missing
            )
        )
    present = hh.dropna()
    dup = present[present.duplicated(keep="first")].unique()
    if len(dup):
        ex = [str(v) for v in dup[:EXAMPLES]]
        out.append(
            Finding.of(
                "link.duplicate_household_keys",
                "error",
                where={**where, "column": key},
                count=len(dup),
                examples=ex,
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
            Finding.of(
                "link.orphan_individuals",
                "error",
                where={**where, "column": link},
                count=n,
                keys=len(orphan_keys),
                examples=ex,
            )
        )
    n_unlinked = int(ind.isna().sum())
    if n_unlinked:
        out.append(
            Finding.of(
                "link.individual_key_empty",
                "error",
                where={**where, "column": link},
                count=n_unlinked,
            )
        )
    childless = known - set(ind_present.tolist())
    if childless:
        ex = sorted(childless)[:EXAMPLES]
        out.append(
            Finding.of(
                "link.households_without_members",
                "info",
                where=where,
                count=len(childless),
                examples=ex,
            )
        )
    if not [f for f in out if f.severity == "error"]:
        out.append(
            Finding.of("link.ok", "info", where=where, individuals=len(ind), households=len(known))
        )
    return out
