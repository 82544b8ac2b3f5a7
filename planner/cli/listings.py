"""``planner techniques`` and ``planner exercises``: the library, built-in and own entries."""

from __future__ import annotations

import argparse
import json
from typing import Any

from planner.cli import common


def add_commands(commands: Any) -> None:
    """Add the ``techniques`` and ``exercises`` listings to the ``planner`` parser."""
    for name, what, func in (
        ("techniques", "technique library", cmd_techniques),
        ("exercises", "home-care exercises", cmd_exercises),
    ):
        listing = commands.add_parser(name, help=f"list the {what}")
        listing.add_argument("--json", action="store_true", help="print as JSON")
        listing.set_defaults(func=func)
    languages = commands.add_parser(
        "languages",
        help="list the languages the client's papers can be in",
        description="List the languages the client's papers (home-care sheet, progress report, "
        "intake form) can be written in, for --language and a client's record.",
    )
    languages.add_argument("--json", action="store_true", help="print as JSON")
    languages.set_defaults(func=cmd_languages)


def _print_json_entries(entries: list[Any], is_own: Any) -> int:
    """Library entries as a JSON list, each marked ``own`` when it is the user's."""
    out = [{**entry.to_json(), "own": is_own(entry.id)} for entry in entries]
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return common.EXIT_OK


def cmd_techniques(args: argparse.Namespace) -> int:
    from planner.core.library import FAMILIES
    from planner.core.properties import TECHNIQUE_PROPERTIES, property_words

    library = common.library(args)
    techniques = list(library.techniques.values())
    if args.json:
        return _print_json_entries(techniques, library.is_custom_technique)
    width = max((len(t.id) for t in techniques), default=10) + 2
    for technique in techniques:
        family = FAMILIES.get(technique.family, technique.family)
        flags = "".join(f", {word}" for word in property_words(technique, TECHNIQUE_PROPERTIES))
        own = "  [own]" if library.is_custom_technique(technique.id) else ""
        print(
            f"{technique.id:<{width}}{technique.name} ({family}, {technique.default_pressure}, "
            f"{technique.default_minutes:g} min{flags}){own}"
        )
    return common.EXIT_OK


def cmd_exercises(args: argparse.Namespace) -> int:
    from planner.core.howoften import in_words

    library = common.library(args)
    exercises = list(library.exercises.values())
    if args.json:
        return _print_json_entries(exercises, library.is_custom_exercise)
    width = max((len(e.id) for e in exercises), default=10) + 2
    for exercise in exercises:
        own = "  [own]" if library.is_custom_exercise(exercise.id) else ""
        print(
            f"{exercise.id:<{width}}{exercise.title} ({exercise.minutes:g} min, "
            f"{in_words(exercise.times_a_day, exercise.days_a_week)}){own}"
        )
    return common.EXIT_OK


def cmd_languages(args: argparse.Namespace) -> int:
    from planner.core.i18n import SOURCE_LANGUAGE, available, language_name

    codes = available()
    if args.json:
        out = [{"code": code, "name": language_name(code)} for code in codes]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return common.EXIT_OK
    for code in codes:
        source = "  (the texts are written in it)" if code == SOURCE_LANGUAGE else ""
        print(f"{code:<6}{language_name(code)}{source}")
    return common.EXIT_OK
