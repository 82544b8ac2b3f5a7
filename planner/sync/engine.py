"""Two-way sync of a store with a CouchDB database, by the replication protocol.

One sync: finish any interrupted writes (the journal), give the store's
changes revisions (:func:`planner.sync.local.scan`), push the revisions the
server lacks (``_revs_diff``, then ``_bulk_docs`` with ``new_edits=false``, so
the server keeps our histories and finds the conflicts itself), then pull the
server's changes since our checkpoint (``_changes?style=all_docs``, the
missing leaves by ``_bulk_get?revs=true``), merge them into the ledger, write
the winners into the store, and only then move the checkpoint, in the ledger
and in a ``_local`` document on the server. A last push sends what the pull
produced (merged addenda).

The checkpoint is used only when the server's ``_local`` document agrees with
the ledger; otherwise the changes are read from the start, which is safe
because every step is idempotent (known revisions are skipped).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner.storage import documents as d
from planner.storage.ledger import Ledger, known_revs, revs_of
from planner.sync import local, orphans, revisions
from planner.sync.couch import Couch
from planner.sync.local import Runner
from planner.sync.signed import merge_signed

if TYPE_CHECKING:
    from planner.storage.store import Store

BATCH = 2000
Progress = Callable[[str], None]
direct = local.direct


@dataclass(frozen=True)
class SyncResult:
    """What a sync did: revisions sent and received, conflicts waiting, documents written
    into the store, and the documents kept as the window has them (edited there)."""

    sent: int
    received: int
    conflicts: int
    written: frozenset[str] = frozenset()
    held: frozenset[str] = frozenset()


Held = Callable[[], set[str]]


def _nothing_held() -> set[str]:
    return set()


def sync(
    store: Store,
    couch: Couch,
    progress: Progress | None = None,
    run: Runner[Any] = direct,
    held: Held = _nothing_held,
) -> SyncResult:
    """Sync ``store`` with the database behind ``couch``; :class:`SyncError` on failure.

    Every step that touches the store goes through ``run``: the window passes one
    that runs it on the window's thread, so that the store is only ever used from
    one thread while the network waits happen on another. ``held`` names the
    documents open with unsaved edits in the window: a newer version of one is
    not written over them (see :func:`planner.sync.local.hold`).
    """
    say = progress or (lambda _: None)
    couch.check()  # first: a sync that cannot start leaves the store folder as it was
    ledger = Ledger(store.folder)
    local.replay_journal(store, ledger, run=run)
    start = _starting_point(couch, ledger)
    if ledger.state.get("url") != couch.url or (start is None and ledger.state.get("since")):
        # Another database, or this one lost our checkpoint (emptied, restored): it may
        # lack what we sent before, so everything is offered again (_revs_diff filters).
        _new_server(ledger, couch.url)
    local.scan(store, ledger, everything=not ledger.docs, run=run, held=frozenset(run(held)))
    say("sending")
    sent = push(couch, store, ledger, run)
    say("receiving")
    outcome = Outcome(run, held)
    received = pull(couch, store, ledger, start, outcome)
    # What the pull could not apply as it came (see OwnKind), and records held till now.
    local.scan(store, ledger, run=run, held=frozenset(run(held)))
    sent += push(couch, store, ledger, run)
    if "unsaved_since" in ledger.state:
        _move_checkpoint(couch, ledger, ledger.state["unsaved_since"])
    elif ledger.dirty:
        ledger.save()
    return SyncResult(
        sent,
        received,
        len(ledger.conflicted()),
        frozenset(ledger.written),
        frozenset(outcome.held),
    )


class Outcome:
    """How the pull runs store steps, and what it kept as the window has it."""

    def __init__(self, run: Runner[Any], held: Held) -> None:
        self.run = run
        self.holding = held
        self.held: set[str] = set()


def _new_server(ledger: Ledger, url: str) -> None:
    """Another database: everything is offered to it, and its feed read from the start."""
    ledger.docs.load(ledger.docs.ids())
    for entry in ledger.docs.loaded.values():
        for leaf in entry["leaves"].values():
            leaf["pushed"] = False
    ledger.state.update(url=url, since=None, previous_since=None)
    ledger.save()


def _server_doc(doc: str, rev: str, leaf: dict[str, Any], record: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "_id": doc,
        "_rev": rev,
        "_revisions": {"start": int(rev.split("-")[0]), "ids": leaf["h"]},
        "kind": doc.split(":", 1)[0],
    }
    if leaf["deleted"]:
        body.update(_deleted=True, removed=bool(leaf.get("removed")))
    else:
        body["record"] = record
    return body


def push(couch: Couch, store: Store, ledger: Ledger, run: Runner[Any] = direct) -> int:
    """Send the revisions the server lacks; the count sent."""
    pending = [
        (doc, rev)
        for doc in _loaded(ledger, ledger.unpushed())
        for rev, leaf in ledger.docs[doc]["leaves"].items()
        if not leaf["pushed"]
    ]
    sent = 0
    for start in range(0, len(pending), BATCH):
        batch = pending[start : start + BATCH]
        wanted: dict[str, list[str]] = {}
        for doc, rev in batch:
            wanted.setdefault(doc, []).append(rev)
        missing = couch.revs_diff(wanted)
        todo = [(doc, rev) for doc, rev in batch if rev in missing.get(doc, ())]
        winners = [doc for doc, rev in todo if ledger.docs[doc]["winner"] == rev]
        in_store = local.current_records(store, winners, run)
        docs = []
        for doc, rev in todo:
            leaf = ledger.docs[doc]["leaves"][rev]
            record = leaf.get("record") if leaf.get("record") is not None else in_store.get(doc)
            docs.append(_server_doc(doc, rev, leaf, record))
        if docs:
            couch.bulk_docs(docs)
        for doc, rev in batch:
            ledger.docs[doc]["leaves"][rev]["pushed"] = True
        sent += len(docs)
    if pending:  # saved at the end of the sync: a push cut short is offered again
        ledger.dirty = True
    return sent


def _checkpoint_name(ledger: Ledger) -> str:
    return f"planner-{ledger.state['desk']}"


def _starting_point(couch: Couch, ledger: Ledger) -> Any:
    mark = couch.get_local(_checkpoint_name(ledger)) or {}
    since = ledger.state.get("since")
    if since is not None and mark.get("last_seq") == since:
        return since
    previous = ledger.state.get("previous_since")
    if previous is not None and mark.get("last_seq") == previous:
        return previous
    return None


def pull(couch: Couch, store: Store, ledger: Ledger, since: Any, outcome: Outcome) -> int:
    """Read the server's changes after ``since`` into the store; the revisions taken."""
    ledger.state.pop("unsaved_since", None)  # left by a sync that died: this one decides
    received = 0
    while True:
        feed = couch.changes(since, BATCH)
        results = feed.get("results", [])
        taken = _take(couch, store, ledger, results, outcome)
        received += taken
        last = feed.get("last_seq", since)
        if taken:
            # The checkpoint moves only now: what it covers is in the store and the ledger.
            _move_checkpoint(couch, ledger, last)
        else:
            # Nothing new in this batch: the checkpoint moves with the next save, as
            # re-reading these changes after a crash would change nothing either.
            ledger.state["unsaved_since"] = last
        if len(results) < BATCH or last == since:
            return received
        since = last


def _move_checkpoint(couch: Couch, ledger: Ledger, last: Any) -> None:
    ledger.state.pop("unsaved_since", None)
    ledger.state.update(previous_since=ledger.state.get("since"), since=last)
    ledger.save()
    couch.put_local(_checkpoint_name(ledger), {"last_seq": last})


def _take(
    couch: Couch,
    store: Store,
    ledger: Ledger,
    results: list[dict[str, Any]],
    outcome: Outcome,
) -> int:
    wanted: list[tuple[str, str]] = []
    ledger.docs.load(change.get("id", "") for change in results)
    for change in results:
        doc = change.get("id", "")
        if d.split_doc_id(doc) is None:
            continue  # not one of our records (a design document, say)
        entry = ledger.docs.get(doc)
        known = known_revs(entry) if entry else set()
        for item in change.get("changes", []):
            if item["rev"] not in known:
                wanted.append((doc, item["rev"]))
            elif entry is not None and item["rev"] in entry["leaves"]:
                entry["leaves"][item["rev"]]["pushed"] = True
    if not wanted:
        return 0
    fetched = couch.bulk_get(wanted)
    run = outcome.run
    have = run(lambda: set(store.library().exercises))
    fetched += _exercises_needed(couch, have, fetched)
    touched = sorted({doc["_id"] for doc in fetched})
    in_store = local.current_records(store, touched, run)
    held = set(run(outcome.holding)) & set(touched)
    before = {doc: _store_leaf(ledger.docs.get(doc)) for doc in held}
    for doc in fetched:
        kind = doc["_id"].split(":", 1)[0]
        entry = ledger.docs.setdefault(doc["_id"], revisions.new_entry(kind))
        revisions.add_remote(entry, doc)
    for doc in touched:
        entry = ledger.docs[doc]
        local.settle(ledger, doc, entry, in_store.get(doc))
        merge_signed(ledger, doc, entry, in_store.get(doc))
    for doc in held:
        local.hold(ledger, doc, before[doc])
        outcome.held.add(doc)
    local.write_journal(store, ledger, save=False, run=run)  # saved with the checkpoint
    if orphans.keep_clients_of_sessions(store, ledger, in_store, run):
        local.write_journal(store, ledger, save=False, run=run)
    return len(fetched)


def _loaded(ledger: Ledger, docs: list[str]) -> list[str]:
    ledger.docs.load(docs)
    return docs


def _store_leaf(entry: dict[str, Any] | None) -> dict[str, Any] | None:
    """The leaf the store's version is (revision, history, fingerprint), if it is live."""
    if entry is None or entry.get("winner") is None:
        return None
    leaf = entry["leaves"][entry["winner"]]
    if leaf["deleted"]:
        return None
    return {"rev": entry["winner"], "h": list(leaf["h"]), "digest": entry.get("digest")}


def _exercises_needed(
    couch: Couch, have: set[str], fetched: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The own exercises that arriving techniques suggest and this desk lacks.

    The feed lists an exercise edited after its technique after it: fetched now,
    so that own.json never names an exercise it does not hold.
    """
    ids = {doc["_id"] for doc in fetched}
    named = {
        exercise
        for doc in fetched
        if doc.get("kind") == "technique" and not doc.get("_deleted")
        for exercise in (doc.get("record") or {}).get("exercises", ())
    }
    wanted = [(f"exercise:{e}", None) for e in sorted(named - have) if f"exercise:{e}" not in ids]
    return couch.bulk_get(wanted, missing_ok=True) if wanted else []


def revision_history(entry: dict[str, Any], rev: str) -> list[str]:
    """A leaf's full revision ids, newest first (for people and tests)."""
    return revs_of(rev, entry["leaves"][rev]["h"])
