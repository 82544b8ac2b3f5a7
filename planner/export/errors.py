"""The export's one error, apart from the package so that its modules need not import it."""

from __future__ import annotations


class ExportError(Exception):
    """A document that cannot be built or written; the message is one clear line."""
