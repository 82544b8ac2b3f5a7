"""A table of any length whose page breaks cost the same on page 300 as on page 1.

reportlab's Table recomputes every remaining row's layout each time it is split
over a page, so a table of n rows over n/30 pages costs time in n². A
:class:`WindowTable` holds the rows and builds a real Table only for the next
window of them, enough to fill a page: each page then costs only its own rows,
and the whole document is linear in its length.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

# Style commands of one row, with 0 standing for that row's index in the table built.
RowCommands = Sequence[tuple[Any, ...]]


class WindowTable(Flowable):
    """Rows under a header row that repeats on every page, laid out a window at a time.

    Args:
        header: the header row, repeated at the top of each page (None: no header).
        rows: the body rows.
        row_commands: for each body row, its own style commands with row index 0.
        base_commands: commands for every cell (fonts, padding), with (0, 0)-(-1, -1).
        header_commands: commands for the header row, with row index 0.
        make_table: builds a Table from its rows (column widths, alignment).
    """

    _FIRST_WINDOW = 48
    _ENOUGH = 2000.0  # points: taller than any page

    def __init__(
        self,
        header: list[Any] | None,
        rows: Sequence[list[Any]],
        row_commands: Sequence[RowCommands],
        base_commands: list[tuple[Any, ...]],
        header_commands: list[tuple[Any, ...]],
        make_table: Callable[[list[list[Any]]], Table],
    ) -> None:
        super().__init__()
        self.header = header
        self.rows = rows
        self.row_commands = row_commands
        self.base_commands = base_commands
        self.header_commands = header_commands
        self.make_table = make_table
        self.window = min(len(rows), self._FIRST_WINDOW)
        self._table: Table | None = None
        self._wrapped: tuple[tuple[float, float], tuple[float, float]] | None = None

    def _build(self, count: int) -> Table:
        head = [self.header] if self.header is not None else []
        table = self.make_table([*head, *self.rows[:count]])
        commands = list(self.base_commands) + list(self.header_commands)
        for offset, own in enumerate(self.row_commands[:count], start=len(head)):
            for command in own:
                name, start, end, *rest = command
                commands.append((name, (start[0], offset), (end[0], offset), *rest))
        table.setStyle(TableStyle(commands))
        return table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped is not None and self._wrapped[0] == (avail_width, avail_height):
            return self._wrapped[1]
        while True:
            table = self._build(self.window)
            width, height = table.wrap(avail_width, avail_height)
            # A page is never taller than _ENOUGH: when asked with unbounded room
            # (KeepTogether measures so), a page's worth is as far as we look.
            if self.window >= len(self.rows) or height > min(avail_height, self._ENOUGH):
                break
            self.window = min(len(self.rows), self.window * 2)
        self._table = table
        if self.window < len(self.rows):
            # More rows follow on the next page: ask to be split here.
            height = max(height, avail_height + 1)
        self._wrapped = ((avail_width, avail_height), (width, height))
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        assert self._table is not None
        parts = self._table.split(avail_width, avail_height)
        if not parts:
            return []
        head = 1 if self.header is not None else 0
        # What reportlab did not place of the window (with splitInRow, the rest of a
        # row cut at the page's foot comes first), then the rows beyond the window.
        unplaced = [list(row) for row in parts[1]._cellvalues[head:]] if len(parts) > 1 else []
        start = self.window - len(unplaced)
        if start <= 0 and len(parts) > 1 and len(parts[0]._cellvalues) <= head:
            return []
        rest = WindowTable(
            self.header,
            unplaced + list(self.rows[self.window :]),
            list(self.row_commands[start:]),
            self.base_commands,
            self.header_commands,
            self.make_table,
        )
        return [parts[0], rest] if rest.rows else [parts[0]]

    def draw(self) -> None:
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)
