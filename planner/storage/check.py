"""``Store.check_records``: every record read as the program will read it, each bad one named.

A record can be valid JSON and still be wrong (a session whose plan has a
negative number of minutes, a client without a name, a status nobody knows).
The store reads records lazily, so such a record would only fail when someone
opens it; the check reads them all now and says which ones and why, one line
each, so that ``planner store check`` and ``planner store info`` can tell the
user before a backup copies the damage along.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planner.core import validate as v
from planner.core.plan import PlanError
from planner.core.planfile import parse_plan
from planner.storage.errors import StoreError
from planner.storage.paths import MAIN_FILE, OWN_FILE, SESSIONS_DIR
from planner.storage.records import STATUSES, check_client, client_from_json

# What reading a bad record can raise: our own errors and those of a wrong shape.
_READ_ERRORS = (
    StoreError,
    PlanError,
    v.FormatError,
    KeyError,
    TypeError,
    ValueError,
    AttributeError,
)


def _name(value: object) -> str:
    """A record's id as written, or quoted short where it is odd (long, controls, not text)."""
    if isinstance(value, str) and 0 < len(value) <= 100 and value.isprintable():
        return value
    return v.quote(value)


def _problem(error: BaseException) -> str:
    text = str(error) if not isinstance(error, KeyError) else f"no {error}"
    return " ".join(text.split())[:300] or type(error).__name__


class CheckMixin:
    """The record check of :class:`planner.storage.store.Store`."""

    _table: Callable[[str], Any]
    _sessions: Any
    settings: Callable[[], Any]
    library: Callable[[], Any]

    def check_records(self) -> tuple[int, list[str]]:
        """(how many records were read, one line per bad record naming file and record)."""
        problems: list[str] = []
        try:
            self.library()
        except _READ_ERRORS as error:
            problems.append(f"{OWN_FILE}: {_problem(error)}")
        try:
            self.settings()
        except _READ_ERRORS as error:
            problems.append(f"{MAIN_FILE}: settings: {_problem(error)}")
        count, client_ids = self._check_clients(problems)
        count += self._check_sessions(problems, client_ids)
        for doc in self._table("templates").all():
            count += 1
            try:
                if not isinstance(doc.get("name"), str) or not doc["name"].strip():
                    raise StoreError("it has no name")
                parse_plan(doc["plan"], self.library())
            except _READ_ERRORS as error:
                name = doc.get("name") if isinstance(doc, dict) else None
                problems.append(f"{MAIN_FILE}: template {v.quote(name)}: {_problem(error)}")
        return count, problems

    def _check_clients(self, problems: list[str]) -> tuple[int, set[str]]:
        ids: set[str] = set()
        docs = self._table("clients").all()
        for doc in docs:
            label = f"client {_name(doc.get('id') if isinstance(doc, dict) else doc)}"
            try:
                record = check_client(client_from_json(doc))
                if not isinstance(record.id, str) or not record.id:
                    raise StoreError("it has no id")
                if record.id in ids:
                    raise StoreError("its id is used twice")
                ids.add(record.id)
            except _READ_ERRORS as error:
                problems.append(f"{MAIN_FILE}: {label}: {_problem(error)}")
        return len(docs), ids

    def _check_sessions(self, problems: list[str], client_ids: set[str]) -> int:
        count = 0
        for _, client_id in self._sessions.client_ids():
            if client_id not in client_ids:
                where = f"{SESSIONS_DIR}/{client_id}.json"
                problems.append(f"{where}: no client {_name(client_id)} in {MAIN_FILE}")
            count += self.check_client_sessions(client_id, problems)
        return count

    def check_client_sessions(self, client_id: str, problems: list[str]) -> int:
        """Check the sessions of one client (one file); returns how many were read."""
        where = f"{SESSIONS_DIR}/{client_id}.json"
        try:
            docs = self._sessions.docs(client_id)
        except _READ_ERRORS as error:
            problems.append(f"{where}: {_problem(error)}")
            return 0
        seen: set[str] = set()
        for doc in docs:
            label = f"session {_name(doc.get('id') if isinstance(doc, dict) else doc)}"
            try:
                self._check_session(client_id, doc, seen)
            except _READ_ERRORS as error:
                problems.append(f"{where}: {label}: {_problem(error)}")
        return len(docs)

    def _check_session(self, client_id: str, doc: Any, seen: set[str]) -> None:
        if not isinstance(doc, dict):
            raise StoreError("not a record")
        session_id = doc.get("id")
        if not isinstance(session_id, str) or not session_id.startswith(f"{client_id}-"):
            raise StoreError("its id does not belong to this client")
        if session_id in seen:
            raise StoreError("its id is used twice")
        seen.add(session_id)
        if doc.get("status", "draft") not in STATUSES:
            raise StoreError(f"status {v.quote(doc.get('status'))} is not one of {STATUSES}")
        for key in ("after_notes", "saved_at"):
            if not isinstance(doc.get(key, ""), str):
                raise StoreError(f"{key} must be text")
        parse_plan(doc["plan"], self.library())
