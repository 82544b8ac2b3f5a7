"""Signed sessions in the store: signing, refusing edits, addenda, finding a tampered file."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

import pytest

from planner.core.measures import make_measures
from planner.core.plan import Client, SessionPlan, Step, Therapist
from planner.core.soap import Soap
from planner.storage import ClientRecord, SessionRecord, Settings, Store
from planner.storage.signed import SignedSessionError

WHEN = datetime.datetime(2026, 11, 21, 14, 5, tzinfo=datetime.UTC)


def session(store: Store, client: ClientRecord) -> SessionRecord:
    plan = SessionPlan(
        title="Week 1",
        date=datetime.date(2026, 11, 21),
        therapist=Therapist("Sam Rivera", "Northside"),
        client=Client(client.name, ("neuropathy",)),
        steps=[Step("effleurage", "foot", "both", 5, "light")],
        measures=make_measures(6, 3),
        soap=Soap("Numb soles.", "Worked feet.", "Baseline.", "Next week."),
    )
    return store.save_session(SessionRecord(id="", client_id=client.id, plan=plan))


def test_sign_then_edits_are_refused(store: Store, alex: ClientRecord) -> None:
    record = store.sign_session(session(store, alex).id, moment=WHEN)
    signature = record.plan.signature
    assert signature is not None
    assert (signature.therapist, signature.signed_at) == ("Sam Rivera", "2026-11-21T14:05:00+00:00")
    assert record.status == "done"
    again = store.session(record.id)
    assert again.plan.signature == signature
    edited = again.plan.copy()
    edited.update_step(0, minutes=10)
    with pytest.raises(SignedSessionError, match="signed by Sam Rivera on 2026-11-21"):
        store.save_session(dataclasses.replace(again, plan=edited))
    with pytest.raises(SignedSessionError, match="cannot be changed"):
        store.save_session(dataclasses.replace(again, after_notes="changed"))
    with pytest.raises(SignedSessionError, match="already signed"):
        store.sign_session(record.id)
    # Saving it unchanged is harmless.
    store.save_session(again)
    assert store.check_signatures() == (1, [])


def test_settings_therapist_signs_by_default(store: Store, alex: ClientRecord) -> None:
    store.save_settings(Settings(therapist="Jo Lee, LMT"))
    record = store.sign_session(session(store, alex).id)
    assert record.plan.signature is not None
    assert record.plan.signature.therapist == "Jo Lee, LMT"


def test_a_signature_needs_a_name(store: Store, alex: ClientRecord) -> None:
    stored = session(store, alex)
    nameless = stored.plan.copy()
    nameless.therapist = Therapist()
    store.save_session(dataclasses.replace(stored, plan=nameless))
    with pytest.raises(SignedSessionError, match="therapist's name"):
        store.sign_session(stored.id)


def test_addenda(store: Store, alex: ClientRecord) -> None:
    record = session(store, alex)
    with pytest.raises(SignedSessionError, match="only a signed session"):
        store.add_addendum(record.id, "Called the client.")
    store.sign_session(record.id, moment=WHEN)
    later = WHEN + datetime.timedelta(days=2)
    store.add_addendum(record.id, "Client called: feet less numb.", "Sam Rivera", later)
    store.add_addendum(record.id, "Doctor agrees.", "Sam Rivera", later)
    addenda = store.session(record.id).plan.addenda
    assert [a.text for a in addenda] == ["Client called: feet less numb.", "Doctor agrees."]
    assert addenda[0].signed_at == "2026-11-23T14:05:00+00:00"
    assert store.check_signatures() == (1, [])


def _tamper(folder: Path, client_id: str, change) -> None:  # type: ignore[no-untyped-def]
    path = folder / "sessions" / f"{client_id}.json"
    data = json.loads(path.read_text())
    for doc in data["sessions"].values():
        change(doc["plan"])
    path.write_text(json.dumps(data))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda p: p["steps"][0].update(pressure="deep"), "no longer matches the signature"),
        (lambda p: p["measures"].update(pain_after=0), "no longer matches the signature"),
        (lambda p: p["addenda"][0].update(text="Edited."), "addendum 1 no longer matches"),
        (lambda p: p.pop("signature"), "addenda but no signature"),
    ],
)
def test_store_check_finds_a_tampered_file(folder: Path, change, problem) -> None:  # type: ignore[no-untyped-def]
    with Store.open(folder) as store:
        client = store.save_client(ClientRecord(id="", name="Alex Doe"))
        record = store.sign_session(session(store, client).id, moment=WHEN)
        store.add_addendum(record.id, "Later.", "Sam Rivera", WHEN)
        untouched = store.sign_session(session(store, client).id, moment=WHEN)
    _tamper(folder, client.id, lambda plan: change(plan) if plan.get("addenda") else None)
    with Store.open(folder, read_only=True) as store:
        count, problems = store.check_signatures()
    assert count == 2
    (found,) = problems
    assert found.session_id == record.id != untouched.id
    assert problem in str(found)
    assert str(found).startswith(f"session {record.id} (Alex Doe, 2026-11-21): ")


def test_import_session_refuses_a_signed_session(store: Store, alex: ClientRecord) -> None:
    record = store.sign_session(session(store, alex).id, moment=WHEN)
    plan = record.plan.copy()
    plan.signature = None
    plan.title = "Changed"
    with pytest.raises(SignedSessionError, match="cannot be changed"):
        store.import_plan(plan, session_id=record.id)
    assert store.session(record.id).plan.title == "Week 1"


def test_course_notes_warn_the_next_session(store: Store, alex: ClientRecord) -> None:
    from planner.core.plan import SymptomArea

    ids = []
    for day, numb in ((1, 4), (8, 5), (15, 7)):
        plan = SessionPlan(
            date=datetime.date(2026, 11, day),
            client=Client(alex.name),
            symptoms=[SymptomArea("sole", "both", "numbness", numb)],
        )
        ids.append(store.save_session(SessionRecord(id="", client_id=alex.id, plan=plan)).id)
    (note,) = store.course_notes(alex.id, datetime.date(2026, 11, 22))
    assert note.startswith("Numbness on both soles has risen from 4 to 7 over 3 visits")
    # The third visit itself only sees the two before it (4 to 5: no flag).
    assert store.course_notes(alex.id, datetime.date(2026, 11, 15), ids[2]) == ()
    assert [v.id for v in store.visits(alex.id)] == ids


def _with_notes(store: Store, client: ClientRecord, notes: str) -> SessionRecord:
    record = session(store, client)
    return store.save_session(dataclasses.replace(record, after_notes=notes))


def test_the_after_session_notes_are_signed_too(folder: Path) -> None:
    with Store.open(folder) as store:
        client = store.save_client(ClientRecord(id="", name="Alex Doe"))
        record = store.sign_session(_with_notes(store, client, "Soles less numb.").id, moment=WHEN)
        assert record.plan.signature is not None and record.plan.signature.notes_sha256
        untouched = store.sign_session(_with_notes(store, client, "Fine.").id, moment=WHEN)
        assert store.check_signatures() == (2, [])
    path = folder / "sessions" / f"{client.id}.json"
    data = json.loads(path.read_text())
    (doc,) = [doc for doc in data["sessions"].values() if doc["id"] == record.id]
    doc["after_notes"] = "Soles much less numb."  # edited on disk
    path.write_text(json.dumps(data))
    with Store.open(folder, read_only=True) as store:
        count, problems = store.check_signatures()
    assert count == 2
    (found,) = problems
    assert found.session_id == record.id != untouched.id
    assert "after-session notes no longer match the signature of Sam Rivera" in str(found)


def test_a_signature_made_before_notes_were_signed_still_checks_clean(folder: Path) -> None:
    with Store.open(folder) as store:
        client = store.save_client(ClientRecord(id="", name="Alex Doe"))
        record = store.sign_session(_with_notes(store, client, "Soles less numb.").id, moment=WHEN)
    path = folder / "sessions" / f"{client.id}.json"
    data = json.loads(path.read_text())
    (doc,) = [doc for doc in data["sessions"].values() if doc["id"] == record.id]
    doc["plan"]["signature"].pop("notes_sha256")  # a signature made before notes were signed
    path.write_text(json.dumps(data))
    with Store.open(folder) as store:
        assert store.check_signatures() == (1, [])
        assert store.session(record.id).plan.signature.notes_sha256 == ""
