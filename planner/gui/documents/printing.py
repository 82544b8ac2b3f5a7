"""Printing the two documents: the PDF itself to CUPS, else its pages rendered by Qt.

What is printed is exactly what is exported and previewed: the PDF bytes from
:mod:`planner.export`. Where CUPS is the print system the PDF goes to the queue
as it is, with the dialog's choices (:mod:`planner.gui.documents.queue`).
Elsewhere, or when printing to a file, it is rasterised page by page with QtPdf
at the printer's own resolution, in horizontal bands so that a 1200 dpi page
never needs one huge image in memory.

The window's File menu uses :class:`PrintActions` (with the system print dialog);
``planner print`` uses :func:`print_to_named_printer` (no dialog).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from planner.gui.common import asks
from planner.gui.common.document import SessionDocument
from planner.gui.common.languages import language_label

if TYPE_CHECKING:
    from planner.core.library import Library
    from planner.core.plan import SessionPlan
    from planner.export.cups import PrintJob

_BUILD_LOCK = threading.Lock()
# Rows of device pixels rendered at once: about 40 MB for a Letter page at 1200 dpi.
BAND_ROWS = 1024


class PrintError(Exception):
    """Printing could not start or finish; the message is one clear line."""


class LoadedPdf:
    """A PDF held in memory and opened with QtPdf (the buffer lives as long as this)."""

    def __init__(self, data: bytes) -> None:
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            error = self.document.error().name
            raise PrintError(f"the document could not be opened for printing ({error})")

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def close(self) -> None:
        self.document.close()
        self._buffer.close()


def build_pdf(
    kind: str,
    plan: SessionPlan,
    library: Library | None,
    *,
    large_print: bool,
    paper: str,
    daily_minutes: float | None = None,
    emergency_number: str | None = None,
    language: str | None = None,
) -> bytes:
    """The protocol (``kind`` "protocol") or the home-care sheet as PDF bytes.

    Every document the window makes comes through here, from the event loop (print,
    export) or from the preview's worker thread. reportlab keeps module-level state
    (the font registry, its caches), so builds in one process take turns.
    ``language``: the home-care sheet's (the client's when None); the protocol is
    always in the therapist's.
    """
    from planner.export import build_home_care, build_protocol

    with _BUILD_LOCK:
        if kind == "protocol":
            return build_protocol(plan, library, paper=paper, daily_minutes=daily_minutes)
        return build_home_care(
            plan,
            library,
            large_print=large_print,
            paper=paper,
            daily_minutes=daily_minutes,
            emergency_number=emergency_number,
            language=language,
        )


def build_with_lock(make: Callable[[], bytes]) -> bytes:
    """Any other document the window builds, in turn with the preview's worker (see build_pdf)."""
    with _BUILD_LOCK:
        return make()


def page_span(printer: QPrinter, page_count: int) -> range:
    """The 0-based pages to print: the dialog's page range, else all of them."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(page_count, printer.toPage() or page_count)
        return range(first - 1, last)
    return range(page_count)


def _copies(printer: QPrinter) -> tuple[int, bool]:
    """(copies we make ourselves, collated): none when the printer makes them itself."""
    if printer.supportsMultipleCopies():
        return 1, True
    return max(1, printer.copyCount()), printer.collateCopies()


def _render_page(painter: QPainter, pdf: QPdfDocument, page: int, target: QRect) -> None:
    """Draw one page into ``target`` (device pixels), band by band, keeping its proportions."""
    points = pdf.pagePointSize(page)
    if points.isEmpty():
        return
    scale = min(target.width() / points.width(), target.height() / points.height())
    size = QSize(round(points.width() * scale), round(points.height() * scale))
    left = target.x() + (target.width() - size.width()) // 2
    top = target.y() + (target.height() - size.height()) // 2
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(size)
    for y in range(0, size.height(), BAND_ROWS):
        rows = min(BAND_ROWS, size.height() - y)
        options.setScaledClipRect(QRect(0, y, size.width(), rows))
        band: QImage = pdf.render(page, QSize(size.width(), rows), options)
        if band.isNull():
            raise PrintError(f"page {page + 1} could not be rendered")
        painter.drawImage(QPoint(left, top + y), band)


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print PDF bytes on ``printer`` (its page range and copies honoured); pages sent.

    Each page is put on paper of the PDF's own size, without the printer's margins:
    the PDF already has its margins, and scaling it down would shrink the print.

    Raises:
        PrintError: the printer could not start, or a page could not be rendered.
    """
    loaded = LoadedPdf(data)
    try:
        pdf = loaded.document
        pages = list(page_span(printer, loaded.page_count))
        if not pages:
            raise PrintError("the page range has no pages of this document")
        copies, collated = _copies(printer)
        order = pages * copies if collated else [p for p in pages for _ in range(copies)]
        printer.setFullPage(True)
        _set_paper(printer, pdf, order[0])
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(f"the printer {printer.printerName() or 'output'} could not start")
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for n, page in enumerate(order):
                if n:
                    _set_paper(printer, pdf, page)
                    printer.newPage()
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                _render_page(painter, pdf, page, QRect(QPoint(0, 0), target.size()))
        finally:
            painter.end()
        return len(order)
    finally:
        loaded.close()


def _set_paper(printer: QPrinter, pdf: QPdfDocument, page: int) -> None:
    points: QSizeF = pdf.pagePointSize(page)
    size = QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape
        if points.width() > points.height()
        else QPageLayout.Orientation.Portrait
    )
    printer.setPageSize(size)
    printer.setPageOrientation(orientation)


def job_for(
    printer: QPrinter, kind: str, client: str, title: str, page_count: int
) -> PrintJob | None:
    """The print dialog's choices as a CUPS job (None: the page range holds no page)."""
    from planner.export.cups import PrintJob, job_title

    pages = None
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage(), min(page_count, printer.toPage() or page_count)
        if first > last:
            return None
        pages = (first, last)
    duplex = printer.duplex()
    sides = {
        QPrinter.DuplexMode.DuplexNone: "one-sided",
        QPrinter.DuplexMode.DuplexLongSide: "long-edge",
        QPrinter.DuplexMode.DuplexShortSide: "short-edge",
    }.get(duplex, "")
    return PrintJob(
        title=job_title(kind, client, title),
        printer=printer.printerName(),
        copies=max(1, printer.copyCount()),
        pages=pages,
        sides=sides,
        collate=printer.collateCopies(),
    )


def _pages_of(job: PrintJob, count: int) -> int:
    return count if job.pages is None else job.pages[1] - job.pages[0] + 1


def find_printer(name: str | None) -> QPrinterInfo:
    """The printer called ``name``, else the default one.

    Raises:
        PrintError: there is no such printer, or no printer at all.
    """
    if name:
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            known = QPrinterInfo.availablePrinterNames()
            also = f" (printers here: {', '.join(known)})" if known else " (no printer is set up)"
            raise PrintError(f"there is no printer called {name!r}{also}")
        return info
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        available = QPrinterInfo.availablePrinters()
        if not available:
            raise PrintError("no printer is set up on this computer")
        info = available[0]
    return info


def print_to_named_printer(data: bytes, name: str | None, title: str) -> tuple[str, int]:
    """Print without a dialog on the named or default printer: (printer name, pages sent).

    Needs a Qt application; ``planner print`` makes a QGuiApplication first.
    """
    if QGuiApplication.instance() is None:
        raise PrintError("printing needs a Qt application")
    info = find_printer(name)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    return info.printerName(), print_pdf(data, printer)


class PrintActions:
    """File › Print protocol… and Print home-care sheet…: build, ask, print."""

    def __init__(
        self,
        window: QWidget,
        document: SessionDocument,
        settings: Callable[[], object],
    ) -> None:
        self.window = window
        self.document = document
        self.settings = settings
        # The last printer used, so that the dialog comes back with the same choices.
        self.printer: QPrinter | None = None

    def print_protocol(self) -> None:
        self.print_document("protocol", large_print=False)

    def print_home_care(self) -> None:
        large = bool(getattr(self.settings(), "large_print", False))
        self.print_document("home-care", large_print=large)

    def _language(self, kind: str, title: str) -> tuple[str | None, str] | None:
        """(language, dialog title): the sheet's language, asked; None when cancelled."""
        if kind != "home-care":
            return None, title
        language = asks.ask_sheet_language(self.window, title, self.document.plan.client.language)
        return None if language is None else (language, f"{title} ({language_label(language)})")

    def print_document(self, kind: str, *, large_print: bool) -> int:
        """Build the document, show the print dialog, print; pages sent (0: nothing printed)."""
        chosen = self._language(
            kind, "Print protocol" if kind == "protocol" else "Print home-care sheet"
        )
        if chosen is None:
            return 0
        language, title = chosen
        paper = str(getattr(self.settings(), "paper", "letter"))
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = build_pdf(
                kind,
                self.document.plan,
                self.document.library,
                large_print=large_print,
                paper=paper,
                daily_minutes=self.document.daily_minutes,
                emergency_number=self.document.emergency_number,
                language=language,
            )
            loaded = LoadedPdf(data)
            count = loaded.page_count
            loaded.close()
        except Exception as error:  # noqa: BLE001 - any failure is one message, never a crash
            QGuiApplication.restoreOverrideCursor()
            asks.show_error(self.window, title, f"The document could not be made: {error}")
            return 0
        QGuiApplication.restoreOverrideCursor()
        if self.printer is None:
            self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        from planner.export.cups import job_title

        plan = self.document.plan
        self.printer.setDocName(job_title(kind, plan.client.name, plan.title))
        if not asks.ask_print(self.window, self.printer, title, count):
            return 0
        from planner.gui.documents.queue import queue_job, spooled_by_cups

        if spooled_by_cups(self.printer):
            plan = self.document.plan
            job = job_for(self.printer, kind, plan.client.name, plan.title, count)
            if job is None:
                asks.show_error(self.window, title, "Not printed: the page range has no pages.")
                return 0
            # The dialog is closed already; the status bar says when the queue has the job.
            queue_job(self.window, data, job)
            return _pages_of(job, count)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            sent = print_pdf(data, self.printer)
        except PrintError as error:
            QGuiApplication.restoreOverrideCursor()
            asks.show_error(self.window, title, f"Not printed: {error}")
            return 0
        QGuiApplication.restoreOverrideCursor()
        status = getattr(self.window, "statusBar", None)
        if status is not None:
            status().showMessage(f"Sent {sent} page{'s' if sent != 1 else ''} to the printer", 5000)
        return sent
