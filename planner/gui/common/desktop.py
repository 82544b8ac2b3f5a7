"""What the desktop offers: the folder the therapist last used, and whether PDFs can be opened.

Kept apart from :mod:`planner.gui.common.asks` (whose ``ask_``/``show_`` functions
tests replace) so that tests can check these directly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

LAST_FOLDER_KEY = "files/last_folder"


def _settings() -> QSettings:
    from planner.gui.common.user_settings import window_settings

    return window_settings()


def start_folder() -> Path:
    """Where a file dialog opens: the folder last used, if it still exists, else home."""
    value = _settings().value(LAST_FOLDER_KEY)
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return Path.home()


def remember_folder(path: Path) -> None:
    """Open the next file dialog in the folder of ``path`` (a file just opened or saved)."""
    folder = path if path.is_dir() else path.parent
    _settings().setValue(LAST_FOLDER_KEY, str(folder))


def pdf_viewer_available() -> bool:
    """Whether the desktop can open a PDF (where it cannot, "Open it now?" is not asked).

    macOS and Windows always have one. Elsewhere ``xdg-open`` must exist and
    ``xdg-mime`` must name an application for PDFs.
    """
    if sys.platform in ("darwin", "win32"):
        return True
    if not shutil.which("xdg-open") or not os.environ.get(
        "DISPLAY", os.environ.get("WAYLAND_DISPLAY")
    ):
        return False
    query = shutil.which("xdg-mime")
    if query is None:
        return False
    try:
        found = subprocess.run(
            [query, "query", "default", "application/pdf"],
            capture_output=True,
            text=True,
            timeout=3,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return found.returncode == 0 and bool(found.stdout.strip())
