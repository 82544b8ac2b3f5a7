"""Signed sessions: a SHA-256 of the session's canonical JSON, who signed it and when.

A signed session is a record the therapist stands behind: it is never edited
again, only given dated, signed addenda. The signature's hash covers the
whole plan as the plan file holds it (measures, notes, steps, home care...),
except the ``signature`` and ``addenda`` keys themselves. Each addendum's hash
covers its own text, therapist and time and the hash before it (the
signature's, or the previous addendum's), so that changing, removing or
reordering any of them is found.

The canonical JSON is the plan file's object with sorted keys, no spaces and
UTF-8 text: the same content always gives the same bytes.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from typing import Any, NamedTuple

from planner.core import validate as v

UNSIGNED_KEYS = ("signature", "addenda")
_HEX = frozenset("0123456789abcdef")


class SignedError(ValueError):
    """An edit refused because the session is signed, or a signature that cannot be made."""


class Signature(NamedTuple):
    """Who signed a session, when (UTC, ISO 8601), and the hash of what they signed.

    ``notes_sha256``: the hash of the session's after-session notes as signed (they
    live beside the plan, not in it); empty in signatures made before it was kept.
    """

    therapist: str
    signed_at: str
    sha256: str
    notes_sha256: str = ""


class Addendum(NamedTuple):
    """A dated, signed note added to a signed session."""

    therapist: str
    signed_at: str
    text: str
    sha256: str


def canonical_bytes(data: Mapping[str, Any]) -> bytes:
    """The canonical JSON of an object: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def content_hash(plan_json: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of a plan file object without its signature and addenda."""
    import hashlib  # here: it loads OpenSSL, which every command would pay for at start

    content = {key: value for key, value in plan_json.items() if key not in UNSIGNED_KEYS}
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


def notes_hash(notes: str) -> str:
    """SHA-256 (hex) of a session's after-session notes (their UTF-8 text)."""
    import hashlib

    return hashlib.sha256(notes.encode("utf-8")).hexdigest()


def addendum_hash(previous: str, therapist: str, signed_at: str, text: str) -> str:
    import hashlib

    data = {"previous": previous, "therapist": therapist, "signed_at": signed_at, "text": text}
    return hashlib.sha256(canonical_bytes(data)).hexdigest()


def stamp(moment: datetime.datetime | None = None) -> str:
    """A signing time: UTC, to the second, ISO 8601 (``2026-11-21T14:05:00+00:00``)."""
    moment = moment or datetime.datetime.now(datetime.UTC)
    if moment.tzinfo is None:
        raise SignedError("a signing time needs its time zone")
    return moment.astimezone(datetime.UTC).isoformat(timespec="seconds")


def _therapist(name: str) -> str:
    name = " ".join(name.split()) if isinstance(name, str) else ""
    if not name:
        raise SignedError("a signature needs the therapist's name (set it in Settings)")
    return name


def make_signature(
    plan_json: Mapping[str, Any],
    therapist: str,
    moment: datetime.datetime | None = None,
    notes: str | None = None,
) -> Signature:
    """The signature of a plan (as a plan file object) by ``therapist`` now or at ``moment``;
    ``notes``: the session's after-session notes, signed with it (a stored session's)."""
    if plan_json.get("signature"):
        raise SignedError("the session is already signed")
    signed_notes = notes_hash(notes) if notes is not None else ""
    return Signature(_therapist(therapist), stamp(moment), content_hash(plan_json), signed_notes)


def make_addendum(
    signature: Signature | None,
    addenda: tuple[Addendum, ...],
    therapist: str,
    text: str,
    moment: datetime.datetime | None = None,
) -> Addendum:
    """A new addendum after the signature and the addenda so far."""
    if signature is None:
        raise SignedError("only a signed session takes addenda; edit the session instead")
    if not isinstance(text, str) or not text.strip():
        raise SignedError("an addendum needs some text")
    name = _therapist(therapist)
    when = stamp(moment)
    previous = addenda[-1].sha256 if addenda else signature.sha256
    return Addendum(name, when, text.strip(), addendum_hash(previous, name, when, text.strip()))


def verify(plan_json: Mapping[str, Any], notes: str | None = None) -> list[str]:
    """What no longer matches in a signed plan file object (empty: intact or unsigned).

    ``notes``: the session's after-session notes, checked when the signature has their
    hash (a plan file alone does not carry them: None checks nothing of them).
    """
    signature = plan_json.get("signature")
    addenda = plan_json.get("addenda") or []
    if not signature:
        return ["it has addenda but no signature"] if addenda else []
    problems = []
    try:
        if content_hash(plan_json) != signature["sha256"]:
            problems.append(
                f"its content no longer matches the signature of {signature['therapist']} "
                f"({signature['signed_at']})"
            )
        signed_notes = signature.get("notes_sha256")
        if notes is not None and signed_notes and notes_hash(notes) != signed_notes:
            problems.append(
                f"its after-session notes no longer match the signature of "
                f"{signature['therapist']} ({signature['signed_at']})"
                if notes
                else "its after-session notes, signed with it, are missing (a session "
                "imported from a plan file has none)"
            )
        previous = signature["sha256"]
        for number, addendum in enumerate(addenda, start=1):
            expected = addendum_hash(
                previous, addendum["therapist"], addendum["signed_at"], addendum["text"]
            )
            if expected != addendum["sha256"]:
                problems.append(f"addendum {number} no longer matches its signature")
            previous = addendum["sha256"]
    except (KeyError, TypeError, ValueError) as error:
        problems.append(f"its signature cannot be read ({error})")
    return problems


def refuse_change(stored: Mapping[str, Any], new: Mapping[str, Any]) -> None:
    """Raise :class:`SignedError` unless ``new`` is ``stored`` plus addenda at the end.

    Both are plan file objects; ``stored`` is the signed one.
    """
    signature = stored.get("signature")
    if not signature:
        return
    who = f"{signature.get('therapist')} on {str(signature.get('signed_at', ''))[:10]}"
    old_addenda = list(stored.get("addenda") or [])
    new_addenda = list(new.get("addenda") or [])
    same_content = content_hash(stored) == content_hash(new)
    if (
        not same_content
        or new.get("signature") != signature
        or new_addenda[: len(old_addenda)] != old_addenda
    ):
        raise SignedError(
            f"the session was signed by {who} and cannot be changed; add an addendum instead"
        )


# -- the plan file's "signature" and "addenda" ------------------------------------


def _sha(value: Any, place: str) -> str:
    text = v.text(value, place)
    if len(text) != 64 or not set(text) <= _HEX:
        raise v.FormatError(place, "must be a SHA-256 in hex (64 characters 0-9, a-f)")
    return text


def _moment(value: Any, place: str) -> str:
    text = v.text(value, place, max_length=40)
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise v.FormatError(
            place, f"{text!r} is not a time like 2026-11-21T14:05:00+00:00"
        ) from None
    if moment.tzinfo is None:
        raise v.FormatError(place, "needs its time zone (such as +00:00)")
    return text


def parse_signature(data: Any, place: str) -> Signature:
    entry = v.obj(data, place, ("therapist", "signed_at", "sha256"), ("notes_sha256",))
    notes = entry.get("notes_sha256")
    return Signature(
        v.text(entry["therapist"], v.join(place, "therapist"), allow_empty=False, max_length=300),
        _moment(entry["signed_at"], v.join(place, "signed_at")),
        _sha(entry["sha256"], v.join(place, "sha256")),
        "" if notes is None else _sha(notes, v.join(place, "notes_sha256")),
    )


def parse_addenda(data: Any, place: str) -> tuple[Addendum, ...]:
    result = []
    for i, item in enumerate(v.array(data, place, max_items=1000)):
        here = v.join(place, i)
        entry = v.obj(item, here, ("therapist", "signed_at", "text", "sha256"), ())
        result.append(
            Addendum(
                v.text(entry["therapist"], v.join(here, "therapist"), allow_empty=False),
                _moment(entry["signed_at"], v.join(here, "signed_at")),
                v.text(entry["text"], v.join(here, "text"), allow_empty=False),
                _sha(entry["sha256"], v.join(here, "sha256")),
            )
        )
    return tuple(result)


def signature_to_json(signature: Signature) -> dict[str, str]:
    data = {
        "therapist": signature.therapist,
        "signed_at": signature.signed_at,
        "sha256": signature.sha256,
    }
    if signature.notes_sha256:
        data["notes_sha256"] = signature.notes_sha256
    return data


def addendum_to_json(addendum: Addendum) -> dict[str, str]:
    return {
        "therapist": addendum.therapist,
        "signed_at": addendum.signed_at,
        "text": addendum.text,
        "sha256": addendum.sha256,
    }
