"""Rolling daily backups, damaged-file keeping, restoring, and copies of the whole store.

A backup is a folder ``backups/daily-YYYY-MM-DD/`` holding copies of the
store's data files as they were when the program first opened the store for
writing that day, plus a ``backup.json`` manifest. It is built under a temporary
name and renamed into place, so a backup folder with its final name is complete.

Backups are incremental: a file unchanged since the newest earlier backup is
hard-linked from that backup (never from the live store), so the daily backup of
a store of 20,000 sessions costs a few tens of milliseconds and only changed
files take more disk space. The very first backup of a big store copies
everything once (about a second for 20,000 sessions).
"""

from __future__ import annotations

# shutil, tempfile, zipfile and filecmp are imported where a backup is made: opening the
# store, which the window waits for, needs none of them.
import contextlib
import datetime
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from planner.core.atomicfile import atomic_output, fsync_folder, write_atomic
from planner.storage.errors import StoreDamagedError, StoreError, StoreLockedError
from planner.storage.paths import (
    BACKUPS_DIR,
    FILE_MODE,
    LEDGER_FILE,
    LOCK_FILE,
    MAIN_FILE,
    OWN_FILE,
    SESSIONS_DIR,
    make_private_folder,
)

KEEP_DAILY = 14
MANIFEST = "backup.json"


def _stamp(now: datetime.datetime | None = None) -> str:
    return (now or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")


def store_folder_of(path: Path) -> Path:
    """The store folder that holds a data file (session files sit one level down)."""
    return path.parent.parent if path.parent.name == SESSIONS_DIR else path.parent


def data_files(folder: Path) -> Iterator[Path]:
    """The store's data files (not locks, temporary files, damaged copies or backups)."""
    for name in (MAIN_FILE, OWN_FILE, LEDGER_FILE):
        if (folder / name).is_file():
            yield folder / name
    sessions = folder / SESSIONS_DIR
    if sessions.is_dir():
        for entry in sorted(os.scandir(sessions), key=lambda e: e.name):
            if entry.name.endswith(".json") and not entry.name.startswith("."):
                yield Path(entry.path)


def list_backups(folder: Path) -> list[Path]:
    """The complete backups of the store in ``folder``, newest first."""
    found: list[tuple[str, Path]] = []
    root = folder / BACKUPS_DIR
    if not root.is_dir():
        return []
    for entry in os.scandir(root):
        manifest = Path(entry.path) / MANIFEST
        if entry.name.startswith(".") or not manifest.is_file():
            continue
        try:
            made_at = json.loads(manifest.read_text(encoding="utf-8"))["made_at"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        found.append((str(made_at), Path(entry.path)))
    return [path for _, path in sorted(found, reverse=True)]


def damaged(path: Path, problem: str, *, read_only: bool) -> StoreDamagedError:
    """The error for a file that cannot be read, after keeping a copy of its bytes.

    The damaged file itself is never changed. Opened for writing, its bytes are
    copied beside it as ``<name>.damaged-YYYYMMDD-HHMMSS`` (once per distinct
    content); opened read-only, nothing is written and the file is its own keeper.
    """
    import filecmp

    folder = store_folder_of(path)
    kept_as = path
    if not read_only and path.is_file():
        earlier = sorted(path.parent.glob(f"{path.name}.damaged-*"))
        same = [p for p in earlier if filecmp.cmp(p, path, shallow=False)]
        if same:
            kept_as = same[-1]
        else:
            kept_as = path.with_name(f"{path.name}.damaged-{_stamp()}")
            with contextlib.suppress(OSError):
                write_atomic(kept_as, path.read_bytes(), FILE_MODE)
            if not kept_as.is_file():
                kept_as = path
    return StoreDamagedError(path, problem, kept_as, list_backups(folder))


def copy_ledger(source: Path, target: Path) -> None:
    """Copy the SQLite sync ledger to the new file ``target`` as one consistent state.

    A sync may be writing the ledger meanwhile: its bytes copied as they lie could
    be half a transaction. SQLite's online backup copies a committed state (waiting,
    if a sync is committing, until it has). A transaction left by a killed sync is
    rolled back first by opening the ledger, as any reader does.
    """
    # Here, not at the top: the store's opening imports this module, and only a store
    # that syncs has a ledger to copy.
    import sqlite3

    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)
    src = sqlite3.connect(source, timeout=60)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as error:
        raise OSError(f"the sync ledger could not be copied: {error}") from None
    finally:
        src.close()
    with open(target, "rb+") as out:
        os.fsync(out.fileno())


def _ledger_bytes(source: Path) -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory(prefix=".planner-ledger-") as temp:
        copy = Path(temp) / LEDGER_FILE
        copy_ledger(source, copy)
        return copy.read_bytes()


def _place(source: Path, target: Path, *, link: bool) -> None:
    import shutil

    if source.name == LEDGER_FILE:
        copy_ledger(source, target)
        return
    if link:
        try:
            os.link(source, target)
            return
        except OSError:
            pass  # another file system or no links: fall back to a copy
    with open(source, "rb") as src, atomic_output(target, FILE_MODE) as dst:
        shutil.copyfileobj(src, dst)


def _latest(root: Path) -> tuple[Path, dict[str, Any]] | None:
    """The newest complete backup and the file versions it holds, if any."""
    for path in list_backups(root.parent):
        try:
            sources = json.loads((path / MANIFEST).read_text(encoding="utf-8"))["sources"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if isinstance(sources, dict):
            return path, sources
    return None


def snapshot(folder: Path, name: str, schema_version: int) -> Path:
    """Make the backup ``backups/<name>/`` of the store's data files as they are now.

    A backup never shares a file with the live store: damage to a live file (a
    bad disk block, an editor writing in place) cannot reach it. A file that is
    the same version as in the newest earlier backup (same inode, size and time:
    our saves always make a new file) is hard-linked from that backup instead of
    copied, so a daily backup of 20,000 sessions copies only what changed.
    """
    import shutil

    root = folder / BACKUPS_DIR
    make_private_folder(root)
    final = root / name
    number = 1
    while final.exists():  # two backups in the same second: keep both
        number += 1
        final = root / f"{name}-{number}"
    temp = root / f".tmp-{final.name}"
    if temp.exists():
        shutil.rmtree(temp)  # a half-made backup left by a crash
    make_private_folder(temp)
    make_private_folder(temp / SESSIONS_DIR)
    previous = _latest(root)
    sources: dict[str, list[int]] = {}
    # Session files first: copied while a save runs (see Store), every session
    # copied then has its client in the main file copied after it.
    for source in sorted(data_files(folder), key=lambda p: p.parent == folder):
        relative = source.relative_to(folder).as_posix()
        target = temp / relative
        with open(source, "rb") as handle:
            stat = os.fstat(handle.fileno())
            version = [stat.st_ino, stat.st_size, stat.st_mtime_ns]
            if relative == LEDGER_FILE:
                # Written in place by SQLite: never linked, copied as one committed state.
                copy_ledger(source, target)
            elif previous is not None and previous[1].get(relative) == version:
                with contextlib.suppress(OSError):
                    os.link(previous[0] / relative, target)
            if not target.exists():
                # No temporary name needed: the whole folder is renamed into place.
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
                with os.fdopen(fd, "wb") as out:
                    shutil.copyfileobj(handle, out)
                    out.flush()
                    os.fsync(out.fileno())
        sources[relative] = version
    manifest = {
        "made_at": datetime.datetime.now().astimezone().isoformat(timespec="microseconds"),
        "schema_version": schema_version,
        "files": sorted(sources),
        "sources": sources,
    }
    write_atomic(temp / MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"), FILE_MODE)
    fsync_folder(temp / SESSIONS_DIR)
    fsync_folder(temp)
    os.replace(temp, final)
    fsync_folder(root)
    return final


def daily_due(folder: Path, today: datetime.date | None = None) -> bool:
    """Whether today's backup is still to be made."""
    name = f"daily-{(today or datetime.date.today()).isoformat()}"
    return not (folder / BACKUPS_DIR / name / MANIFEST).is_file()


def full_copy_needed(folder: Path) -> int:
    """How many files the next backup must copy in full (0 when it can be incremental)."""
    if _latest(folder / BACKUPS_DIR) is not None:
        return 0
    return sum(1 for _ in data_files(folder))


def daily_backup(folder: Path, schema_version: int, today: datetime.date | None = None) -> bool:
    """Make today's backup unless it exists, and keep only the newest 14; True if made."""
    import shutil

    name = f"daily-{(today or datetime.date.today()).isoformat()}"
    if not daily_due(folder, today):
        return False
    snapshot(folder, name, schema_version)
    daily = sorted(p for p in (folder / BACKUPS_DIR).glob("daily-*") if p.is_dir())
    for old in daily[:-KEEP_DAILY]:
        shutil.rmtree(old, ignore_errors=True)
    return True


def copy_store(folder: Path, dest: Path) -> None:
    """Copy the store's data files to ``dest``: a new folder, or a ``.zip`` file.

    Session files are copied before the main file, so every session copied has
    its client in the copy even when a writer is saving meanwhile.
    """
    import shutil
    import tempfile
    import zipfile

    files = list(data_files(folder))
    files.sort(key=lambda p: p.parent == folder)  # session files first
    if dest.suffix.lower() == ".zip":
        with (
            atomic_output(dest, FILE_MODE) as handle,
            zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            for path in files:
                data = _ledger_bytes(path) if path == folder / LEDGER_FILE else path.read_bytes()
                archive.writestr(path.relative_to(folder).as_posix(), data)
        return
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise StoreError(f"{dest} already exists and is not an empty folder.")
    # Copied into a hidden folder beside DEST and renamed at the end: a full disk
    # leaves no partial DEST behind (the retry would then be refused).
    partial = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".partial", dir=dest.parent))
    try:
        make_private_folder(partial / SESSIONS_DIR)
        for path in files:
            _place(path, partial / path.relative_to(folder), link=False)
        fsync_folder(partial / SESSIONS_DIR)
        fsync_folder(partial)
        os.replace(partial, dest)  # over an empty folder too
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    fsync_folder(dest.parent)


def restore_backup(folder: Path, backup_path: Path) -> Path:
    """Put the store in ``folder`` back to the state saved in ``backup_path``.

    Nothing is deleted: the current data files (damaged or not) are moved into
    ``replaced-YYYYMMDD-HHMMSS/`` inside the store folder first. Takes the write
    lock, so it fails with :class:`StoreLockedError` while the store is open.

    Returns:
        The folder where the replaced files were put.
    """
    from filelock import FileLock, Timeout

    manifest_path = backup_path / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        names = [str(name) for name in manifest["files"]]
        for name in names:
            if name.endswith(".json"):  # the sync ledger (sync.db) is SQLite, not JSON
                json.loads((backup_path / name).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise StoreError(
            f"The backup {backup_path} is not complete or readable: {error}."
        ) from None
    lock = FileLock(str(folder / LOCK_FILE), timeout=0, mode=FILE_MODE)
    try:
        lock.acquire()
    except Timeout:
        raise StoreLockedError(
            "The store is open in another window or program; close it before restoring."
        ) from None
    try:
        aside = folder / f"replaced-{_stamp()}"
        make_private_folder(aside)
        # The sync ledger goes too: a ledger newer than the records restored would take
        # every record the backup lacks for a deletion, and send it to every desk.
        # Its journal too: a journal left by a killed sync would be played into the
        # restored ledger the next time it is opened.
        for name in (MAIN_FILE, OWN_FILE, LEDGER_FILE, f"{LEDGER_FILE}-journal", SESSIONS_DIR):
            if (folder / name).exists():
                os.replace(folder / name, aside / name)
        fsync_folder(aside)
        make_private_folder(folder / SESSIONS_DIR)
        for name in names:
            _place(backup_path / name, folder / name, link=False)
        fsync_folder(folder / SESSIONS_DIR)
        fsync_folder(folder)
    finally:
        lock.release()
    return aside
