"""A first start that shows the way: the empty steps table says what to do; the sample."""

from __future__ import annotations

from planner.core.plan import Step
from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.gui.window.first_steps import NO_CLIENT_CHOSEN, NO_CLIENTS, NO_STEPS
from planner.storage import ClientRecord


def _menu_action(window, menu_title: str, text: str):
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == menu_title:
            for entry in action.menu().actions():
                if entry.text().replace("&", "") == text:
                    return entry
    raise AssertionError(f"no {menu_title} › {text}")


def test_an_empty_store_says_to_create_a_client_then_add_techniques(window, qtbot):
    hint = window.empty_hint.label
    qtbot.waitUntil(hint.isVisible)
    assert hint.text() == NO_CLIENTS
    assert "New client…" in hint.text() and "library" in hint.text()
    # It sits inside the empty steps table, whole.
    viewport = window.editor.table.viewport()
    assert hint.parent() is viewport and viewport.rect().contains(hint.geometry())


def test_the_hint_follows_the_therapists_progress(window, qtbot, monkeypatch):
    hint = window.empty_hint.label
    window.store.save_client(ClientRecord("", "Bea Smith"))
    window.empty_hint.refresh()
    assert hint.text() == NO_CLIENT_CHOSEN
    monkeypatch.setattr(asks, "ask_client", lambda parent, record: ClientRecord("", "Alex Doe"))
    window.client_panel.new_client.click()
    assert hint.text() == NO_STEPS and hint.isVisible()
    window.document.push(
        c.InsertStep(window.document, 0, Step("effleurage", "foot", "both", 5, "light"))
    )
    assert not hint.isVisible()


def test_help_opens_a_sample_session_that_is_not_saved(window, qtbot):
    _menu_action(window, "Help", "Open a sample session").trigger()
    plan = window.document.plan
    assert plan.client.name.startswith("Sample client")
    assert set(plan.client.conditions) == {"neuropathy", "diabetes"}
    assert plan.avoid and plan.symptoms and len(plan.steps) >= 6
    assert {f.rule for f in window.document.findings} >= {"diabetes", "contains-avoided-area"}
    assert window.document.session_id == "" and window.isWindowModified()
    assert window.store.clients() == [] and window.store.recent_sessions() == []
    assert not window.empty_hint.label.isVisible()


def test_the_viewport_found_by_name_is_the_tables_own(qtbot):
    from PySide6.QtWidgets import QTableView, QWidget

    from planner.gui.window.first_steps import viewport_of

    table = QTableView()
    qtbot.addWidget(table)
    assert viewport_of(table) is table.viewport()
    # A viewport Qt did not name (one set by hand) is still found.
    table.setViewport(QWidget())
    assert viewport_of(table) is table.viewport()
