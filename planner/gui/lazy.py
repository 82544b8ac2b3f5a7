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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


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
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def watch(self, dock: QDockWidget) -> None:
        """Build when ``dock`` first comes on screen (its tab raised, or it is shown)."""
        dock.visibilityChanged.connect(self._on_visibility)

    def _on_visibility(self, visible: bool) -> None:
        if visible:
            self.widget()

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
            if self._built is not None:
                self._built(widget)
        return self._widget
