"""Storing a plan file's plan as a session of its client (``planner import``).

The client is found by name, case and spacing aside ("margaret  OLSEN" is
Margaret Olsen). A new client starts with the plan's conditions, areas to avoid
and symptom areas as their standing ones, so the next session for them starts
with the same warnings; an existing client's standing record changes only when
asked (``update_client``). A plan identical to a session already stored for the
client is refused unless ``again``: importing one file twice is almost always a
mistake. ``session_id`` replaces that session's plan instead (an edit from a
script), keeping its status and after-session notes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from planner.core.library import Library
from planner.core.plan import AvoidedArea, SessionPlan
from planner.core.planfile import plan_to_json, with_own_definitions
from planner.storage.errors import StoreError
from planner.storage.records import (
    ClientRecord,
    SessionRecord,
    Settings,
    check_client,
    name_key,
    with_therapist,
)
from planner.storage.sessions import SessionFiles


class DuplicatePlanError(StoreError):
    """The plan is already stored, unchanged, as ``session_id`` of the same client."""

    def __init__(self, message: str, session_id: str) -> None:
        super().__init__(message)
        self.session_id = session_id


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the session stored, its client, and what changed for them."""

    session: SessionRecord
    client: ClientRecord
    new_client: bool = False
    client_updated: bool = False
    replaced: bool = False


def _standing(plan: SessionPlan) -> dict[str, Any]:
    """The plan's conditions and areas, as a client record holds them (one entry per area)."""
    avoid: dict[tuple[str, str], AvoidedArea] = {}
    for area in plan.avoid:
        avoid.setdefault((area.region, area.side), area)
    return {
        "conditions": tuple(plan.client.conditions),
        "avoid": tuple(avoid.values()),
        "symptoms": tuple(plan.symptoms),
    }


def _comparable(plan: Any) -> Any:
    """A stored plan as duplicates are compared: the client's name case and spacing aside."""
    if not isinstance(plan, dict) or not isinstance(plan.get("client"), dict):
        return plan
    client = dict(plan["client"], name=name_key(str(plan["client"].get("name", ""))))
    return dict(plan, client=client)


class ImportMixin:
    """The import method of :class:`planner.storage.store.Store`."""

    _sessions: SessionFiles
    library: Callable[[], Library]
    settings: Callable[[], Settings]
    match_client: Callable[[str], ClientRecord | None]
    client: Callable[[str], ClientRecord]
    save_client: Callable[[ClientRecord], ClientRecord]
    session: Callable[[str], SessionRecord]
    save_session: Callable[[SessionRecord], SessionRecord]
    _writable: Callable[[], None]

    def import_plan(
        self,
        plan: SessionPlan,
        *,
        update_client: bool = False,
        again: bool = False,
        session_id: str | None = None,
    ) -> ImportResult:
        """Store ``plan`` for its client (see the module docstring); :class:`StoreError` if not."""
        self._writable()
        name = " ".join(plan.client.name.split())
        if not name:
            raise StoreError("The plan names no client to store it under.")
        plan = with_therapist(plan, self.settings())
        client = self.match_client(name)
        if session_id is not None:
            return self._replace_plan(plan, name, client, session_id, update_client)
        if client is not None and not again:
            self._refuse_duplicate(plan, client)
        if client is None:
            client = self.save_client(
                ClientRecord(
                    id="",
                    name=name,
                    notes=plan.client.notes,
                    language=plan.client.language,
                    **_standing(plan),
                )
            )
            session = self.save_session(SessionRecord(id="", client_id=client.id, plan=plan))
            return ImportResult(session, client, new_client=True)
        if update_client:
            check_client(dataclasses.replace(client, **_standing(plan)))  # refused before writing
        session = self.save_session(SessionRecord(id="", client_id=client.id, plan=plan))
        if update_client:
            client = self._update_standing(client, plan)
        return ImportResult(session, client, client_updated=update_client)

    def _update_standing(self, client: ClientRecord, plan: SessionPlan) -> ClientRecord:
        return self.save_client(dataclasses.replace(client, **_standing(plan)))

    def _replace_plan(
        self,
        plan: SessionPlan,
        name: str,
        client: ClientRecord | None,
        session_id: str,
        update_client: bool,
    ) -> ImportResult:
        record = self.session(session_id)
        owner = self.client(record.client_id)
        if client is None or client.id != owner.id or name_key(owner.name) != name_key(name):
            raise StoreError(
                f"Session {session_id} belongs to {owner.name!r}, but the plan is for "
                f"{name!r}; nothing was changed."
            )
        if update_client:
            check_client(dataclasses.replace(owner, **_standing(plan)))  # refused before writing
        session = self.save_session(dataclasses.replace(record, plan=plan))
        if update_client:
            owner = self._update_standing(owner, plan)
        return ImportResult(session, owner, client_updated=update_client, replaced=True)

    def _refuse_duplicate(self, plan: SessionPlan, client: ClientRecord) -> None:
        wanted = _comparable(plan_to_json(with_own_definitions(plan, self.library())))
        for doc in self._sessions.docs(client.id):
            if _comparable(doc.get("plan")) == wanted:
                raise DuplicatePlanError(
                    f"This plan is already stored as session {doc['id']} of {client.name} "
                    f"({wanted.get('date')}, {wanted.get('title') or 'untitled'!r}); "
                    "nothing was stored.",
                    doc["id"],
                )
