"""What can go wrong with the store, each as one sentence a person can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A store problem; ``str(error)`` is one clear sentence for a person."""


class StoreLockedError(StoreError):
    """Another program has the store open for writing."""


class StoreReadOnlyError(StoreError):
    """The user made the store folder read-only: it can be opened read-only, never changed."""


class StoreVersionError(StoreError):
    """The store was written by a newer program; it is left untouched."""


class StoreDamagedError(StoreError):
    """A store file cannot be read; it was not overwritten.

    Attributes:
        path: the damaged file.
        kept_as: where its bytes are kept (a copy beside it, or the file itself
            when the store was opened read-only).
        backups: the backups that can be restored, newest first.
    """

    def __init__(self, path: Path, problem: str, kept_as: Path, backups: list[Path]) -> None:
        self.path = path
        self.problem = problem
        self.kept_as = kept_as
        self.backups = backups
        if kept_as == path:
            kept = "it was left as it is"
        else:
            kept = f"its bytes are kept as {kept_as.name}"
        offer = f"the latest backup is {backups[0]}" if backups else "there is no backup to restore"
        super().__init__(f"The store file {path} cannot be read ({problem}); {kept}; {offer}.")
