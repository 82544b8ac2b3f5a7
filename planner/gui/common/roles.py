"""What the window's models share: custom item roles, a headed table, the look of severities."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

_USER = int(Qt.ItemDataRole.UserRole)


class Role(IntEnum):
    """Roles a view or a test asks a model for (beyond display and edit)."""

    ID = _USER + 1  # technique id, exercise id, finding rule
    FAMILY = _USER + 2
    PRESSURE = _USER + 3
    OWN = _USER + 4  # the user's own technique
    SEVERITY = _USER + 5  # worst finding severity ("" for none)
    STEP = _USER + 6  # step index of a finding (-1: whole plan)
    REGION = _USER + 7
    SIDE = _USER + 8
    ITEM = _USER + 9  # the core object the row shows


_NO_INDEX = QModelIndex()


class HeadedTable(QAbstractTableModel):
    """A flat table with fixed column headings (``HEADERS``) and numbered rows."""

    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        # Row numbers only change when rows come or go, which resets the model.
        return str(section + 1)


# Mid-tone colours that read on both light and dark backgrounds.
SEVERITY_COLOURS: dict[str, str] = {
    "contraindicated": "#d64545",
    "caution": "#e0a020",
    "info": "#3f88c5",
}
_icons: dict[tuple[str, int], QIcon] = {}


def severity_icon(severity: str, size: int = 14) -> QIcon:
    """A plain coloured circle for a severity, empty for anything else (cached)."""
    key = (severity, size)
    if key not in _icons:
        # Imported here: the first icons are drawn after the window is up, and these
        # classes cost milliseconds to set up (found by the start-up benchmark).
        from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if severity in SEVERITY_COLOURS:
            painter.setPen(QColor("#00000040"))
            painter.setBrush(QColor(SEVERITY_COLOURS[severity]))
            painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        _icons[key] = QIcon(pixmap)
    return _icons[key]
