"""The live preview: built off the event loop after edits stop, newest build shown."""

from __future__ import annotations

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView

from planner.core.library import builtin_library
from planner.core.plan import AvoidedArea, SessionPlan, Step
from planner.gui.common import commands as c
from planner.gui.common.document import SessionDocument
from planner.gui.documents.preview import PreviewPane

TIMEOUT = 30_000  # ms: a loaded CI machine builds slowly; the speed target is in bench/


def _plan(steps: int) -> SessionPlan:
    plan = SessionPlan(title="Preview test")
    plan.avoid_area(AvoidedArea("heel", "left", "open-wound", "blister"))
    for i in range(steps):
        plan.add_step(Step("effleurage", ("foot", "calf", "hand")[i % 3], "both", 3, "light"))
    return plan


def _current(pane: PreviewPane) -> bool:
    """For waitUntil: the pages are up to date; a failed build fails at once, not by timeout."""
    if pane.state.text().startswith("The preview could not be made"):
        raise RuntimeError(pane.state.text())
    return pane.is_current()


@pytest.fixture
def pane(qtbot):
    document = SessionDocument(builtin_library(), _plan(3))
    widget = PreviewPane(document)
    qtbot.addWidget(widget)
    widget.resize(500, 700)
    widget.show()
    qtbot.waitUntil(lambda: _current(widget) and widget.page_count() > 0, timeout=TIMEOUT)
    yield widget
    widget.wait_idle()


def _title(pane: PreviewPane) -> str:
    return str(pane.pdf.metaData(QPdfDocument.MetaDataField.Title))


def test_preview_shows_the_protocol_then_updates_after_an_edit(pane, qtbot):
    assert _title(pane).startswith("Session protocol: Preview test")
    first = pane.shown_generation
    pages = pane.page_count()
    document = pane.document
    document.push(c.SetDetails(document, "Title", title="Renamed session"))
    assert not pane.is_current()
    qtbot.waitUntil(lambda: _current(pane), timeout=TIMEOUT)
    assert pane.shown_generation > first
    assert _title(pane).startswith("Session protocol: Renamed session")
    # Many more steps with long notes: more pages.
    note = "Slow strokes toward the knee; ask about warmth and comfort as you go. " * 4
    for _ in range(40):
        step = Step("petrissage", "calf", "left", 1, "light", note)
        document.push(c.InsertStep(document, 0, step))
    assert not pane.is_current()
    qtbot.waitUntil(lambda: _current(pane), timeout=TIMEOUT)
    assert pane.page_count() > pages
    assert pane.page_label.text() == f"Page 1 of {pane.page_count()}"


def test_edits_in_a_burst_make_one_build_and_the_newest_is_shown(pane, qtbot):
    document = pane.document
    shown: list[int] = []
    pane.updated.connect(shown.append)
    for n in range(5):
        document.push(c.SetDetails(document, "Title", title=f"Title {n}"))
    # The debounce timer restarts on every edit: one request for the whole burst.
    with qtbot.waitSignal(pane.updated, timeout=TIMEOUT):
        pass
    assert shown == [pane.generation]
    assert _title(pane).startswith("Session protocol: Title 4")


def test_stale_build_is_dropped(pane, qtbot):
    document = pane.document
    document.push(c.SetDetails(document, "Title", title="First"))
    pane.rebuild()  # starts a build now
    assert pane.building
    document.push(c.SetDetails(document, "Title", title="Second"))
    pane.rebuild()  # a newer request while the first still builds
    newest = pane.generation
    shown: list[int] = []
    pane.updated.connect(shown.append)
    qtbot.waitUntil(lambda: _current(pane), timeout=TIMEOUT)
    assert pane.shown_generation == newest
    assert shown == [newest]  # the first build's pages were never shown
    assert _title(pane).startswith("Session protocol: Second")


def test_home_care_sheet_large_print_pages_and_zoom(pane, qtbot):
    before = pane.shown_generation
    pane.kind.setCurrentIndex(pane.kind.findData("home-care"))
    qtbot.waitUntil(lambda: _current(pane) and pane.shown_generation > before, timeout=TIMEOUT)
    assert _title(pane).startswith("Home-care sheet")
    assert pane.large_print.isEnabled()
    normal = pane.page_count()
    before = pane.shown_generation
    pane.large_print.setChecked(True)
    qtbot.waitUntil(lambda: _current(pane) and pane.shown_generation > before, timeout=TIMEOUT)
    assert pane.page_count() >= normal
    if pane.page_count() > 1:
        pane.next.click()
        qtbot.waitUntil(lambda: pane.current_page() == 1)
        assert pane.page_label.text().startswith("Page 2 of")
        assert pane.previous.isEnabled()
    pane.zoom.setCurrentIndex(pane.zoom.findText("150%"))
    assert pane.view.zoomFactor() == pytest.approx(1.5)
    pane.zoom.setCurrentIndex(pane.zoom.findText("Fit width"))
    assert pane.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_hidden_preview_builds_nothing_until_shown(qtbot):
    document = SessionDocument(builtin_library(), _plan(2))
    widget = PreviewPane(document)
    qtbot.addWidget(widget)
    document.push(c.SetDetails(document, "Title", title="Hidden"))
    widget.rebuild()
    assert widget.generation == 0 and not widget.building
    widget.show()
    qtbot.waitUntil(lambda: _current(widget), timeout=TIMEOUT)
    assert _title(widget).startswith("Session protocol: Hidden")
    widget.wait_idle()


def test_preview_in_the_window(window, qtbot):
    main = window
    main.preview_dock.raise_()
    preview = main.preview
    qtbot.waitUntil(lambda: _current(preview), timeout=TIMEOUT)
    before = preview.shown_generation
    main.document.push(c.SetDetails(main.document, "Title", title="In the window"))
    qtbot.waitUntil(
        lambda: _current(preview) and preview.shown_generation > before, timeout=TIMEOUT
    )
    assert _title(preview).startswith("Session protocol: In the window")
    preview.wait_idle()


def _settle() -> None:
    """Let queued catch-ups run (a zero-time wait: no sleep, only the event queue)."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    QApplication.sendPostedEvents()
    QApplication.processEvents()


def test_preview_behind_another_tab_builds_nothing_then_catches_up_once(window, qtbot):
    main = window
    main.preview_dock.raise_()
    preview = main.preview
    qtbot.waitUntil(lambda: _current(preview) and preview.page_count() > 0, timeout=TIMEOUT)
    shown: list[int] = []
    preview.updated.connect(shown.append)

    # Behind the client tab. Qt still reports the pane visible there, which is why the
    # dock's word is what counts.
    main.client_dock.raise_()
    qtbot.waitUntil(lambda: not main._preview.on_screen)
    assert not preview.on_screen()
    generation = preview.generation
    for n in range(3):
        main.document.push(c.SetDetails(main.document, "Title", title=f"Behind {n}"))
        # No rebuild is even scheduled: the debounce timer is the only way to one.
        assert not preview._timer.isActive()
    _settle()
    assert preview.generation == generation and not preview.building
    assert not preview.is_current()

    # Back on screen: one build, of the newest plan.
    with qtbot.waitSignal(preview.updated, timeout=TIMEOUT):
        main.preview_dock.raise_()
    qtbot.waitUntil(lambda: _current(preview), timeout=TIMEOUT)
    assert preview.generation == generation + 1
    assert shown == [generation + 1]
    assert _title(preview).startswith("Session protocol: Behind 2")

    # Away and back without an edit: nothing to build.
    main.client_dock.raise_()
    qtbot.waitUntil(lambda: not main._preview.on_screen)
    main.preview_dock.raise_()
    qtbot.waitUntil(lambda: main._preview.on_screen)
    _settle()
    assert preview.generation == generation + 1 and not preview.building
    assert not preview._timer.isActive()
    assert preview.is_current()
    preview.wait_idle()


def test_an_edit_during_a_build_is_built_when_the_preview_returns(window, qtbot):
    main = window
    main.preview_dock.raise_()
    preview = main.preview
    qtbot.waitUntil(lambda: _current(preview), timeout=TIMEOUT)
    main.document.push(c.SetDetails(main.document, "Title", title="While building"))
    preview.rebuild()
    assert preview.building
    # An edit, then the tab goes behind another before the running build ends.
    main.document.push(c.SetDetails(main.document, "Title", title="Newest"))
    preview.rebuild()
    main.client_dock.raise_()
    qtbot.waitUntil(lambda: not preview.building, timeout=TIMEOUT)
    _settle()
    assert not preview.building and not preview.is_current()
    main.preview_dock.raise_()
    qtbot.waitUntil(lambda: _current(preview), timeout=TIMEOUT)
    assert _title(preview).startswith("Session protocol: Newest")
    preview.wait_idle()
