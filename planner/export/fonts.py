"""The embedded fonts, and turning user text into safe Paragraph markup.

Every piece of text in our PDFs is set in DejaVu Sans, embedded as a TrueType
subset, so that Latin, Greek, Cyrillic and Vietnamese names print as typed and no
base-14 font (which a printer would substitute) ever appears. Characters DejaVu
lacks (Chinese, Japanese, Korean, Devanagari, most emoji) are set, run by run, in
a font the system has for them (:mod:`planner.export.fallback`). A character no
font on the system has is drawn as a visible mark and named in one
:class:`~planner.export.MissingGlyphsWarning` per document, never dropped silently.
"""

from __future__ import annotations

import dataclasses
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from planner._resources import resources_dir
from planner.export import fallback

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
# Line breaks in user text; controls and lone surrogates are no text and become the mark.
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}
_NOT_TEXT = {"Cc", "Cs"}
# Joiners and variation selectors: kept where the run's font has them, else left out.
_FORMAT = {"Cf"}
_MARKS = {"Mn", "Mc", "Me"}
_MISSING_SHOWN = 8

Run = tuple[str | None, str]  # (fallback font name, or None for DejaVu; the text)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF as UTF-16 pairs.

    reportlab writes ``<1F600>`` (five digits, which readers reject) for 😀, so
    the text cannot be copied out of the PDF; the PDF wants ``<D83DDE00>``.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
    ]
    for index, code in enumerate(subset):
        utf16 = chr(code).encode("utf-16-be", "surrogatepass").hex().upper()
        lines.append(f"<{index:02X}> <{utf16}>")
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop"]
    return "\n".join([*lines, "end", "end"])


@lru_cache(maxsize=1)
def register_fonts() -> frozenset[int]:
    """Register the family once per process; returns the code points every face can draw.

    The set is the intersection over the faces, so text stays drawable whichever
    face a style puts it in. ``<i>`` falls back to the upright faces.
    """
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # type: ignore[attr-defined]
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
    """The visible stand-in for a character no font has."""
    return _PREFERRED_REPLACEMENT if ord(_PREFERRED_REPLACEMENT) in register_fonts() else "?"


# Characters without any font, noted while a document is built (one set per thread).
_noting = threading.local()


@contextmanager
def noting_missing() -> Iterator[set[str]]:
    """Collect, while the block runs, the characters that no font could draw."""
    previous = getattr(_noting, "missing", None)
    missing: set[str] = set()
    _noting.missing = missing
    try:
        yield missing
    finally:
        _noting.missing = previous


def describe_missing(missing: Iterable[str]) -> str:
    """One line naming the characters: ``🦶 (U+1F9B6), 中 (U+4E2D)``, at most eight of them."""
    ordered = sorted(missing)
    named = ", ".join(f"{char} (U+{ord(char):04X})" for char in ordered[:_MISSING_SHOWN])
    more = len(ordered) - _MISSING_SHOWN
    return named + (f" and {more} more" if more > 0 else "")


def _face_of(char: str, hint: str) -> fallback.Face | None:
    return fallback.face_for(ord(char), hint)


def _split(text: str) -> tuple[list[tuple[fallback.Face | None, str]], frozenset[str]]:
    """The text as (face, chars) pieces: None for DejaVu; the characters no font has."""
    covered = register_fonts()
    hint = ""
    pieces: list[tuple[fallback.Face | None, str]] = []
    missing: set[str] = set()
    current: fallback.Face | None = None
    for char in text:
        code = ord(char)
        category = unicodedata.category(char)
        face: fallback.Face | None
        if char == "\n" or category in _NOT_TEXT:
            face, char = None, char if char == "\n" else replacement_mark()
        elif code in covered and (current is None or category not in _MARKS):
            face = None
        elif current is not None and current.covers(code):
            face = current
        elif category in _FORMAT or 0xFE00 <= code <= 0xFE0F:
            continue
        else:
            hint = hint or fallback.language_hint(text)
            face = _face_of(char, hint)
            if face is None:
                missing.add(char)
                char = replacement_mark()
        if pieces and pieces[-1][0] == face:
            pieces[-1] = (face, pieces[-1][1] + char)
        else:
            pieces.append((face, char))
        current = face
    return pieces, frozenset(missing)


@lru_cache(maxsize=4096)
def _runs(text: str, bold: bool) -> tuple[tuple[Run, ...], frozenset[str]]:
    for old, new in _LINE_BREAKS.items():
        text = text.replace(old, new)
    text = text.replace("\t", " ")
    pieces, missing = _split(text)
    runs: list[Run] = []
    for face, chunk in pieces:
        name = None
        if face is not None:
            chosen = fallback.bold_of(face) if bold else face
            codes = frozenset(map(ord, chunk))
            if not all(chosen.covers(code) for code in codes):
                chosen = face
            name = fallback.font_name(chosen, codes)
            if name is None:
                missing = missing | set(chunk)
                chunk = replacement_mark() * len(chunk)
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + chunk)
        else:
            runs.append((name, chunk))
    return tuple(runs), missing


def runs(text: str, *, bold: bool = False) -> tuple[Run, ...]:
    """``text`` in runs of one font each, characters no font has noted and replaced."""
    if text.isascii() and text.isprintable():
        return ((None, text),) if text else ()
    result, missing = _runs(text, bold)
    noted = getattr(_noting, "missing", None)
    if missing and noted is not None:
        noted.update(missing)
    return result


def clean(text: str) -> str:
    """Plain text as it will be drawn: line breaks as ``\\n``, tabs as spaces, the rest marked."""
    return "".join(chunk for _, chunk in runs(text))


def _escape(text: str) -> str:
    # The three replacements of xml.sax.saxutils.escape, without importing it (and urllib).
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str, *, bold: bool = False) -> str:
    """User text as Paragraph markup that shows it literally (never as tags).

    ``bold`` picks the bold face of the fonts the system lends for other scripts;
    say it when the paragraph's style is bold.
    """
    parts = []
    for name, chunk in runs(text, bold=bold):
        safe = _escape(chunk).replace("\n", "<br/>")
        parts.append(safe if name is None else f'<font name="{name}">{safe}</font>')
    return "".join(parts)


def styled_markup(text: str, style: Any) -> str:
    """:func:`markup` for a paragraph in ``style`` (bold where the style is)."""
    return markup(text, bold=style.fontName == BOLD)


def one_line(text: str) -> str:
    """User text for a single line (the running header): breaks become spaces."""
    return " ".join(text.replace("\t", " ").split())


def plain_line(text: str) -> str:
    """User text for the PDF's metadata: one line, no control characters, any script."""
    kept = (char for char in text if unicodedata.category(char) not in _NOT_TEXT)
    return " ".join("".join(kept).split())


def line_width(text: str, font: str, size: float) -> float:
    """How wide one line of user text is when drawn by :func:`draw_line` in ``font``."""
    return sum(
        pdfmetrics.stringWidth(chunk, name or font, size)
        for name, chunk in runs(text, bold=font == BOLD)
    )


def draw_line(canvas: Any, x: float, y: float, text: str, font: str, size: float) -> float:
    """Draw one line of user text at (x, y), run by run; returns its width."""
    start = x
    for name, chunk in runs(text, bold=font == BOLD):
        canvas.setFont(name or font, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, name or font, size)
    canvas.setFont(font, size)
    return x - start


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width`` points."""
    if line_width(text, font, size) <= width:
        return text
    ellipsis = "…"
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if line_width(text[:middle] + ellipsis, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ellipsis


def strings_in(*values: Any) -> Iterator[str]:
    """Every string inside ``values`` (dataclasses, lists, tuples, dicts), for :func:`prepare`."""
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            stack.extend(getattr(value, field.name) for field in dataclasses.fields(value))
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple | set | frozenset):
            stack.extend(value)


def prepare(texts: Iterable[str]) -> None:
    """Make the system fonts for every character of ``texts`` ready in one go.

    A CFF font is converted once for all the characters a document needs rather
    than again for each new character met while the document is laid out.
    """
    covered = register_fonts()
    wanted: dict[fallback.Face, set[int]] = {}
    for text in texts:
        if text.isascii():
            continue
        hint = ""
        for char in set(text):
            code = ord(char)
            if code in covered or unicodedata.category(char) in _NOT_TEXT:
                continue
            hint = hint or fallback.language_hint(text)
            face = _face_of(char, hint)
            if face is not None and face.cff:
                wanted.setdefault(face, set()).add(code)
    for face, codes in wanted.items():
        fallback.font_name(face, frozenset(codes))
        bold = fallback.bold_of(face)
        if bold != face:
            fallback.font_name(bold, frozenset(code for code in codes if bold.covers(code)))
