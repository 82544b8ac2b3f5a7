"""Records open in a dialog of the window, which a clinic sync must not write over.

While the therapist edits a client's record in its dialog, a sync may bring a newer
version of that record from another desk. Written into the store under the open
dialog, it would be overwritten, unseen, when the dialog is saved. A record named
here is held instead: the sync leaves it as it is, and the edit saved over it
becomes a conflict that keeps both versions (see :mod:`planner.sync.local`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from planner.storage import Store

_OPEN: WeakKeyDictionary[Store, set[str]] = WeakKeyDictionary()


@contextmanager
def open_in_dialog(store: Store, kind: str, record_id: str) -> Iterator[None]:
    """Hold the record ``kind``/``record_id`` of ``store`` while the block runs."""
    if not record_id:
        yield
        return
    from planner.storage.documents import doc_id

    doc = doc_id(kind, record_id)
    held = _OPEN.setdefault(store, set())
    held.add(doc)
    try:
        yield
    finally:
        held.discard(doc)


def being_edited(store: Store) -> set[str]:
    """The documents of ``store`` open in a dialog now."""
    return set(_OPEN.get(store, ()))
