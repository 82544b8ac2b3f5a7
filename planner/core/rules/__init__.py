"""The safety rulebook: every rule, small and named, in the order findings are ranked.

:data:`RULEBOOK` holds them all; :func:`planner.core.safety.check_plan` runs them.
:mod:`planner.core.rules.redflags` holds the signs that mean "get medical help".
"""

from __future__ import annotations

from planner.core.rules import area_rules, home_rules, step_rules
from planner.core.rules.base import HOME_CARE, PLAN, SCOPES, STEP, WORK, Facts, Rule, Work
from planner.core.vocab import SEVERITIES

RULEBOOK: tuple[Rule, ...] = (
    *area_rules.RULES[:2],  # blood-clot-clearance, limb-unknown (plan)
    *home_rules.PLAN_RULES,
    *area_rules.RULES[2:],
    *step_rules.RULES,
    *home_rules.HOME_RULES,
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULEBOOK}


def rules_by_severity() -> list[Rule]:
    """The rulebook as a reader wants it: most serious first, in rulebook order within."""
    rank = {severity: i for i, severity in enumerate(SEVERITIES)}
    return sorted(RULEBOOK, key=lambda rule: rank[rule.severity])


__all__ = [
    "HOME_CARE",
    "PLAN",
    "RULEBOOK",
    "RULES_BY_ID",
    "SCOPES",
    "STEP",
    "WORK",
    "Facts",
    "Rule",
    "Work",
    "rules_by_severity",
]
