"""Qt models over the client's areas: the ones to avoid and the symptoms."""

from __future__ import annotations

from typing import Any

from planner.core.regions import area_name
from planner.core.vocab import AVOID_REASONS, SYMPTOM_KINDS
from planner.gui.common.list_table import ListTable


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class AvoidedModel(ListTable):
    """Areas the session leaves alone: where, why, and a note."""

    HEADERS = ("Area", "Reason", "Note")

    def items(self) -> list[Any]:
        return list(self.document.plan.avoid)

    def cell(self, item: Any, column: int) -> Any:
        if column == 0:
            return _capital(area_name(item.region, item.side))
        if column == 1:
            return AVOID_REASONS[item.reason]
        return item.note


class SymptomsModel(ListTable):
    """What the client feels where, with the intensity they gave (0 to 10)."""

    HEADERS = ("Area", "Symptom", "Intensity")

    def items(self) -> list[Any]:
        return list(self.document.plan.symptoms)

    def cell(self, item: Any, column: int) -> Any:
        if column == 0:
            return _capital(area_name(item.region, item.side))
        if column == 1:
            return SYMPTOM_KINDS[item.kind]
        return "" if item.intensity is None else f"{item.intensity} of 10"
