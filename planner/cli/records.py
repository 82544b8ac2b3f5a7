"""Client and session records: ``planner clients``, ``sessions``, ``client|session delete``.

``planner clients`` reads the store with the json module alone (see
:mod:`planner.storage.overview`), so it lists 2,000 clients about as fast as
Python starts. The listings open nothing for writing and work while the window
has the store open. A delete asks on a terminal; a script says ``--yes``; with
neither, nothing is deleted and the exit status is 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from planner.cli import common


def add_commands(commands: Any) -> None:
    """Add the record commands to the main parser's subparsers."""
    clients = commands.add_parser("clients", help="list the clients, with their session counts")
    clients.add_argument("--json", action="store_true", help="print as JSON")
    clients.set_defaults(func=cmd_clients)

    sessions = commands.add_parser("sessions", help="list a client's sessions, newest first")
    sessions.add_argument("client", metavar="CLIENT", help="the client's id or exact name")
    sessions.add_argument("--json", action="store_true", help="print as JSON")
    sessions.set_defaults(func=cmd_sessions)

    for kind, func in (("client", cmd_client_delete), ("session", cmd_session_delete)):
        group = commands.add_parser(kind, help=f"change a {kind} record (delete)")
        actions = group.add_subparsers(dest=f"{kind}_command", metavar="ACTION", required=True)
        what = "the client and all their sessions" if kind == "client" else "one session"
        delete = actions.add_parser("delete", help=f"delete {what} (asks first)")
        delete.add_argument("id", metavar="ID", help=f"the {kind}'s id")
        delete.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
        delete.set_defaults(func=func)


def cmd_clients(args: argparse.Namespace) -> int:
    from planner.storage.errors import StoreError
    from planner.storage.overview import client_overview

    try:
        rows = client_overview(common.data_folder(args))
    except StoreError as error:
        raise common.UsageError(str(error)) from None
    if args.json:
        print(json.dumps([row.to_json() for row in rows], ensure_ascii=False, indent=2))
        return common.EXIT_OK
    if not rows:
        print("no clients yet")
        return common.EXIT_OK
    width = max(len(row.id) for row in rows) + 2
    lines = [
        f"{row.id:<{width}}{row.name}  ({_count(row.sessions)}"
        + (f", last {row.last_session})" if row.last_session else ")")
        for row in rows
    ]
    print("\n".join(lines))
    return common.EXIT_OK


def _count(sessions: int) -> str:
    return f"{sessions} session{'s' if sessions != 1 else ''}"


def _open(args: argparse.Namespace, *, read_only: bool) -> Any:
    from planner.storage import Store, StoreError

    try:
        return Store.open(common.data_folder(args), read_only=read_only)
    except StoreError as error:
        raise common.UsageError(str(error)) from None


def find_client_id(store: Any, wanted: str) -> Any:
    """The client a command names: an id, else an exact name (one client only)."""
    from planner.storage import StoreError

    with_id = [c for c in store.clients() if c.id == wanted]
    if with_id:
        return with_id[0]
    named = [c for c in store.clients() if c.name == wanted.strip()]
    if len(named) > 1:
        ids = ", ".join(c.id for c in named)
        raise StoreError(f"{len(named)} clients are named {wanted.strip()!r} ({ids}): give the id")
    if not named:
        raise StoreError(f"there is no client with the id or name {wanted!r}")
    return named[0]


def cmd_sessions(args: argparse.Namespace) -> int:
    from planner.storage import StoreError

    store = _open(args, read_only=True)
    try:
        with store:
            client = find_client_id(store, args.client)
            rows = store.session_summaries(client.id)
    except StoreError as error:
        raise common.UsageError(str(error)) from None
    if args.json:
        out = [
            {"id": r.id, "date": r.date, "title": r.title, "status": r.status, "minutes": r.minutes}
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return common.EXIT_OK
    if not rows:
        print(f"{client.name} ({client.id}): no sessions yet")
        return common.EXIT_OK
    width = max(len(r.id) for r in rows) + 2
    for r in rows:
        title = r.title or "Untitled session"
        print(f"{r.id:<{width}}{r.date}  {r.status:<6} {r.minutes:>5g} min  {title}")
    return common.EXIT_OK


def _confirm(args: argparse.Namespace, question: str, what: str) -> None:
    """Go on only with ``--yes`` or a "y" typed at a terminal; else :class:`UsageError`."""
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise common.UsageError(
            f"{what}: not deleted: there is no terminal to ask on (add --yes to delete)"
        )
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().casefold() not in ("y", "yes"):
        raise common.UsageError(f"{what}: not deleted")


def cmd_client_delete(args: argparse.Namespace) -> int:
    from planner.storage import StoreError

    store = _open(args, read_only=False)
    try:
        with store:
            client = store.client(args.id)
            count = len(store.session_summaries(client.id))
            what = f"client {client.name} ({client.id})"
            _confirm(
                args,
                f"Delete {what} and {_count(count)}? A backup of the store is kept first.",
                what,
            )
            backup = store.delete_client(client.id)
    except StoreError as error:
        raise common.UsageError(str(error)) from None
    print(f"deleted {what} and {_count(count)}; the store before it is in {backup}")
    return common.EXIT_OK


def cmd_session_delete(args: argparse.Namespace) -> int:
    from planner.storage import StoreError

    store = _open(args, read_only=False)
    try:
        with store:
            session = store.session(args.id)
            client = store.client(session.client_id)
            title = session.plan.title or "Untitled session"
            what = f"session {session.id} ({title}, {session.plan.date}, of {client.name})"
            _confirm(args, f"Delete {what}?", what)
            store.delete_session(session.id)
    except StoreError as error:
        raise common.UsageError(str(error)) from None
    print(f"deleted {what}")
    return common.EXIT_OK
