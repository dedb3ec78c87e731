"""Recorded population parameters of Freedonia: the frame, the allocation and the true shares.

Every binary outcome is drawn from a probit model with a random intercept per enumeration area::

    y = 1[ eta_gd * sqrt(1 + SIGMA_EA**2) + z_ea + e > 0 ],   z_ea ~ N(0, SIGMA_EA**2), e ~ N(0, 1)
    eta_gd = Phi^-1(p_g) + s * DISTRICT_SHIFT[d]

so that P(y = 1 | group g, district d) = Phi(eta_gd) exactly while answers cluster within EAs.
``s`` is +1 when a higher share is better and -1 otherwise (districts 2 and 3 fare worse).
The population value for a group is the frame-size weighted mean of ``Phi(eta_gd)`` over districts
(see :mod:`workbench.sample.truth`).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

GROUPS: tuple[int, ...] = (1, 2, 3, 4)
GROUP_NAMES: dict[int, str] = {
    1: "IDPs in camps",
    2: "IDPs outside camps",
    3: "Returnees",
    4: "Host community",
}
DISTRICT_CODES: tuple[int, ...] = (1, 2, 3, 4)
#: probit shift per district (applied in the "better" direction)
DISTRICT_SHIFT: dict[int, float] = {1: 0.10, 2: -0.15, 3: -0.10, 4: 0.15}
#: standard deviation of the EA random intercept on the probit scale (ICC about 0.11)
SIGMA_EA = 0.35
#: poverty line, FRD per person per month
POVERTY_LINE = 1250
#: target interviews per enumeration area at the default size
TAKE_PER_EA = 20
#: maximum sampling fraction of households in a stratum before the frame is scaled up
MAX_SAMPLING_FRACTION = 0.1


@dataclass(frozen=True)
class Stratum:
    district: int
    group: int
    #: households in the sampling frame (at the default scale)
    households: int
    #: relative share of sampled EAs (disproportionate on purpose)
    allocation: float
    #: mean households per EA in the frame
    ea_size: int

    @property
    def code(self) -> int:
        return self.district * 10 + self.group


STRATA: tuple[Stratum, ...] = (
    Stratum(1, 1, 12_000, 14, 250),
    Stratum(1, 2, 30_000, 16, 150),
    Stratum(1, 4, 180_000, 10, 150),
    Stratum(2, 1, 18_000, 16, 250),
    Stratum(2, 2, 25_000, 12, 150),
    Stratum(2, 3, 20_000, 10, 150),
    Stratum(2, 4, 150_000, 12, 150),
    Stratum(3, 2, 15_000, 10, 150),
    Stratum(3, 3, 30_000, 14, 150),
    Stratum(3, 4, 120_000, 10, 150),
    Stratum(4, 2, 10_000, 10, 150),
    Stratum(4, 3, 15_000, 12, 150),
    Stratum(4, 4, 200_000, 12, 150),
)

#: mean number of members besides the head (household size = 1 + Poisson, capped at 15)
HH_EXTRA_MEMBERS: dict[int, float] = {1: 4.3, 2: 4.0, 3: 3.8, 4: 3.4}
#: share of female-headed households
FEMALE_HEAD: dict[int, float] = {1: 0.45, 2: 0.38, 3: 0.30, 4: 0.25}
#: share of households whose population-group answer is "refused / unknown" (99)
STATUS_UNKNOWN_RATE = 0.004


@dataclass(frozen=True)
class Outcome:
    """A binary outcome: P(yes) by population group 1..4 (None: not asked of that group)."""

    name: str
    p: tuple[float | None, float | None, float | None, float | None]
    #: True when a higher share is better for the population
    higher_is_better: bool
    text: str

    def p_group(self, group: int) -> float | None:
        return self.p[group - 1]

    def eta(self, group: int, district: int) -> float:
        base = self.p_group(group)
        if base is None:
            raise ValueError(f"{self.name} is not drawn for group {group}")
        sign = 1.0 if self.higher_is_better else -1.0
        return NormalDist().inv_cdf(base) + sign * DISTRICT_SHIFT[district]

    def p_gd(self, group: int, district: int) -> float:
        return NormalDist().cdf(self.eta(group, district))


def _o(name: str, p: tuple[float | None, ...], better: bool, text: str) -> Outcome:
    return Outcome(name, p, better, text)  # type: ignore[arg-type]


# Groups:  1 camps, 2 IDPs outside camps, 3 returnees, 4 host.
OUTCOMES: dict[str, Outcome] = {
    o.name: o
    for o in (
        # ---- household level
        _o(
            "safe", (0.45, 0.58, 0.62, 0.72), True, "respondent feels safe walking alone after dark"
        ),
        _o("violence", (0.18, 0.12, 0.10, 0.07), False, "a member was a victim of violence (12 m)"),
        _o("violence_reported", (0.25, 0.30, 0.35, 0.45), True, "violence reported to authorities"),
        _o("move_restrict", (0.35, 0.18, 0.15, 0.08), False, "faces movement restrictions"),
        _o("food_insecure", (0.62, 0.48, 0.44, 0.30), False, "FIES raw score >= 4"),
        _o("improved_water", (0.93, 0.74, 0.72, 0.78), True, "improved drinking water source"),
        _o("improved_sanitation", (0.55, 0.60, 0.62, 0.75), True, "improved sanitation facility"),
        _o("crowded_if_4plus", (0.70, 0.50, 0.40, 0.25), False, "more than 3 per sleeping room"),
        _o("durable_walls", (0.10, 0.55, 0.60, 0.82), True, "durable wall material"),
        _o("tenure_docs", (0.05, 0.25, 0.40, 0.62), True, "legal document for the dwelling"),
        _o("tenure_secure", (0.30, 0.45, 0.55, 0.78), True, "not likely to lose the dwelling"),
        _o("evicted", (0.08, 0.10, 0.04, 0.02), False, "forcibly evicted in the past 12 months"),
        _o("poor", (0.68, 0.52, 0.50, 0.34), False, "income per person below the poverty line"),
        _o("cannot_pay_basic", (0.70, 0.58, 0.55, 0.40), False, "unable to pay basic expenses"),
        _o("loan_basic", (0.45, 0.40, 0.38, 0.28), False, "borrowed to pay basic expenses"),
        _o("discrim", (0.40, 0.30, 0.25, 0.12), False, "felt discriminated against (12 m)"),
        _o("hlp_left", (0.75, 0.65, 0.55, None), False, "left housing, land or property behind"),
        _o("hlp_docs", (0.30, 0.38, 0.45, None), True, "documents for HLP left behind"),
        _o("hlp_claim", (0.20, 0.25, 0.40, None), True, "applied for restitution/compensation"),
        _o("docs_lost", (0.45, 0.35, 0.30, None), False, "lost documents in displacement"),
        _o("family_sep", (0.22, 0.15, 0.10, 0.04), False, "a member is separated, not reunited"),
        _o("justice_aware", (0.30, 0.35, 0.40, 0.42), True, "aware of remedy mechanisms"),
        # ---- individual level
        _o("health_need", (0.35, 0.33, 0.32, 0.30), False, "needed health care (12 m)"),
        _o("health_access", (0.80, 0.78, 0.81, 0.80), True, "received care when needed"),
        _o("attend_primary", (0.72, 0.78, 0.80, 0.90), True, "aged 6-11 attending school"),
        _o("attend_secondary", (0.40, 0.50, 0.52, 0.68), True, "aged 12-24 in school/training"),
        _o("primary_completed", (0.50, 0.62, 0.65, 0.80), True, "aged 12+ completed primary"),
        _o("employed", (0.28, 0.38, 0.42, 0.52), True, "aged 15+ employed"),
        _o("seeking_if_not_employed", (0.40, 0.35, 0.33, 0.20), False, "looking and available"),
        _o("birth_registered", (0.55, 0.70, 0.72, 0.88), True, "under-5 birth registered"),
        _o("birth_cert", (0.50, 0.65, 0.68, 0.85), True, "aged 5+ holds a birth certificate"),
        _o("national_id", (0.55, 0.68, 0.74, 0.90), True, "aged 16+ holds a national ID"),
        _o("voted", (0.40, 0.48, 0.59, 0.57), True, "aged 18+ voted in the last election"),
        _o("community_part", (0.30, 0.28, 0.30, 0.29), True, "aged 18+ took part in a meeting"),
        _o("disability", (0.09, 0.08, 0.08, 0.06), False, "WG-SS: a lot of difficulty or more"),
    )
}

#: P(claim resolved with property returned or compensated | claim) by group (status code 1);
#: the remaining mass goes to codes 2 (resolved, not enforced), 3 (pending), 4 (rejected)
CLAIM_STATUS: dict[int, tuple[float, float, float, float]] = {
    1: (0.15, 0.10, 0.55, 0.20),
    2: (0.20, 0.10, 0.50, 0.20),
    3: (0.35, 0.15, 0.35, 0.15),
}
