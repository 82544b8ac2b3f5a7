"""Custom item roles shared by the window's models, and the look of severities."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

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
