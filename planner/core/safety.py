"""The safety check: runs every rule of the rulebook (:mod:`planner.core.rules`) on a plan.

:func:`check_plan` returns findings ordered by severity (contraindicated,
caution, info), then plan-wide findings, the steps in order and the home-care
exercises in order, then by the rule's place in the rulebook. It never raises on
a valid plan, and it is cheap enough to run after every keystroke: each rule
first asks the plan whether it can fire at all, and what a step touches is
worked out once per distinct area.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from planner.core.homecare import effective_routine
from planner.core.library import Library, builtin_library
from planner.core.plan import SessionPlan
from planner.core.rules import HOME_CARE, PLAN, RULEBOOK, STEP, WORK, Facts, Rule, Work
from planner.core.vocab import SEVERITIES, SEVERITY_RANK

RULES: tuple[str, ...] = tuple(rule.id for rule in RULEBOOK)
_RULE_RANK = {rule: rank for rank, rule in enumerate(RULES)}


class Finding:
    """One safety finding: how serious, which rule, which step or home-care item, and why.

    ``step`` and ``home_care`` are 0-based indexes (at most one of them is set);
    both None means the finding is about the plan as a whole. A long plan can have
    hundreds of findings, rebuilt after every keystroke, so the message is filled
    from its template only when it is first read.
    """

    __slots__ = ("severity", "rule", "_message", "_fields", "step", "region", "side", "home_care")

    def __init__(
        self,
        severity: str,
        rule: str,
        message: str,
        step: int | None = None,
        region: str | None = None,
        side: str | None = None,
        home_care: int | None = None,
        *,
        fields: Mapping[str, str] | None = None,
    ) -> None:
        self.severity = severity
        self.rule = rule
        self._message = message
        self._fields = fields  # when set, ``message`` is a template still to be filled
        self.step = step
        self.region = region
        self.side = side
        self.home_care = home_care

    @property
    def message(self) -> str:
        if self._fields is not None:
            self._message = self._message.format_map(self._fields)
            self._fields = None
        return self._message

    def _values(self) -> tuple[Any, ...]:
        return (
            self.severity,
            self.rule,
            self.message,
            self.step,
            self.region,
            self.side,
            self.home_care,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Finding) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return (
            f"Finding({self.severity!r}, {self.rule!r}, {self.message!r}, step={self.step!r}, "
            f"region={self.region!r}, side={self.side!r}, home_care={self.home_care!r})"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
            "step": self.step,
            "home_care": self.home_care,
            "region": self.region,
            "side": self.side,
        }

    def sort_key(self) -> tuple[int, int, int, int]:
        if self.step is not None:
            group, index = 1, self.step
        elif self.home_care is not None:
            group, index = 2, self.home_care
        else:
            group, index = 0, 0
        return (SEVERITY_RANK[self.severity], group, index, _RULE_RANK[self.rule])


def work_findings(facts: Facts, work: Work, rules: Iterable[Rule]) -> list[Finding]:
    """What the given rules say about one step or home-care item."""
    found = []
    home = work.kind == HOME_CARE
    step, item = (None, work.index) if home else (work.index, None)
    region, side = work.region, work.side
    for rule in rules:
        template = rule.home_template if home and rule.home_template else rule.template
        severity, rule_id = rule.severity, rule.id
        for fields in rule.fire(facts, work):
            found.append(
                Finding(severity, rule_id, template, step, region, side, item, fields=fields)
            )
    return found


class _RulesFor:
    """The rules that could fire on a work, worked out once per kind of work (its
    properties, its pressure, whether it touches an avoided area)."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.known: dict[tuple[frozenset[str], int, bool], list[Rule]] = {}

    def __call__(self, work: Work) -> list[Rule]:
        key = (work.properties, work.rank, bool(work.touches))
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = [rule for rule in self.rules if rule.could_fire(work)]
        return found


def check_plan(
    plan: SessionPlan, library: Library | None = None, daily_minutes: float | None = None
) -> list[Finding]:
    """Every safety finding of the plan, most serious first.

    Args:
        daily_minutes: the therapist's limit for home care a day (30 when None).
    """
    library = library or builtin_library()
    facts = Facts(plan, library, daily_minutes)
    active = [rule for rule in RULEBOOK if rule.when(facts)]
    findings: list[Finding] = []
    for rule in active:
        if rule.scope == PLAN:
            findings.extend(
                Finding(rule.severity, rule.id, rule.message(fields)) for fields in rule.fire(facts)
            )
    step_rules = _RulesFor([rule for rule in active if rule.scope in (STEP, WORK)])
    if step_rules.rules:
        for index, step in enumerate(plan.steps):
            work = facts.step_work(index, step)
            findings.extend(work_findings(facts, work, step_rules(work)))
    home_rules = _RulesFor([rule for rule in active if rule.scope in (HOME_CARE, WORK)])
    if home_rules.rules:
        routine = effective_routine(plan, library, daily_minutes, facts)
        for index, item in enumerate(routine):
            work = facts.home_work(index, item)
            findings.extend(work_findings(facts, work, home_rules(work)))
    # Findings were made in order: the plan's, then each step's, then each home-care
    # item's, each in rulebook order; a stable split by severity is all the sorting needed.
    by_severity: dict[str, list[Finding]] = {severity: [] for severity in SEVERITIES}
    for finding in findings:
        by_severity[finding.severity].append(finding)
    return [finding for severity in SEVERITIES for finding in by_severity[severity]]


def has_contraindication(findings: list[Finding]) -> bool:
    return any(finding.severity == "contraindicated" for finding in findings)
