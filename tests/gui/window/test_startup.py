"""Starting the window: Qt loaded early, the store opened before Qt, the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner import preload, start
from planner.gui.common import asks
from planner.gui.window import app
from planner.storage import Store, StoreDamagedError, StoreLockedError

ROOT = Path(__file__).resolve().parents[3]


def _python(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in a fresh process with its own home, from the checkout; it must end well."""
    result = subprocess.run(
        [sys.executable, *args],
        env=dict(os.environ, HOME=str(tmp_path), PYTHONPATH=str(ROOT), **env),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_qt_library_is_the_one_pyside6_uses() -> None:
    import PySide6

    library = preload.qt_library()
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux loads Qt early")
    assert library is not None
    assert Path(library).name == "libQt6Widgets.so.6"
    assert Path(library).resolve().is_relative_to(Path(PySide6.__file__).resolve().parent)


def test_the_bindings_loaded_early_are_the_ones_python_imports() -> None:
    import PySide6.QtCore
    import PySide6.QtGui
    import PySide6.QtWidgets
    import shiboken6.Shiboken

    modules = (shiboken6.Shiboken, PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets)
    imported = [Path(str(module.__file__)).resolve() for module in modules]
    assert [Path(path).resolve() for path in preload.bindings()] == imported


STORE_EXTENSIONS_LOADED = """
import sys
from pathlib import Path
import planner.start
before = set(sys.modules)
planner.start._open_store(Path(sys.argv[1])).close()
for name in sorted(set(sys.modules) - before):
    origin = getattr(sys.modules[name], "__file__", None) or ""
    if origin.endswith(".so"):
        print(name)
"""


def test_every_c_extension_the_store_loads_is_loaded_before_qt(tmp_path: Path) -> None:
    result = _python(tmp_path, "-c", STORE_EXTENSIONS_LOADED, str(tmp_path / "data"))
    loaded = set(result.stdout.split())
    assert loaded, "the check would notice nothing"
    assert loaded <= set(start.STORE_EXTENSIONS)


def test_loading_ends_and_a_missing_library_is_only_no_head_start(tmp_path: Path) -> None:
    loading = preload.Loading(str(tmp_path / "libQt6Widgets.so.6"))  # not there
    loading.wait()
    loading.wait()  # waiting again returns at once
    started = preload.start()
    if sys.platform.startswith("linux"):
        assert started is not None
    if started is not None:
        started.wait()


def test_store_opened_before_qt_is_the_window_store(qtbot, store_folder: Path) -> None:
    early = start._open_store(store_folder)
    assert isinstance(early, Store)
    opened = app.open_store(store_folder, first=early)
    assert opened is not None
    store, reason = opened
    try:
        assert store is early and reason == ""
        assert store.library() is early.library()  # read once, while Qt was loading
    finally:
        store.close()


def test_store_held_elsewhere_before_qt_opens_read_only(qtbot, store_folder: Path) -> None:
    with Store.open(store_folder):
        early = start._open_store(store_folder)
        assert isinstance(early, StoreLockedError)
        opened = app.open_store(store_folder, first=early)
        assert opened is not None
        store, reason = opened
        try:
            assert store.read_only and reason == str(early)
        finally:
            store.close()


def test_damaged_store_found_before_qt_gets_the_usual_question(
    qtbot, store_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(store_folder).close()
    store_file = next(store_folder.glob("store.json"))
    store_file.write_text("{ this is not JSON", encoding="utf-8")
    early = start._open_store(store_folder)
    assert isinstance(early, StoreDamagedError)
    asked: list[str] = []

    def decline(parent: object, message: str, backup: object) -> bool:
        asked.append(message)
        return False

    monkeypatch.setattr(asks, "ask_restore_backup", decline)
    assert app.open_store(store_folder, first=early) is None
    assert asked == [str(early)]


def test_planner_command_opens_the_window_and_ends(tmp_path: Path) -> None:
    result = _python(
        tmp_path,
        "-c",
        "from planner.launch import run; run()",
        PLANNER_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PLANNER_QUIT_AFTER_SHOW="1",
        QT_QPA_PLATFORM="offscreen",
    )
    assert "Traceback" not in result.stderr
    assert (tmp_path / "data" / "store.json").is_file()


FIRST_CHECK_AFTER_SHOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(["x"])
from planner.gui.window.app import build_window, open_store
store, reason = open_store(Path(sys.argv[1]))
window = build_window(store, reason)
if sys.argv[2] == "home care in front":
    window.home_care_dock.raise_()  # its proposal is made when the tab is first shown
window.show()
if sys.argv[2] == "home care in front":
    assert window.home_care.model.rowCount() == 0  # the proposal waits with the check
rulebook = ("planner.core.rules", "planner.core.safety")
print(sorted(name for name in sys.modules if name.startswith(rulebook)))
print(window.document.check_pending)
app.processEvents()
app.processEvents()
print(window.document.check_pending, "planner.core.safety" in sys.modules)
store.close()
"""


@pytest.mark.parametrize("front", ["client in front", "home care in front"])
def test_the_first_check_and_its_rulebook_wait_until_the_window_is_shown(
    tmp_path: Path, front: str
) -> None:
    result = _python(
        tmp_path,
        "-c",
        FIRST_CHECK_AFTER_SHOW,
        str(tmp_path / "data"),
        front,
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
    )
    assert result.stdout.splitlines() == ["[]", "True", "False True"]


def test_a_plan_loaded_before_the_first_check_is_checked_at_once(window) -> None:
    from planner.core.plan import SessionPlan

    window.document.check_later()
    window.document.load(SessionPlan())  # the first load waits, as the window's own does
    assert window.document.check_pending
    plan = SessionPlan()
    plan.set_conditions(("diabetes",))
    window.document.load(plan)
    assert not window.document.check_pending
    assert "diabetes" in {finding.rule for finding in window.document.findings}
