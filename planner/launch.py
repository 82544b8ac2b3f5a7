"""The ``planner`` command's entry point: the window, or the command line.

With no arguments ``planner`` opens the window (:mod:`planner.start`), and nothing
of the command line (argparse, the command modules) is loaded for it: the window
starts sooner. Anything else goes to :mod:`planner.cli`, which this module alone
imports (the command line never imports it back).
"""

from __future__ import annotations

import sys
from typing import NoReturn


def run() -> NoReturn:
    """Console-script entry point (also ``python -m planner``)."""
    if len(sys.argv) <= 1:
        from planner.start import open_window

        sys.exit(open_window())
    from planner.cli import main

    sys.exit(main())
