"""Records open in a dialog are named for the clinic sync (held), and only while open."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from window_helpers import choose_client

from planner.gui.common import asks
from planner.gui.common.editing import being_edited, open_in_dialog
from planner.storage import ClientRecord

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "storage"))
from storage_helpers import OWN_EXERCISE, OWN_TECHNIQUE  # noqa: E402


def test_held_only_while_the_block_runs_and_nothing_for_a_new_record(window) -> None:
    with open_in_dialog(window.store, "client", "c1"):
        assert being_edited(window.store) == {"client:c1"}
        with open_in_dialog(window.store, "client", ""):  # a new record: nothing to hold
            assert being_edited(window.store) == {"client:c1"}
    assert being_edited(window.store) == set()


def test_the_record_in_each_edit_dialog_is_held_while_it_is_open(window, qtbot, monkeypatch):
    store = window.store
    client = choose_client(window, ClientRecord("", "Margaret Olsen"))
    store.save_exercise(OWN_EXERCISE)
    store.save_technique(OWN_TECHNIQUE)
    window.document.set_library(store.library())
    seen: dict[str, set[str]] = {}

    def answer(name: str, value):  # type: ignore[no-untyped-def]
        def ask(*args, **kwargs):  # type: ignore[no-untyped-def]
            seen[name] = being_edited(store)
            return value

        return ask

    monkeypatch.setattr(asks, "ask_client", answer("client", client))
    monkeypatch.setattr(asks, "ask_exercise", answer("exercise", OWN_EXERCISE))
    monkeypatch.setattr(asks, "ask_technique", answer("technique", OWN_TECHNIQUE))
    window.client_panel._on_edit_client()
    window.home_care_dock.raise_()
    qtbot.waitUntil(lambda: window._home_care.is_built)
    window.home_care.edit_own(OWN_EXERCISE.id, editing=True)
    window.files.edit_technique(OWN_TECHNIQUE.id, True)
    assert seen == {
        "client": {f"client:{client.id}"},
        "exercise": {f"exercise:{OWN_EXERCISE.id}"},
        "technique": {f"technique:{OWN_TECHNIQUE.id}"},
    }
    assert being_edited(store) == set()
    # A duplicate is a new record: nothing of the store's is open.
    monkeypatch.setattr(asks, "ask_exercise", answer("duplicate", dataclasses.replace(
        OWN_EXERCISE, id="my-copy")))  # fmt: skip
    window.home_care.edit_own(OWN_EXERCISE.id, editing=False)
    assert seen["duplicate"] == set()
