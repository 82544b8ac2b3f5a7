"""Help > Safety rulebook: every rule the live check runs, and the red flags.

The same content as ``planner rules``: a therapist can read what is checked and, as
important, what is not.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from planner.core.rules import SCOPES, rules_by_severity
from planner.core.rules.redflags import RED_FLAGS, URGENCIES, URGENCY_ACTIONS
from planner.core.vocab import SEVERITY_NAMES
from planner.gui.common.roles import SEVERITY_COLOURS

_INTRO = (
    "The planner checks every session against these rules as you type. A rule that is not "
    "listed here is not checked: your own judgement and the client's doctor come first."
)


def rulebook_html() -> str:
    """The rulebook as simple HTML: rules by severity, then the red flags by urgency."""
    parts = [f"<p>{escape(_INTRO)}</p>"]
    current = ""
    for rule in rules_by_severity():
        if rule.severity != current:
            if current:
                parts.append("</table>")
            current = rule.severity
            colour = SEVERITY_COLOURS[current]
            parts.append(
                f'<h3 style="color:{colour}">{escape(SEVERITY_NAMES[current])}</h3>'
                '<table cellspacing="0" cellpadding="3" width="100%">'
            )
        parts.append(
            f'<tr><td width="32%" valign="top"><b>{escape(rule.id)}</b><br>'
            f"<small>{escape(SCOPES[rule.scope])}</small></td>"
            f'<td valign="top">{escape(rule.checks)}</td></tr>'
        )
    parts.append("</table><h3>Red flags: stop and get medical help</h3>")
    for urgency in URGENCIES:
        parts.append(f"<p><b>{escape(URGENCY_ACTIONS[urgency])}</b></p><ul>")
        parts.extend(
            f"<li>{escape(flag.sign)}</li>" for flag in RED_FLAGS if flag.urgency == urgency
        )
        parts.append("</ul>")
    return "".join(parts)


class RulebookDialog(QDialog):
    """A read-only, scrollable view of the rulebook."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Safety rulebook")
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("Safety rulebook")
        self.text.setOpenLinks(False)
        self.text.setHtml(rulebook_html())
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)  # Enter closes, as Escape does
        layout.addWidget(buttons)
        self.text.setFocus()
        self.resize(760, 620)
