"""The course room in the window: measures, one-keystroke intensities, history, notes, signing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from window_helpers import open_window  # type: ignore[import-not-found]

from planner.core.plan import SymptomArea
from planner.gui.common import asks

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "cli"))
from course_helpers import make_course  # type: ignore[import-not-found]  # noqa: E402


@pytest.fixture
def course_window(qtbot, store_folder: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    client_id, ids = make_course(store_folder)
    with open_window(qtbot, store_folder, monkeypatch) as main:
        main.course_ids = (client_id, ids)
        yield main


def course_tabs(window):  # type: ignore[no-untyped-def]
    room = window.course
    assert room.dock.isHidden()  # until asked for
    room.show_dock()
    return room.panel.widget()


def test_pain_and_mnsi_are_undoable_measures(window) -> None:  # type: ignore[no-untyped-def]
    course_tabs(window)
    panel = window.course.measures
    panel.pain_before.setValue(6)
    panel.pain_after.setValue(3)
    assert (
        window.document.plan.measures.pain_before,
        window.document.plan.measures.pain_after,
    ) == (6, 3)
    panel.mnsi[1].setCurrentIndex(1)  # yes
    panel.mnsi[7].setCurrentIndex(2)  # no: scores on item 7
    panel.mnsi[4].setCurrentIndex(1)  # cramps: not scored
    assert window.document.plan.measures.mnsi_score() == 2
    assert "Score 2 of 13" in panel.mnsi_score.text()
    assert "below the published cut-offs" in panel.mnsi_score.text()
    panel.monofilament["left-hallux"].setCurrentIndex(2)
    assert window.document.plan.measures.not_felt() == ["left-hallux"]
    # A site not felt is numbness for the rules: firm work on the left toes is a caution.
    window.document.undo_stack.undo()
    assert window.document.plan.measures.monofilament == ()
    assert panel.monofilament["left-hallux"].currentIndex() == 0
    window.document.undo_stack.undo()
    assert window.document.plan.measures.mnsi_a == ((1, True), (7, False))


def test_one_keystroke_per_intensity(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from planner.gui.common import commands as c

    for region in ("sole", "toes"):
        window.document.push(
            c.MarkSymptom(window.document, SymptomArea(region, "both", "numbness", 5))
        )
    course_tabs(window)
    intensities = window.course.measures.intensities
    intensities.setCurrentRow(0)
    intensities.setFocus()
    qtbot.keyClick(intensities, Qt.Key.Key_7)
    assert window.document.plan.symptoms[0].intensity == 7
    assert intensities.currentRow() == 1  # on to the next area
    qtbot.keyClick(intensities, Qt.Key.Key_3)
    assert window.document.plan.symptoms[1].intensity == 3
    qtbot.keyClick(intensities, Qt.Key.Key_Plus)
    assert window.document.plan.symptoms[1].intensity == 4
    assert "4 / 10" in intensities.item(1).text()


def test_symptom_areas_from_the_last_visit(course_window) -> None:  # type: ignore[no-untyped-def]
    window = course_window
    client_id, ids = window.course_ids
    window.files.open_session_id(ids[-1])
    # A new visit for the same client, a week later, with no symptom areas yet.
    plan = window.document.plan.copy()
    plan.symptoms = []
    import datetime

    plan.date = datetime.date(2026, 11, 7)
    window.document.load(plan, client_id=client_id, clean=False)
    course_tabs(window)
    window.course.measures.from_last.click()
    assert window.document.plan.symptoms == [SymptomArea("sole", "both", "numbness", 7)]


def test_worse_course_warns_the_next_session(course_window) -> None:  # type: ignore[no-untyped-def]
    window = course_window
    client_id, ids = window.course_ids
    import datetime

    plan = window.document.plan.copy()
    plan.date = datetime.date(2026, 11, 7)
    window.document.load(plan, client_id=client_id, clean=False)
    worse = [f for f in window.document.findings if f.rule == "course-worse"]
    assert [f.message[:60] for f in worse] == [
        "Numbness on both soles has risen from 4 to 7 over 4 visits: "
    ]


def test_history_window(course_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = course_window
    client_id, ids = window.course_ids
    window.files.open_session_id(ids[0])
    window.course.open_history()
    history = window.course.history_window
    qtbot.waitExposed(history)
    model = history.model
    dates = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True) and len(dates) == 5
    assert model.index(0, 2).data() == "done"
    assert len(history.charts) == 5
    labels = [chart.accessibleName() for chart in history.charts]
    assert "Chart: Numbness, both soles" in labels
    numb = next(c for c in history.charts if c.accessibleName() == "Chart: Numbness, both soles")
    assert numb.accessibleDescription() == "4 values from 4 to 7, worse"
    opened = []
    history.open_requested.connect(opened.append)
    history.sessions.activated.emit(model.index(4, 1))
    assert opened == [ids[0]]


def test_draft_notes_fill_the_empty_parts(course_window) -> None:  # type: ignore[no-untyped-def]
    window = course_window
    _, ids = window.course_ids
    window.files.open_session_id(ids[-1])
    course_tabs(window)
    notes = window.course.notes
    assert notes.fields["assessment"].toPlainText().startswith("Visit of 31 Oct")
    notes.draft_button.click()
    soap = window.document.plan.soap
    assert soap.assessment.startswith("Visit of 31 Oct")  # kept: it was written
    assert "Pain rated 4/10 before the session and 2/10 after it." in soap.subjective
    assert "Monofilament (10 g): not felt at left big toe" in soap.objective
    assert soap.plan.endswith("Next visit: to be booked.")
    window.document.undo_stack.undo()
    assert window.document.plan.soap.subjective == ""


def test_sign_then_edits_are_refused_and_addenda_added(course_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = course_window
    _, ids = window.course_ids
    window.files.open_session_id(ids[1])
    monkeypatch.setattr(asks, "ask_yes_no", lambda parent, title, text: True)
    window.course.sign()
    signature = window.document.plan.signature
    assert signature is not None and signature.therapist == "Sam Rivera, LMT"
    assert window.store.session(ids[1]).plan.signature == signature
    refused = []
    window.document.refused.connect(refused.append)
    course_tabs(window)
    window.course.measures.pain_before.setValue(1)
    assert window.document.plan.measures.pain_before == 6
    assert refused and "signed" in refused[0]
    assert not window.course.measures.pain_before.isEnabled()
    monkeypatch.setattr(asks, "ask_text", lambda parent, title, label, text="": "Called: better.")
    window.course.add_addendum()
    assert [a.text for a in window.document.plan.addenda] == ["Called: better."]
    assert "Addendum 1" in window.course.signature.addenda.text()
    assert window.store.check_signatures() == (1, [])


def test_export_progress_report(course_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = course_window
    _, ids = window.course_ids
    window.files.open_session_id(ids[0])
    out = tmp_path / "report"
    monkeypatch.setattr(asks, "ask_save_path", lambda *args: out)
    opened = []
    monkeypatch.setattr(asks, "ask_open_pdf", lambda parent, path: opened.append(path) or False)
    window.course.export_progress()
    assert opened == [tmp_path / "report.pdf"]
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_print_intake_form_asks_the_printer(course_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = course_window
    _, ids = window.course_ids
    window.files.open_session_id(ids[0])
    asked = []

    def ask_print(parent, printer, title, count):  # type: ignore[no-untyped-def]
        asked.append((title, count, printer.docName()))
        return False  # cancelled: nothing is sent

    monkeypatch.setattr(asks, "ask_print", ask_print)
    window.course.print_intake()
    assert asked == [("Print intake form", 2, "Intake and consent form — Margaret Olsen")]


def test_visits_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from planner.core.progress import Visit
    from planner.gui.course.history import VisitsModel

    visits = [Visit(f"c-{i}", f"2026-10-0{i}", f"Visit {i}", signed=i == 1) for i in range(1, 4)]
    model = VisitsModel(visits)
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 2).data() for r in range(3)] == ["draft", "draft", "signed"]


def test_print_intake_form_goes_to_the_cups_queue(course_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from planner.gui.documents import queue

    window = course_window
    _, ids = window.course_ids
    window.files.open_session_id(ids[0])
    monkeypatch.setattr(asks, "ask_print", lambda parent, printer, title, count: True)
    monkeypatch.setattr(queue, "spooled_by_cups", lambda printer: True)
    queued = []
    monkeypatch.setattr(queue, "queue_job", lambda window, data, job: queued.append((data, job)))
    window.course.print_intake()
    ((data, job),) = queued
    assert data.startswith(b"%PDF")
    assert job.title == "Intake and consent form — Margaret Olsen"
    assert job.pages is None and job.copies == 1


def test_a_new_session_for_the_client_starts_from_the_last_visit(course_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from planner.gui.client.panel import apply_client

    window = course_window
    client_id, _ = window.course_ids
    window.files.new_session()
    record = window.store.client(client_id)
    apply_client(window.document, record)
    last = [SymptomArea("sole", "both", "numbness", 7)]
    qtbot.waitUntil(lambda: window.document.plan.symptoms == last)
    stack = window.document.undo_stack
    assert stack.undoText() == "Symptom areas of the visit of 2026-10-31"
    # One keystroke re-rates it.
    course_tabs(window)
    intensities = window.course.measures.intensities
    intensities.setCurrentRow(0)
    qtbot.keyClick(intensities, Qt.Key.Key_5)
    assert window.document.plan.symptoms == [SymptomArea("sole", "both", "numbness", 5)]
    # Undoing the prefill does not bring it back.
    stack.undo()
    stack.undo()
    qtbot.wait(20)
    assert window.document.plan.symptoms == []
    assert stack.canRedo()


def test_a_stored_session_is_never_prefilled(course_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = course_window
    _, ids = window.course_ids
    window.files.open_session_id(ids[2])  # the visit that measured nothing
    qtbot.wait(20)
    assert window.document.plan.symptoms == []
    assert not window.document.modified


def test_history_opens_from_the_client_panel(course_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = course_window
    client_id, ids = window.course_ids
    window.files.open_session_id(ids[0])
    panel = window.client_panel
    assert panel.history.isEnabled()
    panel.history.click()
    history = window.course.history_window
    qtbot.waitExposed(history)
    assert history.windowTitle() == "History — Margaret Olsen"


def test_no_history_without_a_client(window) -> None:  # type: ignore[no-untyped-def]
    assert window.client_panel.client_id() == ""
    assert not window.client_panel.history.isEnabled()
