"""Tools › Clinic sync in the window: a sync beside the window, the status bar, conflicts."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from couch_server import Server
from PySide6.QtCore import QTimer
from sync_helpers import fill, session_edited_on_both, sync_desk
from window_helpers import choose_client, open_window

from planner.gui.common import asks
from planner.gui.sync.dialogs import (
    ConflictsDialog,
    ServerDialog,
    differences,
    field_name,
    merged_record,
)
from planner.storage import Store
from planner.sync.conflicts import list_conflicts


def _point_at(main, url: str, server: Server) -> None:
    room = main.sync_room
    room.url, room.user, room.password = url, server.user, server.password


def _sync(qtbot, main) -> object:
    with qtbot.waitSignal(main.sync_room.synced, timeout=120_000) as finished:
        main.sync_room.sync_now()
    return finished.args[0]


def test_a_sync_from_the_window_brings_the_other_desks_records(
    qtbot, tmp_path: Path, monkeypatch, couch: Server
):
    url = couch.new_database()
    other = tmp_path / "other-desk"
    made = fill(other, clients=3, sessions=2)
    sync_desk(other, url, couch)
    with open_window(qtbot, tmp_path / "here", monkeypatch) as main:
        _point_at(main, url, couch)
        gaps: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setInterval(5)
        heartbeat.timeout.connect(beat)
        heartbeat.start()
        result = _sync(qtbot, main)
        heartbeat.stop()
        assert not isinstance(result, str), result
        assert result.received == len(made["sessions"]) + 3 + 3  # own x2, template, clients
        assert main.sync_room.note.text().startswith("Synced: ")
        names = [c.name for c in main.store.clients()]
        assert names == ["Client 0", "Client 1", "Client 2"]
        assert "my-foot-opener" in main.document.library.techniques
        print(f"longest pause of the window during the sync: {max(gaps) * 1000:.0f} ms")


def test_a_failed_sync_says_why_in_the_status_bar(qtbot, window, couch: Server):
    window.sync_room.url = couch.root + "/no-such-database"
    window.sync_room.user, window.sync_room.password = couch.user, couch.password
    outcome = _sync(qtbot, window)
    assert isinstance(outcome, str) and "no database" in outcome
    assert window.sync_room.note.text() == f"Not synced: {outcome}"


def test_conflicts_side_by_side_then_merged(qtbot, tmp_path: Path, monkeypatch, couch: Server):
    url = couch.new_database()
    here, other = tmp_path / "here", tmp_path / "other"
    session = session_edited_on_both(
        here, other, url, couch, ("Tender left heel", "Heel fine today")
    )
    sync_desk(other, url, couch)
    with open_window(qtbot, here, monkeypatch) as main:
        _point_at(main, url, couch)
        assert _sync(qtbot, main).conflicts == 1
        assert main.sync_room.note.text().endswith("1 conflict waits")
        dialog = ConflictsDialog(main, main.store)
        qtbot.addWidget(dialog)
        assert dialog.list.count() == 1
        shown = main.store.session(session.id).after_notes  # CouchDB's winner, on both desks
        (other_note,) = {"Tender left heel", "Heel fine today"} - {shown}
        left, right = dialog.left.toHtml(), dialog.right.toHtml()
        assert shown in left and other_note in right
        assert "#fff2a8" in left.lower() and "#fff2a8" in right.lower()  # what differs
        fields = [dialog.fields.item(i).text() for i in range(dialog.fields.count())]
        assert "After-session notes" in fields
        dialog.fields.item(fields.index("After-session notes")).setCheckState(
            dialog.fields.item(0).checkState().Checked
        )
        dialog.merge.click()
        assert dialog.remaining == 0 and dialog.list.count() == 0
        assert main.store.session(session.id).after_notes == other_note
        assert _sync(qtbot, main).conflicts == 0
    sync_desk(other, url, couch)
    assert sync_desk(other, url, couch).conflicts == 0


def test_merge_takes_the_ticked_values_only():
    mine = {"id": "s1", "after_notes": "A", "plan": {"title": "Feet", "length_minutes": 45}}
    theirs = {"id": "s1", "after_notes": "B", "plan": {"title": "Hands", "length_minutes": 45}}
    assert differences(mine, theirs) == [("after_notes",), ("plan", "title")]
    merged = merged_record(mine, theirs, [("plan", "title")])
    assert merged == {
        "id": "s1",
        "after_notes": "A",
        "plan": {"title": "Hands", "length_minutes": 45},
    }
    assert mine["plan"]["title"] == "Feet"  # the versions themselves are not changed


def test_fields_are_named_in_words():
    assert field_name(("after_notes",)) == "After-session notes"
    assert field_name(("plan", "length_minutes")) == "Session › Length (minutes)"
    assert field_name(("plan", "title")) == "Session › Title"


def test_server_dialog_gives_a_checked_address(qtbot):
    dialog = ServerDialog(None, "", "")
    qtbot.addWidget(dialog)
    dialog.url.setText(" http://127.0.0.1:5984/practice/ ")
    dialog.user.setText(" sam ")
    dialog.password.setText("secret")
    assert dialog.values() == ("http://127.0.0.1:5984/practice", "sam", "secret")


def test_a_client_open_in_its_dialog_is_not_written_over_by_a_sync(
    qtbot, tmp_path: Path, monkeypatch, couch: Server
):
    url = couch.new_database()
    here, other = tmp_path / "here", tmp_path / "other"
    client = fill(here, clients=1, sessions=0)["clients"][0]
    sync_desk(here, url, couch)
    sync_desk(other, url, couch)
    with Store.open(other) as store:  # the other desk changes the client's notes
        store.save_client(dataclasses.replace(store.client(client.id), notes="From the other desk"))
    sync_desk(other, url, couch)
    with open_window(qtbot, here, monkeypatch) as main:
        _point_at(main, url, couch)
        choose_client(main, main.store.client(client.id))
        seen_in_dialog: list[object] = []

        def edit_while_a_sync_runs(parent, record):
            seen_in_dialog.append(_sync(qtbot, main))  # the sync comes while the dialog is open
            assert main.store.client(client.id).notes == ""  # held: not written under it
            return dataclasses.replace(record, notes="From this desk")

        monkeypatch.setattr(asks, "ask_client", edit_while_a_sync_runs)
        main.client_panel._on_edit_client()
        assert not isinstance(seen_in_dialog[0], str), seen_in_dialog
        assert main.store.client(client.id).notes == "From this desk"
        assert _sync(qtbot, main).conflicts == 1  # both versions kept, none lost
        (conflict,) = list_conflicts(main.store)
        notes = {v["record"]["notes"] for v in conflict["versions"]}
        assert notes == {"From this desk", "From the other desk"}
