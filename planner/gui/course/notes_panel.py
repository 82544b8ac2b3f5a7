"""The session's SOAP notes, and its signature with the addenda.

Text typed into a part becomes one undoable edit when the field loses the focus
(or before a save). "Draft" fills the parts still empty from the session.

Signals (SignaturePanel):
    sign_requested: the therapist asked to sign the session.
    addendum_requested: the therapist asked to add an addendum.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.core.soap import PARTS, Soap
from planner.gui.common.document import SessionDocument
from planner.gui.course.commands import SetSoap

HINTS = {
    "subjective": "What the client reports: symptoms, pain, changes since the last visit",
    "objective": "What you found and did: areas, screens, the work",
    "assessment": "How it is going: what changed over the course",
    "plan": "Home care, the next visit, any referral",
}


class SoapPanel(QWidget):
    """Four text fields, one per SOAP part, and a Draft button."""

    def __init__(
        self, document: SessionDocument, draft: Callable[[], Soap], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.draft = draft
        layout = QVBoxLayout(self)
        self.fields: dict[str, QPlainTextEdit] = {}
        for part, title in PARTS.items():
            label = QLabel(f"<b>{title}</b>", self)
            field = QPlainTextEdit(self)
            field.setPlaceholderText(HINTS[part])
            field.setAccessibleName(f"{title} notes")
            field.setTabChangesFocus(True)
            field.installEventFilter(self)
            label.setBuddy(field)
            layout.addWidget(label)
            layout.addWidget(field, 1)
            self.fields[part] = field
        self.draft_button = QPushButton("&Draft the empty parts from the session", self)
        layout.addWidget(self.draft_button)
        self.draft_button.clicked.connect(self._on_draft)
        document.changed.connect(self.refresh)
        document.replaced.connect(self.refresh)
        document.commit_requested.connect(self.commit)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
        return super().eventFilter(watched, event)

    def typed(self) -> Soap:
        return Soap(**{part: field.toPlainText() for part, field in self.fields.items()})

    def commit(self) -> None:
        """Push what was typed as one edit (nothing when unchanged)."""
        soap = self.typed()
        if soap != self.document.plan.soap and self.document.plan.signature is None:
            self.document.push(SetSoap(self.document, soap))

    def _on_draft(self) -> None:
        self.commit()
        drafted = self.draft()
        current = self.document.plan.soap
        filled = Soap(
            **{
                part: getattr(current, part) if getattr(current, part).strip()
                else getattr(drafted, part)
                for part in PARTS
            }
        )  # fmt: skip
        if filled != current:
            self.document.push(SetSoap(self.document, filled, "Draft notes"))

    def refresh(self) -> None:
        soap = self.document.plan.soap
        signed = self.document.plan.signature is not None
        for part, field in self.fields.items():
            text = getattr(soap, part)
            if field.toPlainText() != text:
                field.setPlainText(text)
            field.setReadOnly(signed)
        self.draft_button.setEnabled(not signed)


class SignaturePanel(QWidget):
    """Who signed the session and when, its addenda, and the two buttons."""

    sign_requested = Signal()
    addendum_requested = Signal()

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setAccessibleName("Signature")
        self.addenda = QLabel(self)
        self.addenda.setWordWrap(True)
        self.addenda.setAccessibleName("Addenda")
        buttons = QHBoxLayout()
        self.sign_button = QPushButton("&Sign session…", self)
        self.addendum_button = QPushButton("Add add&endum…", self)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.addendum_button)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(self.addenda)
        layout.addStretch(1)
        self.sign_button.clicked.connect(self.sign_requested)
        self.addendum_button.clicked.connect(self.addendum_requested)
        document.changed.connect(self.refresh)
        document.replaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        plan = self.document.plan
        signature = plan.signature
        if signature is None:
            self.state.setText(
                "Not signed. Signing records you, the time and a fingerprint (SHA-256) of the "
                "whole session; after that it cannot be changed, only given addenda."
            )
        else:
            when = signature.signed_at.replace("T", " ")[:16]
            self.state.setText(
                f"<b>Signed</b> by {_escaped(signature.therapist)} on {when} UTC.<br>"
                f"SHA-256 {signature.sha256[:16]}…"
            )
        lines = [
            f"<p><b>Addendum {n}</b>, {a.signed_at.replace('T', ' ')[:16]} UTC, "
            f"{_escaped(a.therapist)}<br>{_escaped(a.text)}</p>"
            for n, a in enumerate(plan.addenda, start=1)
        ]
        self.addenda.setText("".join(lines))
        self.sign_button.setEnabled(signature is None)
        self.addendum_button.setEnabled(signature is not None)


def _escaped(text: str) -> str:
    import html

    return html.escape(text)
