"""No two Alt+letter keys on the window's first screen: a clash makes Alt+letter do nothing."""

from __future__ import annotations

from keyboard_checks import clashes, menu_mnemonics, window_mnemonics


def test_first_screen_alt_letters_are_unique(window) -> None:
    assert clashes(window_mnemonics(window)) == []


def test_each_menu_has_unique_letters(window) -> None:
    for menu_action in window.menuBar().actions():
        assert clashes(menu_mnemonics(menu_action.menu())) == [], menu_action.text()


def test_alt_letters_stay_unique_with_the_preview_as_a_tab_in_the_middle(window) -> None:
    window.preview_place.actions["tab"].trigger()
    keys = window_mnemonics(window)
    assert "p" in keys  # the Preview tab in the middle took the hidden dock's Alt+P
    assert clashes(keys) == []
    for menu_action in window.menuBar().actions():
        assert clashes(menu_mnemonics(menu_action.menu())) == [], menu_action.text()
    assert clashes(menu_mnemonics(window.preview_place.menu)) == []
