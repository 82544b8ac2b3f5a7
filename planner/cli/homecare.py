"""``planner home-care``: the routine the client's sheet will carry, and its daily total."""

from __future__ import annotations

import argparse
import json
from typing import Any

from planner.cli import common


def add_commands(commands: Any) -> None:
    """Add the ``home-care`` command to the ``planner`` parser."""
    home = commands.add_parser(
        "home-care", help="print the home-care routine of a plan file (proposed or as written)"
    )
    home.add_argument("plan", metavar="PLAN.json")
    home.add_argument("--json", action="store_true", help="print the routine as JSON")
    home.set_defaults(func=cmd_home_care)


def cmd_home_care(args: argparse.Namespace) -> int:
    from planner.core.homecare import daily_minutes, effective_routine
    from planner.core.howoften import in_words

    library = common.library(args)
    plan = common.load_plan(args.plan, library)
    budget = common.settings_value(args, "daily_minutes")
    routine = effective_routine(plan, library, budget)
    proposed = plan.home_care is None
    total = daily_minutes(routine)
    if args.json:
        out = {
            "proposed": proposed,
            "daily_minutes": total,
            "items": [
                {
                    "exercise": item.exercise,
                    "minutes": item.minutes,
                    "times_a_day": item.times_a_day,
                    "days_a_week": item.days_a_week,
                    "note": item.note,
                }
                for item in routine
            ],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return common.EXIT_OK
    source = "proposed from the steps" if proposed else "as written in the plan"
    count = f"{len(routine)} exercise" + ("" if len(routine) == 1 else "s")
    print(f"{args.plan}: {count}, about {total:g} minutes a day ({source})")
    exercises = dict(library.exercises)
    exercises.update((e.id, e) for e in plan.custom_exercises)
    for position, item in enumerate(routine, start=1):
        exercise = exercises.get(item.exercise)
        title = exercise.title if exercise else item.exercise
        how_often = in_words(item.times_a_day, item.days_a_week)
        print(f"{position}. {title} [{item.exercise}]: {item.minutes:g} min each time, {how_often}")
        if item.note:
            print(f"   {item.note}")
    return common.EXIT_OK
