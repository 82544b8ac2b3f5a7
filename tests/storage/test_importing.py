"""Importing a plan as a session: the client by name, standing areas, duplicates, replacing."""

from __future__ import annotations

from pathlib import Path

import pytest
from storage_helpers import make_plan

from planner.core.plan import AvoidedArea, SymptomArea, Therapist
from planner.storage import ClientRecord, Settings, Store, StoreError
from planner.storage.importing import DuplicatePlanError


def _plan(name: str = "Alex Doe", title: str = "Feet, week 1", day: int = 1):
    plan = make_plan(title, day)
    plan.client = type(plan.client)(name, plan.client.conditions, plan.client.notes)
    return plan


def test_new_client_gets_the_plans_standing_areas(store: Store):
    result = store.import_plan(_plan("  Margaret   Olsen "))
    assert result.new_client and not result.client_updated
    client = store.client(result.client.id)
    assert client.name == "Margaret Olsen"
    assert client.conditions == ("neuropathy", "diabetes")
    assert client.avoid == (AvoidedArea("heel", "left", "open-wound", "healing blister"),)
    assert client.symptoms == (SymptomArea("sole", "both", "numbness", 6),)
    assert store.session(result.session.id).client_id == client.id


@pytest.mark.parametrize("spelling", ["alex doe", "ALEX  DOE", " Alex\tDoe "])
def test_client_is_matched_case_and_space_insensitive(store: Store, alex, spelling: str):
    result = store.import_plan(_plan(spelling))
    assert result.client.id == alex.id and not result.new_client
    assert len(store.clients()) == 1


def test_a_different_name_is_a_new_client(store: Store, alex):
    result = store.import_plan(_plan("Alex Does"))
    assert result.new_client and result.client.id != alex.id


def test_standing_record_changes_only_when_asked(store: Store, alex):
    store.import_plan(_plan(day=2))
    assert store.client(alex.id) == alex
    result = store.import_plan(_plan(day=3), update_client=True)
    assert result.client_updated
    updated = store.client(alex.id)
    assert updated.avoid == (AvoidedArea("heel", "left", "open-wound", "healing blister"),)
    assert updated.symptoms == (SymptomArea("sole", "both", "numbness", 6),)
    assert updated.contact == alex.contact and updated.notes == alex.notes


def test_same_plan_twice_is_refused_unless_again(store: Store, alex):
    first = store.import_plan(_plan())
    with pytest.raises(DuplicatePlanError, match=f"already stored as session {first.session.id}"):
        store.import_plan(_plan("alex doe"))
    assert len(store.session_summaries(alex.id)) == 1
    again = store.import_plan(_plan(), again=True)
    assert again.session.id != first.session.id
    assert len(store.session_summaries(alex.id)) == 2


def test_a_changed_plan_is_not_a_duplicate(store: Store, alex):
    store.import_plan(_plan())
    changed = _plan()
    changed.steps[0] = type(changed.steps[0])("effleurage", "foot", "both", 6, "light", "warm up")
    store.import_plan(changed)
    assert len(store.session_summaries(alex.id)) == 2


def test_ambiguous_name_is_refused(store: Store, alex):
    store.save_client(ClientRecord("", "ALEX DOE"))
    with pytest.raises(StoreError, match="2 clients are named 'Alex Doe'"):
        store.import_plan(_plan())
    assert all(not store.session_summaries(c.id) for c in store.clients())


def test_session_id_replaces_that_plan_keeping_status(store: Store, alex):
    first = store.import_plan(_plan())
    store.save_session(
        type(first.session)(first.session.id, alex.id, first.session.plan, "done", "Calmer.")
    )
    result = store.import_plan(_plan(title="Feet, edited"), session_id=first.session.id)
    assert result.replaced and result.session.id == first.session.id
    stored = store.session(first.session.id)
    assert stored.plan.title == "Feet, edited"
    assert (stored.status, stored.after_notes) == ("done", "Calmer.")
    assert len(store.session_summaries(alex.id)) == 1


def test_session_of_another_client_is_refused(store: Store, alex):
    first = store.import_plan(_plan())
    with pytest.raises(StoreError, match="belongs to 'Alex Doe', but the plan is for 'Bea Smith'"):
        store.import_plan(_plan("Bea Smith"), session_id=first.session.id)
    assert store.session(first.session.id).plan.title == "Feet, week 1"
    assert [c.name for c in store.clients()] == ["Alex Doe"]
    with pytest.raises(StoreError, match="no session"):
        store.import_plan(_plan(), session_id=f"{alex.id}-000000")


def test_therapist_comes_from_settings_when_the_plan_names_none(store: Store):
    store.save_settings(Settings(therapist="Sam Rivera, LMT"))
    result = store.import_plan(_plan())
    assert store.session(result.session.id).plan.therapist.name == "Sam Rivera, LMT"
    named = _plan(day=4)
    named.therapist = Therapist("Jo Kim")
    result = store.import_plan(named)
    assert store.session(result.session.id).plan.therapist.name == "Jo Kim"


def test_no_client_name_stores_nothing(folder: Path, store: Store):
    with pytest.raises(StoreError, match="names no client"):
        store.import_plan(_plan("  "))
    assert store.clients() == []
