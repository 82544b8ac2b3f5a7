"""Where the program's resource files (library data, body map, fonts) live."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """``resources/`` beside the package in a checkout, or inside it when installed."""
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "resources", package / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the planner's resources folder is missing (looked beside {package})")
