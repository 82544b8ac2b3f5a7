"""The sync ledger: what the store knows of each document's revisions (``sync.db``).

The store's record files stay the working copy; the ledger beside them keeps,
per document (``<kind>:<id>``, see :mod:`planner.storage.documents`):

``leaves``
    every open revision of the document, by revision id (``3-9f…``): its
    history (hash ids, newest first), whether it is a deletion (``deleted``;
    ``removed`` when a person deleted the record, as opposed to a conflict
    being resolved), whether the server has it (``pushed``), whether it was
    made on this desk (``here``), and, for every leaf except the winner, the
    record's JSON (the winner's is in the store).
``winner``
    the leaf the store shows (CouchDB's rule: a live leaf before a deletion,
    then the longest history, then the greater revision id).
``digest``
    the fingerprint of the winner's record as written to the store: a record
    whose fingerprint differs has changed since (an edit to push).

A record gone from the store whose ledger entry is live was deleted here: the
next sync turns it into a deletion revision (a tombstone, with no content),
which stays in the ledger and on the server.

``state`` holds this desk's id, the server's URL and user, the checkpoint in the
server's change feed (``since``) and the file identities of the sources as last
scanned. ``journal`` holds records about to be written to the store: it is
saved before the store is touched and cleared after, so a crash in between is
finished by the next sync (:func:`planner.sync.local.replay_journal`).
``waiting`` holds the records that cannot be written yet (an own technique
whose exercise has not arrived); they are tried again at each sync, and are
neither changes nor deletions of this desk meanwhile.

The ledger is an SQLite database (Python's own sqlite3): a sync reads only the
documents it touches and a save writes only the entries that changed, in one
transaction (all of a save or none of it), so an incremental sync costs the
same in a store of 100 records as in one of 22,000, and the work happens
without holding Python's interpreter lock, beside the window's thread. Each
entry is the JSON above, with columns that index it: the file of the record
(``source``), whether its winner is live, whether a leaf waits to be sent, and
whether it has a rival.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

from planner.storage.errors import StoreError
from planner.storage.paths import FILE_MODE, LEDGER_FILE

Entry = dict[str, Any]
__all__ = ["LEDGER_FILE", "Ledger", "new_state"]
_COMPACT = (",", ":")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    id TEXT PRIMARY KEY, entry TEXT NOT NULL, source TEXT NOT NULL,
    live INTEGER NOT NULL, unpushed INTEGER NOT NULL, conflicted INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS docs_source ON docs (source, live);
CREATE INDEX IF NOT EXISTS docs_unpushed ON docs (unpushed);
CREATE INDEX IF NOT EXISTS docs_conflicted ON docs (conflicted);
"""


def new_state() -> dict[str, Any]:
    """The state of a new ledger: a new desk id, no checkpoint."""
    return {"desk": uuid.uuid4().hex, "since": None}


def _connect(path: Path, read_only: bool) -> sqlite3.Connection | None:
    try:
        if read_only:
            if not path.exists():
                return None
            _roll_back_if_needed(path)
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            made = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'docs'").fetchone()
            if made is None:  # created by a sync killed before it made its tables
                db.close()
                return None
        else:
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE))
            db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=DELETE")
            db.execute("PRAGMA synchronous=FULL")
            db.executescript(_SCHEMA)
        return db
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"The sync ledger {path} cannot be opened: {error}.") from None


def _roll_back_if_needed(path: Path) -> None:
    """Undo the unfinished transaction of a sync that was killed, so the ledger can be read.

    A read-only connection cannot do it; SQLite's locks make it safe here (a
    journal left with no lock on the file belongs to a writer that is gone).
    """
    journal = path.with_name(path.name + "-journal")
    if journal.exists() and os.access(path, os.W_OK):
        db = sqlite3.connect(path)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            db.close()


class Docs(MutableMapping[str, Entry]):
    """The ledger's entries by document id, read from the database when first asked for."""

    def __init__(self, db: sqlite3.Connection | None) -> None:
        self._db = db
        self.loaded: dict[str, Entry] = {}
        self.saved: dict[str, str] = {}  # the JSON each loaded entry had in the database

    def _select(self, sql: str, args: Iterable[Any] = ()) -> list[Any]:
        if self._db is None:
            return []
        try:
            return self._db.execute(sql, tuple(args)).fetchall()
        except sqlite3.Error as error:
            raise StoreError(f"The sync ledger cannot be read: {error}.") from None

    def load(self, docs: Iterable[str]) -> None:
        """Read these entries in a few queries (not one each)."""
        wanted = [doc for doc in dict.fromkeys(docs) if doc not in self.loaded]
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ",".join("?" * len(part))
            query = f"SELECT id, entry FROM docs WHERE id IN ({marks})"
            for doc, text in self._select(query, part):
                self.loaded[doc] = json.loads(text)
                self.saved[doc] = text

    def __getitem__(self, doc: str) -> Entry:
        if doc not in self.loaded:
            self.load([doc])
        return self.loaded[doc]

    def __setitem__(self, doc: str, entry: Entry) -> None:
        if doc not in self.loaded:
            self.load([doc])
        self.loaded[doc] = entry

    def __delitem__(self, doc: str) -> None:
        raise TypeError("ledger entries are never deleted")

    def __contains__(self, doc: object) -> bool:
        if not isinstance(doc, str):
            return False
        if doc not in self.loaded:
            self.load([doc])
        return doc in self.loaded

    def ids(self, where: str = "1", args: Iterable[Any] = ()) -> list[str]:
        return [row[0] for row in self._select(f"SELECT id FROM docs WHERE {where}", args)]

    def __iter__(self) -> Iterator[str]:
        return iter(list(dict.fromkeys([*self.ids(), *self.loaded])))

    def __len__(self) -> int:
        return len(set(self.ids()) | set(self.loaded))

    def __bool__(self) -> bool:
        return bool(self.loaded) or bool(self._select("SELECT 1 FROM docs LIMIT 1"))

    def where(self, column: str, extra: Iterable[str] = ()) -> list[str]:
        """Ids whose ``column`` is set, as the database and the entries loaded now say."""
        from_db = set(self.ids(f"{column} = 1"))
        loaded = {doc for doc, entry in self.loaded.items() if _columns(doc, entry)[column]}
        found = (from_db - set(self.loaded)) | loaded
        return sorted(found | set(extra))

    def live_in(self, sources: Iterable[str]) -> list[str]:
        """Ids of the live documents whose records are in these files."""
        wanted = set(sources)
        found = set()
        listed = list(wanted)
        for start in range(0, len(listed), 500):
            part = listed[start : start + 500]
            marks = ",".join("?" * len(part))
            found.update(self.ids(f"live = 1 AND source IN ({marks})", part))
        found -= set(self.loaded)
        for doc, entry in self.loaded.items():
            columns = _columns(doc, entry)
            if columns["live"] and columns["source"] in wanted:
                found.add(doc)
        return sorted(found)


def _columns(doc: str, entry: Entry) -> dict[str, Any]:
    from planner.storage.documents import BY_NAME

    kind, _, record_id = doc.partition(":")
    leaves = entry.get("leaves", {})
    winner = leaves.get(entry.get("winner"), {})
    try:
        source = BY_NAME[kind].source_of(record_id)
    except (KeyError, StoreError):
        source = ""
    return {
        "source": source,
        "live": int(bool(winner) and not winner.get("deleted")),
        "unpushed": int(any(not leaf.get("pushed") for leaf in leaves.values())),
        "conflicted": int(bool(rivals(entry))),
    }


class Ledger:
    """The ledger of one store folder: its state, journal and waiting records, and its entries."""

    def __init__(self, folder: Path, *, read_only: bool = False) -> None:
        self.path = folder / LEDGER_FILE
        self._db = _connect(self.path, read_only)
        self.read_only = read_only
        meta = dict(self._meta())
        self.state: dict[str, Any] = meta.get("state") or new_state()
        self.journal: dict[str, Entry] = meta.get("journal") or {}
        self.waiting: dict[str, Entry] = meta.get("waiting") or {}
        self.docs = Docs(self._db)
        self.dirty = False  # changed since the last save, and not yet saved on purpose
        self.written: set[str] = set()  # documents written into the store since opened

    def _meta(self) -> Iterator[tuple[str, Any]]:
        if self._db is None:
            return
        try:
            rows = self._db.execute("SELECT key, value FROM meta").fetchall()
        except sqlite3.Error as error:
            raise StoreError(f"The sync ledger {self.path} cannot be read: {error}.") from None
        for key, value in rows:
            yield key, json.loads(value)

    def save(self) -> None:
        """Write the state and every entry changed since it was read, in one transaction."""
        if self._db is None or self.read_only:
            raise StoreError("The sync ledger is open read-only; nothing can be saved.")
        rows = []
        for doc, entry in self.docs.loaded.items():
            text = json.dumps(entry, ensure_ascii=False, separators=_COMPACT)
            if self.docs.saved.get(doc) != text:
                columns = _columns(doc, entry)
                rows.append((doc, text, *columns.values()))
        meta = [
            (key, json.dumps(value, ensure_ascii=False, separators=_COMPACT))
            for key, value in (("state", self.state), ("journal", self.journal))
        ]
        meta.append(("waiting", json.dumps(self.waiting, ensure_ascii=False)))
        try:
            with _transaction(self._db):
                self._db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta)
                self._db.executemany("INSERT OR REPLACE INTO docs VALUES (?,?,?,?,?,?)", rows)
        except sqlite3.Error as error:
            raise StoreError(f"The sync ledger {self.path} could not be saved: {error}.") from None
        for doc, text, *_ in rows:
            self.docs.saved[doc] = text
        self.dirty = False

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def conflicted(self) -> list[str]:
        """Ids of the documents whose winner has a rival (a live leaf, or a person's deletion)."""
        return self.docs.where("conflicted")

    def unpushed(self) -> list[str]:
        """Ids of the documents with a revision the server may lack."""
        return self.docs.where("unpushed")


class _transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, error: object, tb: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def generation(rev: str) -> int:
    return int(rev.split("-", 1)[0])


def rev_key(rev: str, leaf: Entry) -> tuple[bool, int, str]:
    """CouchDB's order of leaves: the greatest wins."""
    return (not leaf.get("deleted", False), generation(rev), rev.split("-", 1)[1])


def pick_winner(leaves: dict[str, Entry]) -> str:
    return max(leaves, key=lambda rev: rev_key(rev, leaves[rev]))


def rivals(entry: Entry) -> list[str]:
    """The leaves that contest a live winner: other live leaves and deletions by a person."""
    winner = entry.get("winner")
    leaves = entry.get("leaves", {})
    if winner is None or leaves.get(winner, {}).get("deleted", True):
        return []
    return sorted(
        (
            rev
            for rev, leaf in leaves.items()
            if rev != winner and (not leaf.get("deleted") or leaf.get("removed"))
        ),
        key=lambda rev: rev_key(rev, leaves[rev]),
        reverse=True,
    )


def revs_of(rev: str, history: list[str]) -> list[str]:
    """The full revision ids of a leaf's history, newest first."""
    start = generation(rev)
    return [f"{start - i}-{h}" for i, h in enumerate(history)]


def known_revs(entry: Entry) -> set[str]:
    """Every revision id in the histories of the document's leaves."""
    known: set[str] = set()
    for rev, leaf in entry.get("leaves", {}).items():
        known.update(revs_of(rev, leaf["h"]))
    return known
