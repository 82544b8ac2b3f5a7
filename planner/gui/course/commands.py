"""Undo commands of the course room: each calls one method of the plan and its inverse."""

from __future__ import annotations

import dataclasses

from planner.core.measures import Measures
from planner.core.plan import PlanError, SymptomArea
from planner.core.soap import Soap
from planner.gui.common.commands import PlanCommand
from planner.gui.common.document import SessionDocument


class SetMeasures(PlanCommand):
    def __init__(self, document: SessionDocument, measures: Measures, text: str) -> None:
        super().__init__(document, text)
        self.measures = measures
        self.old: Measures | None = None

    def do(self) -> None:
        self.old = self.plan.set_measures(self.measures)

    def undo_change(self) -> None:
        if self.old is not None:
            self.plan.set_measures(self.old)


class SetSoap(PlanCommand):
    def __init__(self, document: SessionDocument, soap: Soap, text: str = "Edit notes") -> None:
        super().__init__(document, text)
        self.soap = soap
        self.old: Soap | None = None

    def do(self) -> None:
        self.old = self.plan.set_soap(self.soap)

    def undo_change(self) -> None:
        if self.old is not None:
            self.plan.set_soap(self.old)


class SetSymptoms(PlanCommand):
    """Replace every symptom area at once (taken from the last visit)."""

    def __init__(self, document: SessionDocument, symptoms: list[SymptomArea], text: str) -> None:
        super().__init__(document, text)
        self.symptoms = list(symptoms)
        self.old: list[SymptomArea] = []

    def _set(self, symptoms: list[SymptomArea]) -> None:
        while self.plan.symptoms:
            self.plan.remove_symptom(len(self.plan.symptoms) - 1)
        for symptom in symptoms:
            self.plan.mark_symptom(symptom)

    def do(self) -> None:
        self.old = list(self.plan.symptoms)
        try:
            self._set(self.symptoms)
        except PlanError:
            self._set(self.old)
            raise

    def undo_change(self) -> None:
        self._set(self.old)


class SetIntensity(PlanCommand):
    """One symptom area's intensity (0-10, or None for "not rated")."""

    def __init__(self, document: SessionDocument, index: int, intensity: int | None) -> None:
        super().__init__(document, "Change symptom intensity")
        self.index, self.intensity = index, intensity
        self.old: SymptomArea | None = None

    def do(self) -> None:
        current = self.plan.symptoms[self.index]
        self.old = self.plan.replace_symptom(
            self.index, dataclasses.replace(current, intensity=self.intensity)
        )

    def undo_change(self) -> None:
        if self.old is not None:
            self.plan.replace_symptom(self.index, self.old)
