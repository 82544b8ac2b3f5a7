"""Revisions of a document in the ledger: local edits, remote leaves, winners, resolution.

This is CouchDB's revision model, kept per document in the ledger
(:mod:`planner.storage.ledger`): a revision id is ``<generation>-<hash>``, each
open leaf carries its history, and the winner is chosen by CouchDB's rule so
that every desk and the server agree without talking. Revision hashes made
here are derived from the parent revision and the content, so doing the same
step twice (after a crash) gives the same revision.
"""

from __future__ import annotations

import hashlib
from typing import Any

from planner.storage.ledger import Entry, generation, known_revs, pick_winner, revs_of, rivals

MAX_HISTORY = 100
Record = dict[str, Any]


def _hash(*parts: str) -> str:
    return hashlib.md5("\n".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()


def _child(entry: Entry, parent: str | None, token: str, **leaf: Any) -> str:
    leaves = entry.setdefault("leaves", {})
    if parent is None:
        rev, history = f"1-{_hash(token)}", []
    else:
        rev, history = f"{generation(parent) + 1}-{_hash(parent, token)}", leaves[parent]["h"]
        del leaves[parent]
    leaves[rev] = {
        "h": [rev.split("-", 1)[1], *history][:MAX_HISTORY],
        "deleted": False,
        "removed": False,
        "pushed": False,
        "here": True,
        "record": None,
        **leaf,
    }
    return rev


def restore_hash(parent: str) -> str:
    """The hash of a deleted record brought back on top of ``parent`` (the same on every desk)."""
    return _hash(parent, "restored")


def new_entry(kind: str) -> Entry:
    return {"kind": kind, "winner": None, "digest": None, "leaves": {}}


def edit_here(entry: Entry, digest: str) -> str:
    """A revision for the store's record (fingerprint ``digest``) on top of the winner."""
    rev = _child(entry, entry.get("winner"), digest)
    entry["winner"], entry["digest"] = rev, digest
    return rev


def branch_here(entry: Entry, base: Entry, digest: str, record: Record) -> str:
    """A revision for an edit made on top of ``base`` (an older revision): a new branch.

    The window saved a session it had opened before the sync brought a newer
    version: the edit becomes a rival of that version, not a silent successor.
    """
    parent = base["rev"]
    rev = f"{generation(parent) + 1}-{_hash(parent, digest)}"
    entry["leaves"][rev] = {
        "h": [rev.split("-", 1)[1], *base["h"]][:MAX_HISTORY],
        "deleted": False,
        "removed": False,
        "pushed": False,
        "here": True,
        "record": record,
    }
    return rev


def delete_here(entry: Entry) -> str:
    """A deletion by a person, on top of the winner (the tombstone carries no content)."""
    rev = _child(entry, entry["winner"], "deleted", deleted=True, removed=True)
    entry["digest"] = None
    entry["winner"] = pick_winner(entry["leaves"])
    return rev


def add_remote(entry: Entry, doc: dict[str, Any]) -> bool:
    """Take a revision read from the server (with ``_revisions``); False if it is known."""
    rev = doc["_rev"]
    if rev in known_revs(entry):
        return False
    history = list(doc.get("_revisions", {}).get("ids") or [rev.split("-", 1)[1]])
    full = set(revs_of(rev, history))
    leaves = entry.setdefault("leaves", {})
    for old in [r for r in leaves if r in full]:
        del leaves[old]
    deleted = bool(doc.get("_deleted"))
    leaves[rev] = {
        "h": history[:MAX_HISTORY],
        "deleted": deleted,
        "removed": deleted and bool(doc.get("removed")),
        "pushed": True,
        "here": False,
        "record": None if deleted else doc.get("record"),
    }
    return True


def resolve(entry: Entry, keep: str, merged: Record | None = None, merged_digest: str = "") -> None:
    """Keep leaf ``keep`` (or ``merged``, a record on top of it); the rivals get tombstones."""
    leaves = entry["leaves"]
    contenders = [entry["winner"], *rivals(entry)]
    for rev in contenders:
        if rev != keep and rev in leaves:
            _child(entry, rev, "resolved", deleted=True)
    if merged is not None:
        _child(entry, keep, merged_digest, record=merged)


def choose(options: list[str], entry: Entry, keep: str) -> str:
    """The leaf that ``--keep mine|theirs|REV`` names among a conflict's ``options``."""
    leaves = entry["leaves"]
    if keep in ("mine", "theirs"):
        here = [rev for rev in options if leaves[rev].get("here")]
        there = [rev for rev in options if not leaves[rev].get("here")]
        if keep == "mine":
            return here[0] if here else entry["winner"]
        others = there or [rev for rev in options if rev != entry["winner"]]
        return others[0]
    if keep not in options:
        raise KeyError(keep)
    return keep
