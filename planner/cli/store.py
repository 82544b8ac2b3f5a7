"""Store commands: ``planner import``, ``planner store info|backup``, ``planner templates``.

Commands that only read (``store info``, ``store backup``, ``templates export``)
open the store read-only, so they work while the window has it open. Every
problem is one line on stderr and exit status 2 (:class:`planner.cli.common.UsageError`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from planner.cli import common


def add_commands(commands: Any) -> None:
    """Add the store's commands to the main parser's subparsers."""
    imp = commands.add_parser(
        "import",
        help="store a plan file as a session of its client",
        description="Store a plan file as a session of its client, found by name (case and "
        "spacing aside) or made new with the plan's conditions and areas as standing ones.",
    )
    imp.add_argument("plan", metavar="PLAN.json")
    imp.add_argument(
        "--update-client",
        action="store_true",
        help="also make the plan's conditions and areas the client's standing ones",
    )
    imp.add_argument(
        "--again", action="store_true", help="store it even if the same plan is already stored"
    )
    imp.add_argument(
        "--session", metavar="ID", help="replace the plan of this session (of the same client)"
    )
    imp.set_defaults(func=cmd_import)

    store = commands.add_parser("store", help="facts about the store, and backups")
    store_commands = store.add_subparsers(
        dest="store_command", metavar="STORE_COMMAND", required=True
    )
    info = store_commands.add_parser("info", help="where the store is, its counts and size")
    info.add_argument("--json", action="store_true", help="print as a JSON object")
    info.set_defaults(func=cmd_store_info)
    check = store_commands.add_parser(
        "check",
        help="read every record (clients, sessions, templates, own library) and verify every "
        "signed session: name each one that is wrong or no longer matches",
    )
    check.set_defaults(func=cmd_store_check)
    backup = store_commands.add_parser("backup", help="copy the store to a new folder or a .zip")
    backup.add_argument("dest", metavar="DEST")
    backup.set_defaults(func=cmd_store_backup)

    tpl = commands.add_parser("templates", help="move session templates in and out as files")
    tpl_commands = tpl.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    export = tpl_commands.add_parser("export", help="write templates to a templates file")
    export.add_argument("file", metavar="FILE")
    export.add_argument("names", metavar="NAME", nargs="*", help="templates to write (default all)")
    export.set_defaults(func=cmd_templates_export)
    load = tpl_commands.add_parser("import", help="add every template of a templates file")
    load.add_argument("file", metavar="FILE")
    load.set_defaults(func=cmd_templates_import)


def _open(args: argparse.Namespace, *, read_only: bool) -> Any:
    from planner.storage import Store, StoreError

    try:
        return Store.open(common.data_folder(args), read_only=read_only)
    except StoreError as error:
        raise common.UsageError(str(error)) from None


def _run(store: Any, action: Any) -> Any:
    """Run ``action(store)``, turning store errors into one-line usage errors; closes the store."""
    from planner.storage import StoreError

    try:
        with store:
            return action(store)
    except StoreError as error:
        raise common.UsageError(str(error)) from None


def cmd_import(args: argparse.Namespace) -> int:
    from planner.storage.importing import DuplicatePlanError

    # The plan is read and checked before the store is opened: a bad plan stores nothing.
    plan = common.load_plan(args.plan, common.library(args))
    if not plan.client.name.strip():
        raise common.UsageError(
            f"{args.plan}: client.name: the plan names no client to store it under"
        )
    if args.again and args.session:
        raise common.UsageError("--again stores a new session; --session replaces one: not both")

    bad: list[str] = []

    def save(store: Any) -> Any:
        try:
            result = store.import_plan(
                plan, update_client=args.update_client, again=args.again, session_id=args.session
            )
        except DuplicatePlanError as error:
            raise common.UsageError(
                f"{args.plan}: {error} Add --again to store it once more."
            ) from None
        store.check_client_sessions(result.session.client_id, bad)
        return result

    result = _run(_open(args, read_only=False), save)
    # Only the id, as scripts expect (id=$(planner import plan.json)); stderr stays for problems.
    print(result.session.id)
    if bad:
        common.warn(
            "import",
            f"{len(bad)} other session{'s' if len(bad) != 1 else ''} of this client "
            f"{'are' if len(bad) != 1 else 'is'} wrong in the store and kept as "
            f"{'they are' if len(bad) != 1 else 'it is'} ('planner store check' names them)",
        )
    return common.EXIT_OK


def cmd_store_info(args: argparse.Namespace) -> int:
    def read(store: Any) -> dict[str, Any]:
        found = store.info()
        found["records_read"], found["bad_records"] = store.check_records()
        return found

    info = _run(_open(args, read_only=True), read)
    status = common.EXIT_FINDINGS if info["bad_records"] else common.EXIT_OK
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return status
    rows = [
        ("Store", info["path"]),
        ("Schema version", str(info["schema_version"])),
        ("Clients", str(info["clients"])),
        ("Sessions", str(info["sessions"])),
        ("Templates", str(info["templates"])),
        ("Own techniques", str(info["techniques"])),
        ("Own exercises", str(info["exercises"])),
        ("Size", f"{info['size_bytes']:,} bytes"),
        ("Latest backup", info["backups"][0] if info["backups"] else "none yet"),
    ]
    if info.get("read_only_folder"):
        rows.append(("Read-only", f"yes: {info['read_only_folder']}; nothing can be saved"))
    rows.append(("Records", f"{info['records_read']} read; {_bad_count(info['bad_records'])}"))
    for label, value in rows:
        print(f"{label + ':':<16}{value}")
    for line in info["bad_records"]:
        print(f"  {line}")
    return status


def cmd_store_check(args: argparse.Namespace) -> int:
    """Exit 0 when every record reads and every signature matches, 1 when one does not."""

    def check(store: Any) -> tuple[int, list[str], int, list[Any]]:
        return (*store.check_records(), *store.check_signatures())

    records, bad, signed, problems = _run(_open(args, read_only=True), check)
    for line in bad:
        print(line)
    for problem in problems:
        print(problem)
    print(f"{records} record{'s' if records != 1 else ''} read; " + _bad_count(bad))
    changed = len({problem.session_id for problem in problems})
    print(
        f"{signed} signed session{'s' if signed != 1 else ''} checked; "
        + (f"{changed} no longer match{'es' if changed == 1 else ''}" if changed else "all match")
    )
    return common.EXIT_FINDINGS if problems or bad else common.EXIT_OK


def _bad_count(bad: list[str]) -> str:
    return f"{len(bad)} {'is' if len(bad) == 1 else 'are'} wrong" if bad else "all are right"


def cmd_store_backup(args: argparse.Namespace) -> int:
    dest = _backup_target(args)

    def copy(store: Any) -> list[str]:
        store.backup(dest)
        return list(store.check_records()[1])

    bad = _run(_open(args, read_only=True), copy)
    print(f"store copied to {args.dest}")
    if bad:
        # The copy is faithful (damage and all, for whoever repairs it); say so once.
        common.warn(
            "store backup",
            f"{len(bad)} record{'s are' if len(bad) != 1 else ' is'} wrong in the store "
            "and copied as it is ('planner store check' names them)",
        )
    return common.EXIT_OK


def _backup_target(args: argparse.Namespace) -> Path:
    """Where ``store backup`` writes: a .zip file checked as any output, or a new folder.

    A link is followed on purpose (to a regular file for a .zip, to an empty
    folder otherwise); a link to nothing, a FIFO or a device is refused.
    """
    import os

    if args.dest.lower().endswith(".zip"):
        (target,) = common.check_outputs([args.dest], common.store_inputs(args))
        return Path(target)
    dest = args.dest
    if os.path.islink(dest):
        if not os.path.exists(dest):
            raise common.UsageError(f"{dest}: is a symbolic link to nothing")
        dest = os.path.realpath(dest)
    if os.path.isfile(dest):
        raise common.UsageError(f"{args.dest}: already exists and is not an empty folder")
    if os.path.lexists(dest) and not os.path.isdir(dest):
        raise common.UsageError(f"{args.dest}: is not a folder or a file (a FIFO or a device?)")
    return Path(dest)


def cmd_templates_export(args: argparse.Namespace) -> int:
    names = args.names or None
    (target,) = common.check_outputs([args.file], common.store_inputs(args))
    count = _run(
        _open(args, read_only=True), lambda store: store.export_templates(Path(target), names)
    )
    print(f"{count} template{'s' if count != 1 else ''} written to {args.file}")
    return common.EXIT_OK


def cmd_templates_import(args: argparse.Namespace) -> int:
    records = _run(
        _open(args, read_only=False), lambda store: store.import_templates(Path(args.file))
    )
    for record in records:
        print(f"imported {record.name}")
    return common.EXIT_OK
