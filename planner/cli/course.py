"""A course of care from the command line: ``planner progress`` and ``planner intake``.

``progress`` reads the store with the json module alone (no tinydb, no lock), so
it is quick and works while the window has the store open. CLIENT is a client's
id or name (case and spacing aside).
"""

from __future__ import annotations

import argparse
import json
import warnings
from typing import Any

from planner.cli import common

FLAG_WORDS = {"much-better": "much better", "worse": "WORSE"}


def add_commands(commands: Any) -> None:
    from planner.export import PAPER_SIZES

    progress = commands.add_parser(
        "progress", help="a client's measures over their visits, with changes and flags"
    )
    progress.add_argument("client", metavar="CLIENT", help="the client's id or name")
    progress.add_argument("--json", action="store_true", help="print as a JSON object")
    progress.add_argument("--pdf", metavar="OUT.pdf", help="write the progress report")
    progress.add_argument("--large-print", action="store_true", help="the report in large print")
    progress.add_argument("--paper", choices=PAPER_SIZES, default="letter", help="paper size")
    common.add_language_option(progress)
    progress.set_defaults(func=cmd_progress)

    intake = commands.add_parser("intake", help="the intake and consent form of a client")
    intake.add_argument("client", metavar="CLIENT", help="the client's id or name")
    intake.add_argument("--pdf", metavar="OUT.pdf", required=True, help="where to write the form")
    intake.add_argument("--large-print", action="store_true", help="the form in large print")
    intake.add_argument("--paper", choices=PAPER_SIZES, default="letter", help="paper size")
    common.add_language_option(intake)
    intake.set_defaults(func=cmd_intake)


def _write(path: str, build: Any, command: str) -> None:
    """Build a document (noting missing glyphs as a warning) and write it whole."""
    from planner.export import ExportError, MissingGlyphsWarning, write_pdfs

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MissingGlyphsWarning)
        try:
            data = build()
        except ExportError as error:
            raise common.UsageError(str(error)) from None
    for warning in caught:
        if issubclass(warning.category, MissingGlyphsWarning):
            common.warn(command, str(warning.message))
    try:
        write_pdfs([(path, data)])
    except ExportError as error:
        raise common.UsageError(str(error)) from None
    print(f"wrote {path}")


def _text(client: dict[str, Any], data: dict[str, Any]) -> None:
    sessions = data["sessions"]
    if not sessions:
        print(f"{client['name']}: no visits stored yet")
        return
    print(
        f"{client['name']}: {len(sessions)} visit{'s' if len(sessions) != 1 else ''}, "
        f"{sessions[0]['date']} to {sessions[-1]['date']}"
    )
    if not data["series"]:
        print("no measures taken at these visits")
    from planner.core.progress import Series

    for row in data["series"]:
        series = Series(
            row["measure"],
            tuple((p["date"], p["value"]) for p in row["points"]),
            row["region"],
            row["side"],
            row["kind"],
        )
        values = [f"{p['value']:g}" for p in row["points"]]
        shown = " > ".join(values if len(values) <= 12 else [*values[:3], "...", *values[-3:]])
        change = "" if row["change"] is None else f"  change {row['change']:+g}"
        flag = f"  {FLAG_WORDS[row['flag']]}" if row["flag"] else ""
        print(f"{series.label}: {shown}{change}{flag}")


def cmd_progress(args: argparse.Namespace) -> int:
    from planner.core.progress import progress_json
    from planner.storage.course import client_course
    from planner.storage.errors import StoreError

    language = common.language(args)
    if args.pdf:
        common.check_outputs([args.pdf], common.store_inputs(args))
    elif args.large_print or language:
        option = "--large-print" if args.large_print else "--language"
        raise common.UsageError(f"{option} is for the report: add --pdf OUT.pdf")
    try:
        client, visits = client_course(common.data_folder(args), args.client)
    except StoreError as error:
        raise common.UsageError(str(error)) from None
    if args.pdf:
        from planner.export.coursedocs import build_progress_report

        _write(
            args.pdf,
            lambda: build_progress_report(
                client, visits, large_print=args.large_print, paper=args.paper, language=language
            ),
            "progress",
        )
        return common.EXIT_OK
    data = progress_json(str(client["id"]), str(client.get("name", "")), visits)
    if args.json:
        # One line: json's C encoder only writes without indentation (7x quicker for 500 visits).
        print(json.dumps(data, ensure_ascii=False))
    else:
        _text(client, data)
    return common.EXIT_OK


def cmd_intake(args: argparse.Namespace) -> int:
    from planner.core.intake import make_intake
    from planner.storage import Store, StoreError
    from planner.storage.course import find_client_doc

    language = common.language(args)
    common.check_outputs([args.pdf], common.store_inputs(args))
    folder = common.data_folder(args)
    try:
        client_id = str(find_client_doc(folder, args.client)["id"])
        with Store.open(folder, read_only=True) as store:
            record = store.client(client_id)
            sessions = store.sessions_for(client_id)
            library = store.library()
    except StoreError as error:
        raise common.UsageError(str(error)) from None
    # The form plans from the newest session (a draft being prepared, or the last one).
    plan = sessions[0].plan if sessions else None
    intake = make_intake(
        record.name,
        birth_date=record.birth_date,
        contact=record.contact,
        conditions=record.conditions,
        notes=record.notes,
        avoid=record.avoid,
        symptoms=record.symptoms,
        plan=plan,
        library=library,
        language=record.language,
    )
    from planner.export.coursedocs import build_intake_form

    _write(
        args.pdf,
        lambda: build_intake_form(
            intake, large_print=args.large_print, paper=args.paper, language=language
        ),
        "intake",
    )
    return common.EXIT_OK
