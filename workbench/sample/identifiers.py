"""Fake direct identifiers and Kobo metadata: invented names, fictional phone numbers, GPS points
in open ocean, enumerator accounts, submission ids and times.

Nothing here is real: names are built from invented syllables, phone numbers use the unassigned
country code +999, and GPS points fall in the South Atlantic, far from any coast.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

_SYLLABLES = np.array(
    [
        "ka",
        "lo",
        "mi",
        "ra",
        "ne",
        "to",
        "sa",
        "vi",
        "du",
        "be",
        "ri",
        "ma",
        "zo",
        "fe",
        "nu",
        "ta",
        "li",
        "go",
        "pe",
        "xa",
        "mo",
        "di",
        "ru",
        "se",
        "wa",
        "jo",
        "ki",
        "la",
        "bo",
        "ve",
    ]
)
_FAMILY_ENDINGS = np.array(["ovi", "ander", "eku", "asse", "imbe", "orra", "uli", "ento"])
_DISTRICT_SLUG = {1: "alvora", 2: "bendeki", 3: "corvalle", 4: "dunmere"}
#: district centre (lat, lon): open South Atlantic, no land within hundreds of kilometres
_GPS_CENTRE = {1: (-47.10, -28.40), 2: (-47.60, -27.20), 3: (-46.80, -26.60), 4: (-48.00, -29.10)}
_OTHER_TEXTS = (
    "Land to farm near the river",
    "The bridge to the market must be rebuilt",
    "Compensation for the goats we lost",
    "Terrain pour cultiver",
    "Mon oncle Doravi doit revenir d'abord",
    "Electricity in the new quarter",
    "A school for the girls",
    "Réparation de la route",
)


def fake_names(rng: np.random.Generator, n: int, with_family: bool = True) -> np.ndarray:
    """Invented names such as ``Kalomi Rasaovi`` (2-3 syllables, capitalised)."""
    k = len(_SYLLABLES)
    first = np.char.add(_SYLLABLES[rng.integers(0, k, n)], _SYLLABLES[rng.integers(0, k, n)])
    third = np.where(rng.random(n) < 0.4, _SYLLABLES[rng.integers(0, k, n)], "")
    first = np.char.capitalize(np.char.add(first, third))
    if not with_family:
        return first
    family = np.char.add(_SYLLABLES[rng.integers(0, k, n)], _FAMILY_ENDINGS[rng.integers(0, 8, n)])
    return np.char.add(np.char.add(first, " "), np.char.capitalize(family))


def fake_phones(rng: np.random.Generator, n: int) -> np.ndarray:
    """``+999 55 0xx xxxx``: country code 999 is not assigned to any country."""
    a = rng.integers(0, 100, n)
    b = rng.integers(0, 10000, n)
    return np.array([f"+999 55 0{x:02d} {y:04d}" for x, y in zip(a, b, strict=True)], dtype=object)


def fake_gps(rng: np.random.Generator, district: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lat0 = np.vectorize(lambda d: _GPS_CENTRE[int(d)][0])(district)
    lon0 = np.vectorize(lambda d: _GPS_CENTRE[int(d)][1])(district)
    lat = np.round(lat0 + rng.normal(0, 0.15, len(district)), 6)
    lon = np.round(lon0 + rng.normal(0, 0.15, len(district)), 6)
    return lat, lon


def other_texts(rng: np.random.Generator, n: int) -> np.ndarray:
    return np.array(_OTHER_TEXTS, dtype=object)[rng.integers(0, len(_OTHER_TEXTS), n)]


def fake_uuids(rng: np.random.Generator, n: int) -> np.ndarray:
    """Version-4-shaped UUIDs from the generator's stream (deterministic)."""
    raw = rng.integers(0, 256, size=(n, 16), dtype=np.uint8)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40
    raw[:, 8] = (raw[:, 8] & 0x0F) | 0xA0
    h = raw.tobytes().hex()
    return np.array(
        [
            f"{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:]}"
            for u in (h[i : i + 32] for i in range(0, 32 * n, 32))
        ],
        dtype=object,
    )


def kobo_metadata(
    rng: np.random.Generator, district: np.ndarray, ea_index: np.ndarray
) -> dict[str, np.ndarray]:
    """Kobo metadata per household: interview_start, interview_end, kobo_id, kobo_uuid,
    submission_time, submitted_by."""
    n = len(district)
    day0 = np.datetime64("2026-03-02T00:00:00", "s")
    # each EA is visited on one day of a six-week field period; interviews 08:00-17:00
    n_ea = int(ea_index.max()) + 1 if n else 0
    ea_day = rng.integers(0, 42, size=n_ea)
    start = (
        day0
        + (ea_day[ea_index] * 86400).astype("timedelta64[s]")
        + (8 * 3600 + rng.integers(0, 9 * 3600, size=n)).astype("timedelta64[s]")
    )
    end = start + rng.integers(25 * 60, 75 * 60, size=n).astype("timedelta64[s]")
    upload = end + rng.integers(600, 3 * 86400, size=n).astype("timedelta64[s]")
    team = rng.integers(1, 4, size=n_ea)[ea_index]
    slug = np.vectorize(lambda d: _DISTRICT_SLUG[int(d)])(district)
    submitted_by = np.array(
        [f"enum_{s}_{t:02d}" for s, t in zip(slug, team, strict=True)], dtype=object
    )
    return {
        "interview_start": pd.to_datetime(start).astype("datetime64[ns]").to_numpy(),
        "interview_end": pd.to_datetime(end).astype("datetime64[ns]").to_numpy(),
        "kobo_id": (480_310_000 + np.arange(n)).astype(np.float64),
        "kobo_uuid": fake_uuids(rng, n),
        "submission_time": pd.to_datetime(upload).astype("datetime64[ns]").to_numpy(),
        "submitted_by": submitted_by,
    }
