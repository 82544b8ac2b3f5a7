"""The PySide6 workarounds: the reference guards, and a feature scan with PySide's answers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QObject, Signal

import planner.core.plan  # noqa: F401  (a Qt-free module, loaded for the scan below)
from planner.gui.common import qtfix


class _Sender(QObject):
    ping = Signal()


def test_many_signal_calls_leave_true_alive() -> None:
    sender = _Sender()
    before = sys.getrefcount(True)
    for _ in range(20_000):
        sender.ping.emit()
    lost = before - sys.getrefcount(True)
    # Either this PySide6 keeps its references, or the guard gave True far more to lose.
    assert lost < 100 or qtfix.SIGNALS_LOSE_REFERENCES
    if qtfix.SIGNALS_LOSE_REFERENCES:
        assert sys.getrefcount(True) > 1 << 39


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not qtfix.FEATURE_SCAN_QUICKENED, reason="this PySide6 has no such scan")
def test_quick_scan_answers_as_pyside_does_for_every_loaded_module() -> None:
    original = qtfix._original_test
    assert original is not None
    modules = [module for module in list(sys.modules.values()) if isinstance(module, ModuleType)]
    assert len(modules) > 100
    disagree = [
        module.__name__
        for module in modules
        if qtfix._source_names_pyside(module) != original(module)
    ]
    assert disagree == []
    # The window's own modules name PySide6; the Qt-free core does not.
    assert qtfix._source_names_pyside(sys.modules["planner.gui.common.qtfix"])
    assert not qtfix._source_names_pyside(sys.modules["planner.core.plan"])


@pytest.mark.skipif(not qtfix.FEATURE_SCAN_QUICKENED, reason="this PySide6 has no such scan")
def test_quick_scan_of_a_module_whose_file_is_gone_asks_pyside(tmp_path: Path) -> None:
    path = tmp_path / "gone_after_load.py"
    path.write_text("VALUE = 'uses PySide6'\n", encoding="utf-8")
    module = _load(path, "gone_after_load")
    assert qtfix._source_names_pyside(module)
    path.unlink()
    # PySide's own test cannot read it either: no source, so "does not use PySide".
    assert qtfix._source_names_pyside(module) is False


def test_quick_scan_is_put_in_place_once() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not qtfix.FEATURE_SCAN_QUICKENED:
        pytest.skip("this PySide6 has no such scan")
    assert feature._mod_uses_pyside is qtfix._source_names_pyside
    assert qtfix.quicken_feature_scan() is False  # a second call changes nothing
    assert feature._mod_uses_pyside is qtfix._source_names_pyside
