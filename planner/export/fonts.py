"""The embedded font family, and turning user text into safe Paragraph markup.

Every piece of text in our PDFs is set in DejaVu Sans, embedded as a TrueType
subset, so that Latin, Greek, Cyrillic and Vietnamese names print as typed and no
base-14 font (which a printer would substitute) ever appears. Characters the font
cannot draw (emoji, CJK) are swapped for a visible replacement mark instead of
silently turning into blank boxes or crashing the build.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner._resources import resources_dir

REGULAR = "PlannerSans"
BOLD = "PlannerSans-Bold"

# Only the faces the documents use are loaded: parsing a TrueType file is the
# biggest fixed cost of an export. The oblique faces ship in resources/fonts for
# whoever needs them next; register them here (and in the mapping) before use.
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
}
_PREFERRED_REPLACEMENT = "\ufffd"
# Line breaks in user text; everything else in these categories cannot be shown.
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}
_UNSHOWABLE_CATEGORIES = {"Cc", "Cs", "Co", "Cn"}


@lru_cache(maxsize=1)
def register_fonts() -> frozenset[int]:
    """Register the family once per process; returns the code points every face can draw.

    The set is the intersection over the faces, so text stays drawable whichever
    face a style puts it in. ``<i>`` falls back to the upright faces.
    """
    folder = resources_dir() / "fonts"
    covered: set[int] | None = None
    for name, filename in _FILES.items():
        font = TTFont(name, str(folder / filename))
        pdfmetrics.registerFont(font)
        codes = set(font.face.charToGlyph)
        covered = codes if covered is None else covered & codes
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    return frozenset(covered or ())


@lru_cache(maxsize=1)
def replacement_mark() -> str:
    """The visible stand-in for a character the font lacks."""
    return _PREFERRED_REPLACEMENT if ord(_PREFERRED_REPLACEMENT) in register_fonts() else "?"


def clean(text: str) -> str:
    """Plain text the font can draw: line breaks as ``\\n``, tabs as spaces, the rest replaced."""
    covered = register_fonts()
    mark = replacement_mark()
    for old, new in _LINE_BREAKS.items():
        text = text.replace(old, new)
    out = []
    for char in text:
        code = ord(char)
        if char == "\n":
            out.append(char)
        elif char == "\t":
            out.append(" ")
        elif code in covered and unicodedata.category(char) not in _UNSHOWABLE_CATEGORIES:
            out.append(char)
        else:
            out.append(mark)
    return "".join(out)


def markup(text: str) -> str:
    """User text as Paragraph markup that shows it literally (never as tags)."""
    # The three replacements of xml.sax.saxutils.escape, without importing it (and urllib).
    safe = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return safe.replace("\n", "<br/>")


def one_line(text: str) -> str:
    """User text for a single line (canvas headers, metadata): breaks become spaces."""
    return " ".join(clean(text).split())


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    ellipsis = "…"
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if pdfmetrics.stringWidth(text[:middle] + ellipsis, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ellipsis
