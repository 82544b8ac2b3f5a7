"""Records as documents: every kind of record the store keeps, read and written as raw JSON.

A document is a kind, the record's id and the record's JSON exactly as the store
keeps it; its id on a sync server is ``<kind>:<record id>``. The sync
(:mod:`planner.sync`) sees records only through the :class:`RecordKind` objects
of :data:`KINDS`, so a new field travels without any change here, and a new kind
of record travels once it is listed in :data:`KINDS`.

Records live in *sources*: ``store.json`` (clients, templates), ``own.json``
(own techniques and exercises) and ``sessions/<client-id>.json`` (one client's
sessions). A source whose file is unchanged since the last sync (inode, size
and modification time) holds no change, so an incremental sync reads only the
files written since.

The writes here are raw: they check nothing, because a record arriving from
another desk was checked where it was made, and a session may arrive before
its client does. Kinds are listed in the order their records are written, so
that exercises precede the techniques that suggest them and clients their
sessions.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.core.atomicfile import write_atomic
from planner.storage.errors import StoreError
from planner.storage.paths import FILE_MODE, MAIN_FILE, OWN_FILE, SESSIONS_DIR, make_private_folder
from planner.storage.sessions import client_of

if TYPE_CHECKING:
    from planner.storage.store import Store

Record = dict[str, Any]
OWN_SOURCE = OWN_FILE
MAIN_SOURCE = MAIN_FILE


def digest(record: Record) -> str:
    """A short fingerprint of a record's JSON (sorted keys): equal records, equal digests."""
    raw = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def doc_id(kind: str, record_id: str) -> str:
    return f"{kind}:{record_id}"


def split_doc_id(value: str) -> tuple[str, str] | None:
    """(kind, record id) of a document id of ours, or None for any other document."""
    kind, sep, record_id = value.partition(":")
    if not sep or kind not in BY_NAME or not record_id:
        return None
    return kind, record_id


def file_signature(path: Path) -> list[int] | None:
    """Identity of a file's current version (None when it does not exist)."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


class RecordKind:
    """One kind of record: its name, a title for people, and raw reads and writes."""

    def __init__(self, name: str, title_of: str) -> None:
        self.name = name
        self.title_of = title_of  # the record's key that names it for a person

    def title(self, record: Record | None) -> str:
        if not record:
            return ""
        value = record.get(self.title_of)
        if isinstance(value, dict):  # a session: the plan's date and title
            return f"{value.get('date', '')} {value.get('title', '')}".strip()
        return str(value or "")

    def source_of(self, record_id: str) -> str:
        raise NotImplementedError

    def read(self, store: Store, source: str) -> dict[str, Record]:
        """The records of this kind in ``source``, by id."""
        raise NotImplementedError

    def write(
        self, store: Store, source: str, changes: dict[str, Record | None]
    ) -> dict[str, Record | None]:
        """Put each record (None: remove it) in ``source``, in one atomic write of its file.

        Returns the changes that cannot be written yet (an own technique whose
        exercise has not arrived); the sync keeps them and tries again.
        """
        raise NotImplementedError


def _write_table(storage: Any, table: str, changes: dict[str, Record | None]) -> None:
    """Replace, add or remove records (by ``id``) in one table of a tinydb file, in one write."""
    data = storage.read() or {}
    rows = data.setdefault(table, {})
    number_of = {doc.get("id"): number for number, doc in rows.items()}
    last = max((int(n) for n in rows), default=0)
    for record_id, record in changes.items():
        number = number_of.get(record_id)
        if record is None:
            if number is not None:
                del rows[number]
        elif number is not None:
            rows[number] = record  # replaced whole: keys the record lost go too
        else:
            last += 1
            rows[str(last)] = record
            number_of[record_id] = str(last)
    storage.write(data)


def _forget_next_ids(db: Any) -> None:
    # tinydb caches the next document number per table; the write above may have used it.
    for table in db._tables.values():
        table._next_id = None


class TableKind(RecordKind):
    """Records in a table of ``store.json``, found by their ``id``."""

    def __init__(self, name: str, table: str, title_of: str = "name") -> None:
        super().__init__(name, title_of)
        self.table = table

    def source_of(self, record_id: str) -> str:
        return MAIN_SOURCE

    def read(self, store: Store, source: str) -> dict[str, Record]:
        rows = (store._db.storage.read() or {}).get(self.table, {})
        return {doc["id"]: dict(doc) for doc in rows.values() if "id" in doc}

    def write(
        self, store: Store, source: str, changes: dict[str, Record | None]
    ) -> dict[str, Record | None]:
        _write_table(store._db.storage, self.table, changes)
        _forget_next_ids(store._db)
        return {}


class SessionKind(RecordKind):
    """Sessions, in one file per client (the client id is part of the session id)."""

    def source_of(self, record_id: str) -> str:
        return f"{SESSIONS_DIR}/{client_of(record_id)}.json"

    def read(self, store: Store, source: str) -> dict[str, Record]:
        client_id = Path(source).stem
        return {doc["id"]: doc for doc in store._sessions.docs(client_id) if "id" in doc}

    def write(
        self, store: Store, source: str, changes: dict[str, Record | None]
    ) -> dict[str, Record | None]:
        from planner.storage.sessions import TABLE

        make_private_folder(store.folder / SESSIONS_DIR)
        client_id = Path(source).stem
        table = store._sessions._table(client_id)
        _write_table(table.storage, TABLE, changes)
        table._next_id = None  # type: ignore[attr-defined]
        return {}


class OwnKind(RecordKind):
    """Own techniques or exercises: one list in ``own.json``."""

    def __init__(self, name: str, key: str) -> None:
        super().__init__(name, "name")
        self.key = key

    def source_of(self, record_id: str) -> str:
        return OWN_SOURCE

    def read(self, store: Store, source: str) -> dict[str, Record]:
        return {item["id"]: item for item in _own_raw(store.folder)[self.key] if "id" in item}

    def write(
        self, store: Store, source: str, changes: dict[str, Record | None]
    ) -> dict[str, Record | None]:
        data = _own_raw(store.folder)
        waiting: dict[str, Record | None] = {}
        if self.key == "techniques":
            from planner.core.library import builtin_library

            have = set(builtin_library().exercises) | {e.get("id") for e in data["exercises"]}
            waiting = {
                i: r
                for i, r in changes.items()
                if r is not None and not set(r.get("exercises", ())) <= have
            }
            changes = {i: r for i, r in changes.items() if i not in waiting}
        if self.key == "exercises":
            # An exercise deleted on another desk while a technique here still suggests
            # it stays (own.json must stay whole); the next sync finds it and sends it
            # again, so it comes back wherever it was deleted.
            named = {e for t in data["techniques"] for e in t.get("exercises", ())}
            changes = {i: r for i, r in changes.items() if r is not None or i not in named}
        items = [i for i in data[self.key] if i.get("id") not in changes]
        data[self.key] = items + [r for r in changes.values() if r is not None]
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        try:
            write_atomic(store.folder / OWN_FILE, text.encode("utf-8"), FILE_MODE)
        except OSError as error:
            raise StoreError(f"{store.folder / OWN_FILE} could not be saved: {error}.") from None
        return waiting


def _own_raw(folder: Path) -> dict[str, Any]:
    path = folder / OWN_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    except (OSError, ValueError) as error:
        raise StoreError(f"The store file {path} cannot be read: {error}.") from None
    data.setdefault("format", "own-library")
    data.setdefault("version", 1)
    data.setdefault("techniques", [])
    data.setdefault("exercises", [])
    return data  # type: ignore[no-any-return]


# In the order records are written: what others refer to comes first.
KINDS: tuple[RecordKind, ...] = (
    OwnKind("exercise", "exercises"),
    OwnKind("technique", "techniques"),
    TableKind("client", "clients"),
    TableKind("template", "templates"),
    SessionKind("session", "plan"),
)
BY_NAME = {kind.name: kind for kind in KINDS}


def sources(folder: Path) -> dict[str, list[int] | None]:
    """Every source of records in a store folder and the identity of its file now."""
    found: dict[str, list[int] | None] = {
        MAIN_SOURCE: file_signature(folder / MAIN_FILE),
        OWN_SOURCE: file_signature(folder / OWN_FILE),
    }
    sessions = folder / SESSIONS_DIR
    if sessions.is_dir():
        for entry in os.scandir(sessions):
            if entry.name.endswith(".json") and not entry.name.startswith("."):
                stat = entry.stat()
                identity = [stat.st_ino, stat.st_size, stat.st_mtime_ns]
                found[f"{SESSIONS_DIR}/{entry.name}"] = identity
    return found


def kinds_in(source: str) -> tuple[RecordKind, ...]:
    if source == MAIN_SOURCE:
        return tuple(k for k in KINDS if isinstance(k, TableKind))
    if source == OWN_SOURCE:
        return tuple(k for k in KINDS if isinstance(k, OwnKind))
    return tuple(k for k in KINDS if isinstance(k, SessionKind))


def records_in(store: Store, source: str) -> Iterator[tuple[RecordKind, str, Record]]:
    """(kind, id, record) of every record in ``source`` (none if its file is gone)."""
    if source not in (MAIN_SOURCE, OWN_SOURCE) and not (store.folder / source).exists():
        return
    for kind in kinds_in(source):
        for record_id, record in kind.read(store, source).items():
            yield kind, record_id, record
