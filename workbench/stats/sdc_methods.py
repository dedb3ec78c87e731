"""Methods that lower disclosure risk, as sdcMicro names them (docs/sharing.md).

- Global recoding: age bands (:class:`Bands`), merged categories (:class:`Merge`), top and
  bottom coding (:class:`TopCode`, :class:`BottomCode`). A band keeps a number (its lower bound)
  with a value label for the range, so a plan's thresholds at band edges still hold.
- Local suppression (:func:`suppress_to_k`): the fewest values set missing, least important
  variable first, until every record shares its key with at least k − 1 others (a missing value
  matches every value).
- PRAM (:func:`pram`): each value of a categorical variable is kept with probability ``keep``
  and otherwise redrawn from the variable's own distribution — the invariant PRAM matrix
  ``P = keep·I + (1 − keep)·1πᵀ`` (``πᵀP = πᵀ``), seeded so the run can be recorded.
- Noise (:func:`add_noise`): additive normal noise with standard deviation ``level × sd`` of a
  continuous variable (sdcMicro's ``addNoise``, method ``additive``), seeded.

Each function returns the changed frame (a copy) and a record of what it did: the counts of
values changed per variable and the parameters, never data values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from workbench.errors import StatsError
from workbench.progress import CancelToken, check_cancel
from workbench.stats.sdc_keys import MISSING, KeyCounts, encode


@dataclass(frozen=True)
class Bands:
    """Replace a number by the band it falls in; ``breaks`` are the bands' lower bounds (values
    below the first are bottom-coded into the first band)."""

    variable: str
    breaks: tuple[float, ...]


@dataclass(frozen=True)
class TopCode:
    variable: str
    value: float


@dataclass(frozen=True)
class BottomCode:
    variable: str
    value: float


@dataclass(frozen=True)
class Merge:
    """Codes ``codes`` become one category ``into`` (labelled ``label``)."""

    variable: str
    codes: tuple[Any, ...]
    into: Any
    label: str = ""


Recode = Bands | TopCode | BottomCode | Merge


@dataclass
class MethodRecord:
    """One step applied: its method name, variable, parameters and values changed."""

    method: str
    variable: str
    params: dict[str, Any] = field(default_factory=dict)
    changed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "variable": self.variable, "params": self.params,
                "changed": self.changed}  # fmt: skip


def _fmt(x: float) -> str:
    return f"{x:g}"


def _numeric(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame.columns:
        raise StatsError.of("share.unknown_variable", variable=name)
    col = frame[name]
    if not pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
        raise StatsError.of("share.not_numeric", variable=name)
    return col.astype(float)


def _changed(before: pd.Series, after: pd.Series) -> int:
    a, b = before.to_numpy(dtype=object), after.to_numpy(dtype=object)
    same = (a == b) | (pd.isna(before).to_numpy() & pd.isna(after).to_numpy())
    return int((~same).sum())


def recode(
    frame: pd.DataFrame, step: Recode, missing_codes: Sequence[Any] = ()
) -> tuple[pd.DataFrame, MethodRecord, dict[Any, str]]:
    """One global recoding; returns the new frame, its record and the value labels the recoded
    values get (code → label). User-missing codes are left as they are."""
    out = frame.copy()
    name = step.variable
    if isinstance(step, Merge):
        if name not in frame.columns:
            raise StatsError.of("share.unknown_variable", variable=name)
        col = frame[name]
        hit = col.isin(list(step.codes))
        out[name] = col.where(~hit, step.into)
        label = step.label or " / ".join(map(str, step.codes))
        rec = MethodRecord("merge", name, {"codes": list(map(str, step.codes)),
                                           "into": str(step.into)})  # fmt: skip
        rec.changed = _changed(col, out[name])
        return out, rec, {step.into: label}
    col = _numeric(frame, name)
    keep = col.isna() | col.isin([float(c) for c in missing_codes if _is_num(c)])
    values = col.to_numpy(dtype=float)
    labels: dict[Any, str] = {}
    if isinstance(step, Bands):
        breaks = np.array(sorted(set(step.breaks)), dtype=float)
        if len(breaks) < 2:
            raise StatsError.of("share.bands_too_few", variable=name)
        idx = np.clip(np.searchsorted(breaks, values, side="right") - 1, 0, len(breaks) - 1)
        new = breaks[idx]
        whole = bool(np.all(np.mod(values[~keep.to_numpy()], 1) == 0))
        for i, lo in enumerate(breaks):
            if i + 1 < len(breaks):
                hi = breaks[i + 1]
                labels[float(lo)] = f"{_fmt(lo)}–{_fmt(hi - 1)}" if whole else \
                    f"{_fmt(lo)}–<{_fmt(hi)}"  # fmt: skip
            else:
                labels[float(lo)] = f"{_fmt(lo)}+"
        params: dict[str, Any] = {"breaks": [float(b) for b in breaks]}
        method = "bands"
    elif isinstance(step, TopCode):
        new = np.minimum(values, step.value)
        labels[float(step.value)] = f"{_fmt(step.value)}+"
        params, method = {"value": float(step.value)}, "top_code"
    else:
        new = np.maximum(values, step.value)
        labels[float(step.value)] = f"≤{_fmt(step.value)}"
        params, method = {"value": float(step.value)}, "bottom_code"
    result = pd.Series(np.where(keep.to_numpy(), values, new), index=frame.index)
    out[name] = result
    rec = MethodRecord(method, name, params, _changed(col, result))
    return out, rec, labels


def _is_num(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def suppress_to_k(
    frame: pd.DataFrame,
    keys: Sequence[str],
    k: int,
    importance: Sequence[str] | None = None,
    cancel: CancelToken | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[pd.DataFrame, list[MethodRecord]]:
    """Local suppression until every record has ``fk ≥ k``.

    Each round computes ``fk``; for every record below k it tries single suppressions from the
    least important key upwards and takes the first that lifts its ``fk`` to k (counted against
    the others' current values, which later suppressions can only make more general); a record
    no single suppression saves gets its least important observed key suppressed and waits for
    the next round. Suppressions only raise frequencies, so the rounds end — at worst with every
    key of a record missing, which matches every record (a file of fewer than k records cannot
    be made k-anonymous and is refused)."""
    keys = list(keys)
    order = list(importance or keys)
    if sorted(order) != sorted(keys):
        raise StatsError.of("share.importance_mismatch")
    if len(frame) < k:
        raise StatsError.of("share.too_few_records", records=len(frame), k=k)
    codes = encode(frame, keys)
    done: list[tuple[np.ndarray, np.ndarray]] = []  # (rows, key columns) suppressed per round
    least_first = [keys.index(v) for v in reversed(order)]
    rounds = 0
    counts = KeyCounts(codes)
    unsafe = np.flatnonzero((counts.own_distinct()[0] < k)[counts.inv])
    while len(unsafe):
        check_cancel(cancel)
        if progress is not None:
            progress(len(unsafe))
        rounds += 1
        chosen = np.full(len(unsafe), MISSING, dtype=np.int64)
        for j in least_first:
            cand = np.flatnonzero((chosen == MISSING) & (codes[unsafe, j] != MISSING))
            if len(cand) == 0:
                continue
            trial = codes[unsafe[cand]].copy()
            trial[:, j] = MISSING
            ok = counts.of(trial).fk >= k
            chosen[cand[ok]] = j
        stuck = np.flatnonzero(chosen == MISSING)
        for i in stuck:
            row = codes[unsafe[i]]
            chosen[i] = next(j for j in least_first if row[j] != MISSING)
        codes[unsafe, chosen] = MISSING
        done.append((unsafe, chosen))
        # a record saved by one suppression stays safe (later suppressions only raise
        # frequencies) and so does every record that was safe: only the stuck ones are left
        unsafe = unsafe[stuck]
        if len(unsafe):
            counts = KeyCounts(codes)
            unsafe = unsafe[counts.of(codes[unsafe]).fk < k]
    del counts, codes
    rows = np.concatenate([r for r, _c in done]) if done else np.zeros(0, dtype=np.int64)
    cols = np.concatenate([c for _r, c in done]) if done else np.zeros(0, dtype=np.int64)
    out = frame.copy(deep=False)  # the columns without a suppression are shared, not copied
    records = []
    for j, name in enumerate(keys):
        gone = np.zeros(len(frame), dtype=bool)
        gone[rows[cols == j]] = True
        if gone.any():
            out[name] = out[name].where(~gone, None if out[name].dtype == object else np.nan)
        records.append(MethodRecord("local_suppression", name, {"k": int(k), "rounds": rounds},
                                    int(gone.sum())))  # fmt: skip
    return out, records


def pram(
    frame: pd.DataFrame,
    variables: Sequence[str],
    keep: float,
    seed: int,
    missing_codes: Mapping[str, Sequence[Any]] | None = None,
) -> tuple[pd.DataFrame, list[MethodRecord]]:
    """Invariant PRAM of categorical ``variables`` (missing values and user-missing codes are
    neither changed nor drawn)."""
    if not 0.0 < keep < 1.0:
        raise StatsError.of("share.pram_keep", keep=keep)
    rng = np.random.default_rng(seed)
    out = frame.copy()
    records = []
    for name in variables:
        if name not in frame.columns:
            raise StatsError.of("share.unknown_variable", variable=name)
        col = frame[name]
        skip = col.isna() | col.isin(list((missing_codes or {}).get(name, ())))
        codes, uniques = pd.factorize(col.where(~skip), use_na_sentinel=True)
        live = np.flatnonzero(codes >= 0)
        redraw = live[rng.random(len(live)) >= keep]
        new = codes.copy()
        # the marginal distribution π of the variable: a redraw copies a random live record
        new[redraw] = codes[live[rng.integers(0, len(live), size=len(redraw))]]
        values = col.to_numpy(dtype=object).copy()
        values[redraw] = np.asarray(uniques, dtype=object)[new[redraw]]
        out[name] = pd.Series(values, index=frame.index).astype(col.dtype)
        records.append(MethodRecord("pram", name, {"keep": keep, "seed": int(seed)},
                                    int((new != codes).sum())))  # fmt: skip
    return out, records


def add_noise(
    frame: pd.DataFrame,
    variables: Sequence[str],
    level: float,
    seed: int,
    missing_codes: Mapping[str, Sequence[Any]] | None = None,
) -> tuple[pd.DataFrame, list[MethodRecord]]:
    """Additive noise N(0, (level·sd)²) on continuous ``variables``; whole numbers stay whole
    and non-negative values non-negative."""
    if not level > 0:
        raise StatsError.of("share.noise_level", level=level)
    rng = np.random.default_rng(seed)
    out = frame.copy()
    records = []
    for name in variables:
        col = _numeric(frame, name)
        skip = (col.isna() | col.isin(list((missing_codes or {}).get(name, ())))).to_numpy()
        values = col.to_numpy(dtype=float).copy()
        live = values[~skip]
        sd = float(np.std(live)) if len(live) > 1 else 0.0
        noisy = live + rng.normal(0.0, level * sd, size=len(live))
        if len(live) and np.all(np.mod(live, 1) == 0):
            noisy = np.round(noisy)
        if len(live) and live.min() >= 0:
            noisy = np.maximum(noisy, 0.0)
        values[~skip] = noisy
        out[name] = values
        records.append(MethodRecord("noise", name, {"level": level, "seed": int(seed)},
                                    int((noisy != live).sum())))  # fmt: skip
    return out, records
