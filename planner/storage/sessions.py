"""Sessions, kept in one small tinydb file per client: ``sessions/<client-id>.json``.

Saving a session rewrites only its client's file (about ten sessions for a
typical client), so a save costs the same in a store of 100 sessions as in one
of 20,000. The files are opened when first needed, not when the store opens.
A session id is ``<client-id>-<random>``, so the file that holds a session is
known from its id alone.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from planner.storage.errors import StoreError
from planner.storage.jsonstorage import AtomicJSONStorage
from planner.storage.paths import SESSIONS_DIR, make_private_folder

_ID = re.compile(r"[a-z0-9]{1,40}")
TABLE = "sessions"
# Session files kept parsed in memory; older ones are dropped (and re-read if needed).
OPEN_FILES = 64


def client_of(session_id: str) -> str:
    """The client id inside a session id, or :class:`StoreError` if it is not one of ours."""
    client_id, _, rest = session_id.partition("-")
    if not _ID.fullmatch(client_id) or not _ID.fullmatch(rest):
        raise StoreError(f"There is no session {session_id!r} in the store.")
    return client_id


class SessionFiles:
    """The per-client session files of one store folder, opened lazily."""

    def __init__(self, folder: Path, *, read_only: bool) -> None:
        self.folder = folder / SESSIONS_DIR
        self.read_only = read_only
        self._dbs: OrderedDict[str, TinyDB] = OrderedDict()

    def path(self, client_id: str) -> Path:
        if not _ID.fullmatch(client_id):
            raise StoreError(f"There is no client {client_id!r} in the store.")
        return self.folder / f"{client_id}.json"

    def _table(self, client_id: str) -> Table:
        db = self._dbs.get(client_id)
        if db is None:
            path = self.path(client_id)
            db = TinyDB(path, storage=AtomicJSONStorage, read_only=self.read_only)
            self._dbs[client_id] = db
            while len(self._dbs) > OPEN_FILES:
                self._dbs.popitem(last=False)[1].close()
        else:
            self._dbs.move_to_end(client_id)
        # No query cache: another program may change the file under a read-only store.
        return db.table(TABLE, cache_size=0)

    def docs(self, client_id: str) -> list[dict[str, Any]]:
        """The stored sessions of a client (raw), in no particular order."""
        if not self.path(client_id).exists():
            return []
        return [dict(doc) for doc in self._table(client_id).all()]

    def raw(self, client_id: str) -> list[dict[str, Any]]:
        """The stored sessions of a client as the file holds them: read-only, not copied.

        For listings: building tinydb's documents for 500 sessions costs more than
        reading the file.
        """
        if not self.path(client_id).exists():
            return []
        self._table(client_id)  # opens the file's storage (and keeps it open)
        data = self._dbs[client_id].storage.read() or {}
        return list(data.get(TABLE, {}).values())

    def find(self, session_id: str) -> dict[str, Any]:
        client_id = client_of(session_id)
        for doc in self.docs(client_id):
            if doc.get("id") == session_id:
                return doc
        raise StoreError(f"There is no session {session_id!r} in the store.")

    def put(self, client_id: str, doc: dict[str, Any]) -> None:
        """Insert or replace the session ``doc["id"]`` in its client's file (one atomic write)."""
        make_private_folder(self.folder)
        table = self._table(client_id)
        for stored in table.all():
            if stored.get("id") == doc["id"]:
                table.update(doc, doc_ids=[stored.doc_id])
                return
        table.insert(doc)

    def remove(self, session_id: str) -> None:
        client_id = client_of(session_id)
        table = self._table(client_id) if self.path(client_id).exists() else None
        found = [d.doc_id for d in table.all() if d.get("id") == session_id] if table else []
        if not found or table is None:
            raise StoreError(f"There is no session {session_id!r} in the store.")
        table.remove(doc_ids=found)

    def drop_client(self, client_id: str) -> None:
        """Delete a client's whole session file."""
        db = self._dbs.pop(client_id, None)
        if db is not None:
            db.close()
        path = self.path(client_id)
        # The copy of what progress reads (coursecache.py) goes with the sessions.
        with contextlib.suppress(OSError):
            path.with_name(f".{client_id}.course.json").unlink()
        try:
            path.unlink()
        except FileNotFoundError:
            return
        except OSError as error:
            raise StoreError(f"The sessions in {path} could not be deleted: {error}.") from None

    def client_ids(self) -> list[tuple[float, str]]:
        """(modification time, client id) of every session file, newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for entry in os.scandir(self.folder):
            name = entry.name
            if name.endswith(".json") and _ID.fullmatch(name[:-5]):
                found.append((entry.stat().st_mtime, name[:-5]))
        return sorted(found, reverse=True)

    def count(self) -> int:
        """How many sessions all the files hold (reads every file, keeping none: for ``info``)."""
        total = 0
        for _, client_id in self.client_ids():
            storage = AtomicJSONStorage(self.path(client_id), read_only=self.read_only)
            total += len((storage.read() or {}).get(TABLE, {}))
        return total

    def recent(self, limit: int) -> list[dict[str, Any]]:
        """The ``limit`` most recently saved sessions (raw), newest first.

        Files are visited newest first by modification time. A file written
        before the oldest session kept so far cannot hold a newer one (a
        session's ``saved_at`` is set just before its file is written), so the
        walk stops there instead of reading every file.
        """
        best: list[dict[str, Any]] = []
        for mtime, client_id in self.client_ids():
            if len(best) >= limit and best:
                oldest = best[-1]["saved_at"]
                if _stamp_of(mtime) < oldest:
                    break
            best.extend(self.docs(client_id))
            best.sort(key=lambda d: d.get("saved_at", ""), reverse=True)
            del best[limit:]
        return best

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()


def _stamp_of(mtime: float) -> str:
    import datetime

    # A second of slack for file systems with coarse timestamps.
    moment = datetime.datetime.fromtimestamp(mtime + 1, datetime.UTC)
    return moment.isoformat(timespec="microseconds")
