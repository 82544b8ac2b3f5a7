"""Backups and store copies hold the sync ledger (SQLite) as one committed state.

A sync writing ``sync.db`` while a backup copies it (or killed mid-transaction)
leaves pages of the unfinished transaction in the file; a byte copy would hold
half a transaction. The ledger here is a table whose rows all carry the same
generation after every commit: a copy with mixed generations is half-written.
"""

from __future__ import annotations

import datetime
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

from planner.storage import ClientRecord, Store
from planner.storage.backups import daily_backup, list_backups, restore_backup

ROWS = 2000
# Writes every row with a small page cache, so SQLite spills the unfinished
# transaction into sync.db itself (taking its exclusive lock) before it commits.
HALF_WRITE = """
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA cache_size=10")
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE t SET gen = gen + 1")
os._exit(0)  # killed with the transaction open: sync.db is half-written
"""


def _ledger(folder: Path) -> Path:
    with Store.open(folder) as store:
        store.save_client(ClientRecord(id="", name="Alex Doe"))
    path = folder / "sync.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, gen INTEGER NOT NULL, pad TEXT)")
    db.execute("BEGIN")
    db.executemany("INSERT INTO t VALUES (?, 0, ?)", [(i, "x" * 500) for i in range(ROWS)])
    db.execute("COMMIT")
    db.close()
    return path


def _generations(path: Path) -> list[tuple[int, int]]:
    db = sqlite3.connect(path)  # as the sync opens it: a journal beside it is rolled back
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return db.execute("SELECT gen, count(*) FROM t GROUP BY gen").fetchall()
    finally:
        db.close()


def _copies(folder: Path, tmp_path: Path, name: str) -> list[Path]:
    """The ledger as a daily backup, a folder copy and a .zip copy hold it."""
    daily_backup(folder, 3, today=datetime.date(2030, 1, 1))
    with Store.open(folder, read_only=True) as store:
        store.backup(tmp_path / f"{name}-copy")
        store.backup(tmp_path / f"{name}.zip")
    with zipfile.ZipFile(tmp_path / f"{name}.zip") as archive:
        (tmp_path / f"{name}-zipped.db").write_bytes(archive.read("sync.db"))
    daily = next(p for p in list_backups(folder) if p.name == "daily-2030-01-01")
    return [
        daily / "sync.db",
        tmp_path / f"{name}-copy" / "sync.db",
        tmp_path / f"{name}-zipped.db",
    ]


def test_a_backup_taken_during_a_sync_write_holds_a_committed_ledger(tmp_path: Path):
    folder = tmp_path / "store"
    path = _ledger(folder)
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("PRAGMA cache_size=10")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE t SET gen = 1")  # spilled: sync.db now holds half of it
    assert (folder / "sync.db-journal").exists()

    def commit_soon() -> None:
        time.sleep(0.5)  # the copies below start meanwhile and must wait for the commit
        writer.execute("COMMIT")

    committing = threading.Thread(target=commit_soon)
    committing.start()
    try:
        copies = _copies(folder, tmp_path, "during")
    finally:
        committing.join()
        writer.close()
    for copy in copies:
        assert _generations(copy) in ([(0, ROWS)], [(1, ROWS)]), copy


def test_a_transaction_left_by_a_killed_sync_is_not_in_the_backup(tmp_path: Path):
    folder = tmp_path / "store"
    path = _ledger(folder)
    subprocess.run([sys.executable, "-c", HALF_WRITE, str(path)], check=True)
    assert (folder / "sync.db-journal").exists()
    for copy in _copies(folder, tmp_path, "killed"):
        assert _generations(copy) == [(0, ROWS)], copy


def test_restoring_sets_a_killed_syncs_journal_aside(tmp_path: Path):
    folder = tmp_path / "store"
    path = _ledger(folder)
    backup = _copies(folder, tmp_path, "before")[0].parent
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("UPDATE t SET gen = 5")
    db.close()
    subprocess.run([sys.executable, "-c", HALF_WRITE, str(path)], check=True)
    aside = restore_backup(folder, backup)
    assert (aside / "sync.db-journal").exists()
    assert not (folder / "sync.db-journal").exists()
    assert _generations(folder / "sync.db") == [(0, ROWS)]
    assert _generations(aside / "sync.db") == [(5, ROWS)]  # its own journal rolled back


def test_a_ledger_at_rest_is_copied_whole(tmp_path: Path):
    folder = tmp_path / "store"
    _ledger(folder)
    for copy in _copies(folder, tmp_path, "rest"):
        assert _generations(copy) == [(0, ROWS)], copy
