"""The client's home-care sheet laid out: the words come from :mod:`planner.core.sheet_text`.

Made for older readers, many with diabetic eye disease: body text 12 pt (16 pt
in large print), no grey text, every exercise whole on one page (its picture,
steps and "Take care" lines never split), the picture beside the steps in both
prints, "Get help" in a box, and the weekly tick grid on a page of its own, as
wide as the page with boxes of at least 1 cm.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, PageBreak
from reportlab.platypus.flowables import ImageAndFlowables

from planner.core.homecare import effective_routine
from planner.core.i18n import _
from planner.core.library import Library
from planner.core.plan import SessionPlan
from planner.core.sheet_text import (
    CLOSING,
    LEAVE_ALONE_INTRO,
    NO_ROUTINE,
    PICTURE_KEY_LEFT_OUT,
    WEEK_INTRO,
    WRITTEN_BY_THERAPIST,
    SheetExercise,
    SheetText,
    sheet_text,
)
from planner.export import bodypicture
from planner.export.common import CachedParagraph, gap, heading, long_date, para, rule_line
from planner.export.fonts import BOLD, markup, styled_markup
from planner.export.layout import (
    PlannerDoc,
    Styles,
)
from planner.export.sheet_parts import bullets, help_box, item_style, marked, tick_grid

# An exercise's picture, the same in both prints: larger in large print, it would narrow
# the 16 pt steps beside it to a few words a line.
PICTURE_SIZE = 108.0  # 1.5 in


def _exercise_text(entry: SheetExercise, styles: Styles) -> list[Flowable]:
    text: list[Flowable] = []
    if entry.steps:
        marks = [f"{n}." for n in range(1, len(entry.steps) + 1)]
        text += marked(list(entry.steps), marks, styles)
    if entry.note:
        text.append(para(entry.note, styles.body.clone("item-note", fontName=BOLD)))
    if entry.written_by_therapist:
        text.append(para(_(WRITTEN_BY_THERAPIST), styles.body.clone("own-words", fontName=BOLD)))
    if entry.cautions:
        # "Take care:" leads the first caution, in bold: the label can never part from it,
        # and it costs no line of its own.
        style = item_style(styles, "caution")
        label = f'<font name="{BOLD}">{markup(_("Take care") + ":", bold=True)}</font> '
        text += [
            CachedParagraph((label if n == 0 else "") + styled_markup(line, style), style,
                            bulletText="!")
            for n, line in enumerate(entry.cautions)
        ]  # fmt: skip
    return text


def _picture_with_key(entry: SheetExercise, styles: Styles, large: bool) -> list[Flowable]:
    if entry.exercise is None:
        return []
    size = PICTURE_SIZE
    picture = bodypicture.exercise_picture(entry.exercise, list(entry.left_out), styles, size)
    if picture is None:
        return []
    key = styles.small.clone("picture-key", alignment=1, spaceAfter=0)
    parts: list[Flowable] = [picture, gap(styles.size * 0.3), para(entry.picture_key, key)]
    if entry.left_out:
        parts.append(para(_(PICTURE_KEY_LEFT_OUT), key))
    return parts


class _Column(Flowable):
    """Flowables stacked as one block that never splits: the picture and its key, or the
    "Take care" label and the first caution.

    :class:`ImageAndFlowables` wraps text round a picture column; it asks the
    "image" for its size through ``_restrictSize``. ``width`` None: as wide as
    the space given.
    """

    def __init__(self, parts: list[Flowable], width: float | None = None) -> None:
        super().__init__()
        self.parts = parts
        self.fixed_width = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width if self.fixed_width is None else self.fixed_width
        self.height = sum(part.wrap(self.width, avail_height)[1] for part in self.parts)
        return self.width, self.height

    def _restrictSize(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: N802
        return self.wrap(avail_width, avail_height)

    def _unRestrictSize(self) -> None:  # noqa: N802
        """Nothing to undo: the column never shrinks."""

    def draw(self) -> None:
        y = self.height
        for part in self.parts:
            width, height = part.wrap(self.width, self.height)
            y -= height
            part.drawOn(self.canv, (self.width - width) / 2, y)


def _exercise_block(
    position: int, entry: SheetExercise, styles: Styles, width: float, large: bool
) -> Flowable:
    """Title, how long and how often, then the steps and cautions beside the picture.

    The whole block stays on one page: a reader should never turn over to find
    what to take care of.
    """
    head: list[Flowable] = [
        para(f"{position}. {entry.title}", styles.h2.clone("exercise-title", spaceAfter=0)),
        para(entry.how_long, styles.body.clone("how-long", spaceAfter=styles.size * 0.35)),
    ]
    picture = _picture_with_key(entry, styles, large)
    text = _exercise_text(entry, styles)
    if not picture:
        return KeepTogether(head + text)
    # The picture stands beside the title and the steps; the text runs on under it at
    # the full width.
    column = _Column(picture, picture[0].wrap(width, 1000)[0])
    beside = ImageAndFlowables(
        column, head + text, imageLeftPadding=styles.size, imageBottomPadding=0
    )
    return KeepTogether([beside])


def _given(plan: SessionPlan) -> str:
    therapist = plan.therapist.name
    if plan.therapist.clinic:
        therapist = f"{therapist}, {plan.therapist.clinic}" if therapist else plan.therapist.clinic
    if therapist:
        return _("Given on {date} by {therapist}").format(
            date=long_date(plan.date), therapist=therapist
        )
    return _("Given on {date}").format(date=long_date(plan.date))


def _title_block(text: SheetText, styles: Styles) -> list[Flowable]:
    from planner.core.sheet_text import INTRO

    return [
        para(_("Your home-care plan"), styles.title),
        para(text.for_whom, styles.body.clone("for-whom", fontName=BOLD, spaceAfter=0)),
        para(text.given, styles.small),
        rule_line(),
        para(_(INTRO), styles.body),
    ]


class _PageMark(Flowable):
    """Draws nothing; notes the page it lands on."""

    def __init__(self, pages: dict[str, int], name: str) -> None:
        super().__init__()
        self.pages, self.name = pages, name

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.pages[self.name] = self.canv.getPageNumber()


def _routine_part(
    text: SheetText, styles: Styles, width: float, large: bool, top: list[Any]
) -> list[Any]:
    story: list[Any] = _title_block(text, styles) + top
    story += heading(text.routine_heading(), styles, need=styles.size * 16)
    if not text.routine:
        story.append(para(_(NO_ROUTINE), styles.body))
    for position, entry in enumerate(text.routine, start=1):
        story.append(_exercise_block(position, entry, styles, width, large))
    return story


def _sections(text: SheetText, styles: Styles, width: float) -> dict[str, list[Any]]:
    """The parts that may go before the week's page or under its grid, by name."""
    parts: dict[str, list[Any]] = {"leave": [], "care": [], "help": [], "urgent": [], "soon": []}
    if text.leave_alone:
        parts["leave"] = heading(_("Leave these places alone"), styles)
        parts["leave"].append(para(_(LEAVE_ALONE_INTRO), styles.body))
        parts["leave"] += bullets(text.leave_alone, styles)
    parts["care"] = heading(_("Take care"), styles) + bullets(text.take_care, styles)
    if text.get_help:
        parts["help"] = [gap(styles.size * 0.6), help_box(text.get_help, styles, width)]
        # Or in two: what needs a call now or today, and, under the week's grid (where
        # the client rates the symptoms), what to tell at the next visit.
        urgent = [group for group in text.get_help if group.urgency != "soon"]
        soon = [group for group in text.get_help if group.urgency == "soon"]
        if urgent and soon:
            parts["urgent"] = [gap(styles.size * 0.6), help_box(urgent, styles, width)]
            parts["soon"] = [gap(styles.size * 0.6), help_box(soon, styles, width)]
    return parts


# Where the parts go, best first: (above the routine, before the week's page, under its
# grid). The reading order is kept where the pages allow; else "Leave these places alone"
# moves up, before the routine, or a part moves under the grid (the page kept on the
# fridge), when that saves a page. "Get help" may part in two: the calls to make now or
# today before the week's page, what to tell at the next visit under the grid.
PLACEMENTS: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ((), ("leave", "care"), ("help",)),
    ((), ("leave", "care", "help"), ()),
    (("leave",), ("care", "help"), ()),
    ((), ("care", "help"), ("leave",)),
    (("leave",), ("care", "urgent"), ("soon",)),
)


def home_care_story(
    text: SheetText,
    styles: Styles,
    width: float,
    large: bool,
    *,
    placement: int = 0,
    pages: dict[str, int] | None = None,
) -> list[Any]:
    """Every flowable of the client's sheet, in reading order.

    The week's tick grid starts a page of its own (the page to keep on the
    fridge); ``placement`` (an index of :data:`PLACEMENTS`) says which of
    "Leave these places alone", "Take care" and "Get help" come above the
    routine, before the week's page and under its grid; the closing line ends
    the sheet. ``pages`` receives the
    pages the routine ends on, the week's grid is on, and the sheet ends on.
    """
    pages = {} if pages is None else pages
    parts = _sections(text, styles, width)
    top, before, after = PLACEMENTS[placement]
    story = _routine_part(
        text, styles, width, large, [part for name in top for part in parts[name]]
    )
    story.append(_PageMark(pages, "routine"))
    for name in before:
        story += parts[name]
    story.append(PageBreak())
    story += heading(_("Your week"), styles, keep_with_next=False)
    story.append(para(_(WEEK_INTRO), styles.body))
    story.append(gap(styles.size * 0.3))
    story.append(tick_grid(text, styles, width, large))
    story.append(_PageMark(pages, "week"))
    for name in after:
        story += parts[name]
    story.append(para(_(CLOSING), styles.body.clone("closing", spaceBefore=styles.size * 0.6)))
    story.append(_PageMark(pages, "end"))
    return story


def client_sheet_text(
    plan: SessionPlan,
    library: Library,
    *,
    daily_minutes: float | None = None,
    emergency_number: str | None = None,
) -> SheetText:
    """The sheet's words for this plan: its routine, precautions and red flags."""
    from planner.core.sheet_care import help_groups

    routine = effective_routine(plan, library, daily_minutes)
    groups = help_groups(plan, emergency_number)
    return sheet_text(plan, library, routine, given=_given(plan), get_help=groups)


def render_sheet(
    make_doc: Callable[[], PlannerDoc], text: SheetText, styles: Styles, large: bool
) -> bytes:
    """The sheet as PDF, in the first placement of :data:`PLACEMENTS` with the fewest pages.

    The first placement is made in full; when it is not as short as the routine and
    the week's page, the others are laid out only (no PDF written) and the first
    of the shortest is made.
    """
    pages: dict[str, int] = {}
    doc = make_doc()
    data = doc.render(home_care_story(text, styles, doc.width, large, pages=pages))
    floor = pages["routine"] + 1  # the first placement has nothing above the routine
    best = (pages["end"], 0) if _fits(0, pages) else None
    if best is not None and best[0] <= floor:
        return data
    for placement in range(1, len(PLACEMENTS)):
        pages = {}
        trial = make_doc()
        trial.render(home_care_story(text, styles, trial.width, large, placement=placement,
                                     pages=pages), trial=True)  # fmt: skip
        if _fits(placement, pages) and (best is None or pages["end"] < best[0]):
            best = (pages["end"], placement)
            if best[0] <= floor:
                break
    assert best is not None  # the placement with nothing under the grid always fits
    if best[1] == 0:
        return data
    doc = make_doc()
    return doc.render(home_care_story(text, styles, doc.width, large, placement=best[1]))


def _fits(placement: int, pages: dict[str, int]) -> bool:
    """What goes under the grid stayed on the week's page (a long routine's grid may run
    on: then only a placement with nothing under it fits)."""
    return pages["end"] == pages["week"] or not PLACEMENTS[placement][2]
