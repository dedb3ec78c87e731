"""What a user asks for when sharing microdata: the extract (:class:`ShareSpec`) and whom it is
for (:class:`Recipient`). Plain values; the faces build them, the façade checks them."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import ExportError
from workbench.stats.sdc_methods import Recode

#: the file formats an extract can be written in (by suffix)
FORMATS = ("sav", "dta", "csv", "xlsx")
#: the k a user may ask for (sdcMicro's usual choices and a little more)
K_CHOICES = (2, 3, 4, 5, 10)


@dataclass(frozen=True)
class ShareSpec:
    """The extract: which dataset, which quasi-identifiers and what to do to them.

    ``importance`` lists the keys from the most to the least important (local suppression
    removes the least important first; default: the order of ``keys``). ``include`` limits the
    variables written (None: every variable that is not a direct identifier); ``drop`` removes
    more. Columns of the parent (household) dataset named in ``keys``, ``include``,
    ``sensitive`` or ``weight`` are joined onto the records by the link key."""

    dataset: str
    keys: tuple[str, ...]
    k: int = 3
    importance: tuple[str, ...] = ()
    sensitive: tuple[str, ...] = ()
    weight: str | None = None
    household: str | None = None
    include: tuple[str, ...] | None = None
    drop: tuple[str, ...] = ()
    recodes: tuple[Recode, ...] = ()
    pram: tuple[str, ...] = ()
    pram_keep: float = 0.8
    noise: tuple[str, ...] = ()
    noise_level: float = 0.1
    seed: int = 20260
    #: the plan whose indicators are recomputed on the extract (None: the newest plan that reads
    #: the dataset, if any)
    plan: str | None = None
    risk_threshold: float = 0.1
    #: also compute SUDA / DIS-SUDA scores (sdcMicro's suda2; MSUs of at most
    #: ``suda_max_size`` keys, None: all; ``dis_fraction``: the sampling fraction of DIS)
    suda: bool = False
    dis_fraction: float = 0.01
    suda_max_size: int | None = None

    def params(self) -> dict[str, Any]:
        """The settings as the sharing record and the audit log keep them (names, no values)."""
        return {
            "dataset": self.dataset, "keys": list(self.keys), "k": self.k,
            "importance": list(self.importance or self.keys), "sensitive": list(self.sensitive),
            "weight": self.weight, "household": self.household,
            "include": None if self.include is None else list(self.include),
            "drop": list(self.drop), "recodes": [_recode_dict(r) for r in self.recodes],
            "pram": list(self.pram), "pram_keep": self.pram_keep, "noise": list(self.noise),
            "noise_level": self.noise_level, "seed": self.seed, "plan": self.plan,
            "suda": self.suda, "dis_fraction": self.dis_fraction,
            "suda_max_size": self.suda_max_size,
        }  # fmt: skip


def _recode_dict(r: Recode) -> dict[str, Any]:
    d: dict[str, Any] = {"method": type(r).__name__, "variable": r.variable}
    for name in ("breaks", "value", "codes", "into", "label"):
        if hasattr(r, name):
            v = getattr(r, name)
            d[name] = list(map(str, v)) if isinstance(v, tuple) else str(v)
    return d


@dataclass(frozen=True)
class Recipient:
    """Whom the extract is for, and under which agreement. Recipient and purpose are required."""

    organisation: str
    purpose: str
    agreement: str = ""
    approved_by: str = ""
    expires: str = ""  # ISO date, or empty
    languages: tuple[str, ...] = ("en",)
    extra: dict[str, Any] = field(default_factory=dict)

    def checked(self) -> Recipient:
        """This recipient, or the coded error that says what is missing or wrong."""
        if not self.organisation.strip():
            raise ExportError.of("share.no_recipient")
        if not self.purpose.strip():
            raise ExportError.of("share.no_purpose")
        if self.expires:
            try:
                _dt.date.fromisoformat(self.expires)
            except ValueError:
                raise ExportError.of("share.bad_expiry", value=self.expires) from None
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"recipient": self.organisation, "purpose": self.purpose,
                "agreement": self.agreement, "approved_by": self.approved_by,
                "expires": self.expires}  # fmt: skip


def file_format(path: Path) -> str:
    """The extract's format from its suffix, or the coded error naming the ones offered."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError.of("share.bad_format", suffix=Path(path).suffix or "-",
                             formats=", ".join(FORMATS))  # fmt: skip
    return fmt


# ----------------------------------------------------------------- parsing (both faces)
def _split(text: str, example: str) -> tuple[str, str]:
    name, sep, rest = text.partition("=")
    if not sep or not name.strip() or not rest.strip():
        raise ExportError.of("share.bad_recode", text=text, example=example)
    return name.strip(), rest.strip()


def _number(text: str, whole: str, example: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ExportError.of("share.bad_recode", text=whole, example=example) from None


def _code(text: str) -> Any:
    """A category code as the data hold it: a number when it reads as one."""
    try:
        return float(text)
    except ValueError:
        return text


def parse_bands(text: str) -> Recode:
    """``age=0,18,35,60`` → bands with those lower bounds."""
    example = "age=0,18,35,60"
    name, rest = _split(text, example)
    from workbench.stats.sdc_methods import Bands

    return Bands(name, tuple(_number(x, text, example) for x in rest.split(",") if x.strip()))


def parse_cap(text: str, top: bool) -> Recode:
    """``hh_size=10`` → top (or bottom) coding at 10."""
    from workbench.stats.sdc_methods import BottomCode, TopCode

    example = "hh_size=10"
    name, rest = _split(text, example)
    value = _number(rest, text, example)
    return TopCode(name, value) if top else BottomCode(name, value)


def parse_merge(text: str) -> Recode:
    """``district=3+4:3`` → codes 3 and 4 become 3 (``:label`` after the new code optional:
    ``district=3+4:3:North``)."""
    from workbench.stats.sdc_methods import Merge

    example = "district=3+4:3"
    name, rest = _split(text, example)
    codes, sep, tail = rest.partition(":")
    into, _sep, label = tail.partition(":")
    parts = [c.strip() for c in codes.split("+") if c.strip()]
    if not sep or len(parts) < 2 or not into.strip():
        raise ExportError.of("share.bad_recode", text=text, example=example)
    return Merge(name, tuple(_code(c) for c in parts), _code(into.strip()), label.strip())


def names(text: str | None) -> tuple[str, ...]:
    """``a,b, c`` → ("a", "b", "c")."""
    return tuple(x.strip() for x in (text or "").split(",") if x.strip())
