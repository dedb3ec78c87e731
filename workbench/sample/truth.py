"""The known truth of Freedonia: population values of the main indicators per population group.

The values are superpopulation parameters: for group ``g`` the frame-size weighted mean over
districts of the model probability, ``sum_d N_gd * p_gd / sum_d N_gd`` (``N_gd`` = households in
the sampling frame of stratum (d, g)). Household composition does not depend on the district, so
the same formula holds for individual-level indicators. "Don't know" / "refused" answers are
coded completely at random, so excluding them (the universe counts valid answers only) leaves
the estimators unbiased. Each indicator's executable definition is in
:mod:`workbench.sample.indicators`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workbench.sample.params import (
    CLAIM_STATUS,
    DISTRICT_CODES,
    GROUP_NAMES,
    GROUPS,
    HH_EXTRA_MEMBERS,
)
from workbench.sample.population import active

#: a difference smaller than this (absolute) counts as "equal" in the documented margins
EQUAL_MARGIN = 0.03


def _n(g: int, d: int) -> float:
    return float(sum(s.households for s in active().strata if s.group == g and s.district == d))


def _p(name: str, g: int, d: int) -> float:
    return active().outcomes[name].p_gd(g, d)


def _p4(g: int) -> float:
    """P(household size >= 4) = P(Poisson(lambda_g) >= 3)."""
    lam = HH_EXTRA_MEMBERS[g]
    return 1.0 - math.exp(-lam) * (1.0 + lam + lam * lam / 2.0)


def _crowded(g: int, d: int) -> float:
    return _p("crowded_if_4plus", g, d) * _p4(g)


def _inadequate(g: int, d: int) -> float:
    ok = (
        _p("improved_water", g, d)
        * _p("improved_sanitation", g, d)
        * (1.0 - _crowded(g, d))
        * _p("durable_walls", g, d)
        * _p("tenure_docs", g, d)
    )
    return 1.0 - ok


def _unemployed_num(g: int, d: int) -> float:
    return (1 - _p("employed", g, d)) * _p("seeking_if_not_employed", g, d)


def _labour_force(g: int, d: int) -> float:
    return _p("employed", g, d) + _unemployed_num(g, d)


def _simple(name: str) -> Callable[[int, int], float]:
    return lambda g, d: _p(name, g, d)


def _neg(name: str) -> Callable[[int, int], float]:
    return lambda g, d: 1.0 - _p(name, g, d)


@dataclass(frozen=True)
class TruthIndicator:
    id: str
    label: str
    unit: str  # "household" or "individual"
    universe: str
    numerator: str
    higher_is_better: bool
    #: numerator probability in (g, d); denominators default to 1 (a plain share)
    num: Callable[[int, int], float]
    den: Callable[[int, int], float] | None = None
    groups: tuple[int, ...] = GROUPS
    code: str = ""

    def value(self, g: int) -> float:
        top = sum(_n(g, d) * self.num(g, d) for d in DISTRICT_CODES)
        den = self.den or (lambda _g, _d: 1.0)
        bottom = sum(_n(g, d) * den(g, d) for d in DISTRICT_CODES)
        return top / bottom


def _t(*args: Any, **kw: Any) -> TruthIndicator:
    return TruthIndicator(*args, **kw)


_ALL = "all households with a valid answer"
_DISP = (1, 2, 3)

INDICATORS: tuple[TruthIndicator, ...] = (
    _t(
        "safe_walking",
        "Feel safe walking alone after dark",
        "household",
        _ALL,
        "safe_walk in (1, 2)",
        True,
        _simple("safe"),
        code="SDG 16.1.4",
    ),
    _t(
        "violence_victim",
        "Household member victim of violence (12 months)",
        "household",
        _ALL,
        "violence_12m == 1",
        False,
        _simple("violence"),
    ),
    _t(
        "movement_restricted",
        "Restrictions on freedom of movement",
        "household",
        _ALL,
        "move_restrict == 1",
        False,
        _simple("move_restrict"),
        code="DS 1.4.1",
    ),
    _t(
        "food_insecure",
        "Moderate or severe food insecurity (FIES raw score >= 4)",
        "household",
        "households with all 8 FIES items valid (0/1)",
        "sum of fies_* >= 4",
        False,
        _simple("food_insecure"),
        code="SDG 2.1.2",
    ),
    _t(
        "improved_water",
        "Improved drinking water source",
        "household",
        _ALL,
        "water_source in (1, 2, 3, 6)",
        True,
        _simple("improved_water"),
    ),
    _t(
        "improved_sanitation",
        "Improved sanitation facility",
        "household",
        _ALL,
        "toilet_type in (1, 2, 3)",
        True,
        _simple("improved_sanitation"),
    ),
    _t(
        "crowded",
        "Insufficient living space (more than 3 persons per sleeping room)",
        "household",
        "households with a valid rooms_sleep",
        "hh_size / rooms_sleep > 3",
        False,
        _crowded,
    ),
    _t(
        "durable_housing",
        "Durable housing (walls of brick, concrete or stone)",
        "household",
        _ALL,
        "wall_material in (1, 2)",
        True,
        _simple("durable_walls"),
    ),
    _t(
        "tenure_documented",
        "Legally recognised document for the dwelling",
        "household",
        _ALL,
        "tenure_docs == 1",
        True,
        _simple("tenure_docs"),
        code="SDG 1.4.2",
    ),
    _t(
        "inadequate_housing",
        "Inadequate housing: lacks at least one of improved water, improved "
        "sanitation, sufficient living space, durable walls, tenure document",
        "household",
        "households with all five components valid",
        "any component lacking",
        False,
        _inadequate,
        code="SDG 11.1.1",
    ),
    _t(
        "tenure_perceived_secure",
        "Perceive tenure as secure (loss not likely)",
        "household",
        _ALL,
        "tenure_fear in (3, 4)",
        True,
        _simple("tenure_secure"),
        code="SDG 1.4.2",
    ),
    _t(
        "below_poverty_line",
        "Income per person below the poverty line (1250 FRD / month)",
        "household",
        "households with a valid income_month",
        "income_month / hh_size < 1250",
        False,
        _simple("poor"),
        code="SDG 1.2.1",
    ),
    _t(
        "cannot_pay_basic",
        "Unable to pay basic expenses (12 months)",
        "household",
        _ALL,
        "cannot_pay_basic == 1",
        False,
        _simple("cannot_pay_basic"),
        code="DS 3.2.4",
    ),
    _t(
        "hlp_documented",
        "Documents for housing, land or property left behind",
        "household",
        "displaced households that left HLP behind (hlp_left == 1)",
        "hlp_docs == 1",
        True,
        _simple("hlp_docs"),
        groups=_DISP,
    ),
    _t(
        "hlp_restituted",
        "Property returned or compensated",
        "household",
        "displaced households that left HLP behind, with valid hlp_claim",
        "hlp_claim == 1 and hlp_claim_status == 1",
        True,
        lambda g, d: _p("hlp_claim", g, d) * CLAIM_STATUS[g][0],
        groups=_DISP,
    ),
    _t(
        "family_separated",
        "Member separated by conflict or displacement, not reunited",
        "household",
        _ALL,
        "family_sep == 1",
        False,
        _simple("family_sep"),
    ),
    _t(
        "justice_aware",
        "Aware of remedy and justice mechanisms",
        "household",
        _ALL,
        "justice_aware == 1",
        True,
        _simple("justice_aware"),
    ),
    _t(
        "discrimination",
        "Felt discriminated against (12 months)",
        "household",
        _ALL,
        "discrim == 1",
        False,
        _simple("discrim"),
    ),
    _t(
        "health_access",
        "Received health care the last time it was needed",
        "individual",
        "members who needed care (health_need == 1)",
        "health_access == 1",
        True,
        _simple("health_access"),
        code="DS 2.1.8",
    ),
    _t(
        "primary_attendance",
        "Primary school net attendance (ages 6-11)",
        "individual",
        "members aged 6-11",
        "school_attend == 1",
        True,
        _simple("attend_primary"),
        code="DS 2.1.12",
    ),
    _t(
        "secondary_attendance",
        "Secondary school attendance (ages 12-17)",
        "individual",
        "members aged 12-17",
        "school_attend == 1",
        True,
        _simple("attend_secondary"),
    ),
    _t(
        "primary_completion",
        "Primary completion rate (ages 15-17)",
        "individual",
        "members aged 15-17",
        "edu_level in (2, 3, 4, 5)",
        True,
        _simple("primary_completed"),
        code="SDG 4.1.2",
    ),
    _t(
        "unemployment_rate",
        "Unemployment rate (ages 15+)",
        "individual",
        "labour force: employed (work_7d == 1 or work_absent == 1) or unemployed",
        "unemployed: look_work == 1 and avail_work == 1",
        False,
        _unemployed_num,
        den=_labour_force,
        code="SDG 8.5.2",
    ),
    _t(
        "youth_neet",
        "Youth not in employment, education or training (ages 15-24)",
        "individual",
        "members aged 15-24 with valid answers",
        "not employed and edu_train_now == 0",
        False,
        lambda g, d: (1 - _p("employed", g, d)) * (1 - _p("attend_secondary", g, d)),
        code="SDG 8.6.1",
    ),
    _t(
        "birth_registered_u5",
        "Birth registered (children under 5)",
        "individual",
        "members aged 0-4",
        "birth_registered == 1",
        True,
        _simple("birth_registered"),
        code="SDG 16.9.1",
    ),
    _t(
        "national_id",
        "Holds a valid national ID (ages 16+)",
        "individual",
        "members aged 16+",
        "national_id == 1",
        True,
        _simple("national_id"),
        code="DS 5.1.1",
    ),
    _t(
        "voted",
        "Voted in the last national election (ages 18+)",
        "individual",
        "members aged 18+",
        "voted == 1",
        True,
        _simple("voted"),
    ),
    _t(
        "community_participation",
        "Took part in a community meeting (ages 18+)",
        "individual",
        "members aged 18+",
        "community_part == 1",
        True,
        _simple("community_part"),
    ),
    _t(
        "disability",
        "Disability (WG-SS: a lot of difficulty or cannot do, any domain)",
        "individual",
        "members aged 5+ with all six domains valid",
        "any wg_* in (3, 4)",
        False,
        _simple("disability"),
    ),
)


def _assessment(ind: TruthIndicator, value: float, host: float) -> str:
    diff = value - host
    if abs(diff) < EQUAL_MARGIN:
        return "equal"
    better = diff > 0 if ind.higher_is_better else diff < 0
    return "better" if better else "worse"


def truth_dict() -> dict[str, Any]:
    """The content of ``truth.json`` (independent of the sample size and the seed)."""
    out: dict[str, Any] = {
        "definition": (
            "Superpopulation parameters: for population group g, sum over districts d of "
            "N_gd * P(condition | g, d) divided by sum of N_gd (ratios: numerator and "
            "denominator summed separately), N_gd being households in the sampling frame of "
            "stratum (d, g). Shares are of the stated universe, valid answers only (98 / 99 are "
            "coded completely at random). Unit 'individual' counts persons with household "
            "weights. They do not depend on the seed or the sample size."
        ),
        "groups": {str(g): GROUP_NAMES[g] for g in GROUPS},
        "comparator": "4",
        "equal_margin": EQUAL_MARGIN,
        "frame_households": {str(s.code): s.households for s in active().strata},
        "indicators": {},
    }
    for ind in INDICATORS:
        values = {str(g): round(ind.value(g), 6) for g in ind.groups}
        entry: dict[str, Any] = {
            "label": ind.label,
            "code": ind.code,
            "unit": ind.unit,
            "universe": ind.universe,
            "numerator": ind.numerator,
            "higher_is_better": ind.higher_is_better,
            "value": values,
        }
        if 4 in ind.groups:
            host = ind.value(4)
            entry["vs_host"] = {
                str(g): _assessment(ind, ind.value(g), host) for g in ind.groups if g != 4
            }
        out["indicators"][ind.id] = entry
    return out
