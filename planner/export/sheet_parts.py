"""Parts of the client's sheet: list items with hanging marks, the red-framed "Get help"
box, and the week's tick grid."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Table, TableStyle

from planner.core.i18n import _
from planner.core.sheet_text import WEEK_SCORE, WEEK_TICK, HelpGroup, SheetText
from planner.export.common import CachedParagraph, para
from planner.export.fonts import BOLD, styled_markup
from planner.export.layout import ACCENT, ACCENT_LIGHT, INK, RULE, Styles, table_base_style

TICK_BOX = 1.05 * cm  # a box to tick: at least 1 cm each way
_HELP_BORDER = colors.HexColor("#b3261e")
_HELP_FILL = colors.HexColor("#fdf1f0")


def item_style(styles: Styles, name: str) -> Any:
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


def marked(lines: list[str], marks: list[str], styles: Styles) -> list[Flowable]:
    """Lines with hanging marks ("1.", "•", "!"); paragraphs, so they reflow round a picture."""
    style = item_style(styles, "item")
    return [
        CachedParagraph(styled_markup(line, style), style, bulletText=mark)
        for mark, line in zip(marks, lines, strict=True)
    ]


def bullets(lines: list[str], styles: Styles, mark: str = "•") -> list[Flowable]:
    return marked(lines, [mark] * len(lines), styles)


def help_box(groups: list[HelpGroup], styles: Styles, width: float) -> Table:
    """The red-framed "Get help" box: for each urgency, what to do, then the signs.

    A row for each urgency: the box may break between two of them (never inside one),
    and its title comes again at the top of the next page.
    """
    action = styles.body.clone("help-action", fontName=BOLD, spaceAfter=1, spaceBefore=3)
    rows: list[list[Any]] = [[para(_("Get help"), styles.h2.clone("help-title", spaceBefore=0))]]
    for group in groups:
        rows.append([[para(group.action, action), *bullets(list(group.signs), styles)]])
    box = Table(rows, colWidths=[width], hAlign="LEFT", repeatRows=1)
    pad = styles.size * 0.7
    box.setStyle(
        TableStyle(
            table_base_style(styles)
            + [
                ("BOX", (0, 0), (-1, -1), 2, _HELP_BORDER),
                ("BACKGROUND", (0, 0), (-1, -1), _HELP_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, 0), pad * 0.6),
                ("TOPPADDING", (0, 1), (-1, -1), pad * 0.3),
                ("BOTTOMPADDING", (0, -1), (-1, -1), pad * 0.4),
            ]
        )
    )
    return box


def tick_grid(text: SheetText, styles: Styles, width: float, large: bool) -> Table:
    """The week: a row per exercise, a column per day, boxes of at least 1 cm."""
    cell = styles.cell.clone("grid-cell", textColor=INK)
    centre = cell.clone("grid-centre", alignment=1, fontName=BOLD)
    day_width = max(TICK_BOX, min(width * 0.075, styles.size * 3.6))
    label_width = width - 7 * day_width
    # The days by number: "Day 1" would take two lines in a box a centimetre wide.
    days = [CachedParagraph(str(d), centre) for d in range(1, 8)]
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
