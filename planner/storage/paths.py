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
LEDGER_FILE = "sync.db"  # SQLite: what the sync knows of each record's revisions

# The store's layout version (migrations.py has the history); here so that
# readers that need no migration (planner clients) can check it cheaply.
SCHEMA_VERSION = 3

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
    """Create ``folder`` (and parents) if needed and make it readable by its owner only.

    Only a mode wider than 0700 is narrowed (group and others lose their access);
    a folder its owner made read-only (0500) stays so.
    """
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    mode = folder.stat().st_mode & 0o777
    if os.name == "posix" and mode & ~FOLDER_MODE:
        os.chmod(folder, mode & FOLDER_MODE)


def read_only_folder(folder: Path) -> str | None:
    """Why ``folder`` (or its main file) is one its owner made read-only, or None.

    The owner's write bit is what counts, not whether this process could write
    anyway (root can): the user's choice is respected either way.
    """
    import stat

    try:
        mode = folder.stat().st_mode
    except OSError:
        return None
    if stat.S_ISDIR(mode) and not mode & stat.S_IWUSR:
        return f"the folder is read-only (mode {mode & 0o777:04o})"
    try:
        main = (folder / MAIN_FILE).stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(main) and not main & stat.S_IWUSR:
        return f"{MAIN_FILE} is read-only (mode {main & 0o777:04o})"
    return None
