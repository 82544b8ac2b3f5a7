"""Where the store lives and the names of its files.

This module imports neither tinydb nor platformdirs at load time, so that the
command line can look for the user's own techniques without paying for them.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "massage-session-planner"
ENV_VAR = "PLANNER_DATA_DIR"

MAIN_FILE = "store.json"  # tinydb: meta, clients, templates, settings
OWN_FILE = "own.json"  # plain JSON: the user's own techniques and exercises
SESSIONS_DIR = "sessions"  # tinydb per client: sessions/<client-id>.json
BACKUPS_DIR = "backups"
LOCK_FILE = "store.lock"

# The store's layout version (migrations.py has the history); here so that
# readers that need no migration (planner clients) can check it cheaply.
SCHEMA_VERSION = 2

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def data_dir() -> Path:
    """The store folder: ``PLANNER_DATA_DIR`` if set, else the platform's user data folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when needed: it costs a few milliseconds to import

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and parents) if needed and make it readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if os.name == "posix" and (folder.stat().st_mode & 0o777) != FOLDER_MODE:
        os.chmod(folder, FOLDER_MODE)
