"""Which Freedonia the generator draws: the baseline population or the follow-up's.

The outcome probabilities (:data:`~workbench.sample.params.OUTCOMES`) and the sampling frame
(:data:`~workbench.sample.params.STRATA`) are the baseline's. The follow-up round two years
later (:data:`FOLLOW_UP`) changes some of them — the truth of the change: documentation gaps
closing (national ID, birth registration and certificates, dwelling documents), employment in
camps falling while it rises for the host community (a widening gap), returnees feeling safer,
and the frame itself (camps shrink, returnees grow: the IDP stock changes). The draws and the
truth read :func:`active`; :func:`population` switches it for a block (a context variable, so
a generator running on another thread is not affected).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from workbench.sample.params import OUTCOMES, STRATA, Outcome, Stratum


@dataclass(frozen=True)
class Population:
    name: str
    outcomes: Mapping[str, Outcome]
    strata: tuple[Stratum, ...]


BASELINE = Population("baseline", OUTCOMES, STRATA)

#: P(yes) by group 1..4 at the follow-up, where it differs from the baseline
FOLLOW_UP_P: dict[str, tuple[float | None, ...]] = {
    # documentation: gaps closing (a civil documentation campaign in camps and settlements)
    "national_id": (0.74, 0.81, 0.83, 0.91),
    "birth_registered": (0.72, 0.81, 0.81, 0.89),
    "birth_cert": (0.66, 0.75, 0.77, 0.86),
    "tenure_docs": (0.12, 0.36, 0.48, 0.63),
    # livelihoods: the camps' gap widens (aid cuts, movement restrictions around camps)
    "employed": (0.21, 0.37, 0.44, 0.57),
    # safety: returnees feel safer, the gap with the host community closes
    "safe": (0.45, 0.59, 0.70, 0.73),
}
#: households in the frame at the follow-up relative to the baseline, by group
FOLLOW_UP_GROWTH: dict[int, float] = {1: 0.75, 2: 0.95, 3: 1.35, 4: 1.03}

FOLLOW_UP = Population(
    "follow_up",
    {
        name: dataclasses.replace(o, p=FOLLOW_UP_P[name]) if name in FOLLOW_UP_P else o  # type: ignore[arg-type]
        for name, o in OUTCOMES.items()
    },
    tuple(
        dataclasses.replace(s, households=round(s.households * FOLLOW_UP_GROWTH[s.group]))
        for s in STRATA
    ),
)

_ACTIVE: ContextVar[Population] = ContextVar("freedonia_population", default=BASELINE)


def active() -> Population:
    return _ACTIVE.get()


@contextmanager
def population(pop: Population) -> Iterator[Population]:
    token = _ACTIVE.set(pop)
    try:
        yield pop
    finally:
        _ACTIVE.reset(token)
