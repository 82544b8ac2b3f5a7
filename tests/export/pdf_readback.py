"""Reading our PDFs back the way a reader would: text, fonts, sizes, pages."""

from __future__ import annotations

import io
import math
import statistics
from typing import Any

from pypdf import PdfReader


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(data).pages]


def flat_text(data: bytes) -> str:
    """All text with every run of whitespace made one space (table cells wrap lines)."""
    return " ".join(" ".join(page_texts(data)).split())


def _fonts_in(resources: Any, seen: dict[int, Any]) -> None:
    if not resources:
        return
    resources = resources.get_object()
    fonts = resources.get("/Font")
    if fonts:
        for ref in fonts.get_object().values():
            font = ref.get_object()
            seen[id(font)] = font
    xobjects = resources.get("/XObject")
    if xobjects:
        for ref in xobjects.get_object().values():
            xobject = ref.get_object()
            _fonts_in(xobject.get("/Resources"), seen)


def fonts(data: bytes) -> list[Any]:
    """Every font dictionary any page (or form on it) uses."""
    seen: dict[int, Any] = {}
    for page in reader(data).pages:
        _fonts_in(page.get("/Resources"), seen)
    return list(seen.values())


def unembedded_fonts(data: bytes) -> list[str]:
    """Names of fonts without an embedded TrueType program (FontFile2)."""
    missing = []
    for font in fonts(data):
        descriptors = []
        if font.get("/Subtype") == "/Type0":
            for descendant in font["/DescendantFonts"]:
                descriptors.append(descendant.get_object().get("/FontDescriptor"))
        else:
            descriptors.append(font.get("/FontDescriptor"))
        for descriptor in descriptors:
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                missing.append(str(font.get("/BaseFont")))
    return missing


def _multiply(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def text_sizes(data: bytes) -> list[float]:
    """The rendered size of every visible character, in points."""
    sizes: list[float] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        matrix = _multiply([float(v) for v in tm], [float(v) for v in cm])
        scale = math.hypot(matrix[2], matrix[3])
        sizes.extend([size * scale] * sum(1 for char in text if not char.isspace()))

    for page in reader(data).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def median_text_size(data: bytes) -> float:
    return statistics.median(text_sizes(data))


def client_chars(data: bytes) -> list[dict[str, Any]]:
    """Every character drawn, with its page (from 1), size, fill colour and place.

    ``running`` is True for the running header and footer (above the top margin
    or below the bottom margin).
    """
    import pdfplumber

    from planner.export.layout import MARGIN_BOTTOM, MARGIN_TOP

    found = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for char in page.chars:
                if char["text"].isspace():
                    continue
                running = char["top"] < MARGIN_TOP or char["bottom"] > page.height - MARGIN_BOTTOM
                found.append(
                    {
                        "page": number,
                        "text": char["text"],
                        "size": round(float(char["size"]), 2),
                        "colour": char.get("non_stroking_color"),
                        "running": running,
                    }
                )
    return found
