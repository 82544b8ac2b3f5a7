"""The templates manager: rename, delete, import and export the store's templates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.gui.common import asks
from planner.gui.common.names import counted_from_one

if TYPE_CHECKING:
    from planner.storage import Store, TemplateRecord


class TemplatesManager(QDialog):
    """Rename, delete, import and export the store's templates."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Templates")
        layout = QHBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Templates")
        layout.addWidget(self.list, 1)
        column = QVBoxLayout()
        self.rename_button = QPushButton("&Rename…", self)
        self.delete_button = QPushButton("&Delete", self)
        self.import_button = QPushButton("&Import…", self)
        self.export_button = QPushButton("&Export…", self)
        close = QPushButton("Close", self)
        for button in (self.rename_button, self.delete_button, self.import_button):
            column.addWidget(button)
        column.addWidget(self.export_button)
        column.addStretch(1)
        column.addWidget(close)
        layout.addLayout(column)
        writable = not store.read_only
        for button in (self.rename_button, self.delete_button, self.import_button):
            button.setEnabled(writable)
        self.rename_button.clicked.connect(self._on_rename)
        self.delete_button.clicked.connect(self._on_delete)
        self.import_button.clicked.connect(self._on_import)
        self.export_button.clicked.connect(self._on_export)
        close.clicked.connect(self.accept)
        # Enter closes (the list has the focus); only a click or a mnemonic renames,
        # deletes, imports or exports. F2 renames and Delete deletes, as in a file manager.
        for button in (self.rename_button, self.delete_button):
            button.setAutoDefault(False)
        for button in (self.import_button, self.export_button):
            button.setAutoDefault(False)
        close.setDefault(True)
        self._add_key(Qt.Key.Key_F2, self._on_rename)
        self._add_key(Qt.Key.Key_Delete, self._on_delete)
        self.list.setFocus()
        self.resize(520, 340)
        self.refresh()

    def _add_key(self, key: Qt.Key, slot: Any) -> None:
        from PySide6.QtGui import QKeySequence, QShortcut

        shortcut = QShortcut(QKeySequence(key), self.list)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(lambda: self.store.read_only or slot())

    def refresh(self, select: str = "") -> None:
        self.list.clear()
        for template in self.store.templates():
            item = QListWidgetItem(template.name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, template)
            if template.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)

    def current(self) -> TemplateRecord | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _guard(self, action: Any) -> Any:
        from planner.storage import StoreError

        try:
            return action()
        except StoreError as error:
            asks.show_error(self, "Templates", counted_from_one(str(error)))
            return None

    def _on_rename(self) -> None:
        template = self.current()
        if template is None:
            return
        name = asks.ask_text(self, "Rename template", "New name:", template.name)
        if name:
            renamed = self._guard(lambda: self.store.rename_template(template.id, name))
            self.refresh(renamed.id if renamed else template.id)

    def _on_delete(self) -> None:
        template = self.current()
        if template and asks.ask_yes_no(self, "Delete template", f"Delete “{template.name}”?"):
            self._guard(lambda: self.store.delete_template(template.id))
            self.refresh()

    def _on_import(self) -> None:
        path = asks.ask_open_path(self, "Import templates", "Templates (*.json);;All files (*)")
        if path is not None:
            self._guard(lambda: self.store.import_templates(path))
            self.refresh()

    def _on_export(self) -> None:
        path = asks.ask_save_path(
            self, "Export templates", "templates.json", "Templates (*.json);;All files (*)"
        )
        if path is not None:
            self._guard(lambda: self.store.export_templates(path))
