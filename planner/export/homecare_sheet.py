"""The client's home-care sheet: plain words for someone who is not a therapist.

Short sentences, everyday words, second person. Left and right are the client's
own ("your left heel"). The large-print variant has the same content in one
column with the picture above each exercise's steps instead of beside them.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from planner.core.homecare import effective_routine
from planner.core.howoften import in_words
from planner.core.library import Exercise, Library
from planner.core.plan import HomeCareItem, SessionPlan
from planner.core.sensation import monofilament_not_felt, screened_symptoms
from planner.core.vocab import AVOID_REASONS_PLAIN
from planner.export import bodypicture
from planner.export.common import (
    CachedParagraph,
    capitalised,
    gap,
    heading,
    long_date,
    number,
    para,
    plain_area,
    rule_line,
)
from planner.export.fonts import BOLD, styled_markup
from planner.export.layout import ACCENT, ACCENT_LIGHT, MUTED, RULE, Styles, table_base_style

_HEAT_CONDITIONS = {"diabetes", "neuropathy", "severe-sensory-loss"}
_CALL_DOCTOR = (
    "Your symptoms get worse: more numbness, tingling, burning or weakness.",
    "You have severe pain, or pain that does not settle when you stop.",
    "You find an open wound, a blister or a sore, or signs of infection such as redness, "
    "warmth, swelling or pus.",
    "The routine brings no relief after a few weeks.",
)


def _precautions(plan: SessionPlan) -> list[str]:
    conditions = set(plan.client.conditions)
    # A monofilament site not felt counts as numbness (light pressure, daily foot check).
    kinds = {symptom.kind for symptom in screened_symptoms(plan)}
    lines = [
        "Use gentle pressure. These exercises should feel comfortable and never hurt.",
        "Stop at once if you feel a sharp pain, or if discomfort keeps growing. Rest, and try "
        "again more gently another day.",
    ]
    if "diabetes" in conditions or monofilament_not_felt(plan):
        lines.append(
            "Check both feet every day: the tops, the soles, the heels and between the toes. "
            "Use a mirror or ask someone to help. Look for cuts, blisters, red or swollen spots."
        )
    if conditions & _HEAT_CONDITIONS:
        lines.append(
            "Your feet may not feel heat properly. Test warm water with a thermometer or with "
            "your elbow, never with your feet."
        )
    if "severe-sensory-loss" in conditions or "numbness" in kinds:
        lines.append(
            "Where your skin feels numb you may not notice pressing too hard. Keep the pressure "
            "light there, and look at the skin afterwards for redness."
        )
    if kinds & {"hypersensitivity", "burning"}:
        lines.append(
            "Where your skin is very sensitive or burns, start with the lightest touch and only "
            "go on if it feels all right."
        )
    if conditions & {"blood-thinners", "bleeding-disorder"}:
        lines.append("You bruise easily. Keep the pressure light and do not knead hard.")
    if "osteoporosis" in conditions:
        lines.append("Your bones are fragile. Press gently and never force a joint to bend.")
    if "cancer" in conditions:
        lines.append("Do not press on any lump. Ask your care team if you are unsure about a spot.")
    if "pregnancy" in conditions:
        lines.append("Check with your pregnancy care provider before you start something new.")
    if "lubricant-allergy" in conditions:
        lines.append("Use only a lotion or oil you know your skin is fine with, or none at all.")
    return lines


def _bullets(lines: list[str], styles: Styles, width: float, *, mark: str = "•") -> Table:
    """A list with hanging marks, as a table so that every glyph is in our font."""
    mark_style = styles.body.clone("bullet-mark", textColor=ACCENT, fontName=BOLD)
    body = styles.body.clone("bullet-body", spaceAfter=0)
    mark_width = styles.size * 1.6
    rows = [
        [CachedParagraph(styled_markup(mark, mark_style), mark_style), para(line, body)]
        for line in lines
    ]
    table = Table(rows, colWidths=[mark_width, width - mark_width], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            table_base_style(styles)
            + [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), styles.size * 0.35),
            ]
        )
    )
    return table


def _numbered(lines: list[str], styles: Styles, width: float) -> list[Table]:
    """Numbered steps, one small table each, so that a page can break between any two."""
    mark_style = styles.body.clone("step-number", textColor=ACCENT, fontName=BOLD)
    body = styles.body.clone("step-body", spaceAfter=0)
    mark_width = styles.size * 1.9
    tables = []
    for number_, line in enumerate(lines, start=1):
        table = Table(
            [[CachedParagraph(f"{number_}.", mark_style), para(line, body)]],
            colWidths=[mark_width, width - mark_width],
            hAlign="LEFT",
            splitInRow=1,
        )
        table.setStyle(
            TableStyle(
                table_base_style(styles)
                + [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), styles.size * 0.3),
                ]
            )
        )
        tables.append(table)
    return tables


def _exercise_text(
    item: HomeCareItem, exercise: Exercise | None, styles: Styles, width: float
) -> list[Flowable]:
    text: list[Flowable] = [gap(styles.size * 0.4)]
    if exercise and exercise.steps:
        text += _numbered(list(exercise.steps), styles, width)
    if item.note.strip():
        text.append(para(item.note.strip(), styles.note))
    if exercise and exercise.cautions:
        text.append(gap(styles.size * 0.2))
        text.append(CachedParagraph("Take care", styles.label.clone("take-care", keepWithNext=1)))
        text.append(_bullets(list(exercise.cautions), styles, width, mark="!"))
    return text


def _exercise_block(
    position: int,
    item: HomeCareItem,
    exercise: Exercise | None,
    styles: Styles,
    width: float,
    large: bool,
) -> list[Flowable]:
    """Title, how long and how often, the numbered steps, cautions and a picture.

    The title never parts from the picture and the first step; the rest may flow
    over a page break.
    """
    title = exercise.title if exercise else item.exercise
    how_often = (
        f"About {number(item.minutes)} minutes · {in_words(item.times_a_day, item.days_a_week)}"
    )
    head: list[Flowable] = [
        para(f"{position}. {title}", styles.h2),
        para(capitalised(how_often), styles.small),
    ]
    picture_size = styles.size * (7.5 if large else 10.5)
    picture = bodypicture.exercise_picture(exercise, styles, picture_size) if exercise else None
    if picture is not None and not large:
        text_width = width - picture.width - 14
        side_by_side = Table(
            [[_exercise_text(item, exercise, styles, text_width), picture]],
            colWidths=[text_width + 14, picture.width],
            hAlign="LEFT",
        )
        side_by_side.setStyle(
            TableStyle(
                table_base_style(styles)
                + [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
            )
        )
        _, height = side_by_side.wrap(width, 10_000)
        # A table row cannot run over a page: only a block that fits well stays side by side.
        if height <= styles.size * 45:
            return [KeepTogether(head + [side_by_side])]
    text = _exercise_text(item, exercise, styles, width)
    if picture is not None:
        head += [gap(styles.size * 0.3), picture]
    return [KeepTogether(head + text[:2]), *text[2:]]


def _tick_grid(
    routine: list[tuple[HomeCareItem, Exercise | None]], styles: Styles, width: float, large: bool
) -> Table:
    cell = styles.cell
    centre = cell.clone("grid-centre", alignment=1, fontName=BOLD)
    # Large print has no room for "Day 1" in a day column: the number alone reads well.
    day_header = [
        CachedParagraph(str(day) if large else f"Day {day}", centre) for day in range(1, 8)
    ]
    rows: list[list[Any]] = [
        [CachedParagraph("Tick each day you do it", styles.cell_bold)] + day_header
    ]
    rows.append([CachedParagraph("Date", styles.small)] + [""] * 7)
    for position, (item, exercise) in enumerate(routine, start=1):
        title = exercise.title if exercise else item.exercise
        rows.append([para(f"{position}. {title}", cell)] + [""] * 7)
    rows.append(
        [CachedParagraph("How strong were your symptoms today? 0 = none, 10 = worst", cell)]
        + [""] * 7
    )
    # In large print the titles get more width so that they wrap less: the whole week
    # should still fit on one page.
    label_width = width * (0.46 if large else 0.38)
    day_width = (width - label_width) / 7
    # Rows grow with their text (a long title wraps); padding keeps even a one-line row
    # tall enough to tick or write a number in.
    padding = styles.size * (0.35 if large else 0.55)
    table = Table(
        rows,
        colWidths=[label_width] + [day_width] * 7,
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            table_base_style(styles)
            + [
                ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                ("BOX", (0, 0), (-1, -1), 1.0, ACCENT),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#fbf6ea")),
                ("LINEABOVE", (0, -1), (-1, -1), 1.0, ACCENT),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("TOPPADDING", (0, 1), (-1, -1), padding),
                ("BOTTOMPADDING", (0, 1), (-1, -1), padding),
            ]
        )
    )
    return table


def home_care_story(
    plan: SessionPlan, library: Library, styles: Styles, width: float, large: bool
) -> list[Any]:
    """Every flowable of the client's sheet, in reading order."""
    routine = [
        (item, library.exercises.get(item.exercise)) for item in effective_routine(plan, library)
    ]
    therapist = plan.therapist.name
    if plan.therapist.clinic:
        therapist = f"{therapist}, {plan.therapist.clinic}" if therapist else plan.therapist.clinic
    given = f"Given on {long_date(plan.date)}" + (f" by {therapist}" if therapist else "")
    who = f"For {plan.client.name}" if plan.client.name.strip() else "For you"
    story: list[Any] = [
        CachedParagraph("HOME CARE", styles.kicker),
        para("Your home-care plan", styles.title),
        para(who, styles.body.clone("for-whom", fontName=BOLD, spaceAfter=0)),
        para(given, styles.small),
        rule_line(),
        para(
            "These are the exercises we agreed on at your session. A little every day helps "
            "more than a lot now and then. Go gently: none of this should hurt. Left and right "
            "mean your own left and right.",
            styles.body,
        ),
    ]
    story += heading("Your routine", styles, need=styles.size * (18 if large else 14))
    if not routine:
        story.append(para("Your therapist has not given you exercises this time.", styles.body))
    for position, (item, exercise) in enumerate(routine, start=1):
        story += _exercise_block(position, item, exercise, styles, width, large)
    if plan.avoid:
        story += heading("Leave these areas alone", styles)
        story.append(
            para(
                "Do not rub, press or massage these places until your therapist or doctor "
                "says it is all right:",
                styles.body,
            )
        )
        lines = []
        for area in plan.avoid:
            reason = AVOID_REASONS_PLAIN.get(area.reason, "your therapist asked you to")
            line = f"{capitalised(plain_area(area.region, area.side))}: {reason}."
            if area.note.strip():
                line += f" ({area.note.strip()})"
            lines.append(line)
        story.append(_bullets(lines, styles, width))
    story += heading("Take care", styles)
    story.append(_bullets(_precautions(plan), styles, width))
    story += heading("When to call your doctor", styles)
    story.append(para("Call your doctor if:", styles.body))
    story.append(_bullets(list(_CALL_DOCTOR), styles, width))
    story.append(
        para(
            "Questions? Ask your therapist at your next visit.",
            styles.small.clone("closing", textColor=MUTED),
        )
    )
    # Heading, instructions and grid are one sheet to tick: never split over two pages.
    week_heading = heading("Your week", styles, keep_with_next=False)
    story.append(week_heading[0])
    story.append(
        KeepTogether(
            [
                week_heading[1],
                para(
                    "Start on any day and write the date at the top of each column. Tick the "
                    "box when you have done an exercise, and write a number from 0 to 10 in "
                    "the last row.",
                    styles.body,
                ),
                gap(styles.size * 0.3),
                _tick_grid(routine, styles, width, large),
            ]
        )
    )
    return story
