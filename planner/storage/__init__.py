"""The store: clients, sessions, templates, own techniques and settings (tinydb).

The public API is described in notes/STORE_API.md. Importing this package is
cheap: the names that need tinydb are loaded on first use, so that ``planner
check`` can read the user's own techniques (:func:`own_library`) without it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from planner.storage.errors import (
    StoreDamagedError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
    StoreVersionError,
)
from planner.storage.paths import data_dir

if TYPE_CHECKING:
    from planner.storage.backups import list_backups, restore_backup
    from planner.storage.own import own_library
    from planner.storage.records import ClientRecord, SessionRecord, Settings, TemplateRecord
    from planner.storage.store import Store

_LAZY = {
    "Store": "planner.storage.store",
    "ClientRecord": "planner.storage.records",
    "SessionRecord": "planner.storage.records",
    "TemplateRecord": "planner.storage.records",
    "Settings": "planner.storage.records",
    "restore_backup": "planner.storage.backups",
    "list_backups": "planner.storage.backups",
    "own_library": "planner.storage.own",
}

__all__ = [
    "ClientRecord",
    "SessionRecord",
    "Settings",
    "Store",
    "StoreDamagedError",
    "StoreError",
    "StoreLockedError",
    "StoreReadOnlyError",
    "StoreVersionError",
    "TemplateRecord",
    "data_dir",
    "list_backups",
    "own_library",
    "restore_backup",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'planner.storage' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
