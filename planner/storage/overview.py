"""Every client with their session count and last session date, read quickly.

``planner clients`` lists 2,000 clients in a few tens of milliseconds: the main
file is read with the json module alone (no tinydb, no lock, no plan parsing),
and each client's count and last date come from ``sessions-index.json``, a
cache beside the main file::

    {"format": "session-index", "version": 1,
     "files": {"<client-id>": [inode, size, mtime_ns, count, "YYYY-MM-DD" or ""]}}

An entry is used only while its session file still has that inode, size and
time (every save replaces the file, so any change shows); otherwise that one
file is read again. The cache is derived data: it is not backed up, a missing
or damaged one is simply rebuilt, and writing it is best effort (a store on a
read-only disk lists as well, only slower).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from planner.storage.errors import StoreError
from planner.storage.paths import FILE_MODE, MAIN_FILE, SCHEMA_VERSION, SESSIONS_DIR

INDEX_FILE = "sessions-index.json"
FORMAT = "session-index"
VERSION = 1
Entry = list[Any]  # [inode, size, mtime_ns, count, last date]


class ClientOverview(NamedTuple):
    """One row of ``planner clients`` (a NamedTuple: dataclasses would cost 20 ms to import)."""

    id: str
    name: str
    sessions: int
    last_session: str  # ISO date of the newest session's plan, "" when none

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "sessions": self.sessions,
            "last_session": self.last_session or None,
        }


def _read_json(path: Path) -> Any:
    with open(path, "rb") as handle:
        return json.loads(handle.read())


def raw_clients(folder: Path) -> list[dict[str, Any]]:
    """The client documents of the store's main file, as stored (none when there is no store)."""
    path = folder / MAIN_FILE
    try:
        data = _read_json(path)
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StoreError(f"The store file {path} cannot be read: {error.strerror}.") from None
    except ValueError:
        raise StoreError(
            f"The store file {path} is damaged (not valid JSON); open the planner's window "
            "to keep a copy and start from the latest backup."
        ) from None
    if not isinstance(data, dict):
        raise StoreError(f"The store file {path} is damaged (not a store).")
    metas = list(data.get("meta", {}).values())
    version = metas[0].get("schema_version") if metas else None
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise StoreError(
            f"The store in {folder} was written by a newer version of the planner "
            f"(schema {version}; this one knows up to {SCHEMA_VERSION}); update the planner."
        )
    if isinstance(version, int) and version < SCHEMA_VERSION:
        raise StoreError(
            f"The store in {folder} is in an older layout; open it for writing once to update it."
        )
    clients = data.get("clients", {})
    return [doc for doc in clients.values() if isinstance(doc, dict) and "id" in doc]


def _summarise(path: Path) -> Entry | None:
    """A fresh index entry for one session file (None when the file is gone)."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            data = json.loads(handle.read())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise StoreError(f"The sessions file {path} cannot be read: {error}.") from None
    rows = data.get("sessions", {}) if isinstance(data, dict) else {}
    dates = [str(row.get("plan", {}).get("date", "")) for row in rows.values()]
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns, len(rows), max(dates, default="")]


def session_counts(folder: Path) -> dict[str, tuple[int, str]]:
    """client id -> (session count, last session date) for every client with a session file."""
    sessions = folder / SESSIONS_DIR
    index_path = folder / INDEX_FILE
    try:
        index = _read_json(index_path)
        files = index["files"] if index.get("format") == FORMAT else {}
        if not isinstance(files, dict):
            files = {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        files = {}
    fresh: dict[str, Entry] = {}
    changed = False
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(sessions):
            name = entry.name
            if not name.endswith(".json") or name.startswith("."):
                continue
            client_id = name[:-5]
            stat = entry.stat()
            cached = files.get(client_id)
            if (
                isinstance(cached, list)
                and len(cached) == 5
                and cached[:3] == [stat.st_ino, stat.st_size, stat.st_mtime_ns]
            ):
                fresh[client_id] = cached
                continue
            summary = _summarise(Path(entry.path))
            if summary is not None:
                fresh[client_id] = summary
                changed = True
    if changed or len(fresh) != len(files):
        _write_index(index_path, fresh)
    return {client_id: (entry[3], entry[4]) for client_id, entry in fresh.items()}


def _write_index(path: Path, files: dict[str, Entry]) -> None:
    # Best effort and unsynced: a lost or torn index only costs a re-read.
    data = json.dumps({"format": FORMAT, "version": VERSION, "files": files}, separators=(",", ":"))
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


def client_overview(folder: Path) -> list[ClientOverview]:
    """Every client of the store in ``folder``, by name, with session count and last date."""
    docs = raw_clients(folder)
    counts = session_counts(folder)
    rows = [
        ClientOverview(
            id=str(doc["id"]),
            name=str(doc.get("name", "")),
            sessions=counts.get(str(doc["id"]), (0, ""))[0],
            last_session=counts.get(str(doc["id"]), (0, ""))[1],
        )
        for doc in docs
    ]
    rows.sort(key=lambda row: (row.name.casefold(), row.id))
    return rows
