"""The ``planner`` command's entry point: the window, or the command line.

With no arguments ``planner`` opens the window, and nothing of the command line
(argparse, the command modules) is loaded for it: the window starts sooner.
Anything else goes to :mod:`planner.cli`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn


def open_window(data_dir: Path | None = None) -> int:
    """Open the main window until it is closed; the exit status."""
    import gc

    # Start-up makes tens of thousands of objects that live as long as the window (Qt's
    # enums, the modules, the widgets); collecting while they are made only walks them
    # again and again. run_app turns collection back on once the window is shown.
    gc.disable()
    from planner.gui.app import run_app

    return run_app([], data_dir, settle_heap=True)


def run() -> NoReturn:
    """Console-script entry point (also ``python -m planner``)."""
    if len(sys.argv) <= 1:
        sys.exit(open_window())
    from planner.cli import main

    sys.exit(main())
