"""Schema versions of the store and the migrations between them.

Version 1 (the first layout) kept everything in one tinydb file,
``store.json``, with records keyed by tinydb's document numbers: tables
``meta``, ``clients``, ``sessions`` (each with a ``client`` number, ``notes`` for
the after-session notes and ``saved`` for the time), ``templates`` (``saved``),
``techniques``, ``exercises`` and ``settings``. Every save rewrote every session.

Version 2 keeps ``store.json`` small (``meta``, ``clients``,
``templates``, ``settings``, records with string ids), the user's own library in
``own.json`` and each client's sessions in ``sessions/<client-id>.json``.

Version 3 (current) adds the sync ledger, ``sync.json`` (planner.storage.ledger):
every record becomes a document with a kind, an id and revisions, which the
ledger keeps beside the records; new ids are 128-bit UUID4s, and the ids of
older records keep working. The migration writes an empty ledger with a new
desk id; the first sync gives every record its first revision.

Migrations run when the store is opened for writing, after a full copy of the
old files has been put in ``backups/before-migration-...``. A migration writes
the new files first and the main file last, and derives every id from the old
record numbers, so a migration cut short by a crash simply runs again.
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


def _migrate_1_to_2(folder: Path, tables: Tables) -> Tables:
    def client_id(number: object) -> str:
        return f"v1c{int(str(number)):06d}"

    clients = {}
    for number, doc in tables.get("clients", {}).items():
        clients[number] = {
            "id": client_id(number),
            "name": doc.get("name", ""),
            "contact": doc.get("contact", ""),
            "conditions": doc.get("conditions", []),
            "avoid": doc.get("avoid", []),
            "symptoms": doc.get("symptoms", []),
            "notes": doc.get("notes", ""),
        }
    by_client: dict[str, dict[str, dict[str, Any]]] = {}
    for number, doc in tables.get("sessions", {}).items():
        owner = client_id(doc["client"])
        rows = by_client.setdefault(owner, {})
        rows[str(len(rows) + 1)] = {
            "id": f"{owner}-v1s{int(number):06d}",
            "plan": doc["plan"],
            "status": doc.get("status", "draft"),
            "after_notes": doc.get("notes", ""),
            "saved_at": doc.get("saved", ""),
        }
    make_private_folder(folder / SESSIONS_DIR)
    for owner, rows in by_client.items():
        AtomicJSONStorage(folder / SESSIONS_DIR / f"{owner}.json").write({"sessions": rows})

    library = builtin_library()
    exercises = [parse_exercise(doc, "exercise") for doc in tables.get("exercises", {}).values()]
    known = set(library.exercises) | {e.id for e in exercises}
    techniques = [
        parse_technique(doc, "technique", known) for doc in tables.get("techniques", {}).values()
    ]
    if techniques or exercises:
        write_own(folder, techniques, exercises)

    templates = {
        number: {
            "id": f"v1t{int(number):06d}",
            "name": doc["name"],
            "plan": doc["plan"],
            "saved_at": doc.get("saved", ""),
        }
        for number, doc in tables.get("templates", {}).items()
    }
    return {
        "meta": {"1": {"schema_version": 2}},
        "clients": clients,
        "templates": templates,
        "settings": tables.get("settings", {}),
    }


def _migrate_2_to_3(folder: Path, tables: Tables) -> Tables:
    from planner.storage.ledger import LEDGER_FILE, new_ledger

    path = folder / LEDGER_FILE
    if not path.exists():  # a migration cut short keeps the ledger it wrote
        AtomicJSONStorage(path).write(new_ledger())
    return {**tables, "meta": {"1": {"schema_version": 3}}}


MIGRATIONS: dict[int, Callable[[Path, Tables], Tables]] = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


def migrate(folder: Path, db: TinyDB, version: int) -> Path:
    """Bring the store in ``folder`` from ``version`` to the current one; returns the backup."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = snapshot(folder, f"before-migration-v{version}-{stamp}", version)
    storage = db.storage
    tables: Tables = dict(storage.read() or {})
    while version < CURRENT_VERSION:
        tables = MIGRATIONS[version](folder, tables)
        version += 1
    storage.write(tables)
    return backup
