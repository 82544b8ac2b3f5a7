"""Workarounds for PySide6 6.12: reference-count bugs in signals and void methods, and a
quicker test in its import hook.

In PySide6 6.12.0, ``SignalInstance.emit`` and ``SignalInstance.disconnect``
return ``True`` without owning a reference to it, so every call made from Python
takes one reference away from the interpreter's ``True`` (and pytest-qt's
helpers disconnect signals on every wait). After a few thousand calls the count
reaches zero and the process aborts with "bool_dealloc: deallocating True or
False". Python 3.12 made ``True`` immortal; on 3.11 we give ``True`` and
``False`` enough spare references that the count can never run out in the life
of a process. Nothing is done when the installed PySide6 does not lose them.

``tests/gui/common/test_qtfix.py`` probes the installed PySide6 in a fresh process
and fails once it keeps its references: then this module goes.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

# Far more signal calls than a process makes; far below the counter's limit.
_HEADROOM = 1 << 40


class _Probe(QObject):
    ping = Signal()


def _add_references(value: bool, count: int) -> None:
    # CPython keeps an object's reference count in its first machine word.
    ctypes.c_ssize_t.from_address(id(value)).value += count


def _signals_lose_references() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        _add_references(True, lost)  # give back what the probe itself cost
    return lost >= 8


def guard_booleans() -> bool:
    """Give ``True`` and ``False`` spare references if signals lose them; True if they do."""
    if sys.version_info >= (3, 12) or not _signals_lose_references():
        return False
    _add_references(True, _HEADROOM)
    _add_references(False, _HEADROOM)
    return True


def _void_calls_lose_none() -> bool:
    """True when a Qt method returning nothing takes a reference from ``None`` each call."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    if lost > 0:
        _add_references(None, lost)  # type: ignore[arg-type]
    return lost >= 8


def guard_none() -> bool:
    """Give ``None`` spare references if void methods lose them; True if they do.

    The same 6.12.0 bug: every call of a method such as ``QWidget.update()`` or
    ``QTimer.start()`` loses one reference to ``None``; a map repainted on every
    mouse move would bring the count to zero within minutes.
    """
    if sys.version_info >= (3, 12) or not _void_calls_lose_none():
        return False
    _add_references(None, _HEADROOM)  # type: ignore[arg-type]
    return True


def quicker_import_hook() -> bool:
    """Make PySide6's test of each newly imported module cheaper; True if it was replaced.

    Once imported, PySide6 looks at every module imported after it for the word
    "PySide6" (modules that use it may switch on its ``__feature__`` options). It
    reads each module's source through ``inspect.getsource``: about 0.1 ms a module,
    some 60 modules while the window starts. The same question asked of the file's
    bytes gives the same answer for a module with a ``.py`` file, in a few
    microseconds; any other module keeps PySide6's own test.
    """
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "planner", False):
        return False

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.planner = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True


SIGNALS_LOSE_REFERENCES = guard_booleans()
VOID_CALLS_LOSE_NONE = guard_none()
QUICKER_IMPORT_HOOK = quicker_import_hook()
