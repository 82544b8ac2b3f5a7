"""The client room's dialog: a client's record, new or edited.

Name, contact, date of birth (optional), notes, and the standing conditions and
areas that each new session for the client starts from. It opens with the name
field focused; OK stays off until there is a name and the date of birth (if any)
reads as a date.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.core.regions import area_name
from planner.core.vocab import AVOID_REASONS, CONDITIONS, SYMPTOM_KINDS
from planner.gui.common.forms import FormDialog, check_ids, checked_ids, checklist
from planner.gui.common.languages import LanguageBox

if TYPE_CHECKING:
    from planner.core.plan import AvoidedArea, SymptomArea
    from planner.storage import ClientRecord


Asker = Callable[[str, Any], Any]


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _avoid_text(area: AvoidedArea) -> str:
    reason = AVOID_REASONS.get(area.reason, area.reason)
    note = f" ({area.note})" if area.note else ""
    return f"{capitalised(area_name(area.region, area.side))}: {reason.lower()}{note}"


def _symptom_text(symptom: SymptomArea) -> str:
    kind = SYMPTOM_KINDS.get(symptom.kind, symptom.kind).lower()
    rated = "" if symptom.intensity is None else f" {symptom.intensity}/10"
    return f"{capitalised(area_name(symptom.region, symptom.side))}: {kind}{rated}"


class _AreaList(QWidget):
    """A short list of standing areas with Add… and Remove."""

    def __init__(
        self, name: str, ask: str, text: object, asker: Asker | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.items: list[object] = []
        # ask: the name of the question in planner.gui.common.asks, put by asker.
        self._ask, self._text, self._asker = ask, text, asker
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setAccessibleName(name)
        self.list.setFixedHeight(4 * self.fontMetrics().lineSpacing() + 10)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.add = QPushButton("Add…", self)
        self.remove = QPushButton("Remove", self)
        self.add.setAccessibleName(f"Add to {name.lower()}")
        self.remove.setAccessibleName(f"Remove from {name.lower()}")
        self.add.setEnabled(asker is not None)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        row.addStretch(1)
        layout.addLayout(row)
        self.add.clicked.connect(self._on_add)
        self.remove.clicked.connect(self._on_remove)

    def set_items(self, items: tuple[object, ...]) -> None:
        self.items = list(items)
        self.list.clear()
        for item in self.items:
            QListWidgetItem(self._text(item), self.list)  # type: ignore[operator]
        self.remove.setEnabled(bool(self.items))

    def _on_add(self) -> None:
        item = self._asker(self._ask, self) if self._asker else None
        if item is not None:
            self.set_items((*self.items, item))

    def _on_remove(self) -> None:
        row = self.list.currentRow()
        row = row if row >= 0 else len(self.items) - 1
        if row >= 0:
            self.set_items(tuple(i for n, i in enumerate(self.items) if n != row))


class ClientDialog(FormDialog):
    """A client's record: new (``record`` None) or edited."""

    def __init__(
        self,
        record: ClientRecord | None = None,
        parent: QWidget | None = None,
        asker: Asker | None = None,
    ) -> None:
        """``asker(name, parent)`` asks one of asks' questions (an area, a symptom)."""
        super().__init__("Edit client" if record and record.id else "New client", parent)
        self.record = record
        self.name = self.add("&Name:", QLineEdit(self), "Client name")
        self.contact = self.add("&Contact:", QLineEdit(self), "Contact details")
        self.birth = self.add("Date of &birth:", QLineEdit(self), "Date of birth")
        self.birth.setPlaceholderText("optional, e.g. 1948-03-21")
        notes = QPlainTextEdit(self)
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(70)
        self.notes = self.add("N&otes:", notes, "Client notes")
        self.language = self.add(
            "&Papers in:", LanguageBox(self), "Language of the client's papers"
        )
        self.language.setToolTip(
            "The home-care sheet, progress report and intake form are written in this language"
        )
        height = 4 * self.fontMetrics().lineSpacing() + 10
        self.conditions = self.add(
            "Con&ditions:", checklist(CONDITIONS, self, height), "Standing conditions"
        )
        self.avoid = self.add(
            "Areas to &avoid:",
            _AreaList("Standing areas to avoid", "ask_avoided_area", _avoid_text, asker, self),
            "Standing areas to avoid",
        )
        self.symptoms = self.add(
            "S&ymptoms:",
            _AreaList("Standing symptom areas", "ask_symptom", _symptom_text, asker, self),
            "Standing symptom areas",
        )
        self.problem = QLabel(self)
        self.problem.setAccessibleName("What is wrong with the date of birth")
        self.form.addRow(self.problem)
        self.finish()
        self.setMinimumWidth(480)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(self._check)
        self.birth.textChanged.connect(self._check)
        self._show(record)
        self._check()

    def _show(self, record: ClientRecord | None) -> None:
        if record is None:
            self.avoid.set_items(())
            self.symptoms.set_items(())
            return
        self.name.setText(record.name)
        self.contact.setText(record.contact)
        self.birth.setText(record.birth_date)
        self.notes.setPlainText(record.notes)
        self.language.set_code(record.language)
        check_ids(self.conditions, record.conditions)
        self.avoid.set_items(record.avoid)
        self.symptoms.set_items(record.symptoms)

    def _birth_problem(self) -> str:
        from planner.storage import StoreError
        from planner.storage.records import check_birth_date

        try:
            check_birth_date(self.birth.text())
        except StoreError as error:
            return str(error)
        return ""

    def _check(self, *_: object) -> None:
        problem = self._birth_problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.ok.setEnabled(bool(self.name.text().strip()) and not problem)

    def value(self) -> ClientRecord:
        from planner.storage import ClientRecord
        from planner.storage.records import check_birth_date

        base = self.record or ClientRecord("", "")
        return dataclasses.replace(
            base,
            name=self.name.text().strip(),
            contact=self.contact.text().strip(),
            birth_date=check_birth_date(self.birth.text()),
            notes=self.notes.toPlainText().strip(),
            language=self.language.code(),
            conditions=checked_ids(self.conditions),
            avoid=tuple(self.avoid.items),  # type: ignore[arg-type]
            symptoms=tuple(self.symptoms.items),  # type: ignore[arg-type]
        )
