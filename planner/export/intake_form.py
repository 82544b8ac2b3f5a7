"""The intake and consent form: pre-filled from the record, blank lines for the rest.

The client reads, corrects and signs it on paper. Every fact the store does not
hold is a line to write on; a condition not on record is asked with two boxes,
never answered for the client.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from planner.core.i18n import _
from planner.core.intake import CONSENT, Intake, first_sentence
from planner.core.vocab import AVOID_REASONS, CONDITIONS, SYMPTOM_KINDS
from planner.export.charts import short_date
from planner.export.common import (
    CachedParagraph,
    capitalised,
    gap,
    heading,
    para,
    plain_area,
    rule_line,
)
from planner.export.fonts import styled_markup
from planner.export.layout import INK, Styles, table_base_style

BOX = "\u2610"


def _lines_table(rows: list[tuple[str, str]], styles: Styles, width: float) -> Table:
    """Label and value; an empty value is a ruled line to write on."""
    label_width = max(width * 0.3, styles.size * 10)
    data = [
        [
            CachedParagraph(styled_markup(label, styles.label), styles.label),
            para(value, styles.body),
        ]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT")
    commands = table_base_style(styles) + [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), styles.size * 0.7),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    for row, (_label, value) in enumerate(rows):
        if not value.strip():
            commands.append(("LINEBELOW", (1, row), (1, row), 0.7, INK))
    table.setStyle(TableStyle(commands))
    return table


def _details(intake: Intake, styles: Styles, width: float) -> list[Flowable]:
    rows = [
        (_("Name"), intake.name),
        (_("Date of birth"), short_date(intake.birth_date) if intake.birth_date else ""),
        (_("Phone or e-mail"), intake.contact),
        (_("Emergency contact"), ""),
        (_("Your doctor"), ""),
    ]
    return heading(_("Your details"), styles, need=120) + [_lines_table(rows, styles, width)]


def _health(intake: Intake, styles: Styles, width: float) -> list[Flowable]:
    story = heading(_("Your health"), styles, need=200)
    story.append(
        para(
            _("Please check what is on record and answer the rest. Tell us of any change."),
            styles.body,
        )
    )
    rows: list[list[Any]] = []
    yes, no = _("Yes"), _("No")
    asked = f"{BOX} {yes}    {BOX} {no}"
    for condition, name in CONDITIONS.items():
        answer = _("Yes (on record)") if condition in intake.conditions else asked
        rows.append([para(_(name), styles.cell), para(answer, styles.cell)])
    table = Table(rows, colWidths=[width * 0.6, width * 0.4], hAlign="LEFT")
    table.setStyle(TableStyle(table_base_style(styles) + [("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(table)
    story.append(gap(styles.size * 0.5))
    story.append(
        _lines_table(
            [
                (_("Medicines you take"), ""),
                (_("Allergies"), ""),
                (_("Anything else"), intake.notes),
            ],
            styles,
            width,
        )
    )
    return story


def _areas(intake: Intake, styles: Styles) -> list[Flowable]:
    story = heading(_("Where we plan to work"), styles, need=80)
    if intake.planned_areas:
        names = sorted({plain_area(region, side) for region, side in intake.planned_areas})
        story.append(para(capitalised(", ".join(names)) + ".", styles.body))
    else:
        story.append(para(_("To be agreed at the first session."), styles.body))
    story += heading(_("Areas we will leave alone"), styles, need=60)
    if intake.avoid:
        for area in intake.avoid:
            why = _(AVOID_REASONS.get(area.reason, area.reason)).lower()
            note = f": {area.note}" if area.note else ""
            place = capitalised(plain_area(area.region, area.side))
            story.append(para(f"{place} ({why}{note}).", styles.body))
    else:
        story.append(
            para(_("None on record. Tell us of any area you want left alone."), styles.body)
        )
    if intake.symptoms:
        story += heading(_("What you have told us you feel"), styles, need=60)
        for s in intake.symptoms:
            felt = _("{symptom} in {place}").format(
                symptom=_(SYMPTOM_KINDS[s.kind]), place=plain_area(s.region, s.side)
            )
            if s.intensity is not None:
                felt = _("{symptom}, {rating} out of 10").format(symptom=felt, rating=s.intensity)
            story.append(para(f"{felt}.", styles.body))
    return story


def _techniques(intake: Intake, styles: Styles) -> list[Flowable]:
    story = heading(_("Techniques we plan to use"), styles, need=80)
    if not intake.techniques:
        story.append(para(_("To be agreed at the first session."), styles.body))
    for technique in intake.techniques:
        # A built-in technique's words are in the catalogs; an own one keeps the therapist's.
        first = _(first_sentence(technique.description))
        story.append(para(f"{_(technique.name)}: {first}.", styles.body))
    return story


def _consent(styles: Styles, width: float) -> Flowable:
    signatures = _lines_table(
        [
            (_("Client's signature"), ""),
            (_("Date"), ""),
            (_("Therapist's signature"), ""),
            (_("Date"), ""),
        ],
        styles,
        width,
    )
    return KeepTogether(
        heading(_("Consent"), styles, need=200) + [para(_(CONSENT), styles.body), signatures]
    )


def intake_story(intake: Intake, styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        CachedParagraph(_("INTAKE AND CONSENT"), styles.kicker),
        para(_("Client intake and consent: {name}").format(name=intake.name), styles.title),
        rule_line(),
    ]
    story += _details(intake, styles, width)
    story += _health(intake, styles, width)
    story += _areas(intake, styles)
    story += _techniques(intake, styles)
    story.append(_consent(styles, width))
    return story
