"""The client panel: who the session is for, their conditions, and their areas."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.core.vocab import CONDITIONS
from planner.gui.client.models import AvoidedModel, SymptomsModel
from planner.gui.client.widgets import AreaTable, ConditionsBox
from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.gui.common.clients import apply_client
from planner.gui.common.document import SessionDocument
from planner.gui.common.editing import open_in_dialog
from planner.gui.common.languages import LanguageBox

if TYPE_CHECKING:
    from planner.storage import ClientRecord, Store

_CHOOSE = "Choose a client…"


def _language_box(parent: QWidget) -> LanguageBox:
    """The language of this session's client papers (Edit client… keeps it for the next)."""
    box = LanguageBox(parent, short=True)
    box.setAccessibleName("Language of the client's papers")
    box.setToolTip(
        "The client's papers of this session (home-care sheet, progress report, intake form) "
        "are in this language; the protocol stays in yours. Edit client… keeps it for the "
        "client's next sessions."
    )
    return box


class ClientPanel(QWidget):
    """Choose, create, edit or delete a client; their sessions; conditions; areas.

    Signals:
        open_session(str): a session in the client's list was opened.
        delete_session(str): Delete was asked for on a session of the list.
        delete_client(str): Delete client… (the window asks first).
        history_requested(str): History… (the client's measures over their visits).
    """

    open_session = Signal(str)
    delete_session = Signal(str)
    delete_client = Signal(str)
    history_requested = Signal(str)

    def __init__(self, document: SessionDocument, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.client = QComboBox(self)
        self.client.setAccessibleName("Client")
        self.language = _language_box(self)
        self.new_client = QPushButton("New c&lient…", self)
        self.new_client.setEnabled(not store.read_only)
        for widget, stretch in ((self.client, 1), (self.language, 0), (self.new_client, 0)):
            row.addWidget(widget, stretch)
        layout.addLayout(row)
        record_row = QHBoxLayout()
        # No Alt letters: the first screen's are all taken (tests/gui/window/test_mnemonics.py).
        self.edit_client = QPushButton("Edit client…", self)
        self.remove_client = QPushButton("Delete client…", self)
        self.remove_client.setAccessibleName("Delete client and their sessions")
        self.history = QPushButton("History…", self)
        self.history.setAccessibleName("The client's history: visits and measures over time")
        record_row.addWidget(self.history)
        record_row.addWidget(self.edit_client)
        record_row.addWidget(self.remove_client)
        record_row.addStretch(1)

        conditions = ConditionsBox(CONDITIONS, self)
        self.conditions = conditions.boxes
        layout.addWidget(conditions)

        self.avoided_model = AvoidedModel(document)
        self.symptoms_model = SymptomsModel(document)
        avoided = QGroupBox("Areas to avoid", self)
        # The note is what the therapist wrote: it gets the largest share.
        self.avoided = AreaTable(self.avoided_model, "Areas to avoid", (0.34, 0.28, 0.38), avoided)
        self.avoided.setAccessibleDescription("Each area with the reason and your note")
        self.add_avoided = QPushButton("Avoid a&n area…", avoided)
        self.remove_avoided = QPushButton("Stop avoiding", avoided)
        self._group(avoided, self.avoided, self.add_avoided, self.remove_avoided)
        layout.addWidget(avoided, 1)
        symptoms = QGroupBox("Symptoms", self)
        self.symptoms = AreaTable(self.symptoms_model, "Symptoms", (0.44, 0.32, 0.24), symptoms)
        self.symptoms.setAccessibleDescription("Each area with what the client feels, and how much")
        self.add_symptom = QPushButton("&Mark a symptom…", symptoms)
        # Alt+letters are unique on the first screen (tests/gui/window/test_mnemonics.py).
        self.remove_symptom = QPushButton("Remove s&ymptom", symptoms)
        self._group(symptoms, self.symptoms, self.add_symptom, self.remove_symptom)
        layout.addWidget(symptoms, 1)
        from planner.gui.client.sessions import SessionList

        # Below the areas: those must be in view at 1280x800; the list scrolls itself.
        self.sessions = SessionList(self)
        self.sessions.setFixedHeight(4 * self.fontMetrics().lineSpacing() + 16)
        layout.addWidget(self.sessions)
        layout.addLayout(record_row)
        self._connect_signals()
        self.refresh_clients()
        self._on_changed()

    @staticmethod
    def _group(box: QGroupBox, table: QTableView, add: QPushButton, remove: QPushButton) -> None:
        inner = QVBoxLayout(box)
        inner.addWidget(table)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        inner.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.document.changed.connect(self._on_changed)
        self.client.activated.connect(self._on_client_chosen)
        self.new_client.clicked.connect(self._on_new_client)
        self.language.activated.connect(self._on_language)
        self.edit_client.clicked.connect(self._on_edit_client)
        self.remove_client.clicked.connect(lambda: self.delete_client.emit(self.client_id()))
        self.history.clicked.connect(lambda: self.history_requested.emit(self.client_id()))
        self.sessions.open_requested.connect(self.open_session)
        self.sessions.delete_requested.connect(self.delete_session)
        self.document.replaced.connect(self.refresh_sessions)
        for key, box in self.conditions.items():
            box.toggled.connect(lambda on, key=key: self._on_condition(key, on))
        self.add_avoided.clicked.connect(self._on_add_avoided)
        self.remove_avoided.clicked.connect(self._on_remove_avoided)
        self.add_symptom.clicked.connect(self._on_add_symptom)
        self.remove_symptom.clicked.connect(self._on_remove_symptom)

    def refresh_clients(self) -> None:
        self.client.blockSignals(True)
        self.client.clear()
        self.client.addItem(_CHOOSE, "")
        for record in self.store.clients():
            self.client.addItem(record.name, record.id)
        self.client.blockSignals(False)
        self._show_client()

    def _show_client(self) -> None:
        name = self.document.plan.client.name
        found = self.client.findData(self.document.client_id) if self.document.client_id else -1
        index = found if found >= 0 else (self.client.findText(name) if name else 0)
        if index < 0:  # a client from a plan file who is not in the store
            self.client.addItem(name, "")
            index = self.client.count() - 1
        self.client.setCurrentIndex(index)
        chosen = bool(self.client_id())
        self.edit_client.setEnabled(chosen and not self.store.read_only)
        self.history.setEnabled(chosen)
        self.remove_client.setEnabled(chosen and not self.store.read_only)

    def client_id(self) -> str:
        """The id of the client chosen in the panel ("" when none is)."""
        return str(self.client.currentData() or "")

    def refresh_sessions(self) -> None:
        """List the chosen client's sessions again (after a save, a delete, another client)."""
        from planner.storage import StoreError

        client_id = self.client_id()
        try:
            rows = self.store.session_summaries(client_id) if client_id else []
        except StoreError:
            rows = []
        self.sessions.show_sessions(rows, self.document.session_id)

    # -- slots -------------------------------------------------------------

    def _on_changed(self) -> None:
        self._show_client()
        self.language.set_code(self.document.plan.client.language)
        chosen = set(self.document.plan.client.conditions)
        for key, box in self.conditions.items():
            box.blockSignals(True)
            box.setChecked(key in chosen)
            box.blockSignals(False)
        self.remove_avoided.setEnabled(bool(self.document.plan.avoid))
        self.remove_symptom.setEnabled(bool(self.document.plan.symptoms))

    def _on_client_chosen(self, index: int) -> None:
        client_id = self.client.itemData(index)
        if client_id:
            apply_client(self.document, self.store.client(client_id))
        self.refresh_sessions()

    def _on_new_client(self) -> None:
        # The record starts empty: what was ticked before belongs to no one yet.
        self._save_record("New client", asks.ask_client(self, None))

    def _on_edit_client(self) -> None:
        from planner.storage import StoreError

        try:
            record = self.store.client(self.client_id())
        except StoreError as error:
            asks.show_error(self, "Edit client", str(error))
            return
        # A sync while the dialog is open leaves this record alone (see common.editing).
        with open_in_dialog(self.store, "client", record.id):
            self._save_record("Edit client", asks.ask_client(self, record))

    def _save_record(self, title: str, record: ClientRecord | None) -> None:
        from planner.storage import StoreError

        if record is None:
            return
        try:
            record = self.store.save_client(record)
        except StoreError as error:
            asks.show_error(self, title, str(error))
            return
        self.refresh_clients()
        apply_client(self.document, record)
        self.refresh_sessions()

    def _on_language(self) -> None:
        client = self.document.plan.client
        if self.language.code() != client.language:
            changed = replace(client, language=self.language.code())
            self.document.push(
                c.SetDetails(self.document, "Language of the client's papers", client=changed)
            )

    def _on_condition(self, key: str, on: bool) -> None:
        current = self.document.plan.client.conditions
        wanted = tuple(k for k in CONDITIONS if (k in current or k == key) and (on or k != key))
        self.document.push(c.SetConditions(self.document, wanted))

    def _on_add_avoided(self) -> None:
        area = asks.ask_avoided_area(self)
        if area is not None:
            self.document.push(c.AvoidArea(self.document, area))

    def _on_remove_avoided(self) -> None:
        row = self.avoided.currentIndex().row()
        row = row if row >= 0 else len(self.document.plan.avoid) - 1
        if row >= 0:
            self.document.push(c.RemoveAvoided(self.document, row))

    def _on_add_symptom(self) -> None:
        symptom = asks.ask_symptom(self)
        if symptom is not None:
            self.document.push(c.MarkSymptom(self.document, symptom))

    def _on_remove_symptom(self) -> None:
        row = self.symptoms.currentIndex().row()
        row = row if row >= 0 else len(self.document.plan.symptoms) - 1
        if row >= 0:
            self.document.push(c.RemoveSymptom(self.document, row))
