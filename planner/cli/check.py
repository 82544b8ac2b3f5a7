"""``planner check``: the safety findings of a plan file; exit status 1 when one contraindicates."""

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


def cmd_check(args: argparse.Namespace) -> int:
    from planner.core.regions import area_name
    from planner.core.safety import check_plan, has_contraindication
    from planner.core.vocab import SEVERITY_NAMES

    library = common.library(args)
    plan = common.load_plan(args.plan, library)
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
            where = "whole plan" if finding.step is None else f"step {finding.step + 1}"
            if finding.region:
                where += f", {area_name(finding.region, finding.side or '')}"
            print(f"{SEVERITY_NAMES[finding.severity].upper():<16}{finding.rule} ({where})")
            print(f"    {finding.message}")
    return common.EXIT_FINDINGS if has_contraindication(findings) else common.EXIT_OK
