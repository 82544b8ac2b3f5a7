"""Client records: birth date, rename, delete with a backup, session lists, the overview."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path

import pytest
from storage_helpers import make_plan

from planner.core.plan import Therapist
from planner.storage import ClientRecord, SessionRecord, Settings, Store, StoreError
from planner.storage.backups import list_backups
from planner.storage.overview import INDEX_FILE, client_overview


def test_birth_date_is_optional_and_kept(folder: Path, store: Store, alex: ClientRecord):
    assert alex.birth_date == ""
    dated = store.save_client(dataclasses.replace(alex, birth_date=" 1948-03-21 "))
    assert dated.birth_date == "1948-03-21"
    store.close()
    with Store.open(folder, read_only=True) as again:
        assert again.client(alex.id).birth_date == "1948-03-21"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("21/03/1948", "not a date of birth"), ("1850-01-01", "cannot be a date of birth")],
)
def test_bad_birth_date_is_refused(store: Store, alex: ClientRecord, value: str, expected: str):
    with pytest.raises(StoreError, match=expected):
        store.save_client(dataclasses.replace(alex, birth_date=value))
    assert store.client(alex.id).birth_date == ""


def test_birth_date_tomorrow_is_refused_today_is_not(store: Store, alex: ClientRecord):
    today = datetime.date.today()
    with pytest.raises(StoreError, match="cannot be a date of birth"):
        store.save_client(
            dataclasses.replace(alex, birth_date=(today + datetime.timedelta(1)).isoformat())
        )
    assert store.save_client(dataclasses.replace(alex, birth_date=today.isoformat()))


def test_a_client_stored_without_birth_date_loads(folder: Path, store: Store, alex: ClientRecord):
    store.close()
    path = folder / "store.json"
    data = json.loads(path.read_text())
    for doc in data["clients"].values():
        doc.pop("birth_date")
    path.write_text(json.dumps(data))
    with Store.open(folder) as again:
        assert again.client(alex.id) == alex


def test_rename_keeps_id_and_sessions(store: Store, alex: ClientRecord):
    session = store.save_session(SessionRecord("", alex.id, make_plan()))
    renamed = store.rename_client(alex.id, "  Alex Doe-Rivera ")
    assert renamed.id == alex.id and renamed.name == "Alex Doe-Rivera"
    assert [s.id for s in store.sessions_for(alex.id)] == [session.id]
    with pytest.raises(StoreError, match="needs a name"):
        store.rename_client(alex.id, " ")


def test_delete_client_takes_sessions_and_keeps_a_backup(folder: Path, store: Store, alex):
    bea = store.save_client(ClientRecord("", "Bea Smith"))
    kept = store.save_session(SessionRecord("", bea.id, make_plan()))
    store.save_session(SessionRecord("", alex.id, make_plan()))
    backup = store.delete_client(alex.id)
    assert [c.id for c in store.clients()] == [bea.id]
    assert not (folder / "sessions" / f"{alex.id}.json").exists()
    assert store.session(kept.id).id == kept.id
    assert backup in list_backups(folder) and alex.id in backup.name
    with Store.open(backup, read_only=True) as before:
        assert before.client(alex.id).name == "Alex Doe"
        assert len(before.sessions_for(alex.id)) == 1
    with pytest.raises(StoreError, match="no client"):
        store.delete_client(alex.id)


def test_delete_session_leaves_the_others(store: Store, alex: ClientRecord):
    first = store.save_session(SessionRecord("", alex.id, make_plan("One", 1)))
    second = store.save_session(SessionRecord("", alex.id, make_plan("Two", 2)))
    store.delete_session(first.id)
    assert [s.id for s in store.session_summaries(alex.id)] == [second.id]
    with pytest.raises(StoreError, match="no session"):
        store.delete_session(first.id)


def test_summaries_newest_first_without_parsing(store: Store, alex: ClientRecord):
    for day, title in ((3, "Third"), (1, "First"), (9, "Ninth")):
        store.save_session(SessionRecord("", alex.id, make_plan(title, day), status="done"))
    unset = make_plan("No length", 5)
    unset.length_minutes = None
    store.save_session(SessionRecord("", alex.id, unset))
    rows = store.session_summaries(alex.id)
    assert [(r.date, r.title, r.status) for r in rows] == [
        ("2026-03-09", "Ninth", "done"),
        ("2026-03-05", "No length", "draft"),
        ("2026-03-03", "Third", "done"),
        ("2026-03-01", "First", "done"),
    ]
    assert rows[0].minutes == 45 and rows[1].minutes == 12.5
    assert [r.id for r in rows] == [s.id for s in store.sessions_for(alex.id)]
    with pytest.raises(StoreError, match="no client"):
        store.session_summaries("cnobody")


def test_session_without_therapist_gets_the_settings_one(store: Store, alex: ClientRecord):
    store.save_settings(Settings(therapist="Sam Rivera, LMT", clinic="Northside"))
    bare = store.save_session(SessionRecord("", alex.id, make_plan()))
    named_plan = make_plan("Named", 2)
    named_plan.therapist = Therapist("Jo Kim", "")
    named = store.save_session(SessionRecord("", alex.id, named_plan))
    assert store.session(bare.id).plan.therapist == Therapist("Sam Rivera, LMT", "Northside")
    assert store.session(named.id).plan.therapist == Therapist("Jo Kim", "")
    assert {s.plan.therapist.name for s in store.sessions_for(alex.id)} == {
        "Sam Rivera, LMT",
        "Jo Kim",
    }


def test_overview_counts_and_last_dates(folder: Path, store: Store, alex: ClientRecord):
    bea = store.save_client(ClientRecord("", "bea Smith"))
    store.save_session(SessionRecord("", alex.id, make_plan("One", 4)))
    store.save_session(SessionRecord("", alex.id, make_plan("Two", 12)))
    rows = client_overview(folder)
    assert [(r.name, r.sessions, r.last_session) for r in rows] == [
        ("Alex Doe", 2, "2026-03-12"),
        ("bea Smith", 0, ""),
    ]
    assert rows[1].to_json() == {
        "id": bea.id,
        "name": "bea Smith",
        "sessions": 0,
        "last_session": None,
    }
    assert (folder / INDEX_FILE).is_file()


def test_overview_index_follows_every_change(folder: Path, store: Store, alex: ClientRecord):
    first = store.save_session(SessionRecord("", alex.id, make_plan("One", 4)))
    assert client_overview(folder)[0].sessions == 1
    store.save_session(SessionRecord("", alex.id, make_plan("Two", 20)))
    assert (client_overview(folder)[0].sessions, client_overview(folder)[0].last_session) == (
        2,
        "2026-03-20",
    )
    store.delete_session(first.id)
    assert client_overview(folder)[0].sessions == 1
    store.delete_client(alex.id)
    assert client_overview(folder) == []
    assert json.loads((folder / INDEX_FILE).read_text())["files"] == {}


def test_overview_uses_the_index_while_files_are_unchanged(folder: Path, store, alex):
    store.save_session(SessionRecord("", alex.id, make_plan("One", 4)))
    client_overview(folder)
    index = json.loads((folder / INDEX_FILE).read_text())
    index["files"][alex.id][3] = 99  # a planted count proves the file was not read again
    (folder / INDEX_FILE).write_text(json.dumps(index))
    assert client_overview(folder)[0].sessions == 99


@pytest.mark.parametrize(
    "content", ["{not json", '{"format": "other"}', '{"format": "session-index", "files": 3}']
)
def test_a_damaged_index_is_rebuilt(folder: Path, store: Store, alex, content: str):
    store.save_session(SessionRecord("", alex.id, make_plan("One", 4)))
    (folder / INDEX_FILE).write_text(content)
    assert client_overview(folder)[0].sessions == 1
    assert json.loads((folder / INDEX_FILE).read_text())["format"] == "session-index"


def test_overview_of_no_store_creates_nothing(tmp_path: Path):
    assert client_overview(tmp_path / "none") == []
    assert not (tmp_path / "none").exists()


def test_overview_refuses_a_newer_store(folder: Path, store: Store, alex: ClientRecord):
    store.close()
    path = folder / "store.json"
    data = json.loads(path.read_text())
    data["meta"]["1"]["schema_version"] = 99
    path.write_text(json.dumps(data))
    with pytest.raises(StoreError, match="newer version"):
        client_overview(folder)


def test_client_count(store: Store, alex: ClientRecord):
    assert store.client_count() == 1
    store.save_client(ClientRecord("", "Bea Smith"))
    assert store.client_count() == 2
    store.delete_client(alex.id)
    assert store.client_count() == 1
