"""Pages, styles and colours shared by both documents.

The page has a running header (clinic, therapist, client) and a footer with the
document's name and "page N of M". The total is known only at the end, so the
canvas keeps each finished page and draws the footers when the document is
saved: one pass, time linear in the number of pages. The left margin is wide
enough for a hole punch.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from planner.core.i18n import _
from planner.export.fonts import (
    BOLD,
    REGULAR,
    draw_line,
    fit,
    line_width,
    plain_line,
    register_fonts,
)

PAGE_SIZES = {"letter": LETTER, "a4": A4}
# Left is wider than right: room for the holes of a ring binder.
MARGIN_LEFT = 24 * mm
MARGIN_RIGHT = 17 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5b6773")
ACCENT = colors.HexColor("#1b6f6a")
ACCENT_LIGHT = colors.HexColor("#e3f1ef")
RULE = colors.HexColor("#cfd8dc")
ZEBRA = colors.HexColor("#f5f7f8")
SEVERITY_COLOURS = {
    "contraindicated": (colors.HexColor("#b3261e"), colors.HexColor("#fdeceb")),
    "caution": (colors.HexColor("#8a5300"), colors.HexColor("#fff4dc")),
    "info": (colors.HexColor("#245d96"), colors.HexColor("#e9f1fa")),
}


@dataclass(frozen=True)
class PageInfo:
    """What the running header and footer say."""

    document: str
    clinic: str
    therapist: str
    client: str
    date: str
    large: bool = False
    # The client's sheet: header and footer in ink, never grey, and never under 10 pt.
    for_client: bool = False


def _header_footer_size(info: PageInfo) -> float:
    if info.large:
        return 14
    return 10 if info.for_client else 8.5


def _header_footer_colour(info: PageInfo) -> colors.Color:
    return INK if info.for_client else MUTED


def _draw_header(canvas: Canvas, doc: BaseDocTemplate) -> None:
    info: PageInfo = doc.page_info
    width, height = doc.pagesize
    size = _header_footer_size(info)
    y = height - MARGIN_TOP + 9 * mm
    usable = width - MARGIN_LEFT - MARGIN_RIGHT
    right_text = " · ".join(part for part in (info.client, info.date) if part)
    # The client and date may use whatever the clinic and therapist leave free (at least
    # 45% of the line), so a large-print header without a clinic is not cut short.
    left_needed = 0.0
    if info.clinic:
        left_needed += line_width(info.clinic + "  ", BOLD, size)
    if info.therapist:
        left_needed += line_width(info.therapist, REGULAR, size)
    right_room = max(usable * 0.45, usable - left_needed - 12)
    right_text = fit(right_text, REGULAR, size, right_room)
    right_width = line_width(right_text, REGULAR, size)
    left_width = usable - right_width - 12
    canvas.saveState()
    canvas.setFillColor(_header_footer_colour(info))
    x = MARGIN_LEFT
    if info.clinic:
        used = draw_line(canvas, x, y, fit(info.clinic, BOLD, size, left_width), BOLD, size)
        used += line_width("  ", BOLD, size)
        x += used
        left_width -= used
    if info.therapist and left_width > 30:
        draw_line(canvas, x, y, fit(info.therapist, REGULAR, size, left_width), REGULAR, size)
    draw_line(canvas, width - MARGIN_RIGHT - right_width, y, right_text, REGULAR, size)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_LEFT, y - 2.2 * mm, width - MARGIN_RIGHT, y - 2.2 * mm)
    canvas.restoreState()


def numbered_canvas(info: PageInfo) -> type[Canvas]:
    """A canvas class that writes "page N of M" on every page when the document is saved."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The page preamble names an initial font; without this it is Helvetica,
            # an unembedded base-14 font, even though no text is ever set in it.
            kwargs["initialFontName"] = REGULAR
            super().__init__(*args, **kwargs)
            self._finished_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._finished_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._finished_pages)
            for state in self._finished_pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            width = self._pagesize[0]
            size = _header_footer_size(info)
            y = MARGIN_BOTTOM - 9 * mm
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN_LEFT, y + size + 3, width - MARGIN_RIGHT, y + size + 3)
            self.setFillColor(_header_footer_colour(info))
            self.setFont(REGULAR, size)
            self.drawString(MARGIN_LEFT, y, info.document)
            page = _("page {page} of {pages}").format(page=self._pageNumber, pages=total)
            self.drawRightString(width - MARGIN_RIGHT, y, page)
            self.restoreState()

    return NumberedCanvas


class PlannerDoc(BaseDocTemplate):
    """One document on Letter or A4 with our header, footer and metadata."""

    def __init__(
        self,
        buffer: io.BytesIO,
        info: PageInfo,
        *,
        paper: str,
        title: str,
        author: str,
        subject: str,
        invariant: bool,
    ) -> None:
        pagesize = PAGE_SIZES[paper]
        super().__init__(
            buffer,
            pagesize=pagesize,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=plain_line(title),
            author=plain_line(author),
            subject=plain_line(subject),
            creator="Massage session planner",
            invariant=1 if invariant else 0,
            lang="en",
        )
        self.page_info = info
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_draw_header)])

    def render(self, story: list[Any], *, trial: bool = False) -> bytes:
        """Lay the story out and return the finished PDF.

        ``trial``: lay it out only (its flowables learn their pages), and write
        nothing: no footers, fonts or PDF; returns ``b""``.
        """
        import gc

        from planner.export.errors import ExportError

        # A long plan's layout makes millions of short-lived objects while the story
        # stays alive; each of Python's full collections walks all of it, which made
        # the build time grow with the square of the plan's length. The layout makes
        # no reference cycles worth collecting before it ends.
        collecting = gc.isenabled()
        gc.disable()
        try:
            maker = numbered_canvas(self.page_info)
            self.build(story, canvasmaker=_laid_out_only(maker) if trial else maker)
        except LayoutError as error:
            # Only content far outside what a plan file allows gets here; say so plainly.
            raise ExportError(
                f"the {self.page_info.document.lower()} cannot be laid out: "
                f"{str(error).splitlines()[0][:200]}"
            ) from None
        finally:
            if collecting:
                gc.enable()
        return b"" if trial else self.filename.getvalue()


def _laid_out_only(maker: type[Canvas]) -> type[Canvas]:
    """A canvas that takes the pages and writes nothing at the end."""

    class LaidOutOnly(maker):  # type: ignore[misc, valid-type]
        def save(self) -> None:
            """Nothing to write: the layout was all that was wanted."""

    return LaidOutOnly


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document, all in the embedded family."""

    body: ParagraphStyle
    small: ParagraphStyle
    kicker: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    label: ParagraphStyle
    note: ParagraphStyle
    size: float


def _styler(body_size: float, leading_factor: float = 1.38) -> Callable[..., ParagraphStyle]:
    """A maker of paragraph styles: the body's font, size, leading and colour, unless given."""
    leading = round(body_size * leading_factor, 1)

    def style(name: str, **kwargs: Any) -> ParagraphStyle:
        base: dict[str, Any] = {
            "fontName": REGULAR,
            "fontSize": body_size,
            "leading": leading,
            "textColor": INK,
            "alignment": TA_LEFT,
        }
        base.update(kwargs)
        return ParagraphStyle(name, **base)

    return style


def _heading_styles(
    style: Callable[..., ParagraphStyle], body_size: float, small_size: float, *, close: bool
) -> dict[str, ParagraphStyle]:
    """The kicker above a title, the title, and the two heading levels (``close``: less
    room above the headings, for the client's sheet)."""
    above = 0.75 if close else 1.0
    return {
        "kicker": style(
            "kicker",
            fontName=BOLD,
            fontSize=small_size,
            leading=small_size * 1.4,
            textColor=ACCENT,
            spaceAfter=2,
        ),
        "title": style(
            "title",
            fontName=BOLD,
            fontSize=body_size * 2.1,
            leading=body_size * 2.5,
            spaceAfter=body_size * 0.5,
        ),
        "h1": style(
            "h1",
            fontName=BOLD,
            fontSize=body_size * 1.45,
            leading=body_size * 1.8,
            textColor=ACCENT,
            spaceBefore=body_size * 1.5 * above,
            spaceAfter=body_size * 0.6,
            keepWithNext=1,
        ),
        "h2": style(
            "h2",
            fontName=BOLD,
            fontSize=body_size * 1.15,
            leading=body_size * 1.45,
            spaceBefore=body_size * 1.0 * above,
            spaceAfter=body_size * 0.35,
            keepWithNext=1,
        ),
    }


def _cell_styles(cell: ParagraphStyle) -> dict[str, ParagraphStyle]:
    """A table's cells: plain, bold, right-aligned, and the white-on-colour heading row."""
    return {
        "cell": cell,
        "cell_bold": ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", parent=cell, fontName=BOLD, textColor=colors.white),
        "head_right": ParagraphStyle(
            "head_right", parent=cell, fontName=BOLD, textColor=colors.white, alignment=TA_RIGHT
        ),
    }


def make_styles(body_size: float, *, for_client: bool = False) -> Styles:
    """Styles scaled from the body size (16 pt or more for large print).

    ``for_client``: the client's sheet, where no text is grey or smaller than
    10 pt (small text is the body size less 2 pt, never under 10; in large print
    nothing is under the body size) and lines are a little tighter so that a
    routine fits on fewer pages.
    """
    register_fonts()
    small_size = max(body_size * 0.86, body_size - 2, 10 if for_client else 0)
    if for_client and body_size >= 16:
        small_size = body_size
    cell_size = body_size if body_size >= 16 or for_client else body_size * 0.92
    muted = INK if for_client else MUTED
    style = _styler(body_size, 1.25 if for_client else 1.38)
    cell = style("cell", fontSize=cell_size, leading=round(cell_size * 1.3, 1))
    return Styles(
        body=style("body", spaceAfter=body_size * 0.45),
        small=style(
            "small", fontSize=small_size, leading=round(small_size * 1.35, 1), textColor=muted
        ),
        **_heading_styles(style, body_size, small_size, close=for_client),
        **_cell_styles(cell),
        label=style("label", fontName=BOLD, fontSize=small_size, textColor=muted),
        note=style("note", textColor=muted),
        size=body_size,
    )


def table_base_style(styles: Styles) -> list[tuple[Any, ...]]:
    """Table commands every table starts from (fonts set even where no text is expected)."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), styles.cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), styles.cell.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
