"""The client methods of the store: records, finding by name, deleting with a backup.

A client's sessions are listed two ways: :meth:`ClientsMixin.session_summaries`
reads only what a list shows (date, title, status, minutes) without parsing the
plans, so a client with 500 sessions lists at once; ``sessions_for`` (in
store.py) gives the full records.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from planner.storage.backups import snapshot
from planner.storage.errors import StoreError
from planner.storage.paths import SCHEMA_VERSION
from planner.storage.records import (
    ClientRecord,
    SessionSummary,
    check_client,
    client_from_json,
    client_to_json,
    name_key,
    new_id,
)
from planner.storage.sessions import SessionFiles


class ClientsMixin:
    """The client methods of :class:`planner.storage.store.Store`."""

    folder: Path
    _db: TinyDB
    _sessions: SessionFiles
    _client_index: tuple[Any, dict[Any, str]] | None
    _table: Callable[[str], Table]
    _writable: Callable[[], None]

    def clients(self) -> list[ClientRecord]:
        records = [client_from_json(doc) for doc in self._table("clients").all()]
        return sorted(records, key=lambda c: (c.name.casefold(), c.id))

    def _client_doc(self, client_id: str) -> Document:
        # Looked up in an index of the raw table, rebuilt only when the file
        # changes: building 2,000 tinydb Documents on every save would make
        # saving slower as the practice grows.
        storage = self._db.storage
        raw = (storage.read() or {}).get("clients", {})
        signature = getattr(storage, "signature", None)
        if self._client_index is None or self._client_index[0] != signature or not signature:
            index = {doc.get("id"): number for number, doc in raw.items()}
            self._client_index = (signature, index)
        number = self._client_index[1].get(client_id)
        if number is None or number not in raw:
            raise StoreError(f"There is no client {client_id!r} in the store.")
        return Document(raw[number], int(number))

    def client_count(self) -> int:
        """How many clients there are, without reading their records."""
        return len((self._db.storage.read() or {}).get("clients", {}))

    def client(self, client_id: str) -> ClientRecord:
        return client_from_json(self._client_doc(client_id))

    def find_client(self, name: str) -> ClientRecord | None:
        """The first client named exactly ``name``, or None."""
        for record in self.clients():
            if record.name == name:
                return record
        return None

    def match_client(self, name: str) -> ClientRecord | None:
        """The client of that name, case and spacing aside, as import finds them; else None.

        :class:`StoreError` when several clients share the name, since guessing
        would put a session under the wrong person.
        """
        key = name_key(name)
        found = [record for record in self.clients() if name_key(record.name) == key]
        if len(found) > 1:
            ids = ", ".join(record.id for record in found)
            raise StoreError(
                f"{len(found)} clients are named {name.strip()!r} ({ids}); "
                "rename one of them so that the name says which is meant."
            )
        return found[0] if found else None

    def save_client(self, record: ClientRecord) -> ClientRecord:
        self._writable()
        record = check_client(record)
        if record.id:
            doc = self._client_doc(record.id)
            self._table("clients").update(client_to_json(record), doc_ids=[doc.doc_id])
            return record
        record = dataclasses.replace(record, id=new_id("c"))
        self._table("clients").insert(client_to_json(record))
        return record

    def rename_client(self, client_id: str, name: str) -> ClientRecord:
        """The client under a new name (their sessions keep the name their plans were made with)."""
        return self.save_client(dataclasses.replace(self.client(client_id), name=name))

    def delete_client(self, client_id: str) -> Path:
        """Delete a client and all their sessions, after a backup; returns the backup's folder.

        The backup (``backups/before-deleting-<id>-...``) holds the whole store
        as it was, and is never removed by the daily rotation.
        """
        self._writable()
        doc = self._client_doc(client_id)
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            backup = snapshot(self.folder, f"before-deleting-{client_id}-{stamp}", SCHEMA_VERSION)
        except OSError as error:
            raise StoreError(
                f"The client {doc.get('name')!r} was not deleted: the backup kept before "
                f"deleting could not be made ({error})."
            ) from None
        # Sessions first: a crash in between leaves the client without sessions,
        # never sessions without a client.
        self._sessions.drop_client(client_id)
        self._table("clients").remove(doc_ids=[doc.doc_id])
        return backup

    def session_summaries(self, client_id: str) -> list[SessionSummary]:
        """A client's sessions as a list shows them, newest first (plan date, then time saved)."""
        self._client_doc(client_id)
        rows = []
        for doc in self._sessions.raw(client_id):
            plan = doc.get("plan", {})
            length = plan.get("length_minutes")
            if length is None:
                length = sum(step.get("minutes", 0) for step in plan.get("steps", ()))
            rows.append(
                SessionSummary(
                    id=doc["id"],
                    client_id=client_id,
                    date=str(plan.get("date", "")),
                    title=str(plan.get("title", "")),
                    status=str(doc.get("status", "draft")),
                    minutes=length,
                    saved_at=str(doc.get("saved_at", "")),
                )
            )
        rows.sort(key=lambda row: (row.date, row.saved_at), reverse=True)
        return rows
