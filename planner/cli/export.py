"""``planner export``: the protocol and the home-care sheet of a plan file, as PDF.

Both documents are built in memory before anything is written, and every file is
written through a temporary file and a rename: a bad plan, a missing or
read-only folder or a failed build leaves no half-written file and an existing
file untouched.
"""

from __future__ import annotations

import argparse
import os
import warnings
from typing import Any

# Light: planner.export imports reportlab only when a document is built.
from planner.export import PAPER_SIZES


def add_commands(subparsers: Any) -> None:
    """Add the ``export`` command to the ``planner`` parser."""
    export = subparsers.add_parser(
        "export",
        help="write the therapist's protocol and/or the client's home-care sheet as PDF",
        description="Write the therapist's protocol and/or the client's home-care sheet of a "
        "plan file, or of a stored session (--session ID), as PDF. Give at least one output.",
    )
    from planner.cli.common import add_plan_source

    add_plan_source(export)
    export.add_argument("--protocol", metavar="OUT.pdf", help="write the therapist's protocol")
    export.add_argument("--home-care", metavar="OUT.pdf", help="write the client's home-care sheet")
    export.add_argument(
        "--large-print",
        action="store_true",
        help="home-care sheet in large print (body text 16 pt or more)",
    )
    export.add_argument(
        "--paper", choices=PAPER_SIZES, default="letter", help="paper size (default: letter)"
    )
    export.set_defaults(func=cmd_export)


def _check_outputs(plan: str, outputs: list[str]) -> None:
    """Fail before any work when an output cannot take its file, is the plan, or is shared."""
    from planner.cli.common import UsageError
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
        if plan and _same_file(target, plan):
            raise UsageError(f"{path}: is the plan file itself; give another output file")
        if any(_same_file(target, other) for other in targets):
            raise UsageError(f"{path}: the two documents need different files")
        targets.append(target)


def _same_file(one: str, other: str) -> bool:
    """The same file, also through a link or another spelling of the path."""
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist yet
        return os.path.realpath(one) == os.path.realpath(other)


def cmd_export(args: argparse.Namespace) -> int:
    """Build the requested documents, then write them; exit status 0 or 2."""
    from planner.cli import common
    from planner.export import (
        ExportError,
        MissingGlyphsWarning,
        build_home_care,
        build_protocol,
        write_pdfs,
    )

    outputs = [path for path in (args.protocol, args.home_care) if path]
    if not outputs:
        raise common.UsageError(
            "nothing to write: give --protocol OUT.pdf and/or --home-care OUT.pdf"
        )
    if args.large_print and not args.home_care:
        raise common.UsageError("--large-print is for the home-care sheet: add --home-care OUT.pdf")
    if bool(args.plan) == bool(args.session):
        raise common.UsageError("give a plan file or --session ID (one of the two)")
    _check_outputs(args.plan or "", outputs)
    plan, library, source = common.load_plan_source(args)
    documents: list[tuple[str, bytes]] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MissingGlyphsWarning)
        try:
            if args.protocol:
                protocol = build_protocol(
                    plan,
                    library,
                    paper=args.paper,
                    daily_minutes=common.settings_value(args, "daily_minutes"),
                )
                documents.append((args.protocol, protocol))
            if args.home_care:
                data = build_home_care(
                    plan,
                    library,
                    large_print=args.large_print,
                    paper=args.paper,
                    daily_minutes=common.settings_value(args, "daily_minutes"),
                    emergency_number=common.settings_value(args, "emergency_number"),
                )
                documents.append((args.home_care, data))
        except ExportError as error:
            raise common.UsageError(f"{source}: {error}") from None
    for warning in caught:
        if issubclass(warning.category, MissingGlyphsWarning):
            common.warn("export", f"{source}: {warning.message}")
        else:
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    try:
        write_pdfs(documents)
    except ExportError as error:
        raise common.UsageError(str(error)) from None
    for path, _ in documents:
        print(f"wrote {path}")
    return common.EXIT_OK
