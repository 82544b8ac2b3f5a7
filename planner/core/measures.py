"""Measures taken at a visit: pain ratings, the MNSI questionnaire, a monofilament screen.

All are optional. Pain is the 0-10 numeric rating scale, asked before and after
the session. The Michigan Neuropathy Screening Instrument's patient
questionnaire (part A, Feldman et al., Diabetes Care 1994) has 15 yes/no items;
the client fills in the published form and the therapist enters the answers by
item number. We label the items in our own words and never reproduce the form.
A 10 g monofilament screen records, for each site on the soles, whether the
client felt the filament.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from planner.core import validate as v
from planner.core.vocab import MAX_INTENSITY

MNSI_ITEMS: dict[int, str] = {
    1: "Legs or feet feel numb",
    2: "Burning pain in the legs or feet",
    3: "Feet over-sensitive to touch",
    4: "Cramps in the leg or foot muscles",
    5: "Prickling, pins and needles in the legs or feet",
    6: "Bedclothes on the skin are painful",
    7: "Can tell hot from cold water when bathing",
    8: "Has had an open sore on a foot",
    9: "A doctor has diagnosed diabetic neuropathy",
    10: "Feels weak all over most of the time",
    11: "Symptoms are worse at night",
    12: "Legs hurt when walking",
    13: "Can feel the feet when walking",
    14: "Skin of the feet so dry it cracks open",
    15: "Has had an amputation",
}
# The published scoring: a point for "yes" on these items...
MNSI_POINT_FOR_YES = frozenset({1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15})
# ...and for "no" on these (being unable to tell hot from cold, or to feel the feet).
MNSI_POINT_FOR_NO = frozenset({7, 13})
# Items 4 (cramps) and 10 (general weakness) are asked but not scored.
MNSI_UNSCORED = frozenset({4, 10})
MNSI_MAX_SCORE = len(MNSI_POINT_FOR_YES) + len(MNSI_POINT_FOR_NO)
# Published cut-offs for the questionnaire (a screen, never a diagnosis):
MNSI_CUTOFFS: tuple[tuple[int, str], ...] = (
    (7, "7 or more: abnormal in the original validation (Feldman et al., 1994)"),
    (4, "4 or more: the more sensitive cut-off of Herman et al., 2012 (DCCT/EDIC)"),
)

MONOFILAMENT_SITES: dict[str, str] = {
    "hallux": "big toe",
    "met1": "ball of the foot under the big toe",
    "met5": "ball of the foot under the little toe",
}
# Where each site is on the body map.
SITE_REGIONS: dict[str, str] = {"hallux": "toes", "met1": "sole", "met5": "sole"}
MONOFILAMENT_KEYS: tuple[str, ...] = tuple(
    f"{side}-{site}" for side in ("left", "right") for site in MONOFILAMENT_SITES
)
FELT, NOT_FELT = "felt", "not-felt"


class MeasureError(ValueError):
    """A measure that is out of range or unknown."""


class Measures(NamedTuple):
    """What was measured at one visit; every part may be missing.

    ``mnsi_a`` holds (item, answer) pairs in item order; ``monofilament`` holds
    (site key, felt) pairs in :data:`MONOFILAMENT_KEYS` order.
    """

    pain_before: int | None = None
    pain_after: int | None = None
    mnsi_a: tuple[tuple[int, bool], ...] = ()
    monofilament: tuple[tuple[str, bool], ...] = ()
    # (A named tuple rather than a dataclass: ``planner progress`` starts quicker.)

    @property
    def empty(self) -> bool:
        return (
            not (self.mnsi_a or self.monofilament)
            and self.pain_before is None
            and (self.pain_after is None)
        )

    def mnsi_answers(self) -> dict[int, bool]:
        return dict(self.mnsi_a)

    def mnsi_score(self) -> int | None:
        """The questionnaire's score, or None when no item was answered."""
        if not self.mnsi_a:
            return None
        # Summed here rather than through mnsi_points: progress scores 500 visits at once.
        return sum(
            1
            for item, answer in self.mnsi_a
            if (answer and item in MNSI_POINT_FOR_YES) or (not answer and item in MNSI_POINT_FOR_NO)
        )

    def not_felt(self) -> list[str]:
        """The monofilament sites not felt, as keys like ``left-hallux``."""
        return [key for key, felt in self.monofilament if not felt]


def mnsi_points(item: int, answer: bool) -> int:
    """The point one answer scores (0 or 1)."""
    if item in MNSI_POINT_FOR_YES:
        return 1 if answer else 0
    if item in MNSI_POINT_FOR_NO:
        return 0 if answer else 1
    if item in MNSI_UNSCORED:
        return 0
    raise MeasureError(f"the MNSI questionnaire has no item {item}")


def mnsi_score(answers: Mapping[int, bool]) -> int:
    """The score of the answers given (unanswered items score nothing)."""
    return sum(mnsi_points(item, answer) for item, answer in answers.items())


def mnsi_cutoffs_met(score: int) -> list[str]:
    """The published cut-offs this score reaches, highest first."""
    return [label for cutoff, label in MNSI_CUTOFFS if score >= cutoff]


def site_area(key: str) -> tuple[str, str]:
    """(region, side) of a monofilament site key such as ``left-met1``."""
    side, _, site = key.partition("-")
    return SITE_REGIONS[site], side


def site_label(key: str) -> str:
    side, _, site = key.partition("-")
    return f"{side} {MONOFILAMENT_SITES[site]}"


def _rating(value: object, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_INTENSITY:
        raise MeasureError(f"{what} must be a whole number from 0 to 10")
    return value


def make_measures(
    pain_before: object = None,
    pain_after: object = None,
    mnsi_a: Mapping[int, bool] | None = None,
    monofilament: Mapping[str, bool] | None = None,
) -> Measures:
    """Checked measures, in their fixed order; :class:`MeasureError` says what is wrong."""
    answers = dict(mnsi_a or {})
    for item, answer in answers.items():
        if isinstance(item, bool) or item not in MNSI_ITEMS:
            raise MeasureError(f"the MNSI questionnaire has no item {item!r} (items 1 to 15)")
        if not isinstance(answer, bool):
            raise MeasureError(f"MNSI item {item}: the answer must be yes or no")
    sites = dict(monofilament or {})
    for key, felt in sites.items():
        if key not in MONOFILAMENT_KEYS:
            raise MeasureError(f"{key!r} is not a monofilament site (e.g. left-hallux)")
        if not isinstance(felt, bool):
            raise MeasureError(f"{key}: must be felt or not felt")
    return Measures(
        pain_before=_rating(pain_before, "the pain rating before the session"),
        pain_after=_rating(pain_after, "the pain rating after the session"),
        mnsi_a=tuple(sorted(answers.items())),
        monofilament=tuple((k, sites[k]) for k in MONOFILAMENT_KEYS if k in sites),
    )


def check_measures(measures: Measures) -> Measures:
    """The measures rebuilt through :func:`make_measures` (raises when out of range)."""
    return make_measures(
        measures.pain_before,
        measures.pain_after,
        dict(measures.mnsi_a),
        dict(measures.monofilament),
    )


# -- the plan file's "measures" object --------------------------------------

_KEYS = ("pain_before", "pain_after", "mnsi_a", "monofilament")


def parse_measures(data: Any, place: str) -> Measures:
    """The ``measures`` object of a plan file; :class:`FormatError` names the place."""
    entry = v.obj(data, place, (), _KEYS)
    pain = {}
    for key in ("pain_before", "pain_after"):
        if key in entry:
            pain[key] = v.number(
                entry[key], v.join(place, key), positive=False, maximum=10, integer=True
            )
    answers: dict[int, bool] = {}
    mnsi_place = v.join(place, "mnsi_a")
    raw_answers = entry.get("mnsi_a", {})
    if not isinstance(raw_answers, dict):
        raise v.FormatError(mnsi_place, f"must be an object, not {v.describe(raw_answers)}")
    for key, answer in raw_answers.items():
        item_place = v.join(mnsi_place, key)
        if not (key.isdigit() and int(key) in MNSI_ITEMS and str(int(key)) == key):
            raise v.FormatError(item_place, "not an item of the questionnaire (1 to 15)")
        answers[int(key)] = v.boolean(answer, item_place)
    sites: dict[str, bool] = {}
    mono_place = v.join(place, "monofilament")
    raw_sites = entry.get("monofilament", {})
    if not isinstance(raw_sites, dict):
        raise v.FormatError(mono_place, f"must be an object, not {v.describe(raw_sites)}")
    for key, result in raw_sites.items():
        site_place = v.join(mono_place, key)
        if key not in MONOFILAMENT_KEYS:
            raise v.FormatError(site_place, "not a monofilament site (left-hallux, right-met5...)")
        result = v.choice(result, site_place, (FELT, NOT_FELT), "result (felt or not-felt)")
        sites[key] = result == FELT
    return make_measures(pain.get("pain_before"), pain.get("pain_after"), answers, sites)


def stored_measures(data: Any) -> Measures:
    """The measures of a stored plan, read quickly (the store checked them when saving).

    Progress reads 500 visits at once; a value of the wrong kind still raises ValueError.
    """
    if not data:
        return _NONE
    mnsi = data.get("mnsi_a")
    screen = data.get("monofilament")
    measures = Measures(
        data.get("pain_before"),
        data.get("pain_after"),
        tuple(sorted((int(item), answer) for item, answer in mnsi.items())) if mnsi else (),
        tuple((key, screen[key] == FELT) for key in MONOFILAMENT_KEYS if key in screen)
        if screen
        else (),
    )
    for value in (measures.pain_before, measures.pain_after):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10
        ):
            raise MeasureError(f"a pain rating must be a whole number from 0 to 10, not {value!r}")
    return measures


_NONE = Measures()


def measures_to_json(measures: Measures) -> dict[str, Any]:
    """The ``measures`` object as a plan file holds it (only what was measured)."""
    data: dict[str, Any] = {}
    if measures.pain_before is not None:
        data["pain_before"] = measures.pain_before
    if measures.pain_after is not None:
        data["pain_after"] = measures.pain_after
    if measures.mnsi_a:
        data["mnsi_a"] = {str(item): answer for item, answer in measures.mnsi_a}
    if measures.monofilament:
        data["monofilament"] = {
            key: FELT if felt else NOT_FELT for key, felt in measures.monofilament
        }
    return data
