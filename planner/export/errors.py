"""The export's one error, apart from the package so that its modules need not import it."""

from __future__ import annotations


class ExportError(Exception):
    """A document that cannot be built or written; the message is one clear line."""


class MissingGlyphsWarning(UserWarning):
    """Some characters of the plan have no font on this system and print as a mark.

    Its message is one line naming them; raised once per document.
    """
