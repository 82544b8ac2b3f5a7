"""What the File and Tools menus do: sessions, templates, plan files, PDFs, settings.

A controller: it holds the conditional logic between the store, the document and
the questions in :mod:`planner.gui.common.asks`; the window only wires menu entries to it.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMenu, QWidget

from planner.core.plan import Client, SessionPlan, Therapist
from planner.core.planfile import PlanFileError, load_plan, save_plan, with_own_definitions
from planner.gui.common import asks
from planner.gui.common.document import SessionDocument
from planner.gui.common.languages import language_label
from planner.gui.common.names import counted_from_one

if TYPE_CHECKING:
    from planner.storage import ClientRecord, Settings, Store


def file_stem(plan: SessionPlan, what: str) -> str:
    """A file name that says whose and which session it is: "alex-doe-2026-11-21-protocol"."""
    words = " ".join(part for part in (plan.client.name, plan.title) if part) or "session"
    slug = re.sub(r"[^a-z0-9]+", "-", words.casefold()).strip("-")[:60] or "session"
    return f"{slug}-{plan.date.isoformat()}-{what}"


class FileActions:
    """Sessions in and out of the store, files in and out of the file system."""

    def __init__(self, window: QWidget, store: Store, document: SessionDocument) -> None:
        self.window = window
        self.store = store
        self.document = document
        # Called after a session is saved or deleted (the client's list of sessions listens).
        self.stored: list[Any] = []
        self._apply_home_care_settings()

    def _apply_home_care_settings(self) -> None:
        settings = self.settings()
        self.document.set_home_care_settings(settings.daily_minutes, settings.emergency_number)

    # -- helpers -------------------------------------------------------------

    def _status(self, text: str) -> None:
        status = getattr(self.window, "statusBar", None)
        if status is not None:
            status().showMessage(text, 5000)

    def _guard(self, title: str, action: Any) -> Any:
        """Run a store call; a refusal becomes one clear message, never a crash."""
        from planner.storage import StoreError

        try:
            return action()
        except StoreError as error:
            asks.show_error(self.window, title, str(error))
            return None

    def settings(self) -> Settings:
        from planner.storage import Settings, StoreError

        try:
            return self.store.settings()
        except StoreError:
            return Settings()

    def blank_plan(self) -> SessionPlan:
        """A new session with the therapist, clinic and length from the settings."""
        settings = self.settings()
        return SessionPlan(
            length_minutes=settings.default_length,
            therapist=Therapist(settings.therapist, settings.clinic),
        )

    def maybe_save(self, why: str = "") -> bool:
        """Before the plan is replaced or the window closes: True when it may go ahead."""
        self.document.commit_pending()
        if not self.document.modified:
            return True
        what = f"“{self.document.plan.title}”" if self.document.plan.title else "this session"
        answer = asks.ask_save_changes(self.window, what)
        if answer == "save":
            return self.save()
        return answer == "discard"

    # -- sessions ------------------------------------------------------------

    def fill_recent_menu(self, menu: QMenu) -> None:
        """File › Recent sessions, as it opens: the ten last saved, each opening its session."""
        menu.clear()
        try:
            sessions = self.store.recent_sessions(10)
        except Exception as error:  # noqa: BLE001 - a damaged file must not break a menu
            menu.addAction(f"(cannot list: {error})").setEnabled(False)
            return
        if not sessions:
            menu.addAction("(none yet)").setEnabled(False)
        for record in sessions:
            text = f"{record.plan.client.name or '—'}: {record.plan.title or 'Untitled'}"
            status = "done" if record.status == "done" else "draft"
            action = menu.addAction(f"{text} ({record.plan.date:%d %b %Y}, {status})")
            action.triggered.connect(lambda _=False, sid=record.id: self.open_session_id(sid))

    def new_session(self) -> None:
        """A new session for the same client (from their standing conditions and areas)."""
        if not self.maybe_save():
            return
        client = self._client_of_session()
        self.document.load(self.blank_plan())
        if client is not None:
            from planner.gui.common.clients import apply_client

            apply_client(self.document, client)
            self.document.undo_stack.clear()

    def open_session(self) -> None:
        record = self._client_of_session()
        if record is None:
            asks.show_error(
                self.window,
                "Open session",
                "Choose the client in the client panel first; their sessions are listed here.",
            )
            return
        sessions = self._guard("Open session", lambda: self.store.sessions_for(record.id))
        if sessions is None:
            return
        chosen = asks.ask_session(self.window, sessions)
        if chosen is not None and self.maybe_save():
            self.document.load_record(chosen)

    def open_session_id(self, session_id: str) -> None:
        record = self._guard("Open session", lambda: self.store.session(session_id))
        if record is not None and self.maybe_save():
            self.document.load_record(record)

    def save(self) -> bool:
        """Save the session in the store (under its client); True when saved.

        A store save takes a few milliseconds (bench/bench_gui.py measures it), so
        it runs here on the event loop rather than in a worker thread.
        """
        from planner.storage import SessionRecord

        self.document.commit_pending()
        plan = self.document.plan
        if self.store.read_only:
            asks.show_error(self.window, "Save", "This window is read-only; nothing was saved.")
            return False
        client = self._client_of_session()
        if client is None:
            asks.show_error(
                self.window,
                "Save",
                "Choose or create the client in the client panel first: "
                "a session is saved with its client.",
            )
            return False
        record = SessionRecord(
            self.document.session_id,
            client.id,
            plan.copy(),
            self.document.status,
            self.document.after_notes,
        )
        saved = self._guard("Save", lambda: self.store.save_session(record))
        if saved is None:
            return False
        self.document.session_id = saved.id
        self.document.client_id = client.id
        self.document.undo_stack.setClean()
        self._status(f"Saved “{plan.title or 'Untitled session'}” for {client.name}")
        standing = dataclasses.replace(
            client,
            conditions=plan.client.conditions,
            avoid=tuple(plan.avoid),
            symptoms=tuple(plan.symptoms),
        )
        # The therapist decides whether this session's changes are the client's from now on.
        if standing != client and self._keep_on_record(client.name):
            self._guard("Save", lambda: self.store.save_client(standing))
        for listener in self.stored:
            listener()
        return True

    def _keep_on_record(self, name: str) -> bool:
        """Asked after a save, unless an answer was given for good (see Tools › Settings)."""
        settings = self.settings()
        if settings.keep_on_record != "ask":
            return settings.keep_on_record == "always"
        keep, remember = asks.ask_make_standing(self.window, name)
        if remember:
            answer = dataclasses.replace(settings, keep_on_record="always" if keep else "never")
            self._guard("Settings", lambda: self.store.save_settings(answer))
        return keep

    def _client_of_session(self) -> ClientRecord | None:
        """The session's client: the one chosen for it, else the client of that name."""
        from planner.storage import StoreError

        if self.document.client_id:
            try:
                return self.store.client(self.document.client_id)
            except StoreError:
                pass
        name = self.document.plan.client.name
        if not name:
            return None
        try:
            # A plan file's "margaret olsen" is the client Margaret Olsen (as planner import).
            return self.store.find_client(name) or self.store.match_client(name)
        except StoreError:  # several clients of that name: the panel must say which
            return None

    # -- templates -------------------------------------------------------------

    def save_as_template(self) -> None:
        name = asks.ask_text(
            self.window, "Save as template", "Template name:", self.document.plan.title
        )
        if name:
            saved = self._guard(
                "Save as template", lambda: self.store.save_template(name, self.document.plan)
            )
            if saved is not None:
                self._status(f"Saved the template “{saved.name}”")

    def new_from_template(self) -> None:
        templates = self._guard("New from template", self.store.templates)
        if templates is None:
            return
        if not templates:
            asks.show_error(self.window, "New from template", "There are no templates yet.")
            return
        chosen = asks.ask_template(self.window, templates)
        if chosen is None or not self.maybe_save():
            return
        plan = chosen.plan.copy()
        blank = self.blank_plan()
        plan.date = blank.date
        plan.therapist = blank.therapist
        plan.client = Client()
        self.document.load(plan, clean=False)

    def manage_templates(self) -> None:
        from planner.gui.window.manage import TemplatesManager

        TemplatesManager(self.store, self.window).exec()

    # -- plan files ------------------------------------------------------------

    def open_plan_file(self) -> None:
        path = asks.ask_open_path(self.window, "Open plan file")
        if path is None:
            return
        try:
            plan = load_plan(path, self.document.library)
        except PlanFileError as error:
            asks.show_error(self.window, "Open plan file", counted_from_one(str(error)))
            return
        if self.maybe_save():
            self.document.load(plan, clean=False)

    def save_plan_file(self) -> None:
        plan = self.document.plan
        path = asks.ask_save_path(
            self.window, "Save plan as file", file_stem(plan, "plan") + ".json"
        )
        if path is None:
            return
        try:
            save_plan(with_own_definitions(plan, self.document.library), path)
        except PlanFileError as error:
            asks.show_error(self.window, "Save plan as file", str(error))
            return
        self._status(f"Saved {path.name}")

    # -- PDFs --------------------------------------------------------------------

    def export_protocol(self) -> None:
        self._export("protocol", "Export protocol PDF", large_print=False)

    def export_home_care(self, large_print: bool | None) -> None:
        if large_print is None:
            large_print = self.settings().large_print
        self._export("home-care", "Export home-care sheet PDF", large_print=large_print)

    def _sheet_language(self, kind: str, title: str) -> tuple[str | None, str, str] | None:
        """(language, file name suffix, dialog title) of a document; None: cancelled.

        The home-care sheet is in the client's language, or another for this sheet only.
        """
        if kind != "home-care":
            return None, "", title
        client_language = self.document.plan.client.language
        language = asks.ask_sheet_language(self.window, title, client_language)
        if language is None:
            return None
        suffix = f"-{language}" if language != client_language else ""
        return language, suffix, f"{title} ({language_label(language)})"

    def _export(self, kind: str, title: str, *, large_print: bool) -> None:
        plan = self.document.plan
        chosen = self._sheet_language(kind, title)
        if chosen is None:
            return
        language, suffix, title = chosen
        suffix = ("-large-print" if large_print and kind == "home-care" else "") + suffix
        path = asks.ask_save_path(
            self.window, title, file_stem(plan, kind + suffix) + ".pdf", asks.PDF_FILTER
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            from planner.export import ExportError, write_pdf
            from planner.gui.documents.printing import build_pdf
        except ImportError as error:
            asks.show_error(self.window, title, f"PDF export is not available: {error}")
            return
        paper = self.settings().paper
        import warnings

        from planner.export import MissingGlyphsWarning

        try:
            # One build at a time with the preview's worker (build_pdf holds a lock).
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", MissingGlyphsWarning)
                data = build_pdf(
                    kind,
                    plan,
                    self.document.library,
                    large_print=large_print,
                    paper=paper,
                    daily_minutes=self.document.daily_minutes,
                    emergency_number=self.document.emergency_number,
                    language=language,
                )
            write_pdf(path, data)
        except (ExportError, OSError) as error:
            asks.show_error(self.window, title, str(error))
            return
        except Exception as error:  # noqa: BLE001 - e.g. a resource missing from the install
            asks.show_error(self.window, title, f"The PDF could not be made: {error}")
            return
        missing = [str(w.message) for w in caught if w.category is MissingGlyphsWarning]
        # No font on this computer has some characters: say which, beside "Exported".
        self._status(f"Exported {path.name} to {path.parent}" + "".join(f"; {m}" for m in missing))
        from planner.gui.common.desktop import pdf_viewer_available

        if pdf_viewer_available():  # else the question would offer what cannot happen
            asks.ask_open_pdf(self.window, Path(path))

    # -- library and settings ------------------------------------------------------

    def edit_technique(self, technique_id: str | None, editing: bool) -> None:
        library = self.document.library
        start = library.techniques.get(technique_id) if technique_id else None
        if editing and (start is None or not library.is_custom_technique(start.id)):
            return
        from planner.gui.common.editing import open_in_dialog
        from planner.storage import StoreError

        # A sync while the dialog is open leaves the technique edited alone.
        with open_in_dialog(self.store, "technique", start.id if editing and start else ""):
            technique = asks.ask_technique(self.window, library, start, editing=editing)
            if technique is None:
                return
            try:
                self.store.save_technique(technique)
                new_library = self.store.library()
            except StoreError as error:
                asks.show_error(self.window, "Technique", str(error))
                return
        self.document.set_library(new_library)
        self._status(f"Saved your technique “{technique.name}”")

    def delete_technique(self, technique_id: str) -> None:
        """Delete an own technique after asking (:mod:`planner.gui.library.own_delete` decides)."""
        from planner.gui.library.own_delete import delete_technique

        said = delete_technique(self.window, self.store, self.document, technique_id)
        if said:
            self._status(said)

    def edit_settings(self) -> None:
        settings = asks.ask_settings(self.window, self.settings())
        if settings is not None:
            self._guard("Settings", lambda: self.store.save_settings(settings))
            self._apply_home_care_settings()
