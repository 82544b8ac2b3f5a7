"""File › Export progress report… and File › Print intake form…: build, then write or print."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from planner.gui.common import asks

if TYPE_CHECKING:
    from planner.gui.course.room import CourseRoom


def _client(room: CourseRoom, title: str) -> Any:
    client_id = room.client_id()
    if not client_id:
        asks.show_error(room.window, title, "Choose a client, or save the session first.")
        return None
    try:
        return room.store.client(client_id)
    except Exception as error:  # noqa: BLE001 - one message, never a crash
        asks.show_error(room.window, title, str(error))
        return None


def _build(room: CourseRoom, title: str, build: Any) -> bytes | None:
    """Build a PDF, one build at a time with the preview's worker (reportlab's state)."""
    from planner.gui.documents.printing import build_with_lock

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return bytes(build_with_lock(build))
    except Exception as error:  # noqa: BLE001 - one message, never a crash
        asks.show_error(room.window, title, f"The PDF could not be made: {error}")
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()


def export_progress(room: CourseRoom) -> None:
    title = "Export progress report"
    client = _client(room, title)
    if client is None:
        return
    stem = "-".join(client.name.lower().split()) or "client"
    path = asks.ask_save_path(room.window, title, f"{stem}-progress.pdf", asks.PDF_FILTER)
    if path is None:
        return
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    from planner.export import ExportError, write_pdf
    from planner.export.coursedocs import build_progress_report

    visits = room.store.visits(client.id)
    settings = room.files.settings()
    data = _build(
        room,
        title,
        lambda: build_progress_report(
            {"name": client.name, "birth_date": client.birth_date},
            visits,
            large_print=settings.large_print,
            paper=settings.paper,
        ),
    )
    if data is None:
        return
    try:
        write_pdf(path, data)
    except (ExportError, OSError) as error:
        asks.show_error(room.window, title, str(error))
        return
    room.window.statusBar().showMessage(f"Exported {path.name}", 5000)
    asks.ask_open_pdf(room.window, Path(path))


def intake_pdf(room: CourseRoom, client: Any) -> bytes | None:
    from planner.core.intake import make_intake
    from planner.export.coursedocs import build_intake_form

    intake = make_intake(
        client.name,
        birth_date=client.birth_date,
        contact=client.contact,
        conditions=client.conditions,
        notes=client.notes,
        avoid=client.avoid,
        symptoms=client.symptoms,
        plan=room.document.plan,
        library=room.document.library,
    )
    settings = room.files.settings()
    return _build(
        room,
        "Print intake form",
        lambda: build_intake_form(intake, large_print=settings.large_print, paper=settings.paper),
    )


def print_intake(room: CourseRoom) -> None:
    title = "Print intake form"
    client = _client(room, title)
    if client is None:
        return
    data = intake_pdf(room, client)
    if data is None:
        return
    from PySide6.QtPrintSupport import QPrinter

    from planner.gui.documents.printing import LoadedPdf, PrintError, print_pdf

    try:
        loaded = LoadedPdf(data)
        count = loaded.page_count
        loaded.close()
    except PrintError as error:
        asks.show_error(room.window, title, str(error))
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    job_name = f"Intake and consent form — {' '.join(client.name.split())}"
    printer.setDocName(job_name)
    if not asks.ask_print(room.window, printer, title, count):
        return
    from planner.gui.documents.printing import job_for
    from planner.gui.documents.queue import queue_job, spooled_by_cups

    if spooled_by_cups(printer):  # the PDF itself goes to the queue, as for the other documents
        job = job_for(printer, "intake", client.name, "", count)
        if job is None:
            asks.show_error(room.window, title, "Not printed: the page range has no pages.")
            return
        queue_job(room.window, data, dataclasses.replace(job, title=job_name))
        return
    try:
        sent = print_pdf(data, printer)
    except PrintError as error:
        asks.show_error(room.window, title, f"Not printed: {error}")
        return
    room.window.statusBar().showMessage(
        f"Sent {sent} page{'s' if sent != 1 else ''} to the printer", 5000
    )
