"""The live preview: the protocol or the home-care sheet exactly as it prints.

The pages are the real PDF from :mod:`planner.export`, shown with QtPdf. A
rebuild starts 300 ms after the last edit (a single-shot timer restarted by
every change), runs in a worker thread on a copy of the plan (the build is pure
Python and reportlab, no Qt), and its result is shown only if no newer edit has
come since: every request takes the next generation number and a finished
build that is not the latest is dropped. At most one build runs at a time; an
edit made meanwhile is built when it ends. While the pane is off screen nothing
is built; it catches up once when it comes back, if there were edits meanwhile.

"Off screen" is what the pane's dock last said (:meth:`PreviewPane.set_on_screen`,
called by :class:`planner.gui.window.lazy.LazyPanel`): once a tabbed dock has been shown,
Qt reports the pane visible even while another tab covers it. A pane outside a
dock goes by its own visibility.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QPointF,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.core.i18n import available, language_name
from planner.core.library import Library
from planner.core.plan import SessionPlan
from planner.gui.common.document import SessionDocument
from planner.gui.documents.printing import build_pdf

DEBOUNCE_MS = 300
KINDS = {"protocol": "Protocol", "home-care": "Home-care sheet"}
ZOOMS: tuple[tuple[str, float], ...] = (
    ("Fit width", 0.0),
    ("Whole page", -1.0),
    ("50%", 0.5),
    ("75%", 0.75),
    ("100%", 1.0),
    ("125%", 1.25),
    ("150%", 1.5),
    ("200%", 2.0),
)


class _Relay(QObject):
    """Carries a finished build from the worker thread to the pane (a queued signal)."""

    finished = Signal(int, object, str)


class _Build(QRunnable):
    """One PDF build off the event loop: on its own copy of the plan, no Qt objects touched."""

    def __init__(
        self,
        generation: int,
        kind: str,
        plan: SessionPlan,
        library: Library,
        large_print: bool,
        paper: str,
        relay: _Relay,
        language: str | None = None,
    ) -> None:
        super().__init__()
        self.args = (generation, kind, plan, library, large_print, paper)
        self.language = language
        self.home_care: tuple[float | None, str | None] = (None, None)
        self.relay = relay

    def run(self) -> None:
        generation, kind, plan, library, large_print, paper = self.args
        daily_minutes, emergency_number = self.home_care
        try:
            data = build_pdf(
                kind,
                plan,
                library,
                large_print=large_print,
                paper=paper,
                daily_minutes=daily_minutes,
                emergency_number=emergency_number,
                language=self.language,
            )
        except Exception as error:  # noqa: BLE001 - shown in the pane, never a crash
            self.relay.finished.emit(generation, b"", str(error) or type(error).__name__)
            return
        self.relay.finished.emit(generation, data, "")


class PreviewPane(QWidget):
    """The document chooser, page navigation and zoom above the pages.

    Signals:
        updated(int): the pages of this generation are on show.
    """

    updated = Signal(int)

    def __init__(
        self,
        document: SessionDocument,
        settings: Callable[[], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings or (lambda: None)
        self.generation = 0  # the latest request
        self.shown_generation = 0  # the pages on show
        self.building = False
        self._dirty = True
        self._on_screen: bool | None = None  # None: no dock tells us; go by isVisible()
        self._buffer: QBuffer | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self.pdf = QPdfDocument(self)
        self._build_ui()
        self._connect_signals()
        self.large_print.setChecked(bool(getattr(self.settings(), "large_print", False)))
        self._on_kind()

    def _build_ui(self) -> None:
        self.kind = QComboBox(self)
        for key, name in KINDS.items():
            self.kind.addItem(name, key)
        self.kind.setAccessibleName("Document to preview")
        self.large_print = QCheckBox("&Large print", self)
        self.large_print.setAccessibleName("Large print")
        # The sheet in the client's language, or another one for a look (the therapist
        # checking a Spanish client's sheet in English): never saved with the session.
        self.language = QComboBox(self)
        self.language.addItem("the client's language", "")
        for code in available():
            self.language.addItem(language_name(code), code)
        self.language.setAccessibleName("Language of the sheet shown")
        self.language.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.language.setMinimumContentsLength(10)
        self.language_label = QLabel("Sheet &in:", self)
        self.language_label.setBuddy(self.language)
        self.previous = self._button("‹", "Previous page")
        self.next = self._button("›", "Next page")
        self.page_label = QLabel(self)
        self.page_label.setAccessibleName("Page number")
        self.zoom = QComboBox(self)
        for text, value in ZOOMS:
            self.zoom.addItem(text, value)
        self.zoom.setAccessibleName("Zoom")
        self.state = QLabel(self)
        self.state.setAccessibleName("Preview state")
        self.state.setWordWrap(True)
        self.state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.view = QPdfView(self)
        self.view.setAccessibleName("Document preview")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(8)

        top = QHBoxLayout()
        top.addWidget(self.kind, 1)
        top.addWidget(self.large_print)
        pages = QHBoxLayout()
        pages.addWidget(self.previous)
        pages.addWidget(self.page_label)
        pages.addWidget(self.next)
        pages.addSpacing(8)
        pages.addWidget(self.zoom)
        pages.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        language = QHBoxLayout()  # a row of its own, shown for the sheet only
        language.addWidget(self.language_label)
        language.addWidget(self.language, 1)
        layout.addLayout(language)
        layout.addLayout(pages)
        layout.addWidget(self.view, 1)

    def _button(self, text: str, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.setAutoRaise(True)
        return button

    def _connect_signals(self) -> None:
        self.document.changed.connect(self.schedule)
        self.document.library_changed.connect(self.schedule)
        self._timer.timeout.connect(self.rebuild)
        self._relay.finished.connect(self._on_built)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.large_print.toggled.connect(lambda _: self.rebuild())
        self.language.currentIndexChanged.connect(lambda _: self.rebuild())
        self.previous.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.zoom.currentIndexChanged.connect(self._on_zoom)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)

    # -- building ------------------------------------------------------------------------

    def on_screen(self) -> bool:
        """Whether the pages can be seen (its dock's word when it is in one)."""
        return self.isVisible() and self._on_screen is not False

    def set_on_screen(self, on_screen: bool) -> None:
        """The dock came on screen (catch up on edits made meanwhile) or left it."""
        self._on_screen = on_screen
        if not on_screen:
            self._timer.stop()  # the edit stays pending (dirty) until the pane is back
        elif self._dirty:
            QTimer.singleShot(0, self, self._catch_up)

    def schedule(self) -> None:
        """An edit: rebuild once edits have stopped for a moment."""
        self._dirty = True
        if self.on_screen():
            self._timer.start()

    def rebuild(self) -> None:
        """Build the pages now (in the worker) for the plan as it is."""
        self._timer.stop()
        self._dirty = True
        if not self.on_screen():
            return
        self.generation += 1
        if self.building:
            return  # built when the running build ends
        self._start()

    def _start(self) -> None:
        settings = self.settings()
        kind = self.kind.currentData()
        build = _Build(
            self.generation,
            kind,
            self.document.plan.copy(),
            self.document.library,
            kind == "home-care" and self.large_print.isChecked(),
            str(getattr(settings, "paper", "letter")),
            self._relay,
            language=self.language.currentData() or None,
        )
        build.home_care = (self.document.daily_minutes, self.document.emergency_number)
        self.building = True
        self._dirty = False
        self.state.setText("Updating…")
        self._pool.start(build)

    def _on_built(self, generation: int, data: bytes, error: str) -> None:
        self.building = False
        if generation != self.generation:
            # An edit came while this was built: this one is stale. Off screen, the newest
            # is built when the pane comes back (it is still dirty).
            if self.on_screen():
                self._start()
            return
        if error:
            self.state.setText(f"The preview could not be made: {error}")
            return
        self._show(data)
        self.shown_generation = generation
        self.state.setText("")
        self.updated.emit(generation)

    def _show(self, data: bytes) -> None:
        page = self.current_page()
        old = self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.close()
        self.pdf.load(buffer)
        # The document reads from the buffer as pages are drawn: keep it alive.
        self._buffer = buffer
        if old is not None:
            old.close()
            old.deleteLater()
        self.go_to(min(page, self.page_count() - 1))
        self._show_page()

    def is_current(self) -> bool:
        """True when the pages on show are of the plan as it is now."""
        return (
            not self._dirty
            and not self.building
            and not self._timer.isActive()
            and self.shown_generation == self.generation
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            # Catch up at once (not timer.start(0): that would change the debounce interval).
            QTimer.singleShot(0, self, self._catch_up)

    def _catch_up(self) -> None:
        if self._dirty and not self.building and not self._timer.isActive():
            self.rebuild()

    def wait_idle(self) -> None:
        """Wait for the worker (used at shutdown and by benchmarks)."""
        self._pool.waitForDone()

    # -- pages and zoom -------------------------------------------------------------------

    def page_count(self) -> int:
        return self.pdf.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, QPointF(), 0)

    def _show_page(self, *_: object) -> None:
        count = self.page_count()
        page = self.current_page()
        self.page_label.setText(f"Page {page + 1} of {count}" if count else "No pages")
        self.previous.setEnabled(page > 0)
        self.next.setEnabled(page < count - 1)

    def _on_kind(self) -> None:
        sheet = self.kind.currentData() == "home-care"
        self.large_print.setEnabled(sheet)
        self.language.setVisible(sheet)
        self.language_label.setVisible(sheet)
        self.rebuild()

    def _on_zoom(self) -> None:
        value = self.zoom.currentData()
        if value == 0.0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value < 0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(value)
