"""Printing: the real pages, page range and copies; File › Print…; ``planner print``."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from planner.core.library import builtin_library
from planner.core.plan import AvoidedArea, SessionPlan, Step, SymptomArea
from planner.core.planfile import plan_to_json
from planner.gui.common import asks
from planner.gui.documents.printing import PrintError, build_pdf, find_printer, print_pdf

ROOT = Path(__file__).resolve().parents[3]


def _plan() -> SessionPlan:
    plan = SessionPlan(title="Printing test")
    plan.avoid_area(AvoidedArea("heel", "left", "open-wound", ""))
    plan.mark_symptom(SymptomArea("sole", "both", "numbness", 5))
    note = "Long even strokes; check in with the client about comfort and warmth. " * 3
    for i in range(24):
        plan.add_step(Step("effleurage", ("foot", "calf")[i % 2], "both", 2, "light", note))
    return plan


@pytest.fixture(scope="module")
def protocol() -> bytes:
    return build_pdf("protocol", _plan(), builtin_library(), large_print=False, paper="a4")


def _pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(72)  # enough to count pages; real printers use their own
    return printer


def test_printing_to_a_pdf_printer_gives_every_page(qapp, protocol, tmp_path):
    source = _pages(protocol)
    assert source >= 2
    out = tmp_path / "printed.pdf"
    assert print_pdf(protocol, _pdf_printer(out)) == source
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == source
    # The paper is the document's own (A4), not the printer's default.
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_page_range_and_copies(qapp, protocol, tmp_path):
    source = _pages(protocol)
    ranged = _pdf_printer(tmp_path / "range.pdf")
    ranged.setPrintRange(QPrinter.PrintRange.PageRange)
    ranged.setFromTo(2, 2)
    assert print_pdf(protocol, ranged) == 1
    assert len(pypdf.PdfReader(tmp_path / "range.pdf").pages) == 1

    copies = _pdf_printer(tmp_path / "copies.pdf")
    copies.setCopyCount(2)
    assert not copies.supportsMultipleCopies()  # so the pages are repeated here
    assert print_pdf(protocol, copies) == 2 * source
    assert len(pypdf.PdfReader(tmp_path / "copies.pdf").pages) == 2 * source

    beyond = _pdf_printer(tmp_path / "beyond.pdf")
    beyond.setPrintRange(QPrinter.PrintRange.PageRange)
    beyond.setFromTo(source + 1, source + 3)
    with pytest.raises(PrintError):
        print_pdf(protocol, beyond)


def test_file_print_menu_prints_through_the_dialog(window, monkeypatch, tmp_path):
    main = window
    out = tmp_path / "home-care.pdf"
    asked: list[tuple[str, int]] = []

    def dialog(parent, printer, title, page_count):
        asked.append((title, page_count))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return True

    monkeypatch.setattr(asks, "ask_print", dialog)
    monkeypatch.setattr(asks, "ask_sheet_language", lambda parent, title, language: language)
    entries = [a.text() for a in main.menuBar().actions()[0].menu().actions()]
    assert "Pr&int protocol…" in entries and "Print home-&care sheet…" in entries
    sent = main.printing.print_document("home-care", large_print=True)
    assert asked and asked[0][0] == "Print home-care sheet (English (en))"
    assert sent == asked[0][1] == len(pypdf.PdfReader(out).pages)
    assert pypdf.PdfReader(out).metadata.title == "Home-care sheet"

    # Cancelled: nothing printed.
    out.unlink()
    monkeypatch.setattr(asks, "ask_print", lambda *args: False)
    assert main.printing.print_document("protocol", large_print=False) == 0
    assert not out.exists()


def _run_print(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(plan_to_json(_plan())), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "planner", "print", str(plan), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_planner_print_names_a_missing_printer_in_one_line(qapp, tmp_path):
    result = _run_print(tmp_path, "--protocol", "--printer", "no-such-printer-here")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("planner print: there is no printer called 'no-such-printer-here'")


def test_planner_print_without_any_printer(qapp, tmp_path):
    if QPrinterInfo.availablePrinters():
        pytest.skip("this machine has a printer set up")
    with pytest.raises(PrintError, match="no printer is set up"):
        find_printer(None)
    result = _run_print(tmp_path, "--home-care", "--large-print")
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["planner print: no printer is set up on this computer"]


def test_planner_print_bad_input(qapp, tmp_path):
    result = _run_print(tmp_path, "--protocol", "--large-print")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    missing = subprocess.run(
        [sys.executable, "-m", "planner", "print", str(tmp_path / "none.json"), "--protocol"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        timeout=120,
        check=False,
    )
    assert missing.returncode == 2
    assert len(missing.stderr.splitlines()) == 1


def test_planner_print_reaches_a_cups_queue(qapp, tmp_path):
    printers = QPrinterInfo.availablePrinters()
    if not printers:
        pytest.skip("no CUPS queue on this machine (QPrinterInfo.availablePrinters() is empty)")
    name = printers[0].printerName()
    result = _run_print(tmp_path, "--protocol", "--printer", name)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Sent the protocol (") and name in result.stdout
