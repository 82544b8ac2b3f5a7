"""Where the window keeps what belongs to this computer, not to the store (QSettings, INI).

The window's size and dock layout, the folder last used in a file dialog, where
the preview is shown: per user and machine, unlike the store's Settings, which
move with the data.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "MassageSessionPlanner"
APPLICATION = "planner"


def window_settings() -> QSettings:
    """The window's own settings (QSettings, INI format)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
