"""The command line: ``planner check|export|techniques|exercises ...``.

With no arguments ``planner`` opens the window. Heavy modules (Qt, reportlab,
tinydb) are imported only by the commands that need them, so that ``planner
check`` starts quickly. Bad input never shows a traceback: one line on stderr
naming the file and the place, and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


# Modules that add more commands: each has ``add_commands(subparsers)``, which adds
# its parsers with ``set_defaults(func=...)``. They must import nothing heavy at
# module level: the parser is built on every start.
COMMAND_MODULES: list[str] = ["planner.cli_export", "planner.cli_print", "planner.cli_store"]


class UsageError(Exception):
    """Bad input the user can fix; the message is shown as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="planner",
        description="Plan massage sessions, check them for safety and print the documents. "
        "With no command, opens the window.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the folder of the planner's store (default: $PLANNER_DATA_DIR, "
        "else the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="print the safety findings of a plan file")
    check.add_argument("plan", metavar="PLAN.json")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")

    check.set_defaults(func=cmd_check)

    for name, what, func in (
        ("techniques", "technique library", cmd_techniques),
        ("exercises", "home-care exercises", cmd_exercises),
    ):
        listing = commands.add_parser(name, help=f"list the {what}")
        listing.add_argument("--json", action="store_true", help="print as JSON")
        listing.set_defaults(func=func)

    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).add_commands(commands)
    _data_dir_after_command(parser, set())
    return parser


def _data_dir_after_command(parser: argparse.ArgumentParser, seen: set[int]) -> None:
    """Accept ``--data-dir`` after the command too (``planner store info --data-dir D``)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                if id(sub) in seen:
                    continue  # an alias of a parser already done
                seen.add(id(sub))
                if "--data-dir" not in sub._option_string_actions:
                    sub.add_argument(
                        "--data-dir",
                        metavar="DIR",
                        default=argparse.SUPPRESS,
                        help=argparse.SUPPRESS,
                    )
                _data_dir_after_command(sub, seen)


# -- commands -----------------------------------------------------------------


def data_folder(args: argparse.Namespace) -> Any:
    """The store folder: ``--data-dir``, else ``$PLANNER_DATA_DIR``, else the user data folder."""
    from pathlib import Path

    from planner.storage.paths import data_dir

    given = getattr(args, "data_dir", None)
    return Path(given).expanduser() if given else data_dir()


def _library(args: argparse.Namespace) -> Any:
    """The built-in library plus the user's own entries from the store (read-only, no lock).

    Reads only the store's small own-library file with the json module: no
    tinydb, and nothing is created when there is no store.
    """
    from planner.storage.errors import StoreError
    from planner.storage.own import own_library

    try:
        return own_library(data_folder(args))
    except StoreError as error:
        raise UsageError(str(error)) from None


def _load_plan(path: str, library: Any) -> Any:
    from planner.core.planfile import PlanFileError, load_plan

    try:
        return load_plan(path, library)
    except PlanFileError as error:
        raise UsageError(str(error)) from None


def cmd_check(args: argparse.Namespace) -> int:
    from planner.core.regions import area_name
    from planner.core.safety import check_plan, has_contraindication
    from planner.core.vocab import SEVERITY_NAMES

    library = _library(args)
    plan = _load_plan(args.plan, library)
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
    return EXIT_FINDINGS if has_contraindication(findings) else EXIT_OK


def _print_json_entries(entries: list[Any], is_own: Any) -> int:
    """Library entries as a JSON list, each marked ``own`` when it is the user's."""
    out = [{**entry.to_json(), "own": is_own(entry.id)} for entry in entries]
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_techniques(args: argparse.Namespace) -> int:
    from planner.core.library import FAMILIES

    library = _library(args)
    techniques = list(library.techniques.values())
    if args.json:
        return _print_json_entries(techniques, library.is_custom_technique)
    width = max((len(t.id) for t in techniques), default=10) + 2
    for technique in techniques:
        family = FAMILIES.get(technique.family, technique.family)
        flags = ", vigorous" if technique.vigorous else ""
        own = "  [own]" if library.is_custom_technique(technique.id) else ""
        print(
            f"{technique.id:<{width}}{technique.name} ({family}, {technique.default_pressure}, "
            f"{technique.default_minutes:g} min{flags}){own}"
        )
    return EXIT_OK


def cmd_exercises(args: argparse.Namespace) -> int:
    library = _library(args)
    exercises = list(library.exercises.values())
    if args.json:
        return _print_json_entries(exercises, library.is_custom_exercise)
    width = max((len(e.id) for e in exercises), default=10) + 2
    for exercise in exercises:
        own = "  [own]" if library.is_custom_exercise(exercise.id) else ""
        print(
            f"{exercise.id:<{width}}{exercise.title} ({exercise.minutes:g} min, "
            f"{exercise.frequency}){own}"
        )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    from planner.launch import open_window

    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        return open_window()
    args = build_parser().parse_args(argv)
    if args.command is None:
        return open_window(data_folder(args))
    try:
        return int(args.func(args))
    except UsageError as error:
        print(f"planner {args.command}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK


def run() -> NoReturn:
    """Run the command line (``planner.launch.run`` is the console script's entry point)."""
    sys.exit(main())
