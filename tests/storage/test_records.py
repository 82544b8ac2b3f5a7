"""Every kind of record survives a save, a close and a reopen unchanged."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from storage_helpers import OWN_EXERCISE, OWN_TECHNIQUE, make_plan

from planner.core.plan import AvoidedArea, SymptomArea
from planner.storage import ClientRecord, SessionRecord, Settings, Store, StoreError


def test_client_with_standing_areas_round_trips(folder: Path, store: Store, alex: ClientRecord):
    assert alex.id
    store.close()
    with Store.open(folder, read_only=True) as again:
        assert again.clients() == [alex]
        assert again.client(alex.id) == alex
        assert again.find_client("Alex Doe") == alex
        assert again.find_client("alex doe") is None  # exact; import matches loosely (match_client)


def test_client_edit_keeps_id_and_clients_sort_by_name(store: Store, alex: ClientRecord):
    robin = store.save_client(ClientRecord(id="", name="robin Okafor"))
    bea = store.save_client(ClientRecord(id="", name="Bea Smith"))
    changed = dataclasses.replace(
        alex, contact="alex@example.org", symptoms=(SymptomArea("toes", "right", "burning"),)
    )
    assert store.save_client(changed) == changed
    assert [c.name for c in store.clients()] == ["Alex Doe", "Bea Smith", "robin Okafor"]
    assert store.client(alex.id).contact == "alex@example.org"
    assert {robin.id, bea.id, alex.id} == {c.id for c in store.clients()}


@pytest.mark.parametrize(
    "bad",
    [
        ClientRecord(id="", name="  "),
        ClientRecord(id="", name="A", conditions=("flu",)),
        ClientRecord(id="", name="A", avoid=(AvoidedArea("heel", "up", "bruise"),)),
        ClientRecord(id="", name="A", symptoms=(SymptomArea("heel", "left", "itch"),)),
    ],
)
def test_bad_client_is_refused_and_nothing_saved(store: Store, bad: ClientRecord):
    with pytest.raises(StoreError):
        store.save_client(bad)
    assert store.clients() == []


def test_session_with_own_technique_round_trips(folder: Path, store: Store, alex: ClientRecord):
    plan = make_plan(own=True)
    saved = store.save_session(
        SessionRecord(id="", client_id=alex.id, plan=plan, status="done", after_notes="Calmer.")
    )
    assert saved.id and saved.saved_at
    store.close()
    with Store.open(folder, read_only=True) as again:
        loaded = again.session(saved.id)
        assert loaded == saved
        assert loaded.plan == plan
        assert loaded.date == plan.date
        assert again.sessions_for(alex.id) == [saved]


def test_sessions_newest_first_and_recent(store: Store, alex: ClientRecord):
    robin = store.save_client(ClientRecord(id="", name="Robin"))
    early = store.save_session(SessionRecord("", alex.id, make_plan("early", 1)))
    late = store.save_session(SessionRecord("", alex.id, make_plan("late", 20)))
    other = store.save_session(SessionRecord("", robin.id, make_plan("robin", 5)))
    assert [s.plan.title for s in store.sessions_for(alex.id)] == ["late", "early"]
    assert [s.id for s in store.recent_sessions()] == [other.id, late.id, early.id]
    assert [s.id for s in store.recent_sessions(2)] == [other.id, late.id]
    resaved = store.save_session(dataclasses.replace(early, after_notes="edited"))
    assert resaved.id == early.id
    assert store.recent_sessions(1)[0].after_notes == "edited"
    assert len(store.sessions_for(alex.id)) == 2


def test_moving_a_session_to_another_client(store: Store, alex: ClientRecord):
    robin = store.save_client(ClientRecord(id="", name="Robin"))
    saved = store.save_session(SessionRecord("", alex.id, make_plan()))
    moved = store.save_session(dataclasses.replace(saved, client_id=robin.id))
    assert moved.id != saved.id
    assert store.sessions_for(alex.id) == []
    assert [s.id for s in store.sessions_for(robin.id)] == [moved.id]


def test_delete_session_and_client(folder: Path, store: Store, alex: ClientRecord):
    first = store.save_session(SessionRecord("", alex.id, make_plan("one")))
    second = store.save_session(SessionRecord("", alex.id, make_plan("two")))
    store.delete_session(first.id)
    assert [s.id for s in store.sessions_for(alex.id)] == [second.id]
    with pytest.raises(StoreError):
        store.session(first.id)
    store.delete_client(alex.id)
    assert store.clients() == []
    assert not list((folder / "sessions").glob("*.json"))
    with pytest.raises(StoreError):
        store.client(alex.id)


@pytest.mark.parametrize("session_id", ["", "nothing", "../x-y", "c1-"])
def test_unknown_session_ids_are_store_errors(store: Store, session_id: str):
    with pytest.raises(StoreError):
        store.session(session_id)


def test_session_for_unknown_client_or_bad_status_is_refused(store: Store, alex: ClientRecord):
    with pytest.raises(StoreError):
        store.save_session(SessionRecord("", "c000000000000", make_plan()))
    with pytest.raises(StoreError):
        store.save_session(SessionRecord("", alex.id, make_plan(), status="finished"))
    assert store.sessions_for(alex.id) == []


def test_template_drops_client_specifics_and_round_trips(folder: Path, store: Store):
    template = store.save_template("Feet, first visit", make_plan(own=True))
    assert template.plan.client.name == ""
    assert template.plan.avoid == [] and template.plan.symptoms == []
    assert template.plan.steps == make_plan(own=True).steps
    twin = store.save_template("feet, first visit", make_plan())
    assert twin.name == "feet, first visit (2)"
    renamed = store.rename_template(twin.id, "Hands")
    assert renamed.name == "Hands"
    store.close()
    with Store.open(folder) as again:
        assert [t.name for t in again.templates()] == ["Feet, first visit", "Hands"]
        assert again.templates()[0] == template
        again.delete_template(template.id)
        assert [t.name for t in again.templates()] == ["Hands"]


def test_own_technique_and_exercise_round_trip(folder: Path, store: Store):
    store.save_exercise(OWN_EXERCISE)
    store.save_technique(OWN_TECHNIQUE)
    store.close()
    with Store.open(folder) as again:
        library = again.library()
        assert library.techniques[OWN_TECHNIQUE.id] == OWN_TECHNIQUE
        assert library.exercises[OWN_EXERCISE.id] == OWN_EXERCISE
        assert library.is_custom_technique(OWN_TECHNIQUE.id)
        assert not library.is_custom_technique("effleurage")
        with pytest.raises(StoreError, match="suggested by"):
            again.delete_exercise(OWN_EXERCISE.id)
        again.delete_technique(OWN_TECHNIQUE.id)
        again.delete_exercise(OWN_EXERCISE.id)
        assert OWN_TECHNIQUE.id not in again.library().techniques


def test_own_entries_cannot_take_builtin_ids(store: Store):
    with pytest.raises(StoreError, match="built-in"):
        store.save_technique(dataclasses.replace(OWN_TECHNIQUE, id="effleurage", exercises=()))
    with pytest.raises(StoreError, match="built-in"):
        store.save_exercise(dataclasses.replace(OWN_EXERCISE, id="toe-alphabet"))
    with pytest.raises(StoreError):  # suggests an exercise that does not exist
        store.save_technique(OWN_TECHNIQUE)


def test_settings_round_trip(folder: Path, store: Store):
    assert store.settings() == Settings()
    settings = Settings("Sam Rivera, LMT", "Northside Bodywork", 75, "a4", True)
    store.save_settings(settings)
    store.save_settings(settings)
    store.close()
    with Store.open(folder, read_only=True) as again:
        assert again.settings() == settings
    with Store.open(folder) as again, pytest.raises(StoreError):
        again.save_settings(Settings(paper="legal"))


def test_home_care_settings_are_checked(folder: Path, store: Store):
    assert (Settings().daily_minutes, Settings().emergency_number) == (30, "")
    store.save_settings(Settings(daily_minutes=20, emergency_number="+44 999"))
    assert store.settings().daily_minutes == 20
    for bad, message in (
        (Settings(daily_minutes=0), "daily home-care time"),
        (Settings(daily_minutes=241), "daily home-care time"),
        (Settings(daily_minutes=True), "daily home-care time"),  # type: ignore[arg-type]
        (Settings(emergency_number="call Bob"), "emergency number"),
    ):
        with pytest.raises(StoreError, match=message):
            store.save_settings(bad)


def test_the_answer_about_the_clients_record_is_kept_and_checked(folder: Path, store: Store):
    assert Settings().keep_on_record == "ask"  # a store from before the setting asks
    store.save_settings(Settings(keep_on_record="always"))
    store.close()
    with Store.open(folder) as again:
        assert again.settings().keep_on_record == "always"
        with pytest.raises(StoreError, match="ask, always or never"):
            again.save_settings(Settings(keep_on_record="sometimes"))
        assert again.settings().keep_on_record == "always"


def test_read_only_store_refuses_every_write(folder: Path, store: Store, alex: ClientRecord):
    store.close()
    with Store.open(folder, read_only=True) as reader:
        for write in (
            lambda: reader.save_client(ClientRecord(id="", name="X")),
            lambda: reader.save_session(SessionRecord("", alex.id, make_plan())),
            lambda: reader.save_template("T", make_plan()),
            lambda: reader.save_settings(Settings()),
            lambda: reader.save_exercise(OWN_EXERCISE),
            lambda: reader.delete_client(alex.id),
        ):
            with pytest.raises(StoreError, match="read-only"):
                write()


def test_read_only_open_of_a_missing_store_creates_nothing(tmp_path: Path):
    with Store.open(tmp_path / "none", read_only=True) as reader:
        assert reader.clients() == [] and reader.info()["sessions"] == 0
    assert not (tmp_path / "none").exists()


def test_info_counts(store: Store, alex: ClientRecord):
    store.save_session(SessionRecord("", alex.id, make_plan()))
    store.save_session(SessionRecord("", alex.id, make_plan()))
    store.save_template("T", make_plan())
    store.save_exercise(OWN_EXERCISE)
    info = store.info()
    assert {
        k: info[k] for k in ("clients", "sessions", "templates", "techniques", "exercises")
    } == {
        "clients": 1,
        "sessions": 2,
        "templates": 1,
        "techniques": 0,
        "exercises": 1,
    }
    assert info["schema_version"] == 3 and info["size_bytes"] > 0
    assert info["path"] == str(store.folder)
