"""Schema versions of the store and the migrations between them.

Version 1 (the first layout) kept everything in one tinydb file,
``store.json``, with records keyed by tinydb's document numbers: tables
``meta``, ``clients``, ``sessions`` (each with a ``client`` number, ``notes`` for
the after-session notes and ``saved`` for the time), ``templates`` (``saved``),
``techniques``, ``exercises`` and ``settings``. Every save rewrote every session.

Version 2 keeps ``store.json`` small (``meta``, ``clients``,
``templates``, ``settings``, records with string ids), the user's own library in
``own.json`` and each client's sessions in ``sessions/<client-id>.json``.

Version 3 (current) adds the sync ledger, ``sync.db`` (planner.storage.ledger):
every record becomes a document with a kind, an id and revisions, which the
ledger keeps beside the records; new ids are 128-bit UUID4s, and the ids of
older records keep working. The migration writes an empty ledger with a new
desk id; the first sync gives every record its first revision.

Migrations run when the store is opened for writing. Each converts every record
in memory first; a record it cannot convert stops it with nothing written (no
half-migrated files, no backup). Then a full copy of the old files is put in
``backups/before-migration-...``, the new files are written and the main file
last. Every id derives from the old record numbers, so a migration cut short by
a crash simply runs again.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from planner.core.library import builtin_library, parse_exercise, parse_technique
from planner.storage.backups import snapshot
from planner.storage.jsonstorage import AtomicJSONStorage
from planner.storage.own import write_own
from planner.storage.paths import SCHEMA_VERSION, SESSIONS_DIR, make_private_folder

CURRENT_VERSION = SCHEMA_VERSION
Tables = dict[str, dict[str, Any]]


Writer = Callable[[Path], None]


def _record(table: str, number: str, convert: Callable[..., Any], *args: Any) -> Any:
    """``convert(*args)``, its failure named by the record: ``sessions record 5: no 'client'``."""
    try:
        return convert(*args)
    except KeyError as error:
        raise ValueError(f"{table} record {number}: no {error}") from None
    except (TypeError, ValueError, AttributeError) as error:
        raise ValueError(f"{table} record {number}: {error}") from None


def _migrate_1_to_2(tables: Tables) -> tuple[Tables, list[Writer]]:
    """The v2 main tables and the writers of the new files, all worked out in memory."""

    def client_id(number: object) -> str:
        return f"v1c{int(str(number)):06d}"

    clients = {
        number: _record("clients", number, _client, doc, number, client_id)
        for number, doc in tables.get("clients", {}).items()
    }
    by_client: dict[str, dict[str, dict[str, Any]]] = {}
    for number, doc in tables.get("sessions", {}).items():
        owner, row = _record("sessions", number, _session, doc, number, client_id)
        rows = by_client.setdefault(owner, {})
        rows[str(len(rows) + 1)] = row

    library = builtin_library()
    exercises = [
        _record("exercises", number, parse_exercise, doc, "exercise")
        for number, doc in tables.get("exercises", {}).items()
    ]
    known = set(library.exercises) | {e.id for e in exercises}
    techniques = [
        _record("techniques", number, parse_technique, doc, "technique", known)
        for number, doc in tables.get("techniques", {}).items()
    ]
    templates = {
        number: _record("templates", number, _template, doc, number)
        for number, doc in tables.get("templates", {}).items()
    }

    def write_sessions(folder: Path) -> None:
        make_private_folder(folder / SESSIONS_DIR)
        for owner, rows in by_client.items():
            AtomicJSONStorage(folder / SESSIONS_DIR / f"{owner}.json").write({"sessions": rows})

    def write_library(folder: Path) -> None:
        if techniques or exercises:
            write_own(folder, techniques, exercises)

    new_tables = {
        "meta": {"1": {"schema_version": 2}},
        "clients": clients,
        "templates": templates,
        "settings": tables.get("settings", {}),
    }
    return new_tables, [write_sessions, write_library]


def _client(doc: dict[str, Any], number: str, client_id: Callable[[object], str]) -> dict[str, Any]:
    return {
        "id": client_id(number),
        "name": doc.get("name", ""),
        "contact": doc.get("contact", ""),
        "conditions": doc.get("conditions", []),
        "avoid": doc.get("avoid", []),
        "symptoms": doc.get("symptoms", []),
        "notes": doc.get("notes", ""),
    }


def _session(
    doc: dict[str, Any], number: str, client_id: Callable[[object], str]
) -> tuple[str, dict[str, Any]]:
    owner = client_id(doc["client"])
    return owner, {
        "id": f"{owner}-v1s{int(number):06d}",
        "plan": doc["plan"],
        "status": doc.get("status", "draft"),
        "after_notes": doc.get("notes", ""),
        "saved_at": doc.get("saved", ""),
    }


def _template(doc: dict[str, Any], number: str) -> dict[str, Any]:
    return {
        "id": f"v1t{int(number):06d}",
        "name": doc["name"],
        "plan": doc["plan"],
        "saved_at": doc.get("saved", ""),
    }


def _migrate_2_to_3(tables: Tables) -> tuple[Tables, list[Writer]]:
    def write_ledger(folder: Path) -> None:
        from planner.storage.ledger import Ledger

        ledger = Ledger(folder)  # a migration cut short keeps the ledger it made
        ledger.save()
        ledger.close()

    return {**tables, "meta": {"1": {"schema_version": 3}}}, [write_ledger]


MIGRATIONS: dict[int, Callable[[Tables], tuple[Tables, list[Writer]]]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
}


def migrate(folder: Path, db: TinyDB, version: int) -> Path:
    """Bring the store in ``folder`` from ``version`` to the current one; returns the backup.

    Every record is converted in memory first: a record that cannot be (a
    ValueError naming it) leaves the store exactly as it was, with no new file
    and no backup. Only then is the backup made and are the new files written,
    the main file last.
    """
    first = version
    storage = db.storage
    tables: Tables = dict(storage.read() or {})
    writers: list[Writer] = []
    while version < CURRENT_VERSION:
        tables, more = MIGRATIONS[version](tables)
        writers += more
        version += 1
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = snapshot(folder, f"before-migration-v{first}-{stamp}", first)
    for write in writers:
        write(folder)
    storage.write(tables)
    return backup
