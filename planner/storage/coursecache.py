"""A small copy of what progress reads from a client's sessions, kept beside their file.

``sessions/.<client-id>.course.json`` holds, for each session, only its date, title,
status, measures, symptom areas and the few words the report names (about a fifth of
the session file), with the inode, size and time of the session file it was made
from. Saves replace the session file, so any change shows and the copy is made again;
a missing, damaged or stale copy is simply ignored. It is derived data: not backed up
(its name starts with a dot), written best effort, and deleted with the client.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from planner.core.measures import stored_measures
from planner.core.progress import Rating, Visit, visit_from_doc
from planner.storage.paths import FILE_MODE, SESSIONS_DIR

FORMAT = "course-cache"
VERSION = 1


def cache_path(folder: Path, client_id: str) -> Path:
    return folder / SESSIONS_DIR / f".{client_id}.course.json"


def _row(doc: dict[str, Any], visit: Visit) -> list[Any]:
    return [
        visit.id,
        visit.date,
        visit.title,
        visit.status,
        doc["plan"].get("measures"),
        [list(rating) for rating in visit.symptoms],
        visit.signed,
        visit.saved_at,
        visit.therapist,
        visit.clinic,
        visit.assessment,
    ]


def _visit(row: list[Any]) -> Visit:
    return Visit(
        row[0],
        row[1],
        row[2],
        row[3],
        stored_measures(row[4]),
        tuple(Rating(*rating) for rating in row[5]),
        *row[6:],
    )


def read_cache(folder: Path, client_id: str, source: list[int]) -> list[Visit] | None:
    """The cached visits, or None when there is no copy for this very session file."""
    try:
        with open(cache_path(folder, client_id), "rb") as handle:
            data = json.loads(handle.read())
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            return None
        if data.get("source") != source:
            return None
        return [_visit(row) for row in data["visits"]]
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def write_cache(
    folder: Path, client_id: str, source: list[int], docs: list[dict[str, Any]]
) -> None:
    """Best effort and unsynced: a lost or torn copy only costs reading the sessions."""
    rows = [_row(doc, visit_from_doc(doc)) for doc in docs]
    text = json.dumps(
        {"format": FORMAT, "version": VERSION, "source": source, "visits": rows},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    path = cache_path(folder, client_id)
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


def source_of(path: Path) -> list[int] | None:
    """The session file's identity (inode, size, time), or None when there is none."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]
