"""The local half of a sync: finding the store's changes, and writing records into it.

Writes go through the ledger's journal: the records are saved in the ledger
first, then written to the store, then the journal is cleared. A sync killed
in between finishes the writes when it starts again (:func:`replay_journal`)
before it looks for changes, so a half-applied batch never passes for an edit.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from planner.storage import documents as d
from planner.storage.ledger import Entry, Ledger, pick_winner
from planner.sync import revisions

if TYPE_CHECKING:
    from planner.storage.store import Store

Record = dict[str, Any]
T = TypeVar("T")
Runner = Callable[[Callable[[], T]], T]


def direct(step: Callable[[], T]) -> T:
    """Run a step that touches the store here (the window runs each on its own thread)."""
    return step()


def write_journal(
    store: Store, ledger: Ledger, *, save: bool = True, run: Runner[Any] = direct
) -> int:
    """Save the ledger with its journal, write the journal's records, clear it; the count.

    With ``save=False`` the cleared journal is saved by the caller's next save
    (until then a crash only makes the next sync write the same records again).
    """
    if not ledger.journal:
        return 0
    ledger.save()
    replay_journal(store, ledger, scanned=True, save=save, run=run)
    return 1


def replay_journal(
    store: Store,
    ledger: Ledger,
    *,
    scanned: bool = False,
    save: bool = True,
    run: Runner[Any] = direct,
) -> None:
    """Write the records of the ledger's journal into the store, then clear the journal.

    ``scanned``: the store was scanned for changes just before, under the same
    lock, so the files written now hold nothing else new and need no new scan.
    Otherwise (a journal left by a sync that died) they are scanned again.
    Each file is one step of ``run``.
    """
    if not ledger.journal and not ledger.waiting:
        return
    groups: dict[tuple[int, str], dict[str, Record | None]] = defaultdict(dict)
    order = {kind.name: number for number, kind in enumerate(d.KINDS)}
    pending = {**ledger.waiting, **ledger.journal}
    ledger.waiting = {}
    for doc, item in pending.items():
        parts = d.split_doc_id(doc)
        if parts is None:
            continue
        kind = d.BY_NAME[parts[0]]
        groups[(order[kind.name], kind.source_of(parts[1]))][parts[1]] = item.get("record")
    for (number, source), changes in sorted(groups.items()):
        run(functools.partial(_write_source, store, ledger, number, source, changes, scanned))
    ledger.written.update(ledger.journal)
    ledger.journal = {}
    if save:
        ledger.save()


def _write_source(
    store: Store,
    ledger: Ledger,
    number: int,
    source: str,
    changes: dict[str, Record | None],
    scanned: bool,
) -> None:
    kind = d.KINDS[number]
    for record_id, record in kind.write(store, source, changes).items():
        ledger.waiting[d.doc_id(kind.name, record_id)] = {"record": record}
    # own.json is scanned again regardless: an exercise kept there (see
    # documents.OwnKind) must be sent again in this very sync.
    trusted = scanned and source != d.OWN_SOURCE
    seen = ledger.state.setdefault("sources", {})
    seen[source] = d.file_signature(store.folder / source) if trusted else "written"


def settle(ledger: Ledger, doc: str, entry: Entry, store_record: Record | None) -> bool:
    """Choose the winner again; if it changed, journal its record for the store.

    ``store_record`` is what the store holds for the document now (the old
    winner's record), kept in the ledger when that leaf stays open as a rival.
    """
    leaves = entry["leaves"]
    old = entry.get("winner")
    new = pick_winner(leaves)
    if new == old and leaves[new].get("record") is None:
        return False
    if old in leaves and old != new and not leaves[old]["deleted"]:
        leaves[old]["record"] = store_record
    record = None if leaves[new]["deleted"] else leaves[new].get("record")
    if not leaves[new]["deleted"] and record is None:
        record = store_record  # the winner is the store's own version
    leaves[new]["record"] = None
    entry["winner"] = new
    entry["digest"] = None if record is None else d.digest(record)
    ledger.journal[doc] = {"record": record}
    return True


def scan(
    store: Store,
    ledger: Ledger,
    *,
    everything: bool = False,
    run: Runner[Any] = direct,
    held: frozenset[str] = frozenset(),
) -> int:
    """Give every record changed in the store since the last sync a revision; the count.

    Each file is read in one step of ``run``. A record in ``held`` (open with
    unsaved edits in the window) whose newer version waits stays waiting.
    """
    seen: dict[str, Any] = ledger.state.get("sources") or {}
    now: dict[str, Any] = dict(d.sources(store.folder))  # the folder only: beside the window
    changed = [s for s in set(now) | set(seen) if everything or now.get(s) != seen.get(s)]
    if not changed:
        return 0
    by_source: dict[str, list[str]] = defaultdict(list)
    for doc in ledger.docs.live_in(changed):
        parts = d.split_doc_id(doc)
        if parts is not None:
            by_source[d.BY_NAME[parts[0]].source_of(parts[1])].append(doc)
    count = 0
    for source in changed:
        present = set()
        found = run(functools.partial(_read_source, store, source))
        ledger.docs.load(d.doc_id(kind.name, record_id) for kind, record_id, _ in found)
        for kind, record_id, record in found:
            doc = d.doc_id(kind.name, record_id)
            present.add(doc)
            if doc in held and "base" in ledger.docs.get(doc, {}):
                now[source] = "held"  # looked at again next time
            elif doc not in ledger.waiting:
                count += _note_record(ledger, doc, kind.name, record)
        for doc in by_source.get(source, []):
            if doc not in present and doc not in ledger.waiting:
                _note_deletion(ledger, doc)
                count += 1
    ledger.state["sources"] = now
    ledger.save()
    write_journal(store, ledger, run=run)  # a rival brought forward by a deletion here
    return count


def _note_record(ledger: Ledger, doc: str, kind: str, record: Record) -> int:
    entry = ledger.docs.get(doc)
    fingerprint = d.digest(record)
    if entry is not None and "base" in entry:
        return _note_held(ledger, doc, entry, record, fingerprint)
    if entry is not None and entry.get("digest") == fingerprint:
        return 0
    if entry is None:
        entry = ledger.docs[doc] = revisions.new_entry(kind)
    revisions.edit_here(entry, fingerprint)
    return 1


def hold(ledger: Ledger, doc: str, old: Entry | None) -> None:
    """Keep the store's version of ``doc`` (open and edited in the window) for now.

    ``old`` is the leaf the store's version was (its ``rev`` and history ``h``),
    taken before the sync chose a newer winner; the winner's record waits in
    the entry's ``base`` instead of being written over what the window edits.
    The next scan decides: unchanged, the winner is written; saved, the edit
    becomes a rival of the winner (:func:`_note_held`).
    """
    entry = ledger.docs[doc]
    waiting = ledger.journal.pop(doc, None)
    if waiting is None:
        return
    kind, record_id = doc.split(":", 1)
    # The next scan must look at this record even if its file is not written meanwhile.
    ledger.state.setdefault("sources", {})[d.BY_NAME[kind].source_of(record_id)] = "held"
    if "base" in entry:
        entry["base"]["pending"] = waiting["record"]
    elif old is not None:
        entry["base"] = {**old, "pending": waiting["record"]}
    else:
        ledger.journal[doc] = waiting  # nothing of ours to keep: write as usual


def _note_held(ledger: Ledger, doc: str, entry: Entry, record: Record, fingerprint: str) -> int:
    base = entry.pop("base")
    leaves = entry["leaves"]
    winner = entry["winner"]
    pending = base["pending"]
    if not leaves[winner]["deleted"]:
        leaves[winner]["record"] = pending
    if fingerprint == base["digest"]:  # not saved since: the winner is written now
        settle_to(ledger, doc, entry, winner)
        return 0
    revisions.branch_here(entry, base, fingerprint, record)
    settle_to(ledger, doc, entry, pick_winner(leaves), in_store=record)
    return 1


def settle_to(
    ledger: Ledger, doc: str, entry: Entry, winner: str, in_store: Record | None = None
) -> None:
    """Make ``winner`` the store's version: its record is journalled unless the store has it."""
    leaf = entry["leaves"][winner]
    record = None if leaf["deleted"] else leaf.get("record")
    entry["winner"] = winner
    if in_store is not None and record is not None and d.digest(record) == d.digest(in_store):
        leaf["record"] = None
        entry["digest"] = d.digest(in_store)
        return
    leaf["record"] = None
    entry["digest"] = None if record is None else d.digest(record)
    ledger.journal[doc] = {"record": record}


def _note_deletion(ledger: Ledger, doc: str) -> None:
    entry = ledger.docs[doc]
    if "base" in entry:  # deleted while held: the waiting winner is what is deleted
        base = entry.pop("base")
        if not entry["leaves"][entry["winner"]]["deleted"]:
            entry["leaves"][entry["winner"]]["record"] = base["pending"]
    revisions.delete_here(entry)
    winner = entry["leaves"][entry["winner"]]
    if not winner["deleted"]:
        # A rival comes forward: the store shows it (CouchDB does the same).
        ledger.journal[doc] = {"record": winner["record"]}
        entry["digest"] = d.digest(winner["record"])
        winner["record"] = None


def _read_source(store: Store, source: str) -> list[tuple[d.RecordKind, str, Record]]:
    return list(d.records_in(store, source))


def current_records(store: Store, docs: list[str], run: Runner[Any] = direct) -> dict[str, Record]:
    """The store's records for these documents (each source read once, in one step)."""
    wanted: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc in docs:
        parts = d.split_doc_id(doc)
        if parts is not None:
            wanted[d.BY_NAME[parts[0]].source_of(parts[1])].append((doc, parts[1]))
    found: dict[str, Record] = {}
    for source, pairs in wanted.items():
        read = run(functools.partial(_read_source, store, source))
        held = {d.doc_id(k.name, rid): rec for k, rid, rec in read}
        for doc, _ in pairs:
            if doc in held:
                found[doc] = held[doc]
    return found
