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
from planner.storage.overview import raw_clients
from planner.storage.paths import SESSIONS_DIR

if TYPE_CHECKING:
    import datetime

    from planner.storage.sessions import SessionFiles
from planner.storage.records import name_key
from planner.storage.sessions import TABLE


def find_client_doc(folder: Path, key: str) -> dict[str, Any]:
    """The stored client with the id ``key``, else the name ``key`` (case and spacing aside)."""
    clients = raw_clients(folder)
    for doc in clients:
        if doc.get("id") == key:
            return doc
    wanted = name_key(key)
    found = [doc for doc in clients if name_key(str(doc.get("name", ""))) == wanted]
    if len(found) > 1:
        ids = ", ".join(str(doc["id"]) for doc in found)
        raise StoreError(f"{len(found)} clients are named {key.strip()!r} ({ids}); give the id.")
    if not found:
        raise StoreError(f"There is no client {key!r} in the store (give a name or an id).")
    return found[0]


def session_docs(folder: Path, client_id: str) -> list[dict[str, Any]]:
    """The stored sessions of a client, raw, in no particular order."""
    path = folder / SESSIONS_DIR / f"{client_id}.json"
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read())
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StoreError(f"The sessions file {path} cannot be read: {error.strerror}.") from None
    except ValueError:
        raise StoreError(f"The sessions file {path} is damaged (not valid JSON).") from None
    rows = data.get(TABLE, {}) if isinstance(data, dict) else None
    if not isinstance(rows, dict):
        raise StoreError(f"The sessions file {path} is damaged (no sessions table).")
    return [doc for doc in rows.values() if isinstance(doc, dict)]


def client_course(folder: Path, key: str) -> tuple[dict[str, Any], list[Visit]]:
    """(the client's stored record, their visits in date order)."""
    client = find_client_doc(folder, key)
    docs = session_docs(folder, str(client["id"]))
    return client, _visits(docs, str(client.get("name", "")))


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

    def visits(self, client_id: str) -> list[Visit]:
        """The client's visits in date order (read from the stored form, plans not built)."""
        return _visits(self._sessions.docs(client_id), client_id)

    def course_notes(
        self, client_id: str, date: datetime.date, session_id: str = ""
    ) -> tuple[str, ...]:
        """The worse-flag sentences of the visits before ``date`` (the session itself aside)."""
        day = date.isoformat()
        earlier = [v for v in self.visits(client_id) if v.date < day and v.id != session_id]
        return worsening_notes(course_series(earlier))
