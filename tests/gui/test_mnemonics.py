"""No two Alt+letter keys on the window's first screen: a clash makes Alt+letter do nothing."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QDockWidget

from tests.gui.keyboard_checks import mnemonics


def _key(text: str) -> str | None:
    text = text.replace("&&", "")
    return text[text.index("&") + 1].casefold() if "&" in text else None


def _clashes(keys: list[str | None]) -> list[str]:
    taken = Counter(key for key in keys if key)
    return sorted(key for key, count in taken.items() if count > 1)


def test_first_screen_alt_letters_are_unique(window) -> None:
    keys = mnemonics(window)
    keys += [_key(action.text()) for action in window.menuBar().actions()]
    # A tabbed dock's title is an Alt+letter too: its tab takes it.
    keys += [
        _key(dock.windowTitle())
        for dock in window.findChildren(QDockWidget)
        if window.tabifiedDockWidgets(dock)
    ]
    assert _clashes(keys) == []


def test_each_menu_has_unique_letters(window) -> None:
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        keys = [_key(action.text()) for action in menu.actions() if not action.isSeparator()]
        assert _clashes(keys) == [], menu_action.text()
