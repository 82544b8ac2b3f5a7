"""A store in the first layout (v1, one tinydb file) is migrated on open, after a backup."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from storage_helpers import tree

from planner.storage import Settings, Store, StoreError, list_backups

FIXTURE = Path(__file__).parent / "fixtures" / "store-v1"


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    shutil.copytree(FIXTURE, folder)
    return folder


def test_v1_store_migrates_keeping_every_record(v1: Path):
    original = (v1 / "store.json").read_bytes()
    with Store.open(v1) as store:
        assert store.info()["schema_version"] == 3
        assert (v1 / "sync.db").is_file()  # version 3: the sync ledger, empty until a sync
        clients = store.clients()
        assert [c.name for c in clients] == ["Alex Doe", "Robin Okafor"]
        alex = clients[0]
        assert alex.contact == "555-0101" and alex.conditions == ("neuropathy", "diabetes")
        assert alex.avoid[0].region == "heel" and alex.avoid[0].note == "healing blister"
        assert alex.symptoms[0].kind == "numbness" and alex.symptoms[0].intensity == 6
        sessions = store.sessions_for(alex.id)
        assert [s.plan.title for s in sessions] == ["Feet, week 2", "Feet, week 1"]
        assert sessions[1].status == "done" and sessions[1].after_notes == "Less tingling after."
        assert sessions[0].plan.steps[0].technique == "my-foot-opener"
        assert sessions[0].plan.date == datetime.date(2024, 3, 8)
        assert len(store.sessions_for(clients[1].id)) == 1
        assert [t.name for t in store.templates()] == ["First visit"]
        library = store.library()
        assert library.techniques["my-foot-opener"].name == "Foot opener"
        assert library.exercises["my-toe-spread"].minutes == 3
        assert store.settings() == Settings(
            "Sam Rivera, LMT", "Northside Bodywork", 60, "a4", large_print=True
        )
        assert store.session(sessions[0].id) == sessions[0]
        assert store.migration_backup is not None
        kept = store.migration_backup
    assert (kept / "store.json").read_bytes() == original
    assert kept in list_backups(v1)
    with Store.open(v1) as again:  # a second open finds nothing to migrate
        assert again.migration_backup is None
        assert len(again.clients()) == 2


def test_v1_store_is_not_read_read_only(v1: Path):
    before = tree(v1)
    with pytest.raises(StoreError, match="older layout"):
        Store.open(v1, read_only=True)
    assert tree(v1) == before


def test_a_migration_cut_short_runs_again_to_the_same_result(v1: Path, monkeypatch):
    from planner.storage import migrations

    real = migrations.AtomicJSONStorage.write
    calls = {"n": 0}

    def write_then_die(self, data):  # dies when the main file is about to be written
        calls["n"] += 1
        if self.path.name == "store.json":
            raise KeyboardInterrupt
        real(self, data)

    monkeypatch.setattr(migrations.AtomicJSONStorage, "write", write_then_die)
    with pytest.raises(KeyboardInterrupt):
        Store.open(v1)
    monkeypatch.undo()
    assert calls["n"] >= 1
    with Store.open(v1) as store:
        alex = store.clients()[0]
        assert len(store.sessions_for(alex.id)) == 2
    assert len(list((v1 / "sessions").glob("*.json"))) == 2


@pytest.mark.parametrize(
    ("table", "breakage", "named"),
    [
        ("sessions", lambda doc: doc.pop("client"), "sessions record 2: no 'client'"),
        ("templates", lambda doc: doc.pop("name"), "templates record 1: no 'name'"),
        ("sessions", lambda doc: doc.update(client="x"), "sessions record 2: invalid literal"),
    ],
)
def test_a_record_that_cannot_migrate_leaves_the_store_as_it_was(
    v1: Path, table: str, breakage, named: str
) -> None:
    import json

    data = json.loads((v1 / "store.json").read_text(encoding="utf-8"))
    numbers = sorted(data[table], key=int)
    breakage(data[table][numbers[1] if table == "sessions" else numbers[0]])
    (v1 / "store.json").write_text(json.dumps(data), encoding="utf-8")
    before = tree(v1)
    for _attempt in range(2):  # and again: no backup per attempt either
        with pytest.raises(StoreError, match="could not be updated") as caught:
            Store.open(v1)
        assert named in str(caught.value)
        assert {k: v for k, v in tree(v1).items() if not k.endswith(".lock")} == {
            k: v for k, v in before.items() if not k.endswith(".lock")
        }
