"""How often a home-care exercise is done: times a day and days a week.

Plan files of version 1 (and own exercises saved before version 2) said this in
free text ("twice daily", "a few times during the day"). :func:`from_text` maps
such a text to the nearest structure; the caller keeps the text as a note, so
nothing the therapist wrote is lost. :func:`in_words` says a structure in the
plain words of the client's sheet.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from planner.core import validate as v
from planner.core.i18n import N_, _, ngettext

MAX_TIMES_A_DAY = 6
MAX_DAYS_A_WEEK = 7

_COUNTS: dict[str, int] = {
    "once": 1,
    "one": 1,
    "twice": 2,
    "two": 2,
    "thrice": 3,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "a few": 3,
    "few": 3,
    "several": 3,
    "a couple of": 2,
}
_COUNT = r"(\d+|a few|a couple of|once|twice|thrice|one|two|three|four|five|six|seven|several|few)"
_PER_WEEK = _COUNT + r"\s*(?:x|times?|days?)?\s*(?:a|per|each|every|/)\s*week"
_PER_DAY = _COUNT + r"\s*(?:x|times?)?\s*(?:a|per|each|every|/|during the|in the)\s*day"
_TIMES = _COUNT + r"\s*(?:x\b|times?\b)"
_BARE = r"\b(once|twice|thrice)\b"
# Phrases that the structure says just as well: no need to keep them as a note.
PLAIN_PHRASES = frozenset(
    {"", "daily", "every day", "each day", "once a day", "once daily", "twice daily", "twice a day"}
)

_TIMES_WORDS = {1: N_("once a day"), 2: N_("twice a day")}


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[word]


def _clamp(value: int, highest: int) -> int:
    return max(1, min(highest, value))


def from_text(text: str) -> tuple[int, int]:
    """(times a day, days a week) nearest to a free-text "how often"; never fails.

    >>> from_text("twice daily")
    (2, 7)
    >>> from_text("3 times a week")
    (1, 3)
    """
    # The patterns are compiled on first use (re caches them): only old files need them,
    # and compiling them took about a millisecond of every start.
    words = " ".join(text.casefold().replace("-", " ").split())
    days = MAX_DAYS_A_WEEK
    times = 1
    week = re.search(_PER_WEEK, words)
    if week:
        days = _count(week.group(1))
        words = words[: week.start()] + words[week.end() :]
    elif "every other day" in words or "alternate day" in words:
        days = 4  # three and a half days a week, rounded up
    elif "weekly" in words:
        days = 1
    elif "weekday" in words:
        days = 5
    day = re.search(_PER_DAY, words) or re.search(_TIMES, words)
    if day:
        times = _count(day.group(1))
    elif "morning and evening" in words or "morning and night" in words:
        times = 2
    elif "hourly" in words or "every hour" in words:
        times = MAX_TIMES_A_DAY
    elif bare := re.search(_BARE, words):
        times = _count(bare.group(1))
    return _clamp(times, MAX_TIMES_A_DAY), _clamp(days, MAX_DAYS_A_WEEK)


def kept_note(text: str, note: str) -> str:
    """The note of an item read from a free-text "how often": the text joins the note.

    A plain phrase that the structure says as well ("daily") is not repeated.
    """
    text = " ".join(text.split())
    if text.casefold() in PLAIN_PHRASES:
        return note
    if not note.strip():
        return text
    return f"{text}; {note}"


def in_words(times_a_day: int, days_a_week: int) -> str:
    """How often, as the client's sheet says it: "twice a day, 5 days a week" (in the
    language of the document being built)."""
    times = _(_TIMES_WORDS[times_a_day]) if times_a_day in _TIMES_WORDS else ""
    if not times:
        times = ngettext("{n} time a day", "{n} times a day", times_a_day).format(n=times_a_day)
    if days_a_week >= MAX_DAYS_A_WEEK:
        return _("{times}, every day").format(times=times)
    days = ngettext("{n} day a week", "{n} days a week", days_a_week).format(n=days_a_week)
    return _("{times}, {days}").format(times=times, days=days)


def check(times_a_day: object, days_a_week: object) -> str | None:
    """None when both are whole numbers in range; else what is wrong, in a phrase."""
    for value, highest, what in (
        (times_a_day, MAX_TIMES_A_DAY, "times a day"),
        (days_a_week, MAX_DAYS_A_WEEK, "days a week"),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= highest:
            return f"{what} must be a whole number from 1 to {highest}"
    return None


def read(data: Mapping[str, Any], place: str, default: tuple[int, int] = (1, 7)) -> tuple[int, int]:
    """(times a day, days a week) of an exercise or home-care entry in JSON.

    An old free-text ``frequency`` is mapped to the nearest structure (see
    :mod:`planner.core.howoften`); the two numbers, when given, win over it.
    """
    if "frequency" in data:
        text = v.text(data["frequency"], v.join(place, "frequency"), max_length=300)
        default = from_text(text)
    times = v.number(
        data.get("times_a_day", default[0]),
        v.join(place, "times_a_day"),
        maximum=MAX_TIMES_A_DAY,
        integer=True,
    )
    days = v.number(
        data.get("days_a_week", default[1]),
        v.join(place, "days_a_week"),
        maximum=MAX_DAYS_A_WEEK,
        integer=True,
    )
    return int(times), int(days)
