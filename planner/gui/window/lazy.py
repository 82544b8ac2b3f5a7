"""A dock's content made the first time the dock is really on screen.

The body map and the preview sit in tabs behind the client panel. Building them
at start-up would load QtPdf, the body geometry and (through the first preview)
reportlab before the window can be shown, for panes the user may never open.
:class:`LazyPanel` stands in the dock instead and builds the real widget when
the dock's tab is first shown, or when the window asks for the widget itself.

The dock's ``visibilityChanged`` is the trigger, not this widget's show event:
while a window is first shown Qt shows every tabbed dock's widget for a moment,
before the tab bar hides all but the current one, and the dock reports only
the one really on screen.

The same signal is the only reliable word on whether the pane is on screen at
all: once a tabbed dock has been shown, Qt keeps reporting its widget visible
while another tab covers it. A made widget with a ``set_on_screen(bool)`` method
(:class:`OnScreen`) is told each time its dock comes on screen or leaves it, and
once when it is made.

A panel can leave its dock (the preview goes to the middle of the window as a
tab): from then on the dock's word no longer counts, and whoever holds the
panel says when it is on screen through :meth:`LazyPanel.tell`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar, runtime_checkable

from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


@runtime_checkable
class OnScreen(Protocol):
    """A widget that wants to know whether its dock is really on screen."""

    def set_on_screen(self, on_screen: bool) -> None: ...


class LazyPanel(QWidget, Generic[W]):
    """Holds the place of a widget made by ``factory`` on first need.

    Args:
        factory: makes the real widget (it is then put inside this one).
        built: called once with the new widget (to connect its signals).
    """

    def __init__(
        self,
        factory: Callable[[], W],
        built: Callable[[W], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._built = built
        self._widget: W | None = None
        self._on_screen = False
        self._watched = False
        self._dock: QDockWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def watch(self, dock: QDockWidget) -> None:
        """Build when ``dock`` first comes on screen (its tab raised, or it is shown)."""
        # Not on screen until the dock says so (it is also hidden while the window is).
        self._on_screen = dock.isVisible() and not dock.visibleRegion().isEmpty()
        self._watched = True
        self._dock = dock
        dock.visibilityChanged.connect(self._on_dock_visibility)

    @property
    def on_screen(self) -> bool:
        """Whether the watched dock was last reported on screen."""
        return self._on_screen

    def _on_dock_visibility(self, visible: bool) -> None:
        if self._dock is not None and self._dock.isAncestorOf(self):
            self._on_visibility(visible)  # not when the panel has left the dock

    def _on_visibility(self, visible: bool) -> None:
        self._on_screen = visible
        if visible and self._widget is None:
            self.widget()  # tells the new widget itself
        elif isinstance(self._widget, OnScreen):
            self._widget.set_on_screen(visible)

    def tell(self, on_screen: bool) -> None:
        """On screen or not, where no dock says so: a tab in the middle, or a dock just made
        to float or raised (Qt does not always report that one)."""
        self._on_visibility(on_screen)

    @property
    def is_built(self) -> bool:
        return self._widget is not None

    def widget(self) -> W:
        """The real widget, made now if it was not yet."""
        if self._widget is None:
            widget = self._factory()
            self._widget = widget
            self._layout.addWidget(widget)
            self.setFocusProxy(widget)
            if self._watched and isinstance(widget, OnScreen):
                widget.set_on_screen(self._on_screen)
            if self._built is not None:
                self._built(widget)
        return self._widget
