"""On disk: private permissions, atomic replacement, one writer, backups, damage, versions."""

from __future__ import annotations

import datetime
import json
import os
import shutil
from pathlib import Path

import pytest
from storage_helpers import OWN_EXERCISE, make_plan, modes, tree

from planner.storage import (
    ClientRecord,
    SessionRecord,
    Store,
    StoreDamagedError,
    StoreError,
    StoreLockedError,
    StoreVersionError,
    restore_backup,
)
from planner.storage.backups import KEEP_DAILY, daily_backup, list_backups
from planner.storage.jsonstorage import AtomicJSONStorage


def _fill(store: Store) -> ClientRecord:
    client = store.save_client(ClientRecord(id="", name="Alex Doe"))
    store.save_session(SessionRecord("", client.id, make_plan(own=True)))
    store.save_template("T", make_plan())
    store.save_exercise(OWN_EXERCISE)
    return client


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_folder_is_0700_and_every_file_0600(folder: Path, tmp_path: Path):
    os.umask(0o022)
    with Store.open(folder) as store:
        _fill(store)
        store.backup(tmp_path / "copy")
    daily_backup(folder, 2, datetime.date(2020, 1, 1))
    for where in (folder, tmp_path / "copy"):
        for name, mode in modes(where).items():
            is_dir = name == "." or (where / name).is_dir()
            assert mode == (0o700 if is_dir else 0o600), f"{where}/{name}: {oct(mode)}"
    assert any(name.startswith("backups/daily-") for name in modes(folder))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_existing_open_folder_is_made_private(folder: Path):
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    Store.open(folder).close()
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_failed_write_leaves_the_old_file_and_no_temp_files(
    folder: Path, monkeypatch: pytest.MonkeyPatch
):
    with Store.open(folder) as store:
        client = _fill(store)
        before = (folder / "store.json").read_bytes()

        def refuse(*args: object, **kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", refuse)
        with pytest.raises(StoreError, match="No space left"):
            store.save_client(ClientRecord(id="", name="Robin"))
        with pytest.raises(StoreError, match="No space left"):
            store.save_session(SessionRecord("", client.id, make_plan()))
        monkeypatch.undo()
        assert (folder / "store.json").read_bytes() == before
        assert [c.name for c in store.clients()] == ["Alex Doe"]  # the cache was dropped
        assert len(store.sessions_for(client.id)) == 1
    assert not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_second_writer_is_refused_and_readers_work_alongside(folder: Path):
    with Store.open(folder) as writer:
        client = writer.save_client(ClientRecord(id="", name="Alex Doe"))
        with pytest.raises(StoreLockedError, match="read-only"):
            Store.open(folder)
        with Store.open(folder, read_only=True) as reader:
            assert reader.clients() == [client]
            writer.save_client(ClientRecord(id="", name="Bea"))
            assert len(reader.clients()) == 2  # sees the writer's save
    Store.open(folder).close()  # the lock was released on close


def test_daily_backups_roll_and_keep_fourteen(folder: Path):
    with Store.open(folder) as store:
        _fill(store)
    start = datetime.date(2025, 1, 1)
    for day in range(20):
        assert daily_backup(folder, 2, start + datetime.timedelta(days=day))
    assert not daily_backup(folder, 2, start + datetime.timedelta(days=19))
    days = {start + datetime.timedelta(days=day) for day in range(20)} | {datetime.date.today()}
    expected = [f"daily-{day}" for day in sorted(days)[-KEEP_DAILY:]]
    assert sorted(p.name for p in (folder / "backups").glob("daily-*")) == expected
    assert len(list_backups(folder)) == KEEP_DAILY


def test_backup_is_unchanged_by_later_saves(folder: Path):
    with Store.open(folder) as store:
        client = _fill(store)
    with Store.open(folder) as store:
        snapshot = list_backups(folder)[0]
        saved = tree(snapshot)
        store.save_session(SessionRecord("", client.id, make_plan("later")))
        store.save_client(ClientRecord(id="", name="Bea"))
    assert tree(snapshot) == saved


def test_damaged_main_file_is_kept_never_overwritten_and_restorable(folder: Path):
    with Store.open(folder) as store:
        _fill(store)
    # The next day's first open backs up the store as the day before left it.
    daily_backup(folder, 2, datetime.date.today() + datetime.timedelta(days=1))
    with Store.open(folder, read_only=True) as store:
        good = store.clients()
    damaged_bytes = b'{"meta": {"1": {"schema_version": 2}}, "clients": {"1": {"na'
    (folder / "store.json").write_bytes(damaged_bytes)
    with pytest.raises(StoreDamagedError) as caught:
        Store.open(folder)
    error = caught.value
    assert error.path == folder / "store.json"
    assert error.kept_as != error.path and error.kept_as.read_bytes() == damaged_bytes
    assert error.kept_as.name.startswith("store.json.damaged-")
    assert error.backups and error.backups == list_backups(folder)
    assert "cannot be read" in str(error) and str(error.backups[0]) in str(error)
    assert (folder / "store.json").read_bytes() == damaged_bytes
    with pytest.raises(StoreDamagedError):  # opening again keeps one copy, writes nothing
        Store.open(folder)
    assert len(list(folder.glob("store.json.damaged-*"))) == 1
    with pytest.raises(StoreDamagedError):
        Store.open(folder, read_only=True)

    aside = restore_backup(folder, error.backups[0])
    assert (aside / "store.json").read_bytes() == damaged_bytes
    with Store.open(folder) as store:
        assert store.clients() == good


def test_damaged_session_file_is_reported_when_read(folder: Path):
    with Store.open(folder) as store:
        client = _fill(store)
    path = folder / "sessions" / f"{client.id}.json"
    path.write_bytes(b"\x00\x01 not json")
    with Store.open(folder) as store:  # opening does not read session files
        with pytest.raises(StoreDamagedError) as caught:
            store.sessions_for(client.id)
        assert caught.value.path == path
        with pytest.raises(StoreDamagedError):
            store.save_session(SessionRecord("", client.id, make_plan()))
    assert path.read_bytes() == b"\x00\x01 not json"
    assert caught.value.kept_as.read_bytes() == b"\x00\x01 not json"


def test_damaged_own_library_is_reported_at_open(folder: Path):
    with Store.open(folder) as store:
        _fill(store)
    (folder / "own.json").write_text('{"format": "own-library"', encoding="utf-8")
    with pytest.raises(StoreDamagedError) as caught:
        Store.open(folder)
    assert caught.value.path == folder / "own.json"


def test_store_from_a_newer_program_is_refused_and_untouched(folder: Path):
    with Store.open(folder) as store:
        _fill(store)
    data = json.loads((folder / "store.json").read_text(encoding="utf-8"))
    data["meta"]["1"]["schema_version"] = 99
    (folder / "store.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "store.lock").unlink()
    before = tree(folder)
    for read_only in (False, True):
        with pytest.raises(StoreVersionError, match="newer version"):
            Store.open(folder, read_only=read_only)
    assert tree(folder) == before


def test_storage_rejects_json_that_is_not_tables(tmp_path: Path):
    path = tmp_path / "x.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(StoreDamagedError, match="not a table"):
        AtomicJSONStorage(path, read_only=True).read()


def test_backups_share_no_file_with_the_live_store(folder: Path):
    with Store.open(folder) as store:
        client = _fill(store)
    daily_backup(folder, 2, datetime.date.today() + datetime.timedelta(days=1))
    with Store.open(folder) as store:
        store.save_session(SessionRecord("", client.id, make_plan("later")))
    second = daily_backup(folder, 2, datetime.date.today() + datetime.timedelta(days=2))
    assert second
    live = {p.stat().st_ino for p in folder.glob("**/*.json") if "backups" not in p.parts}
    backed = {p.stat().st_ino for p in (folder / "backups").glob("**/*.json")}
    assert live and backed and not live & backed


def test_first_full_backup_of_a_big_store_runs_behind_and_close_waits(
    folder: Path, monkeypatch: pytest.MonkeyPatch
):
    from planner.storage import store as store_module

    with Store.open(folder) as store:
        client = _fill(store)
    shutil.rmtree(folder / "backups")
    monkeypatch.setattr(store_module, "FULL_COPY_IN_BACKGROUND", 0)
    store = Store.open(folder)
    assert store._backup_thread is not None
    store.save_session(SessionRecord("", client.id, make_plan("meanwhile")))
    store.close()
    assert store.backup_error is None
    (backup,) = list_backups(folder)
    restored = folder.parent / "restored"
    shutil.copytree(backup, restored)
    with Store.open(restored, read_only=True) as copy:
        assert [c.name for c in copy.clients()] == ["Alex Doe"]
        assert len(copy.sessions_for(client.id)) in (1, 2)
