"""A client's course of visits, read quickly for ``planner progress``.

The main file and the client's session file are read with the json module
alone: no tinydb, no lock, no plan parsing (only each visit's date, title,
measures and symptoms), so that 500 visits sum up in a few milliseconds and
the command works while the window has the store open.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.core.progress import Visit, course_series, visit_from_doc, worsening_notes
from planner.storage.errors import StoreError
from planner.storage.paths import MAIN_FILE, SCHEMA_VERSION, SESSIONS_DIR

if TYPE_CHECKING:
    import datetime

    from planner.storage.sessions import SessionFiles


TABLE = "sessions"  # the table of a session file (planner.storage.sessions.TABLE)


def _name_key(name: str) -> str:
    # As planner.storage.records.name_key (not imported: it brings the plan module along).
    return " ".join(name.split()).casefold()


def _read(path: Path, what: str) -> Any:
    try:
        with open(path, "rb") as handle:
            return json.loads(handle.read())
    except OSError as error:
        raise StoreError(f"The {what} {path} cannot be read: {error.strerror}.") from None
    except ValueError:
        raise StoreError(f"The {what} {path} is damaged (not valid JSON).") from None


def raw_clients(folder: Path) -> list[dict[str, Any]]:
    """The stored clients, as :func:`planner.storage.overview.raw_clients` reads them.

    Not imported from there: that module's dataclass brings ``dataclasses`` (and
    ``inspect``) along, a tenth of ``planner progress``'s own time.
    """
    path = folder / MAIN_FILE
    if not path.exists():
        return []
    data = _read(path, "store file")
    metas = list(data.get("meta", {}).values()) if isinstance(data, dict) else []
    version = metas[0].get("schema_version") if metas else None
    if isinstance(version, int) and version != SCHEMA_VERSION:
        newer = version > SCHEMA_VERSION
        raise StoreError(
            f"The store in {folder} was written by a newer version of the planner; update it."
            if newer
            else f"The store in {folder} is in an older layout; open it for writing once."
        )
    clients = data.get("clients", {}) if isinstance(data, dict) else {}
    return [doc for doc in clients.values() if isinstance(doc, dict) and "id" in doc]


def find_client_doc(folder: Path, key: str) -> dict[str, Any]:
    """The stored client with the id ``key``, else the name ``key`` (case and spacing aside)."""
    clients = raw_clients(folder)
    for doc in clients:
        if doc.get("id") == key:
            return doc
    wanted = _name_key(key)
    found = [doc for doc in clients if _name_key(str(doc.get("name", ""))) == wanted]
    if len(found) > 1:
        ids = ", ".join(str(doc["id"]) for doc in found)
        raise StoreError(f"{len(found)} clients are named {key.strip()!r} ({ids}); give the id.")
    if not found:
        raise StoreError(f"There is no client {key!r} in the store (give a name or an id).")
    return found[0]


def session_docs(folder: Path, client_id: str) -> list[dict[str, Any]]:
    """The stored sessions of a client, raw, in no particular order."""
    path = folder / SESSIONS_DIR / f"{client_id}.json"
    if not path.exists():
        return []
    data = _read(path, "sessions file")
    rows = data.get(TABLE, {}) if isinstance(data, dict) else None
    if not isinstance(rows, dict):
        raise StoreError(f"The sessions file {path} is damaged (no sessions table).")
    return [doc for doc in rows.values() if isinstance(doc, dict)]


def client_course(folder: Path, key: str) -> tuple[dict[str, Any], list[Visit]]:
    """(the client's stored record, their visits in date order)."""
    client = find_client_doc(folder, key)
    return client, course_visits(folder, str(client["id"]), str(client.get("name", "")))


def course_visits(folder: Path, client_id: str, name: str) -> list[Visit]:
    """A client's visits in date order: from the course copy while it matches the file."""
    from planner.storage import coursecache

    source = coursecache.source_of(folder / SESSIONS_DIR / f"{client_id}.json")
    if source is None:
        return []
    cached = coursecache.read_cache(folder, client_id, source)
    if cached is not None:
        cached.sort(key=lambda visit: (visit.date, visit.saved_at))
        return cached
    docs = session_docs(folder, client_id)
    visits = _visits(docs, name)
    coursecache.write_cache(folder, client_id, source, docs)
    return visits


def _visits(docs: list[dict[str, Any]], name: str) -> list[Visit]:
    visits = []
    for doc in docs:
        try:
            visits.append(visit_from_doc(doc))
        except ValueError as error:
            raise StoreError(f"A session of {name!r} is damaged: {error}.") from None
    visits.sort(key=lambda visit: (visit.date, visit.saved_at))
    return visits


class CourseMixin:
    """A client's course of visits, for :class:`planner.storage.store.Store`."""

    _sessions: SessionFiles
    folder: Path

    def visits(self, client_id: str) -> list[Visit]:
        """The client's visits in date order (read from the stored form, plans not built).

        The file is read with the json module: tinydb's documents cost twice as much
        for a client of 500 sessions. Saves replace the whole file, so it is never
        read half-written.
        """
        self._sessions.path(client_id)  # an id that is no client's is refused
        return course_visits(self.folder, client_id, client_id)

    def course_notes(
        self, client_id: str, date: datetime.date, session_id: str = ""
    ) -> tuple[str, ...]:
        """The worse-flag sentences of the visits before ``date`` (the session itself aside)."""
        day = date.isoformat()
        earlier = [v for v in self.visits(client_id) if v.date < day and v.id != session_id]
        return worsening_notes(course_series(earlier))
