"""The window (PySide6). Nothing outside this package imports Qt."""

# Before anything else uses a signal: see qtfix for the PySide6 6.12 bug it guards against.
from planner.gui.common import qtfix as _qtfix  # noqa: F401
