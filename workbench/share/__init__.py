"""Anonymised microdata for a named partner (issue 18; docs/sharing.md).

``spec`` (what is asked), ``suggest`` (likely quasi-identifiers), ``anonymise`` (the extract:
identifiers removed, keys pseudonymised, the engine's methods applied — the risk measures and
methods themselves are the engine's, ``workbench/stats/sdc_*.py``), ``utility`` (the plan's
indicators on the extract), ``files`` (SAV/DTA/CSV/XLSX bytes and reading them back),
``report`` (the disclosure-risk PDF) and ``export`` (write, re-check, record)."""
