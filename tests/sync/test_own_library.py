"""Own techniques and exercises travel so that own.json always holds what it names."""

from __future__ import annotations

import dataclasses

import pytest
from couch_server import Server
from sync_helpers import OWN_EXERCISE, OWN_TECHNIQUE, everything, sync_desk

from planner.storage import Store
from planner.sync import engine


def test_a_technique_arriving_before_its_edited_exercise(desks, database, server, monkeypatch):
    a, b = desks["a"], desks["b"]
    with Store.open(a) as store:
        store.save_exercise(OWN_EXERCISE)
        store.save_technique(OWN_TECHNIQUE)
    sync_desk(a, database, server)
    with Store.open(a) as store:  # the exercise now comes after the technique in the feed
        store.save_exercise(dataclasses.replace(OWN_EXERCISE, minutes=4))
    sync_desk(a, database, server)
    monkeypatch.setattr(engine, "BATCH", 1)  # one change per batch: the technique alone first
    sync_desk(b, database, server)
    with Store.open(b) as store:
        library = store.library()
        assert library.techniques["my-foot-opener"].exercises == ("my-toe-spread",)
        assert library.exercises["my-toe-spread"].minutes == 4
    assert everything(a) == everything(b)


@pytest.mark.parametrize("first", ["a", "b"])
def test_an_exercise_deleted_while_another_desk_suggests_it_comes_back(
    desks, database: str, server: Server, first: str
):
    a, b = desks["a"], desks["b"]
    with Store.open(a) as store:
        store.save_exercise(OWN_EXERCISE)
    sync_desk(a, database, server)
    sync_desk(b, database, server)
    with Store.open(a) as store:
        store.delete_exercise(OWN_EXERCISE.id)
    with Store.open(b) as store:
        store.save_technique(OWN_TECHNIQUE)  # suggests the exercise A just deleted
    order = (a, b) if first == "a" else (b, a)
    for desk in (*order, *order):
        sync_desk(desk, database, server)
    for desk in (a, b):
        with Store.open(desk) as store:  # opens: own.json is whole on both desks
            assert OWN_EXERCISE.id in store.library().exercises
            assert OWN_TECHNIQUE.id in store.library().techniques
    assert everything(a) == everything(b)
