"""The store: clients, sessions, templates, own techniques and settings on disk.

Layout of a store folder (0700; every file 0600)::

    store.json            tinydb: meta (schema_version), clients, templates, settings
    own.json              the user's own techniques and exercises (plain JSON, see own.py)
    sessions/<id>.json    tinydb: one client's sessions
    store.lock            the one-writer lock (flock: released by the OS if we die)
    backups/daily-.../    rolling daily backups (see backups.py)

Every file is written through :class:`AtomicJSONStorage` or
:func:`planner.core.atomicfile.write_atomic`: a crash leaves the old or the new
version of each file, never a mix. A save returns only once the file and its
folder entry have been synced.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from planner.core import validate as v
from planner.core.library import Library
from planner.core.plan import SessionPlan
from planner.core.planfile import parse_plan, plan_to_json, with_own_definitions
from planner.storage import backups, own
from planner.storage.backups import copy_store, damaged, data_files, list_backups
from planner.storage.clients import ClientsMixin
from planner.storage.errors import (
    StoreDamagedError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
    StoreVersionError,
)
from planner.storage.jsonstorage import AtomicJSONStorage
from planner.storage.later import Later
from planner.storage.own import OwnLibraryMixin
from planner.storage.paths import (
    FILE_MODE,
    LOCK_FILE,
    MAIN_FILE,
    SCHEMA_VERSION,
    SESSIONS_DIR,
    data_dir,
    make_private_folder,
    read_only_folder,
)
from planner.storage.records import (
    STATUSES,
    SessionRecord,
    Settings,
    check_settings,
    new_id,
    now_stamp,
    settings_from_json,
    with_therapist,
)
from planner.storage.sessions import SessionFiles, client_of
from planner.storage.templates import TemplatesMixin

# A first backup needing more full copies than this runs in the background.
FULL_COPY_IN_BACKGROUND = 300
# The layout this program writes (planner.storage.migrations updates older ones).
CURRENT_VERSION = SCHEMA_VERSION


class Store(ClientsMixin, TemplatesMixin, OwnLibraryMixin, Later):
    """An open store folder; see the module docstring and notes/STORE_API.md."""

    def __init__(self, folder: Path, read_only: bool, lock: Any) -> None:
        self.folder = folder
        self.read_only = read_only
        self._lock = lock
        self._db = TinyDB(folder / MAIN_FILE, storage=AtomicJSONStorage, read_only=read_only)
        self._sessions = SessionFiles(folder, read_only=read_only)
        self._library: tuple[Any, Library] | None = None
        self._client_index: tuple[Any, dict[Any, str]] | None = None
        self.schema_version = CURRENT_VERSION
        self.migration_backup: Path | None = None
        self.backup_error: Exception | None = None  # a background backup that failed
        self._backup_thread: threading.Thread | None = None

    # -- opening and closing ---------------------------------------------------

    @classmethod
    def open(cls, folder: Path | None = None, *, read_only: bool = False) -> Store:
        """Open the store in ``folder`` (default :func:`data_dir`); see STORE_API.md."""
        folder = Path(folder) if folder is not None else data_dir()
        if read_only:
            store = cls(folder, True, None)
            store._check_version()
            return store
        # The version is checked before anything is created or locked: a store
        # written by a newer program must stay exactly as it is.
        with contextlib.suppress(StoreDamagedError):  # reported below, after keeping a copy
            cls(folder, True, None)._check_version(for_writing=True)
        why = read_only_folder(folder)
        if why is not None:
            raise StoreReadOnlyError(
                f"The store in {folder} can only be read: {why}. Nothing was changed; "
                "make the folder writable again to save."
            )
        try:
            make_private_folder(folder)
        except OSError as error:
            raise StoreError(f"The store folder {folder} cannot be created: {error}.") from None
        lock = _acquire(folder)
        try:
            store = cls(folder, False, lock)
            store._prepare()
        except BaseException:
            lock.release()
            raise
        return store

    def _check_version(self, *, for_writing: bool = False) -> int:
        data = self._db.storage.read()
        if data is None:
            return CURRENT_VERSION
        metas = list(data.get("meta", {}).values())
        version = metas[0].get("schema_version") if metas else None
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise damaged(self.folder / MAIN_FILE, "no schema version", read_only=self.read_only)
        if version > CURRENT_VERSION:
            raise StoreVersionError(
                f"The store in {self.folder} was written by a newer version of the planner "
                f"(schema {version}; this one knows up to {CURRENT_VERSION}). Update the planner "
                "to open it; the store was not changed."
            )
        if version < CURRENT_VERSION and not for_writing:
            raise StoreError(
                f"The store in {self.folder} is in an older layout; open it for writing once "
                "to update it."
            )
        return version

    def _prepare(self) -> None:
        # Parse the main file now with copying-aside allowed, so damage is reported at open.
        data = self._db.storage.read()
        if data is None:
            self._db.table("meta").insert({"schema_version": CURRENT_VERSION})
        else:
            version = self._check_version(for_writing=True)
            if version < CURRENT_VERSION:
                from planner.storage.migrations import migrate

                try:
                    self.migration_backup = migrate(self.folder, self._db, version)
                except (ValueError, KeyError, TypeError) as error:
                    raise StoreError(
                        f"The store in {self.folder} could not be updated to the current "
                        f"layout ({error}); it was not changed."
                    ) from None
        own.read_own(self.folder, read_only=False)  # reports a damaged own.json now
        _remove_stale_temp_files(self.folder)
        try:
            if backups.daily_due(self.folder):
                if backups.full_copy_needed(self.folder) > FULL_COPY_IN_BACKGROUND:
                    self._start_background_backup()
                else:
                    backups.daily_backup(self.folder, CURRENT_VERSION)
        except OSError as error:
            raise StoreError(
                f"Today's backup of {self.folder} could not be made: {error}."
            ) from None

    def _start_background_backup(self) -> None:
        # The first backup of a big store copies every file (a second or two for
        # 20,000 sessions): it runs beside the caller, and close() waits for it.
        # Each file is copied whole (saves replace files, never change them), and
        # session files are copied before the main file.
        def run() -> None:
            try:
                backups.daily_backup(self.folder, CURRENT_VERSION)
            except Exception as error:  # a failed backup must not stop the work
                self.backup_error = error

        self._backup_thread = threading.Thread(target=run, name="store-backup")
        self._backup_thread.start()

    def close(self) -> None:
        if self._backup_thread is not None:
            self._backup_thread.join()
            self._backup_thread = None
        self._sessions.close()
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _table(self, name: str) -> Table:
        return self._db.table(name, cache_size=0)

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("The store is open read-only; nothing can be saved.")
        if self._lock is None:
            raise StoreError("The store is closed.")

    # -- sessions --------------------------------------------------------------

    def _session_record(
        self, client_id: str, doc: dict[str, Any], settings: Settings | None = None
    ) -> SessionRecord:
        """The record of a stored session; a plan that names no therapist gets the Settings' one."""
        try:
            plan = with_therapist(
                parse_plan(doc["plan"], self.library()), settings or self.settings()
            )
        except (v.FormatError, KeyError) as error:
            path = self._sessions.path(client_id)
            raise damaged(path, f"session {doc.get('id')}: {error}", read_only=True) from None
        return SessionRecord(
            id=doc["id"],
            client_id=client_id,
            plan=plan,
            status=doc.get("status", "draft"),
            after_notes=doc.get("after_notes", ""),
            saved_at=doc.get("saved_at", ""),
        )

    def sessions_for(self, client_id: str) -> list[SessionRecord]:
        """A client's sessions, newest first (plan date, then time saved)."""
        docs = self._sessions.docs(client_id)
        docs.sort(key=lambda d: (d["plan"].get("date", ""), d.get("saved_at", "")), reverse=True)
        settings = self.settings()
        return [self._session_record(client_id, doc, settings) for doc in docs]

    def session(self, session_id: str) -> SessionRecord:
        return self._session_record(client_of(session_id), self._sessions.find(session_id))

    def save_session(self, record: SessionRecord) -> SessionRecord:
        """Save a session; it is on disk when this returns.

        A session moved to another client gets a new id (the id names the client's
        file); it is written to the new client before it is removed from the old one.
        """
        self._writable()
        if record.status not in STATUSES:
            raise StoreError(f"{record.status!r} is not a session status (draft or done).")
        if not isinstance(record.after_notes, str) or not isinstance(record.plan, SessionPlan):
            raise StoreError("A session needs a plan, and its notes must be text.")
        self._client_doc(record.client_id)
        self.refuse_signed_change(record)
        old_id = record.id
        if not old_id or client_of(old_id) != record.client_id:
            record = dataclasses.replace(record, id=new_id(f"{record.client_id}-"))
        record = dataclasses.replace(record, saved_at=now_stamp())
        doc = {
            "id": record.id,
            "plan": plan_to_json(with_own_definitions(record.plan, self.library())),
            "status": record.status,
            "after_notes": record.after_notes,
            "saved_at": record.saved_at,
        }
        self._sessions.put(record.client_id, doc)
        if old_id and old_id != record.id:
            self._sessions.remove(old_id)
        return record

    def delete_session(self, session_id: str) -> None:
        self._writable()
        self._sessions.remove(session_id)

    def recent_sessions(self, limit: int = 10) -> list[SessionRecord]:
        """The most recently saved sessions, newest first."""
        if limit <= 0:
            return []
        docs = self._sessions.recent(limit)
        settings = self.settings()
        return [self._session_record(client_of(doc["id"]), doc, settings) for doc in docs]

    # -- settings, facts, copies -----------------------------------------------

    def settings(self) -> Settings:
        docs = self._table("settings").all()
        return settings_from_json(dict(docs[0]) if docs else None)

    def save_settings(self, settings: Settings) -> None:
        self._writable()
        data = dataclasses.asdict(check_settings(settings))
        table = self._table("settings")
        docs = table.all()
        if docs:
            table.update(data, doc_ids=[docs[0].doc_id])
        else:
            table.insert(data)

    def info(self) -> dict[str, Any]:
        """Where the store is, its schema version, counts and size (reads every session file)."""
        techniques, exercises = own.read_own(self.folder, read_only=self.read_only)
        return {
            "path": str(self.folder),
            "schema_version": CURRENT_VERSION,
            "clients": len(self._table("clients")),
            "sessions": self._sessions.count(),
            "templates": len(self._table("templates")),
            "techniques": len(techniques),
            "exercises": len(exercises),
            "size_bytes": sum(p.stat().st_size for p in data_files(self.folder)),
            "read_only": self.read_only,
            "read_only_folder": read_only_folder(self.folder),
            "backups": [str(p) for p in list_backups(self.folder)],
        }

    def backup(self, dest: Path) -> None:
        """A copy of the store: a new folder (openable as a store) or a ``.zip`` file."""
        try:
            copy_store(self.folder, Path(dest))
        except OSError as error:
            raise StoreError(f"{dest}: the backup could not be written: {error}.") from None


def _remove_stale_temp_files(folder: Path) -> None:
    """Delete temporary files left by a writer that died mid-save (we hold the lock)."""
    for where in (folder, folder / SESSIONS_DIR):
        for path in where.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                path.unlink()


def _acquire(folder: Path) -> Any:
    from planner.storage.lockfile import LockBusy, acquire

    try:
        lock = acquire(folder / LOCK_FILE, FILE_MODE)
    except LockBusy:
        raise StoreLockedError(
            f"The store in {folder} is open in another window or program; "
            "it can only be opened read-only until that one closes."
        ) from None
    except OSError as error:
        raise StoreError(f"The store in {folder} cannot be locked: {error}.") from None
    return lock
