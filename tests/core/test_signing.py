"""Signing: the hash of the canonical JSON, tamper detection, edits refused, addenda chained."""

from __future__ import annotations

import copy
import datetime
import hashlib
import json

import pytest

from planner.core import validate as v
from planner.core.measures import make_measures
from planner.core.plan import Client, SessionPlan, Step
from planner.core.planfile import dumps_plan, loads_plan, parse_plan, plan_to_json
from planner.core.signing import (
    SignedError,
    canonical_bytes,
    content_hash,
    make_addendum,
    make_signature,
    refuse_change,
    signature_to_json,
    stamp,
    verify,
)
from planner.core.soap import Soap

WHEN = datetime.datetime(2026, 11, 21, 14, 5, tzinfo=datetime.UTC)
LATER = datetime.datetime(2026, 11, 28, 9, 0, tzinfo=datetime.UTC)


def plan() -> SessionPlan:
    return SessionPlan(
        title="Week 1",
        date=datetime.date(2026, 11, 21),
        client=Client("Alex Doe", ("neuropathy",)),
        steps=[Step("effleurage", "foot", "both", 5, "light")],
        measures=make_measures(6, 3),
        soap=Soap("Numb soles.", "Worked both feet.", "Baseline.", "Next week."),
    )


def signed() -> dict:
    data = plan_to_json(plan())
    signature = make_signature(data, "Sam Rivera", WHEN)
    data["signature"] = {
        "therapist": signature.therapist,
        "signed_at": signature.signed_at,
        "sha256": signature.sha256,
    }
    return data


def test_hash_is_sha256_of_the_canonical_json() -> None:
    data = plan_to_json(plan())
    expected = hashlib.sha256(
        json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    ).hexdigest()
    assert content_hash(data) == expected
    # Key order does not matter; the signature and addenda are not part of the content.
    shuffled = dict(reversed(list(data.items())))
    assert content_hash(shuffled) == expected
    assert content_hash({**data, "signature": {"x": 1}, "addenda": []}) == expected
    assert canonical_bytes({"b": "é", "a": 1}) == '{"a":1,"b":"é"}'.encode()


def test_signature_records_therapist_time_and_hash() -> None:
    data = signed()
    assert data["signature"]["therapist"] == "Sam Rivera"
    assert data["signature"]["signed_at"] == "2026-11-21T14:05:00+00:00"
    assert verify(data) == []


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["steps"][0].update(pressure="deep"),
        lambda d: d["measures"].update(pain_after=1),
        lambda d: d["soap"].update(assessment="Much better."),
        lambda d: d.update(title="Week 2"),
        lambda d: d["signature"].update(therapist="Someone else") or d.update(title="x"),
    ],
)
def test_any_change_is_found(tamper) -> None:  # type: ignore[no-untyped-def]
    data = signed()
    tamper(data)
    (problem,) = verify(data)
    assert "no longer matches" in problem


def test_signing_twice_or_without_a_name_is_refused() -> None:
    with pytest.raises(SignedError, match="already signed"):
        make_signature(signed(), "Sam", WHEN)
    with pytest.raises(SignedError, match="therapist's name"):
        make_signature(plan_to_json(plan()), "  ", WHEN)
    with pytest.raises(SignedError, match="time zone"):
        stamp(datetime.datetime(2026, 11, 21, 14, 5))


def test_signed_plan_refuses_edits_but_takes_addenda() -> None:
    stored = signed()
    refuse_change(stored, copy.deepcopy(stored))  # unchanged: fine
    edited = copy.deepcopy(stored)
    edited["steps"][0]["minutes"] = 10
    with pytest.raises(SignedError, match="signed by Sam Rivera on 2026-11-21"):
        refuse_change(stored, edited)
    unsigned = copy.deepcopy(stored)
    del unsigned["signature"]
    with pytest.raises(SignedError):
        refuse_change(stored, unsigned)
    loaded = loads_plan(json.dumps(stored))
    addendum = make_addendum(
        loaded.signature, (), "Sam Rivera", "Client called: feet better.", LATER
    )
    with_addendum = copy.deepcopy(stored)
    with_addendum["addenda"] = [addendum._asdict()]
    refuse_change(stored, with_addendum)
    assert verify(with_addendum) == []
    # An unsigned plan is free to change.
    refuse_change(plan_to_json(plan()), edited)


def test_addenda_are_chained() -> None:
    stored = signed()
    loaded = loads_plan(json.dumps(stored))
    first = make_addendum(loaded.signature, (), "Sam", "First.", WHEN)
    second = make_addendum(loaded.signature, (first,), "Sam", "Second.", LATER)
    stored["addenda"] = [first._asdict(), second._asdict()]
    assert verify(stored) == []
    changed = copy.deepcopy(stored)
    changed["addenda"][0]["text"] = "First, changed."
    assert verify(changed) == [
        "addendum 1 no longer matches its signature",
    ]
    swapped = copy.deepcopy(stored)
    swapped["addenda"].reverse()
    assert len(verify(swapped)) == 2
    with pytest.raises(SignedError, match="only a signed session"):
        make_addendum(None, (), "Sam", "Text", WHEN)
    with pytest.raises(SignedError, match="needs some text"):
        make_addendum(loaded.signature, (), "Sam", "   ", WHEN)


def test_plan_file_round_trip_keeps_signature_and_addenda() -> None:
    stored = signed()
    loaded = loads_plan(json.dumps(stored))
    addendum = make_addendum(loaded.signature, (), "Sam", "Later note.", LATER)
    stored["addenda"] = [addendum._asdict()]
    again = json.loads(dumps_plan(loads_plan(json.dumps(stored))))
    assert again == stored
    assert verify(again) == []


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (lambda d: d["signature"].update(sha256="xyz"), "signature.sha256: must be a SHA-256"),
        (
            lambda d: d["signature"].update(signed_at="yesterday"),
            "signature.signed_at: 'yesterday'",
        ),
        (
            lambda d: d["signature"].update(signed_at="2026-11-21T10:00:00"),
            "signature.signed_at: needs",
        ),
        (lambda d: d["signature"].pop("therapist"), "signature.therapist: is missing"),
        (lambda d: d.pop("signature") and d.update(addenda=[]), None),
        (
            lambda d: (
                d.pop("signature")
                and d.update(
                    addenda=[
                        {
                            "therapist": "S",
                            "signed_at": "2026-11-21T10:00:00+00:00",
                            "text": "t",
                            "sha256": "0" * 64,
                        }
                    ]
                )
            ),
            "addenda: only a signed session has addenda",
        ),
    ],
)
def test_bad_signatures_in_a_file(change, place) -> None:  # type: ignore[no-untyped-def]
    data = signed()
    change(data)
    if place is None:
        loads_plan(json.dumps(data))
        return
    with pytest.raises(v.FormatError) as caught:
        loads_plan(json.dumps(data))
    assert str(caught.value).startswith(place)


def test_notes_signed_with_the_plan_are_checked_when_given() -> None:
    data = plan_to_json(plan())
    signature = make_signature(data, "Sam Rivera", WHEN, notes="Soles less numb.")
    data["signature"] = signature_to_json(signature)
    assert data["signature"]["notes_sha256"] == hashlib.sha256(b"Soles less numb.").hexdigest()
    assert verify(data, "Soles less numb.") == []
    assert verify(data) == []  # a plan file alone carries no notes: nothing to compare
    (problem,) = verify(data, "Soles much less numb.")
    assert problem.startswith("its after-session notes no longer match the signature of Sam")
    (problem,) = verify(data, "")  # imported from a plan file, or emptied
    assert problem.startswith("its after-session notes, signed with it, are missing")
    # Read back from a plan file, the notes' hash is kept.
    assert parse_plan(data).signature == signature
    assert loads_plan(dumps_plan(parse_plan(data))).signature == signature


def test_a_signature_without_the_notes_hash_checks_no_notes() -> None:
    data = signed()  # signed before the notes were: no notes_sha256
    assert "notes_sha256" not in data["signature"]
    assert verify(data, "anything at all") == []
