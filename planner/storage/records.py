"""The records the store keeps, and their stored (JSON) form.

Plans are stored in the plan-file format of PLAN_FORMAT.md
(:func:`planner.core.planfile.plan_to_json`), with the definitions of the user's
own techniques and exercises they use, so a stored plan stands alone.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from typing import Any

from planner.core.plan import (
    AvoidedArea,
    PlanError,
    SessionPlan,
    SymptomArea,
    check_avoided,
    check_conditions,
    check_symptom,
)
from planner.storage.errors import StoreError

STATUSES = ("draft", "done")
PAPERS = ("letter", "a4")


@dataclass(frozen=True)
class ClientRecord:
    """A client, with the standing areas that carry into each new session."""

    id: str
    name: str
    contact: str = ""
    conditions: tuple[str, ...] = ()
    avoid: tuple[AvoidedArea, ...] = ()
    symptoms: tuple[SymptomArea, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class SessionRecord:
    """One session of a client: its plan, status and after-session notes."""

    id: str
    client_id: str
    plan: SessionPlan
    status: str = "draft"
    after_notes: str = ""
    saved_at: str = ""

    @property
    def date(self) -> datetime.date:
        return self.plan.date


@dataclass(frozen=True)
class TemplateRecord:
    """A named plan without a client's specifics, to start sessions from."""

    id: str
    name: str
    plan: SessionPlan
    saved_at: str = ""


@dataclass(frozen=True)
class Settings:
    """Settings that belong with the data (they move with the store)."""

    therapist: str = ""
    clinic: str = ""
    default_length: int = 60
    paper: str = "letter"
    large_print: bool = False


def new_id(prefix: str = "") -> str:
    """A new random record id (lower-case hex after the prefix)."""
    import secrets  # here: it loads hashlib and hmac, not needed to open the store

    return prefix + secrets.token_hex(6)


def now_stamp() -> str:
    """A sortable UTC timestamp for ``saved_at``."""
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="microseconds")


def check_client(record: ClientRecord) -> ClientRecord:
    """The record with its text trimmed, or :class:`StoreError` saying what is wrong."""
    name = record.name.strip() if isinstance(record.name, str) else ""
    if not name:
        raise StoreError("A client needs a name.")
    if not isinstance(record.contact, str) or not isinstance(record.notes, str):
        raise StoreError("Contact and notes of a client must be text.")
    try:
        conditions = check_conditions(tuple(record.conditions))
        avoid = tuple(check_avoided(a) for a in record.avoid)
        symptoms = tuple(check_symptom(s) for s in record.symptoms)
    except PlanError as error:
        raise StoreError(f"The client {name!r} cannot be saved: {error}.") from None
    if len({(a.region, a.side) for a in avoid}) != len(avoid):
        raise StoreError(f"The client {name!r} lists one avoided area twice.")
    return dataclasses.replace(
        record, name=name, conditions=conditions, avoid=avoid, symptoms=symptoms
    )


def client_to_json(record: ClientRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "name": record.name,
        "contact": record.contact,
        "conditions": list(record.conditions),
        "avoid": [dataclasses.asdict(a) for a in record.avoid],
        "symptoms": [dataclasses.asdict(s) for s in record.symptoms],
        "notes": record.notes,
    }


def client_from_json(data: dict[str, Any]) -> ClientRecord:
    return ClientRecord(
        id=data["id"],
        name=data["name"],
        contact=data.get("contact", ""),
        conditions=tuple(data.get("conditions", ())),
        avoid=tuple(AvoidedArea(**a) for a in data.get("avoid", ())),
        symptoms=tuple(SymptomArea(**s) for s in data.get("symptoms", ())),
        notes=data.get("notes", ""),
    )


def check_settings(settings: Settings) -> Settings:
    if not isinstance(settings.therapist, str) or not isinstance(settings.clinic, str):
        raise StoreError("The therapist's name and the clinic must be text.")
    length = settings.default_length
    if isinstance(length, bool) or not isinstance(length, int) or not 1 <= length <= 1440:
        raise StoreError("The default session length must be a whole number of minutes, 1 to 1440.")
    if settings.paper not in PAPERS:
        raise StoreError("The paper size must be 'letter' or 'a4'.")
    if not isinstance(settings.large_print, bool):
        raise StoreError("Large print must be on or off.")
    return settings


def settings_from_json(data: dict[str, Any] | None) -> Settings:
    if not data:
        return Settings()
    known = {f.name for f in dataclasses.fields(Settings)}
    return Settings(**{key: value for key, value in data.items() if key in known})
