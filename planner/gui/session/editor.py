"""The centre of the window: the session's header, its steps and the running total."""

from __future__ import annotations

import dataclasses
import datetime

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.core.vocab import MAX_SESSION_MINUTES
from planner.gui.common import commands as c
from planner.gui.common.document import SESSION_STATUSES, SessionDocument
from planner.gui.common.roles import SEVERITY_COLOURS
from planner.gui.session.step_delegate import StepDelegate
from planner.gui.session.steps_model import StepsModel, minutes_text


class SessionEditor(QWidget):
    """Header fields, the steps table with its move/remove actions, and the time bar.

    Signals:
        step_selected(int): the selected step changed (its row; -1: no step selected).
    """

    step_selected = Signal(int)

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = StepsModel(document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self._make_fields()
        self._make_notes()
        layout.addLayout(self._header())
        self._make_table()
        layout.addWidget(self.table, 1)
        layout.addLayout(self._footer())
        # Top to bottom, left to right, as a therapist reads the header.
        chain = (self.title, self.status, self.date, self.length, self.after_notes, self.table)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._connect_signals()
        self._on_replaced()

    def _make_fields(self) -> None:
        """The session's title, date, planned length, client and status."""
        self.title = QLineEdit(self)
        self.title.setPlaceholderText("What this session is for")
        self.title.setAccessibleName("Session title")
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName("Session date")
        self.length = QSpinBox(self)
        self.length.setRange(0, int(MAX_SESSION_MINUTES))
        self.length.setSingleStep(5)
        self.length.setSuffix(" min")
        self.length.setSpecialValueText("As long as the steps")
        self.length.setKeyboardTracking(False)
        self.length.setAccessibleName("Planned length in minutes")
        self.client = QLabel(self)
        self.client.setAccessibleName("Client")
        self.therapist = QLineEdit(self)
        self.therapist.setAccessibleName("Therapist")
        self.therapist.setPlaceholderText("Who gives the session")
        self.therapist.setToolTip("Printed on the protocol and the home-care sheet")
        self.status = QComboBox(self)
        for key, name in SESSION_STATUSES.items():
            self.status.addItem(name, key)
        self.status.setAccessibleName("Session status")
        self.status.setAccessibleDescription("Draft or done; kept with the session")
        self.status.setToolTip("Draft while planning; Done once the session has taken place")

    def _make_notes(self) -> None:
        """The notes after the session: three lines, Tab moves on, one undo entry a spell."""
        self.after_notes = QPlainTextEdit(self)
        self.after_notes.setAccessibleName("Notes after the session")
        self.after_notes.setAccessibleDescription(
            "How the client responded; Tab moves on to the steps"
        )
        self.after_notes.setPlaceholderText(
            "How the client responded, and what to change next time"
        )
        # Tab moves on to the steps; a notes field is no place for a tab character.
        self.after_notes.setTabChangesFocus(True)
        # Three lines: enough to read a note whole, little taken from the steps table.
        margins = self.after_notes.contentsMargins()
        frame = 2 * self.after_notes.frameWidth() + margins.top() + margins.bottom()
        spacing = self.after_notes.fontMetrics().lineSpacing()
        self.after_notes.setFixedHeight(3 * spacing + frame + 8)
        # Each spell of typing in the notes is one undo entry; leaving the field ends one.
        self._notes_burst = 0
        self.after_notes.installEventFilter(self)

    def _header(self) -> QFormLayout:
        header = QFormLayout()
        header.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # The status sits beside the title: the date row is as wide as 1280 pixels allow.
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        status_label = QLabel("&Status:", self)
        status_label.setBuddy(self.status)
        title_row.addSpacing(12)
        title_row.addWidget(status_label)
        title_row.addWidget(self.status)
        row = QHBoxLayout()
        row.addWidget(self.date)
        length_label = QLabel("Planned len&gth:", self)
        length_label.setBuddy(self.length)
        row.addSpacing(12)
        row.addWidget(length_label)
        row.addWidget(self.length)
        row.addStretch(1)
        title_label = QLabel("T&itle:", self)
        title_label.setBuddy(self.title)
        date_label = QLabel("&Date:", self)
        date_label.setBuddy(self.date)
        notes_label = QLabel("After the sessi&on:", self)
        notes_label.setBuddy(self.after_notes)
        header.addRow(title_label, title_row)
        header.addRow(date_label, row)
        client_row = QHBoxLayout()
        client_row.addWidget(self.client, 1)
        therapist_label = QLabel("Therapist:", self)
        therapist_label.setBuddy(self.therapist)
        client_row.addWidget(therapist_label)
        client_row.addWidget(self.therapist, 1)
        header.addRow("Client:", client_row)
        header.addRow(notes_label, self.after_notes)
        return header

    def _make_table(self) -> None:
        """The steps table: edited in place, rows dragged to reorder or dropped from the library."""
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(StepDelegate(self.table))
        self.table.setAccessibleName("Session steps")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        heading = self.table.horizontalHeader()
        heading.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Technique names must read whole ("Circular friction"); the notes take what is
        # left, which grows with the window.
        heading.setSectionResizeMode(StepsModel.NOTES, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (StepsModel.TECHNIQUE, 150),
            (StepsModel.REGION, 92),
            (StepsModel.SIDE, 92),
            (StepsModel.MINUTES, 44),
            (StepsModel.PRESSURE, 76),
            (StepsModel.ENDS, 50),
        ):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)

    def _footer(self) -> QHBoxLayout:
        """Remove, Up and Down (each also a shortcut in the table), then the running total."""
        footer = QHBoxLayout()
        self.remove_action = self._action("Re&move step", QKeySequence.StandardKey.Delete)
        self.up_action = self._action("Move step u&p", QKeySequence("Ctrl+Up"))
        self.down_action = self._action("Move step do&wn", QKeySequence("Ctrl+Down"))
        for action, label in (
            (self.remove_action, "&Remove"),
            (self.up_action, "&Up"),
            (self.down_action, "Do&wn"),
        ):
            button = QPushButton(label, self)
            button.setAccessibleName(action.text().replace("&", ""))
            button.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString()})")
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            footer.addWidget(button)
        footer.addStretch(1)
        self.total = QLabel(self)
        self.total.setAccessibleName("Running total")
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(120)
        self.bar.setAccessibleName("Running total against the planned length")
        footer.addWidget(self.total)
        footer.addWidget(self.bar)
        return footer

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey) -> QAction:
        action = QAction(text, self.table)
        action.setShortcut(shortcut)
        # Only while the table has focus: Delete in a text field must stay a Delete.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.document.changed.connect(self._on_changed)
        self.document.replaced.connect(self._on_replaced)
        self.title.editingFinished.connect(self._on_title)
        self.therapist.editingFinished.connect(self._on_therapist)
        self.date.dateChanged.connect(self._on_date)
        self.length.valueChanged.connect(self._on_length)
        self.status.activated.connect(self._on_status)
        self.after_notes.textChanged.connect(self._on_notes)
        self.document.session_changed.connect(self._show_session)
        self.document.commit_requested.connect(self._on_title)
        self.document.commit_requested.connect(self._on_therapist)
        self.remove_action.triggered.connect(self._on_remove)
        self.up_action.triggered.connect(lambda: self._on_move(-1))
        self.down_action.triggered.connect(lambda: self._on_move(1))
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        # A reset (rows added or removed) clears the selection without selectionChanged.
        self.model.modelReset.connect(self._on_selection)

    # -- helpers -----------------------------------------------------------

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_step(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, StepsModel.TECHNIQUE)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def selected_step(self) -> int:
        """The selected step's row, or -1 when no step is selected."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def insert_row(self) -> int:
        """Where a new step goes: after the current one, or at the end."""
        row = self.current_row()
        return row + 1 if row >= 0 else self.model.rowCount()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.after_notes and event.type() == QEvent.Type.FocusOut:
            self._notes_burst += 1
        return super().eventFilter(watched, event)

    # -- slots -------------------------------------------------------------

    def _on_replaced(self) -> None:
        self._notes_burst += 1
        self._show_header()
        self._show_session()
        self._on_changed()

    def _show_session(self) -> None:
        document = self.document
        self.status.setCurrentIndex(max(self.status.findData(document.status), 0))
        if self.after_notes.toPlainText() != document.after_notes:
            # Changed by an undo, a redo or another session: not typed here.
            self._notes_burst += 1
            self.after_notes.blockSignals(True)
            self.after_notes.setPlainText(document.after_notes)
            self.after_notes.blockSignals(False)

    def _show_header(self) -> None:
        plan = self.document.plan
        for widget in (self.title, self.date, self.length):
            widget.blockSignals(True)
        if self.title.text() != plan.title:
            self.title.setText(plan.title)
        self.date.setDate(QDate(plan.date.year, plan.date.month, plan.date.day))
        self.length.setValue(int(plan.length_minutes or 0))
        for widget in (self.title, self.date, self.length):
            widget.blockSignals(False)
        name = plan.client.name or "No client chosen (choose one in the client panel)"
        self.client.setText(name)
        if self.therapist.text() != plan.therapist.name:
            self.therapist.setText(plan.therapist.name)

    def _on_changed(self) -> None:
        self._show_header()
        plan = self.document.plan
        total, planned = plan.total_minutes, plan.planned_minutes
        over = total - planned if plan.length_minutes is not None else 0
        text = f"{minutes_text(total)} of {minutes_text(planned)} min"
        if over > 0:
            text += f" — {minutes_text(over)} min over"
        self.total.setText(text)
        self.bar.setRange(0, max(int(round(planned)), 1))
        self.bar.setValue(min(int(round(total)), self.bar.maximum()))
        palette = self.palette()
        if over > 0:
            colour = "caution" if over <= 0.1 * planned else "contraindicated"
            palette.setColor(QPalette.ColorRole.Highlight, QColor(SEVERITY_COLOURS[colour]))
        self.bar.setPalette(palette)
        self.bar.setToolTip(text)
        self._on_current()

    def _on_current(self, *_: object) -> None:
        row, count = self.current_row(), self.model.rowCount()
        self.remove_action.setEnabled(row >= 0)
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < count - 1)

    def _on_selection(self, *_: object) -> None:
        self.step_selected.emit(self.selected_step())

    def _on_title(self) -> None:
        if self.title.text() != self.document.plan.title:
            self.document.push(c.SetDetails(self.document, "Change title", title=self.title.text()))

    def _on_therapist(self) -> None:
        plan = self.document.plan
        name = self.therapist.text().strip()
        if name != plan.therapist.name:
            therapist = dataclasses.replace(plan.therapist, name=name)
            self.document.push(c.SetDetails(self.document, "Change therapist", therapist=therapist))

    def _on_date(self, date: QDate) -> None:
        value = datetime.date(date.year(), date.month(), date.day())
        if value != self.document.plan.date:
            self.document.push(c.SetDetails(self.document, "Change date", date=value))

    def _on_length(self, value: int) -> None:
        length = value or None
        if length != self.document.plan.length_minutes:
            self.document.push(
                c.SetDetails(self.document, "Change planned length", length_minutes=length)
            )

    def _on_status(self, index: int) -> None:
        status = self.status.itemData(index)
        if status != self.document.status:
            self._notes_burst += 1
            text = "Mark session done" if status == "done" else "Mark session as draft"
            self.document.push(c.SetSessionDetails(self.document, text, status=status))

    def _on_notes(self) -> None:
        text = self.after_notes.toPlainText()
        if text != self.document.after_notes:
            self.document.push(
                c.SetSessionDetails(
                    self.document,
                    "Change after-session notes",
                    burst=self._notes_burst,
                    after_notes=text,
                )
            )

    def _on_remove(self) -> None:
        row = self.current_row()
        if row >= 0 and self.document.push(c.RemoveStep(self.document, row)):
            self.select_step(min(row, self.model.rowCount() - 1))

    def _on_move(self, delta: int) -> None:
        row = self.current_row()
        target = row + delta
        if (
            row >= 0
            and 0 <= target < self.model.rowCount()
            and self.document.push(c.MoveStep(self.document, row, target))
        ):
            self.select_step(target)
