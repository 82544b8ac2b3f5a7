"""``planner print``: send the protocol or the home-care sheet of a plan file to a printer.

No dialog: the named printer, else the default one. The pages are the ones
``planner export`` writes, rasterised at the printer's resolution by the
window's printing code. Qt is imported only when the command runs, and its
application is made here, offscreen: printing shows no window.
"""

from __future__ import annotations

import argparse
import os
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
    command.add_argument(
        "--paper", choices=PAPER_SIZES, default="letter", help="paper size (default: letter)"
    )
    command.set_defaults(func=cmd_print)


def _application() -> Any:
    """The Qt application printing needs; offscreen unless the caller chose a platform."""
    # A print command shows nothing: don't depend on (or fail over) a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    import planner.gui  # noqa: F401 - installs the PySide6 signal guard first

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "planner"])


def cmd_print(args: argparse.Namespace) -> int:
    """Print one document; exit status 0, or 2 with one line when it cannot be printed."""
    from planner.cli import common
    from planner.export import ExportError

    if args.large_print and not args.home_care:
        raise common.UsageError("--large-print is for the home-care sheet (--home-care)")
    plan, library, _ = common.load_plan_source(args)
    _application()
    from planner.gui.documents.printing import (
        PrintError,
        build_pdf,
        find_printer,
        print_to_named_printer,
    )

    kind = "protocol" if args.protocol else "home-care"
    try:
        # Before the document is built: a missing printer is reported at once.
        name = find_printer(args.printer).printerName()
        data = build_pdf(kind, plan, library, large_print=args.large_print, paper=args.paper)
        name, pages = print_to_named_printer(data, name)
    except (PrintError, ExportError) as error:
        raise common.UsageError(str(error)) from None
    what = "protocol" if kind == "protocol" else "home-care sheet"
    print(f"Sent the {what} ({pages} page{'s' if pages != 1 else ''}) to {name}")
    return common.EXIT_OK
