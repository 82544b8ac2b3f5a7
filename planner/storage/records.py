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

from planner.core.emergency import check_number
from planner.core.plan import (
    AvoidedArea,
    PlanError,
    SessionPlan,
    SymptomArea,
    Therapist,
    check_avoided,
    check_conditions,
    check_symptom,
)
from planner.core.vocab import DEFAULT_DAILY_MINUTES
from planner.storage.errors import StoreError

STATUSES = ("draft", "done")
PAPERS = ("letter", "a4")
# After a save: ask whether the session's changes go on the client's record, or do not ask.
KEEP_ON_RECORD = ("ask", "always", "never")


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
    birth_date: str = ""  # ISO date (YYYY-MM-DD), or "" when not given
    language: str = "en"  # the language of the client's papers (planner languages)


@dataclass(frozen=True)
class SessionSummary:
    """What a list of a client's sessions shows, read without parsing the plan."""

    id: str
    client_id: str
    date: str  # ISO date of the plan
    title: str
    status: str
    minutes: float
    saved_at: str = ""


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
    # The home-care routine a proposal may fill, in minutes a day.
    daily_minutes: int = DEFAULT_DAILY_MINUTES
    # The number the client's sheet says to call now; "" = the one of the system's locale.
    emergency_number: str = ""
    # After a save, a session's changed conditions or areas become the client's standing
    # ones: "ask" each time, "always" (kept without asking) or "never" (session only).
    keep_on_record: str = "ask"


def new_id(prefix: str = "") -> str:
    """A new record id: the prefix and a random 128-bit UUID4 in lower-case hex.

    Ids must not collide across the desks of a practice that sync (see
    planner.sync), so they are UUIDs; the shorter ids of older stores keep working.
    """
    import uuid

    return prefix + uuid.uuid4().hex


def now_stamp() -> str:
    """A sortable UTC timestamp for ``saved_at``."""
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="microseconds")


def name_key(name: str) -> str:
    """A client's name as import matches it: case and spacing do not count."""
    return " ".join(name.split()).casefold()


def check_birth_date(value: object) -> str:
    """``value`` as a stored birth date ("" or YYYY-MM-DD), or :class:`StoreError`."""
    if not isinstance(value, str):
        raise StoreError("A date of birth must be a date like 1948-03-21.")
    text = value.strip()
    if not text:
        return ""
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise StoreError(f"{text!r} is not a date of birth (write it as 1948-03-21).") from None
    if not datetime.date(1900, 1, 1) <= day <= datetime.date.today():
        raise StoreError(f"{day.isoformat()} cannot be a date of birth.")
    return day.isoformat()


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
    try:
        birth_date = check_birth_date(record.birth_date)
        language = check_client_language(record.language)
    except StoreError as error:
        raise StoreError(f"The client {name!r} cannot be saved: {error}") from None
    return dataclasses.replace(
        record,
        name=name,
        conditions=conditions,
        avoid=avoid,
        symptoms=symptoms,
        birth_date=birth_date,
        language=language,
    )


def check_client_language(value: object) -> str:
    """``value`` as a stored language code, or :class:`StoreError` naming the known ones."""
    from planner.core.i18n import UnknownLanguageError, check_language

    try:
        return check_language(value)
    except UnknownLanguageError as error:
        raise StoreError(f"{str(error)[:1].upper()}{str(error)[1:]}.") from None


def client_to_json(record: ClientRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "name": record.name,
        "contact": record.contact,
        "conditions": list(record.conditions),
        "avoid": [dataclasses.asdict(a) for a in record.avoid],
        "symptoms": [dataclasses.asdict(s) for s in record.symptoms],
        "notes": record.notes,
        "birth_date": record.birth_date,
        "language": record.language,
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
        birth_date=data.get("birth_date", ""),
        language=data.get("language", "en"),
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
    daily = settings.daily_minutes
    if isinstance(daily, bool) or not isinstance(daily, int) or not 1 <= daily <= 240:
        raise StoreError("The daily home-care time must be a whole number of minutes, 1 to 240.")
    number = settings.emergency_number
    problem = check_number(number) if isinstance(number, str) else "it must be text"
    if problem:
        raise StoreError(f"The emergency number cannot be used: {problem}.")
    if settings.keep_on_record not in KEEP_ON_RECORD:
        raise StoreError("Keeping a session's changes on the record must be ask, always or never.")
    return settings


def settings_from_json(data: dict[str, Any] | None) -> Settings:
    if not data:
        return Settings()
    known = {f.name for f in dataclasses.fields(Settings)}
    return Settings(**{key: value for key, value in data.items() if key in known})


def with_therapist(plan: SessionPlan, settings: Settings) -> SessionPlan:
    """The plan, or a copy naming the Settings' therapist and clinic when it names neither."""
    if plan.therapist.name or plan.therapist.clinic:
        return plan
    if not settings.therapist and not settings.clinic:
        return plan
    copy = plan.copy()
    copy.therapist = Therapist(settings.therapist, settings.clinic)
    return copy
