"""Signed sessions meet: their content cannot differ, so only their addenda merge.

A signed session is never edited, only given addenda (planner.core.signing).
When two desks each add addenda to the same signed session offline, the two
revisions differ only in their addenda: the sync keeps the addenda the two
share, adds the others after them in the order they were signed, and chains
their hashes again (each addendum's hash covers the one before it), so that the
merged session passes ``planner store check``. No conflict is left for a
person. Versions whose signed content differs (or a signed version against an
unsigned edit or a deletion) stay a conflict.
"""

from __future__ import annotations

from typing import Any

from planner.core.signing import addendum_hash, content_hash
from planner.storage import documents as d
from planner.storage.ledger import Entry, Ledger, rivals
from planner.sync import local, revisions

Record = dict[str, Any]


def _signature(record: Record | None) -> str | None:
    plan = (record or {}).get("plan")
    if not isinstance(plan, dict) or not isinstance(plan.get("signature"), dict):
        return None
    sha = plan["signature"].get("sha256")
    return sha if isinstance(sha, str) and content_hash(plan) == sha else None


def merge_addenda(start: str, lists: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The addenda of versions of one signed session, merged and chained from ``start``.

    ``start`` is the signature's hash, which the first addendum's hash covers.
    """
    shared: list[dict[str, Any]] = []
    for items in zip(*lists, strict=False):
        if all(item == items[0] for item in items):
            shared.append(items[0])
        else:
            break
    rest: dict[tuple[str, str, str], dict[str, Any]] = {}
    for items in lists:
        for item in items[len(shared) :]:
            key = (str(item.get("signed_at")), str(item.get("therapist")), str(item.get("text")))
            rest.setdefault(key, item)
    merged = list(shared)
    for signed_at, therapist, text in sorted(rest):
        previous = merged[-1]["sha256"] if merged else start
        item = rest[(signed_at, therapist, text)]
        merged.append({**item, "sha256": addendum_hash(previous, therapist, signed_at, text)})
    return merged


def merge_signed(ledger: Ledger, doc: str, entry: Entry, store_record: Record | None) -> bool:
    """Merge the addenda of a signed session's rival versions into one; True if it did."""
    if entry.get("kind") != "session":
        return False
    others = rivals(entry)
    if not others:
        return False
    leaves = entry["leaves"]
    winner = entry["winner"]
    journal = ledger.journal.get(doc)
    current = journal["record"] if journal is not None else store_record
    versions = [current] + [leaves[rev].get("record") for rev in others]
    signatures = {_signature(record) for record in versions}
    if len(signatures) != 1 or None in signatures or any(leaves[r]["deleted"] for r in others):
        return False
    base = versions[0]
    assert base is not None
    start = base["plan"]["signature"]["sha256"]
    lists = [list((v or {})["plan"].get("addenda") or []) for v in versions]
    addenda = merge_addenda(start, lists)
    merged = {**base, "plan": {**base["plan"], "addenda": addenda}}
    revisions.resolve(entry, winner, merged, d.digest(merged))
    local.settle(ledger, doc, entry, current)
    return True
