"""Registry of the criterion rating rules (the traffic light of each criterion × displaced group;
computed in ``workbench/stats/summary.py``, named in the report's methodology).

Both rules count, on the total rows, the indicators of a criterion *assessed* for a group:
``worse``, ``better``, ``small_difference``, ``equivalent``, ``inconclusive`` and
``no_significant_difference`` (``insufficient_data``, ``not_compared`` and neutral indicators'
``different`` are not assessed). ``share_worse`` is ``worse / assessed``.

* ``share_worse`` (default): **red** when the share worse is at least ``red_share`` (default ½),
  **amber** when some indicators are worse but fewer, or some could not be assessed, **green**
  when none is worse, all were assessed and each was shown not worse (``equivalent`` or
  ``better``), **inconclusive** when none is worse and all were assessed but some were neither,
  **grey** when none could be assessed;
* ``any_worse`` (the ReDSS rule used before): **red** as soon as one indicator is worse, amber
  when none is worse but some could not be assessed, green / inconclusive as above, grey.

"Worse" is the engine's assessment: significant and at least the minimum important difference
(stats/judgement.py).

To add a rule: an entry below, its branch in ``summary.rate``, its name and help in
``workbench/i18n/messages_<lang>.json`` (``vocab.rating_rule.<code>[.help]``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workbench.registry import Registry

RatingRule = Literal["share_worse", "any_worse"]


@dataclass(frozen=True)
class Rule:
    code: str


RATING_RULES: Registry[Rule] = Registry(
    "rating_rule", (Rule("share_worse"), Rule("any_worse")), has_help=True
)
