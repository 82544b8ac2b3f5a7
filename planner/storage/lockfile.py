"""The store's one-writer lock, taken without waiting.

On POSIX systems this is ``fcntl.flock`` on the lock file, the same lock the
``filelock`` package takes there (so the two exclude each other), without
importing that package: it costs about 10 ms of the window's start-up. Other
systems use ``filelock``. The operating system drops the lock if the process dies.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


class LockBusy(Exception):
    """Another process (or another open store in this one) holds the lock."""


class _Flock:
    """An exclusive ``flock`` held on an open file until :meth:`release`."""

    def __init__(self, path: Path, mode: int) -> None:
        import fcntl

        fd = os.open(path, os.O_RDWR | os.O_CREAT, mode)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise LockBusy(str(path)) from None
        except OSError:
            os.close(fd)
            raise
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            import fcntl

            fd, self._fd = self._fd, None
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


def acquire(path: Path, mode: int) -> Any:
    """The lock on ``path`` (an object with ``release()``), or :class:`LockBusy` at once.

    Raises:
        LockBusy: the lock is held elsewhere.
        OSError: the lock file cannot be opened.
    """
    if os.name == "posix":
        return _Flock(path, mode)
    from filelock import FileLock, Timeout

    lock = FileLock(str(path), timeout=0, mode=mode, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise LockBusy(str(path)) from None
    return lock
