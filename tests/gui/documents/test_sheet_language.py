"""The home-care sheet's language in the preview, the export and the print dialogs."""

from __future__ import annotations

from dataclasses import replace

import pypdf
from PySide6.QtPrintSupport import QPrinter

from planner.gui.common import asks
from planner.gui.common import commands as c
from planner.gui.documents.language_dialog import SheetLanguageDialog

TIMEOUT = 30_000


def _in_spanish(document) -> None:
    client = replace(document.plan.client, name="Rosa Díaz", language="es")
    document.push(c.SetDetails(document, "Client", client=client))


def _text(path) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_the_dialog_shows_the_clients_language_first(qtbot) -> None:
    dialog = SheetLanguageDialog("Export home-care sheet PDF", "es")
    qtbot.addWidget(dialog)
    assert dialog.value() == "es"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.value() == "en"


def test_export_asks_the_language_and_another_is_for_this_sheet_only(
    window, monkeypatch, tmp_path
) -> None:
    main = window
    _in_spanish(main.document)
    asked: list[tuple[str, str]] = []
    saved: list[str] = []

    def language(parent, title, client_language):
        asked.append((title, client_language))
        return "en"

    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(asks, "ask_sheet_language", language)
    monkeypatch.setattr(
        asks, "ask_save_path", lambda parent, title, *a: saved.append(title) or target
    )
    monkeypatch.setattr("planner.gui.common.desktop.pdf_viewer_available", lambda: False)
    main.files.export_home_care(False)
    assert asked == [("Export home-care sheet PDF", "es")]
    assert saved == ["Export home-care sheet PDF (English (en))"]
    assert "page 1 of" in _text(target)
    assert main.document.plan.client.language == "es"  # the client's stays
    monkeypatch.setattr(asks, "ask_sheet_language", lambda parent, title, language: language)
    main.files.export_home_care(False)
    assert "página 1 de" in _text(target)


def test_cancelling_the_language_exports_nothing(window, monkeypatch) -> None:
    monkeypatch.setattr(asks, "ask_sheet_language", lambda *args: None)
    window.files.export_home_care(False)  # ask_save_path would fail the test (conftest)


def test_printing_names_the_language(window, monkeypatch, tmp_path) -> None:
    main = window
    _in_spanish(main.document)
    out = tmp_path / "printed.pdf"
    titles: list[str] = []

    def dialog(parent, printer, title, page_count):
        titles.append(title)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return True

    monkeypatch.setattr(asks, "ask_print", dialog)
    monkeypatch.setattr(asks, "ask_sheet_language", lambda parent, title, language: language)
    assert main.printing.print_document("home-care", large_print=False) > 0
    assert titles == ["Print home-care sheet (Español (es))"]


def test_the_preview_shows_the_clients_language_or_another_for_a_look(qtbot) -> None:
    from PySide6.QtPdf import QPdfDocument

    from planner.core.library import builtin_library
    from planner.core.plan import SessionPlan
    from planner.gui.common.document import SessionDocument
    from planner.gui.documents.preview import PreviewPane

    document = SessionDocument(builtin_library(), SessionPlan(title="Pies"))
    _in_spanish(document)
    pane = PreviewPane(document)
    qtbot.addWidget(pane)
    pane.show()
    assert not pane.language.isVisibleTo(pane)  # the protocol is in the therapist's language
    pane.kind.setCurrentIndex(pane.kind.findData("home-care"))
    assert pane.language.isVisibleTo(pane) and pane.language.currentData() == ""

    def shown() -> str:
        qtbot.waitUntil(pane.is_current, timeout=TIMEOUT)
        return str(pane.pdf.metaData(QPdfDocument.MetaDataField.Title))

    assert shown().startswith("Hoja de cuidados en casa")
    pane.language.setCurrentIndex(pane.language.findData("en"))
    assert shown().startswith("Home-care sheet")
    assert document.plan.client.language == "es"  # a look only: the client's stays
    pane.wait_idle()
