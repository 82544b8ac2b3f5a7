"""Opening the window: Qt's libraries load on another core while the store is read.

Both ways in use it: ``planner`` with no arguments (:mod:`planner.launch`) and
``planner --data-dir DIR`` (:mod:`planner.cli`). It imports neither of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.storage import Store, StoreError

# The C extension modules that opening the store loads (json's, datetime's, shutil's
# compressors...). They are loaded before Qt's libraries begin to load on the other
# thread: the dynamic linker loads one library at a time, so the first of them imported
# meanwhile would keep this thread waiting until Qt's libraries were all in.
STORE_EXTENSIONS = (
    "_bisect",
    "_bz2",
    "_contextvars",
    "_datetime",
    "_json",
    "_lzma",
    "_opcode",
    "_random",
    "_sha512",
    "_struct",
    "binascii",
    "fcntl",
    "math",
    "zlib",
)


def open_window(data_dir: Path | None = None) -> int:
    """Open the main window until it is closed; the exit status."""
    import contextlib
    import gc

    # Start-up makes tens of thousands of objects that live as long as the window (Qt's
    # enums, the modules, the widgets); collecting while they are made only walks them
    # again and again. run_app turns collection back on once the window is shown.
    gc.disable()
    for name in STORE_EXTENSIONS:
        with contextlib.suppress(ImportError):  # not built into this Python: nothing to do
            __import__(name)
    from planner import preload

    # Qt's libraries load on another core while this thread opens the store (which
    # imports the planner's Qt-free half); any trouble opening it is answered in the
    # window, once Qt is up.
    loading = preload.start()
    opened = _open_store(data_dir)
    if loading is not None:
        loading.wait()
    from planner.gui.window.app import run_app

    return run_app([], data_dir, settle_heap=True, opened=opened)


def _open_store(data_dir: Path | None) -> Store | StoreError:
    """The store with its library read, or the error opening it raised."""
    import contextlib

    from planner.storage import Store, StoreError

    try:
        store = Store.open(data_dir)
    except StoreError as error:
        return error
    # Read now, while Qt loads; should it fail, the window reads it again and says why.
    with contextlib.suppress(StoreError):
        store.library()
    return store
