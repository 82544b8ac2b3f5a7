"""Starting the window: open the store (read-only if another window has it), show the window.

``planner`` with no command calls :func:`run_app`. A damaged store gets one clear
question (restore the latest backup, or quit); nothing here ends in a traceback.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from planner.gui.common import asks
from planner.gui.window.main_window import APP_NAME, APPLICATION, ORGANIZATION, MainWindow

if TYPE_CHECKING:
    from planner.storage import Store, StoreError

# Set by the start-up benchmark: quit as soon as the window has been shown, and (if
# set) write the moment it was on screen (time.monotonic(), shared by all processes
# on Linux) into the file SHOWN_AT names.
QUIT_AFTER_SHOW = "PLANNER_QUIT_AFTER_SHOW"
SHOWN_AT = "PLANNER_SHOWN_AT"


def open_store(
    folder: Path | None, *, first: Store | StoreError | None = None
) -> tuple[Store, str] | None:
    """The store and, when it had to be opened read-only, why; None when the user quit.

    Another window or program holding the store opens it read-only. A damaged
    store asks whether to restore the latest backup; a store from a newer
    program, or one that cannot be opened at all, is explained and not touched.

    Args:
        folder: the store's folder (default: the user data folder).
        first: the outcome of opening it already tried before Qt was loaded (the
            store, or the error it raised), answered here as if just tried.
    """
    from planner.storage import (
        Store,
        StoreDamagedError,
        StoreError,
        StoreLockedError,
        StoreReadOnlyError,
        data_dir,
        restore_backup,
    )

    for attempt in range(2):
        try:
            try:
                if attempt == 0 and first is not None:
                    if isinstance(first, StoreError):
                        raise first
                    return first, ""
                return Store.open(folder), ""
            except (StoreLockedError, StoreReadOnlyError) as error:
                # Another program writes it, or its owner made it read-only: show it, say so.
                return Store.open(folder, read_only=True), str(error)
        except StoreDamagedError as error:
            backup = error.backups[0] if error.backups else None
            if not asks.ask_restore_backup(None, str(error), backup) or backup is None:
                return None
            try:
                restore_backup(folder or data_dir(), backup)
            except StoreError as restore_error:
                asks.show_error(None, APP_NAME, str(restore_error))
                return None
        except StoreError as error:
            asks.show_error(None, APP_NAME, str(error))
            return None
    return None


def build_window(store: Store, read_only_reason: str = "") -> MainWindow:
    """The main window over an open store, with its last layout restored."""
    window = MainWindow(store, store.library(), read_only_reason=read_only_reason)
    window.restore_layout()
    return window


def run_app(
    argv: Sequence[str] = (),
    data_dir: Path | None = None,
    *,
    settle_heap: bool = False,
    opened: Store | StoreError | None = None,
) -> int:
    """Run the window until it is closed; the process exit status.

    Args:
        argv: Qt's own command-line options.
        data_dir: the store's folder (default: the user data folder).
        settle_heap: once the window is shown, move every object made so far out of
            the garbage collector's sight (``gc.freeze``) and turn collection back on.
            Those objects live until the process ends, so later collections, and the
            last one at exit, need not walk them. For a process that is only the
            window (the ``planner`` command), which turned collection off to start.
        opened: the store as opened before Qt was loaded, or the error that raised
            (see :func:`open_store`); None to open it here.
    """
    existing = QApplication.instance()
    if existing is None:
        # The style as an argument: Qt makes it while starting, without a second style object.
        app = QApplication([sys.argv[0], "-style", "Fusion", *argv])
    else:
        assert isinstance(existing, QApplication)
        app = existing
        app.setStyle("Fusion")
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    result = open_store(data_dir, first=opened)
    if result is None:
        return 1
    store, reason = result
    try:
        window = build_window(store, reason)
        window.show()
        if settle_heap:
            _settle_heap()
        if os.environ.get(QUIT_AFTER_SHOW):
            QTimer.singleShot(0, lambda: _quit_after_show(app))
        return app.exec()
    finally:
        store.close()
        if settle_heap:
            gc.enable()  # also when the window never opened


def _quit_after_show(app: QApplication) -> None:
    """For the benchmark: the event loop has run once since show(); note when, and quit."""
    report = os.environ.get(SHOWN_AT)
    if report:
        Path(report).write_text(repr(time.monotonic()), encoding="utf-8")
    app.quit()


def _settle_heap() -> None:
    gc.freeze()
    gc.enable()
