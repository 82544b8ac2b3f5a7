"""Making a session a client's: shared by the client panel and File › New session."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.core.plan import Client
from planner.gui.common import commands as c
from planner.gui.common.document import SessionDocument

if TYPE_CHECKING:
    from planner.storage import ClientRecord


def apply_client(document: SessionDocument, record: ClientRecord) -> None:
    """Make the session this client's: their conditions and standing areas come along.

    One undo entry; areas the plan already has are not added twice.
    """
    document.client_id = record.id
    stack = document.undo_stack
    stack.beginMacro(f"Choose client {record.name}")
    client = Client(record.name, tuple(record.conditions), record.notes, record.language)
    document.push(c.SetDetails(document, "Choose client", client=client))
    plan = document.plan
    for area in record.avoid:
        if plan.avoided_index(area.region, area.side) is None:
            document.push(c.AvoidArea(document, area))
    for symptom in record.symptoms:
        if plan.symptom_index(symptom.region, symptom.side, symptom.kind) is None:
            document.push(c.MarkSymptom(document, symptom))
    stack.endMacro()
