"""Desks meet through a server: every kind of record travels, deletions too, conflicts kept."""

from __future__ import annotations

import datetime

from couch_server import Server
from sync_helpers import (
    conflicts,
    edit_notes,
    everything,
    fill,
    session_edited_on_both,
    signed_session,
    sync_desk,
)

from planner.storage import Store
from planner.sync.conflicts import list_conflicts, resolve_conflict
from planner.sync.couch import Couch
from planner.sync.engine import sync


def test_every_kind_of_record_reaches_the_other_desk(desks, database: str, server: Server):
    a, b = desks["a"], desks["b"]
    fill(a)
    first = sync_desk(a, database, server)
    assert first.sent == 2 + 1 + 2 + 4 and first.received == 0  # own x2, template, clients
    got = sync_desk(b, database, server)
    assert got.received == first.sent and got.sent == 0 and got.conflicts == 0
    assert everything(b) == everything(a)
    kinds = {doc.split(":")[0] for doc in everything(b)}
    assert kinds == {"exercise", "technique", "template", "client", "session"}
    with Store.open(b) as store:  # the store on B reads them as its own
        assert [c.name for c in store.clients()] == ["Client 0", "Client 1"]
        assert store.library().techniques["my-foot-opener"].name == "Foot opener"
        assert [t.name for t in store.templates()] == ["First visit"]
    again = sync_desk(a, database, server)
    assert (again.sent, again.received) == (0, 0)


def test_deletions_reach_every_desk(desks, database: str, server: Server):
    a, b, c = desks["a"], desks["b"], desks["c"]
    made = fill(a)
    for desk in (a, b, c):
        sync_desk(desk, database, server)
    gone_client = made["clients"][0]
    with Store.open(b) as store:
        store.delete_client(gone_client.id)
        store.delete_template(made["template"].id)
        store.delete_technique("my-foot-opener")
    sync_desk(b, database, server)
    sync_desk(a, database, server)
    sync_desk(c, database, server)
    for desk in (a, c):
        assert everything(desk) == everything(b)
        with Store.open(desk) as store:
            assert [x.id for x in store.clients()] == [made["clients"][1].id]
            assert store.sessions_for(gone_client.id) == []
            assert store.templates() == []
            assert "my-foot-opener" not in store.library().techniques


def test_same_session_edited_on_two_desks_is_a_conflict_until_resolved(
    desks, database: str, server: Server
):
    a, b = desks["a"], desks["b"]
    session = session_edited_on_both(a, b, database, server, ("Edited on A", "Edited on B"))
    sync_desk(a, database, server)
    assert sync_desk(b, database, server).conflicts == 1
    assert sync_desk(a, database, server).conflicts == 1
    doc = f"session:{session.id}"
    assert conflicts(a) == conflicts(b) == [doc]
    for desk in (a, b):
        with Store.open(desk, read_only=True) as store:
            found = list_conflicts(store)
        notes = {v["record"]["after_notes"] for v in found[0]["versions"]}
        assert notes == {"Edited on A", "Edited on B"}  # both kept on both desks
        assert found[0]["kind"] == "session" and found[0]["title"] == "2026-03-01 Feet, week 1"
    assert everything(a) == everything(b)  # both show the same winner
    with Store.open(b) as store:
        resolve_conflict(store, session.id, "mine")
        assert store.session(session.id).after_notes == "Edited on B"
    sync_desk(b, database, server)
    sync_desk(a, database, server)
    assert conflicts(a) == conflicts(b) == []
    with Store.open(a) as store:
        assert store.session(session.id).after_notes == "Edited on B"
    assert everything(a) == everything(b)


def test_deleted_on_one_desk_edited_on_another_is_a_conflict(desks, database, server):
    a, b = desks["a"], desks["b"]
    session = fill(a, clients=1, sessions=1)["sessions"][0]
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    with Store.open(a) as store:
        store.delete_session(session.id)
    edit_notes(b, session.id, "Still needed")
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    sync_desk(a, database, server)
    for desk in (a, b):
        with Store.open(desk, read_only=True) as store:
            found = list_conflicts(store)
            assert store.session(session.id).after_notes == "Still needed"  # nothing lost
        assert [v["deleted"] for v in found[0]["versions"]] == [False, True]
    with Store.open(a) as store:  # A keeps its deletion
        kept = resolve_conflict(store, session.id, "mine")
        assert kept["deleted"] and store.sessions_for(session.client_id) == []
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    assert conflicts(a) == conflicts(b) == []
    assert everything(a) == everything(b)
    assert f"session:{session.id}" not in everything(b)


def test_a_near_miss_edits_of_different_sessions_do_not_conflict(desks, database, server):
    a, b = desks["a"], desks["b"]
    first, second = fill(a, clients=1, sessions=2)["sessions"]
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    edit_notes(a, first.id, "A's note")
    edit_notes(b, second.id, "B's note")
    for desk in (a, b, a):
        assert sync_desk(desk, database, server).conflicts == 0
    assert everything(a) == everything(b)


def test_signed_session_addenda_from_two_desks_merge(desks, database, server):
    a, b = desks["a"], desks["b"]
    signed = signed_session(a)
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    moment = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    with Store.open(a) as store:
        store.add_addendum(signed.id, "Called: feet fine.", "Sam Rivera", moment)
    with Store.open(b) as store:
        later = moment + datetime.timedelta(hours=2)
        store.add_addendum(signed.id, "Skin check done.", "Jo Park", later)
    sync_desk(a, database, server)
    assert sync_desk(b, database, server).conflicts == 0
    sync_desk(a, database, server)
    assert conflicts(a) == conflicts(b) == []
    assert everything(a) == everything(b)
    with Store.open(a) as store:
        texts = [x.text for x in store.session(signed.id).plan.addenda]
        assert texts == ["Called: feet fine.", "Skin check done."]
        assert store.check_signatures() == (1, [])


def test_resolving_by_revision_and_unknown_revision(desks, database, server):
    a, b = desks["a"], desks["b"]
    session = session_edited_on_both(a, b, database, server, ("A", "B"))
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    with Store.open(b) as store:
        versions = list_conflicts(store)[0]["versions"]
        theirs = next(v["rev"] for v in versions if v["record"]["after_notes"] == "A")
        try:
            resolve_conflict(store, session.id, "9-nope")
        except Exception as error:
            assert "is not a version" in str(error)
        else:
            raise AssertionError("an unknown revision was accepted")
        resolve_conflict(store, session.id, theirs)
        assert store.session(session.id).after_notes == "A"


def test_deleting_the_shown_version_of_a_conflict_brings_the_other_forward(desks, database, server):
    a, b = desks["a"], desks["b"]
    session = session_edited_on_both(a, b, database, server, ("A", "B"))
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    sync_desk(a, database, server)
    with Store.open(a) as store:
        shown = store.session(session.id).after_notes
        store.delete_session(session.id)
    sync_desk(a, database, server)
    with Store.open(a, read_only=True) as store:
        assert store.session(session.id).after_notes == ({"A", "B"} - {shown}).pop()
        found = list_conflicts(store)
    assert [v["deleted"] for v in found[0]["versions"]] == [False, True]
    sync_desk(b, database, server)
    assert everything(a) == everything(b)


def _open_and_edited(session_id: str):
    return lambda: {f"session:{session_id}"}


def test_a_session_open_with_edits_is_not_overwritten_and_saving_makes_a_conflict(
    desks, database, server
):
    a, b = desks["a"], desks["b"]
    session = fill(a, clients=1, sessions=1)["sessions"][0]
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    edit_notes(b, session.id, "From B")
    sync_desk(b, database, server)
    with Store.open(a) as store, Couch(database, server.user, server.password) as couch:
        result = sync(store, couch, held=_open_and_edited(session.id))
        assert result.held == {f"session:{session.id}"} and result.written == frozenset()
        assert store.session(session.id).after_notes == ""  # what the window edits
    edit_notes(a, session.id, "From A, saved after the sync")  # the window saves
    assert sync_desk(a, database, server).conflicts == 1
    assert sync_desk(b, database, server).conflicts == 1
    with Store.open(b, read_only=True) as store:
        notes = {v["record"]["after_notes"] for v in list_conflicts(store)[0]["versions"]}
    assert notes == {"From B", "From A, saved after the sync"}
    assert everything(a) == everything(b)


def test_a_held_session_closed_without_saving_takes_the_newer_version(desks, database, server):
    a, b = desks["a"], desks["b"]
    session = fill(a, clients=1, sessions=1)["sessions"][0]
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    edit_notes(b, session.id, "From B")
    sync_desk(b, database, server)
    with Store.open(a) as store, Couch(database, server.user, server.password) as couch:
        sync(store, couch, held=_open_and_edited(session.id))
    result = sync_desk(a, database, server)  # the window closed the session unsaved
    assert result.conflicts == 0 and f"session:{session.id}" in result.written
    with Store.open(a) as store:
        assert store.session(session.id).after_notes == "From B"
    assert everything(a) == everything(b)


def test_restoring_an_older_backup_deletes_nothing_on_other_desks(desks, database, server):
    """A backup from before the ledger knew some records: restored, they are not deletions."""
    from planner.storage import restore_backup
    from planner.storage.backups import snapshot
    from planner.storage.paths import SCHEMA_VERSION

    a, b = desks["a"], desks["b"]
    first = fill(a, clients=1, sessions=1)
    old_copy = snapshot(a, "before-any-sync", SCHEMA_VERSION)  # no ledger in it yet
    later = fill(b, clients=1, sessions=1)  # records A does not have in its old copy
    for desk in (b, a, b):
        sync_desk(desk, database, server)
    restore_backup(a, old_copy)
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    for desk in (a, b):
        with Store.open(desk, read_only=True) as store:
            ids = {c.id for c in store.clients()}
        assert {first["clients"][0].id, later["clients"][0].id} <= ids
    assert everything(a) == everything(b)


def test_the_ledger_reads_back_what_it_wrote(tmp_path):
    from planner.storage.ledger import Ledger

    ledger = Ledger(tmp_path)
    entries = {f"session:c{n}-s{n}": {"kind": "session", "note": "line\nbreak"} for n in range(5)}
    for doc, entry in entries.items():
        ledger.docs[doc] = entry
    ledger.journal = {"client:x": {"record": {"name": "Zoë"}}}
    ledger.save()
    again = Ledger(tmp_path, read_only=True)
    assert dict(again.docs.items()) == entries and again.journal == ledger.journal
    assert again.state == ledger.state
    assert "client:x" not in again.docs and again.conflicted() == []
