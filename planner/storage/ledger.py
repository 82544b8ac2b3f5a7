"""The sync ledger: what the store knows of each document's revisions (``sync.json``).

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

The file is a tinydb database written through :class:`AtomicJSONStorage`:
every save replaces it whole, atomically. It is one JSON object with one
document per line (:class:`LedgerStorage`), read and written line by line: a
single call to parse or write 22,000 entries holds Python's interpreter lock
for a tenth of a second or more, and the window syncs beside its own thread.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from planner.storage.jsonstorage import AtomicJSONStorage
from planner.storage.paths import LEDGER_FILE

Entry = dict[str, Any]
__all__ = ["LEDGER_FILE", "Ledger", "new_ledger"]


def new_ledger() -> dict[str, dict[str, Any]]:
    """The tables of an empty ledger, with a new desk id."""
    state = {"desk": uuid.uuid4().hex, "since": None}
    return {"state": {"1": state}, "docs": {}, "journal": {}, "waiting": {}}


_DOCS = ',"docs":{'
_COMPACT = (",", ":")


class LedgerStorage(AtomicJSONStorage):
    """The ledger's file: a JSON object whose ``docs`` are written one per line.

    ``{"state":…,"journal":…,"waiting":…,"docs":{`` on the first line, then
    ``"<id>":<entry>,`` per line, then ``}}``: valid JSON for any reader, and
    parsed here one small line at a time.
    """

    def encode(self, data: dict[str, dict[str, Any]]) -> bytes:
        head = {key: value for key, value in data.items() if key != "docs"}
        first = json.dumps(head, ensure_ascii=False, separators=_COMPACT)[:-1] + _DOCS
        lines = [
            json.dumps(doc) + ":" + json.dumps(entry, ensure_ascii=False, separators=_COMPACT)
            for doc, entry in data.get("docs", {}).items()
        ]
        return (first + "\n" + ",\n".join(lines) + "\n}}\n").encode("utf-8")

    def decode(self, raw: bytes) -> dict[str, dict[str, Any]]:
        try:
            text = raw.decode("utf-8")
            first, _, rest = text.partition("\n")
            body = rest.rstrip()
            if not (first.endswith(_DOCS) and body.endswith("}}")):
                return super().decode(raw)
            data = json.loads(first[: -len(_DOCS)] + "}")
            docs: dict[str, Any] = {}
            for line in body[:-2].split("\n"):
                line = line[:-1] if line.endswith(",") else line
                if line:
                    docs.update(json.loads("{" + line + "}"))
            data["docs"] = docs
        except (UnicodeDecodeError, ValueError, RecursionError):
            return super().decode(raw)  # reports the damage (and keeps the bytes)
        return data


class Ledger:
    """The ledger of one store folder, read whole and saved whole."""

    def __init__(self, folder: Path, *, read_only: bool = False) -> None:
        self.path = folder / LEDGER_FILE
        self._storage = LedgerStorage(self.path, read_only=read_only)
        data = self._storage.read()
        if data is None:
            data = new_ledger()
        state = data.get("state", {}).get("1") or new_ledger()["state"]["1"]
        self.state: dict[str, Any] = dict(state)
        self.docs: dict[str, Entry] = dict(data.get("docs", {}))
        self.journal: dict[str, Entry] = dict(data.get("journal", {}))
        self.waiting: dict[str, Entry] = dict(data.get("waiting", {}))
        self.dirty = False  # changed since the last save, and not yet saved on purpose
        self.written: set[str] = set()  # documents written into the store since opened

    def save(self) -> None:
        tables = {
            "state": {"1": self.state},
            "docs": self.docs,
            "journal": self.journal,
            "waiting": self.waiting,
        }
        self._storage.write(tables)
        self.dirty = False

    # -- reading entries -------------------------------------------------------

    def conflicted(self) -> list[str]:
        """Ids of the documents whose winner has a rival (a live leaf, or a person's deletion)."""
        return [doc for doc, entry in self.docs.items() if rivals(entry)]


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
