"""CouchDB's revision rules as the ledger keeps them (no server needed)."""

from __future__ import annotations

from planner.core.signing import addendum_hash
from planner.storage.ledger import pick_winner, rivals
from planner.sync import revisions
from planner.sync.signed import merge_addenda


def _leaf(deleted: bool = False, removed: bool = False) -> dict:
    return {"h": ["x"], "deleted": deleted, "removed": removed, "pushed": True, "here": False}


def test_a_live_leaf_wins_over_a_longer_deleted_one_and_then_length_counts():
    leaves = {"2-aaa": _leaf(), "5-bbb": _leaf(deleted=True)}
    assert pick_winner(leaves) == "2-aaa"
    leaves["3-aaa"] = _leaf()  # near miss: two live leaves, the longer history wins
    assert pick_winner(leaves) == "3-aaa"
    assert pick_winner({"3-abc": _leaf(), "3-abd": _leaf()}) == "3-abd"  # then the greater id


def test_rivals_are_live_leaves_and_deletions_by_a_person_not_resolutions():
    entry = {
        "winner": "3-w",
        "leaves": {
            "3-w": _leaf(),
            "2-live": _leaf(),
            "4-removed": _leaf(deleted=True, removed=True),
            "4-resolved": _leaf(deleted=True),
        },
    }
    assert rivals(entry) == ["2-live", "4-removed"]  # live ones first, as CouchDB orders them
    entry["winner"] = "4-resolved"  # a deleted winner has no rivals: the record is gone
    assert rivals(entry) == []


def test_revisions_made_here_do_not_depend_on_when_they_are_made():
    one, two = revisions.new_entry("client"), revisions.new_entry("client")
    assert revisions.edit_here(one, "d1") == revisions.edit_here(two, "d1")
    assert revisions.edit_here(one, "d2") == revisions.edit_here(two, "d2")
    assert revisions.edit_here(one, "d3") != revisions.edit_here(two, "d4")  # near miss


def test_a_remote_descendant_replaces_the_leaf_it_grows_from():
    entry = revisions.new_entry("session")
    mine = revisions.edit_here(entry, "d1")
    base = mine.split("-", 1)[1]
    child = {"_rev": "2-zzz", "_revisions": {"start": 2, "ids": ["zzz", base]}, "record": {}}
    assert revisions.add_remote(entry, child)
    assert list(entry["leaves"]) == ["2-zzz"]
    assert not revisions.add_remote(entry, child)  # known: nothing new
    sibling = {"_rev": "2-yyy", "_revisions": {"start": 2, "ids": ["yyy", base]}, "record": {}}
    assert revisions.add_remote(entry, sibling)
    assert sorted(entry["leaves"]) == ["2-yyy", "2-zzz"]  # a branch: a conflict


def test_addenda_merge_keeps_the_shared_ones_and_chains_the_rest_by_time():
    sign = "s" * 64
    first = {"therapist": "Sam", "signed_at": "2026-03-02T09:00:00+00:00", "text": "A"}
    first["sha256"] = addendum_hash(sign, "Sam", first["signed_at"], "A")
    later = {"therapist": "Jo", "signed_at": "2026-03-02T11:00:00+00:00", "text": "B"}
    later["sha256"] = addendum_hash(sign, "Jo", later["signed_at"], "B")
    merged = merge_addenda(sign, [[first], [later]])
    assert [a["text"] for a in merged] == ["A", "B"]
    assert merged[0]["sha256"] == first["sha256"]  # the first keeps its hash
    assert merged[1]["sha256"] == addendum_hash(first["sha256"], "Jo", later["signed_at"], "B")
    assert merge_addenda(sign, [[first], [first]]) == [first]  # the same on both: once
