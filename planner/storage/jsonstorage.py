"""A tinydb Storage that never leaves a half-written file.

tinydb's own JSONStorage rewrites its file in place, so a crash in the middle
of a write leaves a mix of old and new. This one writes the whole database to a
temporary file in the same folder, syncs it, renames it over the old file and
syncs the folder (:mod:`planner.core.atomicfile`): after a crash the file is the
old state or the new one. Files are created with mode 0600.

It also keeps the last state it read or wrote, keyed by the file's inode, size
and modification time: tinydb reads the whole file before every operation, and
re-parsing an unchanged file each time would make the store slow as it grows.
A read-only store sees another program's saves because their rename changes the
inode.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from planner.core.atomicfile import write_atomic
from planner.storage.backups import damaged
from planner.storage.errors import StoreError
from planner.storage.paths import FILE_MODE


def _signature(stat: os.stat_result) -> tuple[int, int, int]:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


class AtomicJSONStorage(Storage):
    """tinydb storage on one JSON file, replaced atomically on every write."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._cache: dict[str, Any] | None = None
        self._signature: tuple[int, int, int] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            self._cache = None
            return None
        if self._cache is not None and _signature(stat) == self._signature:
            return self._cache
        try:
            raw = self.path.read_bytes()
        except OSError as error:
            raise StoreError(
                f"The store file {self.path} cannot be read: {error.strerror}."
            ) from None
        data = self.decode(raw)
        self._cache = data
        self._signature = _signature(stat)
        return data

    @property
    def signature(self) -> tuple[int, int, int] | None:
        """Identity of the file version last read or written (changes with every write)."""
        return self._signature if self._cache is not None else None

    def decode(self, raw: bytes) -> dict[str, dict[str, Any]]:
        """The tables in ``raw``, or :class:`StoreDamagedError` (after keeping the bytes)."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            raise damaged(self.path, f"not valid JSON: {error}", read_only=self.read_only) from None
        if not isinstance(data, dict) or not all(
            isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
            for table in data.values()
        ):
            raise damaged(self.path, "not a table of records", read_only=self.read_only)
        return data

    def encode(self, data: dict[str, dict[str, Any]]) -> bytes:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            raise StoreError("The store is open read-only; nothing can be saved.")
        # tinydb hands us the dict it got from read() after changing it: if the
        # write fails, that cached state is not what is on disk any more.
        self._cache = None
        raw = self.encode(data)
        try:
            write_atomic(self.path, raw, FILE_MODE)
        except OSError as error:
            raise StoreError(
                f"The store file {self.path} could not be saved: {error.strerror or error}."
            ) from None
        self._cache = data
        self._signature = _signature(os.stat(self.path))

    def close(self) -> None:
        self._cache = None
