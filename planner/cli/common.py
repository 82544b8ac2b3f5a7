"""What every command shares: exit statuses, the user's error, the store folder, the library.

Bad input never shows a traceback: a command raises :class:`UsageError` (or lets
an OSError through) and :func:`planner.cli.main` prints one line on stderr, exit
status 2; Ctrl-C is one line and exit status 130. Everything a command prints
goes through :mod:`planner.cli.terminal`, so text from a plan file or the store
cannot drive the terminal: commands just print.
"""

from __future__ import annotations

import argparse
from typing import Any

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


class UsageError(Exception):
    """Bad input the user can fix; the message is shown as one line."""


def warn(command: str, message: str) -> None:
    """One line on stderr that does not stop the command (exit status unchanged)."""
    import sys

    print(f"planner {command}: warning: {message}", file=sys.stderr)


def data_folder(args: argparse.Namespace) -> Any:
    """The store folder: ``--data-dir``, else ``$PLANNER_DATA_DIR``, else the user data folder."""
    from pathlib import Path

    from planner.storage.paths import data_dir

    given = getattr(args, "data_dir", None)
    return Path(given).expanduser() if given else data_dir()


def library(args: argparse.Namespace) -> Any:
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


def load_plan(path: str, library: Any) -> Any:
    from planner.core.planfile import PlanFileError, load_plan

    try:
        return load_plan(path, library)
    except PlanFileError as error:
        raise UsageError(str(error)) from None


def add_plan_source(parser: argparse.ArgumentParser) -> None:
    """``PLAN.json``, or ``--session ID`` for a session stored in the store (one of the two)."""
    parser.add_argument("plan", metavar="PLAN.json", nargs="?", help="a plan file")
    parser.add_argument(
        "--session", metavar="ID", help="a stored session instead of a plan file (see 'sessions')"
    )


def load_plan_source(args: argparse.Namespace) -> tuple[Any, Any, str]:
    """(plan, library, what to call it in messages) from a plan file or a stored session."""
    if bool(args.plan) == bool(args.session):
        raise UsageError("give a plan file or --session ID (one of the two)")
    if args.plan:
        found = library(args)
        return load_plan(args.plan, found), found, args.plan
    from planner.storage import Store, StoreError

    try:
        with Store.open(data_folder(args), read_only=True) as store:
            return store.session(args.session).plan, store.library(), f"session {args.session}"
    except StoreError as error:
        raise UsageError(str(error)) from None


def settings_value(args: argparse.Namespace, name: str) -> Any:
    """One of the store's settings (``daily_minutes``, ``emergency_number``), None if unset.

    Read with the json module alone (no tinydb, no lock), like :func:`library`; a
    store that is missing or cannot be read leaves the planner's defaults.
    """
    import json

    from planner.storage.paths import MAIN_FILE

    try:
        with open(data_folder(args) / MAIN_FILE, encoding="utf-8") as handle:
            tables = json.load(handle)
        documents = tables.get("settings", {}) if isinstance(tables, dict) else {}
        first: Any = next(iter(documents.values()), {}) if isinstance(documents, dict) else {}
        value = first.get(name) if isinstance(first, dict) else None
    except (OSError, ValueError):
        return None
    return value if isinstance(value, (int, float, str)) and not isinstance(value, bool) else None


def check_outputs(outputs: list[str], inputs: list[tuple[str, str]] | None = None) -> list[str]:
    """The files the outputs are written to, checked before any work; else one-line errors.

    Each output goes through :func:`planner.export.output_target` (a link to a
    regular file is followed on purpose; a FIFO, a device, a folder or a link to
    nothing is refused), its folder must be writable, it must not be one of the
    command's ``inputs`` (``(path, what it is)``, compared as files, so also
    through a link), and no two outputs may be the same file.
    """
    import os

    from planner.export import ExportError, output_target

    targets: list[str] = []
    for path in outputs:
        try:
            target = output_target(path)
        except ExportError as error:
            raise UsageError(str(error)) from None
        folder = os.path.dirname(os.path.abspath(target))
        if not os.access(folder, os.W_OK | os.X_OK):
            raise UsageError(f"{path}: cannot write in the folder {folder}")
        for source, what in inputs or []:
            if _same_file(target, source):
                raise UsageError(f"{path}: is {what} itself; give another output file")
        if any(_same_file(target, other) for other in targets):
            raise UsageError(f"{path}: the two documents need different files")
        targets.append(target)
    return targets


def _same_file(one: str, other: str) -> bool:
    """The same file, also through a link or another spelling of the path."""
    import os

    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist yet
        return os.path.realpath(one) == os.path.realpath(other)


def store_inputs(args: argparse.Namespace) -> list[tuple[str, str]]:
    """Every file in the store folder (and its sessions folder), as inputs no output may be."""
    import os

    from planner.storage.paths import SESSIONS_DIR

    folder = data_folder(args)
    found: list[tuple[str, str]] = []
    for where in (folder, folder / SESSIONS_DIR):
        try:
            names = sorted(os.listdir(where))
        except OSError:  # no store yet, or no sessions: nothing to protect there
            continue
        for name in names:
            path = where / name
            if os.path.isfile(path):
                shown = os.path.relpath(path, folder)
                found.append((str(path), f"the store's file {shown}"))
    return found


def add_language_option(parser: Any) -> None:
    """``--language CODE``: the client's papers in another language than the client's."""
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="the language of the client's papers, instead of the client's own "
        "(see 'planner languages')",
    )


def language(args: argparse.Namespace) -> str | None:
    """The ``--language`` code, checked (None when not given), or :class:`UsageError`."""
    given = getattr(args, "language", None)
    if given is None:
        return None
    from planner.core.i18n import UnknownLanguageError, check_language

    try:
        return check_language(given)
    except UnknownLanguageError as error:
        raise UsageError(f"--language: {error}") from None
