"""``planner check``: the safety findings of a plan file; exit status 1 when one contraindicates.

``planner rules``: the rulebook itself, so a therapist can read what is and is not checked.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from planner.cli import common


def add_commands(commands: Any) -> None:
    """Add the ``check`` command to the ``planner`` parser."""
    check = commands.add_parser("check", help="print the safety findings of a plan file")
    check.add_argument("plan", metavar="PLAN.json")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.set_defaults(func=cmd_check)
    rules = commands.add_parser(
        "rules", help="print the safety rulebook: every rule and the red flags"
    )
    rules.add_argument("--json", action="store_true", help="print the rulebook as JSON")
    rules.set_defaults(func=cmd_rules)


def cmd_check(args: argparse.Namespace) -> int:
    from planner.core.regions import area_name
    from planner.core.safety import check_plan, has_contraindication
    from planner.core.vocab import SEVERITY_NAMES

    plan, library = _plan_and_library(args)
    findings = check_plan(plan, library)
    if args.json:
        print(json.dumps([finding.to_json() for finding in findings], ensure_ascii=False, indent=2))
    else:
        counts = {severity: 0 for severity in SEVERITY_NAMES}
        for finding in findings:
            counts[finding.severity] += 1
        if not findings:
            print(f"{args.plan}: no safety findings")
        else:
            print(
                f"{args.plan}: {counts['contraindicated']} contraindicated, "
                f"{counts['caution']} caution{'s' if counts['caution'] != 1 else ''}, "
                f"{counts['info']} note{'s' if counts['info'] != 1 else ''}"
            )
        for finding in findings:
            if finding.step is not None:
                where = f"step {finding.step + 1}"
            elif finding.home_care is not None:
                where = f"home care {finding.home_care + 1}"
            else:
                where = "whole plan"
            if finding.region:
                where += f", {area_name(finding.region, finding.side or '')}"
            print(f"{SEVERITY_NAMES[finding.severity].upper():<16}{finding.rule} ({where})")
            print(f"    {finding.message}")
    return common.EXIT_FINDINGS if has_contraindication(findings) else common.EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from planner.core.rules import SCOPES, rules_by_severity
    from planner.core.rules.redflags import RED_FLAGS, URGENCIES, URGENCY_ACTIONS
    from planner.core.vocab import SEVERITY_NAMES

    rules = rules_by_severity()
    flags = sorted(RED_FLAGS, key=lambda flag: URGENCIES.index(flag.urgency))
    if args.json:
        out = {
            "rules": [rule.to_json() for rule in rules],
            "red_flags": [flag.to_json() for flag in flags],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return common.EXIT_OK
    print(f"Safety rulebook: {len(rules)} rules, most serious first.")
    for rule in rules:
        print(f"{SEVERITY_NAMES[rule.severity].upper():<16}{rule.id} ({SCOPES[rule.scope]})")
        print(f"    {rule.checks}")
    print()
    print("Red flags: stop and get medical help.")
    for urgency in URGENCIES:
        print(f"{urgency.upper()}: {URGENCY_ACTIONS[urgency]}")
        for flag in flags:
            if flag.urgency == urgency:
                print(f"    {flag.id}: {flag.sign}")
    return common.EXIT_OK


def _plan_and_library(args: argparse.Namespace) -> tuple[Any, Any]:
    """The plan and the library it is checked with.

    A plan the planner saved carries the definitions of the therapist's own
    techniques and exercises it uses, so the built-in library is enough and the
    store is not looked for (finding the user data folder costs a few
    milliseconds). Only a plan naming one it does not carry reads the store's own
    library, as every command does.
    """
    from planner.core.library import builtin_library
    from planner.core.planfile import PlanFileError, load_plan

    library = builtin_library()
    try:
        return load_plan(args.plan, library), library
    except PlanFileError:
        library = common.library(args)
        return common.load_plan(args.plan, library), library
