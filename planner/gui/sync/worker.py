"""A sync on a worker thread, with every step that touches the store run on the window's.

The store is not shared between threads: the engine hands each store step to
:meth:`SyncWorker.on_window_thread`, which posts it to the window's thread and
waits, so only the network waits (and the ledger's own file) happen beside
the window. Each store step is one batch of a sync: short for a sync of a few
changes.

Signals:
    finished(object): the engine's SyncResult, or the SyncError's one line (str).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from planner.storage import Store


class _Step:
    def __init__(self, step: Callable[[], Any]) -> None:
        self.step = step
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None


class SyncWorker(QObject):
    """Runs one sync at a time for a window's store."""

    finished = Signal(object)
    _post = Signal(object)

    def __init__(
        self, store: Store, held: Callable[[], set[str]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.held = held  # the documents open with unsaved edits (asked on the window's thread)
        self._thread: threading.Thread | None = None
        self.closing = False
        self._busy = False  # a sync owns the connections (changed under _lock only)
        self._lock = threading.Lock()
        self._couch: tuple[tuple[str, str, str], Any] | None = None
        self._post.connect(self._run_step)

    @property
    def running(self) -> bool:
        return self._busy or (self._thread is not None and self._thread.is_alive())

    def start(self, url: str, user: str, password: str) -> bool:
        """Start a sync; False if one is running already."""
        if self.running:
            return False
        with self._lock:
            self._busy = True
        self._thread = threading.Thread(
            target=self._work, args=(url, user, password), name="clinic-sync", daemon=True
        )
        self._thread.start()
        return True

    def _work(self, url: str, user: str, password: str) -> None:
        from planner.storage import StoreError
        from planner.sync.couch import Couch, SyncError
        from planner.sync.engine import sync

        try:
            key = (url, user, password)
            if self._couch is None or self._couch[0] != key:
                if self._couch is not None:
                    self._couch[1].close()
                self._couch = (key, Couch(url, user, password))  # kept: its connections too
            couch = self._couch[1]
            outcome: Any = sync(self.store, couch, run=self.on_window_thread, held=self.held)
        except (SyncError, StoreError) as error:
            outcome = str(error)
        except Exception as error:  # never lose the thread silently
            outcome = f"The sync stopped: {error}"
        with self._lock:  # one of this thread and close() closes the connections, never neither
            self._busy = False
            closing = self.closing
            if closing:
                self.close_client()
        if not closing:
            self.finished.emit(outcome)

    def close_client(self) -> None:
        """Close the kept connections (when the window closes)."""
        if self._couch is not None:
            self._couch[1].close()
            self._couch = None

    def close(self) -> None:
        """The window closes: stop waiting for it, and close the connections if idle."""
        with self._lock:
            self.closing = True
            if not self._busy:
                self.close_client()

    def on_window_thread(self, step: Callable[[], Any]) -> Any:
        """Run ``step`` on the window's thread and return what it returns."""
        from planner.sync.couch import SyncError

        if threading.current_thread() is threading.main_thread():
            return step()
        if self.closing:
            raise SyncError("The window was closed during the sync.")
        item = _Step(step)
        self._post.emit(item)
        while not item.done.wait(0.5):
            if self.closing:
                raise SyncError("The window was closed during the sync.")
        if item.error is not None:
            raise item.error
        return item.result

    @Slot(object)
    def _run_step(self, item: _Step) -> None:
        try:
            item.result = item.step()
        except BaseException as error:  # handed back to the worker thread
            item.error = error
        finally:
            item.done.set()
