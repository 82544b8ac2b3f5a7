"""``planner export``: the protocol and the home-care sheet of a plan file, as PDF.

Both documents are built in memory before anything is written, and every file is
written through a temporary file and a rename: a bad plan, a missing or
read-only folder or a failed build leaves no half-written file and an existing
file untouched.
"""

from __future__ import annotations

import argparse
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
    from planner.cli.common import add_language_option

    add_language_option(export)
    export.set_defaults(func=cmd_export)


def _options(args: argparse.Namespace) -> tuple[list[str], str | None]:
    """(the output files, the sheet's language) of a sound command line, or UsageError."""
    from planner.cli import common

    outputs = [path for path in (args.protocol, args.home_care) if path]
    if not outputs:
        raise common.UsageError(
            "nothing to write: give --protocol OUT.pdf and/or --home-care OUT.pdf"
        )
    if args.large_print and not args.home_care:
        raise common.UsageError("--large-print is for the home-care sheet: add --home-care OUT.pdf")
    language = common.language(args)
    if language and not args.home_care:
        raise common.UsageError(
            "--language is for the client's home-care sheet: add --home-care OUT.pdf"
        )
    return outputs, language


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

    outputs, language = _options(args)
    if bool(args.plan) == bool(args.session):
        raise common.UsageError("give a plan file or --session ID (one of the two)")
    inputs = [(args.plan, "the plan file")] if args.plan else common.store_inputs(args)
    common.check_outputs(outputs, inputs)
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
                    language=language,
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
