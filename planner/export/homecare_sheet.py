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

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table, TableStyle
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
    WEEK_SCORE,
    WEEK_TICK,
    WRITTEN_BY_THERAPIST,
    HelpGroup,
    SheetExercise,
    SheetText,
    sheet_text,
)
from planner.export import bodypicture
from planner.export.common import CachedParagraph, gap, heading, long_date, para, rule_line
from planner.export.fonts import BOLD, styled_markup
from planner.export.layout import (
    ACCENT,
    ACCENT_LIGHT,
    INK,
    RULE,
    PlannerDoc,
    Styles,
    table_base_style,
)

TICK_BOX = 1.05 * cm  # a box to tick: at least 1 cm each way
_HELP_BORDER = colors.HexColor("#b3261e")
_HELP_FILL = colors.HexColor("#fdf1f0")


def _no_padding(styles: Styles, bottom: float = 0) -> list[tuple[Any, ...]]:
    return table_base_style(styles) + [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
    ]


def _item_style(styles: Styles, name: str) -> Any:
    """A list item: the mark hangs in the margin, the text wraps under itself."""
    indent = styles.size * 1.6
    return styles.body.clone(
        name,
        leftIndent=indent,
        bulletIndent=0,
        bulletFontName=BOLD,
        bulletColor=ACCENT,
        bulletFontSize=styles.size,
        spaceAfter=styles.size * 0.2,
    )


def _marked(lines: list[str], marks: list[str], styles: Styles) -> list[Flowable]:
    """Lines with hanging marks ("1.", "•", "!"); paragraphs, so they reflow round a picture."""
    style = _item_style(styles, "item")
    return [
        CachedParagraph(styled_markup(line, style), style, bulletText=mark)
        for mark, line in zip(marks, lines, strict=True)
    ]


def _bullets(lines: list[str], styles: Styles, mark: str = "•") -> list[Flowable]:
    return _marked(lines, [mark] * len(lines), styles)


def _exercise_text(entry: SheetExercise, styles: Styles) -> list[Flowable]:
    text: list[Flowable] = []
    if entry.steps:
        marks = [f"{n}." for n in range(1, len(entry.steps) + 1)]
        text += _marked(list(entry.steps), marks, styles)
    if entry.note:
        text.append(para(entry.note, styles.body.clone("item-note", fontName=BOLD)))
    if entry.written_by_therapist:
        text.append(para(_(WRITTEN_BY_THERAPIST), styles.body.clone("own-words", fontName=BOLD)))
    if entry.cautions:
        label = para(_("Take care"), styles.body.clone("take-care", fontName=BOLD, spaceAfter=1))
        # The label never parts from the first caution (beside the picture or below it).
        cautions = _bullets(list(entry.cautions), styles, mark="!")
        text += [_Column([label, cautions[0]]), *cautions[1:]]
    return text


def _picture_with_key(entry: SheetExercise, styles: Styles, large: bool) -> list[Flowable]:
    if entry.exercise is None:
        return []
    size = styles.size * (9.5 if large else 10)
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
    # The steps run beside the picture, then on under it at the full width.
    column = _Column(picture, picture[0].wrap(width, 1000)[0])
    beside = ImageAndFlowables(column, text, imageLeftPadding=styles.size, imageBottomPadding=0)
    return KeepTogether([*head, beside])


def _help_box(groups: list[HelpGroup], styles: Styles, width: float) -> Table:
    """The red-framed "Get help" box: for each urgency, what to do, then the signs."""
    action = styles.body.clone("help-action", fontName=BOLD, spaceAfter=1, spaceBefore=3)
    cells: list[Flowable] = [para(_("Get help"), styles.h2.clone("help-title", spaceBefore=0))]
    for group in groups:
        cells.append(para(group.action, action))
        cells += _bullets(list(group.signs), styles)
    box = Table([[cells]], colWidths=[width], hAlign="LEFT")
    pad = styles.size * 0.7
    box.setStyle(
        TableStyle(
            table_base_style(styles)
            + [
                ("BOX", (0, 0), (-1, -1), 2, _HELP_BORDER),
                ("BACKGROUND", (0, 0), (-1, -1), _HELP_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad * 0.6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.4),
            ]
        )
    )
    return box


def _tick_grid(text: SheetText, styles: Styles, width: float, large: bool) -> Table:
    """The week: a row per exercise, a column per day, boxes of at least 1 cm."""
    cell = styles.cell.clone("grid-cell", textColor=INK)
    centre = cell.clone("grid-centre", alignment=1, fontName=BOLD)
    day_width = max(TICK_BOX, min(width * 0.075, styles.size * 3.6))
    label_width = width - 7 * day_width
    day = _("Day {number}")
    days = [CachedParagraph(str(d) if large else day.format(number=d), centre) for d in range(1, 8)]
    rows: list[list[Any]] = [[para(_(WEEK_TICK), cell.clone("grid-head", fontName=BOLD))] + days]
    rows.append([para(_("Date"), cell)] + [""] * 7)
    for position, entry in enumerate(text.routine, start=1):
        rows.append([para(f"{position}. {entry.title}", cell)] + [""] * 7)
    rows.append([para(_(WEEK_SCORE), cell)] + [""] * 7)
    # A one-line row is at least a tick box high.
    padding = max(styles.size * 0.3, (TICK_BOX - cell.leading) / 2 + 1)
    table = Table(rows, colWidths=[label_width] + [day_width] * 7, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            table_base_style(styles)
            + [
                ("GRID", (0, 0), (-1, -1), 0.8, RULE),
                ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#fbf6ea")),
                ("LINEABOVE", (0, -1), (-1, -1), 1.2, ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
            ]
        )
    )
    return table


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
        CachedParagraph(_("HOME CARE"), styles.kicker),
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


def _routine_part(text: SheetText, styles: Styles, width: float, large: bool) -> list[Any]:
    story: list[Any] = _title_block(text, styles)
    story += heading(text.routine_heading(), styles, need=styles.size * 16)
    if not text.routine:
        story.append(para(_(NO_ROUTINE), styles.body))
    for position, entry in enumerate(text.routine, start=1):
        story.append(_exercise_block(position, entry, styles, width, large))
    if text.leave_alone:
        story += heading(_("Leave these places alone"), styles)
        story.append(para(_(LEAVE_ALONE_INTRO), styles.body))
        story += _bullets(text.leave_alone, styles)
    story += heading(_("Take care"), styles)
    story += _bullets(text.take_care, styles)
    return story


def home_care_story(
    text: SheetText,
    styles: Styles,
    width: float,
    large: bool,
    *,
    help_with_week: bool = True,
    pages: dict[str, int] | None = None,
) -> list[Any]:
    """Every flowable of the client's sheet, in reading order.

    The week's tick grid starts a page of its own (the page to keep on the
    fridge); "Get help" goes under it when ``help_with_week``, else before it.
    ``pages`` receives the page numbers the grid and the help box land on.
    """
    pages = {} if pages is None else pages
    story = _routine_part(text, styles, width, large)
    help_box: list[Any] = []
    if text.get_help:
        help_box = [gap(styles.size * 0.6), _help_box(text.get_help, styles, width)]
        help_box.append(_PageMark(pages, "help"))
    if not help_with_week:
        story += help_box
    story.append(para(_(CLOSING), styles.body.clone("closing", spaceBefore=styles.size * 0.4)))
    story.append(PageBreak())
    story += heading(_("Your week"), styles, keep_with_next=False)
    story.append(para(_(WEEK_INTRO), styles.body))
    story.append(gap(styles.size * 0.3))
    story.append(_tick_grid(text, styles, width, large))
    story.append(_PageMark(pages, "week"))
    if help_with_week:
        story += help_box
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
    """The sheet as PDF: "Get help" under the week's grid when it fits there, else before it."""
    pages: dict[str, int] = {}
    doc = make_doc()
    data = doc.render(home_care_story(text, styles, doc.width, large, pages=pages))
    if pages.get("help", 0) <= pages.get("week", 0):
        return data
    doc = make_doc()
    return doc.render(home_care_story(text, styles, doc.width, large, help_with_week=False))
