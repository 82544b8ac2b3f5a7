"""Loading Qt's C++ libraries on a second core while Python imports the planner.

Opening the window starts with two long, independent pieces of work: the
dynamic linker loading and relocating Qt's libraries (and fontconfig reading
its configuration and font caches, which Qt's first line of text waits for),
and Python importing the planner and opening the store. The first is C code
that does not need Python's interpreter lock, so :func:`start` runs it on
another thread while the main thread does the second; by the time PySide6 is
imported, its libraries are already in memory.

Nothing here imports PySide6 or runs any of its Python code. Qt's own C++
libraries are loaded, then PySide6's binding libraries (the compiled halves of
``shiboken6.Shiboken``, ``PySide6.QtCore``, ``QtGui`` and ``QtWidgets``):
loaded and relocated, not started. Their static initialisers call no Python
(they only register destructors, iostreams and Qt resources); a module's
Python part is made by its ``PyInit_`` function, which runs only when Python
imports it and finds the library already loaded (``dlopen`` of a loaded file
returns it, with the flags Python uses: ``RTLD_NOW``). Everything goes through
the C library's ``dlopen``, which ctypes calls with the interpreter lock
released. On anything but Linux, or when the libraries are not where PySide6
keeps them, nothing is done; any failure only means the usual start.

The thread must start at once to be of use, so this module imports nothing
that Python has not already loaded at start-up (``_thread``, not ``threading``;
``os.path``, not ``pathlib`` or ``importlib``).
"""

from __future__ import annotations

import _thread
import os
import sys

# Qt's widget library, inside the PySide6 package: the linker brings in QtGui, QtCore,
# QtDBus, ICU and the system libraries they need (fontconfig, freetype, GL, glib).
_QT_LIBRARY = ("PySide6", "Qt", "lib", "libQt6Widgets.so.6")
_FONTCONFIG = "libfontconfig.so.1"
# PySide6's binding libraries the window imports, in the order Python imports them.
_BINDINGS = (
    ("shiboken6", "Shiboken.abi3.so"),
    ("PySide6", "QtCore.abi3.so"),
    ("PySide6", "QtGui.abi3.so"),
    ("PySide6", "QtWidgets.abi3.so"),
)


def _package_folder(package: str) -> str | None:
    """The folder holding the ``package`` that ``import package`` would find."""
    for folder in sys.path:
        if os.path.isfile(os.path.join(folder or ".", package, "__init__.py")):
            return folder or "."
    return None


def qt_library() -> str | None:
    """Where the PySide6 that ``import PySide6`` would find keeps Qt's widget library."""
    folder = _package_folder("PySide6")
    if folder is None:
        return None
    library = os.path.join(folder, *_QT_LIBRARY)
    return library if os.path.isfile(library) else None


def bindings() -> list[str]:
    """PySide6's binding libraries, from the packages ``import`` would find, in import order.

    The list stops before the first one missing: a library is loaded early only if
    all the ones Python imports before it are.
    """
    found = []
    for package, name in _BINDINGS:
        folder = _package_folder(package)
        path = os.path.join(folder, package, name) if folder is not None else ""
        if not os.path.isfile(path):
            break
        found.append(path)
    return found


def _load(library: str) -> None:
    import ctypes

    process = ctypes.CDLL(None)  # the running program: libc's dlopen is in its scope
    dlopen = process.dlopen
    dlopen.restype = ctypes.c_void_p
    dlopen.argtypes = [ctypes.c_char_p, ctypes.c_int]
    if not dlopen(os.fsencode(library), os.RTLD_NOW):
        return
    # The fontconfig Qt was linked against (loaded with it, so RTLD_NOLOAD finds it):
    # read its configuration and font caches now rather than at the first text drawn.
    fontconfig = dlopen(_FONTCONFIG.encode(), os.RTLD_NOW | os.RTLD_NOLOAD)
    if fontconfig:
        ctypes.CDLL(_FONTCONFIG, handle=fontconfig).FcInit()
    for binding in bindings():
        if not dlopen(os.fsencode(binding), os.RTLD_NOW):
            return


class Loading:
    """Qt's libraries being loaded on another thread: :meth:`wait` for them."""

    def __init__(self, library: str) -> None:
        self._done = _thread.allocate_lock()
        self._done.acquire()
        _thread.start_new_thread(self._run, (library,))

    def _run(self, library: str) -> None:
        try:
            _load(library)
        except Exception:  # noqa: BLE001, S110 - only ever a head start: never a reason to fail
            pass
        finally:
            self._done.release()

    def wait(self) -> None:
        """Return once the loading is over (at once if it already is)."""
        self._done.acquire()
        self._done.release()


def start() -> Loading | None:
    """Begin loading Qt's libraries on another thread; None where that is not done.

    Call ``wait()`` on the result before the first PySide6 import.
    """
    if not sys.platform.startswith("linux"):
        return None
    library = qt_library()
    return Loading(library) if library is not None else None
