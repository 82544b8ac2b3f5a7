"""Every modal question the window asks, one small function each.

Qt's dialog classes are imported by the functions that show them: none is needed
before the window is on screen. The dialogs themselves live in their rooms (the
client's in ``client/``, a technique's in ``library/``...) or, for the two area
dialogs the client panel and the body map share, in :mod:`planner.gui.common.forms`;
none of them imports this module, so asking never closes an import circle.

Callers use ``asks.ask_...(...)`` through this module, so a test replaces one
function with ``monkeypatch.setattr(asks, "ask_save_changes", ...)`` and no
dialog ever blocks a test run.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from planner.core.library import Exercise, Library, Technique
    from planner.core.plan import AvoidedArea, HomeCareItem, SymptomArea
    from planner.storage import ClientRecord, SessionRecord, Settings, TemplateRecord

PLAN_FILTER = "Session plans (*.json);;All files (*)"
PDF_FILTER = "PDF documents (*.pdf)"


def ask_save_changes(parent: QWidget | None, what: str) -> str:
    """ "save", "discard" or "cancel" for a plan with unsaved changes."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to {what}?")
    box.setInformativeText("If you don't save, your changes since the last save are lost.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def yes_no_box(parent: QWidget | None, title: str, text: str) -> Any:
    """A question with Yes (the default: Enter) and No (Escape)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = yes_no_box(parent, title, text)
    box.exec()
    return box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes


def ask_make_standing(parent: QWidget | None, client: str) -> tuple[bool, bool]:
    """After a save: should this session's conditions and areas become the client's own?

    Returns:
        (keep, remember): Yes or No, and whether "Don't ask again" was ticked, so that
        the answer stands for every later save (the Settings can make it ask again).
    """
    from PySide6.QtWidgets import QCheckBox, QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Saved")
    box.setText(f"This session's conditions or areas differ from {client}'s record.")
    box.setInformativeText(
        "Keep them on the record, so that the next session starts from them? "
        "(No: they stay with this session only.)"
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    remember = QCheckBox("&Don't ask again: give this answer after every save", box)
    remember.setToolTip("Tools › Settings can make it ask again.")
    box.setCheckBox(remember)
    # Escape (or closing the box) answers No for this save only: a tick is remembered
    # only with a button pressed on purpose.
    dismissed = box.addButton(QMessageBox.StandardButton.Cancel)
    dismissed.hide()
    box.setEscapeButton(dismissed)
    box.exec()
    clicked = box.clickedButton()
    keep = clicked is box.button(QMessageBox.StandardButton.Yes)
    return keep, remember.isChecked() and clicked is not dismissed


def ask_delete(parent: QWidget | None, title: str, text: str, detail: str) -> bool:
    """Delete something for good? True only for the Delete button; Cancel is the default,
    so Enter or Escape on a question read too fast deletes nothing."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(detail)
    delete = box.addButton("&Delete", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def ask_open_path(parent: QWidget | None, title: str, filters: str = PLAN_FILTER) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    from planner.gui.common.desktop import remember_folder, start_folder

    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    if not path:
        return None
    remember_folder(Path(path))
    return Path(path)


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str, filters: str = PLAN_FILTER
) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    from planner.gui.common.desktop import remember_folder, start_folder

    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / suggested), filters)
    if not path:
        return None
    remember_folder(Path(path))
    return Path(path)


def ask_open_pdf(parent: QWidget | None, path: Path) -> bool:
    """After an export: open the PDF in the desktop's viewer? (True: it was opened.)"""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    if not ask_yes_no(parent, "Exported", f"Saved {path.name}.\n\nOpen it now?"):
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_restore_backup(parent: QWidget | None, text: str, backup: Path | None) -> bool:
    """The store is damaged: restore the latest backup (True) or quit (False)?"""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("The planner's data cannot be read")
    box.setText(text)
    restore = None
    if backup is not None:
        restore = box.addButton("&Restore the latest backup", QMessageBox.ButtonRole.AcceptRole)
        box.setInformativeText(
            "Restoring keeps the damaged files aside in the data folder; nothing is deleted."
        )
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return restore is not None and box.clickedButton() is restore


def text_dialog(parent: QWidget | None, title: str, label: str, text: str = "") -> Any:
    """A one-line input (a name, an addendum): typing replaces ``text``; OK waits for words."""
    from planner.gui.common.forms import TextDialog

    return TextDialog(title, label, text, parent)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    return _run(text_dialog(parent, title, label, text)) or None


def _run(dialog: Any) -> Any:
    from PySide6.QtWidgets import QDialog

    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_avoided_area(
    parent: QWidget | None, region: str | None = None, side: str | None = None
) -> AvoidedArea | None:
    """Reason and note for an area to avoid (``region``/``side``: the area shown first)."""
    from planner.gui.common.forms import AvoidDialog

    dialog = AvoidDialog(parent)
    if region is not None:
        dialog.area.set(region, side or "")
    return _run(dialog)


def ask_symptom(
    parent: QWidget | None, region: str | None = None, side: str | None = None
) -> SymptomArea | None:
    """Kind and intensity of a symptom (``region``/``side``: the area shown first)."""
    from planner.gui.common.forms import SymptomDialog

    dialog = SymptomDialog(parent)
    if region is not None:
        dialog.area.set(region, side or "")
    return _run(dialog)


def ask_sheet_language(parent: QWidget | None, title: str, client_language: str) -> str | None:
    """The language of one home-care sheet (the client's shown first); None: cancelled."""
    from planner.gui.documents.language_dialog import SheetLanguageDialog

    return _run(SheetLanguageDialog(title, client_language, parent))


def ask_print(parent: QWidget | None, printer: Any, title: str, page_count: int) -> bool:
    """The system print dialog for a document of ``page_count`` pages; True: print."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setMinMax(1, max(1, page_count))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_client(parent: QWidget | None, record: ClientRecord | None) -> ClientRecord | None:
    """A client's record, new (``record`` None) or edited: name, contact, conditions, areas."""
    from planner.gui.client.dialogs import ClientDialog

    # The dialog asks for areas through this module, so that tests can answer for it.
    return _run(ClientDialog(record, parent, lambda name, over: globals()[name](over)))


def ask_home_care_item(parent: QWidget | None, library: Library) -> HomeCareItem | None:
    from planner.gui.homecare.dialogs import HomeCareDialog

    return _run(HomeCareDialog(library, parent))


def ask_technique(
    parent: QWidget | None, library: Library, start: Technique | None, *, editing: bool
) -> Technique | None:
    """A new or changed own technique (``start``: the one edited or duplicated)."""
    title = "Edit technique" if editing else "New technique"
    from planner.gui.library.technique_dialog import TechniqueDialog

    dialog = TechniqueDialog(title, library, parent)
    if start is not None:
        dialog.show_technique(start, keep_id=editing)
    return _run(dialog)


def ask_exercise(
    parent: QWidget | None, library: Library, start: Exercise | None, *, editing: bool
) -> Exercise | None:
    """A new or changed own exercise (``start``: the one edited or duplicated)."""
    from planner.gui.homecare.exercise_dialog import ExerciseDialog

    title = "Edit exercise" if editing else "New exercise"
    dialog = ExerciseDialog(title, library, parent)
    if start is not None:
        dialog.show_exercise(start, keep_id=editing)
    return _run(dialog)


def ask_session(parent: QWidget | None, sessions: list[SessionRecord]) -> SessionRecord | None:
    from planner.gui.window.choosers import SessionChooser

    return _run(SessionChooser(sessions, parent))


def ask_template(parent: QWidget | None, templates: list[TemplateRecord]) -> TemplateRecord | None:
    from planner.gui.window.choosers import TemplateChooser

    return _run(TemplateChooser(templates, parent))


def ask_settings(parent: QWidget | None, settings: Settings) -> Settings | None:
    from planner.gui.window.choosers import SettingsDialog

    return _run(SettingsDialog(settings, parent))
