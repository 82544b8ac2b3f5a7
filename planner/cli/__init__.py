"""The command line: ``planner check|export|techniques|exercises ...``.

With no arguments ``planner`` opens the window. Heavy modules (Qt, reportlab,
tinydb) are imported only by the commands that need them, so that ``planner
check`` starts quickly. Bad input never shows a traceback: one line on stderr
naming the file and the place, and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from planner.cli import terminal
from planner.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    UsageError,
    data_folder,
)

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "UsageError",
    "build_parser",
    "main",
    "run",
]


def _columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` finds it: ``$COLUMNS``, else
    the terminal's, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, told the width without importing :mod:`shutil`.

    argparse makes a formatter for every ``add_argument`` (to check each argument's
    form) and would import shutil for its width each time; every command, ``planner
    check`` first, paid ~2 ms for a width only ``--help`` uses.
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _columns() - 2)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see '{self.prog} --help')\n")


# The module of each command group, in the order ``--help`` lists them, and the commands
# each adds. The parser imports only the running command's module (``planner check``
# starts without the other eight); ``--help``, a mistyped command and anything unusual
# before the command load every group, so what they print is unchanged.
_GROUPS: dict[str, tuple[str, ...]] = {
    "check": ("check", "rules"),
    "homecare": ("home-care",),
    "listings": ("techniques", "exercises", "languages"),
    "export": ("export",),
    "printing": ("print",),
    "store": ("import", "store", "templates"),
    "records": ("clients", "sessions", "client", "session"),
    "course": ("progress", "intake"),
    "sync": ("sync", "conflicts"),
}
_GROUP_OF = {command: group for group, names in _GROUPS.items() for command in names}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``planner`` parser: every command, or with ``argv`` only what its command needs."""
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

    # Each command group adds its parsers with ``set_defaults(func=...)``. They import
    # nothing heavy at module level: the parser is built on every start.
    group = _GROUP_OF.get(_plain_command(argv) or "")
    if group:  # one of the modules imported below (the import circle test sees them there)
        importlib.import_module(f"planner.cli.{group}").add_commands(commands)
    else:
        from planner.cli import (
            check,
            course,
            export,
            homecare,
            listings,
            printing,
            records,
            store,
            sync,
        )

        groups = (check, homecare, listings, export, printing, store, records, course, sync)
        for module in groups:
            module.add_commands(commands)
    _data_dir_after_command(parser, set())
    return parser


def _plain_command(argv: Sequence[str] | None) -> str | None:
    """The command word when only ``--data-dir DIR`` comes before it, else None."""
    if not argv:
        return None
    if argv[0] == "--data-dir":
        return argv[2] if len(argv) > 2 else None
    if argv[0].startswith("--data-dir="):
        return argv[1] if len(argv) > 1 else None
    return argv[0]


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every error is one line on stderr (exit 2), Ctrl-C exit 130."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        from planner.start import open_window

        return open_window()
    with terminal.inert_output():
        try:
            args = build_parser(argv).parse_args(argv)
            if args.command is None:
                from planner.start import open_window

                return open_window(data_folder(args))
            return _run_command(args)
        except KeyboardInterrupt:
            print(f"planner {_command_of(argv)}: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED


def _command_of(argv: Sequence[str]) -> str:
    """The command's name for a line written before its arguments are known."""
    words = iter(argv)
    for word in words:
        if word == "--data-dir":
            next(words, None)
        elif not word.startswith("-"):
            return terminal.one_line(word)
    return "command"


def _run_command(args: argparse.Namespace) -> int:
    """The command's exit status; its errors as one line naming the file and the place."""
    try:
        return int(args.func(args))
    except UsageError as error:
        problem = terminal.one_line(str(error))
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:
        problem = terminal.os_error_line(error)
    print(f"planner {args.command}: {problem}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run() -> NoReturn:
    """Run the command line (``planner.launch.run`` is the console script's entry point)."""
    sys.exit(main())
