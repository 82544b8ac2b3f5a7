"""``planner print``: send the protocol or the home-care sheet of a plan file to a printer.

No dialog: the named printer, else the default one. Where CUPS is the print
system the PDF itself goes to the queue through ``lp`` (:mod:`planner.export.cups`),
titled with the document and the client, with the copies and pages asked for.
Elsewhere the pages are rasterised at the printer's resolution by the window's
printing code, Qt imported only then and its application made offscreen.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Any

# Light: planner.export imports reportlab only when a document is built.
from planner.export import PAPER_SIZES


def add_commands(subparsers: Any) -> None:
    """Add the ``print`` command to the ``planner`` parser."""
    command = subparsers.add_parser(
        "print",
        help="print the therapist's protocol or the client's home-care sheet",
        description="Print the therapist's protocol or the client's home-care sheet of a plan "
        "file on the named printer, or on the default one, without a dialog.",
    )
    from planner.cli.common import add_plan_source

    add_plan_source(command)
    which = command.add_mutually_exclusive_group(required=True)
    which.add_argument("--protocol", action="store_true", help="print the therapist's protocol")
    which.add_argument(
        "--home-care", action="store_true", help="print the client's home-care sheet"
    )
    command.add_argument(
        "--large-print",
        action="store_true",
        help="home-care sheet in large print (body text 16 pt or more)",
    )
    command.add_argument("--printer", metavar="NAME", help="the printer (default: the system's)")
    command.add_argument("--copies", type=int, default=1, metavar="N", help="copies (default 1)")
    command.add_argument("--pages", metavar="A-B", help="only these pages, such as 2-3")
    command.add_argument(
        "--paper", choices=PAPER_SIZES, default="letter", help="paper size (default: letter)"
    )
    from planner.cli.common import add_language_option

    add_language_option(command)
    command.set_defaults(func=cmd_print)


def _application() -> Any:
    """The Qt application printing needs; offscreen unless the caller chose a platform."""
    # A print command shows nothing: don't depend on (or fail over) a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    import planner.gui  # noqa: F401 - installs the PySide6 signal guard first

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "planner"])


def _page_range(text: str | None) -> tuple[int, int] | None:
    from planner.cli import common

    if not text:
        return None
    found = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", text)
    first, last = (int(found.group(1)), int(found.group(2) or found.group(1))) if found else (0, 0)
    if not found or not 1 <= first <= last:
        raise common.UsageError(f"--pages {text}: give a page or a range such as 2-3")
    return first, last


def cmd_print(args: argparse.Namespace) -> int:
    """Print one document; exit status 0, or 2 with one line when it cannot be printed."""
    from planner.cli import common
    from planner.export import ExportError, cups

    if args.large_print and not args.home_care:
        raise common.UsageError("--large-print is for the home-care sheet (--home-care)")
    language = common.language(args)
    if language and not args.home_care:
        raise common.UsageError("--language is for the client's home-care sheet (--home-care)")
    if args.copies < 1:
        raise common.UsageError("--copies: at least 1")
    pages = _page_range(args.pages)
    plan, library, _ = common.load_plan_source(args)
    kind = "protocol" if args.protocol else "home-care"
    what = "protocol" if kind == "protocol" else "home-care sheet"
    if not cups.available():
        return _print_rasterised(args, plan, library, kind, what)
    from planner.export import build_home_care, build_protocol

    try:
        # Before the document is built: a missing printer is reported at once.
        name = cups.choose_printer(args.printer)
        daily_minutes = common.settings_value(args, "daily_minutes")
        if kind == "protocol":
            data = build_protocol(plan, library, paper=args.paper, daily_minutes=daily_minutes)
        else:
            data = build_home_care(
                plan,
                library,
                large_print=args.large_print,
                paper=args.paper,
                daily_minutes=daily_minutes,
                emergency_number=common.settings_value(args, "emergency_number"),
                language=language,
            )
        count = cups.page_count(data)
        if pages is not None and pages[0] > count:
            raise common.UsageError(f"--pages {args.pages}: the {what} has {count} pages")
        title = cups.job_title(kind, plan.client.name, plan.title)
        job = cups.submit(data, cups.PrintJob(title, name, args.copies, pages))
    except (cups.CupsError, ExportError) as error:
        raise common.UsageError(str(error)) from None
    sent = count if pages is None else min(pages[1], count) - pages[0] + 1
    copies = f", {args.copies} copies" if args.copies > 1 else ""
    print(f"Sent the {what} ({sent} page{'s' if sent != 1 else ''}{copies}) to {name}: job {job}")
    return common.EXIT_OK


def _print_rasterised(
    args: argparse.Namespace, plan: Any, library: Any, kind: str, what: str
) -> int:
    """Without CUPS: the pages as pictures through Qt (all pages, one copy)."""
    from planner.cli import common
    from planner.export import ExportError
    from planner.export.cups import job_title

    _application()
    from planner.gui.documents.printing import (
        PrintError,
        build_pdf,
        find_printer,
        print_to_named_printer,
    )

    try:
        name = find_printer(args.printer).printerName()
        data = build_pdf(
            kind,
            plan,
            library,
            large_print=args.large_print,
            paper=args.paper,
            daily_minutes=common.settings_value(args, "daily_minutes"),
            emergency_number=common.settings_value(args, "emergency_number"),
            language=common.language(args),
        )
        title = job_title(kind, plan.client.name, plan.title)
        name, pages = print_to_named_printer(data, name, title)
    except (PrintError, ExportError) as error:
        raise common.UsageError(str(error)) from None
    print(f"Sent the {what} ({pages} page{'s' if pages != 1 else ''}) to {name}")
    return common.EXIT_OK
