"""What the plan marks on each shape of the body map: worked by steps, symptoms, avoided."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from planner.core.bodymap import Shape
from planner.core.plan import SessionPlan
from planner.core.regions import Area


@dataclass
class Marks:
    """What the plan says about one shape: worked by steps, symptoms, avoided."""

    steps: list[int] = field(default_factory=list)
    symptoms: list[int] = field(default_factory=list)
    avoided: list[int] = field(default_factory=list)


def compute_marks(plan: SessionPlan, shapes: Iterable[Shape]) -> dict[int, Marks]:
    """Each shape's marks, by ``id(shape)``.

    Items are grouped by area first: a long plan works on a few areas many times, and
    the covering test is then made once per area and shape.
    """
    by_area: list[dict[Area, list[int]]] = [{}, {}, {}]
    areas: tuple[list[Area], ...] = (
        [step.area for step in plan.steps],
        [symptom.area for symptom in plan.symptoms],
        [avoided.area for avoided in plan.avoid],
    )
    for group, items in zip(by_area, areas, strict=True):
        for i, item_area in enumerate(items):
            group.setdefault(item_area, []).append(i)
    marks: dict[int, Marks] = {}
    for shape in shapes:
        area = Area(shape.region, shape.side)
        steps, symptoms, avoided = (
            sorted(i for other, found in group.items() if other.covers(area) for i in found)
            for group in by_area
        )
        marks[id(shape)] = Marks(steps, symptoms, avoided)
    return marks
