"""Choosers over the store (a session, a template) and the settings dialog.

They ask nothing themselves: :mod:`planner.gui.common.asks` opens them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.core.emergency import default_number
from planner.core.vocab import MAX_SESSION_MINUTES
from planner.gui.common.document import SESSION_STATUSES

if TYPE_CHECKING:
    from planner.storage import SessionRecord, Settings, TemplateRecord


class _Chooser(QDialog):
    """A list to pick one entry from; Enter or double-click chooses."""

    def __init__(self, title: str, rows: list[tuple[str, Any]], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(title)
        for text, value in rows:
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, value)
        if rows:
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(bool(rows))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(460, 360)

    def value(self) -> Any:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None


class SessionChooser(_Chooser):
    """The client's sessions, newest first, each with its status; notes after it as a tip."""

    def __init__(self, sessions: list[SessionRecord], parent: QWidget | None = None) -> None:
        rows = [
            (
                f"{s.plan.date:%d %b %Y}  ·  {s.plan.title or 'Untitled session'}"
                f"  ·  {len(s.plan.steps)} steps  ·  {SESSION_STATUSES.get(s.status, s.status)}",
                s,
            )
            for s in sessions
        ]
        super().__init__("Open session", rows, parent)
        for row, session in enumerate(sessions):
            if session.after_notes.strip():
                self.list.item(row).setToolTip(f"After the session: {session.after_notes.strip()}")


class TemplateChooser(_Chooser):
    def __init__(self, templates: list[TemplateRecord], parent: QWidget | None = None) -> None:
        rows = [(f"{t.name}  ·  {len(t.plan.steps)} steps", t) for t in templates]
        super().__init__("New session from template", rows, parent)


# After a save, when the session's conditions or areas differ from the client's record.
KEEP_ON_RECORD = {
    "ask": "Ask each time",
    "always": "Always keep them on the client's record",
    "never": "Never: they stay with the session",
}


class SettingsDialog(QDialog):
    """Who prints the documents, on what paper, how long a session usually is, and whether
    a save asks about the client's record."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self._settings = settings
        form = QFormLayout(self)
        self.therapist = QLineEdit(settings.therapist, self)
        self.clinic = QLineEdit(settings.clinic, self)
        self.length = QSpinBox(self)
        self.length.setRange(5, int(MAX_SESSION_MINUTES))
        self.length.setSingleStep(5)
        self.length.setSuffix(" min")
        self.length.setValue(settings.default_length)
        self.paper = QComboBox(self)
        self.paper.addItem("Letter (US)", "letter")
        self.paper.addItem("A4", "a4")
        self.paper.setCurrentIndex(max(self.paper.findData(settings.paper), 0))
        self.large_print = QCheckBox("Home-care sheets in &large print", self)
        self.large_print.setChecked(settings.large_print)
        self.daily_minutes = QSpinBox(self)
        self.daily_minutes.setRange(1, 240)
        self.daily_minutes.setSuffix(" min")
        self.daily_minutes.setValue(settings.daily_minutes)
        self.daily_minutes.setToolTip("A proposed routine takes no more time than this a day")
        self.emergency = QLineEdit(settings.emergency_number, self)
        self.emergency.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\+?[0-9][0-9 -]{0,14}"), self)
        )
        self.emergency.setPlaceholderText(f"{default_number()} (from your system's language)")
        self.keep_on_record = QComboBox(self)
        for key, text in KEEP_ON_RECORD.items():
            self.keep_on_record.addItem(text, key)
        self.keep_on_record.setCurrentIndex(
            max(self.keep_on_record.findData(settings.keep_on_record), 0)
        )
        self.keep_on_record.setToolTip(
            "What a save does when the session's conditions or areas differ from the record"
        )
        for label, widget, name in (
            ("&Therapist:", self.therapist, "Therapist"),
            ("&Clinic:", self.clinic, "Clinic"),
            ("Default session &length:", self.length, "Default session length"),
            ("&Paper size:", self.paper, "Paper size"),
            ("", self.large_print, "Large print by default"),
            ("&Home care a day, at most:", self.daily_minutes, "Home care a day, at most"),
            ("&Emergency number:", self.emergency, "Emergency number on the home-care sheet"),
            (
                "Changed conditions or &areas:",
                self.keep_on_record,
                "After a save, changed conditions or areas",
            ),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def value(self) -> Settings:
        import dataclasses

        return dataclasses.replace(
            self._settings,
            therapist=self.therapist.text().strip(),
            clinic=self.clinic.text().strip(),
            default_length=self.length.value(),
            paper=self.paper.currentData(),
            large_print=self.large_print.isChecked(),
            daily_minutes=self.daily_minutes.value(),
            emergency_number=self.emergency.text().strip(),
            keep_on_record=self.keep_on_record.currentData(),
        )
