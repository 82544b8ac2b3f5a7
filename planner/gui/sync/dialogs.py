"""The sync room's dialogs: the server to sync with, and the conflicts side by side."""

from __future__ import annotations

import copy
import html
import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

Path = tuple[str, ...]
HIGHLIGHT = "#fff2a8"


class ServerDialog(QDialog):
    """The clinic's server: its address, the user, the password (to the system keyring)."""

    def __init__(self, parent: QWidget | None, url: str, user: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Clinic sync")
        form = QFormLayout(self)
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("https://clinic.example:6984/practice")
        self.url.setMinimumWidth(self.fontMetrics().horizontalAdvance("m" * 36))
        self.user = QLineEdit(user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Server &address:", self.url)
        form.addRow("&User:", self.user)
        form.addRow("&Password:", self.password)
        note = QLabel(
            "The password is kept in the system's keyring, never in the planner's store. "
            "The window syncs every few minutes while a server is set."
        )
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # Enter waits for an address (a blank one would only bring a warning box).
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.url.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        ok.setEnabled(bool(url.strip()))
        self.url.setFocus()

    def accept(self) -> None:
        from planner.sync.couch import SyncError, check_url

        try:
            check_url(self.url.text())
        except SyncError as error:
            QMessageBox.warning(self, "Clinic sync", str(error))
            return
        super().accept()

    def values(self) -> tuple[str, str, str]:
        from planner.sync.couch import check_url

        return check_url(self.url.text()), self.user.text().strip(), self.password.text()


def flatten(value: Any, path: Path = ()) -> dict[Path, Any]:
    """The leaves of a record by path (lists count as one value)."""
    if isinstance(value, dict) and value:
        found: dict[Path, Any] = {}
        for key, inner in value.items():
            found.update(flatten(inner, (*path, str(key))))
        return found
    return {path: value}


# What a record's fields are called in the conflicts dialog (others: their key in words).
_FIELD_NAMES = {
    "after_notes": "After-session notes",
    "plan": "Session",
    "client": "Client",
    "client_id": "Client (record)",
    "length_minutes": "Length (minutes)",
    "home_care": "Home care",
    "avoid": "Areas to avoid",
    "symptoms": "Symptom areas",
    "mnsi_a": "MNSI questionnaire",
    "pain_before": "Pain before",
    "pain_after": "Pain after",
    "dob": "Date of birth",
    "birth_date": "Date of birth",
    "times_a_day": "Times a day",
    "days_a_week": "Days a week",
    "soap": "SOAP note",
    "rev": "Revision",
    "saved_at": "Saved at",
}


def field_name(path: Path) -> str:
    """A field's place in words: ("plan", "length_minutes") → "Session › Length (minutes)"."""
    return " › ".join(_FIELD_NAMES.get(key, key.replace("_", " ").capitalize()) for key in path)


def differences(left: Any, right: Any) -> list[Path]:
    a, b = flatten(left or {}), flatten(right or {})
    return sorted(p for p in set(a) | set(b) if a.get(p) != b.get(p))


def merged_record(left: dict[str, Any], right: dict[str, Any], take: list[Path]) -> Any:
    """``left`` with the values of ``right`` at the paths in ``take``."""
    merged = copy.deepcopy(left)
    theirs = flatten(right)
    for path in take:
        place = merged
        for key in path[:-1]:
            place = place.setdefault(key, {})
        if path in theirs:
            place[path[-1]] = copy.deepcopy(theirs[path])
        else:
            place.pop(path[-1], None)
    return merged


def as_html(record: Any, changed: set[Path], heading: str) -> str:
    if record is None:
        return f"<h3>{html.escape(heading)}</h3><p><b>Deleted</b> on another desk.</p>"
    rows = []
    for path, value in sorted(flatten(record).items()):
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        style = f' style="background:{HIGHLIGHT}"' if path in changed else ""
        rows.append(
            f"<tr{style}><td><b>{html.escape(field_name(path))}</b></td>"
            f"<td>{html.escape(text)}</td></tr>"
        )
    return f"<h3>{html.escape(heading)}</h3><table cellspacing=2>{''.join(rows)}</table>"


class ConflictsDialog(QDialog):
    """Each conflict's two versions side by side, what differs highlighted; keep one or merge."""

    def __init__(self, parent: QWidget | None, store: Any) -> None:
        super().__init__(parent)
        self.store = store
        self.resolved = 0
        self.remaining = 0
        self.setWindowTitle("Sync conflicts")
        self.resize(1000, 600)
        self.list = QListWidget()
        self.list.setMaximumWidth(260)
        self.other = QComboBox()
        self.left = QTextBrowser()
        self.right = QTextBrowser()
        self.fields = QListWidget()
        self.fields.setMaximumHeight(120)
        self._lay_out()
        self.list.currentRowChanged.connect(self._show)
        self.other.currentIndexChanged.connect(lambda _: self._show(self.list.currentRow()))
        self._load()

    def _lay_out(self) -> None:
        sides = QHBoxLayout()
        sides.addWidget(self.left)
        sides.addWidget(self.right)
        keep = QHBoxLayout()
        self.keep_left = QPushButton("Keep &this desk's version")
        self.keep_right = QPushButton("Keep the &other version")
        self.merge = QPushButton("&Merge: the other's values where ticked")
        for button in (self.keep_left, self.keep_right, self.merge):
            keep.addWidget(button)
        for button in (self.keep_left, self.keep_right, self.merge):
            button.setAutoDefault(False)  # keeping a version is never a stray Enter
        self.keep_left.clicked.connect(lambda: self._resolve("left"))
        self.keep_right.clicked.connect(lambda: self._resolve("right"))
        self.merge.clicked.connect(lambda: self._resolve("merge"))
        right = QVBoxLayout()
        right.addWidget(self.other)
        right.addLayout(sides, 1)
        right.addWidget(QLabel("What differs (tick to take the other version's value):"))
        right.addWidget(self.fields)
        right.addLayout(keep)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        right.addWidget(close)
        main = QHBoxLayout(self)
        main.addWidget(self.list)
        main.addLayout(right, 1)
        self.list.setFocus()

    def _load(self) -> None:
        from planner.sync.conflicts import list_conflicts

        self.found = list_conflicts(self.store)
        self.remaining = len(self.found)
        self.list.clear()
        for item in self.found:
            self.list.addItem(f"{item['kind']}: {item['title'] or item['id']}")
        if not self.found:
            self.left.setHtml("<p>No conflicts: every desk agrees.</p>")
            self.right.clear()
        for button in (self.keep_left, self.keep_right, self.merge):
            button.setEnabled(bool(self.found))
        self.list.setCurrentRow(0 if self.found else -1)

    def _versions(self) -> tuple[dict[str, Any], dict[str, Any]] | None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.found):
            return None
        versions = self.found[row]["versions"]
        index = max(self.other.currentIndex(), 0) + 1
        return versions[0], versions[min(index, len(versions) - 1)]

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.found):
            return
        versions = self.found[row]["versions"]
        if self.other.count() != len(versions) - 1 or self.other.property("row") != row:
            self.other.blockSignals(True)
            self.other.clear()
            for version in versions[1:]:
                where = "this desk" if version["made_here"] else "another desk"
                self.other.addItem(f"Other version {version['rev']} (from {where})")
            self.other.setProperty("row", row)
            self.other.blockSignals(False)
        pair = self._versions()
        assert pair is not None
        mine, theirs = pair
        changed = set(differences(mine["record"], theirs["record"]))
        self.left.setHtml(as_html(mine["record"], changed, "Shown on this desk"))
        self.right.setHtml(as_html(theirs["record"], changed, "The other version"))
        self.fields.clear()
        both = mine["record"] is not None and theirs["record"] is not None
        for path in sorted(changed) if both else []:
            item = QListWidgetItem(field_name(path))
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.fields.addItem(item)
        self.merge.setEnabled(both)

    def _resolve(self, how: str) -> None:
        from planner.storage import StoreError
        from planner.sync.conflicts import resolve_conflict

        pair = self._versions()
        if pair is None:
            return
        mine, theirs = pair
        item = self.found[self.list.currentRow()]
        doc = f"{item['kind']}:{item['id']}"
        try:
            if how == "merge":
                take = [
                    self.fields.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(self.fields.count())
                    if self.fields.item(i).checkState() == Qt.CheckState.Checked
                ]
                merged = merged_record(mine["record"], theirs["record"], take)
                resolve_conflict(self.store, doc, mine["rev"], merged)
            else:
                chosen = mine if how == "left" else theirs
                resolve_conflict(self.store, doc, chosen["rev"])
        except StoreError as error:
            QMessageBox.warning(self, "Sync conflicts", str(error))
            return
        self.resolved += 1
        self._load()
