"""Search that ranks: the technique a therapist types is the top row, and Enter adds it."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from planner.core.library import builtin_library
from planner.gui.library.model import LibraryModel


def _names(model: LibraryModel) -> list[str]:
    return [model.technique(row).name for row in range(model.rowCount())]


# The examples: sorted by name, Enter added the technique in the second column.
@pytest.mark.parametrize(
    ("typed", "added", "not_added"),
    [
        ("thumb", "thumb-pressure", "circular-friction"),
        ("toe", "toe-work", "gentle-stroking"),
        ("range", "range-of-motion", "passive-stretching"),
    ],
)
def test_typing_then_enter_adds_the_named_technique(window, qtbot, typed, added, not_added):
    library = window.library_dock
    library.search.setFocus()
    qtbot.keyClicks(library.search, typed)
    assert library.list.currentIndex().row() == 0
    assert library.current().id == added
    qtbot.keyClick(library.search, Qt.Key.Key_Return)
    assert [step.technique for step in window.document.plan.steps] == [added]
    assert not_added != added


def test_top_row_is_selected_as_each_letter_is_typed(window, qtbot):
    library = window.library_dock
    library.search.setFocus()
    for letter, expected in (("t", "tapotement"), ("h", "thumb-pressure")):
        qtbot.keyClicks(library.search, letter)
        assert library.current().id == expected
        assert library.list.selectionModel().isRowSelected(0)


def test_ranks_name_start_then_word_then_family_then_description():
    model = LibraryModel(builtin_library())
    model.set_filter("press")
    names = _names(model)
    # No name starts with "press"; "Thumb pressure" has a word that does; then the
    # pressure family; then techniques whose description says "pressure".
    assert names[0] == "Thumb pressure"
    family = [builtin_library().techniques[t].name for t in ("compression", "reflexology")]
    assert set(family) <= set(names[1:4])
    described = names.index("Circular friction")
    assert described > max(names.index(n) for n in family)


def test_name_start_beats_name_contains():
    model = LibraryModel(builtin_library())
    model.set_filter("fri")
    assert _names(model)[:2] == ["Circular friction", "Cross-fiber friction"]
    model.set_filter("cross")
    assert _names(model)[0] == "Cross-fiber friction"


def test_empty_search_lists_by_name():
    model = LibraryModel(builtin_library())
    names = _names(model)
    assert names == sorted(names, key=str.casefold)
    model.set_filter("stroking")
    assert _names(model)[0] == "Gentle stroking"


def _fresh(text: str, family: str = "", pressure: str = "") -> list[str]:
    model = LibraryModel(builtin_library())
    model.set_filter(text, family, pressure)
    return _names(model)


def test_typing_on_deleting_and_filters_show_what_a_fresh_search_shows():
    # Each keystroke searches among the previous matches only while it narrows them.
    model = LibraryModel(builtin_library())
    steps = [
        ("f", "", ""),
        ("fr", "", ""),
        ("fri", "", ""),
        ("fr", "", ""),  # a deleted letter widens again
        ("fr", "friction", ""),
        ("fr", "", ""),  # family back to all
        ("fr s", "", ""),
        ("s fr", "", ""),
        ("gentle", "", "light"),
        ("gentle", "", ""),
        ("", "", ""),
    ]
    for text, family, pressure in steps:
        model.set_filter(text, family, pressure)
        assert _names(model) == _fresh(text, family, pressure), (text, family, pressure)
    assert _names(model) == sorted(_names(model), key=str.casefold)


def test_own_technique_is_labelled_in_the_list():
    library = builtin_library()
    own = library.with_custom(
        [dataclasses.replace(library.techniques["toe-work"], id="own-toe", name="Toe rolling")]
    )
    model = LibraryModel(own)
    model.set_filter("toe rol")
    index = model.index(0, 0)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "Toe rolling  (own)"
    assert model.technique(0).id == "own-toe"
