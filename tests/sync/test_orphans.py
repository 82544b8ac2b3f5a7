"""A client deleted on one desk while a session of theirs was added on another comes back
as a deletion-against-edit conflict; a plain deletion still reaches every desk."""

from __future__ import annotations

from pathlib import Path

from couch_server import Server
from sync_helpers import conflicts, edit_notes, everything, fill, make_plan, sync_desk

from planner.storage import SessionRecord, Store
from planner.sync.conflicts import list_conflicts, resolve_conflict


def _orphan_made(desks: dict[str, Path], database: str, server: Server) -> tuple[str, str]:
    """B deletes client 0 while A adds a session for them offline; all desks synced."""
    a, b = desks["a"], desks["b"]
    made = fill(a)
    for desk in (a, b):
        sync_desk(desk, database, server)
    client = made["clients"][0]
    with Store.open(b) as store:
        store.delete_client(client.id)
    with Store.open(a) as store:
        new = store.save_session(SessionRecord("", client.id, make_plan(day=9)))
    sync_desk(b, database, server)
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    return client.id, new.id


def test_a_session_added_for_a_client_deleted_elsewhere_keeps_its_client(
    desks, database: str, server: Server
):
    client_id, session_id = _orphan_made(desks, database, server)
    for desk in (desks["a"], desks["b"]):
        with Store.open(desk, read_only=True) as store:
            assert client_id in [c.id for c in store.clients()]
            assert [s.id for s in store.sessions_for(client_id)] == [session_id]
            found = [c for c in list_conflicts(store) if c["id"] == client_id]
        assert len(found) == 1 and found[0]["kind"] == "client"
        assert [v["deleted"] for v in found[0]["versions"]] == [False, True]
        assert found[0]["title"] == "Client 0"
    assert everything(desks["a"]) == everything(desks["b"])


def test_keeping_the_deletion_deletes_the_client_and_sessions_on_every_desk(
    desks, database: str, server: Server
):
    a, b = desks["a"], desks["b"]
    client_id, _ = _orphan_made(desks, database, server)
    with Store.open(a) as store:
        version = next(c for c in list_conflicts(store) if c["id"] == client_id)["versions"][1]
        kept = resolve_conflict(store, client_id, version["rev"])
    assert kept["deleted"]
    for desk in (a, b, a):
        sync_desk(desk, database, server)
    for desk in (a, b):
        with Store.open(desk, read_only=True) as store:
            assert client_id not in [c.id for c in store.clients()]
            assert store.sessions_for(client_id) == []
        assert conflicts(desk) == []
    assert everything(a) == everything(b)


def test_keeping_the_client_ends_the_conflict_on_every_desk(desks, database: str, server: Server):
    a, b = desks["a"], desks["b"]
    client_id, session_id = _orphan_made(desks, database, server)
    with Store.open(b) as store:
        live = next(c for c in list_conflicts(store) if c["id"] == client_id)["versions"][0]
        resolve_conflict(store, client_id, live["rev"])
    for desk in (b, a):
        sync_desk(desk, database, server)
    for desk in (a, b):
        with Store.open(desk, read_only=True) as store:
            assert [s.id for s in store.sessions_for(client_id)] == [session_id]
        assert conflicts(desk) == []


def test_a_deletion_with_no_new_sessions_elsewhere_is_no_conflict(
    desks, database: str, server: Server
):
    a, b = desks["a"], desks["b"]
    made = fill(a)
    for desk in (a, b):
        sync_desk(desk, database, server)
    client = made["clients"][0]
    with Store.open(b) as store:
        store.delete_client(client.id)
    with Store.open(a) as store:  # an edit of another client is no reason to keep this one
        other = made["clients"][1].id
        store.save_session(SessionRecord("", other, make_plan(day=9)))
    for desk in (b, a, b):
        sync_desk(desk, database, server)
    for desk in (a, b):
        with Store.open(desk, read_only=True) as store:
            assert client.id not in [c.id for c in store.clients()]
            assert store.sessions_for(client.id) == []
        assert conflicts(desk) == []
    assert everything(a) == everything(b)


def test_a_session_edited_for_a_client_deleted_elsewhere_keeps_its_client(
    desks, database: str, server: Server
):
    a, b = desks["a"], desks["b"]
    made = fill(a)
    for desk in (a, b):
        sync_desk(desk, database, server)
    client = made["clients"][0]
    edited = next(s for s in made["sessions"] if s.client_id == client.id)
    with Store.open(b) as store:
        store.delete_client(client.id)
    edit_notes(a, edited.id, "Sole less tingly after the visit.")
    for desk in (b, a, b):
        sync_desk(desk, database, server)
    for desk in (a, b):
        with Store.open(desk, read_only=True) as store:
            assert client.id in [c.id for c in store.clients()]
            kept = store.sessions_for(client.id)
            assert [s.after_notes for s in kept] == ["Sole less tingly after the visit."]
        assert f"client:{client.id}" in conflicts(desk)
    assert everything(a) == everything(b)


def test_the_deleting_desk_gets_the_client_back_when_the_session_came_first(
    desks, database: str, server: Server
):
    a, b = desks["a"], desks["b"]
    made = fill(a)
    for desk in (a, b):
        sync_desk(desk, database, server)
    client = made["clients"][0]
    with Store.open(a) as store:
        new = store.save_session(SessionRecord("", client.id, make_plan(day=9)))
    sync_desk(a, database, server)  # the session is on the server before B deletes
    with Store.open(b) as store:
        store.delete_client(client.id)
    for desk in (b, a, b):
        sync_desk(desk, database, server)
    for desk in (a, b):
        with Store.open(desk, read_only=True) as store:
            assert client.id in [c.id for c in store.clients()]
            assert new.id in [s.id for s in store.sessions_for(client.id)]
        assert f"client:{client.id}" in conflicts(desk)
    assert everything(a) == everything(b)
