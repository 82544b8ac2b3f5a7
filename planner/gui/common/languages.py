"""The language of the client's papers, chosen in a combo box by its own name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from planner.core.i18n import SOURCE_LANGUAGE, available, language_name


def language_label(code: str) -> str:
    """ "Español (es)": the language's own name, then its code."""
    return f"{language_name(code)} ({code})"


class LanguageBox(QComboBox):
    """Every language the client's papers can be in; ``code()`` is the chosen one.

    ``short``: the languages by their own names only ("Español"), for a narrow dock.
    """

    def __init__(
        self, parent: QWidget | None = None, code: str = SOURCE_LANGUAGE, *, short: bool = False
    ) -> None:
        super().__init__(parent)
        for known in available():
            self.addItem(language_name(known) if short else language_label(known), known)
            self.setItemData(self.count() - 1, language_label(known), Qt.ItemDataRole.ToolTipRole)
        self.set_code(code)

    def code(self) -> str:
        return str(self.currentData() or SOURCE_LANGUAGE)

    def set_code(self, code: str) -> None:
        """Show ``code`` (English when the planner has no such language)."""
        index = self.findData(code)
        self.setCurrentIndex(index if index >= 0 else self.findData(SOURCE_LANGUAGE))
