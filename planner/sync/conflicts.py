"""Conflicts: a record changed on two desks (or deleted on one, edited on another).

Both versions are kept (the store shows CouchDB's winner, the ledger keeps the
others) until a person keeps one or merges them. Resolving writes tombstones
on the versions not kept, here, offline; the next sync carries them to the
server and from there to every desk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.storage import documents as d
from planner.storage.errors import StoreError
from planner.storage.ledger import Ledger, rivals
from planner.sync import local, revisions

if TYPE_CHECKING:
    from planner.storage.store import Store

Record = dict[str, Any]


def list_conflicts(store: Store, ledger: Ledger | None = None) -> list[dict[str, Any]]:
    """``[{"kind", "id", "title", "versions"}]``, the store's version first in each."""
    ledger = ledger or Ledger(store.folder, read_only=store.read_only)
    docs = ledger.conflicted()
    in_store = local.current_records(store, docs)
    found = []
    for doc in sorted(docs):
        entry = ledger.docs[doc]
        kind, record_id = doc.split(":", 1)
        versions = []
        for rev in [entry["winner"], *rivals(entry)]:
            leaf = entry["leaves"][rev]
            record = in_store.get(doc) if rev == entry["winner"] else leaf.get("record")
            versions.append(
                {
                    "rev": rev,
                    "shown": rev == entry["winner"],
                    "made_here": bool(leaf.get("here")),
                    "deleted": bool(leaf["deleted"]),
                    "record": None if leaf["deleted"] else record,
                }
            )
        title = next((d.BY_NAME[kind].title(v["record"]) for v in versions if v["record"]), "")
        found.append({"kind": kind, "id": record_id, "title": title, "versions": versions})
    return found


def _find(ledger: Ledger, wanted: str) -> str:
    docs = [doc for doc in ledger.conflicted() if wanted in (doc, doc.split(":", 1)[1])]
    docs = [doc for doc in docs if rivals(ledger.docs[doc])]
    if not docs:
        raise StoreError(f"There is no conflict about {wanted!r}.")
    if len(docs) > 1:
        raise StoreError(f"{wanted!r} names several records; give one of {', '.join(docs)}.")
    return docs[0]


def resolve_conflict(
    store: Store, wanted: str, keep: str, merged: Record | None = None
) -> dict[str, Any]:
    """Keep one version (``mine``, ``theirs`` or a revision id), or ``merged`` on top of it.

    Returns the kept version's ``{"kind", "id", "rev", "deleted"}``.
    """
    store._writable()  # type: ignore[attr-defined]
    ledger = Ledger(store.folder)
    local.replay_journal(store, ledger)
    local.scan(store, ledger)  # an edit made since the last sync is a version too
    doc = _find(ledger, wanted)
    entry = ledger.docs[doc]
    options = [entry["winner"], *rivals(entry)]
    try:
        chosen = revisions.choose(options, entry, keep)
    except KeyError:
        raise StoreError(
            f"{keep!r} is not a version of {wanted!r}: give mine, theirs or one of "
            f"{', '.join(options)}."
        ) from None
    kind, record_id = doc.split(":", 1)
    if kind == "client" and merged is None and entry["leaves"][chosen]["deleted"]:
        return _delete_client_again(store, ledger, record_id)
    current = local.current_records(store, [doc]).get(doc)
    if merged is not None:
        revisions.resolve(entry, chosen, merged, d.digest(merged))
    else:
        revisions.resolve(entry, chosen)
    local.settle(ledger, doc, entry, current)
    local.write_journal(store, ledger)
    ledger.state["sources"] = d.sources(store.folder)
    ledger.save()
    winner = entry["leaves"][entry["winner"]]
    return {"kind": kind, "id": record_id, "rev": entry["winner"], "deleted": winner["deleted"]}


def _delete_client_again(store: Store, ledger: Ledger, client_id: str) -> dict[str, Any]:
    """Keep a deletion of a client brought back for their sessions: delete them all again.

    Deleted as a person deletes (a backup first, the sessions, then the client);
    the scan gives each a tombstone, so the next sync takes them to every desk.
    """
    store.delete_client(client_id)
    local.scan(store, ledger)
    ledger.state["sources"] = d.sources(store.folder)
    ledger.save()
    entry = ledger.docs[d.doc_id("client", client_id)]
    return {"kind": "client", "id": client_id, "rev": entry["winner"], "deleted": True}
