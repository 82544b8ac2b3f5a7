"""GUI test fixtures: a window over a fresh store, private settings, no real dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from window_helpers import open_window

from planner.gui.common import asks


@pytest.fixture(autouse=True)
def _private_qsettings(tmp_path: Path) -> None:
    """QSettings caches its folder per process, so point it at this test's folder explicitly."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture(autouse=True)
def _no_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any question a test did not expect fails the test instead of blocking it."""
    for name in dir(asks):
        if name.startswith(("ask_", "show_")):

            def unexpected(*args: object, _name: str = name, **kwargs: object) -> None:
                raise AssertionError(f"unexpected dialog: {_name}{args[1:]}")

            monkeypatch.setattr(asks, name, unexpected)


@pytest.fixture
def store_folder(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def window(qtbot, store_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    with open_window(qtbot, store_folder, monkeypatch) as main:
        yield main
