"""Which language a home-care sheet is printed or exported in, asked for each one."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from planner.gui.common.forms import FormDialog
from planner.gui.common.languages import LanguageBox, language_label


class SheetLanguageDialog(FormDialog):
    """The client's language, chosen; another one applies to this sheet only."""

    def __init__(self, title: str, client_language: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.language = self.add(
            "Sheet &in:", LanguageBox(self, client_language), "Language of this home-care sheet"
        )
        note = QLabel(
            f"The client's papers are in {language_label(client_language)}. "
            "Another language here is for this sheet only.",
            self,
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.finish()

    def value(self) -> str:
        return self.language.code()
