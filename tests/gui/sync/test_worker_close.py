"""The sync worker's connections are closed however the window's close and the sync's end meet."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

import planner.sync.couch as couch_module
import planner.sync.engine as engine_module
from planner.gui.sync.worker import SyncWorker


class _Couch:
    made: list[_Couch] = []

    def __init__(self, *args: object) -> None:
        self.closed = 0
        _Couch.made.append(self)

    def close(self) -> None:
        self.closed += 1


@pytest.fixture
def worker(qtbot, monkeypatch, tmp_path):
    _Couch.made.clear()
    monkeypatch.setattr(couch_module, "Couch", _Couch)
    monkeypatch.setattr(engine_module, "sync", lambda *a, **k: "done")
    return SyncWorker(store=None, held=set)  # type: ignore[arg-type]


def test_closing_as_the_sync_ends_closes_the_connections_once(worker):
    # The window closes in the moment between the sync's end and its thread's end:
    # the thread has decided not to close, the window sees the thread alive.
    emitted = threading.Event()
    worker.finished.connect(lambda _: (worker.close(), emitted.set()), Qt.DirectConnection)
    assert worker.start("http://127.0.0.1:5984/practice", "sam", "pw")
    assert emitted.wait(10)
    worker._thread.join(10)
    assert [c.closed for c in _Couch.made] == [1]


def test_closing_during_a_sync_leaves_the_closing_to_the_sync(worker, monkeypatch):
    release = threading.Event()

    def slow(*args, **kwargs):
        release.wait(10)
        return "done"

    monkeypatch.setattr(engine_module, "sync", slow)
    seen: list[object] = []
    worker.finished.connect(seen.append, Qt.DirectConnection)
    assert worker.start("http://127.0.0.1:5984/practice", "sam", "pw")
    worker.close()
    assert worker.running and [c.closed for c in _Couch.made] == [0]
    release.set()
    worker._thread.join(10)
    assert [c.closed for c in _Couch.made] == [1] and seen == []  # no answer to a closed window


def test_an_idle_worker_closes_its_kept_connections_at_once(worker):
    done = threading.Event()
    worker.finished.connect(lambda _: done.set(), Qt.DirectConnection)
    worker.start("http://127.0.0.1:5984/practice", "sam", "pw")
    assert done.wait(10)
    worker._thread.join(10)
    assert [c.closed for c in _Couch.made] == [0]  # kept for the next sync
    worker.close()
    assert [c.closed for c in _Couch.made] == [1]
