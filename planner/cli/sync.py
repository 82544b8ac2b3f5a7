"""``planner sync [URL]`` and ``planner conflicts [resolve ID --keep ...]``.

The server's address and user are remembered in the store's sync ledger; the
password never is (see planner.sync.secret). Every problem is one line on
stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from planner.cli import common


def add_commands(commands: Any) -> None:
    sync = commands.add_parser("sync", help="send and receive records with the clinic's server")
    sync.add_argument(
        "url",
        metavar="URL",
        nargs="?",
        help="the database, like https://host:6984/practice (remembered; default: the last one)",
    )
    sync.add_argument("--user", help="the user name on the server (remembered)")
    sync.add_argument("--json", action="store_true", help='print {"sent", "received", "conflicts"}')
    sync.add_argument(
        "--insecure", action="store_true", help="allow plain http:// to another machine"
    )
    sync.set_defaults(func=cmd_sync)

    conflicts = commands.add_parser("conflicts", help="records changed on two desks")
    conflicts.add_argument("--json", action="store_true", help="print as JSON")
    actions = conflicts.add_subparsers(dest="conflicts_command", metavar="ACTION")
    resolve = actions.add_parser("resolve", help="keep one version of a record")
    resolve.add_argument("id", metavar="ID", help="the record's id (or KIND:ID)")
    resolve.add_argument(
        "--keep", required=True, metavar="mine|theirs|REV", help="the version to keep"
    )
    resolve.set_defaults(func=cmd_resolve)
    conflicts.set_defaults(func=cmd_conflicts)


def _open(args: argparse.Namespace, *, read_only: bool = False) -> Any:
    from planner.storage import Store, StoreError

    try:
        return Store.open(common.data_folder(args), read_only=read_only)
    except StoreError as error:
        raise common.UsageError(str(error)) from None


def _ask(prompt: str) -> str:
    import getpass

    return getpass.getpass(prompt)


def cmd_sync(args: argparse.Namespace) -> int:
    from planner.storage import StoreError
    from planner.storage.ledger import Ledger
    from planner.sync import secret
    from planner.sync.couch import Couch, SyncError, check_url
    from planner.sync.engine import sync

    store = _open(args)
    try:
        state = Ledger(store.folder, read_only=True).state
        given = args.url or state.get("url")
        if not given:
            raise common.UsageError("which server? give its address: planner sync URL")
        url = check_url(given, insecure=args.insecure or bool(state.get("insecure")))
        user = args.user if args.user is not None else (state.get("user") or "")
        password, typed = "", False
        if user:
            ask = _ask if sys.stdin.isatty() else None
            password, typed = secret.find_password(url, user, ask)
            if not password:
                raise common.UsageError(
                    f"no password for {user}: set {secret.ENV_VAR} or run this on a terminal"
                )
        with Couch(url, user, password) as couch:
            result = sync(store, couch)
        _remember(store, url, user, args.insecure)
        if typed:
            secret.keep_password(url, user, password)
    except (SyncError, StoreError) as error:
        raise common.UsageError(str(error)) from None
    finally:
        store.close()
    answer = {"sent": result.sent, "received": result.received, "conflicts": result.conflicts}
    if args.json:
        print(json.dumps(answer))
    else:
        line = f"Sent {result.sent}, received {result.received}"
        if result.conflicts:
            line += f"; {result.conflicts} conflicts wait ('planner conflicts')"
        print(line + ".")
    return common.EXIT_OK


def _remember(store: Any, url: str, user: str, insecure: bool) -> None:
    from planner.storage.ledger import Ledger

    ledger = Ledger(store.folder)
    ledger.state.update(url=url, user=user, insecure=bool(insecure))
    ledger.save()


def cmd_conflicts(args: argparse.Namespace) -> int:
    from planner.storage import StoreError
    from planner.sync.conflicts import list_conflicts

    store = _open(args, read_only=True)
    try:
        found = list_conflicts(store)
    except StoreError as error:
        raise common.UsageError(str(error)) from None
    finally:
        store.close()
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return common.EXIT_OK
    if not found:
        print("No conflicts.")
    for item in found:
        revs = ", ".join(
            v["rev"]
            + (" (deleted)" if v["deleted"] else "")
            + (" (here)" if v["made_here"] else "")
            for v in item["versions"]
        )
        print(f"{item['kind']} {item['id']} {item['title']}: {revs}")
    return common.EXIT_OK


def cmd_resolve(args: argparse.Namespace) -> int:
    from planner.storage import StoreError
    from planner.sync.conflicts import resolve_conflict

    store = _open(args)
    try:
        kept = resolve_conflict(store, args.id, args.keep)
    except StoreError as error:
        raise common.UsageError(str(error)) from None
    finally:
        store.close()
    what = "the deletion" if kept["deleted"] else f"version {kept['rev']}"
    print(f"Kept {what} of {kept['kind']} {kept['id']}; the next sync tells the other desks.")
    return common.EXIT_OK
