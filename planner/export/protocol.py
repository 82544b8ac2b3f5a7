"""The therapist's protocol: who and when, the safety findings, the body map, the steps.

Findings come first and are grouped by severity, with visual weight to match:
a contraindication is the one thing on the page the therapist must not miss.
"""

from __future__ import annotations

import functools
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Table

from planner.core.homecare import effective_routine
from planner.core.howoften import in_words
from planner.core.library import FAMILIES, Library
from planner.core.plan import SessionPlan
from planner.core.properties import TECHNIQUE_PROPERTIES, property_words
from planner.core.regions import area_name
from planner.core.rules.redflags import URGENCY_ACTIONS, red_flags_by_urgency
from planner.core.safety import Finding, check_plan
from planner.core.vocab import CONDITIONS, PRESSURE_NAMES, SEVERITIES, SEVERITY_NAMES
from planner.export import bodypicture
from planner.export.common import (
    CachedParagraph,
    capitalised,
    details_table,
    gap,
    heading,
    long_date,
    number,
    para,
    rule_line,
)
from planner.export.fonts import BOLD, styled_markup
from planner.export.layout import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    SEVERITY_COLOURS,
    ZEBRA,
    Styles,
    table_base_style,
)
from planner.export.longtable import WindowTable
from planner.export.protocol_notes import notes_story

# Notes longer than this are shortened in the table and given in full after it,
# because a table row cannot run over a page break.
NOTE_IN_TABLE = 420
_STEP_COLUMNS = (0.05, 0.185, 0.185, 0.065, 0.115, 0.105, 0.295)
_SEVERITY_INTRO = {
    "contraindicated": "Do not carry out these steps as planned.",
    "caution": "Adapt these steps, or check with the client's doctor first.",
    "info": "For your information.",
}


def _plural(count: int, word: str) -> str:
    """ "2 cautions", "1 note"; a participle takes no plural: "2 contraindicated"."""
    return f"{count} {word}{'' if count == 1 or word.endswith('ed') else 's'}"


def _title_block(plan: SessionPlan, styles: Styles, width: float) -> list[Flowable]:
    planned = plan.planned_minutes
    length = f"{number(planned)} minutes"
    if plan.length_minutes is not None and plan.total_minutes != plan.length_minutes:
        length += f" (the steps take {number(plan.total_minutes)})"
    conditions = ", ".join(CONDITIONS.get(c, c) for c in plan.client.conditions)
    rows = [
        ("Client", plan.client.name or "not named"),
        ("Date", long_date(plan.date)),
        ("Planned length", length),
        ("Therapist", plan.therapist.name or "not named"),
    ]
    if plan.therapist.clinic:
        rows.append(("Clinic", plan.therapist.clinic))
    rows.append(("Conditions", conditions or "none recorded"))
    if plan.client.notes.strip():
        rows.append(("Client notes", plan.client.notes))
    return [
        CachedParagraph("SESSION PROTOCOL", styles.kicker),
        para(plan.title or "Session plan", styles.title),
        details_table(rows, styles, width),
        rule_line(),
    ]


def _where(finding: Finding) -> str:
    if finding.step is not None:
        return f"Step {finding.step + 1}"
    if finding.home_care is not None:
        return f"Home care {finding.home_care + 1}"
    return "Whole plan"


def _findings(findings: list[Finding], styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = heading("Safety findings", styles)
    if not findings:
        story.append(para("No safety findings for this plan.", styles.body))
        return story
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    summary = ", ".join(
        _plural(counts[s], SEVERITY_NAMES[s].lower()) for s in SEVERITIES if counts[s]
    )
    story.append(para(summary.replace("cautions", "cautions").capitalize() + ".", styles.body))
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        strong, light = SEVERITY_COLOURS[severity]
        title_style = styles.h2.clone(f"h2-{severity}", textColor=strong)
        message_style = styles.cell.clone(
            f"finding-{severity}",
            fontName=BOLD if severity == "contraindicated" else styles.cell.fontName,
            textColor=strong if severity == "contraindicated" else INK,
        )
        where_style = styles.cell.clone(f"where-{severity}", fontName=BOLD, textColor=strong)
        rows = [
            [
                CachedParagraph(_where(f), where_style),
                CachedParagraph(styled_markup(f.message, message_style), message_style),
            ]
            for f in group
        ]
        where_width = styles.size * 6.5
        bar = 4 if severity == "contraindicated" else 2.5
        base = table_base_style(styles) + [
            ("BACKGROUND", (0, 0), (-1, -1), light),
            ("LINEBEFORE", (0, 0), (0, -1), bar, strong),
            ("LEFTPADDING", (0, 0), (0, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]
        white_line: list[tuple[Any, ...]] = [("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.white)]
        widths = [where_width, width - where_width]
        table = WindowTable(
            None,
            rows,
            [white_line] * (len(rows) - 1) + [[]],
            base,
            [],
            functools.partial(Table, colWidths=widths, hAlign="LEFT", splitInRow=1),
        )
        story.append(
            CachedParagraph(f"{SEVERITY_NAMES[severity]} ({len(group)})", title_style),
        )
        story.append(para(_SEVERITY_INTRO[severity], styles.small))
        story.append(gap(4))
        story.append(table)
    return story


def _verdict(plan: SessionPlan) -> str:
    """The steps' total against the planned length, in words."""
    if plan.length_minutes is None:
        return "the planned length is the steps' total"
    spare = plan.length_minutes - plan.total_minutes
    if spare > 0:
        return f"of {number(plan.length_minutes)} planned, {number(spare)} to spare"
    if spare == 0:
        return f"exactly the {number(plan.length_minutes)} planned"
    return f"{number(-spare)} over the {number(plan.length_minutes)} planned"


def _step_marks(findings: list[Finding]) -> dict[int, str]:
    """The most serious severity of each step that has a finding."""
    marks: dict[int, str] = {}
    for finding in findings:
        if finding.step is not None and finding.step not in marks:
            marks[finding.step] = finding.severity
    return marks


def _steps_head(styles: Styles) -> list[Any]:
    return [
        CachedParagraph("#", styles.head_right),
        CachedParagraph("Technique", styles.head),
        CachedParagraph("Area", styles.head),
        CachedParagraph("Min", styles.head_right),
        CachedParagraph("Pressure", styles.head),
        CachedParagraph("Elapsed", styles.head_right),
        CachedParagraph("Notes", styles.head),
    ]


def _step_row(
    plan: SessionPlan, library: Library, styles: Styles, index: int, elapsed: float
) -> tuple[list[Any], str | None]:
    """One step's cells, and its notes in full when they are too long for the table."""
    step = plan.steps[index]
    cell, right = styles.cell, styles.cell_right
    technique = library.techniques.get(step.technique)
    notes = step.notes.strip()
    full_notes = None
    if len(notes) > NOTE_IN_TABLE:
        full_notes = notes
        notes = notes[:300].rstrip() + " … (continued below the table)"
    row = [
        CachedParagraph(str(index + 1), right),
        para(technique.name if technique else step.technique, cell),
        para(capitalised(area_name(step.region, step.side)), cell),
        CachedParagraph(number(step.minutes), right),
        CachedParagraph(PRESSURE_NAMES.get(step.pressure, step.pressure), cell),
        CachedParagraph(number(elapsed), right),
        para(notes, cell),
    ]
    return row, full_notes


def _step_row_commands(index: int, marks: dict[int, str]) -> list[tuple[Any, ...]]:
    own: list[tuple[Any, ...]] = [("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE)]
    if (index + 1) % 2 == 0:
        own.append(("BACKGROUND", (0, 0), (-1, 0), ZEBRA))
    if index in marks:
        strong, _ = SEVERITY_COLOURS[marks[index]]
        own.append(("LINEBEFORE", (0, 0), (0, 0), 3.5, strong))
    return own


def _total_row(plan: SessionPlan, styles: Styles) -> list[Any]:
    total_style = styles.cell_bold
    return [
        "",
        CachedParagraph("Total", total_style),
        "",
        CachedParagraph(number(plan.total_minutes), total_style.clone("total-right", alignment=2)),
        "",
        "",
        para(capitalised(_verdict(plan)), total_style),
    ]


def _steps(
    plan: SessionPlan, library: Library, findings: list[Finding], styles: Styles, width: float
) -> list[Flowable]:
    story: list[Flowable] = heading("Session steps", styles, need=140)
    if not plan.steps:
        story.append(para("This plan has no steps yet.", styles.body))
        return story
    rows: list[list[Any]] = []
    row_commands: list[list[tuple[Any, ...]]] = []
    long_notes: list[tuple[int, str]] = []
    marks = _step_marks(findings)
    for index, elapsed in enumerate(plan.running_minutes()):
        row, full_notes = _step_row(plan, library, styles, index, elapsed)
        rows.append(row)
        if full_notes is not None:
            long_notes.append((index, full_notes))
        row_commands.append(_step_row_commands(index, marks))
    rows.append(_total_row(plan, styles))
    row_commands.append([("LINEABOVE", (0, 0), (-1, 0), 1.0, INK), ("SPAN", (4, 0), (5, 0))])
    widths = [width * share for share in _STEP_COLUMNS]
    table = WindowTable(
        _steps_head(styles),
        rows,
        row_commands,
        table_base_style(styles),
        [("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("VALIGN", (0, 0), (-1, 0), "BOTTOM")],
        lambda some: Table(some, colWidths=widths, repeatRows=1, hAlign="LEFT"),
    )
    if marks:
        story.append(
            para(
                "A coloured bar beside a step number marks a safety finding for that step "
                "(red: contraindicated, amber: caution, blue: note).",
                styles.small.clone("steps-key", spaceAfter=4, keepWithNext=1),
            )
        )
    story.append(table)
    if long_notes:
        story += heading("Step notes in full", styles)
        for index, notes in long_notes:
            story.append(CachedParagraph(f"Step {index + 1}", styles.label))
            story.append(para(notes, styles.body))
    return story


def _techniques(plan: SessionPlan, library: Library, styles: Styles) -> list[Flowable]:
    used = list(dict.fromkeys(step.technique for step in plan.steps))
    if not used:
        return []
    story: list[Flowable] = heading("Techniques used", styles)
    for technique_id in used:
        technique = library.techniques.get(technique_id)
        if technique is None:
            continue
        facts = [FAMILIES.get(technique.family, capitalised(technique.family))]
        facts.append(f"usually {technique.default_pressure} pressure")
        facts.extend(property_words(technique, TECHNIQUE_PROPERTIES))
        if library.is_custom_technique(technique.id):
            facts.append("your own technique")
        block: list[Flowable] = [
            para(technique.name, styles.h2.clone("technique-name", spaceBefore=styles.size * 0.7)),
            para(" · ".join(facts), styles.small),
        ]
        if technique.description.strip():
            block.append(gap(2))
            block.append(para(technique.description, styles.body))
        story.append(KeepTogether(block))
    return story


def _home_care(
    plan: SessionPlan, library: Library, styles: Styles, daily_minutes: float | None
) -> list[Flowable]:
    routine = effective_routine(plan, library, daily_minutes)
    story: list[Flowable] = heading("Home care given to the client", styles)
    if not routine:
        story.append(para("No home-care exercises in this plan.", styles.body))
        return story
    source = "as written in the plan" if plan.home_care is not None else "proposed from the steps"
    story.append(para(f"The client's sheet lists this routine ({source}).", styles.small))
    for position, item in enumerate(routine, start=1):
        exercise = library.exercises.get(item.exercise)
        title = exercise.title if exercise else item.exercise
        how_often = in_words(item.times_a_day, item.days_a_week)
        line = f"{position}. {title}: {number(item.minutes)} min each time, {how_often}"
        if item.note.strip():
            line += f". {item.note.strip()}"
        story.append(para(line, styles.body.clone("routine-line", spaceAfter=2)))
    return story


def _red_flags(plan: SessionPlan, styles: Styles) -> list[Flowable]:
    """The red flags that apply to this client, grouped by how urgent they are."""
    groups = red_flags_by_urgency(plan)
    story: list[Flowable] = heading("Red flags: stop and get medical help", styles)
    story.append(para("If you or the client notice any of these, stop the session.", styles.small))
    action_style = styles.body.clone("red-flag-action", fontName=BOLD, spaceBefore=4)
    sign_style = styles.body.clone("red-flag-sign", leftIndent=styles.size, spaceAfter=1)
    for urgency, flags in groups.items():
        if not flags:
            continue
        group = [para(URGENCY_ACTIONS[urgency], action_style)]
        group += [para(f"• {flag.sign}", sign_style) for flag in flags]
        story.append(KeepTogether(group))
    return story


def protocol_story(
    plan: SessionPlan,
    library: Library,
    styles: Styles,
    width: float,
    daily_minutes: float | None = None,
) -> list[Any]:
    """Every flowable of the therapist's protocol, in reading order."""
    findings = check_plan(plan, library, daily_minutes)
    story: list[Any] = _title_block(plan, styles, width)
    # Said once, at the top: as a closing line it could sit alone on a last page.
    story.append(
        para(
            "Left and right are always the client's own left and right.",
            styles.small.clone("sides", textColor=MUTED, spaceAfter=styles.size * 0.3),
        )
    )
    story += _findings(findings, styles, width)
    story += heading("Body map", styles, need=styles.size * 25, keep_with_next=False)
    story += bodypicture.protocol_map(plan, library, styles, width)
    story += _steps(plan, library, findings, styles, width)
    story += _techniques(plan, library, styles)
    story += _home_care(plan, library, styles, daily_minutes)
    story += _red_flags(plan, styles)
    story += notes_story(plan, styles, width)
    return story
