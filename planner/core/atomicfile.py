"""Writing a file so that it is either wholly the old one or wholly the new one.

The bytes go to a temporary file in the target folder, which is flushed and
synced to disk, then renamed over the target with :func:`os.replace`, and the
folder itself is synced so that the rename survives a power cut. On any error
the temporary file is removed and the old file is untouched.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO


def fsync_folder(folder: Path) -> None:
    """Sync a folder's entries (renames) to disk, where the platform allows it."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], mode: int = 0o644) -> Iterator[IO[bytes]]:
    """A binary file object whose content replaces ``path`` only if the block succeeds."""
    # Imported here: tempfile pulls in random and hashlib, which `planner check` never needs.
    import tempfile

    target = Path(path)
    folder = target.parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        os.fchmod(fd, mode) if hasattr(os, "fchmod") else None
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_folder(folder)


def write_atomic(path: str | os.PathLike[str], data: bytes, mode: int = 0o644) -> None:
    """Replace ``path`` with ``data`` all at once."""
    with atomic_output(path, mode) as handle:
        handle.write(data)


def write_atomic_with(
    path: str | os.PathLike[str], writer: Callable[[IO[bytes]], None], mode: int = 0o644
) -> None:
    """Replace ``path`` with whatever ``writer`` writes into the file object it is given."""
    with atomic_output(path, mode) as handle:
        writer(handle)


def write_all_atomic(
    files: Sequence[tuple[str | os.PathLike[str], bytes]], mode: int = 0o644
) -> None:
    """Replace several files so that either all take their new content or none does.

    Every file is first written and synced under a temporary name beside its
    target (a full disk fails here, with nothing replaced); only then are the
    temporary files renamed over the targets.

    Raises:
        OSError: naming the file that failed; the temporary files are gone.
    """
    pending: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            target = Path(path)
            try:
                _write_temp(target, data, mode, pending)
            except OSError as error:
                raise OSError(error.errno, error.strerror, os.fspath(target)) from None
        while pending:
            temp, target = pending[0]
            os.replace(temp, target)
            pending.pop(0)
            fsync_folder(target.parent)
    except BaseException:
        for temp, _ in pending:
            with contextlib.suppress(OSError):
                temp.unlink()
        raise


def _write_temp(target: Path, data: bytes, mode: int, pending: list[tuple[Path, Path]]) -> None:
    import tempfile

    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    pending.append((Path(temp_name), target))
    os.fchmod(fd, mode) if hasattr(os, "fchmod") else None
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
