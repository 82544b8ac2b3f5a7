"""The client panel's own widgets: a table as tall as its rows, and the conditions box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QTableView,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QResizeEvent

    from planner.gui.client.models import AvoidedModel, SymptomsModel

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
