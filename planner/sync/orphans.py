"""A client deleted on one desk while a session of theirs was added or edited on another.

Taking the deletion would leave that session with no client: invisible, as good
as lost. Instead the client comes back as a conflict of deletion against edit:
a live revision on top of the last live version the deletion replaced (the
store's record before the pull), beside the deletion. CouchDB's rule makes the
live one the winner on every desk; ``planner conflicts`` lists it until the
therapist keeps the deletion (the client and their sessions go, on purpose) or
keeps the client.

The revision id is derived from the deleted revision's parent, so two desks
bringing back the same client make the same revision, not a second conflict.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from planner.storage import documents as d
from planner.storage.ledger import Ledger, generation
from planner.sync import local, revisions
from planner.sync.local import Runner

if TYPE_CHECKING:
    from planner.storage.store import Store

Record = dict[str, Any]


def _live_sessions(store: Store, client_id: str) -> bool:
    return any(True for _ in d.records_in(store, f"{d.SESSIONS_DIR}/{client_id}.json"))


def keep_clients_of_sessions(
    store: Store, ledger: Ledger, before: dict[str, Record], run: Runner[Any]
) -> list[str]:
    """Bring back the clients just deleted whose sessions live on; the documents revived.

    ``before`` holds the store's records of the documents the pull touched, as
    they were before it (a deleted client's last live version is among them).
    """
    revived = []
    for doc, record in sorted(before.items()):
        entry = ledger.docs.get(doc)
        if not doc.startswith("client:") or entry is None or entry.get("winner") is None:
            continue
        tombstone = entry["leaves"][entry["winner"]]
        if not tombstone.get("removed") or len(tombstone["h"]) < 2:
            continue
        if not run(partial(_live_sessions, store, doc.split(":", 1)[1])):
            continue
        parent = f"{generation(entry['winner']) - 1}-{tombstone['h'][1]}"
        rev = f"{generation(entry['winner'])}-{revisions.restore_hash(parent)}"
        entry["leaves"][rev] = {
            "h": [rev.split("-", 1)[1], *tombstone["h"][1:]][: revisions.MAX_HISTORY],
            "deleted": False,
            "removed": False,
            "pushed": False,
            "here": True,
            "record": record,
        }
        local.settle(ledger, doc, entry, None)
        revived.append(doc)
    return revived
