"""What a column's values look like, for identifier detection: digit patterns and lengths,
distinctness, 0/1 and yes/no answers, decimals, dates, UUIDs, geopoints, words per value.

:class:`Profile` is computed once per column on its first 2,000 present values (missing markers
such as ``NA`` or ``.`` left out); each ``fits_*`` answers "could this column hold that kind?".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from workbench.datasets.markers import MISSING_MARKERS

SAMPLE = 2000
YES_NO = frozenset(
    {"yes", "no", "oui", "non", "si", "sí", "true", "false", "y", "n", "o", "dk", "نعم", "لا",
     "0", "1", "0.0", "1.0", "don't know", "ne sait pas", "refused", "refus"}
)  # fmt: skip

_UUID = re.compile(r"^(uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_GEOPOINT = re.compile(
    r"^\[?-?\d{1,3}\.\d{3,}[ ,]+-?\d{1,3}\.\d{3,}(\]| -?\d+(\.\d+)?( \d+(\.\d+)?)?)?$"
)
_TIME = r"([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
_DATE = re.compile(
    r"^((19|20)\d{2}-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])"
    r"|(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-](19|20)\d{2}"
    r"|(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/(19|20)\d{2}"
    r"|(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))" + _TIME + "$"
)
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
#: phone shapes strong enough without a word: +…, 00…, a local number with a leading 0,
#: or digit groups after a country code
_PHONE_STRONG = re.compile(
    r"^(\+\d[\d\s\-().]{7,18}|00[1-9][\d\s\-]{7,16}|0[1-9]\d?([\s\-.]?\d){7,10}"
    r"|[1-9]\d{0,3}([\s\-]\d{2,4}){2,5})$"
)
_PHONE_CHARS = re.compile(r"^\+?[\d\s\-().]+$")
_WORDY = re.compile(r"^[^\W\d_]+([ '\-.’]+[^\W\d_]+)*\.?$")
#: words in a value that make it a place or an institution, not a person
_PLACE_WORDS = re.compile(
    r"\b(?:school|école|ecole|escuela|camp|site|market|marché|centre|center|clinic|hospital|"
    r"village|district|quartier|health|santé|mosque|church|primary|secondary)\b"
)
_DECIMAL = re.compile(r"^-?\d+[.,]\d+$")


def _capitalised(value: str) -> bool:
    """Every word starts with a capital, or with a letter of a script without case (Arabic)."""
    return all(w[0].isupper() or w[0].lower() == w[0].upper() for w in value.split())


def _strings(s: pd.Series) -> pd.Series:
    """Present values as stripped text; numbers without a trailing ``.0``."""
    head = s.iloc[: 10 * SAMPLE].dropna()
    if len(head) < SAMPLE and len(s) > 10 * SAMPLE:
        head = s.dropna()
    head = head.head(SAMPLE)
    if pd.api.types.is_bool_dtype(s):
        return head.astype(int).astype("str")
    if pd.api.types.is_numeric_dtype(s):
        values = head.to_numpy(dtype="float64")
        if np.all(np.mod(values, 1) == 0) and np.all(np.abs(values) < 1e17):
            return pd.Series(values.astype("int64").astype(str))
        return pd.Series([repr(float(v)) for v in values])
    if pd.api.types.is_datetime64_any_dtype(s):
        return head.dt.strftime("%Y-%m-%dT%H:%M:%S")
    text = head.astype("str").str.strip()
    return text[~text.str.lower().isin(MISSING_MARKERS)]


@dataclass
class Profile:
    values: pd.Series
    numeric: bool
    datetime: bool

    @classmethod
    def of(cls, s: pd.Series) -> Profile:
        return cls(
            _strings(s),
            pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s),
            pd.api.types.is_datetime64_any_dtype(s),
        )

    @property
    def n(self) -> int:
        return len(self.values)

    @cached_property
    def n_unique(self) -> int:
        return int(self.values.nunique())

    @property
    def distinct(self) -> float:
        return self.n_unique / self.n if self.n else 0.0

    @cached_property
    def _counts(self) -> Counter[str]:
        """How often each distinct value occurs: patterns are matched once per distinct value (a
        0/1 column has two), not once per value of the sample."""
        return Counter(self.values.tolist())

    def share(self, pattern: re.Pattern[str]) -> float:
        """Share of the values that ``pattern`` matches at their start (``str.match``)."""
        if not self.n:
            return 0.0
        return sum(n for v, n in self._counts.items() if pattern.match(v)) / self.n

    @cached_property
    def digits(self) -> pd.Series:
        return self.values.str.count(r"\d")

    @cached_property
    def yes_no(self) -> bool:
        return self.n > 0 and float(self.values.str.lower().isin(YES_NO).mean()) > 0.9

    @cached_property
    def decimals(self) -> float:
        """Share of values written as decimal numbers (``12.5``, ``12,5``)."""
        return self.share(_DECIMAL)

    @cached_property
    def dates(self) -> float:
        return 1.0 if self.datetime else self.share(_DATE)

    @cached_property
    def with_time(self) -> bool:
        return self.datetime or (
            self.n > 0 and float(self.values.str.contains(_HAS_TIME).mean()) > 0.5
        )

    @cached_property
    def words(self) -> float:
        """Mean number of words per value."""
        return float(self.values.str.split().str.len().mean()) if self.n else 0.0

    # ------------------------------------------------------------------ kinds

    def is_uuid(self) -> bool:
        return self.share(_UUID) > 0.9 and self.distinct > 0.9

    def is_geopoint(self) -> bool:
        return self.share(_GEOPOINT) > 0.8

    def is_date(self) -> bool:
        return self.n > 0 and self.dates > 0.9

    def looks_like_phone(self) -> bool:
        return (
            self.n >= 5
            and self.share(_PHONE_STRONG) > 0.8
            and float(self.digits.between(8, 15).mean()) > 0.8
            and self.distinct > 0.5
            and not self.is_date()
        )

    def looks_like_names(self) -> bool:
        """Two to five capitalised words of letters per value (or words of a script without
        case), nearly all different: person names. Lower-case words are more often answer
        codes (a select_multiple summary such as ``safety housing``) and need a name word."""
        if self.n < 5 or self.distinct < 0.5 or self.yes_no:
            return False
        wordy = float(self.values.str.match(_WORDY).mean())
        n_words = self.values.str.split().str.len()
        capitalised = float(self.values.map(_capitalised).mean())
        places = float(self.values.str.lower().str.contains(_PLACE_WORDS).mean())
        return (
            wordy > 0.9
            and capitalised > 0.8
            and places < 0.5
            and float(n_words.between(2, 5).mean()) > 0.8
        )

    def looks_like_free_text(self) -> bool:
        """Sentences: four words or more per value, mostly different (two different answers
        are enough in a short preview, where an "other, specify" column is mostly empty)."""
        if self.words < 4 or self.n_unique < 2:
            return False
        return self.distinct >= (0.3 if self.n_unique >= 5 else 0.5)

    def fits_phone(self) -> bool:
        if self.n == 0:
            return True
        if self.yes_no or self.n_unique < 3 or self.decimals > 0.2 or self.is_date():
            return False
        plain = float(self.values.str.match(_PHONE_CHARS).mean())
        return plain > 0.8 and float(self.digits.between(7, 15).mean()) > 0.8

    def fits_name(self) -> bool:
        if self.n == 0:
            return True
        if self.yes_no or self.n_unique < 3 or self.is_date() or self.numeric:
            return False
        return float(self.values.str.contains(r"[^\W\d_]{2}").mean()) > 0.8

    def fits_person(self) -> bool:
        """Names under a person word ("respondent", "hoh"): nearly all different, no digits."""
        return (
            self.n > 0
            and self.fits_name()
            and self.distinct >= 0.5
            and (float(self.values.str.match(_WORDY).mean()) > 0.9)
        )

    def fits_gps(self) -> bool:
        if self.n == 0 or self.is_geopoint():
            return True
        nums = pd.to_numeric(self.values, errors="coerce")
        if nums.isna().mean() > 0.1 or not bool((nums.abs() <= 180).all()):
            return False
        places = self.values.str.extract(r"\.(\d+)$")[0].str.len().fillna(0)
        return float(places.median()) >= 4 and self.n_unique >= 3

    def fits_id_number(self) -> bool:
        if self.n == 0:
            return True
        if self.yes_no or self.is_date() or self.decimals > 0.2:
            return False
        long = float((self.digits >= 5).mean())
        return long > 0.8 and self.distinct > 0.5

    def fits_date(self) -> bool:
        return self.n == 0 or self.is_date()

    def fits_place(self) -> bool:
        if self.n == 0:
            return True
        if self.yes_no or self.numeric:
            return False
        return float(self.values.str.contains(r"[^\W\d_]{3}").mean()) > 0.8

    def fits_key(self) -> bool:
        """A submission id or account: more than one value and no yes/no answers."""
        return self.n == 0 or (not self.yes_no and self.n_unique > 1)
