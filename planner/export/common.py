"""Small pieces both documents use: text helpers, the title block, tables, lookups."""

from __future__ import annotations

import datetime
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from planner.core.i18n import current
from planner.core.i18n.places import place
from planner.core.library import Exercise, Library, Technique, builtin_library
from planner.core.plan import SessionPlan
from planner.export.fonts import styled_markup
from planner.export.layout import RULE, Styles, table_base_style


class CachedParagraph(Paragraph):
    """A Paragraph that does not lay its lines out again for a width it has just had.

    Tables ask each cell for its size several times (while measuring, splitting
    over pages and drawing), always with the same width; breaking the lines
    again each time was a large share of a document's build.
    """

    _last_wrap: tuple[float, Any, tuple[float, float]] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        last = self._last_wrap
        # Only while the lines from that width are still the ones to draw (split() drops them).
        if last is not None and last[0] == avail_width and last[1] is self.__dict__.get("blPara"):
            return last[2]
        size = super().wrap(avail_width, avail_height)
        blocks = self.__dict__.get("blPara")
        self._last_wrap = (avail_width, blocks, size) if blocks is not None else None
        return size


def full_library(plan: SessionPlan, library: Library | None) -> Library:
    """The library with the plan's own techniques and exercises laid over it.

    A plan file carries the user's own definitions so that it stands alone; they
    win over same-named own entries of the library, never over built-in ones.
    """
    library = library or builtin_library()
    techniques = dict(library.techniques)
    exercises = dict(library.exercises)
    for technique in plan.custom_techniques:
        if technique.id not in library.builtin_techniques:
            techniques[technique.id] = technique
    for exercise in plan.custom_exercises:
        if exercise.id not in library.builtin_exercises:
            exercises[exercise.id] = exercise
    return Library(techniques, exercises, library.builtin_techniques, library.builtin_exercises)


def technique_for(library: Library, technique_id: str) -> Technique | None:
    return library.techniques.get(technique_id)


def exercise_for(library: Library, exercise_id: str) -> Exercise | None:
    return library.exercises.get(exercise_id)


def number(value: float) -> str:
    """A number as the document's language writes it: 5, 2.5 (2,5 in Spanish), never 5.0."""
    return current().number(value)


def long_date(date: datetime.date) -> str:
    """ "21 November 2026" ("21 de noviembre de 2026"): unambiguous on both sides of the
    Atlantic, in the document's language."""
    return current().long_date(date)


def plain_area(region: str, side: str) -> str:
    """An area as the client reads it: "your left heel", "both feet", "your neck"."""
    return place(region, side)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def para(text: str, style: Any) -> Paragraph:
    """A paragraph of user text (or our text): always shown literally."""
    return CachedParagraph(styled_markup(text, style), style)


def heading(
    text: str, styles: Styles, *, need: float = 90, keep_with_next: bool = True
) -> list[Flowable]:
    """A section heading that never sits alone at the bottom of a page.

    ``need`` is the room the heading's first content wants below it; it is capped
    so that the break can always be met by a fresh page. ``keep_with_next=False``
    is for content that shrinks to fit (:class:`FittingRow`): keeping it with the
    heading would measure it at full size.
    """
    room = min(need, 300) + styles.h1.leading + styles.h1.spaceBefore
    style = styles.h1 if keep_with_next else styles.h1.clone("h1-free", keepWithNext=0)
    return [CondPageBreak(room), CachedParagraph(styled_markup(text, style), style)]


def details_table(rows: list[tuple[str, str]], styles: Styles, width: float) -> Table:
    """A two-column label/value block for who, when and how long."""
    data = [
        [
            CachedParagraph(styled_markup(label, styles.label), styles.label),
            para(value, styles.body),
        ]
        for label, value in rows
    ]
    label_width = max(width * 0.22, styles.size * 8.5)
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT", splitInRow=1)
    commands = table_base_style(styles) + [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("VALIGN", (0, 0), (-1, -1), "BASELINE"),
    ]
    table.setStyle(TableStyle(commands))
    return table


def rule_line() -> HRFlowable:
    """A thin full-width line that separates the title block from the body."""
    return HRFlowable(width="100%", thickness=0.8, color=RULE, spaceBefore=4, spaceAfter=10)


def gap(points: float) -> Spacer:
    return Spacer(1, points)


class FittingRow(Flowable):
    """Pictures side by side, each centred in an equal column, shrinking to fit a page.

    A tall picture that nearly fits the space left on a page is drawn a little
    smaller there instead of leaving a half-empty page behind; below ``smallest``
    of its full size it moves to the next page at full size.
    """

    def __init__(self, pictures: list[Flowable], width: float, smallest: float = 0.62) -> None:
        super().__init__()
        self.pictures = pictures
        self.full_width = width
        self.full_height = max(picture.wrap(width, 0)[1] for picture in pictures)
        self.smallest = smallest
        self.factor = 1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        factor = min(1.0, avail_height / self.full_height)
        self.factor = factor if factor >= self.smallest else 1.0
        return self.full_width, self.full_height * self.factor

    def draw(self) -> None:
        canvas = self.canv
        column = self.full_width / len(self.pictures)
        canvas.saveState()
        # Shrink about the row's horizontal centre, so the pictures stay centred.
        canvas.translate(self.full_width * (1 - self.factor) / 2, 0)
        canvas.scale(self.factor, self.factor)
        for index, picture in enumerate(self.pictures):
            picture_width, _ = picture.wrap(column, self.full_height)
            picture.drawOn(canvas, column * index + (column - picture_width) / 2, 0)
        canvas.restoreState()
