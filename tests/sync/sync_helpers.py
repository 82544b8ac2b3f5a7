"""Desks for the sync tests: stores filled with every kind of record, synced and compared."""

from __future__ import annotations

import dataclasses
import datetime
import sys
from pathlib import Path
from typing import Any

from couch_server import Server

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "storage"))

from storage_helpers import OWN_EXERCISE, OWN_TECHNIQUE, make_plan  # noqa: E402

from planner.storage import ClientRecord, SessionRecord, Store  # noqa: E402
from planner.storage import documents as d  # noqa: E402
from planner.storage.ledger import Ledger  # noqa: E402
from planner.sync.couch import Couch  # noqa: E402
from planner.sync.engine import SyncResult, sync  # noqa: E402

__all__ = ["OWN_EXERCISE", "OWN_TECHNIQUE", "make_plan"]


def sync_desk(folder: Path, url: str, server: Server) -> SyncResult:
    with Store.open(folder) as store, Couch(url, server.user, server.password) as couch:
        return sync(store, couch)


def everything(folder: Path) -> dict[str, Any]:
    """Every record of the store as documents (``kind:id`` -> JSON)."""
    with Store.open(folder, read_only=True) as store:
        found = {}
        for source in d.sources(folder):
            for kind, record_id, record in d.records_in(store, source):
                found[d.doc_id(kind.name, record_id)] = record
        return found


def conflicts(folder: Path) -> list[str]:
    return sorted(Ledger(folder, read_only=True).conflicted())


def fill(folder: Path, clients: int = 2, sessions: int = 2) -> dict[str, Any]:
    """A store with own exercises and techniques, a template, clients and their sessions."""
    made: dict[str, Any] = {"clients": [], "sessions": []}
    with Store.open(folder) as store:
        store.save_exercise(OWN_EXERCISE)
        store.save_technique(OWN_TECHNIQUE)
        made["template"] = store.save_template("First visit", make_plan(own=True))
        for number in range(clients):
            client = store.save_client(ClientRecord(id="", name=f"Client {number}"))
            made["clients"].append(client)
            for day in range(1, sessions + 1):
                record = SessionRecord(id="", client_id=client.id, plan=make_plan(day=day))
                made["sessions"].append(store.save_session(record))
    return made


def edit_notes(folder: Path, session_id: str, notes: str) -> None:
    with Store.open(folder) as store:
        record = store.session(session_id)
        store.save_session(dataclasses.replace(record, after_notes=notes))


def session_edited_on_both(
    a: Path, b: Path, url: str, server: Server, notes: tuple[str, str]
) -> SessionRecord:
    """One session made on ``a``, synced to ``b``, then its notes edited on each desk
    (``notes``: a's, b's) with neither synced since: a conflict in waiting."""
    session = fill(a, clients=1, sessions=1)["sessions"][0]
    sync_desk(a, url, server)
    sync_desk(b, url, server)
    edit_notes(a, session.id, notes[0])
    edit_notes(b, session.id, notes[1])
    return session


def signed_session(folder: Path) -> SessionRecord:
    with Store.open(folder) as store:
        client = store.save_client(ClientRecord(id="", name="Signed Client"))
        record = store.save_session(SessionRecord(id="", client_id=client.id, plan=make_plan()))
        moment = datetime.datetime(2026, 3, 1, 10, 0, tzinfo=datetime.UTC)
        return store.sign_session(record.id, "Sam Rivera", moment)
