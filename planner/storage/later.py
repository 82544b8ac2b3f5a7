"""The store's parts that opening the window does not need, loaded at their first use.

Importing plans, signing, a client's course and the record check are mixins of
:class:`planner.storage.store.Store` like the others, but their modules load only
when a name of theirs is first looked up on a store (or on the class): then all
of them load and their names are copied onto :class:`Later`, which stands where
they stood among the store's bases (no name of theirs is the store's own or
another part's; tests/storage/test_later.py holds that).
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from typing import TYPE_CHECKING, Any

# Parts the window's start does not need (importing, signing, a course, the record check)
# load at the first use of a name of theirs: their names are copied, in order, onto Later.
LATER = (
    ("planner.storage.importing", "ImportMixin"),
    ("planner.storage.signed", "SigningMixin"),
    ("planner.storage.course", "CourseMixin"),
    ("planner.storage.check", "CheckMixin"),
)

if TYPE_CHECKING:
    from planner.storage.check import CheckMixin
    from planner.storage.course import CourseMixin
    from planner.storage.importing import ImportMixin
    from planner.storage.signed import SigningMixin

    class Later(ImportMixin, SigningMixin, CourseMixin, CheckMixin):
        """The parts loaded at first use, as the type checker sees them."""

else:
    _loading_later = threading.RLock()

    def _load_later(later: type) -> None:
        """Copy the later parts' names onto ``later`` (once, whichever thread asks first)."""
        with _loading_later:
            if later.__dict__.get("_loaded"):
                return
            for module, name in LATER:
                part = getattr(importlib.import_module(module), name)
                for key, value in vars(part).items():
                    if not key.startswith("__") and key not in later.__dict__:
                        setattr(later, key, value)
            later._loaded = True

    class _LoadsLater(type):
        def __getattr__(cls, name: str) -> Any:
            if not name.startswith("__"):
                _load_later(Later)
                with contextlib.suppress(AttributeError):
                    return type.__getattribute__(cls, name)
            raise AttributeError(f"type object {cls.__name__!r} has no attribute {name!r}")

    class Later(metaclass=_LoadsLater):
        """The parts loaded at first use: the first name not found loads them all."""

        def __getattr__(self, name: str) -> Any:
            if not name.startswith("__"):
                _load_later(Later)
                with contextlib.suppress(AttributeError):
                    return object.__getattribute__(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
