"""Printing through CUPS: the PDF itself to the queue, with the dialog's choices and a title.

The end-to-end tests print to the ``PlannerPDF`` queue that ``.ci/run`` sets up
(cups-pdf): they find the PDF it wrote and check its pages and title. They skip
where there is no such queue.
"""

from __future__ import annotations

import io
import json
import os
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter

from planner.core.library import builtin_library
from planner.core.plan import Client, SessionPlan, Step
from planner.core.planfile import plan_to_json
from planner.export import build_protocol, cups
from planner.gui.common import asks
from planner.gui.documents.printing import job_for

ROOT = Path(__file__).resolve().parents[3]
QUEUE = "PlannerPDF"


def _plan(client: str) -> SessionPlan:
    plan = SessionPlan(title="Feet, week 1", client=Client(client, ("neuropathy",)))
    note = "Long even strokes; check in with the client about comfort and warmth. " * 3
    for i in range(24):
        plan.add_step(Step("effleurage", ("foot", "calf")[i % 2], "both", 2, "light", note))
    return plan


# -- the job's arguments and lp's answers --------------------------------------------


def test_lp_arguments_carry_every_choice():
    job = cups.PrintJob("Protocol — Margaret Olsen", QUEUE, 2, (2, 3), "long-edge", False)
    assert job.lp_arguments() == [
        "lp", "-t", "Protocol — Margaret Olsen", "-n", "2", "-d", QUEUE, "-P", "2-3",
        "-o", "sides=two-sided-long-edge", "-o", "collate=false", "--", "-",
    ]  # fmt: skip
    plain = cups.PrintJob("Home-care sheet", pages=(4, 4)).lp_arguments()
    assert plain == ["lp", "-t", "Home-care sheet", "-n", "1", "-P", "4", "--", "-"]


def test_job_titles_name_document_and_client():
    assert cups.job_title("home-care", " Margaret  Olsen ", "Week 1") == (
        "Home-care sheet — Margaret Olsen"
    )
    assert cups.job_title("protocol", "", "Week 1") == "Protocol — Week 1"
    assert cups.job_title("protocol", "", "") == "Protocol"


def test_job_id_or_lps_reason():
    assert cups.job_id(0, b"request id is PlannerPDF-12 (1 file(s))\n", b"") == "PlannerPDF-12"
    with pytest.raises(cups.CupsError, match="The printer or class does not exist"):
        cups.job_id(1, b"", b"lp: The printer or class does not exist.\n")
    with pytest.raises(cups.CupsError, match="status 0"):
        cups.job_id(0, b"", b"")


def test_choose_printer(monkeypatch):
    answers = {"-e": "PlannerPDF\nOffice\n", "-d": "system default destination: Office\n"}
    monkeypatch.setattr(cups, "_lpstat", lambda *args: answers[args[0]])
    assert cups.choose_printer(None) == "Office"
    assert cups.choose_printer("PlannerPDF") == "PlannerPDF"
    with pytest.raises(cups.CupsError, match=r"no printer called 'Nope' \(printers here: "):
        cups.choose_printer("Nope")
    answers["-d"] = "no system default destination\n"
    assert cups.choose_printer(None) == "PlannerPDF"
    answers["-e"] = ""
    with pytest.raises(cups.CupsError, match="no printer is set up"):
        cups.choose_printer(None)


def test_page_count_matches_the_pdf():
    data = build_protocol(_plan("Alex Doe"), builtin_library(), paper="a4")
    assert cups.page_count(data) == len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 2


class _ChosenPrinter(QPrinter):
    """The printer the dialog chose (Qt forgets a name that no queue here has)."""

    def printerName(self) -> str:  # noqa: N802
        return QUEUE


def test_the_dialogs_choices_become_the_job(qapp):
    printer = _ChosenPrinter()
    printer.setCopyCount(3)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 9)
    job = job_for(printer, "protocol", "Margaret Olsen", "", 4)
    assert job is not None
    assert (job.printer, job.copies, job.pages) == (QUEUE, 3, (2, 4))
    assert job.title == "Protocol — Margaret Olsen"
    printer.setFromTo(5, 6)
    assert job_for(printer, "protocol", "", "", 4) is None


class _DuplexPrinter(QPrinter):
    """A printer that offers duplex (the test queue does not, so Qt would drop the choice)."""

    def __init__(self, mode: QPrinter.DuplexMode) -> None:
        super().__init__()
        self.mode = mode

    def duplex(self) -> QPrinter.DuplexMode:
        return self.mode


@pytest.mark.parametrize(
    ("mode", "sides"),
    [
        (QPrinter.DuplexMode.DuplexNone, "one-sided"),
        (QPrinter.DuplexMode.DuplexLongSide, "long-edge"),
        (QPrinter.DuplexMode.DuplexShortSide, "short-edge"),
        (QPrinter.DuplexMode.DuplexAuto, ""),
    ],
)
def test_duplex_where_offered(qapp, mode, sides):
    job = job_for(_DuplexPrinter(mode), "home-care", "A", "", 2)
    assert job is not None and job.sides == sides


# -- end to end, through the PlannerPDF queue ------------------------------------------


def _output_folder() -> Path | None:
    """Where cups-pdf writes this user's jobs (its Out setting), if the queue is here."""
    if not cups.available() or QUEUE not in cups.destinations():
        return None
    try:
        conf = Path("/etc/cups/cups-pdf.conf").read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r"^Out\s+(\S+)", conf, re.MULTILINE)
    out = found.group(1) if found else "${HOME}/PDF"
    import pwd

    home = pwd.getpwuid(os.getuid()).pw_dir  # the account's, as CUPS sees it (not $HOME)
    return Path(out.replace("${HOME}", home))


@pytest.fixture
def cups_pdf() -> Path:
    folder = _output_folder()
    if folder is None:
        pytest.skip(f"no CUPS queue {QUEUE} (cups-pdf) on this machine")
    return folder


def _printed(folder: Path, marker: str) -> pypdf.PdfReader:
    """The PDF cups-pdf made of the job whose title holds ``marker``."""
    deadline = time.monotonic() + 180  # the queue may be busy with other jobs
    while time.monotonic() < deadline:
        found = [p for p in folder.glob(f"*{marker}*.pdf") if p.stat().st_size > 0]
        if found:
            time.sleep(0.5)  # cups-pdf renames the finished file into place; be sure
            return pypdf.PdfReader(found[0])
        time.sleep(0.2)
    raise AssertionError(f"no PDF with {marker} in {folder}")


def test_print_from_the_window_queues_the_chosen_pages(window, qtbot, monkeypatch, cups_pdf):
    marker = "Olsen" + secrets.token_hex(3)
    window.document.plan.client = Client(f"Margaret {marker}", ())
    window.document.plan.steps[:] = _plan("x").steps

    def dialog(parent, printer, title, page_count):
        printer.setPrinterName(QUEUE)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        return True

    monkeypatch.setattr(asks, "ask_print", dialog)
    assert window.printing.print_document("protocol", large_print=False) == 2
    qtbot.waitUntil(lambda: "Queued" in window.statusBar().currentMessage(), timeout=30000)
    message = window.statusBar().currentMessage()
    assert f"Queued “Protocol — Margaret {marker}” on {QUEUE} ({QUEUE}-" in message
    printed = _printed(cups_pdf, marker)
    assert len(printed.pages) == 2
    assert "Protocol" in printed.metadata.title and marker in printed.metadata.title


def test_planner_print_queues_the_pdf_with_its_title(tmp_path, cups_pdf):
    marker = "Olsen" + secrets.token_hex(3)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(plan_to_json(_plan(f"Margaret {marker}"))), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "planner", "print", str(plan), "--protocol", "--pages", "1-2"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(f"Sent the protocol (2 pages) to {QUEUE}: job {QUEUE}-")
    printed = _printed(cups_pdf, marker)
    assert len(printed.pages) == 2
    assert marker in printed.metadata.title
