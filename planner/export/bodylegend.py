"""The legend under the protocol's body map: why each area is avoided, what the client feels."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table, TableStyle

from planner.core.bodymap import BodyMap, View
from planner.core.plan import SessionPlan
from planner.core.regions import area_name
from planner.core.vocab import AVOID_REASONS, SYMPTOM_KINDS
from planner.export.bodyareas import matches
from planner.export.bodypaint import SYMPTOM_COLOURS, SYMPTOM_OPACITY, WORKED_FILL, Badge, Swatch
from planner.export.common import CachedParagraph, capitalised, para
from planner.export.layout import MUTED, Styles, table_base_style
from planner.export.sitemarks import SiteDot, legend_rows


def legend(
    plan: SessionPlan, body: BodyMap, views: list[View], styles: Styles, width: float
) -> Table:
    """Numbered reasons for the areas to avoid, colours of the symptoms, the worked tint."""
    cell = styles.cell
    size = styles.size
    rows: list[list[Any]] = []
    shown = {
        index
        for index, avoided in enumerate(plan.avoid)
        for view in views
        if matches(body, view, avoided.region, avoided.side)
    }
    headers = []
    if plan.avoid:
        headers.append(len(rows))
        rows.append([CachedParagraph("Areas to avoid (red hatching)", styles.cell_bold), ""])
    for index, avoided in enumerate(plan.avoid):
        text = f"{capitalised(area_name(avoided.region, avoided.side))}: "
        text += AVOID_REASONS.get(avoided.reason, avoided.reason).lower()
        if avoided.note.strip():
            text += f" ({avoided.note.strip()})"
        if index not in shown:
            text += " (not visible in these views)"
        rows.append([Badge(index + 1, size), para(text, cell)])
    if plan.symptoms:
        headers.append(len(rows))
        rows.append([CachedParagraph("What the client feels", styles.cell_bold), ""])
    for symptom in plan.symptoms:
        text = f"{SYMPTOM_KINDS.get(symptom.kind, symptom.kind)}: "
        text += area_name(symptom.region, symptom.side)
        if symptom.intensity is not None:
            text += f", {symptom.intensity}/10"
        colour = SYMPTOM_COLOURS.get(symptom.kind, MUTED)
        rows.append([Swatch(colour, size, opacity=SYMPTOM_OPACITY), para(text, cell)])
    for felt, text in legend_rows(plan.measures):
        rows.append([SiteDot(felt, size), para(text, cell)])
    # Its own heading: under "What the client feels" it read as a symptom.
    headers.append(len(rows))
    rows.append([CachedParagraph("This session", styles.cell_bold), ""])
    rows.append([Swatch(WORKED_FILL, size), CachedParagraph("Worked in this session", cell)])
    table = Table(rows, colWidths=[size * 2.2, width - size * 2.2], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            table_base_style(styles)
            + [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
            + [("SPAN", (0, row), (1, row)) for row in headers]
            + [("TOPPADDING", (0, row), (-1, row), styles.size * 0.5) for row in headers[1:]]
        )
    )
    return table
