"""Queuing a print job with CUPS from the window, without waiting for it.

``lp`` runs in a QProcess: the print dialog is gone the moment the therapist
presses Print, and the status bar says when the queue has taken the job (or a
message says why not).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QProcess
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMainWindow, QWidget

from planner.export import cups
from planner.export.cups import PrintJob
from planner.gui.common import asks


def spooled_by_cups(printer: QPrinter) -> bool:
    """Whether this printer's job goes to CUPS as the PDF itself (not to a file, CUPS present)."""
    return (
        printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
        and bool(printer.printerName())
        and cups.available()
    )


class _Job(QObject):
    """One lp run; it deletes itself when lp has answered."""

    def __init__(self, window: QWidget, data: bytes, job: PrintJob) -> None:
        super().__init__(window)
        self.window, self.job = window, job
        self.process = QProcess(self)
        self.process.finished.connect(self._on_finished)
        self.process.errorOccurred.connect(self._on_error)
        args = job.lp_arguments()
        self.process.start("lp", args[1:])
        self.process.write(data)
        self.process.closeWriteChannel()

    def _on_finished(self, status: int, _exit: object) -> None:
        out = bytes(self.process.readAllStandardOutput().data())
        err = bytes(self.process.readAllStandardError().data())
        try:
            job_id = cups.job_id(status, out, err)
        except cups.CupsError as error:
            asks.show_error(self.window, "Print", f"“{self.job.title}” was not printed: {error}.")
        else:
            _status(self.window, f"Queued “{self.job.title}” on {self.job.printer} ({job_id})")
        self.deleteLater()

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            asks.show_error(self.window, "Print", "Not printed: CUPS's lp could not be started.")
            self.deleteLater()


def _status(window: QWidget, text: str) -> None:
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 8000)


def queue_job(window: QWidget, data: bytes, job: PrintJob) -> None:
    """Hand the PDF to ``lp`` and return at once; the window hears back when it is queued."""
    _status(window, f"Sending “{job.title}” to {job.printer}…")
    _Job(window, data, job)
