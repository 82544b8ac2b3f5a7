"""Opening a window over a store for the GUI tests (the window fixture, and tests that restart)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from planner.gui.common import asks


@contextmanager
def open_window(qtbot, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A shown window over the store in ``folder``, closed (and the store with it) afterwards."""
    from planner.gui.window.app import build_window, open_store

    opened = open_store(folder)
    assert opened is not None
    store, reason = opened
    main = build_window(store, reason)
    # Leftover changes are discarded when the window closes after the test (tests about
    # the question replace this answer).
    monkeypatch.setattr(asks, "ask_save_changes", lambda parent, what: "discard")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    try:
        yield main
    finally:
        main.close()
        store.close()


def choose_client(main, record):  # type: ignore[no-untyped-def]
    """Store ``record`` and choose it in the client panel as a therapist would; the stored one."""
    saved = main.store.save_client(record)
    panel = main.client_panel
    panel.refresh_clients()
    panel.client.setCurrentIndex(panel.client.findData(saved.id))
    panel.client.activated.emit(panel.client.currentIndex())
    return saved
