"""The client panel: who the session is for, their conditions, and their areas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.core.plan import Client
from planner.core.vocab import CONDITIONS
from planner.gui.client.models import AvoidedModel, SymptomsModel
from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.gui.common.document import SessionDocument

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QResizeEvent

    from planner.storage import ClientRecord, Store

_CHOOSE = "Choose a client…"
# The room a cell keeps around its text: Fusion (the window's style) leaves its focus
# margin and one pixel on each side (3 + 3), and 2 more to spare. A constant rather than
# asking the style: setting up QStyle's enums costs ~5 ms of the window's start.
_CELL_MARGIN = 8


class AreaTable(QTableView):
    """A short table that reads whole in a narrow dock: never sideways, rows as tall as needed.

    The columns share the width by fixed fractions, the text wraps, and each row is as
    tall as its longest cell. The table asks its layout for the height of all its rows
    (up to a cap), so the dock's own scroll bar, not one inside the table, shows the
    rest. Each cell's tooltip holds its whole text (the models give it).
    """

    # Rows shown before the table scrolls itself, in lines of text.
    _MAX_LINES = 14

    def __init__(
        self,
        model: AvoidedModel | SymptomsModel,
        name: str,
        shares: tuple[float, ...],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._shares = shares
        self.setModel(model)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        # Only a word wider than the whole table could bring a sideways scroll bar.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self._fit)

    def _fit_columns(self) -> None:
        """Share the width; no column narrower than its heading or its longest word."""
        # The viewport's width, worked out without viewport(): the first time Qt's own
        # viewport widget is handed to Python, PySide spends ~8 ms looking up its class.
        width = self.maximumViewportSize().width()
        bar = self.verticalScrollBar()
        if bar.isVisible():
            width -= bar.width()
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        model = self.model()
        least = []
        for column in range(len(self._shares)):
            words = [
                word
                for row in range(model.rowCount())
                for word in str(model.index(row, column).data() or "").split()
            ]
            longest = max((metrics.horizontalAdvance(word) for word in words), default=0)
            least.append(max(header.sectionSizeHint(column), longest + _CELL_MARGIN))
        # Columns that cannot have their share get their least; the rest share what is left.
        sizes = [0] * len(least)
        free = set(range(len(least)))
        left = width
        while free:
            total = sum(self._shares[column] for column in free)
            fixed = [c for c in free if least[c] > left * self._shares[c] / total]
            if not fixed:
                break
            for column in fixed:
                sizes[column] = least[column]
                left -= least[column]
                free.discard(column)
        total = sum(self._shares[column] for column in free) or 1.0
        for column in free:
            sizes[column] = int(left * self._shares[column] / total)
        if free:
            # The last free column takes what rounding left over.
            sizes[max(free)] += left - sum(sizes[column] for column in free)
        for column, size in enumerate(sizes):
            header.resizeSection(column, max(size, 0))

    def sizeHintForRow(self, row: int) -> int:
        # Some air above and below the text, as in the steps table; wrapped or not.
        line = self.fontMetrics().lineSpacing()
        return max(super().sizeHintForRow(row) + 8, line + 12)

    def _fit(self, *_: object) -> None:
        """Columns to the width and the words in them, then rows to their wrapped text."""
        self._fit_columns()
        self.resizeRowsToContents()
        self.updateGeometry()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            # The width changed (the dock, or the vertical scroll bar came or went).
            self._fit()
        return super().viewportEvent(event)

    def _height_for_rows(self) -> int:
        count = self.model().rowCount()
        line = self.fontMetrics().lineSpacing()
        # An empty table keeps room for two rows, so that it still reads as a table.
        rows = sum(self.rowHeight(row) for row in range(count)) if count else 2 * (line + 12)
        rows = min(rows, self._MAX_LINES * line)
        return rows + self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height_for_rows())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height_for_rows())


def _wrap(text: str, room: int, advance: Callable[[str], int]) -> str:
    """The text with its words in lines no wider than ``room`` (a longer word alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and advance(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


class ConditionsBox(QGroupBox):
    """The conditions as ticks in as many columns as the width holds, read down each column.

    Nine ticks in one column took most of a short dock. Here they go in three or two
    columns when the labels fit side by side, else in two with longer labels on two lines,
    else in one, whenever the box is resized. Tab goes in the order they were made, down
    the first column and then the next, as they read.
    """

    _GAP = 8  # between columns: a little more than the layout's own, so they read apart

    def __init__(self, names: dict[str, str], parent: QWidget) -> None:
        super().__init__("Conditions", parent)
        self._grid = QGridLayout(self)
        self._grid.setHorizontalSpacing(self._GAP)
        self._names = names
        self._shown: tuple[int, tuple[str, ...]] = (0, ())
        self.boxes: dict[str, QCheckBox] = {}
        for key, name in names.items():
            box = QCheckBox(name, self)
            box.setAccessibleName(name)
            self.boxes[key] = box
        self._place(1, tuple(names.values()), [1])

    def _place(self, columns: int, texts: tuple[str, ...], widths: list[int]) -> None:
        if (columns, texts) == self._shown:
            return
        rows = -(-len(texts) // columns)
        for i, (box, text) in enumerate(zip(self.boxes.values(), texts, strict=True)):
            box.setText(text)
            self._grid.removeWidget(box)
            # Centred in its row: a one-line tick lines up with a two-line neighbour's box.
            self._grid.addWidget(box, i % rows, i // rows, Qt.AlignmentFlag.AlignVCenter)
        for column in range(len(texts)):
            self._grid.setColumnStretch(column, widths[column] if column < columns else 0)
        self._shown = (columns, texts)

    def _arrange(self) -> None:
        """The most columns the width holds, with labels on one line, or else two."""
        margins = self._grid.contentsMargins()
        width = self.contentsRect().width() - margins.left() - margins.right()
        names = list(self._names.values())
        metrics, measured = self.fontMetrics(), {}

        def advance(text: str) -> int:
            # As the tick itself measures its label, so that a label's width, wrapped or
            # not, is what the tick asks for and placing it again gives the same answer.
            if text not in measured:
                flags = Qt.TextFlag.TextShowMnemonic
                measured[text] = metrics.boundingRect(QRect(), flags, text).width()
            return measured[text]

        first = next(iter(self.boxes.values()))
        # What a tick takes besides its label: the box and the space before the text.
        extra = first.sizeHint().width() - advance(first.text())
        for columns in (3, 2):
            rows = -(-len(names) // columns)
            chunks = [names[start : start + rows] for start in range(0, len(names), rows)]
            widths = [max(map(advance, chunk)) + extra for chunk in chunks]
            if sum(widths) + self._GAP * (columns - 1) <= width:
                self._place(columns, tuple(names), widths)
                return
        # Two even columns, a label taking two lines where it must.
        room = (width - self._GAP) // 2 - extra
        texts = tuple(_wrap(name, room, advance) for name in names)
        if all(text.count("\n") <= 1 and advance(text) <= room for text in texts):
            self._place(2, texts, [1, 1])
        else:
            # One column; labels wrap only in a dock narrower than the longest of them.
            self._place(1, tuple(_wrap(name, width - extra, advance) for name in names), [1])

    # The labels' widths never hold the panel wider than its dock: the box asks only for
    # height, and its ticks are placed again for whatever width it is given. (Not a size
    # policy on each tick: QSizePolicy's first use costs 0.5 ms of the window's start.)
    def sizeHint(self) -> QSize:
        return QSize(0, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._arrange()


def apply_client(document: SessionDocument, record: ClientRecord) -> None:
    """Make the session this client's: their conditions and standing areas come along.

    One undo entry; areas the plan already has are not added twice.
    """
    stack = document.undo_stack
    stack.beginMacro(f"Choose client {record.name}")
    client = Client(record.name, tuple(record.conditions), record.notes)
    document.push(c.SetDetails(document, "Choose client", client=client))
    plan = document.plan
    for area in record.avoid:
        if plan.avoided_index(area.region, area.side) is None:
            document.push(c.AvoidArea(document, area))
    for symptom in record.symptoms:
        if plan.symptom_index(symptom.region, symptom.side, symptom.kind) is None:
            document.push(c.MarkSymptom(document, symptom))
    stack.endMacro()


class ClientPanel(QWidget):
    """Choose or create a client; conditions as checkboxes; avoided and symptom areas."""

    def __init__(self, document: SessionDocument, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.client = QComboBox(self)
        self.client.setAccessibleName("Client")
        self.new_client = QPushButton("New c&lient…", self)
        self.new_client.setEnabled(not store.read_only)
        row.addWidget(self.client, 1)
        row.addWidget(self.new_client)
        layout.addLayout(row)

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
        # Alt+letters are unique across the window's first screen (tests/gui/window/test_mnemonics.py).
        self.remove_symptom = QPushButton("Remove s&ymptom", symptoms)
        self._group(symptoms, self.symptoms, self.add_symptom, self.remove_symptom)
        layout.addWidget(symptoms, 1)
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
        index = self.client.findText(name) if name else 0
        if index < 0:  # a client from a plan file who is not in the store
            self.client.addItem(name, "")
            index = self.client.count() - 1
        self.client.setCurrentIndex(index)

    # -- slots -------------------------------------------------------------

    def _on_changed(self) -> None:
        self._show_client()
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

    def _on_new_client(self) -> None:
        from planner.storage import ClientRecord, StoreError

        answer = asks.ask_new_client(self)
        if answer is None:
            return
        name, contact, notes = answer
        plan = self.document.plan
        record = ClientRecord(
            "",
            name,
            contact,
            plan.client.conditions,
            tuple(plan.avoid),
            tuple(plan.symptoms),
            notes,
        )
        try:
            record = self.store.save_client(record)
        except StoreError as error:
            asks.show_error(self, "New client", str(error))
            return
        self.refresh_clients()
        apply_client(self.document, record)

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
