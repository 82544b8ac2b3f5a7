"""Progress over a course of visits: each measure's series, its change and a flag.

A series holds one point per visit that measured it, in date order (visits on
the same day in the order they were saved); a visit that did not measure it
is a gap, never a zero. The change is the latest value minus the first. The
flag follows the clinically important difference for 0-10 ratings (Farrar et
al., Pain 2001): **much better** when the value fell by at least 2 points and
at least 30% of the first value, **worse** when it rose by as much. The same
test is applied to the MNSI score and to the count of monofilament sites not
felt, where a rise of 2 is also worth a question.

Visits are read from the stored form of a session (the plan file object), so
that a course of 500 visits is summed up without building 500 plans.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from planner.core.i18n import N_
from planner.core.measures import Measures, stored_measures
from planner.core.regions import area_phrase
from planner.core.vocab import SYMPTOM_KINDS

MEASURES: dict[str, str] = {
    "pain_before": N_("Pain before the session (0-10)"),
    "pain_after": N_("Pain after the session (0-10)"),
    "mnsi_a": N_("MNSI questionnaire score (0-13)"),
    "symptom": N_("Symptom intensity (0-10)"),
    "monofilament_not_felt": N_("Monofilament sites not felt (of 6)"),
}
MUCH_BETTER, WORSE = "much-better", "worse"
MIN_POINTS = 2.0
MIN_FRACTION = 0.3


class Rating(NamedTuple):
    """A symptom area with its intensity, as progress reads it (the plan's SymptomArea
    has the same fields; this module does without the plan to stay quick to import)."""

    region: str
    side: str
    kind: str
    intensity: int | None = None


class Visit(NamedTuple):
    """One session of the course, with what progress reads from it.

    (Named tuples rather than dataclasses here: ``planner progress`` starts quicker.)
    """

    id: str
    date: str  # ISO date of the plan
    title: str
    status: str = "draft"
    measures: Measures = Measures()
    symptoms: tuple[Rating, ...] = ()  # or the plan's SymptomArea: the same fields
    signed: bool = False
    saved_at: str = ""
    therapist: str = ""
    clinic: str = ""
    assessment: str = ""  # the SOAP notes' assessment, the therapist's summary


def visit_from_doc(doc: Mapping[str, Any]) -> Visit:
    """A visit from a stored session (``{"id", "plan", "status", ...}``); ValueError if damaged.

    The store checked the plan when it was saved; only its shape is checked here.
    """
    plan = doc.get("plan")
    if not isinstance(plan, dict):
        raise ValueError(f"session {doc.get('id')}: no plan")
    try:
        measures = stored_measures(plan.get("measures"))
        symptoms = tuple(
            Rating(s["region"], s["side"], s["kind"], s.get("intensity"))
            for s in plan.get("symptoms", ())
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"session {doc.get('id')}: {error}") from None
    therapist = plan.get("therapist") or {}
    return Visit(
        id=str(doc.get("id", "")),
        date=str(plan.get("date", "")),
        title=str(plan.get("title", "")),
        status=str(doc.get("status", "draft")),
        measures=measures,
        symptoms=symptoms,
        signed=bool(plan.get("signature")),
        saved_at=str(doc.get("saved_at", "")),
        therapist=str(therapist.get("name", "")),
        clinic=str(therapist.get("clinic", "")),
        assessment=str((plan.get("soap") or {}).get("assessment", "")),
    )


def in_date_order(visits: Iterable[Visit]) -> list[Visit]:
    return sorted(visits, key=lambda visit: (visit.date, visit.saved_at))


def flag_for(first: float, latest: float) -> str | None:
    """much-better, worse or None for a change from ``first`` to ``latest``."""
    change = latest - first
    if abs(change) < MIN_POINTS:
        return None
    if change < 0 and -change >= MIN_FRACTION * first:
        return MUCH_BETTER
    if change > 0 and change >= MIN_FRACTION * first:
        return WORSE
    return None


class Series(NamedTuple):
    """One measure over the course: its points (date, value), change and flag."""

    measure: str
    points: tuple[tuple[str, float], ...]
    region: str | None = None
    side: str | None = None
    kind: str | None = None

    @property
    def change(self) -> float | None:
        """Latest minus first; None with fewer than two points."""
        if len(self.points) < 2:
            return None
        return self.points[-1][1] - self.points[0][1]

    @property
    def flag(self) -> str | None:
        if len(self.points) < 2:
            return None
        return flag_for(self.points[0][1], self.points[-1][1])

    @property
    def label(self) -> str:
        """What the series measures, in a therapist's words."""
        if self.measure == "symptom" and self.kind and self.region and self.side:
            return f"{SYMPTOM_KINDS[self.kind]}, {area_phrase(self.region, self.side)}"
        return MEASURES[self.measure]

    def phrase(self) -> str:
        """The series as the subject of a sentence ("numbness on both soles")."""
        if self.measure == "symptom" and self.kind and self.region and self.side:
            return f"{SYMPTOM_KINDS[self.kind].lower()} on {area_phrase(self.region, self.side)}"
        return {
            "pain_before": "the pain rating before the session",
            "pain_after": "the pain rating after the session",
            "mnsi_a": "the MNSI questionnaire score",
            "monofilament_not_felt": "the number of monofilament sites not felt",
        }[self.measure]

    def to_json(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "region": self.region,
            "side": self.side,
            "kind": self.kind,
            "points": [{"date": date, "value": value} for date, value in self.points],
            "change": self.change,
            "flag": self.flag,
        }


def course_series(visits: Iterable[Visit]) -> list[Series]:
    """Every measure that any visit recorded, each over the visits in date order."""
    fixed: dict[str, list[tuple[str, float]]] = {
        "pain_before": [],
        "pain_after": [],
        "mnsi_a": [],
    }
    symptoms: dict[tuple[str, str, str], list[tuple[str, float]]] = {}
    monofilament: list[tuple[str, float]] = []
    for visit in in_date_order(visits):
        m = visit.measures
        if m.pain_before is not None:
            fixed["pain_before"].append((visit.date, m.pain_before))
        if m.pain_after is not None:
            fixed["pain_after"].append((visit.date, m.pain_after))
        score = m.mnsi_score()
        if score is not None:
            fixed["mnsi_a"].append((visit.date, score))
        for symptom in visit.symptoms:
            if symptom.intensity is not None:
                key = (symptom.region, symptom.side, symptom.kind)
                symptoms.setdefault(key, []).append((visit.date, symptom.intensity))
        if m.monofilament:
            monofilament.append((visit.date, len(m.not_felt())))
    series = [Series(name, tuple(points)) for name, points in fixed.items() if points]
    for (region, side, kind), points in symptoms.items():
        series.append(Series("symptom", tuple(points), region, side, kind))
    if monofilament:
        series.append(Series("monofilament_not_felt", tuple(monofilament)))
    return series


def _number(value: float) -> str:
    return f"{value:g}"


def worsening_notes(series: Iterable[Series]) -> tuple[str, ...]:
    """One sentence for each series flagged worse, for the next session's safety check."""
    notes = []
    for one in series:
        if one.flag != WORSE:
            continue
        first, latest = one.points[0][1], one.points[-1][1]
        notes.append(
            f"{one.phrase()[0].upper()}{one.phrase()[1:]} has risen from {_number(first)} to "
            f"{_number(latest)} over {len(one.points)} visits: ask about it; consider referring "
            "the client to their doctor."
        )
    return tuple(notes)


def progress_json(client_id: str, client_name: str, visits: Iterable[Visit]) -> dict[str, Any]:
    """The shape of ``planner progress --json``."""
    ordered = in_date_order(visits)
    return {
        "client": {"id": client_id, "name": client_name},
        "sessions": [{"id": v.id, "date": v.date, "title": v.title} for v in ordered],
        "series": [one.to_json() for one in course_series(ordered)],
    }
