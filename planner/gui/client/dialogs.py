"""The client room's dialog: a new client's name, contact notes and notes."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget

from planner.gui.common.forms import FormDialog


class ClientDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("New client", parent)
        self.name = self.add("&Name:", QLineEdit(self), "Client name")
        self.contact = self.add("&Contact:", QLineEdit(self), "Contact notes")
        notes = QPlainTextEdit(self)
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(70)
        self.notes = self.add("N&otes:", notes, "Client notes")
        self.finish()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))

    def value(self) -> tuple[str, str, str]:
        return (
            self.name.text().strip(),
            self.contact.text().strip(),
            self.notes.toPlainText().strip(),
        )
