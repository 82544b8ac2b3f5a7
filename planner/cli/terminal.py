"""What reaches the terminal: text from files and the store made inert, one line per error.

A plan file or the store can hold any text, including the escape sequences a
terminal obeys (erase a line, move the cursor, set the window title). Every
command's output goes through :class:`InertStream`, which shows control
characters, bidirectional overrides and undecodable file-name bytes as escapes
(``\\u001b``, ``\\xff``) instead of passing them on. JSON output stays valid:
the escapes are JSON's own. Error lines also have their line breaks escaped,
so one error is always one line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

# C0 and C1 controls (tab and line feed aside), line and paragraph separators, the
# bidirectional embeddings, overrides and isolates, and the lone surrogates that
# stand for undecodable bytes of a file name (Python's surrogateescape).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LONGEST_ERROR = 1000


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def inert(text: str) -> str:
    """``text`` with everything a terminal would obey shown as an escape; line breaks kept."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` made inert and kept to one line (line breaks escaped too), at most 1,000 chars."""
    line = _UNSAFE_LINE.sub(_escape, text)
    if len(line) > _LONGEST_ERROR:
        line = line[: _LONGEST_ERROR - 1] + "…"
    return line


def shown_path(path: Any) -> str:
    """A path as the user gave it, any bytes, ready to print."""
    if isinstance(path, str | bytes | os.PathLike):
        return one_line(os.fsdecode(path))
    return one_line(str(path))


def os_error_line(error: OSError) -> str:
    """An OSError as one line naming the path(s): ``store.json: too many levels of links``."""
    reason = error.strerror or str(error)
    if error.errno == errno.ELOOP:
        reason = "too many levels of symbolic links (a link loop?)"
    if error.filename is None:
        return one_line(reason)
    place = shown_path(error.filename)
    if error.filename2 is not None:
        place += f" -> {shown_path(error.filename2)}"
    return f"{place}: {one_line(reason)}"


class InertStream:
    """A text stream that writes to another with :func:`inert` applied to everything."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(inert(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextlib.contextmanager
def inert_output() -> Iterator[None]:
    """Run the block with stdout and stderr made inert (restored afterwards)."""
    saved = sys.stdout, sys.stderr
    sys.stdout = InertStream(sys.stdout)  # type: ignore[assignment]
    sys.stderr = InertStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
