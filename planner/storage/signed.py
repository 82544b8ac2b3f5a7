"""Signing stored sessions, adding addenda, refusing edits, and checking every signature.

A signed session is written once more (with its signature) and then only ever
given addenda: :meth:`SigningMixin.refuse_signed_change` is called by every
save and by ``planner import --session``. ``planner store check`` calls
:meth:`SigningMixin.check_signatures`, which reads each stored session as it is
on disk (no parsing, no defaults filled in), so any change to a signed
session's file is found.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from planner.core.library import Library
from planner.core.plan import SessionPlan
from planner.core.planfile import plan_to_json, with_own_definitions
from planner.core.signing import (
    SignedError,
    content_hash,
    make_addendum,
    make_signature,
    refuse_change,
    verify,
)
from planner.storage.errors import StoreError
from planner.storage.records import ClientRecord, SessionRecord, Settings, now_stamp
from planner.storage.sessions import SessionFiles, client_of


class SignedSessionError(StoreError):
    """An edit of a signed session, refused."""


@dataclass(frozen=True)
class SignatureProblem:
    """A stored session whose signature no longer matches its content."""

    session_id: str
    client: str
    date: str
    problem: str

    def __str__(self) -> str:
        return f"session {self.session_id} ({self.client}, {self.date}): {self.problem}"


class SigningMixin:
    """The signing methods of :class:`planner.storage.store.Store`."""

    _sessions: SessionFiles
    library: Callable[[], Library]
    settings: Callable[[], Settings]
    clients: Callable[[], list[ClientRecord]]
    session: Callable[[str], SessionRecord]
    _writable: Callable[[], None]

    def _stored_form(self, plan: SessionPlan) -> dict[str, Any]:
        return plan_to_json(with_own_definitions(plan, self.library()))

    def refuse_signed_change(self, record: SessionRecord) -> None:
        """Raise :class:`SignedSessionError` if ``record`` changes a signed stored session."""
        if not record.id:
            return
        try:
            stored = self._sessions.find(record.id)
        except StoreError:
            return  # not stored yet (or under another client): nothing signed to protect
        plan = stored.get("plan") or {}
        if not plan.get("signature"):
            return
        try:
            refuse_change(plan, self._stored_form(record.plan))
            if (record.status, record.after_notes) != (
                stored.get("status", "draft"),
                stored.get("after_notes", ""),
            ):
                raise SignedError(
                    "the session is signed and cannot be changed; add an addendum instead"
                )
        except SignedError as error:
            raise SignedSessionError(f"Session {record.id}: {error}.") from None

    def _write_signed(self, record: SessionRecord, plan: SessionPlan) -> SessionRecord:
        """Write a session's new signature or addendum (bypassing the refusal of edits)."""
        record = dataclasses.replace(record, plan=plan, status="done", saved_at=now_stamp())
        doc = {
            "id": record.id,
            "plan": self._stored_form(plan),
            "status": record.status,
            "after_notes": record.after_notes,
            "saved_at": record.saved_at,
        }
        self._sessions.put(record.client_id, doc)
        return record

    def sign_session(
        self,
        session_id: str,
        therapist: str | None = None,
        moment: datetime.datetime | None = None,
    ) -> SessionRecord:
        """Sign a stored session as it is now (therapist: the Settings' one by default)."""
        self._writable()
        record = self.session(session_id)
        name = therapist if therapist is not None else self.settings().therapist
        try:
            stored = self._stored_form(record.plan)
            signature = make_signature(
                stored, name or record.plan.therapist.name, moment, notes=record.after_notes
            )
        except SignedError as error:
            raise SignedSessionError(f"Session {session_id} cannot be signed: {error}.") from None
        plan = dataclasses.replace(record.plan, signature=signature, addenda=())
        if content_hash(self._stored_form(plan)) != signature.sha256:  # covers what is written
            raise SignedSessionError(f"Session {session_id} cannot be signed: it does not settle.")
        return self._write_signed(record, plan)

    def add_addendum(
        self,
        session_id: str,
        text: str,
        therapist: str | None = None,
        moment: datetime.datetime | None = None,
    ) -> SessionRecord:
        """Add a dated, signed addendum to a signed session."""
        self._writable()
        record = self.session(session_id)
        name = therapist if therapist is not None else self.settings().therapist
        plan = record.plan
        try:
            addendum = make_addendum(
                plan.signature, plan.addenda, name or plan.therapist.name, text, moment
            )
        except SignedError as error:
            raise SignedSessionError(f"Session {session_id}: {error}.") from None
        plan = dataclasses.replace(plan, addenda=(*plan.addenda, addendum))
        return self._write_signed(record, plan)

    def check_signatures(self) -> tuple[int, list[SignatureProblem]]:
        """(signed sessions found, the ones whose content no longer matches)."""
        signed = 0
        problems = []
        for client in self.clients():
            for doc in self._sessions.docs(client.id):
                plan = doc.get("plan")
                if not isinstance(plan, dict) or not (plan.get("signature") or plan.get("addenda")):
                    continue
                signed += 1
                session_id = str(doc.get("id"))
                if client_of(session_id) != client.id:
                    continue
                notes = doc.get("after_notes", "")
                for problem in verify(plan, notes if isinstance(notes, str) else ""):
                    problems.append(
                        SignatureProblem(session_id, client.name, str(plan.get("date")), problem)
                    )
        return signed, problems
