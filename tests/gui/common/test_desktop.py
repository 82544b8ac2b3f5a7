"""The folder file dialogs open in, and whether "Open it now?" can be offered."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from planner.gui.common import desktop


def test_dialogs_start_in_the_last_folder_used(tmp_path: Path):
    assert desktop.start_folder() == Path.home()
    (tmp_path / "exports").mkdir()
    desktop.remember_folder(tmp_path / "exports" / "protocol.pdf")
    assert desktop.start_folder() == tmp_path / "exports"
    desktop.remember_folder(tmp_path)
    assert desktop.start_folder() == tmp_path


def test_a_folder_since_removed_falls_back_to_home(tmp_path: Path):
    desktop.remember_folder(tmp_path / "gone" / "x.pdf")
    assert desktop.start_folder() == Path.home()


@pytest.fixture
def linux(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(desktop.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":1")
    monkeypatch.setattr(desktop.shutil, "which", lambda name: f"/usr/bin/{name}")


def _answer(monkeypatch: pytest.MonkeyPatch, code: int, out: str) -> None:
    def run(*args, **kwargs):
        return subprocess.CompletedProcess(args, code, out, "")

    monkeypatch.setattr(desktop.subprocess, "run", run)


def test_viewer_when_xdg_names_an_application(linux, monkeypatch):
    _answer(monkeypatch, 0, "org.gnome.Evince.desktop\n")
    assert desktop.pdf_viewer_available()


@pytest.mark.parametrize(("code", "out"), [(0, "\n"), (4, "")])
def test_no_viewer_when_xdg_names_none(linux, monkeypatch, code, out):
    _answer(monkeypatch, code, out)
    assert not desktop.pdf_viewer_available()


def test_no_viewer_without_xdg_open_or_a_display(monkeypatch):
    monkeypatch.setattr(desktop.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":1")
    monkeypatch.setattr(desktop.shutil, "which", lambda name: None)
    assert not desktop.pdf_viewer_available()
    monkeypatch.setattr(desktop.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert not desktop.pdf_viewer_available()


def test_other_desktops_always_have_one(monkeypatch):
    monkeypatch.setattr(desktop.sys, "platform", "darwin")
    assert desktop.pdf_viewer_available()
